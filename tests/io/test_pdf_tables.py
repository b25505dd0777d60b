"""A CV typed as a ruled table (an HTML table printed to PDF, a Word form) is read
row by row from its drawn grid: each label beside its value, each date beside its
employer, however long the wrapped cells beside them."""

from __future__ import annotations

import io

import pytest

from rolematch.io._pdf import extract_pdf
from tests.data.make_ocr_pages import cjk_font

pytest.importorskip("reportlab")

from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
STYLE = ParagraphStyle("cell", fontName=FONT, fontSize=10.5, leading=14, wordWrap="CJK")

INFO = [
    ["姓名", "李华", "性别", "女"],
    ["出生年月", "1990年6月", "学历", "硕士"],
    ["毕业院校", "中央财经大学", "专业", "金融学"],
    ["联系电话", "13911112222", "电子邮箱", "lihua90@qq.com"],
]
DUTIES = (
    "负责95xxx客服热线坐席管理、排班和话务预测，管理坐席120人；搭建智能客服知识库和"
    "智能质检体系，接通率提升至92%；牵头投诉工单转办与监管转办工单回复。"
)
WORK = [
    ["起止时间", "工作单位及职务", "主要职责与业绩"],
    ["2018.03-至今", "某股份制银行 客服团队负责人", DUTIES],
    [
        "2014.07-2018.02",
        "某城商行信用卡中心 客服主管",
        "负责信用卡客服外包坐席管理与服务质量检查。",
    ],
]


def _grid(rows: list[list[str]], widths: list[float], ruled: bool) -> Table:
    cells = [[Paragraph(t, STYLE) for t in row] for row in rows]
    style = [("GRID", (0, 0), (-1, -1), 0.75, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return Table(cells, colWidths=widths, style=style if ruled else [])


def _cv(ruled: bool = True) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(595, 842), leftMargin=40, rightMargin=40)
    story = [
        Paragraph("个人简历", ParagraphStyle("h", fontName=FONT, fontSize=16, leading=20)),
        Spacer(1, 10),
        _grid(INFO, [80, 170, 80, 185], ruled),
        Spacer(1, 14),
        _grid(WORK, [95, 120, 300], ruled),
    ]
    doc.build(story)
    return buf.getvalue()


@pytest.mark.skipif(
    cjk_font() is None,
    reason="no CJK font installed (fonts-wqy-zenhei): PDFium then drops the 女 of this "
    "non-embedded CID font, whatever the table",
)
def test_ruled_table_cv_is_read_row_by_row() -> None:
    lines = extract_pdf(_cv(), "t.pdf").pages[0].text.splitlines()
    assert lines[0] == "个人简历"
    for row in INFO:
        assert " ".join(row) in lines, lines
    assert "2018.03-至今 某股份制银行 客服团队负责人 " + DUTIES in lines, lines
    assert any(ln.startswith("2014.07-2018.02 某城商行信用卡中心 客服主管") for ln in lines)


def test_a_box_round_text_is_no_table() -> None:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(595, 842))
    box = Table(
        [[Paragraph("工作经历", STYLE)], [Paragraph(DUTIES, STYLE)]],
        colWidths=[300],
        style=[("BOX", (0, 0), (-1, -1), 0.75, "black")],
    )
    doc.build([box])
    text = extract_pdf(buf.getvalue(), "t.pdf").pages[0].text
    assert text.splitlines()[0] == "工作经历"
    assert DUTIES in text.replace("\n", "")
