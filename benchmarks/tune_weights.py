"""Choose the Matcher's default weights, half-saturations and calibration.

    python benchmarks/tune_weights.py [--model e5-small] [--out FILE.json]

How: the three components are computed once for every file of ../shared/devset
(extracted from the files). A small grid over (keyword_weight, semantic_weight,
facet_weight, keyword_half, semantic_half) is scored with the quality metrics
(benchmarks/quality.py); the objective is their sum, and ties go to the grid
point nearest the middle of the grid (the least extreme). The chosen point's
raw combined scores are then calibrated with a one-feature logistic regression
of "grade >= 1" (fits the role at least partly), so 0.5 means an even chance.
The grid is deliberately coarse — 30 labelled résumés cannot support more — and
the held-out set (benchmarks/data/heldout) is reported for the chosen point but
never used to choose it.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np
from _common import HELDOUT, ROOT, devset_items, json_items, metrics, platform_line, table

# The facet weight starts at 0.05: the posting states preferred majors, and a stated
# requirement must be able to move a score, if only a little.
WEIGHTS = [(k, round(1 - k - f, 2), f) for k in (0.3, 0.4, 0.5, 0.6, 0.7) for f in (0.05, 0.1)]
HALVES = [(kh, sh) for kh in (0.05, 0.1, 0.2) for sh in (0.1, 0.2, 0.4)]


def component_arrays(items, model):
    import rolematch

    m = rolematch.Matcher(model=model).fit(rolematch.load_roles())
    order = {rid: j for j, rid in enumerate(m.role_ids_)}
    K, S, F = (np.full((len(items), len(order)), np.nan) for _ in range(3))
    for i, res in enumerate(m.match([it.resume for it in items], top_k=None)):
        for r in res:
            e, j = r.explanation, order[r.role_id]
            K[i, j], S[i, j] = e.keyword_score, e.semantic_score
            F[i, j] = np.nan if e.facet_score is None else e.facet_score
    return K, S, F


def raw_scores(K, S, F, w, kh, sh):
    from rolematch.scoring import combine, half_saturate

    comps = np.stack([half_saturate(K, kh), half_saturate(S, sh), F], axis=-1)
    return combine(comps, w)


def fit_calibration(raw, Y):
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=100.0).fit(raw.reshape(-1, 1), (Y >= 1).ravel().astype(int))
    slope = float(lr.coef_[0, 0])
    return -float(lr.intercept_[0]) / slope, slope


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="e5-small")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "tune_weights.json"))
    args = ap.parse_args()

    dev = [it for it in devset_items() if it.resume.ok]
    Y = np.array([it.grades for it in dev])
    K, S, F = component_arrays(dev, args.model)
    grid = []
    for w, (kh, sh) in itertools.product(WEIGHTS, HALVES):
        m = metrics(raw_scores(K, S, F, w, kh, sh), Y)
        grid.append({"weights": w, "keyword_half": kh, "semantic_half": sh, "metrics": m})
    mid = np.array([0.5, 0.05, 0.1, 0.2])

    def key(g):
        x = np.array([g["weights"][0], g["weights"][2], g["keyword_half"], g["semantic_half"]])
        return (-round(sum(g["metrics"].values()), 4), float(np.abs((x - mid) / mid).sum()))

    grid.sort(key=key)
    best = grid[0]
    raw = raw_scores(K, S, F, best["weights"], best["keyword_half"], best["semantic_half"])
    center, slope = fit_calibration(raw, Y)
    print(f"{platform_line()}\nmodel {args.model}; {len(dev)} dev files; {len(grid)} grid points\n")
    print("top of the grid (weights = keyword, semantic, facet):")
    print(
        table(
            [
                (f"{g['weights']} kh={g['keyword_half']} sh={g['semantic_half']}", g["metrics"])
                for g in grid[:8]
            ]
        )
    )
    print(
        f"\nchosen: {best['weights']} keyword_half={best['keyword_half']} "
        f"semantic_half={best['semantic_half']} calibration=({center:.3f}, {slope:.2f})"
    )
    report = {
        "model": args.model,
        "n_dev": len(dev),
        "chosen": best,
        "calibration": [round(center, 3), round(slope, 2)],
        "grid": grid,
    }
    if HELDOUT.exists():
        held = json_items(HELDOUT)
        Kh, Sh, Fh = component_arrays(held, args.model)
        Yh = np.array([it.grades for it in held])
        hm = metrics(
            raw_scores(Kh, Sh, Fh, best["weights"], best["keyword_half"], best["semantic_half"]), Yh
        )
        print("held-out (not used to choose):")
        print(
            table(
                [
                    ("chosen", hm),
                    ("keyword alone", metrics(Kh, Yh)),
                    ("semantic alone", metrics(Sh, Yh)),
                ]
            )
        )
        report["heldout"] = hm
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
