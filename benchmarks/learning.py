"""Learning from decisions (issue 17): simulated teams, learning curves, suggest vs random.

    python benchmarks/learning.py --model static-zh
    python benchmarks/learning.py --model e5-small --sets heldout,short,offtarget,realworld
    python benchmarks/learning.py --model e5-small --sets postings   # own postings, real CVs

Every labelled résumé of the sets is scored once with the model's default profile.
Simulated teams turn the grades into their own decisions, each with a hidden
preference the defaults do not share:

- ``as-labelled``: the benchmark grades as they are;
- ``agrees``: shortlists exactly what the defaults score at least 0.5 (a team that
  matches the defaults: learning must not make it worse);
- ``keywords``: shortlists a fit only with strong keyword evidence (keyword
  coverage at least the median of the fits), rejects the rest;
- ``keyword-only``: shortlists the tenth of all pairs with the highest keyword
  coverage, whatever the duties (a team that reads CVs for its terms);
- ``bank``: shortlists a fit only with a bank in the résumé (银行, 分行, 支行: a team
  that prizes a keyword family; the learner may also learn keyword emphasis);
- ``payments``: shortlists a fit only with a payments background (支付, 清算, 结算 in
  the résumé), for every role — the issue's "another about a payments background",
  which no role's own terms can express (the learner's word preferences);
- ``facets``: shortlists a fit only where the stated facets (major, degree, years,
  certificates) are met (facet score >= 0.75), rejects the rest;
- ``duties``: shortlists a fit only with strong duty coverage (semantic score at least
  the median of the fits).

The résumés are split in half by person (seeded): decisions are drawn from one half
— from each résumé's three best roles under the defaults, the pairs a recruiter
actually looks at — and the learned profile is measured on every pair of the other.
For 20, 50, 100 and 200 decisions (random pairs, ``--repeats`` splits each) the
table gives the held-out mean role AUC (graded: pairs with different grades ordered
right) with the defaults and with the learned profile, the worst role's change in
any run (and the same over roles with at least :data:`MIN_SIDE` fits and not-fits held
out: a role with one held-out fit among 39 moves 0.026 per pair that swaps), the worst
role's change averaged over the splits (the expected effect of learning on a role),
résumé-level NDCG@3 over the nine roles, and the share of runs in which cross-validation
adopted the learned coefficients, the mean number of emphasised terms and of learned word
preferences.
The last table compares the same number of decisions chosen by ``suggest``
(closest to 0.5, near-duplicates skipped) with random ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from _common import ROLE_NUMBERS, cached_reader, graded_auc, ndcg, platform_line, table  # noqa: E402
from quality import load_set  # noqa: E402

from rolematch._learn_fit import design, predict  # noqa: E402
from rolematch.learn import KeywordEvidence, WordEvidence, learn_from_table, suggest  # noqa: E402
from rolematch.scoring import calibrate  # noqa: E402

ROLE_IDS = sorted(ROLE_NUMBERS, key=ROLE_NUMBERS.__getitem__)
BUDGETS = (20, 50, 100, 200)
#: Decisions are drawn from the pairs a recruiter looks at: each résumé's best roles.
POOL_RANK = 3
#: Fits and not-fits a role needs among the held-out pairs for the second worst-role column.
MIN_SIDE = 5
TEAMS = (
    "as-labelled", "agrees", "keywords", "keyword-only", "bank", "payments", "facets", "duties"
)  # fmt: skip
#: The ``bank`` team's keyword family: it shortlists a fit only with a bank background.
BANK = ("银行", "分行", "支行")
#: The ``payments`` team's background.
PAYMENTS = ("支付", "清算", "结算")


def scored_pairs(
    sets: list[str], model: str, cache_dir: Path
) -> tuple[pd.DataFrame, dict[str, str], KeywordEvidence, WordEvidence]:
    """One row per labelled résumé × role: components, default score, grade; the
    résumés' texts and the pairs' term hits. ``sets`` are quality.py's sets against the
    bundled roles, or ``postings``: the twelve imported postings of
    ``benchmarks/data/postings`` against their graded résumés and real CVs."""
    import rolematch

    if sets == ["postings"]:
        roles, graded = posting_population()
    else:
        roles, graded = rolematch.load_roles(), bundled_population(sets, cached_reader(cache_dir))
    m = rolematch.Matcher(model=model).fit(roles)
    frames, texts, read = [], {}, {}
    for name, items in graded.items():
        t = m.score_table([resume for _, resume, _ in items])
        ids = [f"{name}/{key}" for key, _, _ in items]
        t["file"] = np.repeat(ids, len(m.role_ids_))
        grades = {(f"{name}/{key}", r): g.get(r, 0) for key, _, g in items for r in m.role_ids_}
        t["grade"] = [grades[(f, r)] for f, r in zip(t["file"], t["role_id"], strict=True)]
        t["set"] = name
        frames.append(t)
        texts.update({i: resume.text for i, (_, resume, _) in zip(ids, items, strict=True)})
        read.update({i: resume for i, (_, resume, _) in zip(ids, items, strict=True)})
        print(f"{name}: {len(items)} résumés", file=sys.stderr)
    cols = ["set", "file", "role_id", "score", "keyword_score", "semantic_score"]
    out = pd.concat(frames, ignore_index=True)[[*cols, "facet_score", "grade"]]
    out["rank"] = out.groupby("file")["score"].rank(ascending=False, method="first")
    names = list(texts)
    rows = np.array([names.index(f) for f in out["file"]])
    kw = KeywordEvidence.of(
        m,
        [read[f] for f in names],
        rows,
        np.array([m.role_ids_.index(r) for r in out["role_id"]]),
    )
    words = WordEvidence.of(m.keywords_, [texts[f] for f in names], rows)
    return out, texts, kw, words


#: Per set, (key, résumé, {role id: grade}) of each readable labelled résumé.
Population = dict[str, list[tuple[str, Any, dict[str, int]]]]


def bundled_population(sets: list[str], read: Any) -> Population:
    """quality.py's labelled sets, graded against the nine bundled roles."""
    out: Population = {}
    for name in sets:
        items = load_set(name, read)
        if not items:
            print(f"{name}: absent, skipped", file=sys.stderr)
            continue
        out[name] = [
            (it.name, it.resume, {r: int(it.grades[ROLE_NUMBERS[r] - 1]) for r in ROLE_IDS})
            for it in items
            if getattr(it.resume, "ok", False)
        ]
    return out


def posting_population() -> tuple[list[Any], Population]:
    """Own postings: the twelve imported as a user imports them (saved as role files,
    loaded), their 64 graded synthetic résumés and the real CVs of ../shared graded
    against them (``benchmarks/postings.py``'s matching population)."""
    import tempfile

    from postings import DATA, import_accuracy, real_cvs

    import rolematch
    from rolematch.io.roles import write_roles

    _, imported = import_accuracy()
    with tempfile.TemporaryDirectory() as tmp:
        write_roles(imported, tmp)
        roles = rolematch.load_roles(tmp)
    ids = [r.id for r in roles]
    items = json.loads((DATA / "resumes.json").read_text(encoding="utf-8"))
    out: Population = {
        "postings": [
            (it["id"], rolematch.resume_from_text(it["text"], it["id"]), dict(it["labels"]))
            for it in items
        ]
    }
    real = [(Path(r.source).name, r, dict(zip(ids, g, strict=True))) for r, g in real_cvs(ids)]
    if real:
        out["postings-real"] = real
    return roles, out


def team_grades(pairs: pd.DataFrame, team: str, texts: dict[str, str]) -> np.ndarray:
    g = pairs["grade"].to_numpy()
    fit = g >= 1
    if team in ("bank", "payments"):
        family = BANK if team == "bank" else PAYMENTS
        has = np.array([any(w in texts[f] for w in family) for f in pairs["file"]])
        return np.where(fit & has, 2, 0)
    if team == "as-labelled":
        return g
    if team == "agrees":
        return np.where(pairs["score"] >= 0.5, 2, 0)
    if team == "keywords":
        k = pairs["keyword_score"].to_numpy()
        return np.where(fit & (k >= np.median(k[fit])), 2, 0)
    if team == "keyword-only":  # shortlists on keyword coverage alone, the top tenth
        k = pairs["keyword_score"].to_numpy()
        return np.where(k >= np.quantile(k, 0.9), 2, 0)
    if team == "facets":
        return np.where(fit & (pairs["facet_score"].fillna(0).to_numpy() >= 0.75), 2, 0)
    if team == "duties":
        s = pairs["semantic_score"].to_numpy()
        return np.where(fit & (s >= np.median(s[fit])), 2, 0)
    raise ValueError(team)


def evaluate(
    test: pd.DataFrame, profile: Any, base: Any, kw: KeywordEvidence, words: WordEvidence
) -> dict[str, Any]:
    """Held-out mean role AUC, per-role AUC and résumé NDCG@3, defaults vs ``profile``."""
    halves = (base.keyword["half"], base.semantic["half"])
    out: dict[str, Any] = {}
    for label, prof in (("default", base), ("learned", profile)):
        t = test
        if prof.keyword_adjustments:  # the learned emphasis changes keyword coverage
            f = np.ones(len(kw.terms))
            for term, factor in prof.keyword_adjustments.items():
                f[kw.terms.index(term)] = factor
            t = test.assign(keyword_score=kw.take(test.index.to_numpy()).coverage(f))
        X = design(t, halves)
        p = predict(X, np.array([prof.coef(r) for r in test["role_id"]]))
        if prof.term_bonus:  # the learned word preferences shift the log-odds
            z = np.log(p / (1 - p)) + words.take(test.index.to_numpy()).shift(prof.term_bonus)
            p = calibrate(z)
        t = test.assign(p=p)
        role = {
            r: graded_auc(g["p"].to_numpy(), g["grade"].to_numpy()) for r, g in t.groupby("role_id")
        }
        nd = [
            ndcg(g["p"].to_numpy(), g["grade"].to_numpy(), 3)
            for _, g in t.groupby("file")
            if g["grade"].max() > 0
        ]
        out[label] = {"auc": np.nanmean(list(role.values())), "ndcg@3": np.nanmean(nd)}
        out[label]["role"] = role
    return out


def run_once(
    pairs: pd.DataFrame,
    train_files: set[str],
    budget: int,
    rng: np.random.Generator,
    base: Any,
    pick: str,
    texts: dict[str, str],
    kw: KeywordEvidence,
    words: WordEvidence,
) -> dict[str, Any] | None:
    train = pairs[pairs["file"].isin(train_files) & (pairs["rank"] <= POOL_RANK)]
    test = pairs[~pairs["file"].isin(train_files)]
    if pick == "random":
        sample = train.iloc[rng.choice(len(train), size=min(budget, len(train)), replace=False)]
    else:
        chosen = suggest(train, texts, n=budget)
        keys = set(zip(chosen["file"], chosen["role_id"], strict=True))
        sample = train[[k in keys for k in zip(train["file"], train["role_id"], strict=True)]]
    try:
        profile, report = learn_from_table(
            sample,
            base,
            seed=int(rng.integers(1 << 30)),
            keywords=kw.take(sample.index.to_numpy()),
            words=words.take(sample.index.to_numpy()),
        )
    except ValueError:  # one outcome only: nothing to learn, the defaults stay
        profile, report = base, {"adopted": False}
    ev = evaluate(test, profile, base, kw, words)
    deltas = [
        ev["learned"]["role"][r] - ev["default"]["role"][r]
        for r in ev["default"]["role"]
        if not np.isnan(ev["default"]["role"][r])
    ]
    fits = test.assign(fit=test["grade"] >= 1).groupby("role_id")["fit"].agg(["sum", "count"])
    measured = set(
        fits.index[(fits["sum"] >= MIN_SIDE) & (fits["count"] - fits["sum"] >= MIN_SIDE)]
    )
    firm = [
        ev["learned"]["role"][r] - ev["default"]["role"][r]
        for r in ev["default"]["role"]
        if r in measured and not np.isnan(ev["default"]["role"][r])
    ]
    return {
        "auc_default": ev["default"]["auc"],
        "auc_learned": ev["learned"]["auc"],
        "role_deltas": {
            r: ev["learned"]["role"][r] - ev["default"]["role"][r]
            for r in ev["default"]["role"]
            if not np.isnan(ev["default"]["role"][r])
        },
        "worst_role": min(deltas) if deltas else np.nan,
        "worst_firm": min(firm) if firm else np.nan,
        "ndcg3_default": ev["default"]["ndcg@3"],
        "ndcg3_learned": ev["learned"]["ndcg@3"],
        "adopted": float(report["adopted"]),
        "terms": float(len(profile.keyword_adjustments)),
        "words": float(len(profile.term_bonus)),
    }


def _nan_safe(f: Any, xs: list[float]) -> float:
    """``f`` over the numbers that are not NaN; NaN (no warning) where none is (no role
    held out enough fits and not-fits)."""
    a = np.asarray(xs, dtype=float)
    return float(f(a[~np.isnan(a)])) if (~np.isnan(a)).any() else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="static-zh")
    ap.add_argument("--sets", default="heldout,short,offtarget")
    ap.add_argument("--repeats", type=int, default=5, help="splits per cell")
    ap.add_argument("--cache-dir", default="/tmp/rolematch_quality", type=Path)
    ap.add_argument(
        "--strength", type=float, help="a fixed prior strength (default: cross-validated)"
    )
    ap.add_argument("--teams", default=",".join(TEAMS))
    args = ap.parse_args()
    if args.strength is not None:
        import rolematch._learn_fit  # the fit chooses among its module's PRIOR_STRENGTHS

        rolematch._learn_fit.PRIOR_STRENGTHS = (args.strength,)

    from rolematch.profile import load_profile

    t0 = time.perf_counter()
    base = load_profile(args.model)
    pairs, texts, kw, words = scored_pairs(
        [s.strip() for s in args.sets.split(",")], args.model, args.cache_dir
    )
    files = np.array(sorted(set(pairs["file"])))
    print(
        f"{len(files)} résumés, {len(pairs)} résumé × role pairs, scored in "
        f"{time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    rows: list[tuple[str, dict[str, object]]] = []
    active: list[tuple[str, dict[str, object]]] = []
    for team in args.teams.split(","):
        tp = pairs.assign(grade=team_grades(pairs, team, texts))
        for budget in BUDGETS:
            for pick in ("random", "suggest") if budget <= 50 else ("random",):
                runs = []
                for rep in range(args.repeats):
                    rng = np.random.default_rng(1000 * rep + budget)
                    train = set(rng.permutation(files)[: len(files) // 2])
                    r = run_once(tp, train, budget, rng, base, pick, texts, kw, words)
                    if r is not None:
                        runs.append(r)
                m = {
                    k: _nan_safe(np.nanmean, [r[k] for r in runs])
                    for k in runs[0]
                    if k != "role_deltas"
                }
                # each role's change averaged over the splits: the expected effect, where
                # one split's worst role can be one pair of a role with few held-out fits
                by_role: dict[str, list[float]] = {}
                for r in runs:
                    for role, d in r["role_deltas"].items():
                        by_role.setdefault(role, []).append(d)
                mean_worst = min((float(np.mean(v)) for v in by_role.values()), default=np.nan)
                cells: dict[str, object] = {
                    "decisions": budget,
                    "AUC default": m["auc_default"],
                    "AUC learned": m["auc_learned"],
                    "gain": m["auc_learned"] - m["auc_default"],
                    "worst role Δ": _nan_safe(np.nanmin, [r["worst_role"] for r in runs]),
                    f"worst, ≥{MIN_SIDE} fits": _nan_safe(
                        np.nanmin, [r["worst_firm"] for r in runs]
                    ),
                    "worst role, mean of splits": mean_worst,
                    "NDCG@3 default": m["ndcg3_default"],
                    "NDCG@3 learned": m["ndcg3_learned"],
                    "adopted": m["adopted"],
                    "terms": m["terms"],
                    "words": m["words"],
                }
                (rows if pick == "random" else active).append((team, cells))
                if pick == "suggest":
                    rnd = next(c for t, c in rows[::-1] if t == team and c["decisions"] == budget)
                    cells["gain vs random"] = float(cells["AUC learned"]) - float(  # type: ignore[arg-type]
                        rnd["AUC learned"]  # type: ignore[arg-type]
                    )
        print(f"{team}: done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    print(f"## Learning curves ({args.model}; sets {args.sets}; {args.repeats} splits by résumé)")
    print()
    print(table(rows, first="team"))
    print()
    print("## suggest vs random choice of the same number of decisions")
    print()
    print(table(active, first="team"))
    print()
    print(platform_line())


if __name__ == "__main__":
    main()
