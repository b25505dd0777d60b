"""RTF résumés (Word's and WPS's "Rich Text Format") -> text.

An RTF file is 7-bit text: control words (``\\b``, ``\\fs24``), groups in braces, and
characters outside ASCII written as ``\\'hh`` bytes of a code page or as ``\\uN``
Unicode escapes followed by ``\\ucN`` fallback characters a Unicode reader skips.
This module reads the text a reader sees, in order:

* ``\\par``, ``\\line``, ``\\sect``, ``\\page`` and ``\\row`` end a line, ``\\cell``
  and ``\\tab`` separate cells on it;
* groups that hold no body text are dropped: the font, colour and style tables,
  document information, pictures and objects, headers and footers, field
  instructions, and every ``{\\*\\…}`` destination a reader may ignore;
* ``\\'hh`` bytes are decoded with the code page of the font they are set in
  (``\\fcharset134`` = GB2312, read as GBK), else the document's ``\\ansicpg``
  (936 = GBK); a double-byte character's second byte may be a plain ASCII character;
* ``\\uN`` (negative N counts from 65536; surrogate pairs are joined) replaces the
  ``\\ucN`` characters that follow it (1 unless said otherwise);
* hidden text (``\\v``) is left out and counted;
* a text box (a shape's ``{\\shptxt …}`` inside its ``{\\*\\shpinst …}``) is read where
  it is anchored, once: its ``\\shprslt`` copy for old readers is dropped.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rolematch.exceptions import ExtractionError

__all__ = ["RtfText", "read_rtf"]


@dataclass(frozen=True)
class RtfText:
    """An RTF document's visible text.

    Attributes
    ----------
    text : str
        One line per paragraph or table row, cells separated by a tab.
    encoding : str
        The codec of the document's ``\\ansicpg`` (``cp1252`` when it names none).
    hidden : int
        Characters of hidden text (``\\v``) left out.
    warnings : tuple of str
        ``truncated: …`` when the file ends inside the document.
    """

    text: str
    encoding: str
    hidden: int
    warnings: tuple[str, ...] = ()


#: Destinations whose text is no body text (a group starting with ``\*`` is dropped too).
_DROP = frozenset({
    "colortbl", "stylesheet", "info", "pict", "object", "objdata", "themedata",
    "colorschememapping", "datastore", "latentstyles", "listtable", "listoverridetable",
    "rsidtbl", "generator", "xmlnstbl", "mmathPr", "fldinst", "header", "headerl",
    "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "annotation", "atnid",
    "atnauthor", "bkmkstart", "bkmkend", "pgdsctbl", "revtbl", "filetbl", "shpinst",
    "nonshppict", "blipuid", "private", "fchars", "lchars", "xe", "tc", "template",
    "docvar", "userprops", "wgrffmtfilter", "listpicture", "falt", "panose", "shprslt"
})  # fmt: skip
_NEWLINE = frozenset({"par", "line", "sect", "page", "row", "nestrow"})
_SYMBOLS = {
    "tab": "\t", "cell": "\t", "nestcell": "\t", "emdash": "\u2014", "endash": "\u2013",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "bullet": "\u2022", "emspace": " ", "enspace": " ", "qmspace": " ",
}  # fmt: skip
_ESCAPED = {"~": "\xa0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}"}
#: ``\fcharsetN`` -> code page (0 ANSI and 1 default: the document's ``\ansicpg``).
_CHARSETS = {
    128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258,
    177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 77: 10000,
}  # fmt: skip
#: Code pages of two bytes a character (Japanese, Simplified and Traditional Chinese, Korean).
_DOUBLE_BYTE = frozenset((932, 936, 949, 950, 1361))
_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+"
    r"|\\$",
    re.S,
)


def _codec(page: int) -> str:
    """The Python codec of a Windows code page; GBK as GB18030, Big5 with HKSCS."""
    name = {936: "gb18030", 950: "big5hkscs", 65001: "utf-8"}.get(page, f"cp{page}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"


@dataclass
class _Group:
    """What a group inherits and may change: skipped, font, hidden, ``\\uc`` count, and
    whether it is inside a shape whose text boxes are read."""

    drop: bool = False
    fonttbl: bool = False
    font: int | None = None
    hidden: bool = False
    uc: int = 1
    shape: bool = False


@dataclass
class _Reader:
    ansi: int = 1252
    deff: int = 0
    fonts: dict[int, int] = field(default_factory=dict)  # font number -> code page
    out: list[str] = field(default_factory=list)
    hidden: int = 0
    hidden_bytes: int = 0  # halves of hidden characters written as \\'hh
    pending: bytearray = field(default_factory=bytearray)
    pending_page: int = 1252

    def page(self, group: _Group) -> int:
        font = self.deff if group.font is None else group.font
        return self.fonts.get(font, self.ansi)

    def flush(self) -> None:
        """Decode the ``\\'hh`` bytes read so far."""
        if self.pending:
            self.out.append(bytes(self.pending).decode(_codec(self.pending_page), "replace"))
            self.pending.clear()

    def add_byte(self, byte: int, group: _Group) -> None:
        page = self.page(group)
        if self.pending and page != self.pending_page:
            self.flush()
        self.pending_page = page
        self.pending.append(byte)

    def lead_byte_open(self) -> bool:
        """Whether the bytes read end with the first byte of a double-byte character."""
        if not self.pending:
            return False
        decoder = codecs.getincrementaldecoder(_codec(self.pending_page))("replace")
        decoder.decode(bytes(self.pending))
        return bool(decoder.getstate()[0])

    def add_text(self, text: str, group: _Group) -> None:
        if group.hidden:
            self.hidden += sum(1 for c in text if not c.isspace())
            return
        self.flush()
        self.out.append(text)


def read_rtf(data: bytes, path: str | Path = "<bytes>") -> RtfText:
    """The visible text of an RTF document.

    Parameters
    ----------
    data : bytes
        The file's content (it starts ``{\\rtf``).
    path : str or Path
        Used in error messages only.

    Returns
    -------
    RtfText

    Raises
    ------
    ExtractionError
        ``corrupt`` when the file ends before any text (truncated) or what it holds
        is binary data, not text.

    Examples
    --------
    >>> rtf = (r"{\\rtf1\\ansi\\ansicpg936\\deff0"
    ...        r"{\\fonttbl{\\f0\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}"
    ...        r"{\\*\\generator WPS Office;}\\pard\\'b9\\'a4\\'d7\\'f7\\'be\\'ad\\'c0\\'fa\\par "
    ...        r"\\uc1\\u25163?\\u26426?\\u38134?\\u34892?\\cell \\v \\'d2\\'fe\\v0\\row}")
    >>> r = read_rtf(rtf.encode())
    >>> r.text, r.encoding, r.hidden
    ('工作经历\\n手机银行', 'gb18030', 1)
    """
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ExtractionError(path, "not an RTF document (no {\\rtf signature)", status="corrupt")
    source = data.decode("latin-1")
    reader = _Reader()
    stack = [_Group()]
    group_start = False  # the next token is the first of a group
    skip = 0  # fallback characters of a \uN still to skip
    pos, end = 0, len(source)
    while pos < end:
        m = _TOKEN.match(source, pos)
        if m is None:  # a lone byte the pattern does not name
            pos += 1
            continue
        pos = m.end()
        group = stack[-1]
        first, group_start = group_start, False
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if brace == "{":
            reader.flush()
            stack.append(
                _Group(group.drop, group.fonttbl, group.font, group.hidden, group.uc, group.shape)
            )
            group_start, skip = True, 0
        elif brace == "}":
            reader.flush()
            if len(stack) > 1:
                stack.pop()
            skip = 0
        elif symbol is not None:
            if symbol == "*" and first:
                group.drop = True
            elif skip:
                skip -= 1
            elif symbol in "\r\n":
                if not group.drop:
                    reader.add_text("\n", group)
            elif symbol in _ESCAPED and not group.drop and not group.fonttbl:
                reader.add_text(_ESCAPED[symbol], group)
        elif hexbyte is not None:
            if skip:
                skip -= 1
            elif not group.drop and not group.fonttbl:
                if group.hidden:  # a double-byte character is two bytes
                    reader.hidden_bytes += 1 if reader.page(group) in _DOUBLE_BYTE else 2
                else:
                    reader.add_byte(int(hexbyte, 16), group)
        elif text is not None:
            if skip:
                taken, text = text[:skip], text[skip:]
                skip -= len(taken)
            if text and not group.drop and not group.fonttbl:
                if reader.lead_byte_open() and not group.hidden:
                    reader.add_byte(ord(text[0]) & 0xFF, group)  # GBK's second byte as ASCII
                    text = text[1:]
                high = [ord(c) for c in text]
                if any(b > 0x7F for b in high) and not group.hidden:
                    for b in high:  # raw 8-bit text: bytes of the code page
                        reader.add_byte(b, group)
                elif text:
                    reader.add_text(text, group)
        elif word is not None:
            value = int(arg) if arg is not None else None
            if word == "bin" and value:
                pos += value  # binary data
                continue
            if skip and word not in ("u", "uc"):
                skip -= 1
                continue
            if word == "shpinst":
                # a shape's properties are dropped, its text box is not, unless the shape
                # itself sits in a dropped group (a header's)
                parent = stack[-2] if len(stack) > 1 else group
                group.drop, group.shape = True, not parent.drop
                continue
            if first and word == "shptxt" and group.shape:
                group.drop = False
                continue
            if first and (word in _DROP or word == "fonttbl"):
                group.drop = word != "fonttbl"
                group.fonttbl = word == "fonttbl"
                continue
            skip = _control(word, value, group, reader)
    reader.flush()
    warnings = []
    text = _join_surrogates("".join(reader.out))
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{2,}", "\n", text).strip("\n")
    if len(stack) > 1:
        if not text.strip():
            raise ExtractionError(
                path,
                "damaged RTF: the file ends before any text (truncated?)",
                status="corrupt",
            )
        warnings.append(
            f"truncated: the RTF file ends inside the document ({len(stack) - 1} "
            f"group{'s' if len(stack) > 2 else ''} left open)"
        )
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\t\n")
    bad += text.count("\ufffd")
    if text and bad > max(2, len(text) // 50):
        raise ExtractionError(
            path,
            f"damaged RTF: {bad} of its {len(text)} characters are binary data, not text",
            status="corrupt",
        )
    hidden = reader.hidden + reader.hidden_bytes // 2
    return RtfText(text, _codec(reader.ansi), hidden, tuple(warnings))


def _control(word: str, value: int | None, group: _Group, reader: _Reader) -> int:
    """Apply one control word; returns how many fallback characters to skip after it."""
    if group.fonttbl:
        if word == "f" and value is not None:
            group.font = value
            reader.fonts.setdefault(value, reader.ansi)
        elif word == "fcharset" and value is not None and group.font is not None:
            if value in _CHARSETS:
                reader.fonts[group.font] = _CHARSETS[value]
        elif word == "cpg" and value and group.font is not None:
            reader.fonts[group.font] = value
        return 0
    if word == "ansicpg" and value:
        reader.ansi = value
    elif word == "deff" and value is not None:
        reader.deff = value
    elif word == "uc" and value is not None:
        group.uc = max(0, value)
    elif word == "f" and value is not None:
        reader.flush()
        group.font = value
    elif word == "v":
        group.hidden = value != 0
    elif word == "plain":
        group.hidden, group.font = False, None
    elif group.drop:
        return 0
    elif word == "u" and value is not None:
        if group.hidden:
            reader.hidden += 1
        else:
            reader.add_text(chr(value + 65536 if value < 0 else value), group)
        return group.uc
    elif word in _NEWLINE:
        reader.add_text("\n", group)
    elif word in _SYMBOLS:
        reader.add_text(_SYMBOLS[word], group)
    return 0


def _join_surrogates(text: str) -> str:
    """Join the UTF-16 surrogate pairs two ``\\uN`` escapes write; lone ones are dropped."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
