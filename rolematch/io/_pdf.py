"""PDF text layer -> page texts in reading order.

How a page is read
------------------
1. **Characters with geometry.** pypdfium2 (PDFium) is the primary backend: it is
   10–50× faster than pdfminer-based pdfplumber and decodes fonts that pdfplumber
   leaves as ``(cid:N)`` or as Kangxi-radical look-alikes. Each character comes
   with its box, colour and render mode (:func:`_pdfium_chars`).
2. **Quality check, per page.** Glyphs that no Unicode map decodes (PDFium flags
   them; pdfplumber prints ``(cid:N)``) and U+FFFD are counted. Only when PDFium
   leaves such glyphs is the page read again with pdfplumber, and the backend with
   fewer undecodable glyphs (ties: PDFium) wins. The choice is by measurement, not
   by producer name; ``PageText.backend`` records it.
3. **Invisible text** is excluded and counted (:class:`PageText.hidden`): glyphs
   smaller than :data:`MIN_FONT_SIZE`, outside the page box, and glyphs whose
   colour or render mode could hide them (white, transparent, invisible/clip
   modes) when the rendered page shows no ink under them. Rendering only happens
   for pages that have such suspects, so normal pages pay nothing.
4. **Reading order** (:func:`layout_lines`): characters -> row segments ->
   recursive XY-cut that prefers column gutters, keeps label/value tables row by
   row, and peels full-width headers off two-column bodies; wrapped lines of one
   column are joined again.
5. **Readability verdict** per page (:attr:`PageText.needs_ocr`): an image page
   without text, or a page whose glyphs are mostly undecodable, needs OCR. This is
   the seam for an OCR fallback: replace the text of those pages.

Everything here raises :class:`~rolematch.exceptions.ExtractionError` for a file
that cannot be read at all; :mod:`rolematch.io.extract` turns it into a record.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rolematch.exceptions import ExtractionError
from rolematch.sections import detect_heading
from rolematch.text import normalize_line

__all__ = [
    "Char",
    "Line",
    "PageText",
    "PdfText",
    "extract_pdf",
    "layout_lines",
    "layout_text",
]

#: Glyphs set in a smaller font (points) are treated as hidden text. Real résumé
#: text is 7 pt and up; keyword stuffing hides in 1 pt type.
MIN_FONT_SIZE = 3.0
#: A suspect glyph is hidden when the rendered page varies by less than this
#: (0–255 grey levels) inside its box: white on white, or a colour within this
#: distance of the background.
MIN_INK_CONTRAST = 40
#: A page needs OCR when it has fewer usable characters than this and either
#: images cover part of it or most of its glyphs are undecodable.
MIN_PAGE_CHARS = 20
#: Share of the page covered by images from which a page without text is
#: treated as a scan.
MIN_IMAGE_COVERAGE = 0.3


class Char:
    """One glyph: its text, box in points (origin top-left of the page as shown),
    font size in points, and whether a space precedes it in the text stream.

    ``size`` defaults to the box height; PDF readers give boxes that are sometimes
    only as high as the ink (``一``), so the font size is the steadier measure.
    (A plain slotted class: pages have thousands of glyphs, and a frozen dataclass
    costs several times more to build.)

    Examples
    --------
    >>> Char("简", 10, 20, 19, 30).size
    10.0
    """

    __slots__ = ("bottom", "size", "space_before", "text", "top", "x0", "x1")

    def __init__(
        self,
        text: str,
        x0: float,
        top: float,
        x1: float,
        bottom: float,
        size: float = 0.0,
        space_before: bool = False,
    ) -> None:
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.size = size if size > 0 else float(bottom - top)
        self.space_before = space_before

    def __repr__(self) -> str:
        return (
            f"Char({self.text!r}, {self.x0:.1f}, {self.top:.1f}, {self.x1:.1f}, "
            f"{self.bottom:.1f}, {self.size:.1f}, {self.space_before})"
        )


@dataclass(slots=True)
class Line:
    """A laid-out line: text, box, and the column it belongs to."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    column: tuple[float, float]
    lead: float = 0.0  # width of the first word: would it have fitted on the line above?
    spread: float = 0.0  # widest gap between the line's segments, in font sizes
    table: bool = False  # a row of a table: its cells do not wrap into the next row
    # geometry of the last physical line, when wrapped lines were joined
    last_x1: float = 0.0
    last_bottom: float = 0.0


@dataclass(slots=True)
class PageText:
    """What one PDF page yielded.

    Attributes
    ----------
    number : int
        1-based page number.
    text : str
        Laid-out text, lines in reading order (not yet normalised).
    backend : str
        ``"pdfium"`` or ``"pdfplumber"``.
    chars : int
        Visible, decodable characters used.
    hidden : int
        Invisible characters excluded (tiny, off-page, no ink under them).
    undecodable : int
        Glyphs without a Unicode mapping (``(cid:N)``) or U+FFFD, dropped.
    image_coverage : float
        Share of the page covered by images (computed only for pages with little
        text; 0.0 otherwise).
    needs_ocr : bool
        No usable text layer: a later OCR step should read this page.
    ocr_reason : str
        Why the page needs OCR.
    """

    number: int
    text: str
    backend: str
    chars: int = 0
    hidden: int = 0
    undecodable: int = 0
    image_coverage: float = 0.0
    needs_ocr: bool = False
    ocr_reason: str = ""


@dataclass(slots=True)
class PdfText:
    """Pages read from one PDF, and how many the file has."""

    pages: list[PageText]
    page_count: int
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# opening


def _open_pdfium(data: bytes, path: Path) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ExtractionError(
                path,
                "password-protected PDF; cannot be read without the password",
                status="encrypted",
            ) from e
        tail = data[-2048:]
        if b"%%EOF" not in tail:
            why = "damaged PDF: the file ends before its end marker (truncated download?)"
        else:
            why = "damaged PDF: its structure cannot be parsed"
        raise ExtractionError(path, f"{why} ({e})", status="corrupt") from e


# ---------------------------------------------------------------------------
# characters from PDFium


@dataclass(slots=True)
class _RawPage:
    chars: list[Char]
    suspects: list[int]  # indices into chars whose visibility must be rendered
    hidden: int
    undecodable: int
    # the suspects' boxes as the page is rendered (None: the same as ``chars``)
    shown: list[Char] | None = None


_Box = tuple[float, float, float, float]


def _display_transform(page: Any) -> Callable[[float, float, float, float], _Box]:
    """Map a user-space box (l, b, r, t) to a display box (x0, top, x1, bottom)."""
    left, bottom, right, top = page.get_cropbox()
    rot = page.get_rotation() % 360
    if rot == 90:
        return lambda x0, y0, x1, y1: (y0 - bottom, x0 - left, y1 - bottom, x1 - left)
    if rot == 180:
        return lambda x0, y0, x1, y1: (right - x1, y0 - bottom, right - x0, y1 - bottom)
    if rot == 270:
        return lambda x0, y0, x1, y1: (top - y1, right - x1, top - y0, right - x0)
    return lambda x0, y0, x1, y1: (x0 - left, top - y1, x1 - left, top - y0)


def _colour_suspect(mode: int, rgba: tuple[int, int, int, int] | None) -> bool:
    # Text render modes 3 (invisible) and 7 (clip only) paint nothing; a missing or
    # transparent or near-white colour may paint nothing visible. Visibility is then
    # decided on the rendered page, so white text on a dark sidebar is kept.
    if mode in (3, 7) or rgba is None:
        return True
    r, g, b, a = rgba
    return a < 30 or (0.299 * r + 0.587 * g + 0.114 * b) >= 0.8 * 255


def _upright_transform(quarter: int, crop: _Box) -> Callable[[float, float, float, float], _Box]:
    """Map a user-space box to coordinates in which text of this direction is upright.

    ``quarter`` is the text direction in quarter turns counter-clockwise: text
    drawn sideways (a landscape page stored rotated) is laid out as it reads.
    """
    cos, sin = ((1, 0), (0, 1), (-1, 0), (0, -1))[quarter % 4]

    def point(x: float, y: float) -> tuple[float, float]:
        return x * cos + y * sin, x * sin - y * cos

    cl, cb, cr, ct = crop
    corners = [point(x, y) for x in (cl, cr) for y in (cb, ct)]
    ox, oy = min(c[0] for c in corners), min(c[1] for c in corners)

    def box(x0: float, y0: float, x1: float, y1: float) -> _Box:
        (ax, ay), (bx, by) = point(x0, y0), point(x1, y1)
        return min(ax, bx) - ox, min(ay, by) - oy, max(ax, bx) - ox, max(ay, by) - oy

    return box


def _pdfium_chars(page: Any, textpage: Any) -> _RawPage:
    import pypdfium2.raw as pdfium_c

    crop = page.get_cropbox()
    cl, cb, cr, ct = crop
    tp = textpage.raw
    n = pdfium_c.FPDFText_CountChars(tp)
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    colour = tuple(ctypes.c_uint() for _ in range(4))
    vp, i32 = ctypes.c_void_p, ctypes.c_int
    get_unicode = _fast("FPDFText_GetUnicode", ctypes.c_uint, vp, i32)
    map_error = _fast("FPDFText_HasUnicodeMapError", i32, vp, i32)
    loose_box = _fast("FPDFText_GetLooseCharBox", i32, vp, i32, vp)
    text_obj = _fast("FPDFText_GetTextObject", vp, vp, i32)
    tpa = ctypes.cast(tp, vp).value
    rect_address = ctypes.addressof(rect)
    # per text object: font size in points, may it be invisible, direction
    objects: dict[int, tuple[float, bool, int]] = {}
    # Glyphs are laid out assuming upright text (quarter turn 0); the user-space
    # boxes are kept to redo it for a page whose text mostly runs sideways.
    chars: list[Char] = []
    boxes: list[tuple[float, float, float, float, int]] = []
    suspects: list[int] = []
    quarters = [0, 0, 0, 0]
    hidden = undecodable = 0
    space = False
    low = -1  # index of a low surrogate already joined to the glyph before it
    for i in range(n):
        if i == low:
            continue
        u = get_unicode(tpa, i)
        if 0xD800 <= u <= 0xDBFF and i + 1 < n:
            # a character beyond the BMP (an emoji) comes as a UTF-16 pair: one glyph
            nxt = get_unicode(tpa, i + 1)
            if 0xDC00 <= nxt <= 0xDFFF:
                u, low = 0x10000 + ((u - 0xD800) << 10) + (nxt - 0xDC00), i + 1
        if u in _SPACES or u == 0x0A or u == 0x0D:
            if map_error(tpa, i):  # a glyph whose code merely reads as a space
                undecodable += 1
            else:
                # PDFium also generates spaces where it sees word gaps
                space = u != 0x0A and u != 0x0D
            continue
        if u < 0x20 or u == 0xFFFD or map_error(tpa, i):
            undecodable += 1
            continue
        if 0xE000 <= u <= 0xF8FF:
            continue  # private use: icon-font glyphs (FontAwesome), not text
        key = text_obj(tpa, i) or 0
        props = objects.get(key)
        if props is None:
            pdfium_c.FPDFText_GetMatrix(tp, i, matrix)
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            size = pdfium_c.FPDFText_GetFontSize(tp, i) * (scale or 1.0)
            turn = round(math.atan2(matrix.b, matrix.a) / (math.pi / 2)) % 4
            obj = pdfium_c.FPDFText_GetTextObject(tp, i)
            props = (size, _object_suspect(obj, *colour) if key else False, turn)
            objects[key] = props
        size, suspect, turn = props
        loose_box(tpa, i, rect_address)
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        cx, cy = (left + right) / 2, (bottom + top) / 2
        if not (cl - 1 <= cx <= cr + 1 and cb - 1 <= cy <= ct + 1) or size < MIN_FONT_SIZE:
            hidden += 1
            space = False
            continue
        quarters[turn] += 1
        if suspect:
            suspects.append(len(chars))
        y0, y1 = ct - top, ct - bottom
        if y1 - y0 < 0.6 * size:  # an ink-tight box (一, -, _): give it a line's height
            mid = (y0 + y1) / 2
            y0, y1 = mid - 0.5 * size, mid + 0.5 * size
        chars.append(Char(chr(u), left - cl, y0, right - cl, y1, size, space))
        boxes.append((left, bottom, right, top, turn))
        space = False

    quarter = quarters.index(max(quarters))
    if quarter:
        upright = _upright_transform(quarter, crop)
        for k, (c, (left, bottom, right, top, _)) in enumerate(zip(chars, boxes, strict=True)):
            x0, y0, x1, y1 = upright(left, bottom, right, top)
            if y1 - y0 < 0.6 * c.size:
                mid = (y0 + y1) / 2
                y0, y1 = mid - 0.5 * c.size, mid + 0.5 * c.size
            chars[k] = Char(c.text, x0, y0, x1, y1, c.size, c.space_before)
    shown: list[Char] | None = None
    if suspects:
        to_display = _display_transform(page)
        shown = [Char(chars[k].text, *to_display(*boxes[k][:4]), chars[k].size) for k in suspects]
    return _RawPage(chars, suspects, hidden, undecodable, shown)


_FAST: dict[str, Any] = {}


def _fast(name: str, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function with plain ``c_void_p`` pointers, called once per glyph.

    pypdfium2's typed pointers cost more to convert than the calls themselves
    (turning a returned object pointer into a dictionary key most of all).
    """
    fn = _FAST.get(name)
    if fn is None:
        import pypdfium2.raw as pdfium_c

        address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value or 0
        fn = _FAST[name] = ctypes.CFUNCTYPE(restype, *argtypes)(address)
    return fn


_SPACES = frozenset((0x20, 0x09, 0xA0, 0x3000, 0xFEFF, 0, *range(0x2000, 0x200C)))


def _object_suspect(obj: Any, r: Any, g: Any, b: Any, a: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
    getter = (
        pdfium_c.FPDFPageObj_GetStrokeColor if mode in (1, 5) else pdfium_c.FPDFPageObj_GetFillColor
    )
    ok = getter(obj, r, g, b, a)
    return _colour_suspect(mode, (r.value, g.value, b.value, a.value) if ok else None)


def _visible_mask(page: Any, boxes: Sequence[Char]) -> list[bool]:
    """Whether the rendered page shows any ink inside each box."""
    import numpy as np

    scale = 2.0 if min(c.size for c in boxes) < 8 else 1.0
    bitmap = page.render(scale=scale, grayscale=True, draw_annots=False)
    img = np.asarray(bitmap.to_numpy()).reshape(bitmap.height, bitmap.width, -1)[:, :, 0]
    h, w = img.shape
    out = []
    for c in boxes:
        # shrink the box so that anti-aliasing of a neighbouring glyph is not "ink"
        dx, dy = (c.x1 - c.x0) * 0.15, (c.bottom - c.top) * 0.15
        x0 = max(0, int((c.x0 + dx) * scale))
        x1 = min(w, int((c.x1 - dx) * scale) + 1)
        y0 = max(0, int((c.top + dy) * scale))
        y1 = min(h, int((c.bottom - dy) * scale) + 1)
        if x1 <= x0 or y1 <= y0:
            out.append(False)
            continue
        region = img[y0:y1, x0:x1]
        out.append(int(region.max()) - int(region.min()) >= MIN_INK_CONTRAST)
    return out


def _drop_invisible(page: Any, raw: _RawPage) -> tuple[list[Char], int]:
    if not raw.suspects:
        return raw.chars, raw.hidden
    boxes = raw.shown if raw.shown else [raw.chars[i] for i in raw.suspects]
    visible = _visible_mask(page, boxes)
    drop = {i for i, v in zip(raw.suspects, visible, strict=True) if not v}
    chars = [c for i, c in enumerate(raw.chars) if i not in drop]
    return chars, raw.hidden + len(drop)


def _image_coverage(page: Any) -> float:
    """Share of the page area covered by image objects (top level and in forms)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    l_, b_, r_, t_ = (ctypes.c_float() for _ in range(4))
    area = 0.0

    def has_image(obj: Any, depth: int) -> bool:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            n = pdfium_c.FPDFFormObj_CountObjects(obj)
            return any(
                has_image(pdfium_c.FPDFFormObj_GetObject(obj, i), depth + 1) for i in range(n)
            )
        return False

    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if has_image(obj, 0) and pdfium_c.FPDFPageObj_GetBounds(obj, l_, b_, r_, t_):
            area += max(0.0, r_.value - l_.value) * max(0.0, t_.value - b_.value)
    return float(min(1.0, area / (width * height)))


# ---------------------------------------------------------------------------
# characters from pdfplumber (fallback for pages PDFium cannot decode)


def _plumber_chars(pl_page: Any) -> _RawPage:
    x_min, top_min, x_max, top_max = pl_page.bbox
    chars: list[Char] = []
    suspects: list[int] = []
    hidden = undecodable = 0
    space = False
    for ch in pl_page.chars:
        text = ch.get("text", "")
        if not text or text.isspace():
            space = True
            continue
        if text.startswith("(cid:") or "\ufffd" in text:
            undecodable += 1
            continue
        if all(0xE000 <= ord(t) <= 0xF8FF for t in text):
            continue  # icon-font glyphs
        size = float(ch.get("size") or 0) or ch["bottom"] - ch["top"]
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (x_min - 1 <= cx <= x_max + 1 and top_min - 1 <= cy <= top_max + 1) or (
            size < MIN_FONT_SIZE
        ):
            hidden += 1
            space = False
            continue
        if _plumber_colour_suspect(ch.get("non_stroking_color")):
            suspects.append(len(chars))
        top, bottom = ch["top"] - top_min, ch["bottom"] - top_min
        chars.append(Char(text, ch["x0"] - x_min, top, ch["x1"] - x_min, bottom, size, space))
        space = False
    return _RawPage(chars, suspects, hidden, undecodable)


def _plumber_colour_suspect(colour: Any) -> bool:
    if colour is None:
        return False  # pdfminer's default fill is black
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return True  # a pattern or a named colour: let the rendering decide
    if len(values) == 1:
        return values[0] >= 0.8
    if len(values) == 3:
        r, g, b = values
        return 0.299 * r + 0.587 * g + 0.114 * b >= 0.8
    if len(values) == 4:
        c, m, y, k = values
        return max(c, m, y, k) <= 0.2
    return True


# ---------------------------------------------------------------------------
# the document


def extract_pdf(data: bytes, path: str | Path, *, max_pages: int = 50) -> PdfText:
    """Read up to ``max_pages`` pages of a PDF into laid-out page texts.

    Parameters
    ----------
    data : bytes
        The PDF file's bytes.
    path : str or Path
        Used in error messages only.
    max_pages : int
        Pages to read at most; the rest are skipped with a warning.

    Returns
    -------
    PdfText
        One :class:`PageText` per page read, the file's page count and warnings.

    Raises
    ------
    ExtractionError
        ``encrypted`` for a password-protected file, ``corrupt`` for one that does
        not parse.
    """
    path = Path(path)
    doc = _open_pdfium(data, path)
    plumber: Any = None
    try:
        try:
            page_count = len(doc)
        except Exception as e:  # noqa: BLE001 - a broken page tree
            raise ExtractionError(path, f"damaged PDF: no page tree ({e})", status="corrupt") from e
        pages: list[PageText] = []
        damaged: list[int] = []
        damage = _damage_errors()
        for index in range(min(page_count, max_pages)):
            try:
                page = doc[index]
            except damage:
                damaged.append(index + 1)
                pages.append(PageText(index + 1, "", "pdfium"))
                continue
            try:
                result, wants_plumber = _read_pdfium_page(page, index + 1)
                if wants_plumber:
                    if plumber is None:
                        plumber = _open_plumber(data)
                    if plumber is not None:
                        result = _better_of(result, _read_plumber_page(plumber, page, index))
                _verdict(result, page)
                pages.append(result)
            except damage:
                # a page whose objects PDFium cannot load: the rest of the file may be fine
                damaged.append(index + 1)
                pages.append(PageText(index + 1, "", "pdfium"))
            finally:
                page.close()
        warnings = []
        if damaged and len(damaged) == len(pages):
            raise ExtractionError(
                path,
                "damaged PDF: "
                + ("its page cannot" if len(pages) == 1 else f"none of its {len(pages)} pages can")
                + " be loaded; re-save or re-print it as PDF",
                status="corrupt",
            )
        if damaged:
            warnings.append(
                f"damaged_pages: page{'s' if len(damaged) > 1 else ''} "
                f"{', '.join(map(str, damaged))} could not be loaded (damaged PDF)"
            )
        if page_count > max_pages:
            warnings.append(f"truncated: read {max_pages} of {page_count} pages")
        return PdfText(pages, page_count, warnings)
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()


def _damage_errors() -> tuple[type[BaseException], ...]:
    """What PDFium and pdfminer raise for a damaged file (not for a bug of ours)."""
    import pypdfium2 as pdfium
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    return pdfium.PdfiumError, PSException, PdfminerException


def _read_pdfium_page(page: Any, number: int) -> tuple[PageText, bool]:
    textpage = page.get_textpage()
    try:
        raw = _pdfium_chars(page, textpage)
    finally:
        textpage.close()
    chars, hidden = _drop_invisible(page, raw)
    result = PageText(number, layout_text(chars), "pdfium", len(chars), hidden, raw.undecodable)
    # pdfplumber is slow; ask it only when PDFium left undecodable glyphs behind
    wants_plumber = raw.undecodable > 0.01 * (len(raw.chars) + raw.undecodable)
    return result, wants_plumber


def _open_plumber(data: bytes) -> Any:
    import io
    import logging

    import pdfplumber

    # pdfminer logs a warning per glyph of some fonts (FontBBox); they are not ours
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - PDFium opened it; pdfplumber is only a second opinion
        return None


def _read_plumber_page(plumber: Any, page: Any, index: int) -> PageText | None:
    try:
        pl_page = plumber.pages[index]
        raw = _plumber_chars(pl_page)
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion
        return None
    chars, hidden = _drop_invisible(page, raw)
    return PageText(
        index + 1, layout_text(chars), "pdfplumber", len(chars), hidden, raw.undecodable
    )


def _better_of(first: PageText, second: PageText | None) -> PageText:
    if second is None:
        return first
    # the second reading wins only if it decodes glyphs the first could not
    if second.undecodable < first.undecodable and second.chars > first.chars:
        return second
    return first


def _verdict(result: PageText, page: Any) -> None:
    """Decide whether a page has a usable text layer (else it needs OCR)."""
    if result.chars >= MIN_PAGE_CHARS and result.undecodable <= result.chars:
        return
    if result.undecodable > result.chars:
        result.needs_ocr = True
        result.ocr_reason = (
            f"{result.undecodable} of {result.undecodable + result.chars} glyphs use fonts "
            "without a Unicode map that no backend decodes"
        )
        return
    result.image_coverage = _image_coverage(page)
    if result.image_coverage >= MIN_IMAGE_COVERAGE:
        result.needs_ocr = True
        result.ocr_reason = "the page is an image without a text layer (probably a scan)"


# ---------------------------------------------------------------------------
# layout: characters -> lines in reading order


@dataclass(slots=True)
class _Seg:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    lead: float  # width of the first unbreakable unit (a word, or a glyph and its punctuation)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Row:
    segs: list[_Seg]
    top: float
    bottom: float
    size: float

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "@._-/&+#%")


def _segments(chars: Iterable[Char]) -> list[_Seg]:
    """Group glyphs into rows by vertical centre, then into runs split at wide gaps."""
    ordered = sorted(chars, key=lambda c: c.top + c.bottom)
    rows: list[list[Char]] = []
    row: list[Char] = []
    row_cy = row_size = 0.0
    for c in ordered:
        cy = (c.top + c.bottom) / 2
        size = c.size
        if row and abs(cy - row_cy) <= 0.45 * (size if size > row_size else row_size):
            row.append(c)
            row_cy += (cy - row_cy) / len(row)
            if size > row_size:
                row_size = size
        else:
            row = [c]
            rows.append(row)
            row_cy, row_size = cy, size
    segs: list[_Seg] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        run: list[Char] = [row[0]]
        prev = row[0]
        for c in row[1:]:
            if c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * max(prev.x1 - prev.x0, 1):
                continue  # the same glyph drawn twice (fake bold)
            if c.x0 - prev.x1 > 0.8 * (c.size if c.size > prev.size else prev.size):
                segs.append(_make_seg(run))
                run = []
            run.append(c)
            prev = c
        segs.append(_make_seg(run))
    return segs


def _make_seg(run: list[Char]) -> _Seg:
    parts = [run[0].text]
    prev = run[0]
    top, bottom, x1 = prev.top, prev.bottom, prev.x1
    for c in run[1:]:
        size = c.size if c.size > prev.size else prev.size
        # A space in the text stream, or a gap wider than a word space (wider
        # between Chinese characters, which justification spreads apart).
        if c.space_before or c.x0 - prev.x1 > size * (
            0.5 if "\u4e00" <= c.text <= "\u9fff" and "\u4e00" <= prev.text <= "\u9fff" else 0.18
        ):
            parts.append(" ")
        parts.append(c.text)
        if c.top < top:
            top = c.top
        if c.bottom > bottom:
            bottom = c.bottom
        if c.x1 > x1:
            x1 = c.x1
        prev = c
    sizes = sorted(c.size for c in run)
    x0 = run[0].x0
    return _Seg("".join(parts), x0, top, x1, bottom, sizes[len(sizes) // 2], _lead_width(run) - x0)


_NO_LINE_START = set("。，、；：？！）》」』”’.,;:?!)]}%")


def _lead_width(run: Sequence[Char]) -> float:
    """Right edge of the first unit a line breaker could not split.

    A Latin word, or one CJK glyph with the punctuation that may not start a line
    after it (Chinese line breaking keeps "练。" together).
    """
    i = 0
    if _is_ascii_word(run[0].text):
        while (
            i + 1 < len(run)
            and _is_ascii_word(run[i + 1].text)
            and not run[i + 1].space_before
            and run[i + 1].x0 - run[i].x1 < 0.18 * run[i].size
        ):
            i += 1
    while i + 1 < len(run) and run[i + 1].text in _NO_LINE_START:
        i += 1
    return run[i].x1


def _rows_of(segs: Sequence[_Seg]) -> list[_Row]:
    rows: list[_Row] = []
    for s in sorted(segs, key=lambda s: s.cy):
        if rows:
            r = rows[-1]
            if r.top <= s.cy <= r.bottom and abs(s.cy - r.cy) <= 0.5 * max(s.size, r.size):
                r.segs.append(s)
                r.top, r.bottom = min(r.top, s.top), max(r.bottom, s.bottom)
                r.size = max(r.size, s.size)
                continue
        rows.append(_Row([s], s.top, s.bottom, s.size))
    rows.sort(key=lambda r: r.top)
    return rows


def _aligned_share(rows: Sequence[_Row], others: Sequence[_Row]) -> float:
    hits = 0
    for r in rows:
        if any(abs(r.cy - o.cy) <= 0.5 * min(r.size, o.size) for o in others):
            hits += 1
    return hits / len(rows) if rows else 0.0


def _row_gap(rows: Sequence[_Row]) -> float:
    gaps = [b.top - a.bottom for a, b in zip(rows, rows[1:], strict=False)]
    return statistics.median(gaps) if gaps else 0.0


_COLUMNS, _TABLE, _NEITHER = "columns", "table", "neither"


def _split_kind(left: Sequence[_Seg], right: Sequence[_Seg], gap: float) -> str:
    """What a vertical gap separates: two columns, the cells of a table, or neither.

    * A column has at least two rows; a single segment beside others is a cell.
    * Columns start together at the top of their region. Long ones may not (a
      photo above the sidebar), but one or two rows above the other side are a
      header that the caller peels off first. A gap that merely opens between
      the fields of a few stacked rows separates nothing.
    * A column is a run of lines: a side whose rows lie far apart compared with
      the other side's (dates or places set to the right of entries) holds cells.
    * Two wide sides are columns even when their rows happen to line up (same
      font and leading on both sides), unless every row lines up across a narrow
      gap: those are the fields of the same lines. A narrow side (labels, dates,
      skill levels) whose rows line up with the other side's is a table.
    """
    rl, rr = _rows_of(left), _rows_of(right)
    if len(rl) < 2 or len(rr) < 2:
        return _NEITHER
    size = statistics.median([r.size for r in rl + rr])
    if abs(rl[0].top - rr[0].top) > 0.8 * size:
        # Long columns may start at different heights (a photo above the sidebar);
        # one or two rows above the other side's first are a header to peel off.
        high, low = (rl, rr) if rl[0].top < rr[0].top else (rr, rl)
        above = sum(1 for r in high if r.bottom <= low[0].top + 0.2 * size)
        if len(rl) < 4 or len(rr) < 4 or above <= 2:
            return _NEITHER
    gl, gr = _row_gap(rl), _row_gap(rr)
    if max(gl, gr) > max(1.5 * size, 2.5 * min(gl, gr) + 0.5 * size):
        return _NEITHER
    (l0, l1), (r0, r1) = _extent(left), _extent(right)
    aligned = min(_aligned_share(rl, rr), _aligned_share(rr, rl))
    if min(l1 - l0, r1 - r0) > 8 * size:
        if aligned < 0.99 or (gap >= 2 * size and max(len(rl), len(rr)) > 3):
            return _COLUMNS
        return _TABLE
    if aligned < 0.5 or abs(rl[-1].bottom - rr[-1].bottom) > 3.5 * size:
        return _COLUMNS
    return _TABLE


def _x_gaps(segs: Sequence[_Seg]) -> list[tuple[float, float]]:
    """Vertical strips that no segment covers, at least about a glyph wide."""
    if len(segs) < 2:
        return []
    size = statistics.median([s.size for s in segs])
    min_gap = max(0.9 * size, 3.0)
    ordered = sorted(segs, key=lambda s: s.x0)
    gaps: list[tuple[float, float]] = []
    reach = ordered[0].x1
    for s in ordered[1:]:
        if s.x0 - reach >= min_gap:
            gaps.append((reach, s.x0))
        if s.x1 > reach:
            reach = s.x1
    return gaps


def _vertical_cut(segs: Sequence[_Seg]) -> tuple[list[_Seg], list[_Seg]] | bool:
    """The widest vertical gap that separates columns, if any.

    Returns the two sides, else whether some gap separates table cells.
    """
    gaps = _x_gaps(segs)
    table = False
    for g0, g1 in sorted(gaps, key=lambda g: g[0] - g[1]):
        left = [s for s in segs if s.x1 <= g0 + 0.01]
        right = [s for s in segs if s.x0 >= g1 - 0.01]
        kind = _split_kind(left, right, g1 - g0)
        if kind == _COLUMNS:
            return left, right
        table = table or kind == _TABLE
    return table


def _extent(segs: Sequence[_Seg]) -> tuple[float, float]:
    return min(s.x0 for s in segs), max(s.x1 for s in segs)


def _emit_row(row: _Row, column: tuple[float, float], out: list[Line], table: bool) -> None:
    segs = sorted(row.segs, key=lambda s: s.x0)
    text = " ".join(s.text for s in segs)
    x1 = max(s.x1 for s in segs)
    size = statistics.median([s.size for s in segs])
    spread = max((b.x0 - a.x1 for a, b in zip(segs, segs[1:], strict=False)), default=0.0)
    out.append(
        Line(
            text,
            segs[0].x0,
            row.top,
            x1,
            row.bottom,
            size,
            column,
            segs[0].lead,
            spread / size,
            table,
            x1,
            row.bottom,
        )
    )


def _split_overhang(left: list[_Seg], bottom: float) -> tuple[list[_Seg], list[_Seg]]:
    """Rows of the left column that start a new block below the right column's end.

    They follow both columns (a heading under a two-column address block), rather
    than the left column alone.
    """
    rows = _rows_of(left)
    for j in range(len(rows) - 1, 1, -1):
        if rows[j].top <= bottom:
            break
        if rows[j].top - max(r.bottom for r in rows[:j]) >= 0.8 * rows[j].size:
            return [s for r in rows[:j] for s in r.segs], [s for r in rows[j:] for s in r.segs]
    return left, []


_PEEL = 5  # header/footer rows tried above or below a two-column body


def _xycut(
    segs: list[_Seg], column: tuple[float, float], out: list[Line], table: bool = False
) -> None:
    rows = _rows_of(segs)
    if len(rows) == 1:
        _emit_row(rows[0], column, out, table)
        return
    cut = _vertical_cut(segs)
    if isinstance(cut, tuple):
        left, right = cut
        column = _extent(left)
        left, overhang = _split_overhang(left, max(s.bottom for s in right))
        _xycut(left, column, out)
        _xycut(right, _extent(right), out)
        if overhang:
            _xycut(overhang, column, out)
        return
    table = table or cut
    # A full-width header (or footer) blocks the gutter of the columns below it:
    # try peeling a few rows off the top or bottom before cutting anywhere else.
    peel = min(_PEEL, len(rows) - 4)
    # the smallest bodies have the most gaps: without any there, no peel can help
    tops = peel > 0 and bool(_x_gaps([s for r in rows[peel:] for s in r.segs]))
    bottoms = peel > 0 and bool(_x_gaps([s for r in rows[:-peel] for s in r.segs]))
    for k in range(1, peel + 1) if tops or bottoms else ():
        for top in (True, False) if tops and bottoms else (tops,):
            head, body = (rows[:k], rows[k:]) if top else (rows[-k:], rows[:-k])
            body_segs = [s for r in body for s in r.segs]
            if isinstance(_vertical_cut(body_segs), tuple):
                head_segs = [s for r in head for s in r.segs]
                for part in (head_segs, body_segs) if top else (body_segs, head_segs):
                    _xycut(part, column, out, table)
                return
    # No columns here: cut between rows, widest gap first, so that paragraphs stay
    # together and any columns further down get their own region.
    reach = rows[0].bottom
    best, best_gap = 1, float("-inf")
    for i in range(1, len(rows)):
        gap = rows[i].top - reach
        if gap > best_gap:
            best, best_gap = i, gap
        reach = max(reach, rows[i].bottom)
    _xycut([s for r in rows[:best] for s in r.segs], column, out, table)
    _xycut([s for r in rows[best:] for s in r.segs], column, out, table)


_NO_JOIN_END = tuple("。！？!?；;】]」")
# "电话：…" starts a new field, not the rest of the line above
_FIELD_START = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")
_LIST_START = re.compile(
    r"^(?:[–—•·●◆◇■□▪▫►▶➢➤✓✔○◦※【\[]|-(?!\d)|\*(?![*\d])|\(?\d{1,2}[.、)）]"
    r"|\d{4}\s*[.\-/年]|[\ue000-\uf8ff])"
)


_EMAIL_END = re.compile(r"\S@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")


def _join_wraps(lines: list[Line]) -> list[Line]:
    """Join lines that a column's right margin broke, so a source line stays whole."""
    if len(lines) < 2:
        return lines
    # A column's margin is real only if at least two of its lines reach it.
    reach: dict[tuple[float, float], int] = {}
    for ln in lines:
        if ln.x1 >= ln.column[1] - 1.2 * ln.size:
            reach[ln.column] = reach.get(ln.column, 0) + 1
    out = [lines[0]]
    for b in lines[1:]:
        a = out[-1]
        size = max(a.size, b.size)
        if (
            a.column == b.column
            and reach.get(a.column, 0) >= 2
            and b.top > a.last_bottom - 0.3 * size
            and b.top - a.last_bottom < 0.7 * size
            and abs(a.size - b.size) <= 0.2 * size
            and a.last_x1 + b.lead >= a.column[1] - 0.3 * size
            and a.last_x1 >= a.column[1] - 0.35 * (a.column[1] - a.column[0])
            and b.x0 <= a.column[0] + 2.5 * size
            and a.spread < 4  # a date set flush right is not a full line
            and not (a.table or b.table)
            and not a.text.endswith(_NO_JOIN_END)
            and not _LIST_START.match(b.text)
            and not _FIELD_START.match(b.text)
            and not _EMAIL_END.search(a.text)
            and detect_heading(normalize_line(a.text)) is None
            and detect_heading(normalize_line(b.text)) is None
        ):
            a.text += _joiner(a.text, b.text) + b.text
            a.x0, a.x1 = min(a.x0, b.x0), max(a.x1, b.x1)
            a.bottom = b.bottom
            a.last_x1, a.last_bottom, a.spread = b.x1, b.bottom, b.spread
            continue
        out.append(b)
    return out


def _joiner(left: str, right: str) -> str:
    if not (_is_ascii_word(left[-1]) and _is_ascii_word(right[0])):
        return ""  # Chinese wraps anywhere, without a space
    head = left.rsplit(" ", 1)[-1]
    tail = right.split(" ", 1)[0]
    if "@" in head or "@" in tail or "://" in head or head.endswith(("-", "_", "/", ".")):
        return ""  # an e-mail address or URL broken at the margin
    return " "


def layout_lines(chars: Iterable[Char]) -> list[Line]:
    """Lay glyphs out as lines in reading order.

    Columns are read one after the other (left first), label/value tables row by
    row, and lines that a column's margin wrapped are joined again.

    Parameters
    ----------
    chars : iterable of Char
        Visible glyphs of one page, in any order.

    Returns
    -------
    list of Line

    Examples
    --------
    Two columns whose rows line up, given in a scrambled order, come out column
    by column:

    >>> def word(text, x, y):
    ...     return [Char(t, x + 10 * i, y, x + 10 * (i + 1), y + 10) for i, t in enumerate(text)]
    >>> main = ["工作经历", "手机银行运营主管", "负责渠道", "项目经历", "网联接入"]
    >>> chars = [c for i, t in enumerate(main) for c in word(t, 200, 14 * i)]
    >>> chars += word("基本信息", 0, 0) + word("电话号码保密", 0, 14)
    >>> [ln.text for ln in layout_lines(chars)]
    ['基本信息', '电话号码保密', '工作经历', '手机银行运营主管', '负责渠道', '项目经历', '网联接入']
    """
    segs = _segments(chars)
    if not segs:
        return []
    out: list[Line] = []
    _xycut(segs, _extent(segs), out)
    return _join_wraps(out)


def layout_text(chars: Iterable[Char]) -> str:
    """Lay glyphs out (see :func:`layout_lines`) and join the lines.

    Examples
    --------
    >>> layout_text([Char("名", 10, 0, 20, 10), Char("姓", 0, 0, 10, 10)])
    '姓名'
    """
    return "\n".join(ln.text for ln in layout_lines(chars))
