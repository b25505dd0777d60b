"""Job-board exports -> jobs: the records of a ``.csv``, ``.jsonl``, ``.json`` or
``.xlsx`` export (the ``excel`` extra), each one's title and text fields picked by
name.

This module's one job is finding the fields: a record's rows or keys, a sheet's header
row (below a title row, or over two rows), the title, text and id fields (given, or
the first of :data:`~rolematch.io.posting_sources.TITLE_FIELDS` and
:data:`~rolematch.io.posting_sources.TEXT_FIELDS` present), and the columns named as
sections (岗位职责, 任职条件 …), each read under its name as a heading. Decoding a file
and reading a field's HTML come from :mod:`rolematch.io.posting_sources`; the lines it
yields are parsed by :mod:`rolematch.io.postings`. Errors are
:class:`~rolematch.exceptions.RoleSpecError` naming the file, line (or row, or record)
and field.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rolematch.exceptions import MissingDependencyError, RoleSpecError
from rolematch.io.posting_lines import department_field
from rolematch.io.posting_sources import (
    TEXT_FIELDS,
    TITLE_FIELDS,
    Line,
    html_lines,
    looks_like_html,
    numbered_lines,
    read_text_file,
)
from rolematch.io.posting_tables import form_row, section_column, section_name
from rolematch.io.sheets import Formula

__all__ = ["ExportJob", "export_jobs", "sheet_lines"]


def _records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """(line or row number, record) of an export."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _xlsx_records(path)
        return
    text = read_text_file(path)
    if suffix == ".csv":
        # strict: an unclosed quote is an error, not a cell that swallows the rest
        reader = csv.DictReader(io.StringIO(text), strict=True)
        start = 1  # first line of the record being read (a quoted cell may span lines)
        try:
            if not reader.fieldnames:
                raise RoleSpecError("the CSV file has no header row", path=path)
            start = reader.line_num + 1
            for row in reader:
                if any(str(v).strip() for v in row.get(None) or ()):  # unnamed cells
                    raise RoleSpecError(
                        f"line {start}: {len(reader.fieldnames) + len(row[None])} cells "
                        f"for {len(reader.fieldnames)} columns (an unquoted comma?)",
                        path=path,
                    )
                yield start, row
                start = reader.line_num + 1
        except csv.Error as e:
            raise RoleSpecError(
                f"line {start}: not valid CSV ({e}; a quote left open?)", path=path
            ) from e
        return
    if suffix == ".jsonl":
        for no, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as e:
                raise RoleSpecError(f"line {no}: not valid JSON: {e.msg}", path=path) from e
            if not isinstance(rec, Mapping):
                raise RoleSpecError(
                    f"line {no}: expected a JSON object, got {type(rec).__name__}", path=path
                )
            yield no, rec
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RoleSpecError(f"line {e.lineno}: not valid JSON: {e.msg}", path=path) from e
    if isinstance(data, Mapping):
        found = _record_list(data)
        data = found if found is not None else [data]
    if not isinstance(data, list):
        raise RoleSpecError(f"expected a list of job objects, got {type(data).__name__}", path=path)
    for i, rec in enumerate(data, start=1):
        if not isinstance(rec, Mapping):
            raise RoleSpecError(
                f"record {i}: expected a JSON object, got {type(rec).__name__}", path=path
            )
        yield i, rec


def _record_list(data: Mapping[str, Any], depth: int = 3) -> list[Any] | None:
    """The one list of records an API's envelope holds ({"jobs": […]}, or {"code": 200,
    "data": {"total": 2, "rows": […]}}); None for a record itself, or when the envelope
    holds no list or several."""
    if _has_any(data, TEXT_FIELDS) or depth == 0:
        return None
    lists = [v for v in data.values() if isinstance(v, list)]
    if len(lists) == 1:
        return lists[0]
    if lists:
        return None
    inner = [v for v in data.values() if isinstance(v, Mapping)]
    found = [f for v in inner if (f := _record_list(v, depth - 1)) is not None]
    # a record's own nested facts ({"company": {"tags": ["双休"]}}) are no records
    if len(found) == 1 and found[0] and all(isinstance(r, Mapping) for r in found[0]):
        return found[0]
    return None


def _xlsx_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Rows of the first sheet of an Excel export, keyed by the header row."""
    from rolematch.io.sheets import sheet_rows

    sheet = 0
    while True:
        try:
            names, rows = sheet_rows(path, sheet, formulas=True)
        except MissingDependencyError:
            raise
        except IndexError:
            raise RoleSpecError(
                "no sheet has a header row (a row with two or more filled cells)", path=path
            ) from None
        except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
            raise RoleSpecError(
                f"cannot read the Excel file: {type(e).__name__}: {e}", path=path
            ) from e
        if sum(1 for n in names if n) >= 2:
            break
        # a title row (one merged cell: 某某银行2024年招聘岗位表) above the header: the
        # header is the first row with two or more cells; a sheet without one (填写说明)
        # is passed over
        k = next((k for k, (_, r) in enumerate(rows) if sum(_filled(v) for v in r) >= 2), None)
        if k is not None:
            names = ["" if v is None else str(v).strip() for v in rows[k][1]]
            rows = rows[k + 1 :]
            break
        sheet += 1
    if rows and (lower := _header_below(names, rows[0][1])):
        # a two-row header: group labels (岗位信息, 岗位要求) merged over the names of
        # the row below; a cell merged down over both rows (序号) keeps the upper name
        names, rows = lower, rows[1:]
    while rows and _filled(rows[-1][1][0]) and not any(_filled(v) for v in rows[-1][1][1:]):
        rows = rows[:-1]  # a note below the table (注：…), written in its first cell
    for no, row in rows:
        cells = zip(names, row, strict=False)  # short rows: trailing cells empty
        # a formula with no saved value stays a Formula: export_jobs names it
        yield (
            no,
            {
                n: ("" if v is None else v if isinstance(v, Formula) else str(v))
                for n, v in cells
                if n
            },
        )


#: a column name: a short label, no sentence, no number (a data row has 1, 2 …)
_LABEL = re.compile(r"^[^\d。；;，,:：\n]{1,12}$")


def _header_below(names: Sequence[str], row: Sequence[Any]) -> list[str] | None:
    """The column names of a two-row header, when ``row`` (the row under the header
    row) is its lower half: every filled cell a label, at least one of them under an
    empty header cell (the rest of a merged group label). Else None."""
    filled = [k for k, v in enumerate(row) if _filled(v)]
    if len(filled) < 2 or not all(_LABEL.match(str(row[k]).strip()) for k in filled):
        return None
    if not any(k >= len(names) or not names[k] for k in filled):
        return None
    width = max(len(names), len(row))
    upper = [*names, *[""] * (width - len(names))]
    return [
        str(row[k]).strip() if k < len(row) and _filled(row[k]) else upper[k] for k in range(width)
    ]


def _filled(value: Any) -> bool:
    return value is not None and bool(str(value).strip())


def _has_any(rec: Mapping[str, Any], names: Sequence[str]) -> bool:
    return any(n in rec for n in names)


#: a field that holds a posting's description, whatever else its name says
_DESCRIPTION = re.compile(r"description|desc\b|^jd|职位描述|岗位描述|职位详情", re.I)
#: a field that holds a posting's title in an ATS's own words (postName, position_title)
_TITLE_NAME = re.compile(r"^(?:job|post|position|vacancy|role|recruit)[_\s-]?(?:name|title)$", re.I)
#: the words of a field an ATS names in English (jobContent, job_condition, bonusPoint)
#: that say which section its text is; benefits and intros say none
_FIELD_WORDS = {
    "duties": {"duty", "duties", "responsibility", "responsibilities", "content", "task", "tasks"},
    "requirements": {
        "requirement",
        "requirements",
        "require",
        "condition",
        "conditions",
        "qualification",
        "qualifications",
    },
    "preferred": {"bonus", "plus", "pluses", "preferred", "prefer"},
}


def field_section(name: str) -> str | None:
    """The section an English field name says its text is (``jobContent`` duties,
    ``jobCondition`` requirements, ``bonusPoint`` preferred), or None.

    Examples
    --------
    >>> [field_section(n) for n in ("jobContent", "job_condition", "bonusPoint", "welfare")]
    ['duties', 'requirements', 'preferred', None]
    """
    words = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", str(name))]
    if not words or len(words) > 3 or not str(name).isascii():
        return None
    kinds = [k for k, vocab in _FIELD_WORDS.items() if vocab & set(words)]
    return kinds[0] if len(kinds) == 1 else None


def _pick(
    rec: Mapping[str, Any],
    given: str | None,
    defaults: Sequence[str],
    what: str,
    where: str,
    path: Path,
) -> list[str]:
    if given:
        names = [f.strip() for f in given.split(",") if f.strip()]
        for f in names:
            if f not in rec:
                raise RoleSpecError(
                    f"{where}: no such field (the {what} field); fields here: {sorted(rec)}",
                    path=path,
                    field=f,
                )
        return names
    for name in defaults:
        if name in rec:
            return [name]
    folded = {str(n).strip().lower(): n for n in rec}
    for name in defaults:  # Title, Description: a header in another case
        if name.lower() in folded:
            return [folded[name.lower()]]
    if what == "text":  # description_html, jobDescription, 职位描述（HTML）: a description
        found = [n for n in rec if _DESCRIPTION.search(str(n))]
        if len(found) == 1:
            return found
    if what == "title":  # postName, positionTitle
        found = [n for n in rec if _TITLE_NAME.match(str(n).strip())]
        if len(found) == 1:
            return found
    if len([n for n in rec if str(n).strip()]) < 2:
        # one column cannot hold both a title and a text: no --title-field would do
        raise RoleSpecError(
            f"{where}: no {what} field found, and the header names only {sorted(rec)}; "
            "the header row must name the title and text columns (is a title row above it?)",
            path=path,
            field=f"{what}_field",
        )
    raise RoleSpecError(
        f"{where}: no {what} field found; name it with --{what}-field (fields here: {sorted(rec)})",
        path=path,
        field=f"{what}_field",
    )


def _block_heads(fields: Sequence[str], parts: Sequence[str], lexicon: str | None) -> list[str]:
    """The heading each text field's block goes under: its own name when that is a
    section name, none when its text has headings, else duties for the first field
    and requirements for the second."""
    from rolematch.io.posting_lines import heading_word, load_lexicon, match_heading

    lex = load_lexicon(lexicon)

    def duty_field(name: str) -> bool:
        head = match_heading(section_name(name), lex) if section_column(name) else None
        return field_section(name) == "duties" or (head is not None and head[1] == "duties")

    # beside a field of duties (schema.org's responsibilities) a description is the
    # posting's overview, no duties of its own
    overview = any(duty_field(n) for n in fields)
    heads = []
    for k, (name, text) in enumerate(zip(fields, parts, strict=True)):
        own = any(
            (h := match_heading(t, lex)) is not None and h[1] != "noise" for t in text.splitlines()
        )
        if section_column(name):
            heads.append(f"{section_name(name)}：\n")
        elif kind := field_section(name):  # jobCondition: under 任职要求
            heads.append(heading_word(lex, kind) + "：\n")
        elif own or k > 1 or overview:
            heads.append("")
        else:
            heads.append(heading_word(lex, "duties" if k == 0 else "requirements") + "：\n")
    return heads


def sheet_lines(path: Path) -> list[list[Line]]:
    """Each sheet of a workbook that is no table of posts, as the lines of a document:
    a row of one cell is a line, a row of a label and a value is read as a form's
    (:func:`~rolematch.io.posting_tables.form_row`), a wider row its cells joined."""
    from rolematch.io.sheets import sheet_rows

    out = []
    for sheet in itertools.count():
        try:
            header, rows = sheet_rows(path, sheet)
        except IndexError:  # no more sheets
            break
        lines: list[Line] = []
        for no, row in [(1, tuple(header)), *rows]:
            cells = [str(v).strip() for v in row if _filled(v)]
            texts = form_row(cells) if len(cells) == 2 else None
            texts = texts if texts is not None else ["  ".join(cells)] if cells else []
            lines += [Line(t, no) for t in texts]
        if lines:
            out.append(lines)
    return out


@dataclass(frozen=True)
class ExportJob:
    """One job of an export: its line (or row, or record) number, title, text as
    lines, id (``""`` without an id field) and department (a 部门 or department
    column's, else ``""``)."""

    no: int
    title: str
    lines: list[Line]
    id: str = ""
    department: str = ""
    #: the filled fields none of the above read, as ``(name, value text)``
    unread: tuple[tuple[str, str], ...] = ()


def _item_rows(
    records: list[tuple[int, Mapping[str, Any]]], title_field: str | None, lexicon: str | None
) -> list[tuple[int, Mapping[str, Any]]] | None:
    """An HR system's export of one row per item (岗位名称 | 条目类型 | 序号 | 条目内容):
    the rows of each post as one record, its text each item under its type (岗位职责,
    任职要求, 福利待遇 …) as a heading. None for any other export: one with a text
    field, or without a column of section names beside a column of text."""
    from rolematch.io.posting_lines import load_lexicon, match_heading

    if len(records) < 3:
        return None
    first = records[0][1]
    if _has_any(first, TEXT_FIELDS) or any(_DESCRIPTION.search(str(n)) for n in first):
        return None
    if any(section_column(n) or field_section(n) for n in first):
        return None
    try:
        (tf,) = _pick(first, title_field, TITLE_FIELDS, "title", "", Path())
    except (RoleSpecError, ValueError):
        return None
    lex = load_lexicon(lexicon)

    def is_section(v: Any) -> bool:
        head = match_heading(str(v), lex)
        return head is not None and not head[3]

    names = [n for n in first if n != tf]
    kinds = [n for n in names if all(is_section(r.get(n, "")) for _, r in records)]
    if len(kinds) != 1 or len({str(r[kinds[0]]) for _, r in records}) < 2:
        return None
    others = [n for n in names if n != kinds[0]]
    if not others:
        return None
    text = max(others, key=lambda n: sum(len(str(r.get(n) or "")) for _, r in records))
    grouped: dict[str, tuple[int, list[str], str]] = {}
    for no, r in records:
        title = str(r.get(tf) or "").strip()
        first_no, lines, last = grouped.setdefault(title, (no, [], ""))
        kind = str(r[kinds[0]]).strip()
        if kind != last:
            lines.append(f"{kind}：")
        lines.append(str(r.get(text) or "").strip())
        grouped[title] = (first_no, lines, kind)
    return [
        (no, {tf: title, "text": "\n".join(lines)}) for title, (no, lines, _) in grouped.items()
    ]


def _texty(value: Any) -> bool:
    """Whether a field holds text (a string, or a list of strings), not a nested record
    (schema.org's educationRequirements: {"@type": …})."""
    if isinstance(value, list | tuple):
        return all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def _value_text(value: Any, sep: str = "\n") -> str:
    """A field's text: a JSON list (duties: ["负责…", "负责…"]) is one line an item, not
    the list's Python spelling; a missing value is empty."""
    if isinstance(value, list | tuple):
        return sep.join(str(v).strip() for v in value if v is not None and str(v).strip())
    return "" if value is None else str(value)


def export_jobs(
    path: Path,
    title_field: str | None,
    text_field: str | None,
    id_field: str | None,
    lexicon: str | None = None,
) -> Iterator[ExportJob]:
    """The jobs of an export, their fields picked by name (several text fields:
    comma-separated, joined in that order; default: the first present of
    :data:`TITLE_FIELDS`, :data:`TEXT_FIELDS`). With several text fields each
    field is one block: a field named as a section (任职要求) is that section; one
    whose text has headings of its own keeps them; otherwise the first field holds
    the duties and the next the requirements (jobDescribe, jobRequire).

    Raises
    ------
    RoleSpecError
        A missing field, an empty title or text (naming the file, line and field),
        or an export without records.
    """
    unit = {".csv": "line", ".jsonl": "line", ".xlsx": "row"}.get(path.suffix.lower(), "record")
    count = 0
    records: Iterable[tuple[int, Mapping[str, Any]]] = _records(path)
    if not text_field:
        records = list(records)
        records = _item_rows(records, title_field, lexicon) or records
    for no, rec in records:
        where = f"{unit} {no}"
        tf = _pick(rec, title_field, TITLE_FIELDS, "title", where, path)
        # default: the first text field, and every column named as a section
        # (职位描述 + 任职要求; 岗位职责 + 任职条件 without a text field)
        sections = (
            []
            if text_field
            else [
                n
                for n in rec
                if n not in tf and (section_column(n) or field_section(n)) and _texty(rec[n])
            ]
        )
        if sections and not _has_any(rec, TEXT_FIELDS):
            xf = sections
        else:
            xf = _pick(rec, text_field, TEXT_FIELDS, "text", where, path)
            xf = [n for n in rec if n in xf or n in sections] if sections else xf
        if id_field:
            _pick(rec, id_field, (), "id", where, path)
        # an export's own "id" names its roles unless another id field is given
        idf = id_field or ("id" if type(rec.get("id")) in (str, int) else None)
        if uncached := [n for n, v in rec.items() if isinstance(v, Formula)]:
            rec = {n: "" if n in uncached else v for n, v in rec.items()}  # no value
        title = " ".join(_value_text(rec[f], " ").strip() for f in tf).strip()
        parts = [_value_text(rec[f]) for f in xf]
        empty = [*(tf if not title else ()), *(xf if not "".join(parts).strip() else ())]
        if lost := [n for n in empty if n in uncached]:
            _warn_formula(path, where, lost[0])  # that row alone, not the import
            continue
        if not title:
            raise RoleSpecError(f"{where}: the title is empty", path=path, field=tf[0])
        if not "".join(parts).strip():
            raise RoleSpecError(f"{where}: the posting text is empty", path=path, field=xf[0])
        if len(xf) > 1:  # each section under its column name: 岗位职责：/ 任职条件：
            heads = _block_heads(xf, parts, lexicon)
            parts = [h + t for h, t in zip(heads, parts, strict=True)]
        body = "\n".join(parts)
        for _ in range(2):  # an ATS's HTML escaped once or twice (&lt;p&gt;, &amp;#x27;)
            if "&lt;" in body and looks_like_html(html.unescape(body)):
                body = html.unescape(body)
        lines = html_lines(body) if looks_like_html(body) else numbered_lines(body)
        count += 1
        depts = [n for n in rec if department_field(f"{n}：x")]
        dept = [_value_text(rec[n], " ").strip() for n in depts]
        ident = str(rec[idf]).strip() if idf else ""
        used = {*tf, *xf, *depts, idf}
        unread = tuple(
            (str(n), _value_text(v, " ").strip())
            for n, v in rec.items()
            if n not in used and _filled(v) and str(n).strip()
        )
        yield ExportJob(no, title, lines, ident, next((d for d in dept if d), ""), unread)
    if not count:
        raise RoleSpecError("the export holds no records", path=path)


def _warn_formula(path: Path, where: str, field: str) -> None:
    from rolematch.io.roles import RoleFileWarning

    warnings.warn(
        f"{path}: {where}: skipped: field {field!r} is a formula with no saved value "
        "(open and save the workbook in Excel or WPS to compute it)",
        RoleFileWarning,
        stacklevel=3,
    )
