"""Where a posting's lists end and what is no item (held-out batch 4 of the postings
benchmark): a note below a table of posts, a rule between posts, a job board's
summary line (杭州 | 3-5年 | 大专) between a title and its headings, and a bilingual
heading (Job Responsibilities 岗位职责) whose translation is no duty."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from rolematch.io.postings import parse_posting_text, read_postings
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write

# ------------------------------------------------------------ a table of posts, then a note
HEADER = ("岗位名称", "人数", "岗位职责", "任职资格")
ROWS = [
    ("水质检测员", "1", "负责水质检测；\n负责仪器校准。", "大专及以上学历；\n熟悉检测标准。"),
    ("信息化专员", "1", "负责系统运维；\n负责网络管理。", "本科及以上学历；\n2年以上运维经验。"),
]
NOTE = "注：工作地点为澄江市，薪酬面议。"


def _table_docx(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("澄江水务集团有限公司2026年社会招聘岗位需求表")
    table = d.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph(NOTE)
    d.add_paragraph("报名邮箱：hr@chengjiang-water.example.com")
    path = tmp_path / "岗位表.docx"
    d.save(str(path))
    return path


def _table_html(tmp_path: Path) -> Path:
    def row(tag: str, cells: Sequence[str]) -> str:
        return "<tr>" + "".join(f"<{tag}>{c.replace(chr(10), '<br>')}</{tag}>" for c in cells)

    rows = row("th", HEADER) + "".join(row("td", r) for r in ROWS)
    page = f"<html><body><h1>岗位需求表</h1><table>{rows}</table><p>{NOTE}</p></body></html>"
    return _write(tmp_path, "posts.html", page)


@pytest.mark.parametrize("make", [_table_docx, _table_html], ids=["docx", "html"])
def test_a_note_below_a_table_of_posts_is_no_item_of_the_last_post(
    tmp_path: Path, make: Any
) -> None:
    lab, it = read_postings(make(tmp_path))
    assert (lab.title, it.title) == ("水质检测员", "信息化专员")
    assert _texts(it.duties) == ["负责系统运维；", "负责网络管理。"]
    assert _texts(it.requirements) == ["本科及以上学历；", "2年以上运维经验。"]
    assert NOTE in _texts(it.dropped)


def test_a_rule_ends_the_list_above_it() -> None:
    text = (
        "招聘岗位：出纳\n岗位职责：\n负责现金收付；\n负责银行对账。\n"
        "任职要求：\n大专及以上学历；\n持有初级会计证。\n"
        "——————————\n备注：以上岗位均在杭州上班，待遇详谈。\n"
    )
    (p,) = parse_posting_text(text)
    assert _texts(p.requirements) == ["大专及以上学历；", "持有初级会计证。"]
    assert "备注：以上岗位均在杭州上班，待遇详谈。" in _texts(p.dropped)


# ------------------------------------------------------------ a recruiter's chat message
CHAT = """\
【鲸选优品】直播电商团队扩招！
直播运营主管 | 12-18K·13薪
杭州·余杭 | 3-5年 | 大专
【岗位职责】
1、负责直播间的整体运营，制定直播排期；
2、负责直播间数据复盘。
【任职要求】
1、3年以上直播电商运营经验；
2、熟悉抖音电商规则。
【福利待遇】
五险一金、节日福利
——————————
短视频剪辑师 | 7-10K
杭州·余杭 | 1-3年 | 学历不限
【岗位职责】
1、负责短视频的拍摄和剪辑；
2、策划短视频选题和脚本。
【任职要求】
1、熟练使用剪映、PR等剪辑软件；
2、懂镜头语言。
"""


def test_a_job_board_summary_line_is_neither_title_nor_item(tmp_path: Path) -> None:
    live, editor = read_postings(_write(tmp_path, "chat.txt", CHAT))
    assert (live.title, editor.title) == ("直播运营主管", "短视频剪辑师")
    assert _texts(editor.duties) == ["负责短视频的拍摄和剪辑；", "策划短视频选题和脚本。"]
    reasons = {d.text: d.reason for p in (live, editor) for d in p.dropped}
    assert reasons["杭州·余杭 | 1-3年 | 学历不限"] == "job board summary"
    assert reasons["杭州·余杭 | 3-5年 | 大专"] == "job board summary"


@pytest.mark.parametrize(
    "line", ["本科 | 计算机相关专业", "熟悉Java | Python", "英语六级 | 能读英文文档"]
)
def test_a_requirement_with_a_bar_is_no_summary(line: str) -> None:
    (p,) = parse_posting_text(
        f"岗位名称：开发工程师\n任职要求：\n1、{line}；\n2、2年以上开发经验。"
    )
    assert _texts(p.requirements)[0] == f"{line}；"


# ------------------------------------------------------------ bilingual headings
@pytest.mark.parametrize(
    ("duty_head", "req_head"),
    [
        ("Job Responsibilities 岗位职责", "Requirements 任职要求："),
        ("岗位职责 Responsibilities", "任职要求 / Requirements"),
        ("Responsibilities: 岗位职责", "任职要求（Requirements）"),
    ],
)
def test_a_bilingual_heading_gives_no_item(duty_head: str, req_head: str) -> None:
    text = (
        f"质量工程师 Quality Engineer\n{duty_head}\n1. 负责来料检验；\n2. 维护质量体系。\n"
        f"{req_head}\n1. 本科及以上学历；\n2. Good command of English."
    )
    (p,) = parse_posting_text(text)
    assert _texts(p.duties) == ["负责来料检验；", "维护质量体系。"]
    assert _texts(p.requirements) == ["本科及以上学历；", "Good command of English."]


# ------------------------------------------------------------ a PDF's page numbers
PAGE_ONE = ["招聘岗位：安全员", "岗位职责：", "负责施工现场安全巡查；", "负责安全台账管理；"]
PAGE_ONE += ["任职要求：", "大专及以上学历；", "持有安全员C证；"]
PAGE_TWO = ["2年以上施工安全管理经验；", "能适应驻场工作。"]


def _notice_pdf(path: Path, pages: Sequence[Sequence[str]], footer: str, header: str = "") -> Path:
    """A PDF notice: each page's lines, the footer (``{}`` the page number) and a running header."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), invariant=1)
    for page, lines in enumerate(pages, start=1):
        if header:
            c.setFont("STSong-Light", 9)
            c.drawString(90, 810, header)
        for k, line in enumerate(lines):
            c.setFont("STSong-Light", 11)
            c.drawString(90, 780 - 20 * k, line)
        c.setFont("STSong-Light", 9)
        c.drawString(280, 40, footer.format(page))
        c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("footer", ["— {} —", "- {} -", "第 {} 页 共 2 页", "{}/2", "{}"])
def test_page_numbers_of_a_pdf_are_no_items(tmp_path: Path, footer: str) -> None:
    path = _notice_pdf(tmp_path / "notice.pdf", (PAGE_ONE, PAGE_TWO), footer)
    (p,) = read_postings(path)
    assert _texts(p.requirements) == [*PAGE_ONE[-2:], *PAGE_TWO]
    assert {d.reason for d in p.dropped} == {"page number"}


# ------------------------------------------------------------ text pasted from a PDF
PASTED = """\
某某证券股份有限公司 2026届校园招聘简章
招聘岗位：债券业务助理
岗位职责：
1. 参与债券项目的尽职调查，撰写募集说明书等申报
材料；
2. 参与债券发行的簿记建档、路演推介及存续期
第 1 页 共 2 页
某某证券股份有限公司 2026届校园招聘简章
管理工作。
任职要求：
1. 硕士研究生，金融、会计等相关专业；
2. 有券商投行实习经历。
第 2 页 共 2 页
"""


def test_page_header_and_number_pasted_inside_an_item_are_dropped(tmp_path: Path) -> None:
    # copied out of a PDF: hard line breaks, and where the page broke the footer and
    # the running header in the middle of a duty
    (p,) = read_postings(_write(tmp_path, "paste.txt", PASTED))
    assert _texts(p.duties) == [
        "参与债券项目的尽职调查，撰写募集说明书等申报材料；",
        "参与债券发行的簿记建档、路演推介及存续期管理工作。",
    ]
    assert _texts(p.requirements) == ["硕士研究生，金融、会计等相关专业；", "有券商投行实习经历。"]
    reasons = {d.text: d.reason for d in p.dropped}
    assert reasons["第 1 页 共 2 页"] == reasons["第 2 页 共 2 页"] == "page number"
    assert reasons["某某证券股份有限公司 2026届校园招聘简章"] == "page header"


def test_a_line_said_twice_is_no_page_header_away_from_a_page_number() -> None:
    # two posts with the same heading lines: no page break, nothing dropped as a header
    text = "岗位一：出纳\n岗位职责：\n负责现金收付。\n任职要求：\n会计专业。\n"
    text += "岗位二：会计\n岗位职责：\n负责记账。\n任职要求：\n会计专业。\n"
    first, second = parse_posting_text(text)
    assert _texts(first.requirements) == _texts(second.requirements) == ["会计专业。"]


@pytest.mark.parametrize("footer", ["— {} —", "第 {} 页 共 2 页"])
def test_a_pdfs_running_header_inside_a_wrapped_item_is_dropped(
    tmp_path: Path, footer: str
) -> None:
    reqs = [
        "1. 大专及以上学历；",
        "2. 持有安全员C证，能适应",
        "驻场工作；",
        "3. 2年以上施工安全管理经验。",
    ]
    pages = (PAGE_ONE[:4] + reqs[:2], reqs[2:])
    path = _notice_pdf(tmp_path / "notice.pdf", pages, footer, "江临建设集团2026年招聘简章")
    (p,) = read_postings(path)
    assert _texts(p.requirements) == [
        "大专及以上学历；",
        "持有安全员C证，能适应驻场工作；",
        "2年以上施工安全管理经验。",
    ]
    assert {d.reason for d in p.dropped} == {"page number", "page header"}


# ------------------------------------------------------------ every line accounted for
def test_an_announcements_title_and_blurb_above_the_post_are_reported_dropped() -> None:
    # a WeChat article: its own title and the school's blurb, then the post's heading.
    # The article title opened a posting with nothing under it, which was discarded
    # with its lines: --dry-run listed neither line as kept or dropped.
    text = (
        "# 🎉 某外国语学校2025年教师招聘公告\n\n"
        "📣 某外国语学校是一所九年一贯制民办学校，欢迎有志于教育事业的你加入我们！\n\n"
        "## 📌 招聘岗位：初中数学教师（2名）\n\n"
        "## 📝 岗位职责\n✅ 承担初中数学学科教学工作；\n✅ 担任班主任，做好家校沟通。\n\n"
        "## 🎯 任职要求\n🔹 本科及以上学历，数学相关专业；\n🔹 持有初中及以上数学教师资格证。\n"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "初中数学教师"
    accounted = {d.line for d in p.dropped} | {i.line for i in (*p.duties, *p.requirements)}
    assert {1, 3} <= accounted
    assert p.dropped[0].line == 1 and p.dropped[0].reason
