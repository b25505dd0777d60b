"""The audit in plain words, shared by the reports and the CLI summary.

How much a gap is worth follows its p-value (:func:`chance_text`): below :data:`ALPHA`
it is unlikely by chance (and, with an impact ratio below four fifths, a flag); below
:data:`SUGGESTIVE` it is suggestive but not conclusive at the batch's size; above, a gap
that size often arises by chance. The cross-role summary
(:func:`~rolematch.fairness.pooled.pooled_summary`) is put in sentences, HTML and CSV
rows here, with :data:`POOLED_CAVEAT`; :data:`READING` is the reports' "how to read this
audit". Group aggregates only, as everywhere in the audit.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from rolematch.fairness._run import CF_PROMISE
from rolematch.fairness.rates import ALPHA, FOUR_FIFTHS, MIN_GROUP

__all__ = [
    "POOLED_CAVEAT",
    "POOLED_FLAG_TEXT",
    "POOLED_ROLE_ID",
    "READING",
    "SUGGESTIVE",
    "below_note",
    "chance_text",
    "comparable",
    "NOT_TESTED",
    "no_flags_text",
    "p_text",
    "pooled_html",
    "pooled_rows",
    "pooled_summary_text",
    "pooled_text",
    "unflagged_text",
]

#: What the audit does not compare as groups, said on the page beside what it does.
NOT_TESTED = (
    "not compared as groups: school, hometown or region, marital and childbearing status, "
    "health (blind screening cuts them from the scored text; the counterfactual check swaps "
    "hometown and 婚育)"
)
#: A gap with ALPHA <= p < SUGGESTIVE is "suggestive but not conclusive at this size".
SUGGESTIVE = 0.10
#: The ``flag`` of a flagged cross-role comparison in the CSV.
POOLED_FLAG_TEXT = f"pooled impact ratio < {FOUR_FIFTHS}, p < {ALPHA}"
#: The CSV's ``role_id`` of a cross-role row (no role id has brackets and spaces).
POOLED_ROLE_ID = "(all roles)"
#: What the cross-role p-value cannot say.
POOLED_CAVEAT = (
    "Every résumé is scored for every role, so the same people make up each role's "
    "shortlist and a strong résumé is selected for several roles: 'selected less in 9 of 9 "
    "roles' is not nine independent confirmations. The p-value therefore counts people, not "
    "role slots: it is the chance that as many people as the group has, drawn at random from "
    "both groups together, would have so few (or so many) selections between them."
)

#: How to read the audit, and what it cannot tell (shown in the HTML and Excel reports).
READING: tuple[str, ...] = (
    "Selection rate: the share of a group's résumés that the rule selects (each role's "
    "best K, or those scoring at least S). Résumés tied at the K-th best score are all "
    "selected, so the audit never depends on the order of ties; a role where this "
    "selects more than K says so. Impact ratio: a group's selection rate divided by the "
    "highest selection rate of any group of the same attribute; where only one group is "
    "large enough to have a rate there is nothing to compare and it is not measurable "
    "(shown as –, not 1.0).",
    f"The four-fifths rule (US EEOC, used by NYC Local Law 144 audits): an impact ratio "
    f"below {FOUR_FIFTHS} — a group selected at less than four fifths of the rate of the "
    "most-selected group — is a sign of adverse impact worth looking into. It is a rule of "
    "thumb, not proof of discrimination, and a ratio above it is not proof of fairness.",
    f"Flags: a ratio below {FOUR_FIFTHS} is flagged only when a gap that large is unlikely "
    f"by chance: the two-sided Fisher exact p-value of the two groups' selections is below "
    f"{ALPHA}. A ratio below {FOUR_FIFTHS} with a larger p stays in the tables with its "
    f"p-value and is listed apart, not flagged: with p below {SUGGESTIVE:.2f} it is suggestive "
    "but not conclusive at this size (worth watching in the next batch); with a larger p, "
    "a gap this size often arises by chance (on a batch of 40, 0 of 7 selected against 1 of "
    f"5 is a ratio of 0 with p = 0.42). With many roles and groups, about one comparison in "
    f"{round(1 / ALPHA)} with no real skew is still flagged by chance.",
    "Across roles: each role is tested alone, so a batch where every role leans the same "
    "way can show few flags. The cross-role summary pools each attribute's groups over the "
    "roles: in how many roles a group was selected less than the most-selected group, a "
    "pooled impact ratio (Mantel–Haenszel, roles as strata) and a p-value over people "
    f"(a permutation test); it is flagged on the same terms as a role. {POOLED_CAVEAT}",
    "Scoring rate: the share of a group scoring above the median score of the whole batch "
    "for the role (Local Law 144's measure for scores); it does not depend on the cut-off.",
    f"Small samples: groups with fewer than {MIN_GROUP} résumés show only their size; with "
    "small groups, one or two résumés swing a rate, so most ratios below four fifths on a "
    "small batch are not flagged, and no flag does not mean no skew: a larger batch "
    "may show one. Rates compare groups within this batch only.",
    "Selection is not hiring: the audit covers the shortlist rolematch proposes, not "
    "interviews, offers or who applied in the first place.",
    "Attributes as stated: gender, age and ethnicity are read only from what each résumé "
    "itself states (性别, 年龄, 出生年月, 民族, 女士/先生 after the name …), never guessed from "
    "names or photos; résumés that state nothing form the group 'unknown', which is not "
    "compared.",
    f"Counterfactual check: every résumé is re-scored with its gender, age, name, hometown, "
    f"ethnicity and marital and childbearing status swapped; blind screening promises that "
    f"no score moves by more than {CF_PROMISE}.",
    "Chinese law (就业促进法, 妇女权益保障法) forbids discrimination by gender, ethnicity, "
    "marriage and childbearing and other attributes in hiring; the audit helps find where "
    "the shortlists differ by group, it does not replace a legal review.",
)


def p_text(p: float) -> str:
    """``p < 0.001`` or ``p = 0.080``.

    Examples
    --------
    >>> p_text(0.0001), p_text(0.08)
    ('p < 0.001', 'p = 0.080')
    """
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def chance_text(p: float) -> str:
    """What a gap with p-value ``p`` is worth, in words an HR reader can act on.

    Examples
    --------
    >>> chance_text(0.012)
    'unlikely by chance'
    >>> chance_text(0.08)
    'suggestive but not conclusive at this size'
    >>> chance_text(0.9)
    'a gap this size often arises by chance'
    """
    if p < ALPHA:
        return "unlikely by chance"
    if p < SUGGESTIVE:
        return "suggestive but not conclusive at this size"
    return "a gap this size often arises by chance"


def below_note(p: float) -> str:
    """The note of a role's impact ratio below four fifths with p-value ``p``.

    Examples
    --------
    >>> below_note(0.08)
    'impact ratio < 0.8, p = 0.080: suggestive but not conclusive at this size; not flagged'
    >>> below_note(0.42)  # doctest: +NORMALIZE_WHITESPACE
    'impact ratio < 0.8, p = 0.420: too few to tell, a gap this size often arises by
     chance; not flagged'
    """
    if p < ALPHA:
        return f"{p_text(p)} < {ALPHA}: unlikely by chance"
    why = chance_text(p)
    if p >= SUGGESTIVE:
        why = f"too few to tell, {why}"
    return f"impact ratio < {FOUR_FIFTHS}, {p_text(p)}: {why}; not flagged"


def comparable(roles: Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]) -> bool:
    """Whether some role had two groups of an attribute with an impact ratio: whether the
    audit could compare anything at all.

    Examples
    --------
    >>> comparable({"cs": {"gender": {"女": {"impact_ratio": None}, "男": {"impact_ratio": 1.0}}}})
    False
    """
    return any(
        sum(g.get("impact_ratio") is not None for g in groups.values()) >= 2
        for attributes in roles.values()
        for groups in attributes.values()
    )


def no_flags_text(roles: Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]) -> str:
    """What an audit without flags found: no ratio below four fifths unlikely by chance,
    or, where no role had two groups large enough to compare, nothing at all.

    Examples
    --------
    >>> two = {"gender": {"女": {"impact_ratio": 0.9}, "男": {"impact_ratio": 1.0}}}
    >>> no_flags_text({"cs": two})
    'No impact ratio below 0.8 with p < 0.05 among groups of 5 or more.'
    >>> no_flags_text({"cs": {"gender": {"女": {"impact_ratio": None}}}})  # doctest: +ELLIPSIS
    'No impact ratio could be measured: ... neither bias nor its absence.'
    """
    if comparable(roles):
        return (
            f"No impact ratio below {FOUR_FIFTHS} with p < {ALPHA} among groups of "
            f"{MIN_GROUP} or more."
        )
    return (
        f"No impact ratio could be measured: no role had two groups of {MIN_GROUP} or more "
        "résumés with a rate to compare (see the warnings), so this audit shows neither "
        "bias nor its absence."
    )


def unflagged_text(inconclusive: Sequence[Mapping[str, Any]]) -> str:
    """The CLI summary's count of ratios below four fifths that are not flags.

    Examples
    --------
    >>> unflagged_text([{"p_value": 0.08}, {"p_value": 0.3}, {"p_value": 0.7}])
    '3 ratio(s) < 0.8 not flagged (1 suggestive, p < 0.10; 2 too few to tell)'
    """
    suggestive = sum(f["p_value"] < SUGGESTIVE for f in inconclusive)
    return (
        f"{len(inconclusive)} ratio(s) < {FOUR_FIFTHS} not flagged ({suggestive} suggestive, "
        f"p < {SUGGESTIVE:.2f}; {len(inconclusive) - suggestive} too few to tell)"
    )


def _verdict(entry: Mapping[str, Any]) -> str:
    ratio, p = entry["impact_ratio"], entry["p_value"]
    if entry["flag"]:  # the p-value counts people (the caveat), so this one is sound
        return f"pooled ratio below {FOUR_FIFTHS} and p < {ALPHA}: flagged"
    if ratio is None or ratio >= FOUR_FIFTHS:
        return f"pooled ratio not below {FOUR_FIFTHS}: not flagged"
    return f"{chance_text(p)}: not flagged"


def pooled_text(entry: Mapping[str, Any]) -> str:
    """One cross-role comparison in a sentence.

    Examples
    --------
    >>> entry = {"attribute": "gender", "group": "女", "reference_group": "男",
    ...          "roles_compared": 9, "roles_lower": 9, "selected": 24, "n": 270,
    ...          "reference_selected": 66, "reference_n": 270, "impact_ratio": 0.3636,
    ...          "odds_ratio": 0.3046, "p_value": 1.8e-06, "flag": True}
    >>> pooled_text(entry)  # doctest: +NORMALIZE_WHITESPACE
    'gender 女 was selected less than 男 in 9 of 9 roles (24 of 270 selections against 66 of
     270, a résumé counting once per role); pooled impact ratio 0.364, odds ratio 0.305,
     p < 0.001: pooled ratio below 0.8 and p < 0.05: flagged'
    """
    ratio = "–" if entry["impact_ratio"] is None else f"{entry['impact_ratio']:.3f}"
    odds = "–" if entry["odds_ratio"] is None else f"{entry['odds_ratio']:.3f}"
    return (
        f"{entry['attribute']} {entry['group']} was selected less than "
        f"{entry['reference_group']} in {entry['roles_lower']} of {entry['roles_compared']} "
        f"roles ({entry['selected']} of {entry['n']} selections against "
        f"{entry['reference_selected']} of {entry['reference_n']}, a résumé counting once per "
        f"role); pooled impact ratio {ratio}, odds ratio {odds}, {p_text(entry['p_value'])}: "
        f"{_verdict(entry)}"
    )


def pooled_summary_text(pooled: Sequence[Mapping[str, Any]]) -> str:
    """The CLI summary's cross-role part: how many comparisons are flagged, and which.

    Examples
    --------
    >>> pooled_summary_text([])
    'across roles: nothing to pool'
    >>> pooled_summary_text([{"attribute": "gender", "group": "女", "roles_lower": 4,
    ...     "roles_compared": 9, "impact_ratio": 0.84, "p_value": 0.42, "flag": False}])
    'across roles: 0 of 1 pooled comparison(s) flagged'
    """
    if not pooled:
        return "across roles: nothing to pool"
    flagged = [e for e in pooled if e["flag"]]
    text = f"across roles: {len(flagged)} of {len(pooled)} pooled comparison(s) flagged"
    which = [
        f"{e['attribute']} {e['group']} selected less in {e['roles_lower']} of "
        f"{e['roles_compared']} roles, pooled impact ratio {e['impact_ratio']:.3f}, "
        f"{p_text(e['p_value'])}"
        for e in flagged
    ]
    return text + (f" ({'; '.join(which)})" if which else "")


def pooled_rows(pooled: Sequence[Mapping[str, Any]], n_roles: int) -> list[dict[str, Any]]:
    """The audit CSV's cross-role rows (``role_id`` :data:`POOLED_ROLE_ID`; ``n`` and
    ``selected`` count a résumé once per role; no scoring rate or mean score)."""
    return [
        {
            "role_id": POOLED_ROLE_ID,
            "role_title": f"all {n_roles} roles pooled (Mantel–Haenszel; p over people)",
            "attribute": e["attribute"],
            "group": e["group"],
            "n": e["n"],
            "selected": e["selected"],
            "rate": e["rate"],
            "impact_ratio": e["impact_ratio"],
            "scoring_rate": None,
            "mean_score": None,
            "flag": POOLED_FLAG_TEXT if e["flag"] else "",
            "p_value": e["p_value"],
            "note": f"{pooled_text(e)}. The roles share the same résumés, so the p-value "
            "counts each person once, with the roles that selected them",
        }
        for e in pooled
    ]


def pooled_html(pooled: Sequence[Mapping[str, Any]]) -> str:
    """The HTML report's cross-role section."""
    e = html.escape
    out = [
        "<section><h2>Across roles <small>each group against the most-selected group, "
        "pooled over the roles (Mantel–Haenszel ratio; p-value over people)</small></h2>"
    ]
    if pooled:
        items = [(' class="bad"' if x["flag"] else "", e(pooled_text(x))) for x in pooled]
        out.append("<ul>" + "".join(f"<li{cls}>{text}</li>" for cls, text in items) + "</ul>")
    else:
        out.append(
            f"<p>Nothing to pool: no two roles where two stated groups of {MIN_GROUP} or "
            "more can be compared.</p>"
        )
    out.append(f'<p class="legend">{e(POOLED_CAVEAT)}</p></section>')
    return "".join(out)
