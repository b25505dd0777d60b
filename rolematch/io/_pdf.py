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
4. **Reading order**: the layout engine (:mod:`rolematch.io._layout`, shared with
   OCR) lays the glyphs out in lines, with the résumé heading test
   (:func:`rolematch.sections.is_heading_line`) so that wrapped lines are never
   joined across a heading (:func:`layout_lines`, :func:`layout_text`).
5. **Readability verdict** per page (:attr:`PageText.needs_ocr`): an image page
   without text, or a page whose glyphs are mostly undecodable, needs OCR. This is
   the seam for an OCR fallback: replace the text of those pages. A page that is
   mostly a picture under a thin text layer (a scan below a typed name line, a
   scanner app's footer) needs it too (:attr:`PageText.thin_layer`): its picture
   is read and the text layer kept beside it.

Everything here raises :class:`~rolematch.exceptions.ExtractionError` for a file
that cannot be read at all (``corrupt`` with a plain reason for a damaged file or a
page PDFium cannot load; see :func:`_damage_errors`); :mod:`rolematch.io.extract`
turns it into a record.

Why this is one piece (~650 lines): the two backends, the hidden-text check and the
verdict share one per-glyph pass over PDFium's C API (:func:`_pdfium_chars`,
called once per glyph through :func:`_fast`) and its page objects; split apart,
each piece would need the page, the text page and the raw glyph list handed
across modules for no reader's benefit. The layout engine, which is general,
lives apart in :mod:`rolematch.io._layout`.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rolematch.exceptions import ExtractionError
from rolematch.io import _layout, _pdf_tables
from rolematch.io._layout import Char, Line
from rolematch.sections import is_heading_line

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
#: A box whose rendered pixels are all darker than this (0–255) is a dark band or
#: picture: light text on it is visible even where the renderer drew no glyph.
DARK_BACKGROUND = 100
#: A page needs OCR when it has fewer usable characters than this and either
#: images cover part of it or most of its glyphs are undecodable.
MIN_PAGE_CHARS = 20
#: Share of the page covered by images from which a page without text needs OCR:
#: a résumé pasted in as a picture need not fill the page (a photo of a printout, a
#: screenshot), while a small logo or head shot alone is not worth an OCR pass.
MIN_IMAGE_COVERAGE = 0.1
#: Share from which such a page is called a scan in its reason.
SCAN_COVERAGE = 0.3
#: A page with text is read by OCR as well when images cover at least
#: :data:`THIN_IMAGE_COVERAGE` of it and its text layer has fewer usable characters
#: than :data:`THIN_PAGE_CHARS`: a scanned or photographed CV under a typed header,
#: a scanner app's footer or a fax line (20-80 characters). A scan pasted into a Word
#: page between its default margins covers 0.46-0.49 of it, a full-page scan 1.0. Measured
#: on the 91 text pages of the shared devset, realpdf and realworld PDFs and the
#: benchmark's off-target PDFs: those whose images cover more than 0.1 hold 1,318
#: characters and more (a background or a photo beside a page of text; median page
#: 906), and the four under 150 characters (a short last page) have no image: none
#: changes verdict.
THIN_IMAGE_COVERAGE = 0.3
THIN_PAGE_CHARS = 150


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
        Share of the page covered by images (computed only for pages with fewer
        than :data:`THIN_PAGE_CHARS` characters; 0.0 otherwise).
    needs_ocr : bool
        No usable text layer, or a thin one over a picture: a later OCR step
        should read this page.
    ocr_reason : str
        Why the page needs OCR.
    thin_layer : bool
        The page is mostly a picture under a thin text layer: OCR should read the
        picture without the text, and the text layer be kept beside it.
    glyphs : list of Char
        A thin layer's glyphs, in the rendered page's frame (points from its top
        left), to lay them out with OCR's lines; empty for other pages, and for a
        rotated page or sideways text, whose frame is not the rendered one.
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
    thin_layer: bool = False
    glyphs: list[Char] = field(default_factory=list)


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
        elif _page_count(data) == 0:
            # PDFium declines a whole file with no pages (its error code is stale then)
            raise ExtractionError(path, "the PDF has no pages", status="empty") from e
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
    quarter: int = 0  # the text's direction, in quarter turns (0: upright)


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
    return _RawPage(chars, suspects, hidden, undecodable, shown, quarter)


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
        # Ink shows as contrast inside the box. A suspect is light or unpainted
        # text, so a box that is dark all over is light text on a dark band whose
        # glyphs the renderer did not draw (a non-embedded font it has no substitute
        # for, as on a server without CJK fonts): legible on paper, kept.
        out.append(
            int(region.max()) - int(region.min()) >= MIN_INK_CONTRAST
            or int(region.max()) < DARK_BACKGROUND
        )
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
                page = _with_typed_text(doc, index, doc[index])
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


def _with_typed_text(doc: Any, index: int, page: Any) -> Any:
    """The page with the text of its filled-in form fields and of text typed onto it
    (FreeText: "Add text" in Acrobat, Foxit, WPS) merged into its content.

    Application forms (应聘登记表) come as fillable PDFs; a text page leaves that text
    out, since it lives in annotations. Flattening draws their appearance into the
    page, so it is read, checked for visibility and laid out like the page's own
    text. A page without such annotations is returned as it is (and unchanged).
    """
    import pypdfium2.raw as pdfium_c

    typed = (pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_FREETEXT)
    found = False
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
        if annot:
            found = pdfium_c.FPDFAnnot_GetSubtype(annot) in typed
            pdfium_c.FPDFPage_CloseAnnot(annot)
        if found:
            break
    if not found:
        return page
    flattened = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
    if flattened != pdfium_c.FLATTEN_SUCCESS:
        return page
    page.close()
    return doc[index]  # loaded again: the new content is parsed


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
    text = _pdf_tables.layout_page(page, chars, upright := raw.quarter == 0)  # tables by row
    result = PageText(number, text, "pdfium", len(chars), hidden, raw.undecodable)
    result.glyphs = chars if upright else []  # sideways text: another frame than the rendering
    # pdfplumber is slow; ask it only when PDFium left undecodable glyphs behind
    wants_plumber = raw.undecodable > 0.01 * (len(raw.chars) + raw.undecodable)
    return result, wants_plumber


def _page_count(data: bytes) -> int | None:
    """The page count pdfplumber (pdfminer) reads, or None when it cannot open the file."""
    plumber = _open_plumber(data)
    if plumber is None:
        return None
    try:
        return len(plumber.pages)
    except Exception:  # noqa: BLE001 - a second opinion on a file PDFium declined
        return None
    finally:
        plumber.close()


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
        index + 1,
        _pdf_tables.layout_page(page, chars),
        "pdfplumber",
        len(chars),
        hidden,
        raw.undecodable,
        glyphs=chars,
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
    glyphs, result.glyphs = result.glyphs, []  # kept for a thin layer only
    if result.chars >= MIN_PAGE_CHARS and result.undecodable <= result.chars:
        if result.chars < THIN_PAGE_CHARS:
            result.image_coverage = _image_coverage(page)
            if result.image_coverage >= THIN_IMAGE_COVERAGE:
                result.needs_ocr = result.thin_layer = True
                result.ocr_reason = (
                    f"the page is an image ({result.image_coverage:.0%} of it) with a thin "
                    f"text layer ({result.chars} chars)"
                )
                if page.get_rotation() % 360 == 0:
                    result.glyphs = glyphs
        return
    if result.undecodable > result.chars:
        result.needs_ocr = True
        result.ocr_reason = (
            f"{result.undecodable} of {result.undecodable + result.chars} glyphs use fonts "
            "without a Unicode map that no backend decodes"
        )
        return
    result.image_coverage = _image_coverage(page)
    if result.image_coverage >= SCAN_COVERAGE:
        result.needs_ocr = True
        result.ocr_reason = "the page is an image without a text layer (probably a scan)"
    elif result.image_coverage >= MIN_IMAGE_COVERAGE:
        result.needs_ocr = True
        result.ocr_reason = (
            f"the page holds an image ({result.image_coverage:.0%} of the page) and no text layer"
        )


# ---------------------------------------------------------------------------
# layout, with the résumé heading test


def layout_lines(chars: Iterable[Char]) -> list[Line]:
    """Lines of a résumé page in reading order (:func:`rolematch.io._layout.layout_lines`).

    Wrapped lines are never joined across a section heading.

    Examples
    --------
    >>> def word(text, x, y):
    ...     return [Char(t, x + 10 * i, y, x + 10 * (i + 1), y + 10) for i, t in enumerate(text)]
    >>> main = ["工作经历", "手机银行运营主管", "负责渠道", "项目经历", "网联接入"]
    >>> chars = [c for i, t in enumerate(main) for c in word(t, 200, 14 * i)]
    >>> chars += word("基本信息", 0, 0) + word("电话号码保密", 0, 14)
    >>> [ln.text for ln in layout_lines(chars)]
    ['基本信息', '电话号码保密', '工作经历', '手机银行运营主管', '负责渠道', '项目经历', '网联接入']
    """
    return _layout.layout_lines(chars, is_heading=is_heading_line)


def layout_text(chars: Iterable[Char]) -> str:
    """:func:`layout_lines` joined by line breaks.

    Examples
    --------
    >>> layout_text([Char("名", 10, 0, 20, 10), Char("姓", 0, 0, 10, 10)])
    '姓名'
    """
    return _layout.layout_text(chars, is_heading=is_heading_line)
