"""Offline Chinese OCR for scans, photos and pages whose text no font map decodes.

:mod:`rolematch.io.extract` calls :func:`ocr_pdf_pages` for the PDF pages that
:func:`~rolematch.io.extract.pdf_pages` flags ``needs_ocr``, and
:func:`ocr_image_file` for image files; the page texts then go through the same
normalisation, sections and redaction as a text layer
(:func:`rolematch.sections.build_resume`).

Engine
------
RapidOCR (``rapidocr-onnxruntime`` 1.4.x): PaddleOCR's PP-OCRv4 Chinese detection
and recognition models, about 15 MB of ONNX inside the wheel, run on the CPU by
onnxruntime; nothing is downloaded. The engine loads on first use, once per
process (:func:`engine`), never at import. Its detection, cropping and
recognition steps are called one by one (pinned to 1.4.x for that), so that the
clock can be looked at between them.

Orientation: a page whose lines mostly run down it (scanned on its side) is
turned a quarter and detected again; a line read poorly is read again upside
down, and when most of the text reads better so, the whole page is taken as
upside down. RapidOCR's own 0°/180° line classifier stays off: on rendered
résumé pages it turned long upright lines over, which then read as nothing.

Threads: ``ROLEMATCH_OCR_THREADS``, else ``OMP_NUM_THREADS`` (which the batch
sets in each worker), else every CPU this process may use, at most 4; onnxruntime
would otherwise start one thread per core in every worker process of a batch.

Bounded work
------------
* PDF pages are rendered at :data:`RENDER_DPI`, and no picture (rendered page or
  image file) is bigger than :data:`MAX_SIDE` pixels on its long side: detection
  cost grows with the pixels, and recognition works on lines scaled to 48 pixels
  high whatever the input.
* A per-page time limit (``ROLEMATCH_OCR_PAGE_TIMEOUT`` seconds, default
  :data:`PAGE_TIMEOUT`), checked after detection and between batches of lines:
  a page that runs over is given up (``OcrPage.error``) instead of holding a
  batch worker hostage. Detection itself is one bounded pass.
* At most :data:`MAX_OCR_PAGES` pages per file are read by OCR.

Reading order
-------------
Line boxes of a page photographed askew are turned upright by the page's median
slant; each line then becomes glyph boxes (its box shared out by character
width) and goes through :func:`rolematch.io._layout.layout_lines`, the layout used
for text layers: columns are read one after the other, label/value rows stay
rows, and lines wrapped at a column's margin are joined again.

Confidence
----------
The recogniser scores each line with the mean of its characters' probabilities.
A page's confidence is the character-weighted mean over every line it
recognised, including lines dropped from the text for scoring below
:data:`MIN_LINE_SCORE`; :data:`LOW_CONFIDENCE` is where the text stops being
trustworthy (measured with ``benchmarks/extraction.py --ocr-study``).

Why this is one piece (~700 lines): the engine's lifetime (one per process, loaded
lazily, thread settings), page rendering, deskew and orientation, line boxes to
glyph boxes and the per-page time limit form one pipeline over the same image
and engine objects; reading order is the shared :mod:`rolematch.io._layout`.
"""

from __future__ import annotations

import io
import math
import os
import threading
import time
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rolematch.exceptions import ExtractionError, MissingDependencyError

__all__ = [
    "LOW_CONFIDENCE",
    "MAX_OCR_PAGES",
    "MAX_SIDE",
    "PAGE_TIMEOUT",
    "RENDER_DPI",
    "OcrLine",
    "OcrPage",
    "engine",
    "line_chars",
    "ocr_image",
    "ocr_image_file",
    "ocr_pdf_pages",
    "ocr_threads",
    "page_timeout",
]

#: Resolution at which PDF pages are rendered for OCR.
RENDER_DPI = 200
#: Long side, in pixels, of any picture given to OCR; larger ones are scaled down.
#: RapidOCR scales down to this anyway; doing it first saves the memory and time.
MAX_SIDE = 2000
#: Seconds one page may take (detection and recognition) before it is given up.
PAGE_TIMEOUT = 60.0
#: Pages of one file read by OCR at most; a scanned résumé has one to three.
MAX_OCR_PAGES = 10
#: Lines the recogniser scores lower are noise (a photo, a logo, a stamp): dropped.
MIN_LINE_SCORE = 0.5
#: Pages whose confidence is lower get an ``ocr_low_confidence`` warning. Measured
#: (``benchmarks/extraction.py --ocr-study``) on a résumé drawn at 150 and 300 dpi,
#: clean and degraded: pages at 0.98 and above had >= 98.8% of their characters
#: right (clean renders 0.995-0.998, light copies and 2-degree photos 0.98-0.99;
#: the shared scans 0.994-0.998); a fax at 0.93 had 94%, blurred copies at 0.74-0.9
#: had 73-89%. Confidence tracks accuracy, and below 0.95 one character in twenty
#: is wrong: enough to break keywords.
LOW_CONFIDENCE = 0.95
#: Pixels an image file may have; larger ones are refused rather than decoded.
MAX_IMAGE_PIXELS = 100_000_000

THREADS_ENV = "ROLEMATCH_OCR_THREADS"
TIMEOUT_ENV = "ROLEMATCH_OCR_PAGE_TIMEOUT"
_REC_CHUNK = 12  # lines recognised between two looks at the clock
_RETRY_BELOW = 0.8  # lines read worse than this are tried upside down too

_INSTALL = "pip install 'rapidocr-onnxruntime>=1.4.4,<1.5' opencv-python-headless"


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised line: its text, score in [0, 1] and box in pixels.

    The box is upright on the page turned by its text's median slant (see
    ``_deskew``), in the picture's pixels.
    """

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class OcrPage:
    """What OCR made of one page.

    Attributes
    ----------
    number : int
        1-based page number (frame of a multi-page TIFF, 1 for other images).
    text : str
        Laid-out text, lines in reading order (not yet normalised); empty when
        the page failed.
    confidence : float
        Character-weighted mean score of the recognised lines, in [0, 1]; 0.0
        when nothing was recognised.
    lines : list of OcrLine
        Every recognised line, kept or not, in detection order.
    seconds : float
        Wall time spent on the page.
    error : str
        Why the page could not be read (time limit), or ``""``.
    points_per_pixel : float
        Size of a pixel of the picture in points (:func:`line_chars`).
    turns : int
        Quarter turns clockwise the picture was given before its lines were
        read (1: scanned on its side, 2: upside down); the lines' boxes are in
        the turned picture.
    """

    number: int
    text: str = ""
    confidence: float = 0.0
    lines: list[OcrLine] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""
    points_per_pixel: float = 1.0
    turns: int = 0

    @property
    def chars(self) -> int:
        """Characters of text, whitespace not counted."""
        return sum(not c.isspace() for c in self.text)


# ---------------------------------------------------------------------------
# settings


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def ocr_threads() -> int:
    """onnxruntime threads per OCR engine: the environment, else the CPUs (at most 4).

    ``ROLEMATCH_OCR_THREADS`` wins, then ``OMP_NUM_THREADS`` (the batch's workers
    set it to their share of the cores).

    Raises
    ------
    ValueError
        If ``ROLEMATCH_OCR_THREADS`` is set but is not an integer >= 1.

    Examples
    --------
    >>> ocr_threads() >= 1
    True
    """
    value = os.environ.get(THREADS_ENV, "").strip()
    if value:
        try:
            threads = int(value)
        except ValueError:
            threads = 0
        if threads < 1:
            raise ValueError(
                f"The {THREADS_ENV} environment variable must be an integer >= 1. "
                f"Got {value!r} instead."
            )
        return threads
    omp = os.environ.get("OMP_NUM_THREADS", "").strip()
    if omp.isdigit() and int(omp) >= 1:
        return int(omp)
    return min(4, _cpus())


def page_timeout() -> float:
    """Seconds one page may take: ``ROLEMATCH_OCR_PAGE_TIMEOUT``, else :data:`PAGE_TIMEOUT`.

    Raises
    ------
    ValueError
        If the variable is set but is not a number > 0.

    Examples
    --------
    >>> page_timeout() > 0
    True
    """
    value = os.environ.get(TIMEOUT_ENV, "").strip()
    if not value:
        return PAGE_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not seconds > 0 or math.isinf(seconds):
        raise ValueError(
            f"The {TIMEOUT_ENV} environment variable must be a number of seconds > 0. "
            f"Got {value!r} instead."
        )
    return seconds


# ---------------------------------------------------------------------------
# the engine: loaded once per process


@dataclass(slots=True)
class _Engine:
    ocr: Any
    threads: int
    pid: int


_ENGINE: _Engine | None = None
# RapidOCR keeps per-call state on its detector; one page at a time per process.
_LOCK = threading.RLock()


def engine() -> Any:
    """The process's RapidOCR engine, loaded on first use with :func:`ocr_threads`.

    A forked child, or a change of ``ROLEMATCH_OCR_THREADS``, loads a fresh one:
    onnxruntime's thread pools do not survive ``fork``.

    Raises
    ------
    MissingDependencyError
        If ``rapidocr_onnxruntime`` (or its OpenCV) cannot be imported.
    """
    global _ENGINE
    threads = ocr_threads()
    with _LOCK:
        current = _ENGINE
        if current is None or current.pid != os.getpid() or current.threads != threads:
            _ENGINE = current = _Engine(_load(threads), threads, os.getpid())
        return current.ocr


def _load(threads: int) -> Any:
    try:
        import cv2
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:
        raise MissingDependencyError(
            "'rapidocr_onnxruntime' is needed to read scanned pages and images but cannot "
            f"be imported ({e}); install it with: {_INSTALL}"
        ) from e
    # OpenCV's own pool would start a thread per core too (resizing, warping crops)
    cv2.setNumThreads(threads)
    return RapidOCR(
        intra_op_num_threads=threads,
        inter_op_num_threads=1,
        max_side_len=MAX_SIDE,
        text_score=MIN_LINE_SCORE,
        use_cls=False,  # see the module docstring (orientation)
    )


# ---------------------------------------------------------------------------
# one picture


class _Timeout(Exception):
    pass


def _check(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise _Timeout


def _recognise(eng: Any, image: Any, deadline: float) -> tuple[list[OcrLine], int]:
    """Detect, orient and recognise the lines of a greyscale or BGR array.

    Returns the lines and the quarter turns clockwise the picture was given.
    """
    import numpy as np

    img = eng.load_img(image)  # greyscale -> 3-channel BGR, as the models expect
    found = _detect(eng, img)
    _check(deadline)
    turns = 0
    if found is not None and _sideways(found[2]):
        turns = 1
        # a page scanned or photographed on its side: turn it and look again (if
        # this turned it upside down, the lines say so below)
        img = np.ascontiguousarray(np.rot90(img, -1))
        found = _detect(eng, img)
        _check(deadline)
    if found is None:
        return [], turns
    work, boxes, quads = found
    crops = eng.get_crop_img_list(work, boxes)
    results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    _read_lines(eng, crops, range(len(crops)), results, deadline)
    # RapidOCR's line classifier stays off (see the module docstring): a line read
    # badly is read again upside down instead, and the better reading kept.
    # Upside-down pages cost twice; upright ones almost nothing.
    retry = [i for i, (_, score) in enumerate(results) if score < _RETRY_BELOW]
    turned = _read_flipped(eng, crops, retry, results, deadline)
    height, width = img.shape[:2]
    if turned > sum(len(text) for text, _ in results) / 2:
        # most of the text was upside down: so is the page, and its reading order;
        # lines that read well enough either way ("【】" for "【工作经历】") are read
        # the right way up too
        done = set(retry)
        rest = [i for i in range(len(crops)) if i not in done]
        _read_flipped(eng, crops, rest, results, deadline)
        quads = np.array([width, height], dtype=np.float64) - quads[:, [2, 3, 0, 1]]
        turns += 2
    quads = _deskew(quads, width / 2, height / 2)
    lines = []
    for quad, (text, score) in zip(quads, results, strict=True):
        xs, ys = quad[:, 0], quad[:, 1]
        lines.append(OcrLine(text, score, xs.min(), ys.min(), xs.max(), ys.max()))
    return lines, turns


def _detect(eng: Any, img: Any) -> tuple[Any, list[Any], Any] | None:
    """Text line boxes: the picture the detector saw, its boxes, and the boxes
    mapped back onto ``img`` (an (n, 4, 2) array: top-left, top-right,
    bottom-right, bottom-left); ``None`` when there is no text."""
    import numpy as np

    work, ratio_h, ratio_w = eng.preprocess(img)
    work, record = eng.maybe_add_letterbox(work, {})
    boxes, _ = eng.auto_text_det(work)
    if boxes is None or len(boxes) == 0:
        return None
    pad_top = record.get("padding_1", {}).get("top", 0)
    quads = np.asarray(boxes, dtype=np.float64).reshape(-1, 4, 2)
    quads[:, :, 0] *= ratio_w
    quads[:, :, 1] = (quads[:, :, 1] - pad_top) * ratio_h
    return work, boxes, quads


def _sideways(quads: Any) -> bool:
    """Whether most long line boxes stand upright (text running down the page)."""
    import numpy as np

    width = np.hypot(*(quads[:, 1] - quads[:, 0]).T)
    height = np.hypot(*(quads[:, 3] - quads[:, 0]).T)
    return int((height > 2 * width).sum()) > int((width > 2 * height).sum())


def _deskew(quads: Any, cx: float, cy: float) -> Any:
    """Turn the line boxes of a page photographed askew upright.

    The boxes follow the text's slant (top-left, top-right, bottom-right,
    bottom-left). Upright boxes around slanted lines would be taller than the
    lines and overlap their neighbours, and the layout would then interleave
    two lines; turning every box by the page's median slant keeps them apart.
    """
    import numpy as np

    top = quads[:, 1] - quads[:, 0]
    width = np.hypot(top[:, 0], top[:, 1])
    height = np.hypot(*(quads[:, 3] - quads[:, 0]).T)
    long = width > 3 * height  # short boxes give no reliable slant
    if not long.any():
        return quads
    angle = float(np.median(np.arctan2(top[long, 1], top[long, 0])))
    if abs(angle) < math.radians(0.2):
        return quads
    c, s = math.cos(-angle), math.sin(-angle)
    x, y = quads[:, :, 0] - cx, quads[:, :, 1] - cy
    out = np.empty_like(quads)
    out[:, :, 0] = cx + c * x - s * y
    out[:, :, 1] = cy + s * x + c * y
    return out


def _read_lines(
    eng: Any,
    crops: Sequence[Any] | dict[int, Any],
    which: Sequence[int],
    results: list[tuple[str, float]],
    deadline: float,
) -> None:
    """Recognise ``crops[i]`` for ``i`` in ``which`` into ``results[i]``, a chunk at a time."""
    # narrowest first, as the recogniser batches them, so that each batch pads little
    order = sorted(which, key=lambda i: crops[i].shape[1] / crops[i].shape[0])
    for start in range(0, len(order), _REC_CHUNK):
        chunk = order[start : start + _REC_CHUNK]
        rec, _ = eng.text_rec([crops[i] for i in chunk], False)
        for i, res in zip(chunk, rec, strict=True):
            results[i] = (str(res[0]), float(res[1]))
        _check(deadline)


def _read_flipped(
    eng: Any,
    crops: Sequence[Any],
    which: Sequence[int],
    results: list[tuple[str, float]],
    deadline: float,
) -> int:
    """Read ``crops[i]`` upside down too; keep the better reading in ``results[i]``.

    Returns the characters of the lines that read better upside down.
    """
    import numpy as np

    if not which:
        return 0
    first = list(results)
    flipped = {i: np.ascontiguousarray(np.rot90(crops[i], 2)) for i in which}
    _read_lines(eng, flipped, which, results, deadline)
    turned = 0
    for i in which:
        if first[i][1] >= results[i][1]:
            results[i] = first[i]
        else:
            turned += len(results[i][0])
    return turned


def _glyph_width(ch: str) -> float:
    # in ems: Chinese and full-width forms are square, Latin letters and digits about half
    return 0.55 if ch.isascii() else 1.0


def line_chars(lines: Sequence[OcrLine], scale: float) -> list[Any]:
    """Glyph boxes in points for the layout: each line's box shared out by width.

    Lines scored below :data:`MIN_LINE_SCORE` and empty ones are left out;
    ``scale`` is :attr:`OcrPage.points_per_pixel`.
    """
    from rolematch.io._layout import Char

    chars = []
    for line in lines:
        if line.score < MIN_LINE_SCORE or not line.text.strip():
            continue
        x0, x1 = line.x0 * scale, line.x1 * scale
        top, bottom = line.top * scale, line.bottom * scale
        # the detector's box is about one em high; its height is the font size
        size = bottom - top
        units = [(ch, _glyph_width(ch)) for ch in line.text]
        total = sum(w if not ch.isspace() else 0.3 for ch, w in units) or 1.0
        step = (x1 - x0) / total
        x, space = x0, False
        for ch, w in units:
            if ch.isspace():
                x += 0.3 * step
                space = True
                continue
            chars.append(Char(ch, x, top, x + w * step, bottom, size, space))
            x += w * step
            space = False
    return chars


def ocr_image(
    image: Any, *, number: int = 1, points_per_pixel: float = 1.0, timeout: float | None = None
) -> OcrPage:
    """Read one picture of a page.

    Parameters
    ----------
    image : ndarray or PIL.Image.Image
        Greyscale (H, W) or BGR (H, W, 3) ``uint8`` array, or a PIL image;
        at most :data:`MAX_SIDE` pixels on the long side is best.
    number : int
        Page number to record.
    points_per_pixel : float
        Size of a pixel in points (``72 / dpi``), so that the layout's
        thresholds see the same page as for a text layer.
    timeout : float, optional
        Seconds the page may take; default :func:`page_timeout`.

    Returns
    -------
    OcrPage
        With ``error`` set (and no text) when the time limit was reached.

    Raises
    ------
    MissingDependencyError
        If the OCR engine cannot be imported.
    """
    from rolematch.io._layout import layout_text
    from rolematch.sections import is_heading_line

    if hasattr(image, "getbands"):  # a PIL image
        image = _pil_to_array(image)
    limit = page_timeout() if timeout is None else timeout
    page = OcrPage(number, points_per_pixel=points_per_pixel)
    with _LOCK:
        eng = engine()  # loading it (once) is not the page's time
        start = time.monotonic()
        try:
            page.lines, page.turns = _recognise(eng, image, start + limit)
        except _Timeout:
            page.error = f"time limit of {limit:g} s per page reached"
    page.seconds = time.monotonic() - start
    if page.error:
        return page
    weight = sum(len(ln.text.strip()) for ln in page.lines)
    if weight:
        page.confidence = sum(ln.score * len(ln.text.strip()) for ln in page.lines) / weight
    page.text = layout_text(line_chars(page.lines, points_per_pixel), is_heading=is_heading_line)
    return page


def _pil_to_array(img: Any) -> Any:
    import numpy as np
    from PIL import Image

    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        # transparent screenshots: dark text on nothing would turn black on black
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return np.asarray(img.convert("L"))


def _shrink(img: Any) -> Any:
    from PIL import Image

    if max(img.size) <= MAX_SIDE:
        return img
    scale = MAX_SIDE / max(img.size)
    size = (max(1, round(img.size[0] * scale)), max(1, round(img.size[1] * scale)))
    return img.resize(size, Image.Resampling.LANCZOS)


# ---------------------------------------------------------------------------
# files


def ocr_pdf_pages(
    data: bytes,
    numbers: Sequence[int],
    *,
    hide_text: Collection[int] = (),
    dpi: float = RENDER_DPI,
    timeout: float | None = None,
) -> list[OcrPage]:
    """Render PDF pages with pypdfium2 and read them.

    Parameters
    ----------
    data : bytes
        The PDF file (already opened once by the text-layer pass).
    numbers : sequence of int
        1-based pages to read.
    hide_text : collection of int
        Pages rendered without their text objects: only their pictures and
        drawings are read, so that the text layer kept beside them is not read
        a second time.
    dpi : float
        Rendering resolution; pages larger than A4 are rendered smaller so that
        the long side stays within :data:`MAX_SIDE` pixels.
    timeout : float, optional
        Seconds per page; default :func:`page_timeout`.

    Returns
    -------
    list of OcrPage
        One per number, in order.
    """
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for number in numbers:
            page = doc[number - 1]
            try:
                if number in hide_text:
                    _drop_text(page.raw)
                width, height = page.get_size()
                scale = min(dpi / 72, MAX_SIDE / max(width, height, 1.0))
                # typed-on text (form fields, FreeText) is in the text layer too
                bitmap = page.render(
                    scale=scale, grayscale=True, draw_annots=number not in hide_text
                )
                try:
                    array = bitmap.to_numpy().copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
            if array.ndim == 3:
                array = array[:, :, 0]
            out.append(ocr_image(array, number=number, points_per_pixel=1 / scale, timeout=timeout))
    finally:
        doc.close()
    return out


def _drop_text(container: Any, form: bool = False, depth: int = 0) -> None:
    """Take the text objects off a page (or out of a form XObject) before rendering.

    PDFium renders the objects it holds, so the page's content stream need not be
    written again; the document is never saved.
    """
    import pypdfium2.raw as pdfium_c

    if form:
        count, get = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
        remove = pdfium_c.FPDFFormObj_RemoveObject
    else:
        count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
        remove = pdfium_c.FPDFPage_RemoveObject
    for i in reversed(range(count(container))):
        obj = get(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if remove(container, obj):
                pdfium_c.FPDFPageObj_Destroy(obj)  # removed objects are ours to free
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            _drop_text(obj, True, depth + 1)  # a watermark or a stamp may be a form


def ocr_image_file(
    data: bytes, path: str | Path, *, max_pages: int = MAX_OCR_PAGES, timeout: float | None = None
) -> tuple[list[OcrPage], int]:
    """Read an image file (PNG, JPEG, WebP, TIFF, GIF, BMP); TIFF pages in order.

    Phone photos are turned upright by their EXIF orientation and scaled down to
    :data:`MAX_SIDE` pixels; transparency is put on white.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : str or Path
        For error messages.
    max_pages : int
        Frames of a multi-page TIFF to read at most.
    timeout : float, optional
        Seconds per page; default :func:`page_timeout`.

    Returns
    -------
    (list of OcrPage, int)
        The pages read and the number of pages (frames) in the file.

    Raises
    ------
    ExtractionError
        ``corrupt`` for an image that does not decode, ``unsupported`` for one
        larger than :data:`MAX_IMAGE_PIXELS`.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    with warnings.catch_warnings():
        # the size is checked below, before any pixel is decoded
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))
        except UnidentifiedImageError as e:
            raise ExtractionError(
                path,
                "damaged image: not a PNG, JPEG, WebP, TIFF, GIF or BMP picture",
                status="corrupt",
            ) from e
        except (Image.DecompressionBombError, OSError, ValueError) as e:
            raise ExtractionError(path, f"damaged image: {e}", status="corrupt") from e
        width, height = img.size
        if width * height > MAX_IMAGE_PIXELS:
            raise ExtractionError(
                path,
                f"image of {width}x{height} pixels is too large to read "
                f"(at most {MAX_IMAGE_PIXELS / 1e6:g} megapixels)",
                status="unsupported",
            )
        # GIF frames are animation, not pages; TIFF frames are the pages of a fax or scan
        frames = getattr(img, "n_frames", 1) if img.format == "TIFF" else 1
        recorded = img.info.get("dpi", (0, 0))
        out = []
        for index in range(min(frames, max_pages)):
            try:
                img.seek(index)
                if img.format == "JPEG":
                    img.draft("L", (MAX_SIDE, MAX_SIDE))  # decode a phone photo at 1/2..1/8
                frame = ImageOps.exif_transpose(img)
                frame.load()
            except (OSError, ValueError, EOFError) as e:
                raise ExtractionError(path, f"damaged image: {e}", status="corrupt") from e
            shrunk = _shrink(frame)
            # scanners record their resolution; photos and screenshots do not: take
            # the picture's width as an A4 page's, the most common case
            try:
                dpi = float(recorded[0]) * max(shrunk.size) / max(width, height)
            except (TypeError, ValueError, IndexError, ZeroDivisionError):
                dpi = 0.0
            points = 72 / dpi if 50 <= dpi <= 1200 else 595 / shrunk.size[0]
            out.append(
                ocr_image(
                    _pil_to_array(shrunk),
                    number=index + 1,
                    points_per_pixel=points,
                    timeout=timeout,
                )
            )
    return out, frames
