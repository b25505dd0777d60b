"""Bias audit: are a batch's shortlists skewed by gender, age or ethnicity?

rolematch removes personal data before scoring (blind screening); the audit *shows* the
result on the team's own applicants. :func:`audit` scores a batch exactly as
``rolematch score`` does, reads each résumé's gender, age band and (when asked) ethnicity
from its own stated personal data before redaction
(:mod:`~rolematch.fairness.attributes`), and reports, per role and attribute, each
group's selection rate under a rule (each role's best K, or a minimum score), impact
ratio, scoring rate and mean score (:mod:`~rolematch.fairness.rates`), flags — impact
ratios below four fifths (:data:`FOUR_FIFTHS`) that are unlikely by chance (Fisher exact
p < :data:`ALPHA`) — apart from the other ratios below four fifths (``inconclusive``:
suggestive or too few to tell, :mod:`~rolematch.fairness.wording`), each attribute pooled
over all roles (``pooled``: "selected less in k of n roles", a Mantel–Haenszel impact
ratio and an exact p-value, :mod:`~rolematch.fairness.pooled`), and a counterfactual
check: every résumé re-scored as someone else (:mod:`~rolematch.fairness.counterfactual`).

No person's attribute leaves the audit: the outputs hold group counts and rates only,
groups under five résumés show their size alone, and no output names a file. A résumé
sent as several files (the same text, as ``rolematch score`` marks duplicates) is one
candidate: ``N`` counts it once and ``D`` is the number of copies left out.

``audit.json`` (:meth:`AuditResult.to_dict`; stable)::

    {"rule": {"top_k": K} | {"min_score": S},
     "n_resumes": N,
     "duplicates_ignored": D,
     "roles": {ROLE_ID: {ATTRIBUTE: {GROUP: {"n", "selected", "rate", "impact_ratio",
                                              "scoring_rate", "mean_score"}}}},
     "alpha": 0.05,
     "flags": [{"role_id", "attribute", "group", "reference_group", "rate",
                "reference_rate", "impact_ratio", "p_value"}, ...],
     "inconclusive": [... as "flags", with p_value >= alpha],
     "pooled": [{"attribute", "group", "reference_group", "roles_compared", "roles_lower",
                 "selected", "n", "reference_selected", "reference_n", "rate",
                 "reference_rate", "impact_ratio", "odds_ratio", "cmh_statistic",
                 "p_value", "test", "flag"}, ...],
     "counterfactual_max_delta": x,
     "warnings": [...]}

Groups: gender ``女``, ``男``, ``unknown``; age ``<30``, ``30-39``, ``40-49``, ``50+``,
``unknown``; ethnicity ``汉族``, ``少数民族``, ``unknown``. Reports: :func:`write_audit`
(``.json``, ``.html``, ``.xlsx``, ``.csv``: group aggregates only).
"""

from __future__ import annotations

from rolematch.fairness._run import CF_PROMISE, AuditResult, audit
from rolematch.fairness.attributes import ATTRIBUTES, GROUPS, attribute_groups
from rolematch.fairness.counterfactual import swap_personal
from rolematch.fairness.pooled import pooled_summary
from rolematch.fairness.rates import ALPHA, FOUR_FIFTHS, MIN_GROUP, audit_table
from rolematch.fairness.report import AUDIT_FORMATS, write_audit

__all__ = [
    "ALPHA",
    "ATTRIBUTES",
    "AUDIT_FORMATS",
    "CF_PROMISE",
    "FOUR_FIFTHS",
    "GROUPS",
    "MIN_GROUP",
    "AuditResult",
    "attribute_groups",
    "audit",
    "audit_table",
    "pooled_summary",
    "swap_personal",
    "write_audit",
]
