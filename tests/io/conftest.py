"""Helpers shared by the reading tests: minimal hand-built ``.docx`` files.

Built from raw XML rather than with python-docx, so a test controls every byte (damaged
parts, entities, characters python-docx would refuse).
"""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(document_xml: str | bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal ``.docx``: ``document_xml`` with the content types and relationship parts.

    Parameters
    ----------
    document_xml : str or bytes
        The ``word/document.xml`` part, as it is.
    extra : dict of str to bytes, optional
        More parts, by name inside the ZIP.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def paragraphs(text: str) -> str:
    """A ``word/document.xml`` with one paragraph per line of ``text``."""
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
    return f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
