"""Word (.docx) résumés: paragraphs, tables and text boxes, in document order.

Macro-enabled documents (.docm), templates (.dotx, .dotm) and "Strict Open XML" files
hold the same WordprocessingML and are read alike.

python-docx gives paragraphs and tables separately; résumés interleave them (a
table of personal details between paragraphs) and often put a sidebar in a text
box, which ``Paragraph.text`` skips. This module walks the document body once:

* a paragraph gives its text, then the paragraphs of any text boxes anchored in it
  (the DrawingML copy; the VML fallback copy of the same box is skipped);
* a table row whose cells each hold one short paragraph is one line, cells
  separated by a space (``姓名 张三 性别 男``); a row with longer cells (a layout
  table: sidebar cell, main cell) gives each cell's lines in turn;
* merged cells are read once; nested tables, content controls (``w:sdt``) and custom
  XML elements around blocks, table rows or cells are followed;
* a caller may read tables its own way (``table_lines``): job postings read a table
  with a header row (岗位名称 | 岗位职责 | 任职条件) one row per posting;
* runs a reader cannot see are left out and counted, as for PDFs: hidden
  (``w:vanish``), white or near-white on a light page, or smaller than 3 pt.

A scan pasted into Word is a .docx whose body holds a picture and (almost) no text:
:func:`ocr_docx` reads its pictures by OCR (:func:`rolematch.io._ocr.ocr_image_file`,
as image files are), with the same confidence warnings.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolematch.exceptions import ExtractionError

__all__ = ["not_word", "ocr_docx", "read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _SDT, _TR, _TC = (f"{{{_W}}}{t}" for t in ("p", "tbl", "sdt", "tr", "tc"))
_SDT_CONTENT = f"{{{_W}}}sdtContent"
_CUSTOM_XML = f"{{{_W}}}customXml"
_BODY = f"{{{_W}}}body"
_ALT_CHUNK = f"{{{_W}}}altChunk"
_TXBX = f"{{{_W}}}txbxContent"
_FALLBACK = f"{{{_MC}}}Fallback"
_T, _TAB, _BR, _CR = (f"{{{_W}}}{t}" for t in ("t", "tab", "br", "cr"))
_R, _RPR = f"{{{_W}}}r", f"{{{_W}}}rPr"
_VANISH, _COLOR, _SZ, _SHD, _HIGHLIGHT = (
    f"{{{_W}}}{t}" for t in ("vanish", "color", "sz", "shd", "highlight")
)
_VAL, _FILL = f"{{{_W}}}val", f"{{{_W}}}fill"

#: Main-part content types of the Word files that hold the same XML as a .docx but that
#: python-docx refuses: macro-enabled documents (.docm) and templates (.dotx, .dotm).
_WORD_MAIN_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_MAIN_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
#: "Strict Open XML Document" (Word's Save As; ISO 29500 Strict) namespaces and the
#: Transitional ones of an ordinary .docx, which name the same elements.
_STRICT_NAMESPACES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/math",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    ),
)

#: A .docx whose XML parts inflate to more than this is refused as damaged or
#: hostile (a ZIP bomb): a long résumé's document.xml is a few hundred KB, and
#: parsing costs about ten times the XML's size in memory.
MAX_XML_BYTES = 48 * 2**20


def _light(hex_colour: str | None) -> bool:
    if not hex_colour or len(hex_colour) != 6:
        return False
    try:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return 0.299 * r + 0.587 * g + 0.114 * b >= 0.8 * 255


def _invisible(run: Any) -> bool:
    """Whether a run's own formatting hides it: vanish, white on white, < 3 pt."""
    rpr = run.find(_RPR)
    if rpr is None:
        return False
    vanish = rpr.find(_VANISH)
    if vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off"):
        return True
    size = rpr.find(_SZ)
    if size is not None and (size.get(_VAL) or "").isdigit() and int(size.get(_VAL)) < 6:
        return True  # half-points: under 3 pt
    colour = rpr.find(_COLOR)
    if colour is not None and _light(colour.get(_VAL)):
        shading, highlight = rpr.find(_SHD), rpr.find(_HIGHLIGHT)
        shaded = (
            shading is not None
            and not _light(shading.get(_FILL))
            and (shading.get(_FILL) not in (None, "auto"))
        )
        return not shaded and highlight is None
    return False


class _Reader:
    """Walks a document body; counts the characters of invisible runs it skips."""

    def __init__(self, table_lines: TableLines | None = None) -> None:
        self.hidden = 0
        self.table_lines = table_lines

    def paragraph(self, p: Any) -> str:
        """Text of a paragraph's own runs (not of text boxes anchored in it)."""
        parts: list[str] = []
        for el in p.iter(_T, _TAB, _BR, _CR, _TXBX):
            if el.tag == _TXBX or _inside_textbox(el, p):
                continue
            run = el.getparent()
            if run is not None and run.tag == _R and _invisible(run):
                if el.tag == _T:
                    self.hidden += len((el.text or "").replace(" ", ""))
                continue
            if el.tag == _T:
                parts.append(el.text or "")
            elif el.tag == _TAB:
                parts.append(" ")
            else:
                parts.append("\n")
        return "".join(parts)

    def blocks(self, container: Any) -> list[str]:
        lines: list[str] = []
        for child in container.iterchildren():
            if child.tag == _P:
                lines.extend(self.paragraph(child).split("\n"))
                for box in _textboxes(child):
                    lines.extend(self.blocks(box))
            elif child.tag == _TBL:
                lines.extend(self.table(child))
            elif child.tag == _SDT:
                for content in child.iterchildren(_SDT_CONTENT):
                    lines.extend(self.blocks(content))
            elif child.tag == _CUSTOM_XML:
                lines.extend(self.blocks(child))
        return lines

    def table(self, tbl: Any) -> list[str]:
        rows = [
            [[ln for ln in self.blocks(tc) if ln.strip()] for tc in _wrapped(tr, _TC)]
            for tr in _wrapped(tbl, _TR)
        ]
        if self.table_lines is not None and (own := self.table_lines(rows)) is not None:
            return own
        lines: list[str] = []
        for row in rows:
            cells = [cell for cell in row if cell]
            if all(len(cell) == 1 and len(cell[0]) <= 40 for cell in cells):
                if cells:
                    lines.append(" ".join(cell[0].strip() for cell in cells))
            else:
                for cell in cells:
                    lines.extend(cell)
        return lines


def _wrapped(parent: Any, tag: str) -> list[Any]:
    """The children of ``parent`` with ``tag``, also those wrapped in content controls
    (``w:sdt``: a template's repeating rows, a cell to fill in) or ``w:customXml``."""
    found: list[Any] = []
    for child in parent.iterchildren():
        if child.tag == tag:
            found.append(child)
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                found.extend(_wrapped(content, tag))
        elif child.tag == _CUSTOM_XML:
            found.extend(_wrapped(child, tag))
    return found


def _inside_textbox(el: Any, stop: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == _TXBX:
            return True
        node = node.getparent()
    return False


def _textboxes(p: Any) -> list[Any]:
    boxes = []
    for box in p.iter(_TXBX):
        node, skip = box.getparent(), False
        while node is not None and node is not p:
            if node.tag == _FALLBACK or node.tag == _TXBX:
                skip = True  # the VML copy of a DrawingML box, or a box in a box
                break
            node = node.getparent()
        if not skip:
            boxes.append(box)
    return boxes


def _as_docx(data: bytes) -> bytes:
    """A .docm, .dotx, .dotm or Strict Open XML file as the plain .docx python-docx reads.

    Their text is the same WordprocessingML; python-docx refuses the other main-part
    content types, and knows Strict's elements only by their Transitional namespaces.
    Other files are returned as they are.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        rels = zf.read("_rels/.rels") if "_rels/.rels" in names else b""
        with zf.open("word/document.xml") as f:
            head = f.read(4096)  # the root element declares its namespaces
        strict = b"purl.oclc.org/ooxml/" in rels + head
        retype = any(t in types for t in _WORD_MAIN_TYPES)
        if not strict and not retype:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
            for info in zf.infolist():
                part = zf.read(info)
                if info.filename == "[Content_Types].xml":
                    for other in _WORD_MAIN_TYPES:
                        part = part.replace(other, _DOCX_MAIN_TYPE)
                elif strict and info.filename.endswith((".xml", ".rels")):
                    for ns, transitional in _STRICT_NAMESPACES:
                        part = part.replace(ns, transitional)
                packed.writestr(info, part)
    return out.getvalue()


#: reads a table given as rows of cells, each cell its non-blank lines; None: as usual
TableLines = Callable[[list[list[list[str]]]], list[str] | None]


def read_docx(
    data: bytes,
    path: str | Path = "<bytes>",
    table_lines: TableLines | None = None,
    *,
    margins: bool = False,
) -> tuple[str, int]:
    """Text of a .docx file, one line per paragraph or table row.

    Parameters
    ----------
    data : bytes
        File content.
    path : str or Path
        Used in error messages only.
    table_lines : callable, optional
        Given each table as rows of cells (a cell: its non-blank lines), returns the
        table's lines, or None to read the table the usual way.
    margins : bool, default False
        Read the page headers and footers too: their lines go before and after the
        body's, each once, and none the body already has. Résumé templates put the
        name and contacts there, some the whole CV.

    Returns
    -------
    text : str
    hidden : int
        Characters of invisible runs left out.

    Raises
    ------
    ExtractionError
        ``corrupt`` when the file is not a ZIP container or has no Word document in it.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as e:
        raise ExtractionError(
            path,
            f"damaged .docx: not a ZIP container, so not a Word file Word can open ({e})",
            status="corrupt",
        ) from e
    names = {info.filename for info in infos}
    # The sizes in the ZIP directory bound what zipfile will inflate (it stops at the
    # declared size), so checking them before reading is enough against a ZIP bomb.
    xml = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise ExtractionError(
            path,
            f"damaged or hostile .docx: its text parts inflate to {xml / 2**20:.0f} MB "
            f"(a résumé has well under {MAX_XML_BYTES // 2**20} MB; a ZIP bomb?)",
            status="corrupt",
        )
    if "word/document.xml" not in names:
        raise ExtractionError(
            path,
            "not a Word document: the ZIP container has no word/document.xml",
            status="corrupt",
        )
    import docx

    try:
        document = docx.Document(io.BytesIO(_as_docx(data)))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on bad XML
        detail = f"{type(e).__name__}: {e}"
        if "entit" in str(e).lower():
            why = (
                "hostile .docx: its XML declares entities that expand without bound "
                "(a 'billion laughs' file; Word never writes these)"
            )
        else:
            why = "damaged .docx: the Word file is broken or incomplete; re-save it or send a PDF"
        raise ExtractionError(path, f"{why} ({detail[:160]})", status="corrupt") from e
    body = document.element.find(_BODY)
    if body is None:  # a root element of another namespace: no Word document python-docx knows
        raise ExtractionError(
            path,
            "not a Word document: word/document.xml has no WordprocessingML body",
            status="corrupt",
        )
    reader = _Reader(table_lines)
    lines = reader.blocks(body)
    if not any(ln.strip() for ln in lines) and body.find(f".//{_ALT_CHUNK}") is not None:
        # web exports embed the whole CV as an HTML part that Word converts on opening
        raise ExtractionError(
            path,
            "the Word file's text is an embedded web page or document (altChunk), which "
            "only Word converts; open it in Word and save it again as .docx or PDF",
            status="unsupported",
        )
    if margins:
        head, foot = _margin_lines(document, reader)
        seen = set(lines)
        head = [ln for ln in head if ln not in seen]
        lines = head + lines + [ln for ln in foot if ln not in seen]
    return "\n".join(lines), reader.hidden


def _margin_lines(document: Any, reader: _Reader) -> tuple[list[str], list[str]]:
    """The non-blank lines of the document's headers and of its footers, each once.

    Each section may have three of each (first page, odd, even), and later sections
    usually repeat the first's.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    parts = sorted(
        (rel.reltype, str(rel.target_part.partname), rel.target_part)
        for rel in document.part.rels.values()
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)
    )
    head: dict[str, None] = {}
    foot: dict[str, None] = {}
    for reltype, _, part in parts:
        element = getattr(part, "element", None)  # an XmlPart; a broken one is left out
        if element is None:
            continue
        into = head if reltype == RT.HEADER else foot
        into.update(dict.fromkeys(ln for ln in reader.blocks(element) if ln.strip()))
    return list(head), list(foot)


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
#: Attributes that point at a picture: DrawingML's ``a:blip r:embed`` and VML's
#: ``v:imagedata r:id`` (older Word, WPS).
_PICTURE_REFS = (f"{{{_REL}}}embed", f"{{{_REL}}}id")
#: Fewer letters and digits than this in the text of a .docx with pictures: a scan
#: pasted into Word (a title "个人简历" over the picture at most), read by OCR.
MIN_TEXT_CHARS = 20


def ocr_docx(
    data: bytes,
    path: str | Path,
    text: str,
    meta: dict[str, Any],
    warnings: list[str],
    *,
    ocr: bool,
    max_pages: int,
) -> str:
    """The text of a .docx (``text``, from :func:`read_docx`), with its pictures read by
    OCR when it has (almost) no text of its own: a scan pasted into Word.

    Returns ``text`` as it is when it has :data:`MIN_TEXT_CHARS` letters or more, or the
    body holds no picture; else ``text`` and the pictures' text, in document order. Adds
    OCR's warnings and confidence (``meta["ocr_confidence"]``) as for an image file.

    Raises
    ------
    ExtractionError
        ``unreadable`` when the pictures cannot be read: OCR off or not installed, no
        picture in a format OCR reads, or OCR found (almost) no text in them.
    """
    if sum(ch.isalnum() for ch in text) >= MIN_TEXT_CHARS:
        return text
    pictures = _body_pictures(data)
    if not pictures:
        return text
    what = (
        f"the Word document holds only {'a picture' if len(pictures) == 1 else 'pictures'} "
        "(a scan pasted into Word?)"
    )
    if not ocr:
        raise ExtractionError(
            path, f"{what}; reading it needs OCR, which is not enabled", status="unreadable"
        )
    from rolematch.exceptions import MissingDependencyError
    from rolematch.io._ocr import MAX_OCR_PAGES, ocr_image_file
    from rolematch.io._ocr_text import ocr_warnings

    todo = pictures[: min(max_pages, MAX_OCR_PAGES)]
    if len(todo) < len(pictures):
        warnings.append(f"ocr_skipped: {len(pictures) - len(todo)} of {len(pictures)} pictures")
    pages: list[Any] = []
    for picture in todo:
        try:
            read, _ = ocr_image_file(picture, path, max_pages=1)
        except MissingDependencyError as e:
            raise ExtractionError(
                path,
                f"{what}; reading it needs OCR, which is unavailable: {e}",
                status="unreadable",
            ) from e
        except ExtractionError:  # a picture OCR cannot decode (EMF, WMF): the others may do
            continue
        for page in read:
            page.number = len(pages) + 1
            pages.append(page)
    for page in pages:
        if page.error:
            warnings.append(f"ocr_failed: picture {page.number}: {page.error}")
    read = [p for p in pages if not p.error]
    ocr_warnings(read, meta, warnings, pages=0, unit="picture")
    found = sum(p.chars for p in read)
    if found < MIN_TEXT_CHARS:
        failed = next((p.error for p in pages if p.error), "")
        why = (
            "none in a format OCR reads (EMF, WMF?)" if not pages
            else f"OCR failed: {failed}" if failed and not found
            else f"OCR found only {found} characters of text" if found
            else "OCR found no text"
        )  # fmt: skip
        raise ExtractionError(path, f"{what}; {why}", status="unreadable")
    meta["backend"] = "docx+ocr"
    return "\n".join(t for t in (text.strip(), *(p.text for p in read)) if t)


def _body_pictures(data: bytes) -> list[bytes]:
    """The pictures the document body shows, in order, each once (not the headers')."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
            targets = {
                rel.get("Id"): rel.get("Target", "")
                for rel in rels.iter(_PKG_REL)
                if rel.get("Type", "").endswith("/image") and rel.get("TargetMode") != "External"
            }
            parser = etree.XMLParser(resolve_entities=False, huge_tree=False)
            body = etree.fromstring(zf.read("word/document.xml"), parser)
            names: list[str] = []
            for el in body.iter():
                for attr in _PICTURE_REFS:
                    target = targets.get(el.get(attr))
                    if target:
                        name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
                        if name not in names:
                            names.append(name)
            return [zf.read(n) for n in names if n in zf.namelist()]
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError):
        return []


#: What a ZIP container without a Word document holds, by a part only it has or by its
#: ``mimetype`` (OpenDocument, EPUB): the name a user knows the file by.
_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"),
    ("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)"),
    ("application/vnd.oasis.opendocument.presentation", "an OpenDocument presentation (.odp)"),
    ("application/epub+zip", "an e-book (.epub)"),
    ("Index/Document.iwa", "an Apple Pages document"),
)


def not_word(data: bytes) -> str:
    """Why a ZIP container that is no Word document is not read, naming what it is.

    Examples
    --------
    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w") as zf:
    ...     zf.writestr("xl/workbook.xml", "<workbook/>")
    >>> not_word(buf.getvalue())
    'an Excel workbook (.xlsx), not a Word document; save the résumé as .docx or PDF'
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100].decode("ascii", "replace").strip() if (
                "mimetype" in names
            ) else ""  # fmt: skip
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        names, mimetype = set(), ""
    for key, what in _ZIP_KINDS:
        if key in names or key == mimetype:
            return f"{what}, not a Word document; save the résumé as .docx or PDF"
    return (
        "a ZIP archive, not a Word document: archives are not opened; extract it and "
        "score the résumés inside"
    )
