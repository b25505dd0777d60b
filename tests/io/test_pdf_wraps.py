"""Wrapped lines of a paragraph in real PDFs are joined before sentences are split:
double-spaced pages, and indented lists on a page whose footer is wider than the text.
Lines that start a list item, a date or a field, and headings, stay apart."""

from __future__ import annotations

import io

import pytest

from rolematch.io._pdf import extract_pdf

pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _pdf(lines: list[tuple[float, float, str]], size: float = 12) -> bytes:
    """One A4 page; each line drawn at (x, y from the top)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    for x, y, text in lines:
        c.setFont(FONT, size if text != "1/1" else 8)
        c.drawString(x, 842 - y, text)
    c.save()
    return buf.getvalue()


def _text(data: bytes) -> list[str]:
    return extract_pdf(data, "t.pdf").pages[0].text.splitlines()


#: 35 glyphs of 12 pt: a full line between x=90 and x=510
FULL = [
    "我是北京师范大学心理学部二零二五年应届博士毕业生预计指导老师为吕",
    "海东教授博士训练期间我作为课题组的核心成员参与到实验室的多项课题",
    "中主要研究视觉皮层腹侧通路的性质我的博士课题研究了猕猴视觉皮层神",
    "经元群体在自发状态下的共同活动性质并合作发表论文四篇在实验技术方",
]


def test_double_spaced_paragraph_is_joined_but_dated_lines_and_headings_are_not() -> None:
    rows = [(90.0, 100.0, "个人简介")]
    rows += [(90.0, 130.0 + 24 * i, t) for i, t in enumerate(FULL)]  # leading 2.0
    rows += [(90.0, 130.0 + 24 * 4, "面。")]
    rows += [(90.0, 260.0, "教育经历")]
    rows += [(90.0, 290.0, "2017.9-2025.6 北京师范大学 博士 认知神经科学预计二零二五年")]
    rows += [(90.0, 314.0, "2012.9-2017.6 复旦大学 学士 物理学")]
    lines = _text(_pdf(rows))
    assert "".join(FULL) + "面。" in lines, lines
    assert lines[0] == "个人简介"
    assert "教育经历" in lines
    assert "2012.9-2017.6 复旦大学 学士 物理学" in lines


def test_indented_list_wraps_are_joined_when_a_footer_widens_the_column() -> None:
    items = [
        ("负责手机银行反欺诈风控策略建设和交易风险监测上线设", "备指纹与异常登录拦截；"),
        ("负责应用商店上架和App安全检测组织工信部网信办的检", "测备案；"),
        ("推动移动端月活由120万增长到260万手机银行交易替代", "率达到95%。"),
    ]
    rows = [(220.0, 80.0, "工作经历"), (223.0, 100.0, "2016.07-至今 某银行 网络金融部")]
    y = 120.0
    for first, rest in items:
        rows += [(250.0, y, first), (250.0, y + 14.4, rest)]
        y += 28.8
    rows += [(250.0, y, "- 建立反洗钱交易监测规则")]
    rows += [(575.0, 800.0, "1/1")]  # the page number, right of the text
    lines = _text(_pdf(rows, size=11))
    for first, rest in items:
        assert first + rest in lines, lines
    assert "- 建立反洗钱交易监测规则" in lines
    assert "2016.07-至今 某银行 网络金融部" in lines


def test_ragged_right_english_paragraph_is_joined_where_the_next_word_would_not_fit() -> None:
    # Word's default left alignment: one line of the page nearly fills the frame, the
    # wrapped lines of a paragraph stop a long word short of it; a returnee's
    # sentences were cut at every line end
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size, left = 10.5, 78.0
    lines = [
        "Credit risk analyst with six years in retail banking who built and",
        "monitored application and behavioural scorecards for credit cards and",
        "unsecured loans, designed credit limit and authorisation strategies.",
    ]

    def width(t: str) -> float:
        return stringWidth(t, "Helvetica", size)

    # the frame: where each wrapped line's next word would have ended, less a point
    nexts = [b.split()[0] for b in lines[1:]]
    frame = min(left + width(f"{a} {w}") for a, w in zip(lines, nexts, strict=False)) - 1
    assert all(left + width(t) < frame - 1.25 * size for t in lines)  # none reaches it
    full = "Barclays UK, London: Senior Credit Risk Analyst (2021 - 2025)"
    # the one line that reaches the frame: a title set flush right, as the column's edge
    x_full = frame - 0.5 - width(full)
    assert x_full > left
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("Helvetica", size)
    c.drawString(left, 842 - 80, "PROFILE")
    for i, text in enumerate(lines):
        c.drawString(left, 842 - 100 - 13 * i, text)
    c.drawString(x_full, 842 - 160, full)
    c.save()
    got = _text(buf.getvalue())
    assert " ".join(lines) in got, got
    assert got[0] == "PROFILE" and got[-1] == full
