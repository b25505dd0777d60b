"""Held-out metrics of :mod:`rolematch.learn` (mean role AUC, pooled AUC, NDCG@5,
Brier, fold means), the cross-validation of word preferences on top of a kept
calibration (:func:`word_preferences`), and what a report says beside them: the
decisions counted as fits though they said maybe (:func:`maybe_decisions`) and what a
profile does to the pairs nobody decided (:func:`pairs_effect`). Pure numpy on scored
decisions; no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch._learn_terms import WordEvidence, fit_bonus, select_words
from rolematch.scoring import calibrate

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "MAX_ROLE_AUC_LOSS",
    "METRICS",
    "MIN_AUC_GAIN",
    "auc",
    "fold_mean",
    "in_words",
    "maybe_decisions",
    "maybe_line",
    "metrics",
    "nanmean",
    "ndcg",
    "no_gain",
    "pairs_effect",
    "pairs_line",
    "role_losses",
    "rounded",
    "word_preferences",
]

#: Mean held-out AUC gain below which the profile keeps the defaults.
MIN_AUC_GAIN = 0.005
#: A role keeps its default coefficients when learning lowers its held-out AUC this much.
MAX_ROLE_AUC_LOSS = 0.02
#: Held-out numbers: mean role AUC, AUC of all pairs pooled, mean role NDCG@5, mean
#: résumé NDCG@3 (the roles a résumé was decided for, ranked), Brier.
METRICS = ("auc", "pooled_auc", "ndcg@5", "resume_ndcg@3", "brier")


# ------------------------------------------------------------------ metrics
def auc(scores: np.ndarray, grades: np.ndarray) -> float:
    """Share of pairs with different grades ordered right (ties half); NaN without any."""
    gt = grades[:, None] > grades[None, :]
    if not gt.any():
        return math.nan
    right = ((scores[:, None] > scores[None, :]) & gt).sum()
    ties = ((scores[:, None] == scores[None, :]) & gt).sum()
    return float((right + 0.5 * ties) / gt.sum())


def ndcg(scores: np.ndarray, grades: np.ndarray, k: int = 5) -> float:
    order = np.argsort(-scores, kind="stable")[:k]
    disc = 1 / np.log2(np.arange(2, k + 2))
    gain = ((2.0 ** grades[order] - 1) * disc[: len(order)]).sum()
    ideal_g = np.sort(grades)[::-1][:k]
    ideal = ((2.0**ideal_g - 1) * disc[: len(ideal_g)]).sum()
    return float(gain / ideal) if ideal > 0 else math.nan


def nanmean(xs: Iterable[float]) -> float:
    a = np.asarray(list(xs), dtype=float)
    a = a[~np.isnan(a)]
    return float(a.mean()) if a.size else math.nan


def metrics(frame: pd.DataFrame, p: np.ndarray) -> dict[str, Any]:
    """Mean per-role AUC and NDCG@5 (résumés ranked for a role), mean per-résumé NDCG@3
    (roles ranked for a résumé decided for two or more) and Brier (fit = grade ≥ 1)."""
    g = frame["grade"].to_numpy()
    roles = frame.groupby("role_id").indices
    by_role = {str(r): auc(p[i], g[i]) for r, i in roles.items()}
    nd = {str(r): ndcg(p[i], g[i]) for r, i in roles.items()}
    files = frame.groupby("file").indices.values()
    return {
        "auc": nanmean(by_role.values()),
        "pooled_auc": auc(p, g),
        "ndcg@5": nanmean(nd.values()),
        "resume_ndcg@3": nanmean(ndcg(p[i], g[i], 3) for i in files if len(i) > 1),
        "brier": float(np.mean((p - (g >= 1)) ** 2)),
        "role_auc": by_role,
    }


def rounded(x: float, nd: int = 4) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), nd)


def fold_mean(
    per_fold: Sequence[tuple[dict[str, Any], dict[str, Any]]], j: int, roles: Sequence[str]
) -> dict[str, Any]:
    """Metrics averaged over folds (``j`` 0: defaults, 1: learned), per role too."""
    out: dict[str, Any] = {m: nanmean(pf[j][m] for pf in per_fold) for m in METRICS}
    out["role_auc"] = {
        r: nanmean(pf[j]["role_auc"].get(r, math.nan) for pf in per_fold) for r in roles
    }
    return out


def word_preferences(
    frame: pd.DataFrame,
    y: np.ndarray,
    words: WordEvidence,
    folds: Sequence[tuple[np.ndarray, np.ndarray]],
    final: np.ndarray,
) -> dict[str, Any]:
    """Cross-validate word bonuses on top of each fold's model (``p`` of every row);
    if they gain, fit them on every decision on top of ``final``."""

    def logit(p: np.ndarray) -> np.ndarray:
        p = np.clip(p, 1e-9, 1 - 1e-9)
        return np.asarray(np.log(p / (1 - p)))

    gains, role_gains, per_fold = [], [], []
    for test, p in folds:
        train, z = ~test, logit(p)
        tr = words.take(train)
        chosen = list(select_words(tr, y[train], z[train]))
        shift = np.zeros(int(test.sum()))
        if chosen:
            b = fit_bonus(tr.presence(chosen), y[train], z[train])
            shift = words.take(test).shift(dict(zip(chosen, b, strict=True)))
        before = metrics(frame[test], p[test])
        after = metrics(frame[test], calibrate(z[test] + shift))
        gains.append(after["pooled_auc"] - before["pooled_auc"])
        role_gains.append(after["auc"] - before["auc"])
        per_fold.append((before, after))
    gain, role_gain = nanmean(gains), nanmean(role_gains)
    # a bonus moves every role: no role may lose (the calibration's guard, applied to all)
    roles = sorted({str(r) for r in frame["role_id"]})
    b4, af = fold_mean(per_fold, 0, roles)["role_auc"], fold_mean(per_fold, 1, roles)["role_auc"]
    worst = min((af[r] - b4[r] for r in roles if not math.isnan(af[r] - b4[r])), default=0.0)
    out: dict[str, Any] = {
        "gain": rounded(gain),
        "role_auc_gain": rounded(role_gain),
        "worst_role_auc_change": rounded(worst),
        "learned": False,
    }
    if not (
        gain >= MIN_AUC_GAIN
        and not role_gain < -MAX_ROLE_AUC_LOSS / 4
        and worst >= -MAX_ROLE_AUC_LOSS
    ):
        if math.isnan(gain):
            out["reason"] = "too few decisions: no held-out fold could compare them"
        elif gain < MIN_AUC_GAIN:
            out["reason"] = f"held-out AUC gain below {MIN_AUC_GAIN}"
        else:
            out["reason"] = "a role's held-out AUC fell"
        return out
    z = logit(final)
    found = select_words(words, y, z)
    if found:
        b = fit_bonus(words.presence(list(found)), y, z)
        out["words"] = {
            w: {**c, "bonus": round(float(v), 3)}
            for (w, c), v in zip(found.items(), b, strict=True)
            if abs(v) >= 0.05
        }
        out["learned"] = bool(out["words"])
    return out


# ------------------------------------------------------------------ every pair
def pairs_effect(
    default: np.ndarray,
    learned: np.ndarray,
    decided: np.ndarray,
    role_ids: Sequence[str],
    threshold: float = 0.5,
) -> dict[str, Any]:
    """What a profile does to every résumé × role pair of the decided résumés, not only
    to the pairs decided: a word preference is added to every role's score, so roles
    a résumé was never decided for move too.

    Parameters
    ----------
    default, learned : ndarray of shape (n_resumes, n_roles)
        Scores with the base profile and with the learned one (NaN: not scored).
    decided : ndarray of bool, same shape
        The pairs the team decided.
    role_ids : sequence of str
        The columns' roles.
    threshold : float, default 0.5

    Returns
    -------
    dict
        Counts only (no file names): ``pairs``, ``undecided_pairs``, the pairs scoring
        at least ``threshold`` with each profile (``at_least_default``,
        ``at_least_learned``), the undecided ones that cross it upward or downward
        (``undecided_up``, ``undecided_down``) and ``up_by_role`` (most first).

    Examples
    --------
    >>> e = pairs_effect(np.array([[0.4, 0.6]]), np.array([[0.7, 0.6]]),
    ...                  np.array([[False, True]]), ["a", "b"])
    >>> e["at_least_default"], e["at_least_learned"], e["undecided_up"], e["up_by_role"]
    (1, 2, 1, {'a': 1})
    """
    scored = ~(np.isnan(default) | np.isnan(learned))
    was, now = scored & (default >= threshold), scored & (learned >= threshold)
    open_ = scored & ~decided
    up, down = open_ & ~was & now, open_ & was & ~now
    by_role = {str(r): int(n) for r, n in zip(role_ids, up.sum(axis=0), strict=True) if n}
    return {
        "threshold": threshold,
        "resumes": int(default.shape[0]),
        "roles": len(role_ids),
        "pairs": int(scored.sum()),
        "undecided_pairs": int(open_.sum()),
        "at_least_default": int(was.sum()),
        "at_least_learned": int(now.sum()),
        "undecided_up": int(up.sum()),
        "undecided_down": int(down.sum()),
        "up_by_role": dict(sorted(by_role.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def maybe_decisions(table: pd.DataFrame) -> dict[str, Any]:
    """How many of ``table``'s decisions are grade 1 (maybe, 待定, 备选 …), counted as
    fits, and the words that said so: a sheet's 待定 may mean "not decided yet".

    Examples
    --------
    >>> import pandas as pd
    >>> maybe_decisions(pd.DataFrame({"decision": ["待定", "面试", "待定", "备选"],
    ...                               "grade": [1, 2, 1, 1]}))
    {'count': 3, 'of': 4, 'words': {'待定': 2, '备选': 1}}
    """
    said = table.loc[table["grade"] == 1, "decision"].astype(str).str.strip()
    return {
        "count": len(said),
        "of": len(table),
        "words": {str(w): int(n) for w, n in said.value_counts(sort=True).items()},
    }


def maybe_line(report: Mapping[str, Any]) -> list[str]:
    """The report's line on grade-1 decisions (:func:`maybe_decisions`), if any."""
    m = report.get("maybe_decisions") or {}
    if not m.get("count"):
        return []
    words = ", ".join(f"{w} {n}" for w, n in m["words"].items())
    return [
        f"{m['count']} of {m['of']} decisions were maybe/待定 (counted as fits: {words}); "
        "where one means not decided yet, leave its decision empty (a pending row is skipped)"
    ]


def in_words(default: Mapping[str, float], learned: Mapping[str, float]) -> str:
    """The coefficients as the explanations' weights: each component's share of the
    slopes, with the defaults and as learned (a team that weighs the major and degree
    more shows a larger facets share)."""
    from rolematch.explain import component_weights
    from rolematch.scoring import COEFFICIENTS

    wd, wl = (component_weights([c[k] for k in COEFFICIENTS], True) for c in (default, learned))
    names = {"keyword": "keywords", "semantic": "duties", "facet": "facets (major, degree, years)"}
    return "in words, each component's share of the weight (as explanations show it): " + ", ".join(
        f"{name} {wd[k]:.2f} -> {wl[k]:.2f}" for k, name in names.items()
    )


def pairs_line(report: Mapping[str, Any]) -> list[str]:
    """The report's line on every pair of the decided résumés (:func:`pairs_effect`)."""
    a = report.get("all_pairs")
    if not a:
        return []
    t = a["threshold"]
    head = (
        f"every pair of the {a['resumes']} decided résumés × {a['roles']} roles "
        f"({a['pairs']} pairs, {a['undecided_pairs']} not decided): "
    )
    if not a["changed"]:
        return [head + f"{a['at_least_default']} score ≥ {t:g}, as with the defaults"]
    roles = ", ".join(f"{r} {n}" for r, n in list(a["up_by_role"].items())[:5])
    more = " …" if len(a["up_by_role"]) > 5 else ""
    up = (
        f"{a['undecided_up']} pairs not decided rose to ≥ {t:g} ({roles}{more})"
        if a["undecided_up"]
        else f"no pair not decided rose to ≥ {t:g}"
    )
    # a calibration fitted to a team that shortlists often lifts many pairs over the cut
    more = a["at_least_learned"] - a["at_least_default"]
    cut = (
        f"; a cut at {t:g} would take {more} more pairs: shortlist by rank (--top-k) "
        "or set the cut anew"
        if a["at_least_default"] and a["at_least_learned"] >= 1.5 * a["at_least_default"]
        else ""
    )
    return [
        head + f"{a['at_least_default']} score ≥ {t:g} with the defaults, "
        f"{a['at_least_learned']} with this profile; {up}, {a['undecided_down']} fell below"
        + ("; check them before adopting the profile" if a["undecided_up"] else "")
        + cut
    ]


# ------------------------------------------------------------------ verdicts
def role_losses(role_auc: Mapping[str, Mapping[str, Any]], dropped: Sequence[str]) -> str:
    """What an adopted profile does to the roles whose held-out AUC it lowers: a role
    that lost more than :data:`MAX_ROLE_AUC_LOSS` keeps its defaults, a smaller loss is
    named so the mean gain does not hide it."""

    def auc(r: str) -> str:
        return f"{role_auc[r]['default']:.3f} -> {role_auc[r]['learned']:.3f}"

    fell = [
        r
        for r, v in role_auc.items()
        if r not in dropped
        and v["learned"] is not None
        and v["default"] is not None
        and v["learned"] < v["default"] - MIN_AUC_GAIN
    ]
    out = ""
    if dropped:
        out += (
            f"; {', '.join(dropped)} keep{'s' if len(dropped) == 1 else ''} the default "
            f"coefficients (held-out AUC {'; '.join(auc(r) for r in dropped)}, a loss over "
            f"{MAX_ROLE_AUC_LOSS})"
        )
    if fell:
        out += (
            f"; held-out AUC lower for {', '.join(f'{r} ({auc(r)})' for r in fell)}, "
            f"within the {MAX_ROLE_AUC_LOSS} allowed"
        )
    return out


def no_gain(
    gains: Sequence[float],
    gain: float,
    role_gain: float,
    rank_gain: float,
    n: int,
    n_resumes: int,
    k: int,
    fits: int,
    min_events: float,
) -> str:
    """Why the learned coefficients were not adopted (``min_events``: the fits and the
    rejects each must number, :data:`rolematch._learn_fit.MIN_PRIOR_EVENTS`)."""
    if gains and min(fits, n - fits) < min_events:
        return (
            f"too few decisions of one kind ({fits} fits and {n - fits} rejects; at least "
            f"{min_events:g} of each let cross-validation tell a gain from noise)"
        )
    if not gains:
        return (
            f"too few decisions to cross-validate ({n} decisions on {n_resumes} résumés, "
            f"{k} folds: no held-out fold holds a fit and a reject to rank)"
        )
    why = []
    if gain < MIN_AUC_GAIN:
        why.append(f"held-out AUC gain {gain:+.4f} is below {MIN_AUC_GAIN}")
    if role_gain < -MAX_ROLE_AUC_LOSS / 4:
        why.append(f"mean role AUC fell by {-role_gain:.4f} (more than {MAX_ROLE_AUC_LOSS / 4})")
    if not role_gain > 0 and rank_gain < 0:
        why.append(
            f"no role's AUC gained and the ranking of each résumé's roles fell "
            f"(NDCG@3 {rank_gain:+.4f})"
        )
    return "no gain in cross-validation (" + "; ".join(why) + ")"
