"""Lines that a column's right margin broke, joined again (step 3 of
:mod:`rolematch.io._layout`): a line is joined to the next unless that line opens a
list item, a field (``电话：``) or a heading, and only where the break is a margin's —
the column's lines reach it, or (English set ragged right) the next word would not
have fitted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rolematch.io._layout import Line

__all__ = ["FOLIO_IN_TEXT", "is_ascii_word", "join_text_wraps", "join_wraps", "wrap_joiner"]


def is_ascii_word(ch: str) -> bool:
    """Whether ``ch`` belongs to an ASCII word (a letter, digit or ``@._-/&+#%``)."""
    return ch.isascii() and (ch.isalnum() or ch in "@._-/&+#%")


_NO_JOIN_END = tuple("。！？!?；;】]」")
# "电话：…" starts a new field, not the rest of the line above
_FIELD_START = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")
#: a page number in a text copied out of a PDF, where no page ends: only the spelled-out
#: forms (第1页 共3页, — 1 —, Page 1 of 2, 1/3), never a bare figure
FOLIO_IN_TEXT = re.compile(
    r"^\s*(?:第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|[-—–－]+\s*\d{1,3}\s*[-—–－]+"
    r"|page\s*\d{1,3}(?:\s*of\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})\s*$",
    re.I,
)
_LIST_START = re.compile(
    r"^(?:[–—•·・‧●◆◇■□▪▫►▶➢➤✓✔○◦※【\[]|-(?!\d)|\*(?![*\d])|\(?\d{1,2}[.、)）]"
    r"|\d{4}\s*[.\-/年]|[\ue000-\uf8ff])"
)


#: the two glyphs either side of a wrap inside a Chinese sentence
_CJK_WRAP = re.compile(r"[\u4e00-\u9fff，、][\u4e00-\u9fff]")
#: a list item a plain text marks with a full stop (．, NFKC'd to .)
_DOT_ITEM = re.compile(r"^\.(?![\dA-Za-z])")
#: box-drawing characters: a table drawn in text, whose rows never wrap into each other
_BOX = re.compile(r"[\u2500-\u257f]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EMAIL_END = re.compile(r"\S@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")
#: a letter-spaced line (岗 位 职 责, 工 作 经 历): a display heading, whatever its words
_LETTER_SPACED = re.compile(r"^\s*(?:[\u4e00-\u9fff]\s+){1,7}[\u4e00-\u9fff]\s*[:：]?\s*$")


def join_wraps(lines: list[Line], is_heading: Callable[[str], bool]) -> list[Line]:
    """Join lines that a column's right margin broke, so a source line stays whole."""
    if len(lines) < 2:
        return lines
    # A column's margin is real only if at least two of its lines reach it.
    reach: dict[tuple[float, float], int] = {}
    for ln in lines:
        if ln.x1 >= ln.column[1] - 1.2 * ln.size:
            reach[ln.column] = reach.get(ln.column, 0) + 1
    # ragged right (English set left-aligned, as Word's default): a line whose next word
    # would not have fitted reaches the margin as much as a full one, for English wraps
    ragged = dict(reach)
    for a, b in zip(lines, lines[1:], strict=False):
        if (
            a.column == b.column
            and a.x1 < a.column[1] - 1.2 * a.size
            and _english_wrap(a.text, b.text)
            and a.x1 + b.lead >= a.column[1] - 0.3 * a.size
        ):
            ragged[a.column] = ragged.get(a.column, 0) + 1
    out = [lines[0]]
    for b in lines[1:]:
        a = out[-1]
        size = max(a.size, b.size)
        # the column's right edge, when lines reach it; else that of b's block (b's
        # left edge may then be indented: a list whose bullets are drawn, not typed)
        english = _english_wrap(a.text, b.text)
        local = (ragged if english else reach).get(a.column, 0) < 2
        margin = _local_margin(lines, b) if local else a.column[1]
        left = a.x0 + 0.5 * size if local else a.column[0] + 2.5 * size
        if (
            a.column == b.column
            and margin is not None
            and b.top > a.last_bottom - 0.3 * size
            and (
                b.top - a.last_bottom < 0.7 * size
                # double spacing (Word's 2.0): a whole line's gap, but a sentence that
                # runs to the margin and on, Chinese on both sides of the break
                or (
                    b.top - a.last_bottom < 1.1 * size
                    and a.last_x1 >= margin - 0.5 * size
                    and _CJK_WRAP.match(a.text[-1] + b.text[0]) is not None
                )
            )
            and abs(a.size - b.size) <= 0.2 * size
            and a.last_x1 + b.lead >= margin - 0.3 * size
            and a.last_x1 >= a.column[1] - 0.35 * (a.column[1] - a.column[0])
            and b.x0 <= left
            and a.spread < 4  # a date set flush right is not a full line
            and not (a.table or b.table)
            and not a.text.endswith(_NO_JOIN_END)
            and not _LIST_START.match(b.text)
            and not _FIELD_START.match(b.text)
            and not _EMAIL_END.search(a.text)
            and not is_heading(a.text)
            and not is_heading(b.text)
            and not _LETTER_SPACED.match(a.text)
            and not _LETTER_SPACED.match(b.text)
        ):
            a.text += _joiner(a.text, b.text) + b.text
            a.x0, a.x1 = min(a.x0, b.x0), max(a.x1, b.x1)
            a.bottom = b.bottom
            a.last_x1, a.last_bottom, a.spread = b.x1, b.bottom, b.spread
            continue
        out.append(b)
    return out


def _english_wrap(left: str, right: str) -> bool:
    return (is_ascii_word(left[-1:]) or left[-1:] in (",", ":", ")")) and is_ascii_word(right[:1])


def _local_margin(lines: Sequence[Line], b: Line) -> float | None:
    """The right margin of the lines that share ``b``'s left edge in its column, when
    the column's own right edge is no margin (a footer or page number set past the
    text widens it: Chromium's print header and footer). It is real only when at
    least two of those lines reach it.
    """
    same = [
        ln.x1
        for ln in lines
        if ln.column == b.column and abs(ln.x0 - b.x0) <= 0.5 * b.size and ln.size == b.size
    ]
    if len(same) < 3:
        return None
    right = max(same)
    if sum(1 for x in same if x >= right - 1.2 * b.size) < 2:
        return None
    return right


def wrap_joiner(left: str, right: str) -> str | None:
    """What joins a line to the next one where a margin wrapped it (``""`` in Chinese, a
    space between English words), or None where the next starts something of its own
    (a list item, a ``label：`` field) or the line ends a sentence.

    Examples
    --------
    >>> wrap_joiner("负责手机银行", "运营"), wrap_joiner("Led the", "team")
    ('', ' ')
    >>> wrap_joiner("scorecards,", "approval"), wrap_joiner("负责运营,", "渠道")
    (' ', '')
    >>> wrap_joiner("负责运营。", "2019-至今"), wrap_joiner("负责", "1. 运营")
    (None, None)
    """
    if left.endswith(_NO_JOIN_END) or _LIST_START.match(right) or _FIELD_START.match(right):
        return None
    return _joiner(left, right)


def _joiner(left: str, right: str) -> str:
    if left[-1] in ",:)" and right[0].isascii() and right[0].isalnum():
        return " "  # English wrapped after a comma: "scorecards, approval"
    if not (is_ascii_word(left[-1]) and is_ascii_word(right[0])):
        return ""  # Chinese wraps anywhere, without a space
    head = left.rsplit(" ", 1)[-1]
    tail = right.split(" ", 1)[0]
    if "@" in head or "@" in tail or "://" in head or head.endswith(("-", "_", "/", ".")):
        return ""  # an e-mail address or URL broken at the margin
    return " "


#: Columns a hard-wrapped text's lines reach at the least (12 Chinese characters): a
#: shorter "margin" is a list of short items, not a wrap.
_MIN_WRAP_COLUMNS = 24


def _columns(line: str) -> int:
    """The columns a line takes in a monospaced editor (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _text_margin(widths: Sequence[int]) -> int | None:
    """The column where a plain text's lines were hard-wrapped, or None.

    A margin is real when at least three lines, and a tenth of the long ones, end
    within a few columns of it and almost none runs past it: text copied from a PDF
    viewer or an e-mail body. A CV written line by line has lines of every length; its
    longest lines are one or two.
    """
    long = sorted(w for w in widths if w >= _MIN_WRAP_COLUMNS)
    stray = len(long) // 20  # a URL or a table row past the margin, in a long text
    for margin in reversed(long[-stray - 1 :]):
        full = sum(1 for w in long if margin - _tolerance(margin) <= w <= margin)
        if full >= max(3, len(long) / 10):
            return margin
    return None


def _tolerance(margin: int) -> int:
    """Columns short of the margin a wrapped line may end: a Chinese character that
    did not fit, or a proportional font's narrow letters."""
    return max(3, round(0.05 * margin))


def join_text_wraps(text: str, is_heading: Callable[[str], bool]) -> tuple[str, int]:
    """Plain text whose lines a fixed margin broke, with the broken lines joined again.

    Text copied out of a PDF viewer or an e-mail keeps the page's line ends: a
    sentence split across lines reads as two fragments, and its scores move (a
    hard-wrapped CV's best role moved by up to 0.4). A line that reaches the margin
    (:func:`_text_margin`), or whose next word would not have fitted before it, is
    joined to the next one as :func:`wrap_joiner` allows, unless either is empty or a
    heading. Text with no margin is returned as it is.

    Returns
    -------
    text : str
        The text, its line breaks kept where no wrap was found.
    joined : int
        How many line breaks were joined.

    Examples
    --------
    >>> cv = "负责手机银行APP的产品运营与用户增长，牵头搭建用户分层\\n运营体系，月活提升30%。\\n"
    >>> text, joined = join_text_wraps(cv * 3, lambda line: False)
    >>> text.splitlines()[0], joined
    ('负责手机银行APP的产品运营与用户增长，牵头搭建用户分层运营体系，月活提升30%。', 3)
    >>> join_text_wraps("工作经历\\n负责运营\\n", lambda line: False)
    ('工作经历\\n负责运营\\n', 0)
    """
    raw = text.splitlines()
    margin = _text_margin([_columns(line.rstrip()) for line in raw])
    if margin is None:
        return text, 0
    tol = _tolerance(margin)
    out = [line.rstrip() for line in raw[:1]]
    joined = 0
    for last, line in zip(raw, raw[1:], strict=False):
        a, b = (unicodedata.normalize("NFKC", t.strip()) for t in (last, line))
        sep = (
            wrap_joiner(a, b)
            if a
            and b
            and _broke(last.strip(), b, margin, tol)
            and not (
                is_heading(a)
                or is_heading(b)
                or _BOX.search(a + b)
                or _EMAIL_END.search(a)
                or FOLIO_IN_TEXT.match(b)
                or _bullet(b)
                or _LETTER_SPACED.match(a)
                or _LETTER_SPACED.match(b)
            )
            else None
        )
        if sep is None:
            out.append(line.rstrip())
            continue
        if last[-1].isspace() or line[0].isspace():
            sep = " "  # the margin broke at a space (一　二): keep one
        elif _CJK.search(a.rsplit(" ", 1)[-1] + b.split(" ", 1)[0]):
            sep = ""  # a number or name inside Chinese text: 约30|0万元, 参与IV|R菜单
        out[-1] += sep + line.strip()
        joined += 1
    return "\n".join(out), joined


def _bullet(line: str) -> bool:
    """Whether a line opens a list item with a symbol (✅, ★, ➔) or a full stop (．)."""
    return unicodedata.category(line[0]) in ("So", "Sm") or bool(_DOT_ITEM.match(line))


def _broke(line: str, following: str, margin: int, tol: int) -> bool:
    """Whether the margin broke ``line``: it reaches it, or (English) the next word would
    not have fitted."""
    width = _columns(line)
    if width >= margin - tol:
        return True
    word = following.split(" ", 1)[0]  # (2014-2019): too moves down whole
    english = _english_wrap(line, following.lstrip("(\"'"))
    return english and width + 1 + _columns(word) > margin
