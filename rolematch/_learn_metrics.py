"""Held-out metrics of :mod:`rolematch.learn` (mean role AUC, pooled AUC, NDCG@5,
Brier, fold means) and the cross-validation of word preferences on top of a kept
calibration (:func:`word_preferences`). Pure numpy on scored decisions; no I/O.
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
    "metrics",
    "nanmean",
    "ndcg",
    "no_gain",
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
