"""Selection rates, impact ratios and scoring rates per group: pure arithmetic on a table.

Input: the batch's long table (one row per résumé × role, as
``rolematch score -o ranking.csv`` writes it) and each résumé's groups. Output: the
``roles`` and ``flags`` parts of ``audit.json``. Everything is computed from the numbers
the CSV shows (ranks, and scores to :data:`SCORE_DECIMALS` places), so anyone can redo
the audit from the CSV and the résumés' stated attributes.

Per role, attribute and group (only ``ok`` résumés count):

``n``
    résumés in the group;
``selected``
    how many the rule selects: ``score >= min_score``, or, for ``top_k``, a score at
    least the role's K-th best (``score >= cut``): every résumé tied at the cut is
    selected, so the audit never depends on the order of ties (10 identical résumés
    tied for 5 places are all selected, and :func:`cut_ties` says so);
``rate``
    ``selected / n``;
``impact_ratio``
    ``rate`` ÷ the highest ``rate`` among the attribute's stated groups (``unknown`` is
    not a group of people and is neither compared nor a reference); ``null`` where fewer
    than two stated groups have rates (a ratio of a group to itself is 1.0 and says
    nothing: :func:`impact_note` gives the reason);
``scoring_rate``
    share of the group scoring above the median score of all the batch's résumés for
    the role (NYC Local Law 144's scoring rate);
``mean_score``
    mean score of the group.

A group with fewer than :data:`MIN_GROUP` résumés is reported with its ``n`` only (every
other field ``null``): its rates mean little, and they could point at a person.
``impact_ratio`` is also ``null`` where no stated group has anyone selected, and where
only one stated group is large enough to have rates (not measurable).

An impact ratio below :data:`FOUR_FIFTHS` (both groups then have ``n >= MIN_GROUP``) is
compared with the most-selected group by the two-sided Fisher exact test
(:func:`below_four_fifths`). It is a *flag* (a finding) only where its p-value is below
:data:`ALPHA`: a gap that large is then unlikely by chance. Otherwise it is
*inconclusive*: its ratio stays in the table, with its p-value, and is listed apart
from the flags, in words that follow the p-value (:func:`~rolematch.fairness.wording.chance_text`:
suggestive but not conclusive below p = 0.10, else too few résumés to tell skew from
chance; on a batch of 40, 0 of 7 selected against 1 of 5 has p = 0.42). Each role is
tested alone; :mod:`~rolematch.fairness.pooled` tests the roles together.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from rolematch.fairness.attributes import GROUPS, UNKNOWN

__all__ = [
    "ALPHA",
    "FOUR_FIFTHS",
    "MIN_GROUP",
    "SCORE_DECIMALS",
    "audit_table",
    "below_four_fifths",
    "check_rule",
    "cut_ties",
    "fisher_p",
    "impact_note",
    "selections_per_resume",
]

#: Smallest group that gets rates.
MIN_GROUP = 5
#: The four-fifths rule: an impact ratio below this is a sign of adverse impact ...
FOUR_FIFTHS = 0.8
#: ... and flagged when the Fisher exact p-value of the gap is below this (the usual 5 %
#: level; not corrected for the many groups and roles compared: one comparison in twenty
#: with no real skew may still reach it).
ALPHA = 0.05
#: Decimals of a score as the CSV reports it; rates are computed from these.
SCORE_DECIMALS = 4

_FIELDS = ("n", "selected", "rate", "impact_ratio", "scoring_rate", "mean_score")


def check_rule(top_k: int | None, min_score: float | None) -> dict[str, Any]:
    """The selection rule as ``audit.json`` states it.

    Raises
    ------
    ValueError
        Neither or both of ``top_k`` and ``min_score`` given, or one out of range.

    Examples
    --------
    >>> check_rule(5, None), check_rule(None, 0.5)
    ({'top_k': 5}, {'min_score': 0.5})
    """
    if (top_k is None) == (min_score is None):
        raise ValueError(
            "Exactly one of the 'top_k' and 'min_score' parameters must be given (the rule "
            f"that selects résumés). Got top_k={top_k!r}, min_score={min_score!r} instead."
        )
    if top_k is not None:
        if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
            raise ValueError(f"The 'top_k' parameter must be an int >= 1. Got {top_k!r} instead.")
        return {"top_k": top_k}
    if isinstance(min_score, bool) or not isinstance(min_score, int | float):
        raise ValueError(
            f"The 'min_score' parameter must be a float in [0, 1]. Got {min_score!r} instead."
        )
    if not 0.0 <= float(min_score) <= 1.0:
        raise ValueError(
            f"The 'min_score' parameter must be a float in [0, 1]. Got {min_score!r} instead."
        )
    return {"min_score": float(min_score)}


def audit_table(
    rows: Iterable[Mapping[str, Any]],
    groups: Mapping[str, Mapping[str, str]],
    *,
    rule: Mapping[str, Any],
    attributes: Sequence[str],
    role_ids: Sequence[str] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Per-group rates of each role, and the four-fifths flags.

    Parameters
    ----------
    rows : iterable of mapping
        Long-format rows with ``file``, ``status``, ``role_id`` and ``score`` (e.g.
        ``results.to_frame().to_dict("records")``); rows whose status is not ``ok`` are
        left out. The rule reads the scores as the CSV shows them, not ``resume_rank``
        (which orders ties one way or another).
    groups : mapping
        File -> attribute -> group (see :func:`~rolematch.fairness.attributes.attribute_groups`);
        a file missing here is ``unknown`` for every attribute.
    rule : mapping
        ``{"top_k": K}`` or ``{"min_score": S}`` (see :func:`check_rule`).
    attributes : sequence of str
        Attributes to report, in order.
    role_ids : sequence of str, optional
        Roles in report order; default their order in ``rows``.

    Returns
    -------
    roles : dict
        ``{role_id: {attribute: {group: {"n", "selected", "rate", "impact_ratio",
        "scoring_rate", "mean_score"}}}}``.
    flags : list of dict
        One per group whose impact ratio is below :data:`FOUR_FIFTHS` with a p-value
        below :data:`ALPHA` (see :func:`below_four_fifths` for the fields, and for the
        ratios below four fifths that are too few to tell).

    Examples
    --------
    >>> rows = [{"file": f"{i}.txt", "status": "ok", "role_id": "aml", "score": s,
    ...          "resume_rank": r} for i, (s, r) in enumerate([(0.9, 1), (0.1, 2)])]
    >>> roles, flags = audit_table(rows, {"0.txt": {"gender": "女"}},
    ...                            rule={"top_k": 1}, attributes=["gender"])
    >>> roles["aml"]["gender"]["女"]
    {'n': 1, 'selected': None, 'rate': None, 'impact_ratio': None, 'scoring_rate': None,
     'mean_score': None}
    """
    by_role = _by_role(rows)
    order = list(role_ids) if role_ids is not None else list(by_role)
    roles: dict[str, Any] = {}
    for role_id in order:
        entries = by_role.get(role_id, [])
        median = statistics.median([s for _, s in entries]) if entries else 0.0
        cut = _cut([s for _, s in entries], rule)
        roles[role_id] = {
            attribute: _groups_of(entries, groups, attribute, cut, median)
            for attribute in attributes
        }
    return roles, [f for f in below_four_fifths(roles) if f["p_value"] < ALPHA]


def selections_per_resume(
    rows: Iterable[Mapping[str, Any]], rule: Mapping[str, Any]
) -> dict[str, int]:
    """How many roles select each ``ok`` résumé under ``rule`` (as :func:`audit_table`
    selects): the unit a test over people compares (:mod:`rolematch.fairness.pooled`).

    Examples
    --------
    >>> rows = [{"file": f, "status": "ok", "role_id": r, "score": s}
    ...         for f, r, s in [("a", "x", 0.9), ("b", "x", 0.2), ("a", "y", 0.1), ("b", "y", 0.8)]]
    >>> selections_per_resume(rows, {"top_k": 1})
    {'a': 1, 'b': 1}
    """
    counts: dict[str, int] = {}
    for entries in _by_role(rows).values():
        cut = _cut([s for _, s in entries], rule)
        for file, score in entries:
            counts[file] = counts.get(file, 0) + (score >= cut)
    return counts


def _by_role(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[tuple[str, float]]]:
    """Role -> (file, score to :data:`SCORE_DECIMALS` places) of its ``ok`` rows."""
    by_role: dict[str, list[tuple[str, float]]] = {}
    for row in rows:
        if row.get("status") != "ok" or not row.get("role_id"):  # unread, or none kept
            continue
        score = round(float(row["score"]), SCORE_DECIMALS)
        by_role.setdefault(str(row["role_id"]), []).append((str(row["file"]), score))
    return by_role


def _cut(scores: Sequence[float], rule: Mapping[str, Any]) -> float:
    """The lowest score the rule selects: ``min_score``, or the K-th best score (every
    résumé tied with it is selected too; all of them when there are K or fewer)."""
    if "top_k" not in rule:
        return float(rule["min_score"])
    k = int(rule["top_k"])
    return sorted(scores, reverse=True)[k - 1] if len(scores) > k else -math.inf


def cut_ties(
    rows: Iterable[Mapping[str, Any]],
    rule: Mapping[str, Any],
    role_ids: Sequence[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Roles whose ``top_k`` cut falls inside a tie: more than K résumés are selected.

    Returns ``{role_id: {"cut_score", "tied", "places", "selected"}}``: ``tied``
    résumés share the score ``cut_score`` (as the CSV shows it) for the last ``places``
    of the K places, and all are selected, ``selected`` in all. Empty for a
    ``min_score`` rule (a threshold treats equal scores alike) and where no tie crosses
    the cut.

    Examples
    --------
    >>> rows = [{"file": f"{i}", "status": "ok", "role_id": "r", "score": s}
    ...         for i, s in enumerate([0.9, 0.8, 0.8, 0.8, 0.1])]
    >>> cut_ties(rows, {"top_k": 2}), cut_ties(rows, {"top_k": 4})
    ({'r': {'cut_score': 0.8, 'tied': 3, 'places': 1, 'selected': 4}}, {})
    """
    if "top_k" not in rule:
        return {}
    k = int(rule["top_k"])
    by_role = _by_role(rows)
    out: dict[str, dict[str, Any]] = {}
    for role_id in list(role_ids) if role_ids is not None else list(by_role):
        scores = [s for _, s in by_role.get(role_id, [])]
        cut = _cut(scores, rule)
        selected = sum(s >= cut for s in scores)
        if selected > k:
            above = sum(s > cut for s in scores)
            out[role_id] = {
                "cut_score": cut,
                "tied": selected - above,
                "places": k - above,
                "selected": selected,
            }
    return out


def impact_note(table: Mapping[str, Mapping[str, Any]], group: str) -> str:
    """Why ``group`` of an attribute's ``table`` has no impact ratio ("" when it has one).

    Examples
    --------
    >>> t = {"女": {"n": 7, "rate": 0.4, "impact_ratio": None},
    ...      "男": {"n": 2, "rate": None, "impact_ratio": None},
    ...      "unknown": {"n": 6, "rate": 0.2, "impact_ratio": None}}
    >>> [impact_note(t, g) for g in t]  # doctest: +NORMALIZE_WHITESPACE
    ['only one group large enough (n >= 5): not measurable',
     'fewer than 5 résumés: size only', 'not stated: not compared']
    """
    cell = table[group]
    if cell["impact_ratio"] is not None:
        return ""
    if not cell["n"]:
        return "no résumé"
    if cell["rate"] is None:
        return f"fewer than {MIN_GROUP} résumés: size only"
    if group == UNKNOWN:
        return "not stated: not compared"
    rated = [g for g, c in table.items() if g != UNKNOWN and c["rate"] is not None]
    if len(rated) < 2:
        return f"only one group large enough (n >= {MIN_GROUP}): not measurable"
    return "nobody selected in any group: no ratio"


def _groups_of(
    entries: Sequence[tuple[str, float]],
    groups: Mapping[str, Mapping[str, str]],
    attribute: str,
    cut: float,
    median: float,
) -> dict[str, dict[str, Any]]:
    members: dict[str, list[float]] = {g: [] for g in GROUPS[attribute]}
    for file, score in entries:
        group = groups.get(file, {}).get(attribute, UNKNOWN)
        members[group].append(score)
    table: dict[str, dict[str, Any]] = {}
    for group, m in members.items():
        n = len(m)
        cell: dict[str, Any] = dict.fromkeys(_FIELDS)
        cell["n"] = n
        if n >= MIN_GROUP:
            selected = sum(s >= cut for s in m)
            cell["selected"] = selected
            cell["rate"] = selected / n
            cell["scoring_rate"] = sum(s > median for s in m) / n
            cell["mean_score"] = math.fsum(m) / n  # the same in any row order
        table[group] = cell
    # exact fractions: 4/25 ÷ 1/5 is 0.8, not 0.7999999999999999 (flagged as below 0.8)
    stated = [
        Fraction(c["selected"], c["n"])
        for g, c in table.items()
        if g != UNKNOWN and c["rate"] is not None
    ]
    best = max(stated, default=Fraction(0))
    # one stated group alone has nothing to be compared with: its 1.0 would read as
    # "no disparity"; it is not measurable (null, impact_note says why)
    if best > 0 and len(stated) >= 2:
        for group, cell in table.items():
            if group != UNKNOWN and cell["rate"] is not None:
                cell["impact_ratio"] = float(Fraction(cell["selected"], cell["n"]) / best)
    return table


def below_four_fifths(roles: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every impact ratio below :data:`FOUR_FIFTHS` in an audit's ``roles``, with the
    p-value of its gap: the flags are those with ``p_value < ALPHA``, the others are
    inconclusive (too few to tell).

    Parameters
    ----------
    roles : mapping
        ``{role_id: {attribute: {group: cell}}}`` as :func:`audit_table` returns it.

    Returns
    -------
    list of dict
        In report order: ``role_id``, ``attribute``, ``group``, ``reference_group`` (the
        most-selected group), ``rate``, ``reference_rate``, ``impact_ratio``, ``p_value``
        (:func:`fisher_p` of the two groups' selections).

    Examples
    --------
    >>> table = {"女": {"n": 7, "selected": 0, "rate": 0.0, "impact_ratio": 0.0},
    ...          "男": {"n": 5, "selected": 1, "rate": 0.2, "impact_ratio": 1.0}}
    >>> [(f["group"], f["reference_group"], round(f["p_value"], 3))
    ...  for f in below_four_fifths({"r": {"gender": table}})]
    [('女', '男', 0.417)]
    """
    out: list[dict[str, Any]] = []
    for role_id, per_attr in roles.items():
        for attribute, table in per_attr.items():
            rated = [(g, c) for g, c in table.items() if c["impact_ratio"] is not None]
            if not rated:
                continue
            reference, ref = max(rated, key=lambda gc: gc[1]["rate"])
            out.extend(
                {
                    "role_id": role_id,
                    "attribute": attribute,
                    "group": group,
                    "reference_group": reference,
                    "rate": cell["rate"],
                    "reference_rate": ref["rate"],
                    "impact_ratio": cell["impact_ratio"],
                    "p_value": fisher_p(cell["selected"], cell["n"], ref["selected"], ref["n"]),
                }
                for group, cell in rated
                if cell["impact_ratio"] < FOUR_FIFTHS
            )
    return out


def fisher_p(selected_a: int, n_a: int, selected_b: int, n_b: int) -> float:
    """Two-sided Fisher exact test: how likely a gap this large between two groups'
    selections is by chance alone (small batches flag often; this says how much a
    flag is worth).

    Examples
    --------
    >>> round(fisher_p(1, 15, 4, 25), 3), round(fisher_p(0, 50, 25, 50), 6)
    (0.633, 0.0)
    """
    from scipy.stats import fisher_exact

    table = [[selected_a, n_a - selected_a], [selected_b, n_b - selected_b]]
    return float(fisher_exact(table, alternative="two-sided").pvalue)
