"""Form-field summaries: does a terse, clearly fitting text read as a fit?

    python benchmarks/forms.py                 # e5-small
    python benchmarks/forms.py --model static-zh

Scores the texts of ``benchmarks/data/forms_probe.json`` (job-board profile and
application-form fields, two per bundled role) against the bundled roles and prints,
for each, the score of its role, that role's rank and the runner-up's score; then how
many score >= 0.5 and how many rank their role first (issue 13's bar for short
on-target summaries: all of them, on both counts).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

PROBE = Path(__file__).resolve().parent / "data" / "forms_probe.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="e5-small")
    args = ap.parse_args()

    import rolematch

    forms = json.loads(PROBE.read_text(encoding="utf-8"))["forms"]
    m = rolematch.Matcher(model=args.model).fit(rolematch.load_roles())
    scores = m.score_matrix([f["text"] for f in forms])
    print("| role | score | rank | runner-up | text |\n|---|---|---|---|---|")
    fit = first = 0
    for f, row in zip(forms, scores, strict=True):
        r = m.role_ids_.index(f["role"])
        rank = int((row > row[r]).sum()) + 1
        other = float(np.delete(row, r).max())
        fit, first = fit + (row[r] >= 0.5), first + (rank == 1)
        text = f["text"][:40].replace("|", "／")
        print(f"| {f['role']} | {row[r]:.3f} | {rank} | {other:.3f} | {text}… |")
    n = len(forms)
    print(f"\n{args.model}: {fit}/{n} score >= 0.5 for their role; {first}/{n} rank it first")


if __name__ == "__main__":
    main()
