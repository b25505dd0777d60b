"""Across roles: is a group selected less in the batch as a whole? Pure arithmetic.

Each role is tested alone (:func:`~rolematch.fairness.rates.below_four_fifths`), and a
batch of 60 résumés has groups of about 30: a gap of 2 of 30 against 8 of 30 is often
"too few to tell" in one role, even when every role of the batch leans the same way.
:func:`pooled_summary` pools an attribute's per-role tables, with the roles as strata
(a Mantel–Haenszel analysis of the 2 × 2 × K table: group and reference group ×
selected or not × role), and for each stated group against the reference group (the
stated group with the highest selection rate over all roles) reports:

``roles_compared``, ``roles_lower``
    the roles where both groups have rates (``n >= MIN_GROUP``), and those of them where
    the group's rate is below the reference group's ("selected less in 9 of 9 roles");
``selected``, ``n``, ``reference_selected``, ``reference_n``, ``rate``, ``reference_rate``
    totals over those roles: a résumé counts once per role;
``impact_ratio``
    the Mantel–Haenszel pooled ratio of the selection rates (:func:`mh_ratios`), read
    against the four-fifths rule as a role's impact ratio is;
``odds_ratio``
    the Mantel–Haenszel pooled odds ratio;
``cmh_statistic``
    the Cochran–Mantel–Haenszel chi-square (1 degree of freedom, no continuity
    correction; :func:`cmh_statistic`);
``p_value``, ``test``
    the two-sided p-value that the group is selected as often as the reference group:
    ``people`` (:func:`people_p`, given each résumé's selections: a permutation test
    whose unit is a person, each counted with the roles that selected them), else
    ``exact`` (:func:`exact_pooled_p` over role slots, which for one role is Fisher's
    exact test) or, for a table too large to enumerate, ``cmh`` (the chi-square's);
``flag``
    ``impact_ratio < FOUR_FIFTHS`` and ``p_value < ALPHA``, as for a role.

The roles are not independent samples of people: every résumé is scored for every
role, so the same people fill each role's shortlist, and a strong résumé is selected for
several roles. Tested over role slots, five people never selected in nine roles read as
45 independent misses; :func:`people_p` asks instead how likely it is that people drawn
at random from the two groups together would have so few selections between them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from rolematch.fairness.attributes import UNKNOWN
from rolematch.fairness.rates import ALPHA, FOUR_FIFTHS

__all__ = [
    "EXACT_LIMIT",
    "EXACT_PEOPLE",
    "Stratum",
    "cmh_statistic",
    "exact_pooled_p",
    "mh_ratios",
    "people_p",
    "pooled_summary",
]

#: One role's 2 × 2 table: (group's selected, group's n, reference's selected, reference's n).
Stratum = tuple[int, int, int, int]
#: Above this many multiply-adds the exact convolution gives way to the chi-square (a
#: table that large has counts where the two agree).
EXACT_LIMIT = 20_000_000
#: Up to this many people the test over people counts every split; above, it shuffles.
EXACT_PEOPLE = 400
# the relative tolerance scipy's fisher_exact gives "as likely as the observed table"
_SAME = 1 + 1e-7


def cmh_statistic(strata: Sequence[Stratum]) -> float | None:
    """The Cochran–Mantel–Haenszel chi-square of a 2 × 2 × K table (1 df, no continuity
    correction); ``None`` where it has no variance (nobody or everybody selected).

    Examples
    --------
    >>> round(cmh_statistic([(2, 10, 6, 10), (1, 10, 5, 10)]), 4)
    6.7556
    """
    deviation = variance = 0.0
    for a, n1, c, n0 in strata:
        total, m1 = n1 + n0, a + c
        if total < 2:
            continue
        deviation += a - n1 * m1 / total
        variance += n1 * n0 * m1 * (total - m1) / (total**2 * (total - 1))
    return deviation**2 / variance if variance > 0 else None


def mh_ratios(strata: Sequence[Stratum]) -> tuple[float | None, float | None]:
    """Mantel–Haenszel pooled (ratio of selection rates, odds ratio) of the group against
    the reference; ``None`` where the reference side is zero (no ratio).

    Examples
    --------
    >>> mh_ratios([(2, 10, 6, 10), (1, 10, 5, 10)])
    (0.2727..., 0.1397...)
    """
    rr = [Fraction(0), Fraction(0)]
    odds = [Fraction(0), Fraction(0)]
    for a, n1, c, n0 in strata:
        total = n1 + n0
        if total == 0:
            continue
        # exact fractions, as for a role's ratio: 4/25 ÷ 1/5 is 0.8, not 0.7999…
        rr[0] += Fraction(a * n0, total)
        rr[1] += Fraction(c * n1, total)
        odds[0] += Fraction(a * (n0 - c), total)
        odds[1] += Fraction((n1 - a) * c, total)
    ratio = float(rr[0] / rr[1]) if rr[1] else None
    odds_ratio = float(odds[0] / odds[1]) if odds[1] else None
    return ratio, odds_ratio


def _hypergeometric(n1: int, n0: int, m1: int) -> tuple[int, np.ndarray]:
    """(lowest count, probabilities) of the group's selected among ``m1`` selected."""
    lo, hi = max(0, m1 - n0), min(n1, m1)

    def log_comb(n: int, k: int) -> float:
        return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)

    whole = log_comb(n1 + n0, m1)
    pmf = np.array([math.exp(log_comb(n1, k) + log_comb(n0, m1 - k) - whole)
                    for k in range(lo, hi + 1)])  # fmt: skip
    return lo, pmf


def exact_pooled_p(strata: Sequence[Stratum]) -> float | None:
    """The exact two-sided p-value of a common odds ratio of 1 (each role's margins
    fixed, as Fisher's test fixes them): the chance of a total of the group's selections
    no likelier than the one observed. ``None`` where the table is too large to
    enumerate (:data:`EXACT_LIMIT`).

    Examples
    --------
    >>> round(exact_pooled_p([(2, 10, 6, 10), (1, 10, 5, 10)]), 4)
    0.0196
    >>> round(exact_pooled_p([(1, 15, 4, 25)]), 3)  # one role: Fisher's exact test
    0.633
    """
    pmfs = [_hypergeometric(n1, n0, a + c) for a, n1, c, n0 in strata]
    cost, width = 0, 1
    for _, pmf in pmfs:
        cost, width = cost + width * len(pmf), width + len(pmf) - 1
    if cost > EXACT_LIMIT:
        return None
    dist, offset = np.ones(1), 0
    for lo, pmf in pmfs:
        dist, offset = np.convolve(dist, pmf), offset + lo
    observed = dist[sum(s[0] for s in strata) - offset]
    return min(1.0, float(dist[dist <= observed * _SAME].sum()))


def people_p(group: Sequence[int], reference: Sequence[int], *, draws: int = 20_000) -> float:
    """The two-sided permutation p-value that ``group``'s members are selected as often
    as ``reference``'s: each value is one person's count of roles that selected them;
    the labels are shuffled among the people of both (exactly, by counting every split,
    up to :data:`EXACT_PEOPLE` people; by ``draws`` seeded shuffles above).

    Examples
    --------
    >>> round(people_p([0, 0, 0, 0, 0], [2, 3, 1, 2, 4, 3, 2, 1, 3, 2]), 4)
    0.0003
    >>> round(people_p([0, 0, 0, 0, 0], [0, 0, 0, 0, 9, 9, 0, 0, 0, 0]), 2)  # two people: chance
    0.52
    """
    values = np.array([*group, *reference], dtype=np.int64)
    n, total = len(group), int(np.sum(group))
    mean = n * values.mean()
    if len(values) > EXACT_PEOPLE:
        rng = np.random.default_rng(0)
        sums = np.array([rng.permutation(values)[:n].sum() for _ in range(draws)])
        return float((np.abs(sums - mean) >= abs(total - mean) - 1e-9).mean())
    top = int(values.sum())
    ways = np.zeros((n + 1, top + 1))  # ways[k, t]: splits with k people summing to t
    ways[0, 0] = 1.0
    for v, c in zip(*np.unique(values, return_counts=True), strict=True):
        v, c = int(v), int(c)
        new = np.zeros_like(ways)
        for j in range(min(c, n) + 1):  # j of the c people with value v in the group
            new[j:, j * v :] += math.comb(c, j) * ways[: n + 1 - j, : top + 1 - j * v]
        ways = new
    dist = ways[n] / ways[n].sum()
    far = np.abs(np.arange(top + 1) - mean) >= abs(total - mean) - 1e-9
    return min(1.0, float(dist[far].sum()))


def pooled_summary(
    roles: Mapping[str, Mapping[str, Any]],
    *,
    groups: Mapping[str, Mapping[str, str]] | None = None,
    selections: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Each attribute's stated groups against its most-selected one, pooled over roles.

    Parameters
    ----------
    roles : mapping
        ``{role_id: {attribute: {group: cell}}}`` as
        :func:`~rolematch.fairness.rates.audit_table` returns it.
    groups, selections : mapping, optional
        Each résumé's groups (file -> attribute -> group) and how many roles selected
        it (:func:`~rolematch.fairness.rates.selections_per_resume`): the p-value is
        then :func:`people_p`'s, whose unit is a person, not a role slot.

    Returns
    -------
    list of dict
        In attribute and group order; the fields are in the module's docstring. A group
        compared with the reference in fewer than two roles is left out (one role is
        the role's own test).

    Examples
    --------
    >>> def cell(selected, n):
    ...     return {"n": n, "selected": selected, "rate": selected / n}
    >>> roles = {r: {"gender": {"女": cell(a, 10), "男": cell(c, 10)}}
    ...          for r, (a, c) in {"aml": (2, 6), "kyc": (1, 5)}.items()}
    >>> (entry,) = pooled_summary(roles)
    >>> entry["group"], entry["roles_lower"], entry["roles_compared"], entry["flag"]
    ('女', 2, 2, True)
    """
    out: list[dict[str, Any]] = []
    attributes = list(dict.fromkeys(a for per_attr in roles.values() for a in per_attr))
    for attribute in attributes:
        tables = [per_attr[attribute] for per_attr in roles.values() if attribute in per_attr]
        totals: dict[str, list[int]] = {}
        for table in tables:
            for group, c in table.items():
                if group != UNKNOWN and c["rate"] is not None:
                    t = totals.setdefault(group, [0, 0])
                    t[0], t[1] = t[0] + c["selected"], t[1] + c["n"]
        if len(totals) < 2:
            continue
        reference = max(totals, key=lambda g: Fraction(*totals[g]))
        if totals[reference][0] == 0:
            continue  # nobody selected in any role: nothing to compare
        for group in totals:
            if group == reference:
                continue
            strata = [
                (t[group]["selected"], t[group]["n"], t[reference]["selected"], t[reference]["n"])
                for t in tables
                if t[group]["rate"] is not None and t[reference]["rate"] is not None
            ]
            if len(strata) < 2:
                continue
            people = None
            if groups is not None and selections is not None:
                counts = {g: [k for f, k in selections.items()
                              if groups.get(f, {}).get(attribute, UNKNOWN) == g]
                          for g in (group, reference)}  # fmt: skip
                people = people_p(counts[group], counts[reference])
            out.append(_entry(attribute, group, reference, strata, people))
    return out


def _entry(
    attribute: str, group: str, reference: str, strata: list[Stratum], people: float | None
) -> dict[str, Any]:
    ratio, odds_ratio = mh_ratios(strata)
    statistic = cmh_statistic(strata)
    p, test = (people, "people") if people is not None else (exact_pooled_p(strata), "exact")
    if p is None:
        test = "cmh"
        p = 1.0 if statistic is None else math.erfc(math.sqrt(statistic / 2))
    selected, n = sum(s[0] for s in strata), sum(s[1] for s in strata)
    ref_selected, ref_n = sum(s[2] for s in strata), sum(s[3] for s in strata)
    return {
        "attribute": attribute,
        "group": group,
        "reference_group": reference,
        "roles_compared": len(strata),
        # a lower rate, compared exactly: a * n0 < c * n1
        "roles_lower": sum(a * n0 < c * n1 for a, n1, c, n0 in strata),
        "selected": selected,
        "n": n,
        "reference_selected": ref_selected,
        "reference_n": ref_n,
        "rate": selected / n,
        "reference_rate": ref_selected / ref_n,
        "impact_ratio": ratio,
        "odds_ratio": odds_ratio,
        "cmh_statistic": statistic,
        "p_value": p,
        "test": test,
        "flag": ratio is not None and ratio < FOUR_FIFTHS and p < ALPHA,
    }
