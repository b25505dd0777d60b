"""Where posting text comes from: files -> numbered lines.

Reads ``.txt``, ``.md``, ``.html``/``.htm`` (a page or a fragment), ``.docx`` and
``.pdf`` (through the project's own readers, text only); job-board exports
(``.csv``, ``.jsonl``, ``.json``, ``.xlsx``) are read by
:mod:`rolematch.io.posting_exports`, with the text decoding and the HTML reading
of this module, and the tables in a document by :mod:`rolematch.io.posting_tables`. It
sorts no line into duties or requirements: :mod:`rolematch.io.postings` parses what
it yields. A PDF's printed page numbers (— 1 —, 第1页 共2页) come marked as dropped,
as do those a text copied out of a PDF kept (spelled out: 第1页 共2页, — 1 —) and the
running header printed beside them on every page; a Markdown page's front matter
(``title:`` between ``---`` lines) gives its title. Errors are
:class:`~rolematch.exceptions.RoleSpecError` naming the file, line and field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from rolematch.exceptions import RoleSpecError
from rolematch.io._wraps import FOLIO_IN_TEXT

__all__ = [
    "EXPORT_SUFFIXES",
    "PAGE_FURNITURE",
    "PAGE_HEADER",
    "PAGE_NUMBER",
    "POSTING_SUFFIXES",
    "TEXT_FIELDS",
    "TEXT_SUFFIXES",
    "TITLE_FIELDS",
    "Line",
    "document_lines",
    "html_lines",
    "looks_like_html",
    "numbered_lines",
    "read_text_file",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".rtf")
EXPORT_SUFFIXES = (".csv", ".jsonl", ".json", ".xlsx")
POSTING_SUFFIXES = TEXT_SUFFIXES + EXPORT_SUFFIXES
#: field names tried in this order when no ``title_field``/``text_field`` is given
TITLE_FIELDS = (
    "title", "job_title", "jobTitle", "name", "position", "职位名称", "岗位名称", "招聘岗位",
    "职位", "岗位", "职缺名称", "职务名称", "职缺",  # the last three: Taiwan's
)  # fmt: skip
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
        # the outermost <table>, cell by cell, in case it is a table of posts
        self.table_depth = 0
        self.table_start = 0  # index in self.lines where the table's lines begin
        self.rows: list[list[list[str]]] = []
        self.row_lines: list[int] = []
        self.cell: list[str] | None = None

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
        self._table_start(tag)
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
        self._table_end(tag)
        if tag.startswith("h") and tag[1:].isdigit():
            self.heading = 0
        if self._nav_tags and tag == self._nav_tags[-1]:
            self._nav_tags.pop()
            self.nav = max(0, self.nav - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self._flush()
            self.start_line = self.getpos()[0]
            if self.cell is not None:
                self.cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not "".join(self.buf).strip():
            self.start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.buf.append(data)
        if self.cell is not None:
            self.cell.append(data)

    def _table_start(self, tag: str) -> None:
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self._flush()
                self.table_start, self.rows, self.row_lines = len(self.lines), [], []
        elif self.table_depth != 1:
            if self.cell is not None and tag in _BLOCK:
                self.cell.append("\n")  # a nested table's or a paragraph's line
        elif tag == "tr":
            self.rows.append([])
            self.row_lines.append(self.getpos()[0])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
                self.row_lines.append(self.getpos()[0])
            self.cell = []
        elif self.cell is not None and tag in _BLOCK:
            self.cell.append("\n")

    def _table_end(self, tag: str) -> None:
        if tag in ("td", "th") and self.table_depth == 1 and self.cell is not None:
            text = "".join(self.cell).split("\n")
            self.rows[-1].append([t for t in (re.sub(r"\s+", " ", t).strip() for t in text) if t])
            self.cell = None
        elif tag == "table" and self.table_depth:
            self.table_depth -= 1
            if self.table_depth == 0 and not self.nav:
                from rolematch.io.posting_tables import posting_table_lines

                own = posting_table_lines(self.rows)
                if own is not None:  # a table of posts: one posting per row
                    self.lines[self.table_start :] = [
                        Line(text, self.row_lines[row]) for row, text in own
                    ]


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


def looks_like_html(text: str) -> bool:
    """Whether a text (a ``.txt`` file, an export's field) is HTML markup: it has a
    block or inline tag such as ``<p>``, ``<br>``, ``<li>``."""
    return bool(re.search(r"<(?:br|p|div|li|ul|h[1-6]|span|strong|b)\b[^>]*>", text, re.I))


# ---------------------------------------------------------------------------
# files
def read_text_file(path: Path) -> str:
    """A posting file's text, its encoding guessed (Big5 before Shift-JIS or EUC-KR).

    Raises
    ------
    RoleSpecError
        An empty file, or one that is binary or cannot be decoded.
    """
    from rolematch.io._txt import decode_text

    data = path.read_bytes()
    if not data.strip():
        raise RoleSpecError("the file is empty", path=path)
    try:
        text, encoding = decode_text(data, path)[:2]
    except Exception as e:  # ExtractionError: binary or undecodable
        raise RoleSpecError(f"cannot read the file as text: {e}", path=path) from e
    if _CJK_OTHER.match(encoding.replace("-", "_").lower()):
        # a short Big5 text is easily taken for Shift-JIS or EUC-KR; a posting here is
        # Chinese (or English), so bytes that are valid Big5 are read as Big5
        try:
            return data.decode("big5")
        except UnicodeDecodeError:
            pass
    return text


#: encodings of Japanese and Korean text, which the postings read here are not
_CJK_OTHER = re.compile(r"^(?:shift_?jis|sjis|cp932|ms932|euc_?jp|iso2022_jp|euc_?kr|cp949|johab)")


def document_lines(path: Path) -> list[Line]:
    from rolematch.io.posting_tables import (
        pdf_posts_tables,
        pipe_tables,
        posting_table,
        tab_tables,
    )

    suffix = path.suffix.lower()
    if suffix == ".docx":
        from rolematch.exceptions import ExtractionError
        from rolematch.io._docx import read_docx

        try:
            text = read_docx(path.read_bytes(), path, table_lines=posting_table)[0]
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the Word file: {e}", path=path) from e
        return numbered_lines(text)
    if suffix == ".rtf":  # an old Word's posting: its visible text, one line a paragraph
        from rolematch.exceptions import ExtractionError
        from rolematch.io._rtf import read_rtf

        try:
            return numbered_lines(read_rtf(path.read_bytes(), path).text.replace("\t", " "))
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the RTF file: {e}", path=path) from e
    if suffix == ".pdf":
        from rolematch.exceptions import ExtractionError
        from rolematch.io.extract import pdf_pages

        try:
            pdf = pdf_pages(path)
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the PDF: {e}", path=path) from e
        if not any(pg.text.strip() for pg in pdf.pages):
            raise RoleSpecError("the PDF has no text layer (scanned?)", path=path)
        texts = pdf_posts_tables(path) or [pg.text for pg in pdf.pages]
        lines = numbered_lines("\n".join(texts))
        folios = _page_numbers(texts)
        running = _running_footers(texts)
        for ln in lines:
            if ln.text.strip() in folios:
                ln.drop = PAGE_NUMBER
            elif ln.text.strip() in running:
                ln.drop = PAGE_HEADER
        return _mark_page_headers(lines)
    text = read_text_file(path)
    if suffix in (".html", ".htm") or (suffix == ".txt" and looks_like_html(text[:2000])):
        return html_lines(text)
    lines = tab_tables(pipe_tables(_front_matter(numbered_lines(text))))
    for ln in lines:  # a text copied out of a PDF keeps its pages' numbers
        if FOLIO_IN_TEXT.match(ln.text):
            ln.drop = PAGE_NUMBER
    return _mark_page_headers(lines)


_FRONT_FIELD = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
#: the front-matter keys that hold a posting's title
_FRONT_TITLE = ("title", "job_title", "position", "jobtitle")


def _front_matter(lines: list[Line]) -> list[Line]:
    """A static site's Markdown page (Hugo, Jekyll) starts with YAML front matter between
    ``---`` lines: its ``title:`` is the posting's title (as 职位名称：…), its other
    fields (date, salary, tags) no items."""
    body = [k for k, ln in enumerate(lines) if ln.text.strip()]
    if not body or lines[body[0]].text.strip() != "---":
        return lines
    end = next((k for k in body[1:30] if lines[k].text.strip() == "---"), None)
    inside = range(body[0] + 1, end) if end is not None else range(0)
    fields = [_FRONT_FIELD.match(lines[k].text) for k in inside if lines[k].text.strip()]
    if end is None or not fields or not all(fields):
        return lines
    out = list(lines)
    for k in range(body[0], end + 1):
        m = _FRONT_FIELD.match(lines[k].text)
        value = m.group(2).strip("\"' ") if m else ""
        if m and m.group(1).lower() in _FRONT_TITLE and value:
            out[k] = Line(f"职位名称：{value}", lines[k].no)
        else:
            out[k] = Line(lines[k].text, lines[k].no, drop="front matter")
    return out


PAGE_NUMBER, PAGE_HEADER = "page number", "page header"
#: what a page prints on every page: a line that leaves the item it interrupts open
PAGE_FURNITURE = (PAGE_NUMBER, PAGE_HEADER)


def _mark_page_headers(lines: list[Line]) -> list[Line]:
    """Mark a page's running header (the document's name printed on every page) as
    dropped: a line said twice or more, each time beside a page number or at the
    start or end of the text, and no section heading. Only where page numbers are."""
    from rolematch.io.posting_lines import load_lexicon, match_heading

    body = [ln for ln in lines if ln.text.strip()]
    folios = {k for k, ln in enumerate(body) if ln.drop == PAGE_NUMBER}
    if not folios:
        return lines
    at: dict[str, list[int]] = {}
    for k, ln in enumerate(body):
        if not ln.drop:
            at.setdefault(ln.text.strip(), []).append(k)
    lex = load_lexicon(None)
    for text, where in at.items():
        if len(where) < 2 or match_heading(text, lex) is not None:
            continue
        if all(k - 1 in folios or k + 1 in folios or k in (0, len(body) - 1) for k in where):
            for k in where:
                body[k].drop = PAGE_HEADER
    return lines


#: a page number as a footer or header prints it: — 1 —, - 1 -, 第1页 共2页, 1/2, Page 1 of 2
_FOLIO = re.compile(
    r"^[-—–－\s]*(?:第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?"
    r"|(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?)[-—–－\s]*$",
    re.I,
)


def _running_footers(pages: Sequence[str]) -> set[str]:
    """A page's first or last line that is the same text on two or more pages but for
    the page number at its end (星澜智能 | 2027届校园招聘 3, a slide's footer)."""
    edges: dict[str, set[str]] = {}
    for text in pages:
        lines = [t.strip() for t in text.splitlines() if t.strip()]
        for t in {*lines[:1], *lines[-1:]}:
            if m := re.match(r"^(.*\D)\s*\d{1,3}$", t):
                edges.setdefault(m.group(1).strip(), set()).add(t)
    return {t for stem, found in edges.items() if len(found) >= 2 and len(stem) >= 2 for t in found}


def _page_numbers(pages: Sequence[str]) -> set[str]:
    """The page numbers printed on the pages: a page's first or last line that is
    only a page number. Inside a list they would be read as items (— 1 —), or
    glued to the next one (- 1 - 2年以上经验)."""
    found = set()
    for text in pages:
        lines = [t.strip() for t in text.splitlines() if t.strip()]
        found |= {t for t in lines[:1] + lines[-1:] if _FOLIO.match(t)}
    return found
