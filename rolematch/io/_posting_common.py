"""A notice's conditions for every post (二、基本条件, 一、应聘基本条件).

A recruitment notice often states once what every applicant must meet (nationality,
conduct, health, an age limit) before or after its posts. Parsed as a posting of its
own it would be a post with no duty that any CV of boilerplate fits; read after the
last post, the last post alone would ask for it. Here its lines go to every post of
the notice, as the notice means, and no posting is made of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rolematch.io._posting_model import Item, Posting

__all__ = ["spread_common_conditions"]

#: a notice-level heading of conditions: numbered at the top level (二、基本条件) or
#: naming the application (应聘基本条件, 报名条件); not a post's own 基本要求
_COMMON = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*(?:(?:应聘|报名|报考|招聘|申请)(?:人员)?)?"
    r"(?:基本条件|基本要求|资格条件|共同条件|通用条件|条件)"
    r"|(?:应聘|报名|报考|招聘|申请)(?:人员)?(?:基本|资格)?条件)\s*[:：]?\s*$"
)


def _common_lines(post: Posting) -> list[tuple[int, int]]:
    """(first, last) line spans of ``post`` that a common-conditions heading opens."""
    marks = sorted(h.line for h in [*post.headings, *post.dropped] if _COMMON.match(h.text))
    if not marks:
        return []
    bounds = sorted(
        h.line
        for h in [*post.headings, *post.dropped]
        if h in post.headings or h.reason == "unrecognised heading"
    )
    return [(m, next((b for b in bounds if b > m), 1 << 30)) for m in marks]


def spread_common_conditions(postings: Sequence[Posting]) -> list[Posting]:
    """The postings of one notice with its common conditions given to each post.

    Examples
    --------
    >>> from rolematch.io._posting_model import Dropped
    >>> a = Posting("客服主管", [Item("负责坐席管理", 3)], [Item("本科", 5)])
    >>> b = Posting("", [], [Item("遵纪守法", 9), Item("年龄35周岁以下", 10)],
    ...             dropped=[Dropped(8, "二、基本条件", "unrecognised heading")], line=8)
    >>> [(p.title, [r.text for r in p.requirements]) for p in spread_common_conditions([a, b])]
    [('客服主管', ['本科', '遵纪守法', '年龄35周岁以下'])]
    """
    if len(postings) < 2:
        return list(postings)
    common: list[Item] = []
    for post in postings:
        for first, last in _common_lines(post):
            inside = [r for r in post.requirements if first < r.line < last]
            inside += [d for d in post.duties if first < d.line < last]
            common += [Item(r.text, r.line) for r in inside]
            post.requirements = [r for r in post.requirements if r not in inside]
            post.duties = [d for d in post.duties if d not in inside]
    if not common:
        return list(postings)
    kept = [p for p in postings if p.duties or p.requirements]
    for post in kept:
        have = {r.text for r in post.requirements}
        post.requirements += [r for r in common if r.text not in have]
    return kept
