"""Résumé files -> :class:`~rolematch.documents.Resume`. The only résumé reader."""

from __future__ import annotations

from pathlib import Path

from rolematch.documents import Resume
from rolematch.exceptions import ExtractionError
from rolematch.sections import build_resume

__all__ = ["SUPPORTED_SUFFIXES", "read_resume"]

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt")


def read_resume(path: str | Path) -> Resume:
    """Read one résumé file; never raises for a bad file.

    A file that cannot be read comes back with ``status != "ok"`` and a ``reason``.
    """
    path = Path(path)
    try:
        pages = _read_pages(path)
    except ExtractionError as e:
        return Resume.failed(str(path), e.status, e.reason)
    except Exception as e:  # a parser's own error on a damaged file
        return Resume.failed(str(path), "error", f"{type(e).__name__}: {e}")
    resume = build_resume(str(path), pages)
    if not resume.text.strip():
        return Resume.failed(str(path), "unreadable", "no text found; needs OCR", pages=len(pages))
    return resume


def _read_pages(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ExtractionError(path, f"unsupported file type '{suffix}'", status="unsupported")
    data = path.read_bytes()
    if not data:
        raise ExtractionError(path, "empty file", status="empty")
    if suffix == ".txt":
        for enc in ("utf-8-sig", "gb18030"):
            try:
                return [data.decode(enc)]
            except UnicodeDecodeError:
                continue
        raise ExtractionError(path, "unknown text encoding", status="unreadable")
    if suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        return ["\n".join(p.text for p in d.paragraphs)]
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf))]
    finally:
        pdf.close()
