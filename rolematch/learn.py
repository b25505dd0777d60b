"""Learn a team's scoring profile from its recruiters' decisions, and pick what to label next.

Every shortlist or reject is a label. :func:`learn` scores the decided résumés with
the current engine and refits the calibration of the score — the logistic
coefficients of :func:`rolematch.scoring.combine` — on the team's decisions,
shrunk toward the base profile so a handful of decisions cannot swing it, with
cross-validation by résumé. The result is an ordinary, auditable
:class:`~rolematch.profile.ScoringProfile` whose ``provenance`` holds the report:
held-out metrics with the defaults and with the learned numbers, fold by fold,
the learned coefficients beside the defaults and their support counts. When
cross-validation shows no gain the profile keeps the defaults and says so.

Only the scores' components are used (keyword coverage, duty coverage, facets of
the redacted text): no personal data reaches the fit.

:func:`suggest` picks the résumés whose decision would teach the most: the ones
closest to the decision boundary, skipping near-duplicates.

Examples
--------
>>> import pandas as pd
>>> read_decisions(pd.DataFrame({"file": ["简历.txt"], "role_id": ["mobile-banking"],
...                              "decision": ["shortlist"]})).grade.tolist()
[2]
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch.profile import ScoringProfile, load_profile

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DECISION_GRADES",
    "fit_coefficients",
    "learn",
    "learn_from_table",
    "read_decisions",
    "report_table",
    "suggest",
]

#: Decision words (and grades) -> grade: 2 a fit, 1 a partial fit, 0 not a fit.
DECISION_GRADES: dict[str, int] = {
    "shortlist": 2,
    "interview": 2,
    "offer": 2,
    "hire": 2,
    "maybe": 1,
    "reject": 0,
    "2": 2,
    "1": 1,
    "0": 0,
}
COEF = ("intercept", "keyword", "semantic", "both", "facet")
#: Penalty per coefficient on ``(b - b_base)²``, in units of one decision's log-loss.
#: A slope's information from one decision is ``p(1-p)·x²``, a few hundredths for a
#: typical pair: 20 decisions carry well under the prior's ``2λ`` = 6 and move a
#: coefficient a small part of the way; a few hundred can move it most of the way
#: (benchmarks/learning.py chose it among 10, 3 and 1). Cross-validation is the
#: second guard.
PRIOR_STRENGTH = 3.0
#: The intercept (the team's base rate, no effect on rankings) is held more loosely.
INTERCEPT_STRENGTH = 1.0
#: A role gets its own coefficients from this many decisions with both outcomes.
MIN_ROLE_DECISIONS = 30
#: Mean held-out AUC gain below which the profile keeps the defaults.
MIN_AUC_GAIN = 0.005
#: A role's own coefficients are dropped when they lower its held-out AUC this much.
MAX_ROLE_AUC_LOSS = 0.02
_COMPONENTS = ("keyword_score", "semantic_score", "facet_score")
#: Held-out numbers: mean role AUC, AUC of all pairs pooled, mean role NDCG@5, Brier.
_METRICS = ("auc", "pooled_auc", "ndcg@5", "brier")


# ------------------------------------------------------------------ decisions
def read_decisions(decisions: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read and check a decisions table.

    Parameters
    ----------
    decisions : path or DataFrame
        A CSV file (UTF-8, with a header) or a DataFrame with columns ``file``
        (résumé path; a relative path is read next to the CSV when it is not found
        from the working folder), ``role_id`` and ``decision``: ``shortlist``,
        ``interview``, ``offer``, ``hire`` (a fit, grade 2), ``maybe`` (1),
        ``reject`` (0), or the grades ``2``/``1``/``0``.

    Returns
    -------
    pandas.DataFrame
        Columns ``file``, ``role_id``, ``decision`` (as given), ``grade`` (int) and
        ``line`` (the line of the CSV, header = 1).

    Raises
    ------
    ValueError
        A column is missing or a row is bad; the message names the line and the field.
    """
    import pandas as pd

    if isinstance(decisions, pd.DataFrame):
        source = "decisions"
        header = [str(c) for c in decisions.columns]
        rows = [
            {str(k): ("" if _missing(v) else str(v)) for k, v in rec.items()}
            for rec in decisions.to_dict("records")
        ]
        base = Path.cwd()
    else:
        path = Path(decisions)
        source = str(path)
        base = path.parent
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = [h.strip() for h in (reader.fieldnames or [])]
            rows = [
                {
                    (k or "").strip(): (v or "").strip() if isinstance(v, str) else ""
                    for k, v in r.items()
                }
                for r in reader
            ]
    missing = [c for c in ("file", "role_id", "decision") if c not in header]
    if missing:
        raise ValueError(
            f"{source} line 1: the header must name the columns file, role_id, decision. "
            f"Missing {missing}; got {header} instead."
        )
    out = []
    for n, row in enumerate(rows, start=2):
        for fld in ("file", "role_id", "decision"):
            if not row.get(fld, "").strip():
                raise ValueError(f"{source} line {n}: the field {fld!r} is empty.")
        word = row["decision"].strip().lower()
        if word.endswith(".0") and word[:-2] in ("0", "1", "2"):
            word = word[:-2]
        if word not in DECISION_GRADES:
            raise ValueError(
                f"{source} line {n}: the field 'decision' must be one of "
                f"{', '.join(DECISION_GRADES)}. Got {row['decision']!r} instead."
            )
        file = row["file"].strip()
        p = Path(file)
        if not p.is_absolute() and not p.exists() and (base / p).exists():
            file = str(base / p)
        out.append(
            {
                "file": file,
                "role_id": row["role_id"].strip(),
                "decision": row["decision"].strip(),
                "grade": DECISION_GRADES[word],
                "line": n,
            }
        )
    if not out:
        raise ValueError(f"{source}: no decisions (the table has a header and no rows).")
    return pd.DataFrame(out, columns=["file", "role_id", "decision", "grade", "line"])


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


# ------------------------------------------------------------------ fitting
def _design(frame: pd.DataFrame, halves: tuple[float, float]) -> np.ndarray:
    """The calibration's features ``[k, s, sqrt(k·s), F - ½]`` (see ``scoring.combine``)."""
    K = frame["keyword_score"].to_numpy(np.float64)
    S = frame["semantic_score"].to_numpy(np.float64)
    F = frame["facet_score"].to_numpy(np.float64)
    k = K / (K + halves[0])
    s = S / (S + halves[1])
    return np.stack([k, s, np.sqrt(k * s), np.nan_to_num(F - 0.5)], axis=-1)


def _predict(X: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = b[..., 0] + np.einsum("nj,nj->n", X, b[..., 1:]) if b.ndim == 2 else b[0] + X @ b[1:]
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def fit_coefficients(
    X: np.ndarray,
    y: np.ndarray,
    prior: Sequence[float] | np.ndarray,
    *,
    strength: float | None = None,
    intercept_strength: float | None = None,
) -> np.ndarray:
    """Penalised logistic regression shrunk toward ``prior``, slopes non-negative.

    Minimises ``Σ logloss_i + Σ_j λ_j (b_j - prior_j)²`` (``λ`` = ``strength`` for
    the slopes, ``intercept_strength`` for the intercept): with few decisions the
    prior wins, with many the data.

    Parameters
    ----------
    X : ndarray of shape (n, 4)
        ``[k, s, sqrt(k·s), F - ½]``.
    y : ndarray of shape (n,)
        1 for a fit (grade ≥ 1), 0 for a reject.
    prior : sequence of 5 floats
        ``(intercept, keyword, semantic, both, facet)`` to shrink toward.

    Returns
    -------
    ndarray of shape (5,)

    Examples
    --------
    >>> X = np.array([[0.8, 0.5, 0.6, 0.0], [0.1, 0.5, 0.2, 0.0]])
    >>> b = fit_coefficients(X, np.array([1.0, 0.0]), [-3, 2, 2, 2, 0])
    >>> bool(b[1] > 2)           # keyword separates the two: its slope grows, a little
    True
    """
    from scipy.optimize import minimize

    b0 = np.asarray(prior, dtype=np.float64)
    lam_b = INTERCEPT_STRENGTH if intercept_strength is None else intercept_strength
    lam = np.array([lam_b] + [PRIOR_STRENGTH if strength is None else strength] * 4)
    y = np.asarray(y, dtype=np.float64)

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        z = b[0] + X @ b[1:]
        p = 1.0 / (1.0 + np.exp(-z))
        d = b - b0
        f = float(np.sum(np.logaddexp(0.0, z) - y * z) + np.sum(lam * d * d))
        r = p - y
        g = np.concatenate([[r.sum()], X.T @ r]) + 2 * lam * d
        return f, g

    bounds = [(None, None)] + [(0.0, None)] * 4
    start = np.clip(b0, [-np.inf, 0, 0, 0, 0], None)
    res = minimize(loss, start, jac=True, bounds=bounds, method="L-BFGS-B")
    return np.asarray(res.x)


def _fit_all(
    train: pd.DataFrame,
    halves: tuple[float, float],
    base: dict[str, np.ndarray],
    shared0: np.ndarray,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Shared coefficients, and a role's own where it has enough decisions of both kinds."""
    X = _design(train, halves)
    y = (train["grade"].to_numpy() >= 1).astype(float)
    shared = fit_coefficients(X, y, shared0)
    per_role: dict[str, np.ndarray] = {}
    for rid, idx in train.groupby("role_id").indices.items():
        yr = y[idx]
        if len(idx) >= MIN_ROLE_DECISIONS and 0 < yr.sum() < len(idx):
            # shrunk toward the role's base coefficients moved as the shared ones moved
            prior = base.get(str(rid), shared0) + (shared - shared0)
            per_role[str(rid)] = fit_coefficients(X[idx], yr, prior)
    return shared, per_role


def _coef_rows(
    frame: pd.DataFrame, shared: np.ndarray, per_role: Mapping[str, np.ndarray]
) -> np.ndarray:
    return np.array([per_role.get(r, shared) for r in frame["role_id"]])


# ------------------------------------------------------------------ metrics
def _auc(scores: np.ndarray, grades: np.ndarray) -> float:
    """Share of pairs with different grades ordered right (ties half); NaN without any."""
    gt = grades[:, None] > grades[None, :]
    if not gt.any():
        return math.nan
    right = ((scores[:, None] > scores[None, :]) & gt).sum()
    ties = ((scores[:, None] == scores[None, :]) & gt).sum()
    return float((right + 0.5 * ties) / gt.sum())


def _ndcg(scores: np.ndarray, grades: np.ndarray, k: int = 5) -> float:
    order = np.argsort(-scores, kind="stable")[:k]
    disc = 1 / np.log2(np.arange(2, k + 2))
    gain = ((2.0 ** grades[order] - 1) * disc[: len(order)]).sum()
    ideal_g = np.sort(grades)[::-1][:k]
    ideal = ((2.0**ideal_g - 1) * disc[: len(ideal_g)]).sum()
    return float(gain / ideal) if ideal > 0 else math.nan


def _nanmean(xs: Iterable[float]) -> float:
    a = np.asarray(list(xs), dtype=float)
    a = a[~np.isnan(a)]
    return float(a.mean()) if a.size else math.nan


def _metrics(frame: pd.DataFrame, p: np.ndarray) -> dict[str, Any]:
    """Mean per-role AUC and NDCG@5 (résumés ranked for a role) and Brier (fit = grade ≥ 1)."""
    g = frame["grade"].to_numpy()
    roles = frame.groupby("role_id").indices
    auc = {str(r): _auc(p[i], g[i]) for r, i in roles.items()}
    nd = {str(r): _ndcg(p[i], g[i]) for r, i in roles.items()}
    return {
        "auc": _nanmean(auc.values()),
        "pooled_auc": _auc(p, g),
        "ndcg@5": _nanmean(nd.values()),
        "brier": float(np.mean((p - (g >= 1)) ** 2)),
        "role_auc": auc,
    }


def _r(x: float, nd: int = 4) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), nd)


def _fold_mean(
    per_fold: Sequence[tuple[dict[str, Any], dict[str, Any]]], j: int, roles: Sequence[str]
) -> dict[str, Any]:
    """Metrics averaged over folds (``j`` 0: defaults, 1: learned), per role too."""
    out: dict[str, Any] = {m: _nanmean(pf[j][m] for pf in per_fold) for m in _METRICS}
    out["role_auc"] = {
        r: _nanmean(pf[j]["role_auc"].get(r, math.nan) for pf in per_fold) for r in roles
    }
    return out


# ------------------------------------------------------------------ learn
def learn_from_table(
    table: pd.DataFrame,
    base_profile: ScoringProfile | str | Path | Mapping[str, Any],
    *,
    folds: int = 5,
    seed: int = 0,
    name: str = "",
) -> tuple[ScoringProfile, dict[str, Any]]:
    """Fit a profile from scored decisions (the work of :func:`learn` after scoring).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per decision with ``file``, ``role_id``, ``grade`` (0/1/2) and the
        components ``keyword_score``, ``semantic_score``, ``facet_score`` the base
        profile's engine gave (``Matcher.score_table``).
    base_profile : ScoringProfile, name, path or dict
        The profile whose settings are kept and whose coefficients are the prior.
    folds : int, default 5
        Cross-validation folds, grouped by ``file`` (a résumé is never both
        trained and tested on).
    seed : int, default 0
        Shuffles the files before they are dealt to folds.

    Returns
    -------
    (ScoringProfile, dict)
        The learned profile (or the base one's coefficients when cross-validation
        shows no gain) and the report, also stored in ``provenance["learning"]``.
    """
    base = load_profile(base_profile)
    halves = (base.keyword["half"], base.semantic["half"])
    frame = table.reset_index(drop=True)
    bad = frame[list(_COMPONENTS[:2])].isna().any(axis=1)
    frame = frame[~bad].reset_index(drop=True)
    y = (frame["grade"].to_numpy() >= 1).astype(int)
    if len(frame) == 0 or y.min() == y.max():
        raise ValueError(
            "The 'decisions' parameter of learn must hold both fits (shortlist, interview, "
            "offer, hire, maybe, 2, 1) and rejects (reject, 0) of résumés that could be "
            f"scored. Got {int(y.sum())} fits and {int(len(y) - y.sum())} rejects instead."
        )
    roles_seen = sorted({str(r) for r in frame["role_id"]})
    base_coef = {r: np.array(base.coef(r)) for r in roles_seen}
    shared0 = np.array(base.coef(None))
    default_rows = np.array([base_coef[str(r)] for r in frame["role_id"]])
    X = _design(frame, halves)
    p_default = _predict(X, default_rows)

    # -- cross-validation by résumé
    files = np.array(sorted({str(f) for f in frame["file"]}))
    rng = np.random.default_rng(seed)
    rng.shuffle(files)
    k = max(2, min(int(folds), len(files)))
    fold_of = {f: i % k for i, f in enumerate(files)}
    fold = np.array([fold_of[str(f)] for f in frame["file"]])
    p_learned = np.full(len(frame), np.nan)
    fold_rows = []
    per_fold: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for i in range(k):
        test = fold == i
        train = ~test
        if not test.any() or len(set(y[train])) < 2:
            continue
        shared, per_role = _fit_all(frame[train], halves, base_coef, shared0)
        ft = frame[test]
        p_learned[test] = _predict(X[test], _coef_rows(ft, shared, per_role))
        d = _metrics(ft, p_default[test])
        lm = _metrics(ft, p_learned[test])
        per_fold.append((d, lm))
        fold_rows.append(
            {
                "fold": i + 1,
                "decisions": int(test.sum()),
                "resumes": int(len(set(ft["file"]))),
                **{f"{m}_default": _r(d[m]) for m in _METRICS},
                **{f"{m}_learned": _r(lm[m]) for m in _METRICS},
            }
        )
    # Overall = the mean over folds (each fold's numbers come from one model).
    # The gate: the pooled AUC (every held-out pair, the shared model's own measure; a
    # fold holds few résumés per role) must gain, and the mean role AUC must not drop.
    gains = [
        lm["pooled_auc"] - d["pooled_auc"]
        for d, lm in per_fold
        if not math.isnan(lm["pooled_auc"] - d["pooled_auc"])
    ]
    mean_gain = float(np.mean(gains)) if gains else math.nan
    role_gain = _nanmean(lm["auc"] - d["auc"] for d, lm in per_fold)
    overall_d = _fold_mean(per_fold, 0, roles_seen)
    overall_l = _fold_mean(per_fold, 1, roles_seen)

    # -- the final fit on every decision
    shared, per_role = _fit_all(frame, halves, base_coef, shared0)
    dropped = []
    for rid in list(per_role):
        before = overall_d["role_auc"].get(rid, math.nan)
        after = overall_l["role_auc"].get(rid, math.nan)
        if not math.isnan(before) and not math.isnan(after) and after < before - MAX_ROLE_AUC_LOSS:
            dropped.append(rid)
            del per_role[rid]
    adopted = bool(gains) and mean_gain >= MIN_AUC_GAIN and not role_gain < -MAX_ROLE_AUC_LOSS / 4
    support = {
        str(r): {
            "decisions": int(len(i)),
            "fits": int(y[i].sum()),
            "rejects": int(len(i) - y[i].sum()),
        }
        for r, i in frame.groupby("role_id").indices.items()
    }
    report: dict[str, Any] = {
        "decisions": int(len(frame)),
        "resumes": int(len(files)),
        "fits": int(y.sum()),
        "rejects": int(len(y) - y.sum()),
        "unscored_decisions": int(bad.sum()),
        "folds": fold_rows,
        "overall": {
            "default": {m: _r(overall_d[m]) for m in _METRICS},
            "learned": {m: _r(overall_l[m]) for m in _METRICS},
        },
        "role_auc": {
            r: {
                "default": _r(overall_d["role_auc"].get(r, math.nan)),
                "learned": _r(overall_l["role_auc"].get(r, math.nan)),
            }
            for r in roles_seen
        },
        "mean_auc_gain": _r(mean_gain),
        "mean_role_auc_gain": _r(role_gain),
        "min_auc_gain": MIN_AUC_GAIN,
        "adopted": adopted,
        "verdict": (
            f"learned coefficients adopted: held-out AUC gain {mean_gain:+.4f} "
            f"(mean role AUC {role_gain:+.4f})"
            if adopted
            else "no gain in cross-validation "
            + (
                f"(held-out AUC gain {mean_gain:+.4f}, mean role AUC {role_gain:+.4f}; "
                f"needs >= {MIN_AUC_GAIN} and no role-AUC loss)"
                if gains
                else ""
            )
            + ": the profile keeps the default coefficients"
        ),
        "coefficients": {
            "default": dict(zip(COEF, (round(float(c), 4) for c in shared0), strict=True)),
            "learned": dict(zip(COEF, (round(float(c), 4) for c in shared), strict=True)),
        },
        "roles": {
            r: {
                "default": dict(zip(COEF, (round(float(c), 4) for c in base_coef[r]), strict=True)),
                "learned": dict(zip(COEF, (round(float(c), 4) for c in c_), strict=True)),
            }
            for r, c_ in per_role.items()
        },
        "roles_dropped": dropped,
        "support": support,
        "prior_strength": PRIOR_STRENGTH,
        "intercept_strength": INTERCEPT_STRENGTH,
        "min_role_decisions": MIN_ROLE_DECISIONS,
        "target": "grade >= 1 (shortlist/interview/offer/hire/maybe)",
        "seed": seed,
        "date": dt.date.today().isoformat(),
        "base_profile": base.name or base.model,
    }
    prov = {**dict(base.provenance), "learning": report}
    doc = base.to_dict()
    doc["name"] = name or f"{base.name or base.model} + learned from {len(frame)} decisions"
    doc["provenance"] = prov
    if adopted:
        doc["calibration"] = report["coefficients"]["learned"]
        doc["roles"] = {
            **{r: dict(c) for r, c in base.roles.items()},
            **{r: v["learned"] for r, v in report["roles"].items()},
        }
    from rolematch.profile import from_dict

    return from_dict(doc, "learned profile"), report


def learn(
    decisions: str | Path | pd.DataFrame,
    roles: Any = None,
    model: str = "e5-small",
    base_profile: Any = None,
    folds: int = 5,
    seed: int = 0,
    *,
    encoder: Any = None,
) -> tuple[ScoringProfile, dict[str, Any]]:
    """Learn a scoring profile from a team's decisions.

    Parameters
    ----------
    decisions : path or DataFrame
        See :func:`read_decisions`: ``file``, ``role_id``, ``decision``.
    roles : list of Role, path or None
        The roles decided on (default the bundled roles); a path is loaded like
        ``--roles`` (role files or postings).
    model : str, default "e5-small"
        The model scoring the résumés.
    base_profile : profile, optional
        The defaults to start from and shrink toward (default the model's profile).
    folds, seed : int
        Cross-validation by résumé (see :func:`learn_from_table`).
    encoder : Encoder, optional
        Passed to :class:`~rolematch.matcher.Matcher` (e.g. a caching encoder).

    Returns
    -------
    (ScoringProfile, dict)
        The profile (``.save(path)`` writes it) and the report.

    Raises
    ------
    ValueError
        A bad decision row (names the line and the field), a role id that is not
        among the roles, or decisions without both fits and rejects.

    Examples
    --------
    >>> profile, report = learn("decisions.csv", model="static-zh")   # doctest: +SKIP
    >>> print(report_table(report))                                   # doctest: +SKIP
    """

    from rolematch.io.extract import read_resume
    from rolematch.matcher import Matcher

    table = read_decisions(decisions)
    role_list = _roles(roles)
    ids = {r.id for r in role_list}
    unknown = table[~table["role_id"].isin(ids)]
    if len(unknown):
        row = unknown.iloc[0]
        raise ValueError(
            f"decisions line {row['line']}: the field 'role_id' must be one of the roles "
            f"({', '.join(sorted(ids))}). Got {row['role_id']!r} instead."
        )
    base = load_profile(base_profile if base_profile is not None else model)
    matcher = Matcher(model=model, profile=base, encoder=encoder).fit(role_list)
    files = list(dict.fromkeys(table["file"]))
    resumes = [read_resume(f) for f in files]
    key = {str(r.source): f for r, f in zip(resumes, files, strict=True)}
    scored = matcher.score_table(resumes)
    scored["file"] = [key.get(str(s), str(s)) for s in scored["file"]]
    scored = scored[["file", "role_id", *_COMPONENTS]]
    merged = table.merge(scored, on=["file", "role_id"], how="left")
    profile, report = learn_from_table(
        merged[["file", "role_id", "grade", *_COMPONENTS]], base, folds=folds, seed=seed
    )
    report["model"] = model
    report["unreadable_files"] = sorted(f for r, f in zip(resumes, files, strict=True) if not r.ok)
    prov = {**dict(profile.provenance), "learning": report}
    return profile.replace(provenance=prov), report


def _roles(roles: Any) -> list[Any]:
    from rolematch.io.roles import load_roles, load_roles_reporting

    if roles is None:
        return load_roles()
    if isinstance(roles, (str, Path)):
        return load_roles_reporting(roles)[0]
    return list(roles)


def report_table(report: Mapping[str, Any]) -> str:
    """The report as plain text: folds, overall, coefficients, support, the verdict."""
    lines = [
        f"{'fold':>7} {'decisions':>9} {'AUC def':>8} {'AUC new':>8} {'pooled def':>10} "
        f"{'pooled new':>10} {'NDCG@5 def':>10} {'NDCG@5 new':>10} {'Brier def':>9} "
        f"{'Brier new':>9}",
        "(AUC: mean over roles; pooled: every pair; held-out résumés, mean over folds)",
    ]

    def cell(v: Any, w: int) -> str:
        return f"{v:>{w}.3f}" if isinstance(v, float) else f"{'—':>{w}}"

    rows = [(str(r["fold"]), r) for r in report["folds"]]
    o = report["overall"]
    all_row = {
        "decisions": report["decisions"],
        **{f"{m}_default": o["default"][m] for m in _METRICS},
        **{f"{m}_learned": o["learned"][m] for m in _METRICS},
    }
    for label, r in [*rows, ("overall", all_row)]:
        lines.append(
            f"{label:>7} {r['decisions']:>9} "
            f"{cell(r['auc_default'], 8)} {cell(r['auc_learned'], 8)} "
            f"{cell(r['pooled_auc_default'], 10)} {cell(r['pooled_auc_learned'], 10)} "
            f"{cell(r['ndcg@5_default'], 10)} {cell(r['ndcg@5_learned'], 10)} "
            f"{cell(r['brier_default'], 9)} {cell(r['brier_learned'], 9)}"
        )
    lines.append("")
    lines.append(f"{'coefficient':<12} {'default':>8} {'learned':>8}")
    cd, cl = report["coefficients"]["default"], report["coefficients"]["learned"]
    for c in COEF:
        lines.append(f"{c:<12} {cd[c]:>8.3f} {cl[c]:>8.3f}")
    for rid, v in report["roles"].items():
        lines.append(
            f"role {rid}: "
            + ", ".join(f"{c} {v['default'][c]:.2f}->{v['learned'][c]:.2f}" for c in COEF)
        )
    lines.append("")
    lines.append(
        f"{'role':<24} {'decisions':>9} {'fits':>5} {'rejects':>7} {'AUC def':>8} {'AUC new':>8}"
    )
    for rid, s in report["support"].items():
        ra = report["role_auc"].get(rid, {})
        lines.append(
            f"{rid:<24} {s['decisions']:>9} {s['fits']:>5} {s['rejects']:>7} "
            f"{cell(ra.get('default'), 8)} {cell(ra.get('learned'), 8)}"
        )
    lines.append("")
    lines.append(report["verdict"])
    return "\n".join(lines)


# ------------------------------------------------------------------ suggest
def _shingles(text: str) -> set[str]:
    t = "".join(text.split())
    return {t[i : i + 2] for i in range(len(t) - 1)}


def suggest(
    table: pd.DataFrame,
    texts: Mapping[str, str] | None = None,
    *,
    n: int = 10,
    role_id: str | None = None,
    max_similarity: float = 0.6,
) -> pd.DataFrame:
    """The résumé × role pairs whose decision would teach the most.

    Pairs are taken closest to the decision boundary first (score nearest 0.5),
    skipping a résumé whose text is a near-duplicate (character-bigram Jaccard
    above ``max_similarity``) of one already picked, or whose components are
    within 0.01 of a picked pair of the same role.

    Parameters
    ----------
    table : pandas.DataFrame
        ``Matcher.score_table`` output (``file``, ``role_id``, ``score`` and the
        components).
    texts : dict, optional
        ``{file: redacted text}`` for the near-duplicate check.
    n : int, default 10
    role_id : str, optional
        Only this role's pairs.

    Returns
    -------
    pandas.DataFrame
        ``n`` rows (fewer when there are not enough): ``file``, ``role_id``,
        ``score``, ``margin`` (``|score - 0.5|``) and the components.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"file": ["a", "b", "c"], "role_id": ["r"] * 3,
    ...                   "score": [0.9, 0.45, 0.52], "keyword_score": [0.5, 0.2, 0.3],
    ...                   "semantic_score": [0.3, 0.1, 0.1], "facet_score": [0.5] * 3})
    >>> suggest(t, {"a": "负责手机银行运营", "b": "柜员", "c": "负责支付清算"}, n=2).file.tolist()
    ['c', 'b']
    """
    t = table.dropna(subset=["score"])
    if role_id is not None:
        t = t[t["role_id"] == role_id]
    t = t.assign(margin=(t["score"] - 0.5).abs()).sort_values(["margin", "file"], kind="stable")
    picked: list[int] = []
    shingles: dict[str, set[str]] = {}
    picked_sh: list[set[str]] = []
    comps: list[tuple[str, np.ndarray]] = []
    for idx, row in t.iterrows():
        if len(picked) >= n:
            break
        f = str(row["file"])
        if texts is not None and f in texts:
            sh = shingles.setdefault(f, _shingles(texts[f]))
            if any(
                len(sh & o) / max(1, len(sh | o)) > max_similarity for o in picked_sh if o is not sh
            ):
                continue
        else:
            sh = set()
        c = np.nan_to_num(row[list(_COMPONENTS)].to_numpy(np.float64), nan=-1.0)
        if any(r == row["role_id"] and np.abs(c - o).max() < 0.01 for r, o in comps):
            continue
        picked.append(idx)
        if sh:
            picked_sh.append(sh)
        comps.append((str(row["role_id"]), c))
    cols = ["file", "role_id", "score", "margin", *_COMPONENTS]
    return t.loc[picked, cols].reset_index(drop=True)
