"""Hand-written PDFs for the reading tests: exact control over fonts and ToUnicode maps.

reportlab cannot write a ToUnicode map to characters beyond the BMP, which is what
Chrome's PDFs (Skia) do for emoji; these builders write the objects themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

# Helvetica glyph codes mapped by the ToUnicode CMap below: A/B/C are emoji as
# Chrome writes them (UTF-16 pairs), D is a lone high surrogate (a broken map).
EMOJI_CODES = {"🐱": "A", "👻": "B", "❄️": "C", "\ud83d": "D"}

_TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
4 beginbfchar
<41> <D83DDC31>
<42> <D83DDC7B>
<43> <2744FE0F>
<44> <D83D>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def pdf_bytes(objects: Sequence[bytes]) -> bytes:
    """A PDF file from its objects (1 is the catalog), with a correct xref table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def emoji_pdf(lines: Sequence[str], *, broken_page: bool = False) -> bytes:
    """One page: Chinese lines in STSong-Light, emoji through a Chrome-like ToUnicode map.

    Each line is a sequence of runs: the keys of :data:`EMOJI_CODES` are drawn in
    Helvetica with the custom map, everything else in the CJK font. With
    ``broken_page`` the page tree names a second page that is not a page object
    (PDFium: "Failed to load page").
    """
    content = b"BT\n"
    for i, line in enumerate(lines):
        x = 72.0
        for run, emoji in _runs(line):
            if emoji:
                code = EMOJI_CODES[run].encode()
                content += b"/F2 11 Tf 1 0 0 1 %.1f %d Tm (%s) Tj\n" % (x, 760 - 18 * i, code)
                x += 12
            else:
                hexed = run.encode("utf-16-be").hex().encode()
                content += b"/F1 11 Tf 1 0 0 1 %.1f %d Tm <%s> Tj\n" % (x, 760 - 18 * i, hexed)
                x += 11 * len(run)
    content += b"ET"
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 10 0 R] /Count 2 >>"
            if broken_page
            else b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 9 0 R "
            b"/DW 1000 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
            b"/ToUnicode 8 0 R >>",
            _stream(_TOUNICODE),
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
            b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
            b"/CapHeight 880 /StemV 93 >>",
            b"42",
        ]
    )


def _runs(line: str) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    i = 0
    while i < len(line):
        emoji = next((e for e in EMOJI_CODES if line.startswith(e, i)), None)
        if emoji:
            runs.append((emoji, True))
            i += len(emoji)
            continue
        j = i
        while j < len(line) and not any(line.startswith(e, j) for e in EMOJI_CODES):
            j += 1
        runs.append((line[i:j], False))
        i = j
    return runs
