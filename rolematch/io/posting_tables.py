"""Tables in posting documents -> posting lines: a table of posts (岗位名称 | 岗位职责 |
任职条件 …, one posting a row, in Word, HTML, Markdown or a PDF's ruled table over
pages), a table of one section's items (序号 | 工作内容 | 考核标准), and a form of labels
and values (a 岗位说明书: 岗位名称 | 合规经理, two or four cells a row; printed as
lines, a title field's label above its value: :func:`label_above_value`).

Its one job is reading a table's cells by the posting vocabulary's column names; the
documents the tables come from are read by :mod:`rolematch.io.posting_sources`, the
lines it yields are parsed by :mod:`rolematch.io.postings`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rolematch.io.posting_lines import CN_OUTLINE, Lexicon, fold, post_title_like, strip_md
from rolematch.io.posting_sources import TITLE_FIELDS, Line

__all__ = [
    "form_row",
    "label_above_value",
    "pdf_posts_tables",
    "pipe_tables",
    "posting_table",
    "posting_table_lines",
    "section_column",
    "section_name",
    "tab_tables",
]


#: a numbered section column (职责1, 要求2, Responsibility 3): one item a column
_COLUMN_NO = re.compile(r"\s*[_#-]?\s*\d{1,2}\s*$")


def section_name(name: str) -> str:
    """A section column's heading: its name without the item number (职责2 -> 职责)."""
    return _COLUMN_NO.sub("", name) or name


def _names_titles(name: str) -> bool:
    """Whether a column is named as the posts' titles (岗位名称, Taiwan's 職稱)."""
    from rolematch.io.posting_lines import fold

    return fold(name) in TITLE_FIELDS


def section_column(name: str) -> bool:
    """Whether a column is named as a duty or requirement section (岗位职责, 任职条件,
    职责1)."""
    from rolematch.io.posting_lines import load_lexicon, match_heading

    head = match_heading(section_name(name), load_lexicon(None))
    return head is not None and head[1] not in ("noise", "kpis") and not head[3]


def posting_table(rows: list[list[list[str]]]) -> list[str] | None:
    """A table of posts (header 岗位名称 | 招聘人数 | 岗位职责 | 任职条件 …) as the
    lines of one posting per row: ``岗位名称：X``, then each section column under its
    name, then the other columns as ``name：value`` (招聘人数：2, 工作地点：…); None
    for any other table. Cells keep their lines (a cell of numbered duties).

    Examples
    --------
    >>> posting_table([[["岗位名称"], ["岗位职责"], ["人数"]], [["出纳"], ["负责收付"], ["1"]]])
    ['岗位名称：出纳', '岗位职责：', '负责收付', '人数：1', '———']

    The rule at the end closes the last row's lists: a note below the table
    (注：工作地点为…) is no item of the last post.
    """
    own = posting_table_lines(rows)
    return None if own is None else [text for _, text in own]


def posting_table_lines(rows: list[list[list[str]]]) -> list[tuple[int, str]] | None:
    """:func:`_posting_table`'s lines, each with the index of the row it comes from: a
    table of posts (:func:`_posts_table_lines`), else a form's (:func:`_form_table_lines`)."""
    for reading in (_posts_table_lines, _items_table_lines, _kinds_table_lines, _form_table_lines):
        if (own := reading(rows)) is not None:
            return own
    return None


def _posts_table_lines(rows: list[list[list[str]]]) -> list[tuple[int, str]] | None:
    """A table of posts' lines, one posting a row, each with its row index; None for
    any other table."""
    if len(rows) < 2 or not rows[0] or any(len(c) > 1 for c in rows[0]):
        return None
    names = [c[0].strip() if c else "" for c in rows[0]]
    title = next((i for i, n in enumerate(names) if _names_titles(n)), None)
    sections = [i for i, n in enumerate(names) if i != title and section_column(n)]
    if title is None or not sections:
        return None
    others = [i for i in range(len(names)) if i != title and i not in sections and names[i]]
    lines: list[tuple[int, str]] = []
    for r, row in enumerate(rows[1:], start=1):
        cells = row + [[]] * (len(names) - len(row))  # a short row: trailing cells empty
        post = " ".join(cells[title]).strip()
        if not post:
            continue
        lines.append((r, f"{names[title]}：{post}"))
        for i in sections:
            lines += [(r, f"{section_name(names[i])}：")] + [(r, t) for t in cells[i]]
        for i in others:  # after the sections: 学历要求：本科 reads as a requirement
            value = " ".join(cells[i]).strip()
            if value and not _SERIAL.match(names[i]):
                lines.append((r, f"{names[i]}：{value}"))
    if lines:
        lines.append((lines[-1][0], _TABLE_END))
    return lines


def _items_table_lines(rows: list[list[list[str]]]) -> list[tuple[int, str]] | None:
    """A table of one section's items, one a row (序号 | 工作内容 | 考核标准, a 岗位说明书's
    duties with their measures): the section's heading, then each row's cell of it; the
    other columns (row numbers, measures) are no items. None for any other table."""
    if len(rows) < 3 or not rows[0] or any(len(c) != 1 for c in rows[0]):
        return None
    names = [c[0].strip() for c in rows[0]]
    if len(names) < 2 or any(_names_titles(n) for n in names):
        return None
    sections = [i for i, n in enumerate(names) if section_column(n)]
    # one section column, or every column one (岗位职责 | 任职要求 side by side, a
    # borderless two-column layout): each read down, under its heading
    if len(sections) != 1 and len(sections) != len(names):
        return None
    lines: list[tuple[int, str]] = []
    for i in sections:
        lines.append((0, f"{section_name(names[i])}："))
        for r, row in enumerate(rows[1:], start=1):
            lines += [(r, t) for t in (row[i] if i < len(row) else [])]
    return lines + [(len(rows) - 1, _TABLE_END)]


def _kinds_table_lines(rows: list[list[list[str]]]) -> list[tuple[int, str]] | None:
    """A table of one item a row whose first column names its section (类别 | 内容 with
    职责 / 要求 / 加分 / 福利 rows): each run of a section under its heading. None for
    any other table."""
    from rolematch.io.posting_lines import load_lexicon, match_heading

    if len(rows) < 3 or any(not row or len(row[0]) != 1 for row in rows[1:]):
        return None
    lex = load_lexicon(None)
    kinds = [row[0][0].strip() for row in rows[1:]]
    heads = [match_heading(k, lex) for k in kinds]
    if any(h is None or h[3] for h in heads) or len(set(kinds)) < 2:
        return None
    if len(set(kinds)) == len(kinds) or any(c and _names_titles(c[0]) for c in rows[0]):
        return None  # each label once, or a title first: a form (岗位名称 | 理财经理 …)
    lines: list[tuple[int, str]] = []
    for r, (kind, row) in enumerate(zip(kinds, rows[1:], strict=True), start=1):
        if r == 1 or kind != kinds[r - 2]:
            lines.append((r, f"{kind}："))
        lines += [(r, t) for cell in row[1:] for t in cell]
    return lines + [(len(rows) - 1, _TABLE_END)]


def _form_table_lines(rows: list[list[list[str]]]) -> list[tuple[int, str]] | None:
    """A form's table of labels and values (a 岗位说明书: 岗位名称 | 合规经理, 制度建设 |
    组织制定…；) as lines, each row by :func:`form_row`, without a header row (工作项目 |
    工作内容); None for a table that is not two columns of one-line labels.

    Examples
    --------
    >>> [t for _, t in _form_table_lines([[["岗位名称"], ["出纳"]],
    ...                                    [["资金收付"], ["负责现金收付和银行账户管理；"]],
    ...                                    [["任职要求"], ["大专学历", "会计相关专业"]]])]
    ['岗位名称：出纳', '负责现金收付和银行账户管理；', '任职要求：', '大专学历', '会计相关专业']
    """
    filled = [[c for c in row if c] for row in rows]
    # a form of two label | value pairs a row (岗位名称 | X | 所属部门 | Y): each pair a row
    split = [(r, half) for r, row in enumerate(filled) for half in _halves(row)]
    pairs = [p for _, p in split]
    if len(pairs) < 2 or any(len(p) != 2 or len(p[0]) != 1 or not _label(p[0][0]) for p in pairs):
        return None
    long = [not _label(" ".join(p[1]), 14) for p in pairs]
    lines: list[tuple[int, str]] = []
    for k, (r, (cell, value)) in enumerate(split):
        if k == 0 and _COLUMN_NAME.search(" ".join(value)) and sum(long[1:]) >= 2:
            continue  # the header of a table of items: 工作项目 | 工作内容
        lines += [(r, t) for t in form_row([cell[0], *value]) or []]
    return lines


def _halves(row: list[list[str]]) -> list[list[list[str]]]:
    """A form row's label | value pairs: two when it has four cells."""
    return [row[:2], row[2:]] if len(row) == 4 else [row]


def form_row(cells: Sequence[str]) -> list[str] | None:
    """A form's row, a label and its value's lines, as posting lines: a section label
    over its value (岗位职责 | 1.… 2.…), a sentence alone (the label only names its
    topic: 制度建设 | 组织制定…；), a short value with its label (岗位名称：合规经理, a field
    the posting knows); None when the first cell is no label.

    Examples
    --------
    >>> form_row(["职责", "负责设备点检；"]), form_row(["学历", "本科"])
    (['职责：', '负责设备点检；'], ['学历：本科'])
    """
    label, value = cells[0].strip(), [v for v in cells[1:] if v.strip()]
    if not _label(label) or not value:
        return None
    if section_column(label):
        return [f"{label}：", *value]
    if not _label(" ".join(value), 14):
        return list(value)
    return [f"{label}：{' '.join(value)}"]


#: a form table's header names its value column so: 工作内容, 具体描述, 说明
_COLUMN_NAME = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:内容|描述|说明|详情|事项)$")


def _label(text: str, most: int = 8) -> bool:
    """A form's label or short value: a few characters and no sentence marks."""
    t = text.strip()
    return 0 < len(t) <= most and not re.search(r"[。；;，,！!？?]", t)


#: the line a table of posts ends with: a rule, which closes the last post's lists
_TABLE_END = "———"
#: a column of row numbers
_SERIAL = re.compile(r"^(?:序号|编号|序|No\.?|#)$", re.I)


#: a Markdown table's rule under its header row: | --- | :---: |
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")


def _pipe_cells(text: str) -> list[list[str]]:
    """A Markdown table row's cells, each split into its lines at ``<br>``."""
    row = re.sub(r"^\s*\||\|\s*$", "", text.strip())
    cells = re.split(r"(?<!\\)\|", row)
    return [
        [t.strip() for t in re.split(r"<br\s*/?>", c.replace("\\|", "|"), flags=re.I) if t.strip()]
        for c in cells
    ]


#: how a Markdown table is read: not as a form (a page's two-column facts table is no
#: posting's form)
_PIPE_READINGS = (_posts_table_lines, _items_table_lines, _kinds_table_lines)


def pipe_tables(lines: list[Line]) -> list[Line]:
    """A Markdown table of posts (| 岗位 | 岗位职责 | 任职要求 |), of items or of items by
    kind (| 职责 | 负责… |) read as a Word or HTML one is; other tables stay as lines (a
    table's rows are dropped as a page's bars are)."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if "|" in lines[k].text and k + 1 < len(lines) and _PIPE_RULE.match(lines[k + 1].text):
            end = k + 2
            while end < len(lines) and "|" in lines[end].text and lines[end].text.strip():
                end += 1
            body = [lines[k]] + lines[k + 2 : end]
            cells = [_pipe_cells(ln.text) for ln in body]
            own = next((t for read in _PIPE_READINGS if (t := read(cells)) is not None), None)
            if own is not None:
                out += [Line(text, body[row].no) for row, text in own]
                k = end
                continue
        out.append(lines[k])
        k += 1
    return out


def tab_tables(lines: list[Line]) -> list[Line]:
    """A table of posts pasted from a spreadsheet (cells apart by tabs, a cell with line
    breaks in double quotes, as Excel copies it) read as a Markdown one is; lines of
    other tab-separated text stay as they are.

    Examples
    --------
    >>> rows = ["岗位名称\\t岗位职责\\t任职要求", "出纳\\t负责收付\\t大专", "会计\\t记账\\t本科"]
    >>> [ln.text for ln in tab_tables([Line(t, i + 1) for i, t in enumerate(rows)])][:4]
    ['岗位名称：出纳', '岗位职责：', '负责收付', '任职要求：']
    """
    import csv

    out: list[Line] = []
    k = 0
    while k < len(lines):
        if lines[k].text.count("\t") < 2:
            out.append(lines[k])
            k += 1
            continue
        # the block: lines with tabs, and the lines of a quoted cell that spans them
        end, quoted = k, False
        while end < len(lines) and (quoted or "\t" in lines[end].text):
            quoted ^= lines[end].text.count('"') % 2 == 1
            end += 1
        block = lines[k:end]
        starts: list[int] = []  # each record's first line, by csv's line count
        reader = csv.reader((ln.text + "\n" for ln in block), delimiter="\t")
        records: list[list[str]] = []
        first = 0
        for rec in reader:
            if any(c.strip() for c in rec):
                starts.append(block[first].no)
                records.append(rec)
            first = min(reader.line_num, len(block) - 1)
        cells = [[[t.strip() for t in c.splitlines() if t.strip()] for c in r] for r in records]
        own = _posts_table_lines(cells) if len(records) > 1 else None
        if own is None:
            out += block
        else:
            out += [Line(text, starts[row]) for row, text in own]
        k = end
    return out


def pdf_posts_tables(path: Path) -> list[str] | None:
    """Each page's text with its ruled table of posts (岗位名称 | 岗位职责 | 资格条件 …) read
    as rows, as a Word table of posts is: a PDF's text layer gives such a table column by
    column. A table that goes on over a page (its header repeated) is one table, and a
    row the page break cut (its title cell empty) goes on the row above. None when the
    PDF has no table of posts or pdfplumber cannot read it."""
    Rows = list[list[list[str]]]
    try:
        import pdfplumber

        pages: list[list[str | Rows]] = []
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                parts: list[str | Rows] = []
                top = 0.0
                for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
                    rows = [[_cell_lines(c) for c in row] for row in table.extract()]
                    if _posts_table_lines(rows) is None:
                        continue
                    parts += [_crop_text(page, top, table.bbox[1]), rows]
                    top = table.bbox[3]
                if not parts and (unruled := _unruled_posts_table(page)) is not None:
                    table_top, table_bottom, rows = unruled
                    parts += [_crop_text(page, 0.0, table_top), rows]
                    top = table_bottom
                parts.append(_crop_text(page, top, page.height))
                pages.append(parts)
    except Exception:  # a PDF pdfplumber cannot parse: its text layer as read elsewhere
        return None
    last: Rows | None = None
    for parts in pages:
        for k, part in enumerate(parts):
            if isinstance(part, str):
                continue
            if last is not None and part[0] == last[0]:  # the same table, over a page
                body = part[1:]
                if body and not "".join(body[0][_title_column(part[0])]):  # the cut row's rest
                    last[-1] = [_rejoin(a + b) for a, b in zip(last[-1], body[0], strict=False)]
                    body = body[1:]
                last.extend(body)
                parts[k] = ""
            else:
                last = part
    if last is None:
        return None
    return [
        "\n".join(
            p if isinstance(p, str) else "\n".join(t for _, t in _posts_table_lines(p) or [])
            for p in parts
        )
        for parts in pages
    ]


def _unruled_posts_table(page: Any) -> tuple[float, float, list[list[list[str]]]] | None:
    """A table of posts printed without rules (岗位名称 招聘人数 岗位职责 任职条件, the
    columns aligned by position only): (top, bottom, rows) read by the header's column
    positions, a row starting where an item list starts again (1.) or a title follows
    an empty one; None when the page has no such header."""
    lines: dict[float, list[dict[str, Any]]] = {}
    for w in page.extract_words(keep_blank_chars=False):
        key = next((t for t in lines if abs(t - w["top"]) < 3), w["top"])
        lines.setdefault(key, []).append(w)
    tops = sorted(lines)
    for k, top in enumerate(tops):
        header = sorted(lines[top], key=lambda w: w["x0"])
        names = [w["text"].strip() for w in header]
        if not any(map(_names_titles, names)) or not any(map(section_column, names)):
            continue
        starts = [w["x0"] for w in header]
        title = next(i for i, n in enumerate(names) if _names_titles(n))
        sections = [i for i, n in enumerate(names) if section_column(n)]
        size = max(w["bottom"] - w["top"] for w in header)
        cells: list[list[list[str]]] = []
        bottom = lines[top][0]["bottom"]
        for t in tops[k + 1 :]:
            words = sorted(lines[t], key=lambda w: w["x0"])
            across = any(  # a sentence running over a column's start: prose, no cell
                w["x0"] < x - size and w["x1"] > x + size for w in words for x in starts[1:]
            )
            if (
                words[0]["x0"] < starts[0] - size
                or t - bottom > 3 * size
                or across
                or CN_OUTLINE.match(words[0]["text"])
            ):
                break  # text back at the margin, a gap, prose or 二、报名方式: the table ended
            row: list[list[str]] = [[] for _ in names]
            for w in words:
                col = max((i for i, x in enumerate(starts) if x <= w["x0"] + size), default=0)
                row[col].append(w["text"])
            restart = any(re.match(r"^1\s*[.．、)）]", " ".join(row[i])) for i in sections)
            if not cells or restart or (row[title] and not cells[-1][title]):
                cells.append([[] for _ in names])
            for i, texts in enumerate(row):
                if texts:
                    cells[-1][i].append(" ".join(texts))
            bottom = max(w["bottom"] for w in words)
        rows = [[[n] for n in names]] + [
            [_rejoin(c) if i in sections else ["".join(c)] if c else [] for i, c in enumerate(r)]
            for r in cells
        ]
        if len(rows) >= 2 and _posts_table_lines(rows) is not None:
            return top - 1, bottom + 1, rows
    return None


def _title_column(header: list[list[str]]) -> int:
    return next(i for i, c in enumerate(header) if _names_titles("".join(c).strip()))


def _crop_text(page: Any, top: float, bottom: float) -> str:
    if bottom - top < 1:
        return ""
    return str(page.crop((0, top, page.width, bottom)).extract_text() or "")


def _cell_lines(cell: str | None) -> list[str]:
    """A PDF table cell's lines as items: a line the cell's width wrapped joins the one
    above unless it starts an item (1. （2） · …)."""
    return _rejoin([t.strip() for t in (cell or "").split("\n") if t.strip()])


def _rejoin(pieces: list[str]) -> list[str]:
    from rolematch.io.posting_lines import split_marker

    out: list[str] = []
    for t in pieces:
        if out and not split_marker(t)[1]:
            gap = " " if out[-1][-1:].isascii() and t[:1].isascii() else ""
            out[-1] += gap + t
        else:
            out.append(t)
    return out


def label_above_value(lines: Sequence[Line], lex: Lexicon) -> list[Line]:
    """A title field's label alone on its line and its value on the next (岗位名称 /
    数控车床操作工, as an approval form prints) as one ``岗位名称：数控车床操作工``; a
    short label (职位, 岗位) alone is a page's menu, not a field."""
    out: list[Line] = []
    skip = False
    for k, ln in enumerate(lines):
        if skip:
            skip = False
            continue
        label = fold(strip_md(ln.text)).rstrip(":：").strip()
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (
            nxt is not None
            and not ln.drop
            and len(label) >= (5 if label.isascii() else 4)  # 岗位名称, not 职位 (a menu's)
            and (m := lex.title_fields.match(fold(f"{label}：{nxt.text.strip()}")))
            and m.group(m.lastindex or 0) == fold(nxt.text.strip())  # the label is all of it
            and post_title_like(nxt.text, lex)
        ):
            out.append(Line(f"{label}：{nxt.text.strip()}", ln.no, None, ln.heading_level))
            skip = True
        else:
            out.append(ln)
    return out
