"""Score arithmetic: component arrays in, bounded scores out. Pure numpy, no I/O.

Every function returns values in [0, 1] where higher means a better fit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: Per résumé, ``{role: {term: saturated hits}}`` where a role's hits differ from the
#: shared ones (:func:`saturate_parts`).
OwnHits = Sequence[Mapping[int, Mapping[int, float]]]

__all__ = [
    "COEFFICIENTS",
    "LOG_FLOOR",
    "SaturatedHits",
    "calibrate",
    "calibration_features",
    "cap_claims",
    "chance_corrected",
    "combine",
    "duty_coverage",
    "duty_support",
    "half_saturate",
    "keyword_coverage",
    "keyword_evidence",
    "keyword_focus",
    "lived_evidence",
    "resume_baseline",
    "saturate",
    "saturate_parts",
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


def keyword_coverage(
    hits: np.ndarray,
    role_weights: np.ndarray,
    top_terms: int | None = None,
    own: OwnHits | None = None,
) -> np.ndarray:
    """Weighted share of each role's keywords a résumé contains.

    Parameters
    ----------
    hits : ndarray of shape (n_resumes, n_terms)
        Saturated hits in [0, 1].
    role_weights : ndarray of shape (n_roles, n_terms)
        Non-negative term weights per role.
    top_terms : int, optional
        Measure against the weight of the role's ``top_terms`` heaviest terms (capped
        at 1) rather than all of them: a long posting lists 150 terms, and a terse
        résumé that names its ten most distinctive ones has strong evidence.
    own : sequence of mapping, optional
        Each role's own hits where they differ from ``hits`` (:func:`saturate_parts`).

    Returns
    -------
    ndarray of shape (n_resumes, n_roles)
        ``min(1, sum_t w[r, t] * hits[i, t] / total_r)``; 0 for a role without weight.

    Examples
    --------
    >>> keyword_coverage(np.array([[1.0, 0.0]]), np.array([[3.0, 1.0], [0.0, 2.0]])).tolist()
    [[0.75, 0.0]]
    >>> keyword_coverage(np.array([[1.0, 0.0]]), np.array([[3.0, 1.0]]), top_terms=1).tolist()
    [[1.0]]
    """
    return _share(_role_sums(hits, role_weights, own), _coverage_total(role_weights, top_terms))


def _coverage_total(role_weights: np.ndarray, top_terms: int | None) -> np.ndarray:
    """What a role's coverage is measured against: its (top ``top_terms``) weight."""
    if top_terms is None:
        return np.asarray(role_weights.sum(axis=1))
    return np.asarray(-np.sort(-role_weights, axis=1)[:, :top_terms].sum(axis=1))


def _share(num: np.ndarray, total: np.ndarray) -> np.ndarray:
    """``min(1, num / total)``, 0 where ``total`` is 0 (broadcast over the last axis)."""
    out = np.zeros_like(num, dtype=np.float64)
    return np.asarray(np.minimum(1.0, np.divide(num, total, out=out, where=total > 0)))


def keyword_focus(
    hits: np.ndarray,
    term_weight: np.ndarray,
    role_weights: np.ndarray,
    mass: np.ndarray,
    own: OwnHits | None = None,
) -> np.ndarray:
    """Share of each résumé's distinctive words that are a role's vocabulary.

    Coverage (:func:`keyword_coverage`) asks how much of the role a résumé names; focus
    asks how much of the résumé is about the role. A one-line summary that names four
    of a role's terms and nothing else is all focus and little coverage; a 10-page CV
    that collects thirty of a role's words among thousands of others is the reverse.

    Parameters
    ----------
    hits : ndarray of shape (n_resumes, n_terms)
        Saturated hits in [0, 1] of the roles' terms.
    term_weight : ndarray of shape (n_terms,)
        Each term's weight in a text's mass (``KeywordVectorizer.mass_weight_``:
        ``rarity^p · genre^q``, without the role's frequency).
    role_weights : ndarray of shape (n_roles, n_terms)
        A role's terms are those with a positive weight.
    mass : ndarray of shape (n_resumes,)
        The résumé's :meth:`~rolematch.features.keywords.KeywordVectorizer.term_mass`.
    own : sequence of mapping, optional
        Each role's own hits where they differ from ``hits`` (:func:`saturate_parts`).

    Returns
    -------
    ndarray of shape (n_resumes, n_roles)
        ``min(1, sum_{t in role} term_weight_t · hits_t / mass)``; 0 for an empty résumé.

    Examples
    --------
    >>> keyword_focus(np.array([[1.0, 1.0, 0.0]]), np.array([2.0, 1.0, 1.0]),
    ...               np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]), np.array([6.0])).tolist()
    [[0.3333333333333333, 0.16666666666666666]]
    """
    num = _role_sums(hits, (role_weights > 0) * term_weight, own)
    return _share(num, _focus_total(mass))


@dataclass(frozen=True)
class SaturatedHits:
    """Texts' saturated hits of the roles' terms, from which both shares of the keyword
    component are measured: the engine's score and the learner's re-weighing of it
    (:class:`rolematch.learn.KeywordEvidence`) read them the same way.

    Attributes
    ----------
    hits : ndarray of shape (n_texts, n_terms)
        :func:`saturate` of the whole-word counts.
    own : sequence of mapping
        Each role's own hits where they differ (:func:`saturate_parts`).
    """

    hits: np.ndarray
    own: OwnHits

    @classmethod
    def of(
        cls, counts: np.ndarray, parts: Sequence[Mapping[int, Mapping[int, int]]], scale: float
    ) -> SaturatedHits:
        """From a :class:`~rolematch.features.keywords.KeywordHits`' ``counts`` and ``parts``."""
        return cls(saturate(counts, scale), saturate_parts(counts, parts, scale))

    def coverage(self, role_weights: np.ndarray, top_terms: int) -> np.ndarray:
        """:func:`keyword_coverage` of every text for every role."""
        return keyword_coverage(self.hits, role_weights, top_terms, self.own)

    def focus(
        self, term_weight: np.ndarray, role_weights: np.ndarray, mass: np.ndarray, null: np.ndarray
    ) -> np.ndarray:
        """:func:`keyword_focus` beyond each role's ``null`` (:func:`chance_corrected`)."""
        raw = keyword_focus(self.hits, term_weight, role_weights, mass, self.own)
        return chance_corrected(raw, null)


def chance_corrected(focus: np.ndarray, null: np.ndarray) -> np.ndarray:
    """Focus beyond what each role's vocabulary takes from any résumé by chance.

    A role with a broad vocabulary (23 duties, 270 terms) holds more of an unrelated
    CV's distinctive words than a narrow one (120 terms), so raw focus favours broad
    roles: customer-service took 9% of a software CV's words where payment-settlement
    took 4%. ``null`` is each role's focus on the background's résumés of many
    professions (:func:`rolematch.features.background.reference_resumes`), a fixed
    reference: the role's own text decides it, not the other roles loaded.

    Parameters
    ----------
    focus : ndarray of shape (n_resumes, n_roles)
        :func:`keyword_focus`.
    null : ndarray of shape (n_roles,)
        Each role's chance focus, in [0, 1); 0 leaves its focus as it is.

    Returns
    -------
    ndarray of shape (n_resumes, n_roles)
        ``max(0, focus - null) / (1 - null)``: 0 at chance, 1 where focus is 1.

    Examples
    --------
    >>> focus = np.array([[0.05, 0.05, 0.6]])
    >>> chance_corrected(focus, np.array([0.09, 0.04, 0.2])).round(3).tolist()
    [[0.0, 0.01, 0.5]]
    """
    null = np.clip(np.asarray(null, dtype=np.float64), 0.0, 0.999)
    return np.asarray(np.clip((np.asarray(focus) - null) / (1.0 - null), 0.0, 1.0))


def _focus_total(mass: np.ndarray) -> np.ndarray:
    """A résumé's mass as a column; 0 for a mass so small it is no text (dividing by it
    would overflow)."""
    m = np.asarray(mass, dtype=np.float64)[:, None]
    return np.where(m > 1e-9, m, 0.0)


def saturate_parts(
    counts: np.ndarray, parts: Sequence[Mapping[int, Mapping[int, int]]], scale: float = 1.0
) -> OwnHits:
    """Each role's own saturated hits where they differ from ``saturate(counts)``.

    ``parts`` holds, per résumé, ``{role: {term: hits}}`` that only that role adds to the
    shared ``counts`` (its terms read inside compounds:
    :class:`~rolematch.features.keywords.KeywordHits`); the result holds the saturated
    totals, for the ``own`` parameter of :func:`keyword_coverage` and :func:`keyword_focus`.

    Examples
    --------
    >>> own = saturate_parts(np.array([[1, 0]]), [{0: {1: 1}}])
    >>> {r: {t: round(v, 2) for t, v in h.items()} for r, h in own[0].items()}
    {0: {1: 0.63}}
    """
    out = []
    for i, by_role in enumerate(parts):
        row: dict[int, dict[int, float]] = {}
        for r, extra in by_role.items():
            t = np.fromiter(extra.keys(), dtype=np.int64, count=len(extra))
            n = np.fromiter(extra.values(), dtype=np.float64, count=len(extra))
            row[r] = dict(zip(t.tolist(), saturate(counts[i, t] + n, scale).tolist(), strict=True))
        out.append(row)
    return tuple(out)


def _role_sums(hits: np.ndarray, weights: np.ndarray, own: OwnHits | None) -> np.ndarray:
    """``sum_t weights[r, t] · hits[i, t]``, with role ``r``'s own hits where it has them."""
    out = np.asarray(hits @ weights.T, dtype=np.float64)
    for i, by_role in enumerate(own or ()):
        for r, mine in by_role.items():
            t = np.fromiter(mine.keys(), dtype=np.int64, count=len(mine))
            v = np.fromiter(mine.values(), dtype=np.float64, count=len(mine))
            out[i, r] += (v - hits[i, t]) @ weights[r, t]
    return out


def keyword_evidence(coverage: np.ndarray, focus: np.ndarray, power: float) -> np.ndarray:
    """The keyword component: ``coverage^(1 - power) · focus^power``.

    With ``power`` 0.5 this is the geometric mean of recall and precision (the
    Fowlkes–Mallows index): a terse on-target summary and a long CV that names the
    same role's terms among much else are put on one scale, so the score follows the
    fit and not the length. ``power`` 0 is coverage alone.

    Examples
    --------
    >>> keyword_evidence(np.array([0.09, 0.36]), np.array([0.64, 0.04]), 0.5).round(2).tolist()
    [0.24, 0.12]
    >>> keyword_evidence(np.array([0.09]), np.array([0.64]), 0.0).tolist()
    [0.09]
    """
    return np.asarray(np.power(coverage, 1.0 - power) * np.power(focus, power))


def cap_claims(component: np.ndarray, experience: np.ndarray, share: float) -> np.ndarray:
    """A component, of which self-description may supply at most ``share``.

    ``experience`` is the same component measured without the résumé's skills and
    self-description sentences (:func:`rolematch.sections.claim_flags`): what a résumé
    only claims counts as far as its experience bears it out, so a cook who pastes a
    post's words into a skills line is no fit, and a product manager whose skills line
    repeats what the work lines show loses nothing. ``share`` 0.5 lets claims at most
    double the experience's evidence; 1 leaves the component as it is.

    Examples
    --------
    >>> cap_claims(np.array([0.5, 0.5, 0.5]), np.array([0.0, 0.2, 0.5]), 0.5).tolist()
    [0.0, 0.4, 0.5]
    >>> cap_claims(np.array([0.5]), np.array([0.0]), 1.0).tolist()
    [0.5]
    """
    component = np.asarray(component, dtype=np.float64)
    if share >= 1.0:
        return component
    return np.asarray(np.minimum(component, np.asarray(experience) / (1.0 - share)))


def resume_baseline(reference_emb: np.ndarray, sent_emb: np.ndarray, quantile: float) -> float:
    """How well a résumé matches duties it has nothing to do with: its baseline.

    Embedding models give some résumés (long ones, or written in one trade's
    jargon) high cosines to every duty. The baseline is the ``quantile`` of the
    résumé's best cosine over a fixed set of reference duties from many
    professions (the genre background), so it depends on the résumé and the model
    only — never on which roles are loaded.

    Examples
    --------
    >>> ref = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> round(resume_baseline(ref, np.array([[0.6, 0.8]]), 0.5), 2)
    0.7
    >>> resume_baseline(ref, np.zeros((0, 2)), 0.5)
    1.0
    """
    if sent_emb.shape[0] == 0:
        return 1.0
    best = (reference_emb @ sent_emb.T).max(axis=1)
    return float(np.quantile(best, quantile))


#: Cosines this close are one for choosing a duty's evidence sentence.
EVIDENCE_TIE = 1e-4


def duty_support(
    duty_emb: np.ndarray, sent_emb: np.ndarray, baseline: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each duty, the résumé sentence that supports it best.

    Parameters
    ----------
    duty_emb : ndarray of shape (n_duties, dim)
        L2-normalised duty embeddings.
    sent_emb : ndarray of shape (n_sentences, dim)
        L2-normalised résumé sentence embeddings.
    baseline : float or ndarray of shape (n_duties,)
        The résumé's :func:`resume_baseline`: a cosine at or below it supports nothing
        (one a duty where duties are measured against different references).

    Returns
    -------
    cosine : ndarray of shape (n_duties,)
        Best cosine per duty (``-1`` when there are no sentences).
    index : ndarray of shape (n_duties,)
        Index of the best sentence (``-1`` when there are none).
    support : ndarray of shape (n_duties,)
        ``(cosine - baseline) / (1 - baseline)`` clipped to [0, 1]; 1 means
        identical meaning.

    Examples
    --------
    >>> d = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    >>> s = np.array([[0.8, 0.6]])
    >>> cos, idx, sup = duty_support(d, s, baseline=0.6)
    >>> cos.round(2).tolist(), sup.round(2).tolist()
    ([0.8, 0.6, 0.96], [0.5, 0.0, 0.9])
    """
    n = duty_emb.shape[0]
    if sent_emb.shape[0] == 0:
        return np.full(n, -1.0), np.full(n, -1, dtype=np.int64), np.zeros(n)
    sims = duty_emb @ sent_emb.T
    best = sims.max(axis=1)
    # the first of the sentences within EVIDENCE_TIE of the best: a text repeated (or
    # encoded in another batch, 1e-7 apart) shows the same sentence in every run
    index = (sims >= best[:, None] - EVIDENCE_TIE).argmax(axis=1)
    cosine = best.astype(np.float64)
    support = np.clip((cosine - baseline) / np.maximum(1.0 - baseline, 1e-6), 0.0, 1.0)
    return cosine, index, support


def lived_evidence(
    duty_emb: np.ndarray,
    sent_emb: np.ndarray,
    claims: np.ndarray,
    baseline: float | np.ndarray,
    best: tuple[np.ndarray, np.ndarray, np.ndarray],
    covered: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`duty_support`'s ``best`` with each duty whose best sentence is
    self-description (``claims``: 自我评价, skills) shown by the best work sentence
    instead, where that one supports the duty too (at least ``covered``).

    A recruiter checks a duty against what the person did: "熟悉金融消费者保护监管规则"
    may match 投诉处理 a little better than "统筹全公司客户投诉管理：登记、分派、督办、回访",
    which is the evidence. Scores are computed from ``best`` and do not change.

    Examples
    --------
    >>> d = np.array([[1.0, 0.0]])
    >>> s = np.array([[1.0, 0.0], [0.96, 0.28]])            # a claim, then a work line
    >>> best = duty_support(d, s, 0.5)
    >>> lived_evidence(d, s, np.array([True, False]), 0.5, best, 0.1)[1].tolist()
    [1]
    """
    cos, idx, sup = (np.array(a, copy=True) for a in best)
    if not claims.any() or claims.all():
        return cos, idx, sup
    lived = np.flatnonzero(~claims)
    c2, k2, s2 = duty_support(duty_emb, sent_emb[lived], baseline)
    swap = (idx >= 0) & claims[np.maximum(idx, 0)] & (np.round(s2, 4) >= covered)
    cos[swap], idx[swap], sup[swap] = c2[swap], lived[k2[swap]], s2[swap]
    return cos, idx, sup


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


#: The calibration's coefficients, in the order of ``(intercept, *calibration_features)``.
COEFFICIENTS = (
    "intercept",
    "keyword",
    "semantic",
    "both",
    "facet",
    "log_keyword",
    "log_semantic",
)
#: Added to K and S before their logarithms (a component of 0 is not -inf evidence).
LOG_FLOOR = 0.01


def calibration_features(
    keyword: np.ndarray, semantic: np.ndarray, facet: np.ndarray, halves: tuple[float, float]
) -> np.ndarray:
    """The features of the calibrated score, shape ``(..., 6)``.

    ``[k, s, sqrt(k·s), F - ½, ln(K + ε), ln(S + ε)]`` with ``k = K / (K + h_k)`` and
    ``s = S / (S + h_s)`` (:func:`half_saturate`), ``ε`` = :data:`LOG_FLOOR`. The
    ``sqrt(k·s)`` term and the two logarithms make the score grow like a product of
    the evidence: it is large only when a résumé has the role's distinctive keywords
    *and* covers its duties, so many generic keyword hits, or one well-matched
    sentence alone, stay low. A facet without data (NaN) contributes 0.

    Examples
    --------
    >>> calibration_features(np.array([0.1]), np.array([0.1]), np.array([np.nan]),
    ...                      (0.1, 0.1)).round(2).tolist()
    [[0.5, 0.5, 0.5, 0.0, -2.21, -2.21]]
    """
    k = half_saturate(keyword, halves[0])
    s = half_saturate(semantic, halves[1])
    f = np.nan_to_num(np.asarray(facet, dtype=np.float64) - 0.5)
    logs = [np.log(np.asarray(x, dtype=np.float64) + LOG_FLOOR) for x in (keyword, semantic)]
    return np.stack([k, s, np.sqrt(k * s), f, *logs], axis=-1)


def combine(
    keyword: np.ndarray,
    semantic: np.ndarray,
    facet: np.ndarray,
    coef: Sequence[float],
    halves: tuple[float, float],
    shift: np.ndarray | float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """The calibrated score: a logistic model of the components, evidence gated.

    ``z = b0 + b · calibration_features(K, S, F) + shift`` and the score is
    ``1 / (1 + e^-z)``, with ``coef`` in :data:`COEFFICIENTS` order, fitted (slopes
    ≥ 0, so more evidence never lowers a score) so the score reads as the chance the
    résumé fits the role at least partly (``benchmarks/tune_weights.py``). ``shift``
    is a learned profile's word preferences met by each résumé (0 by default).

    Returns
    -------
    raw : ndarray
        ``z``, the log-odds.
    score : ndarray
        The calibrated score in (0, 1).

    Examples
    --------
    >>> raw, score = combine(np.array([0.3, 0.3, 0.0]), np.array([0.3, 0.0, 0.3]),
    ...                      np.array([np.nan] * 3), (-1, 2, 2, 4, 1, 0.5, 0.5), (0.1, 0.1))
    >>> score.round(2).tolist()
    [0.98, 0.08, 0.08]
    """
    c = np.asarray(coef, dtype=np.float64)
    raw = c[0] + calibration_features(keyword, semantic, facet, halves) @ c[1:] + shift
    return raw, calibrate(raw)


def calibrate(raw: np.ndarray) -> np.ndarray:
    """The logistic function ``1 / (1 + e^-raw)``: log-odds to a score in (0, 1).

    Examples
    --------
    >>> calibrate(np.array([-2.0, 0.0, 2.0])).round(2).tolist()
    [0.12, 0.5, 0.88]
    """
    return np.asarray(1.0 / (1.0 + np.exp(-np.asarray(raw, dtype=np.float64))))
