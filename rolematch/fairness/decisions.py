"""The gaps a team's own decisions show between groups, before a profile learns from them.

:func:`rolematch.learn.learn` fits a profile to a team's shortlisting decisions; where
those decisions shortlist one gender or age group far less often than another, the
profile may learn the gap through whatever words go with the group, and an audit of
its shortlists may not flag it at a batch's size. So the decisions are checked first,
as the audit checks a batch (:mod:`rolematch.fairness.rates`): each stated group's
share of fit decisions against the group with the highest share, a gap where that
impact ratio is below four fifths, both groups with :data:`~rolematch.fairness.rates.MIN_GROUP`
decisions or more, and its two-sided Fisher p-value. Counts only, no one's attributes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rolematch.fairness.attributes import UNKNOWN, attribute_groups
from rolematch.fairness.rates import FOUR_FIFTHS, MIN_GROUP, fisher_p

__all__ = ["decision_gaps"]


def decision_gaps(
    decisions: Iterable[tuple[Mapping[str, Any], bool]],
    on: _dt.date,
    attributes: Sequence[str] = ("gender", "age"),
) -> list[dict[str, Any]]:
    """The groups a team's decisions accept less than four fifths as often as the most
    accepted group of the same attribute.

    Parameters
    ----------
    decisions : iterable of (mapping, bool)
        Per decision (a résumé × role), the résumé's personal data
        (:attr:`rolematch.documents.Resume.personal`) and whether it was a fit.
    on : datetime.date
        The date ages are counted to.
    attributes : sequence of str, default ("gender", "age")

    Returns
    -------
    list of dict
        ``attribute``, ``group``, ``reference_group``, ``n``, ``accepted``,
        ``reference_n``, ``reference_accepted``, ``impact_ratio``, ``p_value``; stated
        groups only, both of :data:`MIN_GROUP` decisions or more.

    Examples
    --------
    >>> women, men = {"gender": "女"}, {"gender": "男"}
    >>> rows = [(women, False)] * 6 + [(women, True)] + [(men, True)] * 5 + [(men, False)] * 2
    >>> [(g["group"], g["accepted"], g["n"], round(g["impact_ratio"], 2), round(g["p_value"], 3))
    ...  for g in decision_gaps(rows, _dt.date(2026, 12, 8))]
    [('女', 1, 7, 0.2, 0.103)]
    """
    counts: dict[str, dict[str, list[int]]] = {a: {} for a in attributes}
    for personal, fit in decisions:
        for attribute, group in attribute_groups(personal, attributes, on).items():
            if group != UNKNOWN:
                cell = counts[attribute].setdefault(group, [0, 0])
                cell[0] += 1
                cell[1] += bool(fit)
    out: list[dict[str, Any]] = []
    for attribute, groups in counts.items():
        rated = {g: (n, k) for g, (n, k) in groups.items() if n >= MIN_GROUP}
        if len(rated) < 2:
            continue
        ref, (ref_n, ref_k) = max(rated.items(), key=lambda x: x[1][1] / x[1][0])
        if ref_k == 0:
            continue
        for group, (n, k) in rated.items():
            ratio = (k / n) / (ref_k / ref_n)
            if group != ref and ratio < FOUR_FIFTHS:
                out.append(
                    {
                        "attribute": attribute,
                        "group": group,
                        "reference_group": ref,
                        "n": n,
                        "accepted": k,
                        "reference_n": ref_n,
                        "reference_accepted": ref_k,
                        "impact_ratio": ratio,
                        "p_value": fisher_p(k, n, ref_k, ref_n),
                    }
                )
    return out
