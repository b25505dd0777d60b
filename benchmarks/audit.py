"""Bias audit of the benchmark sets: ``rolematch.audit`` over each, tables on stdout.

Sets: ``heldout`` (benchmarks/data/heldout, 40 synthetic texts written to files), the
dev set's files (``../shared/devset/files``: 30 résumés × five producers), ``realworld``
(``../shared/realworld``: 21 real CVs), and all three together. Each is audited with each
role's best K (``--top-k``, default 5; 10 for the union) and, for the union, also with
``--min-score 0.5``. Attributes: gender and age as the résumés state them, ethnicity too.

    python benchmarks/audit.py [--model e5-small] [--date 2026-12-05] [--json OUT.json]

Only aggregates are printed (and written): no file, no person. The sets are small, so
most groups are under five résumés and carry no rate; the union is the batch to read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import DEVSET, HELDOUT, REALWORLD, platform_line  # noqa: E402


def _heldout_files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for item in json.loads(HELDOUT.read_text(encoding="utf-8")):
        (folder / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
    return folder


def _cell(c: dict[str, Any]) -> str:
    if c["rate"] is None:
        return f"{c['n']:>3}  –"
    ratio = "  –  " if c["impact_ratio"] is None else f"{c['impact_ratio']:.2f}"
    return f"{c['n']:>3} {c['selected']:>2} {c['rate']:.2f} ({ratio}) s{c['scoring_rate']:.2f}"


def print_audit(name: str, result: Any, seconds: float) -> None:
    d = result.to_dict()
    print(f"\n## {name}: {d['n_resumes']} résumés scored ({result.n_files} files), rule "
          f"{d['rule']}, counterfactual max delta {d['counterfactual_max_delta']}, "
          f"{len(d['flags'])} flag(s), {seconds:.0f} s")  # fmt: skip
    print("cells: n selected rate (impact ratio) scoring-rate; '–' = n < 5, no rate")
    for attribute in result.attributes:
        groups = list(next(iter(d["roles"].values()))[attribute])
        print(f"\n{attribute:<22}" + "".join(f"{g:<27}" for g in groups))
        for role_id, per_attr in d["roles"].items():
            row = per_attr[attribute]
            print(f"{role_id:<22}" + "".join(f"{_cell(row[g]):<27}" for g in groups))
    for f in d["flags"]:
        print(
            f"FLAG {f['role_id']} {f['attribute']} {f['group']}: rate {f['rate']:.3f} vs "
            f"{f['reference_group']} {f['reference_rate']:.3f}, ratio {f['impact_ratio']:.3f}, "
            f"p {f['p_value']:.3f}"
        )
    for f in d.get("inconclusive", []):
        print(f"too few to tell: {f['role_id']} {f['attribute']} {f['group']}: ratio "
              f"{f['impact_ratio']:.3f}, p {f['p_value']:.3f}")  # fmt: skip
    for w in d["warnings"]:
        print(f"warning: {w}")


def main(argv: list[str] | None = None) -> int:
    import rolematch
    from rolematch.io.roles import load_roles
    from rolematch.matcher import Matcher

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default="e5-small")
    p.add_argument("--date", default="2026-12-05", help="audit date for ages")
    p.add_argument("--top-k", type=int, default=5)
    p.add_argument("--json", help="write every audit record to this file")
    args = p.parse_args(argv)
    print(f"# rolematch bias audit of the benchmark sets ({platform_line()})")
    print(f"model {args.model}, ages as of {args.date}")
    matcher = Matcher(model=args.model).fit(load_roles())
    records: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sets: dict[str, list[Path]] = {"heldout": [_heldout_files(Path(tmp) / "heldout")]}
        if (DEVSET / "files").is_dir():
            sets["devset"] = [DEVSET / "files"]
        if REALWORLD.is_dir():
            sets["realworld"] = [REALWORLD]
        sets["all"] = [p for ps in sets.values() for p in ps]
        runs = [(name, {"top_k": args.top_k}) for name in sets if name != "all"]
        runs += [("all", {"top_k": 2 * args.top_k}), ("all", {"min_score": 0.5})]
        for name, rule in runs:
            t0 = time.perf_counter()
            result = rolematch.audit(
                sets[name], matcher=matcher, attributes=("gender", "age", "ethnicity"),
                date=args.date, **rule,
            )  # fmt: skip
            print_audit(name, result, time.perf_counter() - t0)
            key = f"{name} " + " ".join(f"{k}={v}" for k, v in rule.items())
            records[key] = result.to_dict()
    print("\n## summary\n")
    print("| batch | rule | résumés | gender stated | age stated | flags (ratio < 0.8, p < 0.05) "
          "| ratios < 0.8 too few to tell | counterfactual max delta |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")  # one column per field above
    for key, d in records.items():
        name, rule = key.split(" ", 1)
        first = next(iter(d["roles"].values()))
        stated = {a: d["n_resumes"] - first[a]["unknown"]["n"] for a in ("gender", "age")}
        unsure = len(d.get("inconclusive", []))
        print(f"| {name} | {rule} | {d['n_resumes']} | {stated['gender']} | {stated['age']} "
              f"| {len(d['flags'])} | {unsure} | {d['counterfactual_max_delta']} |")  # fmt: skip
    if args.json:
        Path(args.json).write_text(
            json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
