"""What OCR adds to a résumé record: a thin text layer joined with the OCR of its
picture, and the warnings that say which pages OCR read and how well.

A page that is mostly a picture under a thin text layer (a scanned CV below a typed
"个人简历 张三 应聘岗位：客户经理", a scanner app's "扫描全能王 创建" footer:
:attr:`rolematch.io._pdf.PageText.thin_layer`) is rendered without its text objects
and read by OCR (:func:`rolematch.io._ocr.ocr_pdf_pages` with ``hide_text``); its
text is then the text layer's glyphs and OCR's lines laid out together
(:func:`join_thin_layer`), so a header stays on top and a footer at the bottom,
each once.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rolematch.io._ocr import OcrLine, OcrPage
    from rolematch.io._pdf import PageText

__all__ = ["join_thin_layer", "ocr_warnings"]


def _compact(text: str) -> str:
    # letters and digits only: OCR and the text layer differ in spaces, punctuation
    # widths (：/:) and line breaks
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def join_thin_layer(page: PageText, result: OcrPage) -> tuple[str, int] | None:
    """A thin text layer's page text with the OCR lines of its picture.

    Parameters
    ----------
    page : PageText
        The page as its text layer gave it (``thin_layer`` set).
    result : OcrPage
        OCR of the page rendered without its text objects.

    Returns
    -------
    (str, int) or None
        The page's text and its characters (whitespace not counted); ``None``
        when OCR found fewer than :data:`~rolematch.io._pdf.MIN_PAGE_CHARS` new
        characters (a photo, a decorative background): the text layer is the page.

    Examples
    --------
    >>> from rolematch.io._ocr import OcrLine, OcrPage
    >>> from rolematch.io._pdf import PageText
    >>> page = PageText(1, "个人简历 张三", "pdfium", chars=6, thin_layer=True)
    >>> scan = ["个人简历", "【工作经历】", "2016.07 华信银行 客服组长", "负责账务查询。"]
    >>> lines = [OcrLine(t, 0.99, 0, 30 * i, 20 * len(t), 30 * i + 20) for i, t in enumerate(scan)]
    >>> text, chars = join_thin_layer(page, OcrPage(1, lines=lines))
    >>> print(text)
    个人简历 张三
    【工作经历】
    2016.07 华信银行 客服组长
    负责账务查询。
    >>> chars  # the layer's 6 and OCR's 28: its "个人简历" is the layer's
    34
    """
    from rolematch.io._ocr import MIN_LINE_SCORE, line_chars
    from rolematch.io._pdf import MIN_PAGE_CHARS, layout_text

    layer = _compact(page.text)
    # Text objects are not rendered, but a line the picture shares with the layer (the
    # scan's own "个人简历" under a typed one, typed text drawn as an image) would
    # come twice; a single character ("男") is too little to call a repeat.
    kept: list[OcrLine] = []
    for line in result.lines:
        key = _compact(line.text)
        if line.score >= MIN_LINE_SCORE and key and not (len(key) >= 2 and key in layer):
            kept.append(line)
    chars: list[Any] = line_chars(kept, result.points_per_pixel)
    if len(chars) < MIN_PAGE_CHARS:
        return None
    if page.glyphs and result.turns == 0:
        text = layout_text([*page.glyphs, *chars])
    else:  # a rotated page or picture: the two are in different frames
        text = page.text + "\n" + layout_text(chars)
    return text, page.chars + len(chars)


def ocr_warnings(
    read: list[OcrPage],
    meta: dict[str, Any],
    warnings: list[str],
    *,
    pages: int,
    thin: dict[int, int] | None = None,
    unit: str = "page",
) -> None:
    """Record OCR's confidence, and say which pages it read and how well.

    ``pages`` is the document's page count (0 for an image file); ``thin`` maps the
    pages whose OCR text joined a thin text layer to that layer's characters; ``unit``
    is what a numbered item read is called (``"picture"`` for a .docx's pictures).
    """
    from rolematch.io._ocr import LOW_CONFIDENCE

    # a page where OCR found nothing (blank, a picture) has no confidence to report;
    # the record's status says so when no page had text
    read = [p for p in read if p.chars]
    if not read:
        return
    weights = [p.chars for p in read]
    confidence = sum(p.confidence * w for p, w in zip(read, weights, strict=True)) / sum(weights)
    meta["ocr_confidence"] = round(confidence, 4)
    numbers = [p.number for p in read]
    if pages == 0 and numbers == [1]:
        where = "the image" if unit == "page" else f"the {unit}"
    else:
        where = f"{unit}{'' if len(numbers) == 1 else 's'} " + ", ".join(map(str, numbers))
        if pages > 1:
            where += f" of {pages}"
    joined = "".join(
        f"; page {n} is an image with a thin text layer ({c} chars): "
        "its OCR lines were added to that text"
        for n, c in sorted((thin or {}).items())
    )
    warnings.append(f"ocr: {where} read by OCR (mean confidence {confidence:.2f}){joined}")
    for p in read:
        if p.confidence < LOW_CONFIDENCE:
            warnings.append(
                f"ocr_low_confidence: {unit} {p.number}: mean confidence {p.confidence:.2f} "
                f"< {LOW_CONFIDENCE:.2f}; the text may be garbled (blurred or low-resolution scan?)"
            )
