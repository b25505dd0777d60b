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


# ---------------------------------------------------------------------------
# row-interleaved two-column pages (a Word/WPS table: sidebar cell, main cell)

SIDEBAR_ITEMS = (
    "【基本信息】", "姓名：王小明", "性别：男", "出生年月：1990.05", "电话：138****5678",
    "邮箱：wxm@example.com", "现居：上海市浦东新区", "【求职意向】", "手机银行产品经理",
    "期望薪资：面议", "【专业技能】", "Python 熟练", "SQL 熟练", "Axure 原型设计",
    "英语 CET-6", "【证书】", "银行从业资格", "PMP 项目管理", "【兴趣爱好】", "跑步 摄影 阅读",
)  # fmt: skip
SIDEBAR_PARAGRAPHS = (
    "自我评价：性格开朗，抗压能力强，善于沟通协调，具备良好的团队合作精神。",
    "熟练使用Office办公软件、Visio流程图和SQL数据查询，能独立完成数据分析报告。",
    "地址：上海市浦东新区世纪大道100号环球金融中心",
    "荣誉：2019年度优秀员工、2021年分行服务之星",
)
_NO_LINE_START = set("。，、；：？！）》」』”’.,;:?!)]}%")


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` at ``width`` points as Word does for Chinese (no line opens with ；)."""
    from reportlab.pdfbase import pdfmetrics

    out, line = [], ""
    for ch in text:
        too_wide = pdfmetrics.stringWidth(line + ch, "STSong-Light", size) > width
        if line and too_wide and ch not in _NO_LINE_START:
            out.append(line)
            line = ch
        else:
            line += ch
    return [*out, line] if line else out


def row_interleaved_pdf(seed: int, main_lines: Sequence[str]) -> tuple[bytes, list[str]]:
    """A sidebar and a main column drawn row by row, as a Word/WPS layout table prints.

    Each table row holds a sidebar cell (a short item, a wrapped paragraph or
    nothing) and a main cell (one source line of ``main_lines``, wrapped at the
    column's width); the sidebar width, font sizes, leading, cell padding and the
    gutter (down to 8 pt, narrower than a glyph) vary with ``seed``. Returns the
    PDF and the source lines in reading order (sidebar cell, then main cell).
    """
    import io
    import random

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rng = random.Random(seed)
    side_w = rng.choice([70, 90, 120, 150, 180, 210])
    size = rng.choice([9, 10, 10.5, 11])
    side_size = rng.choice([size, size - 1])
    lead, side_lead = (
        size * rng.choice([1.2, 1.4, 1.6, 1.8]),
        side_size * rng.choice([1.2, 1.4, 1.6]),
    )
    pad = rng.choice([2, 4, 8])
    left = 36
    main_x = left + side_w + rng.choice([8, 12, 20, 30])
    main_w = 559 - main_x
    draws: list[tuple[float, float, str, float]] = []
    lines: list[str] = []
    y, k, j = 800.0, rng.randrange(len(main_lines)), rng.randrange(40)
    while True:
        source = main_lines[k % len(main_lines)]
        k += 1
        main = _wrap(source, main_w, size)
        r = rng.random()
        if r < 0.25:
            side_source: str | None = SIDEBAR_PARAGRAPHS[j % len(SIDEBAR_PARAGRAPHS)]
            side = _wrap(side_source or "", side_w, side_size)
        elif r < 0.85:
            item = SIDEBAR_ITEMS[j % len(SIDEBAR_ITEMS)]
            while pdfmetrics.stringWidth(item, "STSong-Light", side_size) > side_w:
                item = item[:-1]
            side_source, side = item, [item]
        else:
            side_source, side = None, []
        j += 1
        height = max(len(main) * lead, len(side) * side_lead) + pad
        if y - height < 40:
            break
        draws += [(y - i * side_lead, left, s, side_size) for i, s in enumerate(side)]
        draws += [(y - i * lead, main_x, m, size) for i, m in enumerate(main)]
        lines += [*([side_source] if side_source else []), source]
        y -= height
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for yy, x, text, sz in draws:  # row by row: the sidebar cell, then the main cell
        c.setFont("STSong-Light", sz)
        c.drawString(x, yy, text)
    c.save()
    return buf.getvalue(), lines
