"""Personal data laid out as a table: labels in cells, family and referee blocks.

Helpers of :mod:`rolematch.pii` for résumés written as Markdown or exported form tables
(``| 姓名 | 陈晓明 | 性别 | 男 |``) and for the family and referee blocks under a bare
heading (``家庭成员`` then rows ``父亲 陈建国 60 长沙市第一中学``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rolematch._pii_fields import LABELS

# the text before a label that opens a field: nothing, a cell separator, a tab or a gap
# of two spaces (姓名  陈晓明    性别  男)
_FIELD_OPENS = re.compile(r"(?:^|\||\t| {2})[\s|]*$")
_CELL_BEFORE = re.compile(r"(?:^|\|)\s*$")
_CELL_AFTER = re.compile(r"\s*\|\s*")


def field_start(line: str, start: int) -> bool:
    """Whether a label at ``line[start:]`` opens a field: at the line's or a cell's start.

    Examples
    --------
    >>> field_start("| 父亲 | 陈建国", 2), field_start("负责父亲节营销活动", 2)
    (True, False)
    """
    return bool(_FIELD_OPENS.search(line, 0, start))


def cell_value_at(line: str, start: int, end: int) -> int | None:
    """Where the value of a label that is a whole table cell starts, else ``None``.

    A known label alone in its cell, then a separator: ``姓名 | 陈晓明`` reads as
    ``姓名：陈晓明``.

    Examples
    --------
    >>> cell_value_at("姓名 | 陈晓明 | 性别 | 男", 0, 2)
    5
    >>> cell_value_at("系统姓名 | x", 2, 4) is None
    True
    """
    if not _CELL_BEFORE.search(line, 0, start):
        return None
    after = _CELL_AFTER.match(line, end)
    return after.end() if after else None


_BARE = r"\s*[【\[(（]?\s*({})\s*[】\])）]?\s*[:：]?\s*"
_FAMILY_HEADING = re.compile(_BARE.format("|".join(map(re.escape, LABELS["family"][:5]))))
_REFEREE_HEADING = re.compile(_BARE.format("|".join(map(re.escape, LABELS["referee"][:4]))))
# a row of a family table: a relation (or the table's own header row) and what follows
_RELATIONS = (
    "父亲|母亲|父|母|配偶|妻子|丈夫|爱人|儿子|女儿|子女|哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|兄|姐|弟|妹"
    "|祖父|祖母|爷爷|奶奶|外公|外婆|岳父|岳母|公公|婆婆|称谓|关系|与本人关系"
)
_FAMILY_ROW = re.compile(rf"\s*\|?\s*(?:{_RELATIONS})(?:\s|[|:：,，]|$)")
_REFEREE_ROWS = 2


def opens_field(line: str, start: int, m: re.Match[str]) -> bool:
    """Whether the label matched by ``m`` at ``line[start:]`` opens a field: at the line's
    or a cell's start, and before a colon or a cell separator."""
    colon = ":" in m.group(0) or "：" in m.group(0)
    return field_start(line, start) and (colon or cell_value_at(line, start, m.end()) is not None)


def block_rows(lines: Sequence[str], is_name: Callable[[str], bool]) -> list[int]:
    """Lines of family and referee blocks under a bare heading, the heading included.

    Parameters
    ----------
    lines : sequence of str
        The résumé's lines.
    is_name : callable
        Whether a line opens with a person's name (the referee's row).

    Returns
    -------
    list of int
        Indices of the lines to drop: a ``家庭成员`` heading and the rows after it that
        open with a relation (``父亲 陈建国 60 …``); a ``证明人`` heading and up to two
        rows after it that open with a name.

    Examples
    --------
    >>> block_rows(["家庭成员", "父亲 陈建国 60 长沙", "工作经历"], lambda line: False)
    [0, 1]
    """
    rows: list[int] = []
    for i, line in enumerate(lines):
        family = _FAMILY_HEADING.fullmatch(line)
        if not (family or _REFEREE_HEADING.fullmatch(line)):
            continue
        rows.append(i)
        for j in range(i + 1, len(lines)):
            row = (
                _FAMILY_ROW.match(lines[j])
                if family
                else j - i <= _REFEREE_ROWS and is_name(lines[j])
            )
            if row:
                rows.append(j)
            elif lines[j].strip() or j - i > _REFEREE_ROWS:
                break
    return rows


_LEFTOVER = re.compile(r"^[\s|/,，、;；:：·•\-–—~～()（）\[\]【】<>《》.。]*$")
_EMPTY_BRACKETS = re.compile(r"[(（\[【]\s*[,，、;；:/|\s]*\s*[)）\]】]")
# separators left next to each other by cut-out values ("a / / b"); "//" in a URL
# has no space inside and stays
_SEP_RUN = re.compile(r"\s*([|/,，、;；])(?:\s+[|/,，、;；])+\s*")
# a separator left before the end of its sentence
_SEP_BEFORE_END = re.compile(r"\s*[,，、;；]\s*([。！？])")


def cut(line: str, spans: list[tuple[int, int]]) -> str | None:
    """``line`` without ``spans``, tidied: stray separators and empty brackets go;
    ``None`` when nothing is left (so that sentence splitting never sees ``/ /``).

    Examples
    --------
    >>> cut("张伟 / 男 / 会计", [(0, 2), (5, 6)])
    '会计'
    """
    if not spans:
        return line
    spans.sort()
    parts, at = [], 0
    for start, end in spans:
        if start < at:
            start = at
        parts.append(line[at:start])
        parts.append(" ")
        at = max(at, end)
    parts.append(line[at:])
    text = "".join(parts)
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _SEP_RUN.sub(r" \1 ", text)
    text = _SEP_BEFORE_END.sub(r"\1", text)  # "我是欧阳娜娜，1996年出生。" -> "我是。"
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^[|/,，、;；:：·•\s]+|[|/,，、;；:：·•\-—–\s]+$", "", text)
    if not text or _LEFTOVER.match(text):
        return None
    return text
