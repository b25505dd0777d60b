"""Render the small PDF fixtures in tests/data (run once; the outputs are committed).

    python tests/data/make_fixtures.py

Needs reportlab (a dev dependency) for the text-layer PDFs; the image-only PDF
comes from Pillow. No CJK font has to be installed: reportlab's built-in
``STSong-Light`` CID font is referenced, not embedded, and PDF readers decode its
text through the predefined ``UniGB-UCS2-H`` CMap.

Every person, number and employer here is invented.

* ``cv_two_column.pdf``: a sidebar résumé whose content stream is out of reading
  order (main column first, bottom up), with a label/value table in the sidebar,
  two bullets wrapped at the main column's margin, white text on a dark band (visible:
  kept), radical look-alike code points, and three kinds of hidden text (white on
  white, 1 pt, off the page).
* ``cv_image_only.pdf``: one page that is nothing but a picture of text (a scan).
* ``encrypted.pdf``: a one-page résumé with a user password.
* ``cv_ocr_layer.pdf``: a scanned page with an invisible OCR text layer over the
  picture (text render mode 3, as OCR tools write it): that text is real and kept.
  The same invisible mode on blank paper below it is keyword stuffing: excluded.
* ``undecodable_font.pdf``: text set in a Type 3 font whose glyph names mean
  nothing and which has no ToUnicode map: neither PDFium nor pdfplumber can tell
  which characters it shows (pdfplumber prints ``(cid:N)``). Written by hand.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "STSong-Light"

#: Lines of the main column, top to bottom, and of the sidebar; tests compare the
#: extraction with these.
MAIN = [
    "【工作经历】",
    "2018.03-至今 星河银行 手机银行部 产品经理",
    "· 负责手机银行转账与支付功能规划，牵头网联和银联接口升级，推动快捷支付绑卡",
    "流程改造，月活用户提升百分之三十五；",
    "· 建立反洗钱交易监测规则，可疑交易报告准确率提升到九成，并按季度向合规部门",
    "报送监测分析报告。",
    "【教育背景】",
    "2008-2012 华东理工大学 金融学 本科",
    "【自我评价】",
    "熟悉支付清算与反洗钱合规要求，⼈⼯智能应用有⻓期实践。",
]
SIDEBAR_TABLE = [("姓名", "林晓东"), ("性别", "男"), ("民族", "汉族"), ("出生年月", "1990年5月")]
SIDEBAR = [
    "电话：138****5678",
    "邮箱：lin.xd@example.com",
    "【专业技能】",
    "SQL、Python、Excel",
    "反洗钱监测模型",
]
BANNER = "求职意向：手机银行产品经理"
HIDDEN_WHITE = "关键词 支付结算 远程银行 消费者权益保护 综合内控"
HIDDEN_TINY = "外呼营销 门户资讯 平台合作"
HIDDEN_OFFPAGE = "呼叫中心 质检 排班"


def two_column(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("two-column fixture")
    size, leading = 10, 14
    main_x, side_x, top = 200, 36, height - 80

    # main column first, bottom line first: the stream is out of reading order
    c.setFillColorRGB(0, 0, 0)
    for i in reversed(range(len(MAIN))):
        c.setFont(FONT, size)
        c.drawString(main_x, top - i * leading, MAIN[i])

    # sidebar: a dark band with white text (visible), then a label/value table
    c.setFillColorRGB(0.15, 0.2, 0.3)
    c.rect(side_x - 6, top + 22, 150, 20, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(FONT, 9)
    c.drawString(side_x, top + 28, BANNER)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT, size)
    c.drawString(side_x, top, "【基本信息】")
    for i, (label, value) in enumerate(SIDEBAR_TABLE, start=1):
        c.drawString(side_x, top - i * leading, label)
        c.drawString(side_x + 60, top - i * leading, value)
    for i, line in enumerate(SIDEBAR, start=len(SIDEBAR_TABLE) + 1):
        c.drawString(side_x, top - i * leading, line)

    # hidden text: white on white, 1 pt, and off the page
    c.setFillColorRGB(1, 1, 1)
    c.drawString(main_x, 300, HIDDEN_WHITE)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT, 1)
    c.drawString(main_x, 200, HIDDEN_TINY)
    c.setFont(FONT, size)
    c.drawString(-400, 400, HIDDEN_OFFPAGE)
    c.showPage()
    c.save()


def image_only(path: Path) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(img)
    for i in range(24):
        y = 60 + i * 30
        draw.rectangle((60, y, 60 + (i * 37) % 400 + 120, y + 12), fill=40)
    draw.text((60, 20), "SCANNED RESUME", fill=0)
    img.save(path, "PDF", resolution=72.0)


def encrypted(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption("secret", canPrint=0))
    c.setFont(FONT, 10)
    c.drawString(72, 760, "【工作经历】 2018.03-至今 星河银行 产品经理")
    c.showPage()
    c.save()


OCR_LINES = [
    "【工作经历】",
    "2016.03-至今 鼎信银行 交易银行部 支付结算产品负责人",
    "牵头网联和银联双通道接入。",
]
OCR_HIDDEN = "反洗钱 消费者权益保护"


def ocr_layer(path: Path) -> None:
    import random

    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = A4
    rng = random.Random(3)
    scan = Image.new("L", (400, 120), 255)
    for x in range(400):  # speckled "print" wherever the text lies
        for y in range(120):
            if rng.random() < 0.35:
                scan.putpixel((x, y), 30)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(scan), 60, height - 200, width=400, height=120)
    text = c.beginText(70, height - 110)
    text.setTextRenderMode(3)
    text.setFont(FONT, 11)
    for line in OCR_LINES:
        text.textLine(line)
    c.drawText(text)
    stuffing = c.beginText(70, 300)
    stuffing.setTextRenderMode(3)
    stuffing.setFont(FONT, 11)
    stuffing.textLine(OCR_HIDDEN)
    c.drawText(stuffing)
    c.showPage()
    c.save()


def undecodable_font(path: Path) -> None:
    def pdf(objects: list[bytes]) -> bytes:
        out = bytearray(b"%PDF-1.4\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
        out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    codes = bytes(range(1, 33)).hex().encode()
    content = (
        b"BT /F1 12 Tf 72 700 Td <" + codes[:40] + b"> Tj 0 -20 Td <" + codes[40:] + b"> Tj ET"
    )
    names = " ".join(f"/g{i}" for i in range(1, 33)).encode()
    procs = " ".join(f"/g{i} 6 0 R" for i in range(1, 33)).encode()
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] "
        b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << " + procs + b" >> "
        b"/Encoding << /Type /Encoding /Differences [1 " + names + b"] >> "
        b"/FirstChar 1 /LastChar 32 /Widths [" + b"1000 " * 32 + b"] >>"
    )
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    )
    path.write_bytes(
        pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                page,
                stream(content),
                font,
                stream(b"1000 0 0 0 800 800 d1 0 0 800 800 re f"),  # every glyph: a box
            ]
        )
    )


if __name__ == "__main__":
    two_column(HERE / "cv_two_column.pdf")
    image_only(HERE / "cv_image_only.pdf")
    encrypted(HERE / "encrypted.pdf")
    undecodable_font(HERE / "undecodable_font.pdf")
    ocr_layer(HERE / "cv_ocr_layer.pdf")
    names = ("cv_two_column.pdf", "cv_image_only.pdf", "encrypted.pdf", "undecodable_font.pdf")
    for name in (*names, "cv_ocr_layer.pdf"):
        print(name, (HERE / name).stat().st_size, "bytes")
