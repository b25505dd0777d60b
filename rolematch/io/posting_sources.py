"""Where posting text comes from: files and job-board exports -> numbered lines.

Reads ``.txt``, ``.md``, ``.html``/``.htm`` (a page or a fragment), ``.docx`` and
``.pdf`` (through the project's own readers, text only), and job-board exports
(``.csv``, ``.jsonl``, ``.json``, and ``.xlsx`` with the ``excel`` extra) whose title
and text fields are mapped by name. It knows nothing of duties and requirements:
:mod:`rolematch.io.postings` parses what it yields. Errors are
:class:`~rolematch.exceptions.RoleSpecError` naming the file, line and field.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rolematch.exceptions import RoleSpecError

__all__ = [
    "EXPORT_SUFFIXES",
    "POSTING_SUFFIXES",
    "TEXT_FIELDS",
    "TEXT_SUFFIXES",
    "TITLE_FIELDS",
    "ExportJob",
    "Line",
    "document_lines",
    "export_jobs",
    "html_lines",
    "numbered_lines",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
EXPORT_SUFFIXES = (".csv", ".jsonl", ".json", ".xlsx")
POSTING_SUFFIXES = TEXT_SUFFIXES + EXPORT_SUFFIXES
#: field names tried in this order when no ``title_field``/``text_field`` is given
TITLE_FIELDS = ("title", "job_title", "jobTitle", "name", "position", "职位名称", "岗位名称")
TEXT_FIELDS = ("text", "description", "jd", "content", "job_description", "职位描述", "岗位描述")


@dataclass
class Line:
    """One line of posting text with its line number in the file; ``drop`` forces it
    out with that reason (navigation of a web page), ``heading_level`` is its markdown
    or HTML heading level (0 for body text)."""

    text: str
    no: int
    drop: str | None = None  # forced reason (e.g. inside <nav>)
    heading_level: int = 0  # HTML/markdown heading level, 0 for body text


def numbered_lines(text: str) -> list[Line]:
    """The lines of a plain or markdown text, numbered from 1."""
    out = []
    for no, raw in enumerate(text.splitlines(), start=1):
        level = 0
        if m := re.match(r"^\s*(#{1,6})", raw):
            level = len(m.group(1))
        out.append(Line(raw, no, heading_level=level))
    return out


# ---------------------------------------------------------------------------
# HTML
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article",
    "dt", "dd", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav",
    "aside", "main", "form", "title", "hr", "blockquote", "pre",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_NAV = {"nav", "header", "footer", "aside", "form", "button", "menu"}


class _HtmlLines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.buf: list[str] = []
        self.start_line = 1
        self.skip = 0
        self.nav = 0
        self.heading = 0
        self.li = False
        self.title: str | None = None
        self.in_title = False

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        self.buf = []
        if text:
            prefix = ("#" * self.heading + " ") if self.heading else ("- " if self.li else "")
            drop = "web navigation" if self.nav else None
            self.lines.append(Line(prefix + text, self.start_line, drop, self.heading))
        self.li = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "title":
            self.in_title = True
            return
        cls = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        is_nav = tag in _NAV or bool(
            re.search(r"\b(nav|menu|breadcrumb|footer|header|sidebar|share|recommend)", cls)
        )
        if tag in _BLOCK or is_nav:
            self._flush()
            self.start_line = self.getpos()[0]
        if is_nav:
            self.nav += 1
            # remember which tags opened a nav so that their end closes it
            self._nav_tags.append(tag)
        if tag in ("td", "th") and "".join(self.buf).strip():
            self.buf.append(" ")  # cells of a row stay on one line: 岗位名称 理财经理
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = int(tag[1])
        if tag == "li":
            self.li = True

    _nav_tags: list[str]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in _BLOCK or (self._nav_tags and tag == self._nav_tags[-1]):
            self._flush()
            self.start_line = self.getpos()[0]
        if tag.startswith("h") and tag[1:].isdigit():
            self.heading = 0
        if self._nav_tags and tag == self._nav_tags[-1]:
            self._nav_tags.pop()
            self.nav = max(0, self.nav - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self._flush()
            self.start_line = self.getpos()[0]

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not "".join(self.buf).strip():
            self.start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.buf.append(data)


def html_lines(text: str) -> list[Line]:
    """Lines of an HTML page or fragment: block elements and ``<br>`` end lines;
    headings become markdown headings, ``<li>`` a bullet; lines inside ``<nav>``,
    ``<header>``, ``<footer>`` (or elements classed as menus) are marked as
    navigation. Each line keeps its source line number.

    Examples
    --------
    >>> [(ln.no, ln.text) for ln in html_lines("<h2>客服专员</h2><p>岗位职责：<br>1、接听来电</p>")]
    [(1, '## 客服专员'), (1, '岗位职责：'), (1, '1、接听来电')]
    """
    parser = _HtmlLines()
    parser._nav_tags = []
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.lines


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:br|p|div|li|ul|h[1-6]|span|strong|b)\b[^>]*>", text, re.I))


# ---------------------------------------------------------------------------
# files
def _read_text_file(path: Path) -> str:
    from rolematch.io._txt import decode_text

    data = path.read_bytes()
    if not data.strip():
        raise RoleSpecError("the file is empty", path=path)
    try:
        return decode_text(data, path)[0]
    except Exception as e:  # ExtractionError: binary or undecodable
        raise RoleSpecError(f"cannot read the file as text: {e}", path=path) from e


def document_lines(path: Path) -> list[Line]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from rolematch.exceptions import ExtractionError
        from rolematch.io._docx import read_docx

        try:
            text = read_docx(path.read_bytes(), path)[0]
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the Word file: {e}", path=path) from e
        return numbered_lines(text)
    if suffix == ".pdf":
        from rolematch.exceptions import ExtractionError
        from rolematch.io.extract import pdf_pages

        try:
            pdf = pdf_pages(path)
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the PDF: {e}", path=path) from e
        if not any(pg.text.strip() for pg in pdf.pages):
            raise RoleSpecError("the PDF has no text layer (scanned?)", path=path)
        return numbered_lines("\n".join(pg.text for pg in pdf.pages))
    text = _read_text_file(path)
    if suffix in (".html", ".htm") or (suffix == ".txt" and _looks_like_html(text[:2000])):
        return html_lines(text)
    return numbered_lines(text)


def _records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """(line or row number, record) of an export."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _xlsx_records(path)
        return
    text = _read_text_file(path)
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise RoleSpecError("the CSV file has no header row", path=path)
        for row in reader:
            yield reader.line_num, row
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
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 and not _has_any(data, TEXT_FIELDS) else [data]
    if not isinstance(data, list):
        raise RoleSpecError(f"expected a list of job objects, got {type(data).__name__}", path=path)
    for i, rec in enumerate(data, start=1):
        if not isinstance(rec, Mapping):
            raise RoleSpecError(
                f"record {i}: expected a JSON object, got {type(rec).__name__}", path=path
            )
        yield i, rec


def _xlsx_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Rows of the first sheet of an Excel export, keyed by the header row."""
    from rolematch._optional import import_optional

    openpyxl = import_optional("openpyxl", extra="excel")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
        raise RoleSpecError(
            f"cannot read the Excel file: {type(e).__name__}: {e}", path=path
        ) from e
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(header):
            raise RoleSpecError("the Excel sheet has no header row", path=path)
        names = ["" if h is None else str(h).strip() for h in header]
        for no, row in enumerate(rows, start=2):
            if row and any(v not in (None, "") for v in row):
                cells = zip(names, row, strict=False)  # short rows: trailing cells empty
                yield no, {n: ("" if v is None else str(v)) for n, v in cells if n}
    finally:
        book.close()


def _has_any(rec: Mapping[str, Any], names: Sequence[str]) -> bool:
    return any(n in rec for n in names)


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
    raise RoleSpecError(
        f"{where}: no {what} field found; name it with --{what}-field (fields here: {sorted(rec)})",
        path=path,
        field=f"{what}_field",
    )


@dataclass(frozen=True)
class ExportJob:
    """One job of an export: its line (or row, or record) number, title, text as
    lines, and id (``""`` without an id field)."""

    no: int
    title: str
    lines: list[Line]
    id: str = ""


def export_jobs(
    path: Path, title_field: str | None, text_field: str | None, id_field: str | None
) -> Iterator[ExportJob]:
    """The jobs of an export, their fields picked by name (several text fields:
    comma-separated, joined in that order; default: the first present of
    :data:`TITLE_FIELDS`, :data:`TEXT_FIELDS`).

    Raises
    ------
    RoleSpecError
        A missing field, an empty title or text (naming the file, line and field),
        or an export without records.
    """
    unit = {".csv": "line", ".jsonl": "line", ".xlsx": "row"}.get(path.suffix.lower(), "record")
    count = 0
    for no, rec in _records(path):
        where = f"{unit} {no}"
        tf = _pick(rec, title_field, TITLE_FIELDS, "title", where, path)
        xf = _pick(rec, text_field, TEXT_FIELDS, "text", where, path)
        if id_field:
            _pick(rec, id_field, (), "id", where, path)
        title = " ".join(str(rec[f] or "").strip() for f in tf).strip()
        if not title:
            raise RoleSpecError(f"{where}: the title is empty", path=path, field=tf[0])
        body = "\n".join(str(rec[f] or "") for f in xf)
        if not body.strip():
            raise RoleSpecError(f"{where}: the posting text is empty", path=path, field=xf[0])
        lines = html_lines(body) if _looks_like_html(body) else numbered_lines(body)
        count += 1
        yield ExportJob(no, title, lines, str(rec[id_field] or "").strip() if id_field else "")
    if not count:
        raise RoleSpecError("the export holds no records", path=path)
