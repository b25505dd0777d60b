"""Keyword emphasis for :mod:`rolematch.learn`: which role terms a team rewards.

:class:`KeywordEvidence` holds, for each decided (résumé, role) pair, which of the
role's terms the résumé names and recomputes the keyword component when some terms
weigh more or less; :func:`select_terms` picks the terms whose presence the team's
decisions reward (or punish) beyond what the calibrated score does, as a capped list
of weight factors. :func:`rolematch._learn_fit.learn_from_table` refits the
calibration with them and keeps them only when cross-validation shows a gain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch._learn_terms import is_protected, strip_protected

if TYPE_CHECKING:  # pragma: no cover
    from rolematch.documents import Resume
    from rolematch.scoring import OwnHits, SaturatedHits

__all__ = [
    "FACTOR_RANGE",
    "MAX_TERMS",
    "MIN_TERM_SUPPORT",
    "MIN_TERM_Z",
    "KeywordEvidence",
    "factors",
    "select_terms",
]

#: At most this many terms get a learned emphasis, each factor in [0.5, 2].
MAX_TERMS = 10
FACTOR_RANGE = (0.5, 2.0)
#: A term needs this many decided pairs with it and without it (among its roles' pairs).
MIN_TERM_SUPPORT = 10
#: ... and a residual gap this many standard errors from zero.
MIN_TERM_Z = 4.0


@dataclass(frozen=True)
class KeywordEvidence:
    """Which role terms each decided pair's résumé contains, to learn keyword emphasis.

    Attributes
    ----------
    terms : sequence of str
        The matcher's keyword vocabulary (``Matcher.vocabulary_``).
    hits : ndarray of shape (n_files, n_terms)
        Saturated hits of each résumé (``scoring.saturate`` of the term counts).
    own : sequence of mapping
        Each role's own saturated hits where they differ (``scoring.saturate_parts``).
    role_weights : ndarray of shape (n_roles, n_terms)
        The roles' term weights (``Matcher.keywords_.role_weights_``).
    file_index, role_index : ndarray of shape (n_rows,)
        Row of ``hits`` and of ``role_weights`` for each decision.
    top_terms : int
        The profile's ``keyword.top_terms``.
    focus : ndarray of shape (n_files, n_roles), optional
        Each résumé's :func:`~rolematch.scoring.keyword_focus` per role (emphasis does
        not change it: it counts which words are a role's, not how much they weigh).
    focus_power : float
        The profile's ``keyword.focus_power``.
    proxy : ndarray of bool, shape (n_terms,), optional
        Terms that two résumés or more hold only in a clause stating a protected
        attribute (状况 of 身体状况：残疾; :func:`~rolematch._learn_terms.strip_protected`):
        they stand for it, and are never emphasised.
    lived : tuple, optional
        ``(rows, hits, share)``: the résumés with self-description to weigh against
        their experience (:func:`rolematch.sections.experience_text`), the
        :class:`~rolematch.scoring.SaturatedHits` of their text without it, and the
        profile's ``keyword.claims_share`` — the engine's cap
        (:func:`~rolematch.scoring.cap_claims`), kept when terms weigh more or less;
        ``focus`` is capped already.
    """

    terms: Sequence[str]
    hits: np.ndarray
    own: OwnHits
    role_weights: np.ndarray
    file_index: np.ndarray
    role_index: np.ndarray
    top_terms: int
    focus: np.ndarray | None = None
    focus_power: float = 0.0
    proxy: np.ndarray | None = None
    lived: tuple[np.ndarray, SaturatedHits, float] | None = None

    @classmethod
    def of(
        cls,
        matcher: Any,
        resumes: Sequence[Resume | str],
        file_index: np.ndarray,
        role_index: np.ndarray,
    ) -> KeywordEvidence:
        """The evidence of a fitted :class:`~rolematch.Matcher` for ``resumes`` (read
        résumés, or plain texts: those have no sections to tell claims from experience)."""
        from rolematch.scoring import SaturatedHits, cap_claims
        from rolematch.sections import experience_text

        kv, prof = matcher.keywords_, matcher.profile_.keyword
        texts = [r if isinstance(r, str) else r.text if r.ok else "" for r in resumes]
        sat = prof["saturation"]
        found, mass = kv.count_with_mass(texts, sat)
        full = SaturatedHits.of(found.counts, found.parts, sat)
        role_weights = np.asarray(kv.role_weights_, dtype=np.float64)
        null = matcher.null_focus_
        focus = full.focus(kv.mass_weight_, role_weights, mass, null)
        # claims are told from experience only where the profile weighs them, as the engine does
        weighs = prof["claims_share"] < 1
        bare = [None if isinstance(r, str) or not weighs else experience_text(r) for r in resumes]
        rows = np.array([i for i, t in enumerate(bare) if t is not None], dtype=np.int64)
        lived = None
        if len(rows):
            exp, _ = kv.count_with_mass([bare[i] or "" for i in rows], sat)
            bared = SaturatedHits.of(exp.counts, exp.parts, sat)
            f = bared.focus(kv.mass_weight_, role_weights, mass[rows], null)
            focus[rows] = cap_claims(focus[rows], f, prof["claims_share"])
            lived = (rows, bared, float(prof["claims_share"]))
        outside = kv.count([strip_protected(t) for t in texts])
        only_there = (np.asarray(found.counts) > 0) & (outside == 0)
        return cls(
            terms=[str(t) for t in matcher.vocabulary_],
            hits=full.hits,
            own=full.own,
            role_weights=role_weights,
            file_index=np.asarray(file_index),
            role_index=np.asarray(role_index),
            top_terms=int(prof["top_terms"]),
            focus=focus,
            focus_power=float(prof["focus_power"]),
            proxy=only_there.sum(axis=0) >= 2,
            lived=lived,
        )

    def present(self, files: np.ndarray, roles: np.ndarray) -> np.ndarray:
        """Which terms each (file, role) pair's résumé contains for that role, (n, n_terms)."""
        out = self.hits[files] > 0
        for k, (i, r) in enumerate(zip(files, roles, strict=True)):
            out[k, list(self.own[i].get(r, ()))] = True
        return np.asarray(out)

    def take(self, rows: np.ndarray) -> KeywordEvidence:
        """The evidence of some decisions (a boolean mask or indices)."""
        return replace(self, file_index=self.file_index[rows], role_index=self.role_index[rows])

    def coverage(self, factors: np.ndarray) -> np.ndarray:
        """Keyword evidence of every decision with term weights times ``factors``."""
        from rolematch.scoring import cap_claims, keyword_coverage, keyword_evidence

        weights = self.role_weights * factors
        cov = keyword_coverage(self.hits, weights, self.top_terms, self.own)
        if self.lived is not None:
            rows, lived, share = self.lived
            cov[rows] = cap_claims(cov[rows], lived.coverage(weights, self.top_terms), share)
        cov = cov[self.file_index, self.role_index]
        if self.focus is None:
            return np.asarray(cov)
        focus = self.focus[self.file_index, self.role_index]
        return keyword_evidence(cov, focus, self.focus_power)


def select_terms(
    kw: KeywordEvidence, rows: np.ndarray, y: np.ndarray, p: np.ndarray
) -> dict[int, dict[str, float]]:
    """Terms whose presence the team rewards (or punishes) beyond what the model does.

    Among the decisions of roles that weigh a term, the mean residual ``y - p`` of
    the résumés that contain it minus that of those that do not; a gap of ``g``
    gives the factor ``2^(g / 0.25)`` clipped to [0.5, 2]. At most
    :data:`MAX_TERMS` terms, each with :data:`MIN_TERM_SUPPORT` decisions on both
    sides and a gap :data:`MIN_TERM_Z` standard errors from zero. A term about a
    protected attribute (:func:`~rolematch._learn_terms.is_protected`: a role that
    names 党员 or 男) is never emphasised, nor one that stands for such an attribute
    (:attr:`KeywordEvidence.proxy`).
    """
    sub = kw.take(rows)
    relevant = kw.role_weights[sub.role_index] > 0  # (n, T)
    present = kw.present(sub.file_index, sub.role_index) & relevant
    absent = relevant & ~present
    r = (y - p)[:, None]
    n_p, n_a = present.sum(0), absent.sum(0)
    ok = (n_p >= MIN_TERM_SUPPORT) & (n_a >= MIN_TERM_SUPPORT)
    ok &= np.array([not is_protected(str(t)) for t in kw.terms], dtype=bool)
    if kw.proxy is not None:
        ok &= ~kw.proxy
    if not ok.any():
        return {}
    with np.errstate(invalid="ignore", divide="ignore"):
        m_p = (r * present).sum(0) / n_p
        m_a = (r * absent).sum(0) / n_a
        v_p = ((r - m_p) ** 2 * present).sum(0) / np.maximum(n_p - 1, 1)
        v_a = ((r - m_a) ** 2 * absent).sum(0) / np.maximum(n_a - 1, 1)
        gap = m_p - m_a
        z = gap / np.sqrt(v_p / n_p + v_a / n_a + 1e-12)
    z = np.where(ok, np.nan_to_num(z), 0.0)
    order = [int(t) for t in np.argsort(-np.abs(z), kind="stable")[:MAX_TERMS]]
    lo, hi = FACTOR_RANGE
    return {
        t: {
            "factor": round(float(np.clip(2.0 ** (gap[t] / 0.25), lo, hi)), 3),
            "gap": round(float(gap[t]), 4),
            "z": round(float(z[t]), 2),
            "with": int(n_p[t]),
            "without": int(n_a[t]),
        }
        for t in order
        if abs(z[t]) >= MIN_TERM_Z
    }


def factors(n_terms: int, chosen: Mapping[int, Mapping[str, float]]) -> np.ndarray:
    """Each term's weight factor: 1, or the ``factor`` of the terms :func:`select_terms` chose."""
    f = np.ones(n_terms)
    for t, c in chosen.items():
        f[t] = c["factor"]
    return f
