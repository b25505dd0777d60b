"""Where a post begins in a file of several: the post headings.

A post heading numbers a post and names it: 岗位一：支付产品经理, 职位二：…, 招聘岗位3：…,
Job 1: …, Position 2 – … (:data:`ROLE_HEAD`); or an outline number before a title (一、
（一） 1、 1.), where the posts' layout shows the number to be the posts' and not an
item's (:func:`heading_follows`, :func:`numbered_post`).
:class:`~rolematch.io._posting_parser.LineSorter` opens a posting at each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rolematch.io.posting_lines import (
    SEPARATOR,
    Lexicon,
    fold,
    match_heading,
    noise_reason,
    split_marker,
    strip_md,
    title_like,
)
from rolematch.io.posting_sources import Line

__all__ = ["ROLE_HEAD", "heading_follows", "numbered_post"]

#: 岗位1：title (one bank's way of starting a posting), 岗位一：/职位二：title (a
#: headhunter's mail of several posts), Job 1: title, Position 2 – title
ROLE_HEAD = re.compile(
    r"^(?:(?:招聘)?(?:岗位|职位|崗位|職位)\s*(?:\d+|[一二三四五六七八九十]+)\s*[:：]"
    r"|(?:job|position|role|vacancy|opening)\s*(?:no\.?\s*|#\s*)?\d{1,2}\s*(?:[:：]|[.．\-–—]\s))"
    r"\s*(?P<title>\S.*?)\s*$",
    re.I,
)

#: an arabic outline number before a post's title: 1、 1. 1． (1) （1）
_POST_NO = re.compile(r"^\s*(?:[(（]\s*(\d{1,2})\s*[)）]|(\d{1,2})\s*([、.．])(?=\D))\s*")


def _post_no(line: str) -> tuple[int, str] | None:
    """(number, its mark: 、 . ． or "()") of a line's arabic outline number, or None."""
    m = _POST_NO.match(strip_md(line))
    if m is None:
        return None
    return (int(m.group(1)), "()") if m.group(1) else (int(m.group(2)), m.group(3))


#: the most field lines (工作地点：…, 薪资范围：…, 招聘人数：…) between a post's title
#: and its duty heading
_FIELDS = 8


def heading_follows(lines: Sequence[Line], i: int, lex: Lexicon, window: int = 3) -> bool:
    """Whether a duty/requirement heading or a title field comes within a few lines
    after line ``i``."""
    seen, noise = 0, False
    for nxt in lines[i + 1 :]:
        if not nxt.text.strip() or nxt.drop:
            continue
        head = match_heading(nxt.text, lex)
        if head and head[1] != "noise":
            return True
        if lex.title_fields.match(fold(strip_md(nxt.text))):
            return True
        if head:  # a post's 岗位亮点 or 福利 first: its lines do not count
            seen, noise = 0, True
            continue
        seen += 1
        if seen >= (2 * window if noise else window):
            return False
    return False


def numbered_post(lines: Sequence[Line], i: int, lex: Lexicon) -> bool:
    """Whether line ``i``, a title after an arabic number (1、支付产品经理), numbers a
    post and is no item of a list: it opens a post's duties (a duty heading follows,
    with only the post's fields between, and that heading is not numbered the way
    the line is: the line sits a level above it), and so does the title numbered next
    to it (2、 after 1、, 1、 before 2、). A numbered duty (1、负责…) opens no heading.

    Examples
    --------
    >>> from rolematch.io.posting_lines import load_lexicon
    >>> from rolematch.io.posting_sources import numbered_lines
    >>> lines = numbered_lines("1、支付产品经理\\n工作地点：上海\\n岗位职责：\\n1. 负责收单产品"
    ...                        "\\n2、风控策略经理\\n岗位职责：\\n1. 负责审批策略")
    >>> [numbered_post(lines, i, load_lexicon()) for i in (0, 3, 4)]  # 1. 负责… is an item
    [True, False, True]
    """
    number = _post_no(lines[i].text)
    if number is None or not _opens_duties(lines, i, lex, number[1]):
        return False
    n, mark = number
    for k, ln in enumerate(lines):
        if (
            _post_no(ln.text) == (n + 1 if k > i else n - 1, mark)
            and title_like(split_marker(strip_md(ln.text))[0], lex)
            and _opens_duties(lines, k, lex, mark)
        ):
            return True
    return False


def _opens_duties(lines: Sequence[Line], i: int, lex: Lexicon, mark: str) -> bool:
    """Whether a duty heading not numbered with ``mark`` follows line ``i``, with only
    field and noise lines (工作地点：…, 汇报对象：…) between."""
    fields = 0
    for nxt in lines[i + 1 :]:
        raw = nxt.text.strip()
        if not raw or nxt.drop or SEPARATOR.match(raw):
            continue
        head = match_heading(raw, lex)
        if head and head[1] != "noise":
            same_level = (number := _post_no(raw)) is not None and number[1] == mark
            return head[1] in ("duties", "mixed") and not same_level
        fields += 1
        if fields > _FIELDS or not (head or noise_reason(strip_md(raw), lex)):
            return False
    return False
