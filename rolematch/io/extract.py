"""Résumé files -> :class:`~rolematch.documents.Resume`. The only résumé reader.

:func:`read_resume` never raises for a bad file. Every file gets one record: an
``ok`` résumé, or a status and a reason a person can act on:

============  ==============================================================
status        when
============  ==============================================================
empty         0 bytes, or no text at all (blank pages, whitespace)
corrupt       damaged or truncated PDF/.docx/MHT/RTF, binary data named .txt
encrypted     password-protected PDF or Office file
unreadable    no usable text layer (scan, undecodable fonts) or an image, and
              OCR off, failed or found no text;
              text of unknown encoding; missing or unreadable file, broken
              symbolic link
unsupported   legacy .doc, other file types, folders,
              FIFOs, sockets and devices (never opened)
error         a parser failed in a way not foreseen here
============  ==============================================================

The file's bytes decide its type, not its name: a PNG renamed ``.pdf`` is read as an
image, a PDF named ``.txt`` as a PDF, text without a suffix or saved as ``.pdf``,
``.docx``, ``.doc`` or ``.rtf`` as text, a web page (HTML, MHT: a job board's export,
Word's "Save as Web Page", a failed download) named ``.doc``, ``.pdf`` or ``.txt`` as a
web page, an RTF file named ``.doc`` (WPS) as RTF, each with a ``type_mismatch``
warning. Content (bytes, a binary file object: an upload, an S3 object) is read the
same way (:mod:`rolematch.io._path_bytes`), named by ``filename=`` or typed by the
content alone; the source is then ``<bytes>``.

Web pages (.html, .htm, .mht, .mhtml: :mod:`rolematch.io._html`) and RTF documents
(.rtf: :mod:`rolematch.io._rtf`) are read as their visible text, hidden elements left
out and counted (``hidden_text: N chars excluded``); ``rolematch score``'s own HTML
report is ``unsupported``. A text file holding a web page's source is read as its text,
the tags removed and counted (``markup: N HTML tags removed``). An e-mail saved as .eml
is read as its résumé attachment, or else its text (:mod:`rolematch.io._eml`).

OCR (:mod:`rolematch.io._ocr`, on unless ``ocr=False``): pages :func:`pdf_pages` flags
``needs_ocr`` (an image without a text layer, undecodable glyphs, an image under a thin
text layer) and image files are rendered and read by offline Chinese OCR; a thin text
layer is kept, laid out with the OCR lines of its page (:mod:`rolematch.io._ocr_text`).
``meta["page_methods"]`` says how each page was read (``text_layer``, ``ocr``,
``text_layer+ocr``), ``meta["ocr_confidence"]`` OCR's mean confidence, and ``warnings``
which pages OCR read (``ocr: …``), read with low confidence (``ocr_low_confidence: …``),
gave up on (``ocr_failed: …``, ``ocr_skipped: …``) or were not read (``needs_ocr: …``).
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolematch.documents import Resume
from rolematch.exceptions import ExtractionError, MissingDependencyError
from rolematch.io._ocr_text import ocr_warnings
from rolematch.io._own_outputs import own_output
from rolematch.io._path_bytes import BinaryReadable, resume_input
from rolematch.io._wraps import join_text_wraps
from rolematch.sections import build_resume, is_heading_line

if TYPE_CHECKING:
    from rolematch.io._html import WebText
    from rolematch.io._ocr import OcrPage
    from rolematch.io._pdf import PdfText
    from rolematch.io._rtf import RtfText

__all__ = [
    "IMAGE_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "WEB_SUFFIXES",
    "check_read_options",
    "pdf_pages",
    "read_resume",
    "sniff",
    "source_name",
]

#: Suffixes of web pages, read as their visible text (also when named .doc or .pdf).
WEB_SUFFIXES = (".html", ".htm", ".mht", ".mhtml", ".xhtml")
#: File types read as résumés with or without OCR.
SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".rtf", *WEB_SUFFIXES, ".eml")
#: Archives, which résumés often come in: never opened, each a row saying to extract it.
ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst")
_ARCHIVE_REASON = "a {} archive: archives are not opened; extract it and score the résumés inside"
_DOC_REASON = "legacy Word 97-2003 (.doc) format; save it as .docx or PDF"
_UNNAMED = "(bytes without a filename, of no type their content shows: pass filename=)"
#: Image files: read by OCR (unless ``ocr=False``: then reported as needing it).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")

#: A document needs at least this many usable characters to count as read.
MIN_DOCUMENT_CHARS = 20

_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"BM", "bmp"),
    (b"{\\rtf", "rtf"),
)
#: What a suffix says a file is; Word's macro-enabled documents and templates are .docx inside.
_NAMED = {".pdf": "pdf", ".txt": "txt", ".rtf": "rtf"} | dict.fromkeys(
    (".docx", ".docm", ".dotx", ".dotm"), "docx"
)
#: names under which text is read as text (with a type_mismatch warning): no suffix, and
#: the document types a CV's text is wrongly saved as
_TEXT_AS_DOCUMENT = ("", ".doc", *_NAMED)
_IMAGES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "tiff": "TIFF", "bmp": "BMP", "webp": "WebP"}


def source_name(path: str | Path) -> str:
    """The path as the record names it: valid Unicode, whatever the file system holds.

    A file name whose bytes are not UTF-8 reaches Python with lone surrogates
    (``surrogateescape``), which no report writer, hash or cache key accepts; such
    bytes are written as ``\\xNN`` escapes instead, so the name stays unique and
    readable.

    Examples
    --------
    >>> source_name("cv/张三.pdf")
    'cv/张三.pdf'
    >>> source_name(os.fsdecode(b"cv/\\xd5\\xc5.pdf"))
    'cv/\\\\xd5\\\\xc5.pdf'
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def sniff(data: bytes) -> str | None:
    """The file type the bytes show, or ``None`` when they show none.

    Returns one of ``pdf``, ``zip``, ``ole`` (legacy Office), ``png``, ``jpeg``,
    ``gif``, ``tiff``, ``bmp``, ``webp``, ``rtf``.

    Examples
    --------
    >>> sniff(b"%PDF-1.7 ..."), sniff(b"\\x89PNG\\r\\n\\x1a\\n...."), sniff("简历".encode())
    ('pdf', 'png', None)
    """
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    # some PDF writers put junk (a BOM, an HTTP header) before the signature
    if b"%PDF-" in data[:1024]:
        return "pdf"
    return None


def check_read_options(max_pages: Any, redact: Any, ocr: Any, caller: str) -> None:
    """Raise ValueError, naming ``caller``'s parameter, unless the reading options are valid.

    Checked once before a batch starts too: inside one, a bad option would make every
    file an ``error`` record instead of one clear message.
    """
    if isinstance(max_pages, bool) or not isinstance(max_pages, int) or max_pages < 1:
        raise ValueError(
            f"The 'max_pages' parameter of {caller} must be an int >= 1. Got {max_pages!r} instead."
        )
    for option, flag in (("redact", redact), ("ocr", ocr)):
        if not isinstance(flag, bool):  # 'no' is truthy: it would have redacted
            raise ValueError(
                f"The '{option}' parameter of {caller} must be a bool. Got {flag!r} instead."
            )


def read_resume(
    path: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryReadable,
    *,
    filename: str | os.PathLike[str] | None = None,
    max_pages: int = 50,
    redact: bool = True,
    ocr: bool = True,
) -> Resume:
    """Read one résumé file, or a file's content; never raises for a bad file.

    Parameters
    ----------
    path : str, Path, bytes or binary file object
        A .pdf, .docx, .txt, .rtf file, a web page (.html, .htm, .mht, .mhtml), or an
        image (.png, .jpg, .webp, .tif …). Or the file's content, read as the file
        would be: ``bytes`` (a web upload, an S3 object) or a file object opened in
        binary mode (``open(p, "rb")``, ``io.BytesIO``), read from where it stands and
        left open. A text-mode file object is a ``TypeError``.
    filename : str or Path, optional
        The file's name, for content without one (``upload.filename``): the record's
        ``source`` shows it and its suffix says the type, as a path's would. Without
        it, a file object's ``filename`` (Flask/Werkzeug uploads) or ``name``, else
        the source is ``"<bytes>"`` and the content alone says the type (PDF, .docx,
        RTF, web page, image, plain text); content of no type it shows is
        ``unsupported``, as a file of an unknown suffix is. With a path, the name
        shown instead of the path.
    max_pages : int
        Pages of a PDF to read at most; longer files are cut with a warning
        ``truncated: read 50 of 150 pages``.
    redact : bool
        Cut personal data out of the text the scorer sees (it stays in
        ``Resume.personal``).
    ocr : bool
        Read scanned pages (also a scan under a thin text layer), pages whose
        fonts no backend decodes, and image files with OCR. ``False`` leaves such
        files ``unreadable``, with the reason;
        a thin text layer is read alone, with a ``needs_ocr`` warning.

    Returns
    -------
    Resume
        ``status == "ok"`` or a failure status with ``reason`` (see the module
        docstring). ``meta`` holds ``sha256`` of the file's bytes whenever they
        could be read, ``backend`` (``pdfium``, ``pdfplumber``, ``ocr`` or a
        ``+``-joined mix, ``docx``, ``txt``, ``html``, ``mht``, ``rtf``), for PDFs and
        images ``page_backends``,
        ``page_methods`` (``text_layer``, ``ocr``, or ``text_layer+ocr`` for a thin
        text layer with the OCR of its picture, per page), ``pages_total`` and
        ``needs_ocr_pages`` (pages without a usable text layer or with a thin one
        over a picture, read by OCR or not), ``ocr_confidence`` when OCR read a
        page, for text files, web pages and
        RTF ``encoding``.

    Raises
    ------
    TypeError
        If ``path`` is none of these, a text-mode file object, or bytes that name a
        file (pass a path as a str).
    ValueError
        If ``max_pages`` is not a positive integer, ``redact`` or ``ocr`` not a bool,
        ``filename`` not a str, or ``path`` a closed file (a programming error, not a
        bad file).

    Examples
    --------
    >>> read_resume("no/such/cv.pdf").status
    'unreadable'
    >>> upload = "【工作经历】\\n负责手机银行运营。".encode("gbk")  # an upload's bytes
    >>> r = read_resume(upload, filename="张三.txt")
    >>> r.source, r.sentences[0].text, r.meta["encoding"]
    ('张三.txt', '负责手机银行运营。', 'gb18030')
    >>> read_resume(upload).source
    '<bytes>'
    """
    check_read_options(max_pages, redact, ocr, "read_resume")
    name, named, read = resume_input(path, filename)
    source = source_name(name)
    try:
        data = read()
    except ExtractionError as e:
        return Resume.failed(source, e.status, e.reason)
    meta: dict[str, Any] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    try:
        return _read(
            name, data, meta, max_pages=max_pages, redact=redact, ocr=ocr, unnamed=not named
        )
    except ExtractionError as e:
        return Resume.failed(source, e.status, e.reason, meta=meta)
    except Exception as e:  # noqa: BLE001 - a parser's own failure on a damaged file
        return Resume.failed(source, "error", f"{type(e).__name__}: {e}", meta=meta)


def pdf_pages(path: str | Path, *, max_pages: int = 50) -> PdfText:
    """Each page of a PDF: laid-out text and whether it needs OCR (the OCR seam).

    Parameters
    ----------
    path : str or Path
        A PDF file.
    max_pages : int
        Pages to read at most.

    Returns
    -------
    PdfText
        ``pages``: one :class:`~rolematch.io._pdf.PageText` per page read, with
        ``text``, ``backend``, ``chars``, ``hidden``, ``undecodable``,
        ``needs_ocr`` and ``ocr_reason``; ``page_count``; ``warnings``.

    Raises
    ------
    ExtractionError
        ``corrupt`` or ``encrypted`` PDFs, or a file that is not a PDF
        (``unsupported``).
    OSError
        If the file cannot be read.
    """
    from rolematch.io._pdf import extract_pdf

    path = Path(path)
    data = path.read_bytes()
    if sniff(data) != "pdf":
        raise ExtractionError(path, "not a PDF", status="unsupported")
    return extract_pdf(data, path, max_pages=max_pages)


def _read(
    path: Path,
    data: bytes,
    meta: dict[str, Any],
    *,
    max_pages: int,
    redact: bool,
    ocr: bool,
    unnamed: bool = False,
) -> Resume:
    """``data`` read as its content says, ``path`` naming it; content ``unnamed`` (bytes
    without a filename) has no name for the content to mismatch."""
    source = source_name(path)
    suffix = path.suffix.lower()
    if not data:
        raise ExtractionError(path, "empty file (0 bytes)", status="empty")
    kind = sniff(data)
    if why := own_output(suffix, data):  # a report rolematch wrote, left among the résumés
        raise ExtractionError(path, why, status="unsupported")
    warnings: list[str] = []
    named = _NAMED.get(suffix)
    if suffix == ".eml" and kind is None:  # a CV that came by mail: its attachment or text
        from rolematch.io._eml import read_eml

        read = functools.partial(_read, meta=meta, max_pages=max_pages, redact=redact, ocr=ocr)
        readable = SUPPORTED_SUFFIXES + (IMAGE_SUFFIXES if ocr else ())
        return replace(read_eml(path, data, read, readable), source=source)

    if kind in _IMAGES:
        what = f"image file ({_IMAGES[kind]})"
        what = f"not a PDF ({_IMAGES[kind]} image)" if suffix == ".pdf" else what
        if not ocr:
            raise ExtractionError(
                path,
                f"{what}; reading images needs OCR, which is not enabled",
                status="unreadable",  # as a scanned PDF's: one remedy, one status
            )
        if suffix not in IMAGE_SUFFIXES:
            warnings += _mismatch(suffix, unnamed, f"{_IMAGES[kind]} image")
        return _read_image(path, data, meta, warnings, what, max_pages=max_pages, redact=redact)
    if kind == "ole":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ExtractionError(path, "password-protected Office document", status="encrypted")
        raise ExtractionError(
            path,
            "legacy Word 97-2003 (.doc), WPS (.wps) or other OLE Office format; "
            "save it as .docx or PDF",
            status="unsupported",
        )
    if kind == "rtf":
        if named != "rtf":  # WPS saves "Word" documents as RTF named .doc
            warnings += _mismatch(suffix, unnamed, "RTF")
        return _read_markup(path, data, meta, warnings, redact=redact)
    if kind == "zip" and named != "docx":
        if b"word/document.xml" not in data:
            from rolematch.io._docx import not_word

            why = _ARCHIVE_REASON.format(suffix) if suffix in ARCHIVES else not_word(data)
            raise ExtractionError(path, why, status="unsupported")
        warnings += _mismatch(suffix, unnamed, ".docx")
    if kind == "pdf" and named != "pdf":
        warnings += _mismatch(suffix, unnamed, "PDF")

    if kind == "pdf":
        return _read_pdf(path, data, meta, warnings, max_pages=max_pages, redact=redact, ocr=ocr)
    if kind == "zip":
        from rolematch.io._docx import ocr_docx, read_docx

        meta["backend"] = "docx"
        text, hidden = read_docx(data, path, margins=True)
        warnings += _hidden(hidden)
        text = ocr_docx(data, path, text, meta, warnings, ocr=ocr, max_pages=max_pages)
        return _finish(
            build_resume(source, [text], warnings=warnings, meta=meta, redact=redact, paged=False)
        )
    from rolematch.io._html import web_page_kind

    page = web_page_kind(data) if kind is None else None
    if page or (kind is None and suffix in WEB_SUFFIXES):  # or a fragment (<div>…)
        if suffix not in WEB_SUFFIXES:
            # job boards (智联, 前程无忧 …) and Word's "Save as Web Page" export CVs as .doc
            warnings += _mismatch(suffix, unnamed, f"a web page ({page})")
        return _read_markup(path, data, meta, warnings, redact=redact)
    if suffix in _TEXT_AS_DOCUMENT and not page and _plain_text(data):
        named = "txt"  # a CV saved without a suffix, or its text saved as .pdf/.docx/.doc
    if named == "pdf":
        raise ExtractionError(
            path, "not a PDF (no %PDF signature; damaged or another format)", status="corrupt"
        )
    if path.name.startswith("~$"):
        raise ExtractionError(
            path,
            "an Office lock file (~$…), which Word keeps beside an open document; "
            "not the document itself",
            status="unsupported",
        )
    if named == "docx":
        raise ExtractionError(path, "damaged .docx: not a ZIP container", status="corrupt")
    if named == "rtf":
        raise ExtractionError(path, "damaged RTF: no {\\rtf signature", status="corrupt")
    if named == "txt":
        from rolematch.io._txt import decode_text, strip_markup

        if _NAMED.get(suffix) != "txt":
            warnings += _mismatch(suffix, unnamed, "text")
        text, encoding = decode_text(data, path, warnings)
        text, tags, hidden = strip_markup(text)
        if tags:  # a GitHub Pages or blog CV's source saved as text
            warnings.append(f"markup: {tags} HTML tags removed")
        warnings += _hidden(hidden)
        text = join_text_wraps(text, is_heading_line)[0]  # copied from a PDF viewer
        meta.update(backend="txt", encoding=encoding)
        return _finish(
            build_resume(source, [text], warnings=warnings, meta=meta, redact=redact, paged=False)
        )
    if suffix == ".doc" or suffix in ARCHIVES:  # archives: résumés often come packed
        why = _ARCHIVE_REASON.format(suffix) if suffix in ARCHIVES else _DOC_REASON
        raise ExtractionError(path, why, status="unsupported")
    if suffix in IMAGE_SUFFIXES:
        if ocr:  # a format PIL may still know, or a damaged image: it says which
            return _read_image(
                path, data, meta, warnings, "image file", max_pages=max_pages, redact=redact
            )
        raise ExtractionError(
            path, "image file; reading images needs OCR, which is not enabled", status="unreadable"
        )
    supported = ", ".join(SUPPORTED_SUFFIXES + (IMAGE_SUFFIXES if ocr else ()))
    what = f"'{suffix or '(none)'}'" if not unnamed else _UNNAMED
    raise ExtractionError(
        path, f"unsupported file type {what}; supported: {supported}", status="unsupported"
    )


def _mismatch(suffix: str, unnamed: bool, content: str) -> list[str]:
    """The warning that the name says another type than the content, if there is a name."""
    if unnamed:
        return []
    return [f"type_mismatch: named {suffix or 'without suffix'} but content is {content}"]


def _plain_text(data: bytes) -> bool:
    """Whether the bytes of a file without a suffix are text (a CV saved without one)."""
    from rolematch.io._txt import decode_text, textual_share

    try:
        text, _ = decode_text(data[:65536])
    except ExtractionError:
        return False
    return textual_share(text) >= 0.95


def _hidden(chars: int) -> list[str]:
    return [f"hidden_text: {chars} chars excluded"] if chars else []  # every format's wording


def _finish(resume: Resume) -> Resume:
    if resume.status == "empty" and resume.reason == "no text":
        return Resume.failed(
            resume.source,
            "empty",
            "the file contains no text",
            warnings=resume.warnings,
            meta=resume.meta,
        )
    return resume


def _read_markup(
    path: Path, data: bytes, meta: dict[str, Any], warnings: list[str], *, redact: bool
) -> Resume:
    """A web page's or an RTF document's visible text, as a résumé."""
    if sniff(data) == "rtf":
        from rolematch.io._rtf import read_rtf

        doc: RtfText | WebText = read_rtf(data, path)
        backend = "rtf"
    else:
        from rolematch.io._html import is_rolematch_report, read_web_page

        if is_rolematch_report(data):
            why = "a rolematch report (the .html that rolematch score -o writes), not a résumé"
            raise ExtractionError(path, why, status="unsupported")
        page = read_web_page(data, path)
        doc, backend = page, "mht" if page.kind.startswith("MHT") else "html"
    meta.update(backend=backend, encoding=doc.encoding)
    warnings.extend(doc.warnings)
    warnings += _hidden(doc.hidden)
    resume = build_resume(
        source_name(path), [doc.text], warnings=warnings, meta=meta, redact=redact, paged=False
    )
    return _finish(resume)


def _read_pdf(
    path: Path,
    data: bytes,
    meta: dict[str, Any],
    warnings: list[str],
    *,
    max_pages: int,
    redact: bool,
    ocr: bool,
) -> Resume:
    from rolematch.io._pdf import extract_pdf

    pdf = extract_pdf(data, path, max_pages=max_pages)
    pages = pdf.pages
    scan = [p for p in pages if p.needs_ocr]
    texts = [p.text for p in pages]
    chars = [p.chars for p in pages]
    methods = ["text_layer"] * len(pages)
    read: list[OcrPage] = []
    looked: set[int] = set()  # pages OCR read, whether or not it found anything
    thin: dict[int, int] = {}  # thin text layers OCR added to: page -> layer chars
    not_read = ""  # why OCR read none of the pages that need it
    if scan and ocr:
        from rolematch.io._ocr import MAX_OCR_PAGES, ocr_pdf_pages
        from rolematch.io._ocr_text import join_thin_layer

        todo = scan[:MAX_OCR_PAGES]
        if len(scan) > len(todo):
            warnings.append(
                f"ocr_skipped: {len(scan) - len(todo)} of {len(scan)} pages that need OCR "
                f"not read (at most {MAX_OCR_PAGES} per file)"
            )
        try:
            hide = {p.number for p in todo if p.thin_layer}
            results = ocr_pdf_pages(data, [p.number for p in todo], hide_text=hide)
        except MissingDependencyError as e:
            not_read = f"it needs OCR, which is unavailable: {e}"
        else:
            for page, result in zip(todo, results, strict=True):
                i = page.number - 1
                if result.error:
                    warnings.append(f"ocr_failed: page {page.number}: {result.error}")
                    not_read = not_read or f"OCR failed: {result.error}"
                    continue
                looked.add(page.number)
                if page.thin_layer:
                    joined = join_thin_layer(page, result)
                    if joined is not None:
                        texts[i], chars[i] = joined
                        methods[i], thin[page.number] = "text_layer+ocr", page.chars
                        read.append(result)
                # the reading with more text wins; OCR sees only the ink, decodable or not
                elif result.chars >= page.chars:
                    texts[i], chars[i], methods[i] = result.text, result.chars, "ocr"
                    read.append(result)
    elif scan:
        not_read = "it needs OCR, which is not enabled"
    backends = [
        {"ocr": "ocr", "text_layer+ocr": f"{p.backend}+ocr"}.get(m, p.backend)
        for p, m in zip(pages, methods, strict=True)
    ]
    meta.update(
        backend="+".join(dict.fromkeys(backends)) or "pdfium",
        page_backends=backends,
        page_methods=methods,
        pages_total=pdf.page_count,
        needs_ocr_pages=[p.number for p in scan],
    )
    warnings.extend(pdf.warnings)
    hidden = sum(p.hidden for p in pages)
    # glyphs of a page that OCR read were read after all, as ink
    undecodable = sum(p.undecodable for p, m in zip(pages, methods, strict=True) if m != "ocr")
    usable = sum(chars)
    warnings += _hidden(hidden)
    if undecodable:
        warnings.append(f"undecodable_glyphs: {undecodable} glyphs without a Unicode map dropped")
    ocr_warnings(read, meta, warnings, pages=len(pages), thin=thin)
    source = source_name(path)
    common: dict[str, Any] = {"pages": len(pages), "warnings": tuple(warnings), "meta": meta}
    if usable < MIN_DOCUMENT_CHARS:
        if scan:
            why = f"no usable text layer: {scan[0].ocr_reason}"
            if read or not not_read:
                found = sum(r.chars for r in read)
                not_read = f"OCR found {f'only {found} characters of' if found else 'no'} text"
            return Resume.failed(source, "unreadable", f"{why}; {not_read}", **common)
        if hidden:
            return Resume.failed(
                source, "unreadable", f"all text is invisible ({hidden} chars hidden)", **common
            )
        if pdf.page_count == 0:
            return Resume.failed(source, "empty", "the PDF has no pages", **common)
        return Resume.failed(source, "empty", "no text on any page", **common)
    for page in pages:
        if page.thin_layer and page.number not in looked:
            warnings.append(
                f"needs_ocr: page {page.number}: {page.ocr_reason}; its image was not read"
            )
        elif page.needs_ocr and not page.thin_layer and methods[page.number - 1] != "ocr":
            warnings.append(f"needs_ocr: page {page.number}: {page.ocr_reason}")
    resume = build_resume(source, texts, warnings=warnings, meta=meta, redact=redact)
    return _finish(resume)


def _read_image(
    path: Path,
    data: bytes,
    meta: dict[str, Any],
    warnings: list[str],
    what: str,
    *,
    max_pages: int,
    redact: bool,
) -> Resume:
    from rolematch.io._ocr import MAX_OCR_PAGES, ocr_image_file

    try:
        pages, frames = ocr_image_file(data, path, max_pages=min(max_pages, MAX_OCR_PAGES))
    except MissingDependencyError as e:
        raise ExtractionError(
            path,
            f"{what}; reading images needs OCR, which is unavailable: {e}",
            status="unreadable",
        ) from e
    read = [p for p in pages if not p.error]
    meta.update(
        backend="ocr",
        page_backends=["ocr"] * len(pages),
        page_methods=["ocr"] * len(pages),
        pages_total=frames,
        needs_ocr_pages=[p.number for p in pages],
    )
    if frames > len(pages):
        warnings.append(f"truncated: read {len(pages)} of {frames} pages")
    for p in pages:
        if p.error:
            warnings.append(f"ocr_failed: page {p.number}: {p.error}")
    ocr_warnings(read, meta, warnings, pages=0)
    source = source_name(path)
    found = sum(p.chars for p in read)
    if found < MIN_DOCUMENT_CHARS:
        failed = next((p.error for p in pages if p.error), "")
        why = (
            f"OCR failed: {failed}"
            if failed and not found
            else f"OCR found {f'only {found} characters of' if found else 'no'} text"
        )
        common: dict[str, Any] = {"pages": len(pages), "warnings": tuple(warnings), "meta": meta}
        return Resume.failed(source, "unreadable", f"{what}: {why}", **common)
    texts = [p.text for p in pages]
    return _finish(build_resume(source, texts, warnings=warnings, meta=meta, redact=redact))
