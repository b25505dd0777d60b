"""Fit the calibration of a model's scoring profile on every labelled set, and write it.

    python benchmarks/tune_weights.py --model e5-small     # writes data/profiles/e5-small.json
    python benchmarks/tune_weights.py --model static-zh
    python benchmarks/tune_weights.py --model e5-small --dry-run
    python benchmarks/tune_weights.py --model e5-small --check 0.02   # CI: shipped == refit

The score is ``logistic(b0 + b · calibration_features(K, S, F))`` (see
``rolematch.scoring.combine``), read as the chance that a résumé fits a role at least
partly (grade ≥ 1). The coefficients are fitted by logistic regression with non-negative
slopes (more evidence never lowers a score) and a small ridge, on the pooled population
of the labelled sets in ``quality.CALIBRATION_SETS`` — the dev set, the first held-out
synthetic set, the multilingual, short and long sets, the off-target CVs and the real
CVs of ../shared/realworld and ../shared/realpdf — each set weighted equally whatever
its size, so the long real-style CVs weigh as much as the short synthetic ones.
``heldout2`` and ``heldout3`` were written blind after the shipped profile was fitted
and are never calibrated on. A set that is absent (../shared missing) is skipped, and
the script then refuses to write the profile: it would be fitted on another population.
The keyword and semantic settings of the profile (term weighting, ``top_terms``, halves,
baseline quantile) are kept as they are in the profile: they were chosen by comparing a
few values with leave-one-set-out metrics, which this script prints for the fitted
coefficients.
``covered_support`` is the 25th percentile of the non-zero duty supports of pairs
graded 2, so "duties supported" counts duties with evidence like a strong fit's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from _common import ROOT, cached_reader, quality_metrics
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).parent))
from quality import CALIBRATION_SETS, load_set, make_encoder  # noqa: E402

from rolematch.scoring import COEFFICIENTS as COEF  # noqa: E402
from rolematch.scoring import calibration_features  # noqa: E402


def fit(blocks: list[tuple[np.ndarray, np.ndarray]], ridge: float = 1e-3) -> np.ndarray:
    """Logistic regression, slopes >= 0, each block (set) weighted equally."""
    X = np.concatenate([x.reshape(-1, x.shape[-1]) for x, _ in blocks])
    y = np.concatenate([(Y >= 1).ravel() for _, Y in blocks]).astype(float)
    w = np.concatenate([np.full(Y.size, 1.0 / Y.size) for _, Y in blocks])
    w /= w.mean()

    def loss(b: np.ndarray) -> float:
        z = b[0] + X @ b[1:]
        return float(np.mean(w * (np.logaddexp(0, z) - y * z)) + ridge * (b[1:] ** 2).sum())

    n = X.shape[1]
    res = minimize(loss, np.r_[-4.0, np.ones(n)], bounds=[(None, None)] + [(0, None)] * n)
    return np.asarray(res.x)


def check(
    shipped: dict[str, float], fitted: dict[str, float], tol: float, missing: list[str]
) -> None:
    """Exit 1 where the shipped calibration is not what this script fits now (the features
    moved on after the last refit); 0, saying so, where a set is absent (no verdict)."""
    if missing:
        print(f"check skipped: {', '.join(missing)} absent (../shared missing?)")
        return
    delta = {k: abs(fitted[k] - shipped[k]) for k in COEF}
    worst = max(delta, key=lambda k: delta[k])
    verdict = "ok" if delta[worst] <= tol else "FAILED"
    print(f"check {verdict}: largest change {worst} {shipped[worst]} -> {fitted[worst]} "
          f"({delta[worst]:.4f}; tolerance {tol})")  # fmt: skip
    if verdict != "ok":
        sys.exit("the shipped profile is not what tune_weights.py fits: run it to refit")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="e5-small")
    ap.add_argument("--cache-dir", default="/tmp/rolematch_quality", type=Path)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the profile")
    ap.add_argument(
        "--check",
        type=float,
        metavar="TOL",
        help="write nothing; exit 1 if a fitted coefficient differs from the shipped "
        "profile's by more than TOL (CI: the profile is what this script gives)",
    )
    args = ap.parse_args()

    import rolematch
    from rolematch.profile import load_profile, profiles_dir

    profile = load_profile(args.model)
    read = cached_reader(args.cache_dir)
    encoder = make_encoder(args.model, args.cache_dir)
    matcher = rolematch.Matcher(model=args.model, encoder=encoder, profile=profile)
    matcher.fit(rolematch.load_roles())
    halves = (profile.keyword["half"], profile.semantic["half"])
    data = {}
    missing: list[str] = []
    for name in CALIBRATION_SETS:
        items = load_set(name, read)
        if not items:
            print(f"{name}: absent, skipped")
            missing.append(name)
            continue
        batch = matcher._batch([it.resume for it in items])  # noqa: SLF001 - benchmark
        sc = matcher._score(batch)  # noqa: SLF001
        Y = np.array([it.grades for it in items])
        data[name] = (calibration_features(sc.keyword, sc.semantic, sc.facet, halves), Y, sc)
        print(f"{name}: {len(items)} résumés", flush=True)

    b = fit([(x, y) for x, y, _ in data.values()])
    print("coefficients:", dict(zip(COEF, np.round(b, 3).tolist(), strict=True)))
    rows = {}
    for name, (x, Y, _) in data.items():
        held = fit([(x2, y2) for n2, (x2, y2, _) in data.items() if n2 != name])
        S_all = 1 / (1 + np.exp(-(b[0] + x @ b[1:])))
        S_out = 1 / (1 + np.exp(-(held[0] + x @ held[1:])))
        rows[name] = {"fitted": quality_metrics(S_all, Y), "left_out": quality_metrics(S_out, Y)}
        m = rows[name]["left_out"]
        print(
            f"  {name:12s} left-out: "
            + " ".join(f"{k}={v:.3f}" for k, v in m.items() if isinstance(v, float))
        )
    strong = np.concatenate(
        [
            sc.duty[i][2][matcher._duty_ids[r]]  # noqa: SLF001
            for _, Y, sc in data.values()
            for i, r in zip(*np.nonzero(Y == 2), strict=True)
        ]
    )
    covered = float(np.round(np.quantile(strong[strong > 0], 0.25), 3)) if strong.size else 0.1
    print("covered_support:", covered)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    doc = profile.to_dict()
    doc["name"] = f"{args.model} default"
    doc["model"] = args.model if args.model in ("e5-small", "static-zh") else "default"
    doc["calibration"] = dict(zip(COEF, np.round(b, 4).tolist(), strict=True))
    doc["semantic"] = {**doc["semantic"], "covered_support": covered}
    doc["provenance"] = {
        "script": "benchmarks/tune_weights.py",
        "date": dt.date.today().isoformat(),
        "commit": commit,
        "sets": {n: int(y.shape[0]) for n, (_, y, _) in data.items()},
        "target": "grade >= 1 (fits at least partly)",
        "left_out_metrics": {n: r["left_out"] for n, r in rows.items()},
    }
    if args.check is not None:
        check(profile.calibration, doc["calibration"], args.check, missing)
        return
    if args.dry_run:
        print(json.dumps(doc, ensure_ascii=False, indent=1)[:2000])
        return
    if missing:
        sys.exit(
            f"not written: {', '.join(missing)} absent (../shared missing?); the profile "
            "would be fitted on another population (--dry-run prints it)"
        )
    out = profiles_dir() / f"{doc['model']}.json"
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", out)


if __name__ == "__main__":
    main()
