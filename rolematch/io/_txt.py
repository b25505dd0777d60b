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
from pathlib import Path

from rolematch.exceptions import ExtractionError

__all__ = ["decode_text"]

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


def _textual_share(text: str) -> float:
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
        if _textual_share(text) >= 0.95:
            return text, encoding
    return None


def decode_text(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode a plain-text file and say which encoding it used.

    Parameters
    ----------
    data : bytes
        File content (not empty).
    path : str or Path
        Used in error messages only.

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
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise ExtractionError(
                    path,
                    f"text file starts with a {encoding} byte-order mark but is not {encoding}",
                    status="corrupt",
                ) from e
    if b"\x00" in data:
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise ExtractionError(path, "not a text file (binary content)", status="corrupt")
        return decoded
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
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
