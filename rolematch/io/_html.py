"""Web-page résumés: HTML and MHT web archives -> text.

Chinese job boards (智联招聘, 前程无忧, 猎聘, BOSS直聘) export résumés as web pages —
often named ``.doc`` — and Word and WPS save "Web Page" (``.htm``) and "Single File Web
Page" (``.mht``, a MIME ``multipart/related`` message whose HTML part is
quoted-printable or base64, often GB2312/GBK). This module finds the HTML, its
character set and its visible text:

* MHT: the first ``text/html`` part, its transfer encoding undone;
* the character set is the MIME part's, else the page's own (``<meta charset>``,
  ``<meta http-equiv="Content-Type" content="…; charset=gbk">``, a byte-order mark),
  else :func:`rolematch.io._txt.decode_text` guesses it; GB2312 and GBK are read as
  GB18030 (their superset), and a page declared GB2312 whose bytes are UTF-8 is read as
  UTF-8;
* text in reading order, one line per block element (``p``, ``div``, ``li``,
  headings, ``br`` …); a table row whose cells each hold one short line is one line,
  cells separated by a space (``2018.07-至今 星河银行 客户经理``), a row with longer
  cells gives each cell's lines in turn (a layout table), as for .docx;
* ``<head>``, ``<script>``, ``<style>``, ``<template>``, ``<noscript>``, ``<svg>`` and
  elements no reader sees (``display:none``, ``visibility:hidden``, Word's
  ``mso-hide:all``, ``font-size:0``, the ``hidden`` attribute), whether the element's
  own ``style`` or a ``<style>`` rule for its tag, class or id says so, and text painted
  white (or near-white) on no dark background, are left out, the hidden ones counted;
* a form saved with its page shows what was typed and chosen: a text ``<input>``'s
  ``value`` and a ``<select>``'s selected (else first) option, each set apart by
  spaces;
* entities are decoded; a line break of the source between two Chinese characters
  (Word wraps its HTML inside words) joins them.
"""

from __future__ import annotations

import binascii
import codecs
import email
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from rolematch.exceptions import ExtractionError
from rolematch.io._css import Stylesheet, declarations, hides, light

__all__ = ["WebText", "html_text", "is_rolematch_report", "read_web_page", "web_page_kind"]

#: What :func:`web_page_kind` calls the two kinds of web page.
HTML, MHT = "HTML", "MHT web archive"


@dataclass(frozen=True)
class WebText:
    """A web page's visible text.

    Attributes
    ----------
    text : str
        One line per block or table row.
    kind : str
        ``"HTML"`` or ``"MHT web archive"``.
    encoding : str
        The Python codec the HTML was decoded with.
    hidden : int
        Characters of hidden elements left out.
    warnings : tuple of str
        Repairs made on the way (``truncated: …``, ``invalid_bytes: …``).
    """

    text: str
    kind: str
    encoding: str
    hidden: int
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# what the file is


def web_page_kind(data: bytes) -> str | None:
    """``"HTML"`` or ``"MHT web archive"`` when the bytes are a web page, else ``None``.

    An MHT file starts with mail headers (``MIME-Version``, Internet Explorer's ``From:
    <Saved by …>``) and is ``multipart/related``; an HTML file with a doctype, or an
    ``<html>``, ``<head>``, ``<meta>``, ``<body>`` tag or a comment before one of them.

    Examples
    --------
    >>> web_page_kind("<!DOCTYPE html><html><body>简历</body></html>".encode())
    'HTML'
    >>> web_page_kind(b"MIME-Version: 1.0\\nContent-Type: multipart/related; boundary=b\\n")
    'MHT web archive'
    >>> web_page_kind(b"%PDF-1.7"), web_page_kind("姓名：张三".encode())
    (None, None)
    """
    head = data[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Word's "Unicode" page
        head = head[: len(head) // 2 * 2].decode("utf-16", "replace").encode("utf-8", "replace")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        re.match(rb"[a-z][a-z0-9-]*:", head)
        and b"mime-version:" in head
        and b"multipart/related" in head
    ):
        return MHT
    if head.startswith(
        (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<body", b"<!--", b"<title")
    ) and re.search(rb"<(?:html|head|body)\b", head):
        return HTML
    return None


#: What rolematch's own HTML report says it is (:mod:`rolematch.html_report`).
_OWN_REPORT = b'<meta name="generator" content="rolematch"'


def is_rolematch_report(data: bytes) -> bool:
    """Whether a web page is the report ``rolematch score -o report.html`` wrote: one left
    in a folder of résumés is no résumé, and may be written over.

    Examples
    --------
    >>> is_rolematch_report(b'<html><head><meta name="generator" content="rolematch">')
    True
    """
    return _OWN_REPORT in data[:4096]


# ---------------------------------------------------------------------------
# bytes -> HTML


def read_web_page(data: bytes, path: str | Path = "<bytes>") -> WebText:
    """The visible text of an HTML or MHT file.

    Parameters
    ----------
    data : bytes
        The file's content.
    path : str or Path
        Used in error messages only.

    Returns
    -------
    WebText

    Raises
    ------
    ExtractionError
        ``corrupt`` for an MHT archive without MIME headers or a readable HTML part
        (truncated, its base64 damaged) and for binary data, ``unreadable`` for HTML of
        an encoding that is not recognised.

    Examples
    --------
    >>> page = "<html><head><meta charset='gbk'><title>简历</title></head><body>"
    >>> page += "<h2>工作经历</h2><table><tr><td>2018.07-至今</td><td>星河银行</td></tr></table>"
    >>> page += "<p style='display:none'>手机银行 反洗钱</p></body></html>"
    >>> w = read_web_page(page.encode("gbk"))
    >>> w.text, w.encoding, w.hidden
    ('工作经历\\n2018.07-至今 星河银行', 'gb18030', 7)
    """
    kind = web_page_kind(data)
    if kind is None and Path(path).suffix.lower() in (".mht", ".mhtml"):
        raise ExtractionError(
            path,
            "damaged MHT web archive: it does not start with MIME headers "
            "(MIME-Version, Content-Type: multipart/related)",
            status="corrupt",
        )
    kind = kind or HTML  # a fragment: <div>…, <table>…
    warnings: list[str] = []
    declared = None
    if kind == MHT:
        data, declared = _mht_html(data, path, warnings)
    markup, encoding = _decode(data, declared, path, warnings)
    text, hidden = html_text(markup)
    return WebText(text, kind, encoding, hidden, tuple(warnings))


def _mht_html(data: bytes, path: str | Path, warnings: list[str]) -> tuple[bytes, str | None]:
    """The bytes of an MHT archive's HTML part and the character set its header names."""
    msg = email.message_from_bytes(data)
    part = next((p for p in msg.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise ExtractionError(
            path,
            "damaged MHT web archive: no HTML part found (truncated, or its MIME boundary "
            "does not match)",
            status="corrupt",
        )
    payload = part.get_payload()
    if not isinstance(payload, str):  # a nested multipart named text/html
        raise ExtractionError(
            path, "damaged MHT web archive: its HTML part is not text", status="corrupt"
        )
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    if cte == "base64":
        body = _base64(payload, path, warnings)
    else:
        decoded = part.get_payload(decode=True)
        body = decoded if isinstance(decoded, bytes) else payload.encode("latin-1", "replace")
    if any(type(d).__name__ == "CloseBoundaryNotFoundDefect" for d in msg.defects):
        warnings.append("truncated: the web archive ends before its closing MIME boundary")
    return body, part.get_content_charset()


def _base64(payload: str, path: str | Path, warnings: list[str]) -> bytes:
    """A base64 body, read as far as it goes (the email package returns damaged base64
    undecoded, which would be read as the résumé's text)."""
    clean = re.sub(r"[^A-Za-z0-9+/]", "", payload.split("=", 1)[0])
    whole = len(clean) - len(clean) % 4
    try:
        body = binascii.a2b_base64(clean[:whole])
        if len(clean) % 4 > 1:
            body += binascii.a2b_base64(clean[whole:] + "=" * (4 - len(clean) % 4))
    except binascii.Error as e:
        raise ExtractionError(
            path,
            f"damaged MHT web archive: its HTML part's base64 does not decode ({e})",
            status="corrupt",
        ) from e
    if len(clean) % 4 and "=" not in payload:
        warnings.append("truncated: the web archive's HTML part is cut off")
    return body


#: ``charset=…`` in a ``<meta>`` tag near the top of a page.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
#: Character set labels web pages use, as Python codecs: GB2312 and GBK pages hold
#: GBK characters, and Word writes ``charset=unicode`` for UTF-16.
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "cp936": "gb18030", "ms936": "gb18030", "windows-936": "gb18030", "euc-cn": "gb18030",
    "unicode": "utf-16", "utf-16": "utf-16", "big5": "big5hkscs", "x-user-defined": "",
}  # fmt: skip


def _charset_codec(label: str | None) -> str | None:
    """The Python codec for a declared character set, or None when it names none."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(label, label)
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(
    data: bytes, declared: str | None, path: str | Path, warnings: list[str]
) -> tuple[str, str]:
    """The HTML's text and codec: byte-order mark, declared character set, else a guess."""
    from rolematch.io._txt import decode_text

    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, path, warnings)
    meta = _META_CHARSET.search(data[:8192])
    codec = _charset_codec(declared) or _charset_codec(meta.group(1).decode() if meta else None)
    if codec is not None and codec != "utf-16":
        if codec != "utf-8" and not data.isascii():
            # a page declared GB2312 but saved as UTF-8: UTF-8 bytes rarely decode by chance
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass  # mislabelled: guess, as for a text file
    return decode_text(data, path, warnings)


# ---------------------------------------------------------------------------
# HTML -> lines

#: Elements that end a line before and after them.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
    "h6", "section", "article", "header", "footer", "nav", "aside", "main", "form", "hr",
    "blockquote", "pre", "address", "center", "fieldset", "legend", "figure", "figcaption",
    "caption", "details", "summary", "tbody", "thead", "tfoot"
})  # fmt: skip
#: Elements whose content is never shown as text.
_SKIP = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "title", "object", "iframe",
    "datalist"
})  # fmt: skip
#: Elements without content or end tag.
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr"
})  # fmt: skip
#: Elements whose end tag may be left out; the next one of the same name closes them.
_OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
#: ``<input type=…>`` whose ``value`` is shown as text in its box.
_TEXT_INPUTS = frozenset({
    "", "text", "email", "tel", "url", "number", "date", "month", "week", "time",
    "datetime-local", "search"
})  # fmt: skip
#: A table row is one line when each cell holds one line of at most this many characters.
_SHORT_CELL = 40
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACE = re.compile(r"\s+")
#: Sets a form control's text apart from its label, even across a wrapped source line.
_BOX = "\x00"


class _Table:
    """A table being read: its rows of cells, each cell its lines."""

    def __init__(self) -> None:
        self.rows: list[list[list[str]]] = []
        self.cell: list[str] | None = None


class _Paint:
    """An open element that sets a text colour or a background, and its depth."""

    __slots__ = ("dark", "depth", "light", "tag")

    def __init__(self, tag: str, light: bool | None, dark: bool | None) -> None:
        self.tag, self.depth, self.light, self.dark = tag, 1, light, dark


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css = Stylesheet()
        self.style_text: list[str] | None = None  # inside <style>, in <head> or not
        # open elements that set a text colour or a background: [tag, depth, light, dark]
        self.paint: list[_Paint] = []
        self.select: list[tuple[bool, list[str]]] | None = None
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.tables: list[_Table] = []
        self.skip: tuple[str, int] | None = None  # an element left out, and its depth
        self.hide: tuple[str, int] | None = None
        self.hidden = 0
        self.pre = 0

    def _sink(self, tables: list[_Table] | None = None) -> list[str]:
        """Where a finished line goes: the innermost open cell, else the page."""
        for table in reversed(self.tables if tables is None else tables):
            if table.cell is not None:
                return table.cell
        return self.lines

    def _break(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        if not self.pre:
            text = _SPACE.sub(" ", _WRAP.sub("", text).replace(_BOX, " "))
        for line in text.replace(_BOX, " ").split("\n"):
            if line := line.strip():
                self._sink().append(line)

    def _out(self, tag: str) -> bool:
        """Whether ``tag`` opens or closes inside an element left out (and track its depth)."""
        for attr in ("skip", "hide"):
            state = getattr(self, attr)
            if state is None:
                continue
            name, depth = state
            if tag == "body" and name == "head":  # <head> never closed
                self.skip = None
                return False
            if tag == name and tag not in _VOID:
                setattr(self, attr, (name, depth + 1))
            return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.style_text = []
        if self.hide and self.hide[0] == tag and tag in _OPTIONAL_END and self.hide[1] == 1:
            self.hide = None  # <li hidden>…<li>: the next sibling closes it
        elif self._out(tag):
            return
        if self.select is not None:  # inside <select>: its options, nothing else
            if tag == "option":
                self.select.append((any(k == "selected" for k, _ in attrs), []))
            return
        if tag in _SKIP:
            self.skip = (tag, 1)
            return
        style = self._style(tag, attrs)
        if tag not in _VOID:
            for paint in self.paint:
                if paint.tag == tag:
                    paint.depth += 1
            pale = light(style["color"]) if "color" in style else None
            back = style.get("background-color", style.get("background"))
            dark = None if back is None else light(back)
            if pale is not None or dark is not None:
                self.paint.append(_Paint(tag, pale, None if dark is None else not dark))
        if tag in ("td", "th", "tr") and not self.tables:
            self._open_table()  # a row or cell outside any <table> (a fragment)
        if tag == "table":
            self._break()
            self._open_table()
        elif tag == "tr":
            self._close_row()
        elif tag in ("td", "th"):
            self._close_cell()
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            table.cell = []
        elif tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self.pre += 1
        if tag not in _VOID and (_hidden(attrs) or hides(style)):
            self._break()
            self.hide = (tag, 1)
            self._close_paint(tag)
        elif tag == "select":
            self.select = []
        elif tag == "input":
            kind = next((v or "" for k, v in attrs if k == "type"), "").strip().lower()
            value = next((v or "" for k, v in attrs if k == "value"), "")
            if kind in _TEXT_INPUTS and value.strip():
                self.buf.append(f"{_BOX}{value}{_BOX}")

    def _style(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str]:
        """An element's declarations: its stylesheet rules', then its own ``style``."""
        classes, ident, own = [], "", ""
        for name, value in attrs:
            if name == "class" and value:
                classes = value.split()
            elif name == "id" and value:
                ident = value.strip()
            elif name == "style" and value:
                own = value
        style = self.css.style(tag, classes, ident)
        if own:
            style.update(declarations(own))
        return style

    def _close_paint(self, tag: str) -> None:
        """An element closes: the colours and backgrounds it set end with it."""
        if self.paint:
            for paint in self.paint:
                if paint.tag == tag:
                    paint.depth -= 1
            self.paint = [p for p in self.paint if p.depth > 0]

    def _invisible(self) -> bool:
        """Whether text here is painted white (or near it) on no dark background."""
        light = next((p.light for p in reversed(self.paint) if p.light is not None), None)
        if not light:
            return False
        dark = next((p.dark for p in reversed(self.paint) if p.dark is not None), None)
        return not dark

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self.style_text is not None:
            self.css.add("".join(self.style_text))
            self.style_text = None
        if self.skip is not None and tag == self.skip[0]:
            depth = self.skip[1] - 1
            self.skip = (tag, depth) if depth else None
            return
        if self.hide is not None:
            name, depth = self.hide
            closes_parent = name in _OPTIONAL_END and tag in ("ul", "ol", "dl", "tr", "table")
            if tag == name or closes_parent:
                depth = 0 if closes_parent else depth - 1
                self.hide = (name, depth) if depth else None
            if self.hide is not None or tag == name:
                return
        if self.skip is not None:
            return
        if self.select is not None:
            if tag == "select":
                chosen = next((o for o in self.select if o[0]), None) or next(
                    iter(self.select), None
                )
                self.select = None
                if chosen and "".join(chosen[1]).strip():
                    self.buf.append(f"{_BOX}{''.join(chosen[1]).strip()}{_BOX}")
            return
        if tag not in _VOID:
            self._close_paint(tag)
        if tag == "table" and self.tables:
            self._close_table()
        elif tag == "tr" and self.tables:
            self._close_row()
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
        elif tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.skip is not None:
            if self.style_text is not None:
                self.style_text.append(data)
            return
        if self.select is not None:
            if self.select:
                self.select[-1][1].append(data)
            return
        if self.hide is not None or (self.paint and self._invisible()):
            self.hidden += sum(1 for c in data if not c.isspace())
            return
        self.buf.append(data)

    # tables: a row of short cells is one line; otherwise each cell's lines in turn
    def _open_table(self) -> None:
        self.tables.append(_Table())

    def _close_cell(self) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        self._break()
        if table.cell is not None:
            table.rows[-1].append(table.cell)
            table.cell = None

    def _close_row(self) -> None:
        self._close_cell()
        table = self.tables[-1]
        if table.rows and table.rows[-1]:
            self._emit_row(table.rows.pop())
        table.rows = [[]]

    def _emit_row(self, row: list[list[str]]) -> None:
        cells = [cell for cell in row if cell]
        sink = self._sink(self.tables[:-1])
        if all(len(cell) == 1 and len(cell[0]) <= _SHORT_CELL for cell in cells):
            if cells:
                sink.append(" ".join(cell[0] for cell in cells))
        else:
            for cell in cells:
                sink.extend(cell)

    def _close_table(self) -> None:
        self._close_row()
        self.tables.pop()

    def finish(self) -> None:
        self.close()
        while self.tables:
            self._close_table()
        self._break()


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's attributes hide it from a reader."""
    return any(name == "hidden" for name, _ in attrs)


def html_text(markup: str) -> tuple[str, int]:
    """The visible text of HTML, one line per block or table row, and the number of
    characters of hidden elements left out.

    Examples
    --------
    >>> html_text("<p>负责手机银行<br>运营</p><div style='display:none'>反洗钱</div>")
    ('负责手机银行\\n运营', 3)
    >>> html_text("<table><tr><td><p>姓名</p></td><td><p>张三</p></td></tr></table>")
    ('姓名 张三', 0)
    >>> html_text("<p class=MsoNormal>负责手机银行\\n转账功能<o:p>&nbsp;</o:p></p>")
    ('负责手机银行转账功能', 0)
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.finish()
    return "\n".join(parser.lines), parser.hidden
