"""Plain-text résumés: find the encoding, decode.

Chinese plain text arrives as UTF-8 (with or without a byte-order mark), UTF-16
(Windows Notepad's "Unicode") or GB18030/GBK (older Windows editors). The order of
tries matters: UTF-8 is strict enough that text passing it is UTF-8; GB18030 decodes
almost any byte string, so its result is accepted only when it reads as Chinese
(nearly all ideographs in the common GB2312 set). Anything else goes to
charset-normalizer, which is also where Big5 (Traditional Chinese) is recognised.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from rolematch.exceptions import ExtractionError

__all__ = ["decode_text", "gb18030_text", "strip_markup", "textual_share"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _gb2312_share(text: str) -> float:
    """Share of the CJK ideographs in ``text`` that GB2312 (common Simplified) has."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 1.0
    common = 0
    for c in han:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(han)


def gb18030_text(data: bytes) -> str | None:
    """``data`` read as GB18030 (GBK), or None when that reading is no ordinary text.

    GB18030 decodes almost any byte string, so the text must hold no control,
    private-use or unassigned characters, and nine in ten of its ideographs must be
    common ones (GB2312). For tables and role files that are not UTF-8 (what Excel and
    editors on Chinese Windows save).

    Examples
    --------
    >>> gb18030_text("入围,消保".encode("gbk"))
    '入围,消保'
    >>> gb18030_text(b"\\x00\\x81\\x30") is None
    True
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if any(unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\t\n\r" for c in text):
        return None
    return text if _gb2312_share(text) >= 0.9 else None


def _plain_chinese(text: str) -> bool:
    """Whether ``text`` (decoded as GB18030, damage replaced) reads as Chinese: no
    control or unassigned characters, nine in ten ideographs common."""
    if any(unicodedata.category(c) in ("Cc", "Cn") and c not in "\t\n\r\f" for c in text):
        return False
    return _gb2312_share(text) >= 0.9


def textual_share(text: str) -> float:
    """Share of characters that ordinary résumé text is made of."""
    if not text:
        return 0.0
    ok = sum(
        1
        for c in text
        if c.isspace()
        or " " <= c <= "~"
        or "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\u2010" <= c <= "\u2027"
    )
    return ok / len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # Without a byte-order mark, try both byte orders; the right one reads as text.
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if textual_share(text) >= 0.95:
            return text, encoding
    return None


def decode_text(
    data: bytes, path: str | Path = "<bytes>", warnings: list[str] | None = None
) -> tuple[str, str]:
    """Decode a plain-text file and say which encoding it used.

    Damage a reader can see past is repaired and, when ``warnings`` is given,
    reported there: a few invalid UTF-8 or GB18030 byte sequences (replaced by U+FFFD,
    which normalisation drops), a character cut off at the end of the file, a few NUL
    bytes, an odd trailing byte or lone surrogates in UTF-16 (passed on to
    :func:`rolematch.text.make_valid`, which replaces and counts them).

    Parameters
    ----------
    data : bytes
        File content (not empty).
    path : str or Path
        Used in error messages only.
    warnings : list of str, optional
        Repairs are appended here (``invalid_bytes: …``, ``nul_bytes: …``).

    Returns
    -------
    text : str
    encoding : str
        Python codec name, e.g. ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``, ``"gb18030"``.

    Raises
    ------
    ExtractionError
        ``corrupt`` for binary content, ``unreadable`` when no encoding fits.

    Examples
    --------
    >>> decode_text("工作经历".encode("gbk"))
    ('工作经历', 'gb18030')
    >>> decode_text("\\ufeff工作经历".encode("utf-8"))
    ('工作经历', 'utf-8-sig')
    >>> decode_text("工作经历".encode("utf-16"))
    ('工作经历', 'utf-16')
    >>> notes = []
    >>> decode_text("负责手机银行运营，熟悉反洗钱".encode() + b"\\xff", warnings=notes)
    ('负责手机银行运营，熟悉反洗钱\\ufffd', 'utf-8')
    >>> notes
    ['invalid_bytes: 1 byte sequences that are not UTF-8 replaced']
    """
    notes: list[str] = warnings if warnings is not None else []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as e:
                repaired = _repair_bom(data, encoding, notes)
                if repaired is not None:
                    return repaired, encoding
                raise ExtractionError(
                    path,
                    f"damaged text file: it starts with a {encoding} byte-order mark but is not "
                    f"{encoding} throughout",
                    status="corrupt",
                ) from e
    if b"\x00" in data:
        decoded = _utf16_without_bom(data)
        if decoded is not None:
            return decoded
        # a few NULs in UTF-8 text (padding, a bad copy) are removed; else it is binary
        nuls = data.count(0)
        text = data.replace(b"\x00", b"").decode("utf-8", "replace")
        if nuls > max(8, len(data) // 100) or "\ufffd" in text or textual_share(text) < 0.95:
            raise ExtractionError(path, "not a text file (binary content)", status="corrupt")
        notes.append(f"nul_bytes: {nuls} NUL bytes removed")
        return text, "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            notes.append("invalid_bytes: the last character is cut off (truncated file?)")
            return data[: e.start].decode("utf-8", "replace"), "utf-8"
    # Mostly UTF-8 with a few bad bytes. GBK or Big5 read as UTF-8 fails on most
    # characters: about one pair in twelve happens to form a valid UTF-8 character,
    # so three valid non-ASCII characters per bad sequence cannot mistake them for it.
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    if 3 * bad <= sum(1 for c in text if c > "\x7f") - bad:
        notes.append(f"invalid_bytes: {bad} byte sequences that are not UTF-8 replaced")
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        # GBK with a few damaged bytes (a character cut off at the end, a stray or
        # dropped byte): read past them as for UTF-8, when the rest reads as Chinese
        text = data.decode("gb18030", "replace")
        # bytes paired out of step after a dropped one land in GBK's user-defined area
        text = "".join("\ufffd" if unicodedata.category(c) == "Co" else c for c in text)
        bad = text.count("\ufffd")
        if 3 * bad <= sum(1 for c in text if c > "\x7f") - bad and _plain_chinese(text):
            notes.append(f"invalid_bytes: {bad} byte sequences that are not GB18030 replaced")
            return text, "gb18030"
        text = ""
    if text and _gb2312_share(text) >= 0.9:
        return text, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ExtractionError(
            path,
            "text encoding not recognised (tried UTF-8, UTF-16, GB18030 and charset detection)",
            status="unreadable",
        )
    return str(best), best.encoding


def _repair_bom(data: bytes, encoding: str, notes: list[str]) -> str | None:
    """UTF-16 with lone surrogates or an odd last byte still reads; other damage does not."""
    if encoding != "utf-16":
        return None
    body = data[: len(data) - len(data) % 2]
    try:
        text = body.decode("utf-16", "surrogatepass")  # lone surrogates: make_valid's job
    except UnicodeDecodeError:
        return None
    if len(body) < len(data):
        notes.append("invalid_bytes: an odd last byte dropped (truncated UTF-16 file?)")
    return text


#: HTML elements a web page's source is made of; a tag of another name (<30岁>, <Java>)
#: is text.
_ELEMENTS = (
    "a|abbr|article|aside|b|blockquote|body|br|button|center|code|dd|div|dl|dt|em|"
    "figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|iframe|img|input|label|"
    "li|link|main|meta|nav|ol|p|pre|section|small|span|strong|sub|sup|table|tbody|td|"
    "th|thead|title|tr|u|ul"
)
_TAG = re.compile(rf"</?(?:{_ELEMENTS})\b[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"(<[^<>]*>)")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:[\w-]+:.*\n|\s*\n)*?---[ \t]*\n")
#: Fewer tags than this are text that mentions HTML (a front-end CV's "<div>布局").
_MIN_TAGS = 8


def strip_markup(text: str) -> tuple[str, int, int]:
    """The visible text of a text file that is a web page's source, the tags removed and
    the characters of hidden elements left out.

    GitHub Pages and blog CVs (Markdown with HTML blocks, a Jekyll front matter) are
    saved as .txt: their tags, scripts, styles and front matter are no résumé text. The
    HTML is read as a web page is (:func:`rolematch.io._html.html_text`); the lines of
    the Markdown between its tags stay lines. A web page's own source (it opens with a
    doctype, ``<html>``, ``<head>`` or ``<body>``: pasted from a job board) is read as
    :func:`rolematch.io._html.read_web_page` reads the file, whatever its number of
    tags. Any other text with fewer than a few HTML tags is returned as it is.

    Examples
    --------
    >>> page = "---\\nlayout: page\\n---\\n" + "<div><p>负责新媒体运营</p></div>\\n" * 3
    >>> text, n, hidden = strip_markup(page)
    >>> n, hidden, text.split()
    (12, 0, ['负责新媒体运营', '负责新媒体运营', '负责新媒体运营'])
    >>> strip_markup("<html><body><p>负责客服</p><script>var x;</script></body></html>")
    ('负责客服', 6, 0)
    >>> strip_markup("年龄<35岁，熟悉<div>布局")
    ('年龄<35岁，熟悉<div>布局', 0, 0)
    """
    from rolematch.io._html import HTML, html_text, web_page_kind

    body = _FRONT_MATTER.sub("", text)
    tags = len(_TAG.findall(body))
    if web_page_kind(body[:2048].encode("utf-8", "replace")) == HTML:
        # a page's source lines are its markup's, not Markdown's: read as the .html file is
        visible, hidden = html_text(body)
        return visible, tags, hidden
    if tags < _MIN_TAGS:
        return text, 0, 0
    # a line break outside the tags is Markdown's, which the HTML reader would join
    pieces = _ANY_TAG.split(body)
    body = "".join(p if i % 2 else p.replace("\n", "<br>\n") for i, p in enumerate(pieces))
    visible, hidden = html_text(body)
    return visible, tags, hidden
