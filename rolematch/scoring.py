"""Score arithmetic: component arrays in, bounded scores out. Pure numpy, no I/O.

Every function returns values in [0, 1] where higher means a better fit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = [
    "calibrate",
    "combine",
    "duty_coverage",
    "duty_support",
    "half_saturate",
    "keyword_coverage",
    "saturate",
]


def saturate(counts: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """Map hit counts to [0, 1): ``1 - exp(-count / scale)``.

    One mention gives 0.63, three give 0.95, fifty give no more than a few.

    Examples
    --------
    >>> saturate(np.array([0, 1, 3, 50])).round(2).tolist()
    [0.0, 0.63, 0.95, 1.0]
    """
    return np.asarray(1.0 - np.exp(-np.asarray(counts, dtype=np.float64) / scale))


def keyword_coverage(hits: np.ndarray, role_weights: np.ndarray) -> np.ndarray:
    """Weighted share of each role's keywords a résumé contains.

    Parameters
    ----------
    hits : ndarray of shape (n_resumes, n_terms)
        Saturated hits in [0, 1].
    role_weights : ndarray of shape (n_roles, n_terms)
        Non-negative term weights per role.

    Returns
    -------
    ndarray of shape (n_resumes, n_roles)
        ``sum_t w[r, t] * hits[i, t] / sum_t w[r, t]``; 0 for a role without weight.

    Examples
    --------
    >>> keyword_coverage(np.array([[1.0, 0.0]]), np.array([[3.0, 1.0], [0.0, 2.0]])).tolist()
    [[0.75, 0.0]]
    """
    total = role_weights.sum(axis=1)
    cover = hits @ role_weights.T
    out = np.zeros_like(cover, dtype=np.float64)
    return np.asarray(np.divide(cover, total, out=out, where=total > 0))


def duty_support(
    duty_emb: np.ndarray, sent_emb: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each duty, the résumé sentence that supports it best.

    Parameters
    ----------
    duty_emb : ndarray of shape (n_duties, dim)
        L2-normalised embeddings of every duty of the role catalogue.
    sent_emb : ndarray of shape (n_sentences, dim)
        L2-normalised résumé sentence embeddings.

    Returns
    -------
    cosine : ndarray of shape (n_duties,)
        Best cosine per duty (``-1`` when there are no sentences).
    index : ndarray of shape (n_duties,)
        Index of the best sentence (``-1`` when there are none).
    support : ndarray of shape (n_duties,)
        ``(cosine - b) / (1 - b)`` clipped to [0, 1], where ``b`` is the median
        best cosine of this résumé over the whole catalogue: embedding models
        give some résumés (long, in banking language) high cosines to every
        duty, and support counts only what stands out from the résumé's own
        baseline. 1 means identical meaning.

    Examples
    --------
    >>> d = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    >>> s = np.array([[0.8, 0.6]])
    >>> cos, idx, sup = duty_support(d, s)
    >>> cos.round(2).tolist(), sup.round(2).tolist()
    ([0.8, 0.6, 0.96], [0.0, 0.0, 0.8])
    """
    n = duty_emb.shape[0]
    if sent_emb.shape[0] == 0:
        return np.full(n, -1.0), np.full(n, -1, dtype=np.int64), np.zeros(n)
    sims = duty_emb @ sent_emb.T
    index = sims.argmax(axis=1)
    cosine = sims[np.arange(n), index].astype(np.float64)
    base = float(np.median(cosine))
    support = np.clip((cosine - base) / max(1.0 - base, 1e-6), 0.0, 1.0)
    return cosine, index, support


def half_saturate(x: np.ndarray, half: float) -> np.ndarray:
    """Map a coverage in [0, 1] to [0, 1) with ``x / (x + half)``: ``half`` maps to 0.5.

    Puts components with different natural ranges on one scale before they are
    weighted, without changing any ranking.

    Examples
    --------
    >>> half_saturate(np.array([0.0, 0.1, 0.3]), 0.1).round(2).tolist()
    [0.0, 0.5, 0.75]
    """
    x = np.asarray(x, dtype=np.float64)
    return np.asarray(x / (x + half))


def duty_coverage(
    support: np.ndarray, weights: np.ndarray | None = None, share: float = 0.5
) -> float:
    """Aggregate duty support so that covering many duties beats matching one well.

    The mean over the best-supported ``share`` of the duties (by weight): no
    candidate does everything a 20-duty post lists, but a fitting one does much
    of it, and a single strong sentence moves this only by ``1 / k``.

    Examples
    --------
    >>> duty_coverage(np.array([0.9, 0.0, 0.0, 0.0]))   # one duty matched very well
    0.45
    >>> duty_coverage(np.array([0.5, 0.5, 0.0, 0.0]))   # two duties matched fairly
    0.5
    """
    w = np.ones_like(support) if weights is None else np.asarray(weights, dtype=np.float64)
    if support.size == 0 or w.sum() <= 0:
        return 0.0
    order = np.argsort(-support, kind="stable")
    budget = share * w.sum()
    cum = np.cumsum(w[order])
    # Weight of each sorted duty that falls inside the budget (the last one partly).
    take = np.clip(budget - (cum - w[order]), 0.0, w[order])
    return float((support[order] * take).sum() / take.sum())


def combine(
    components: np.ndarray, weights: Sequence[float], available: np.ndarray | None = None
) -> np.ndarray:
    """Weighted mean of components; a missing component's weight goes to the others.

    Parameters
    ----------
    components : ndarray of shape (..., n_components)
        Component scores in [0, 1] (NaN where missing).
    weights : sequence of float
        Non-negative weight per component.
    available : ndarray of bool, optional
        Where a component has data; default: not NaN.

    Examples
    --------
    >>> combine(np.array([[0.4, 0.8, np.nan]]), [0.5, 0.3, 0.2]).round(3).tolist()
    [0.55]
    """
    comp = np.asarray(components, dtype=np.float64)
    avail = ~np.isnan(comp) if available is None else np.asarray(available, dtype=bool)
    w = np.asarray(weights, dtype=np.float64) * avail
    total = w.sum(axis=-1)
    num = (np.nan_to_num(comp) * w).sum(axis=-1)
    return np.asarray(np.divide(num, total, out=np.zeros_like(num), where=total > 0))


def calibrate(raw: np.ndarray, center: float, slope: float) -> np.ndarray:
    """Logistic map of a raw combined score to [0, 1]: ``1 / (1 + exp(-slope * (raw - center)))``.

    Monotone, so it changes no ranking; it makes the number read the same across
    roles and résumés (``center`` maps to 0.5).

    Examples
    --------
    >>> calibrate(np.array([0.1, 0.2, 0.3]), center=0.2, slope=20).round(2).tolist()
    [0.12, 0.5, 0.88]
    """
    return np.asarray(1.0 / (1.0 + np.exp(-slope * (np.asarray(raw, dtype=np.float64) - center))))
