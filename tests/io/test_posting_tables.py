"""Postings laid out as tables: a Markdown table of posts, a job description form
(岗位说明书) whose items sit in a table of labels and values."""

from __future__ import annotations

from pathlib import Path

from rolematch.io.postings import read_postings
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write

MD_TABLE = """\
# 云杉生活 · 社会招聘
云杉生活是一家专注家居日用的新消费品牌。

| 岗位 | 岗位职责 | 任职要求 | 地点 | 薪资 |
| --- | --- | --- | --- | --- |
| 电商运营专员 | 1. 负责天猫旗舰店的日常运营<br>2. 策划大促活动并跟进执行 | 1. 大专及以上学历<br>2. 有家居类目经验者优先 | 杭州 | 8-12K |
| 品牌市场专员 | 1. 负责小红书平台的内容策略<br>2. 撰写推广文案 | 1. 本科及以上学历 | 杭州 | 10-15K |

## 投递方式
简历请发送至 join@example.com
"""


def test_markdown_table_of_posts_gives_one_posting_per_row(tmp_path: Path) -> None:
    first, second = read_postings(_write(tmp_path, "jobs.md", MD_TABLE))
    assert (first.title, second.title) == ("电商运营专员", "品牌市场专员")
    assert _texts(first.duties) == ["负责天猫旗舰店的日常运营", "策划大促活动并跟进执行"]
    assert _texts(first.requirements) == ["大专及以上学历", "有家居类目经验者优先"]
    assert _texts(second.requirements) == ["本科及以上学历"]
    # the row's other columns are fields of the post, dropped with their reason
    assert {d.reason for d in first.dropped if d.text.startswith(("地点", "薪资"))} == {
        "work location",
        "pay and benefits",
    }
    # each item keeps the line of its row
    assert first.duties[0].line == 6 and second.duties[0].line == 7


#: a table of posts copied out of Excel: cells apart by tabs; a cell with line breaks
#: in double quotes, its lines below
TSV_TABLE = (
    "华信证券2026年社会招聘岗位需求表\n"
    "序号\t部门\t岗位名称\t岗位职责\t任职要求\t人数\n"
    "1\t合规管理部\t合规风控岗\t1、开展合规审查，出具审查意见；2、开展反洗钱监测\t"
    "1、法学、金融学等相关专业硕士及以上学历；2、3年以上合规工作经验\t2\n"
    '2\t金融工程部\t量化研究员\t"1、负责量化选股模型的研究与开发\n2、搭建策略回测平台"\t'
    "熟练掌握Python/C++\t1\n"
)


def test_tab_separated_table_pasted_from_excel_gives_one_posting_per_row(tmp_path: Path) -> None:
    first, second = read_postings(_write(tmp_path, "jobs.txt", TSV_TABLE))
    assert (first.title, second.title) == ("合规风控岗", "量化研究员")
    assert (first.department, second.department) == ("合规管理部", "金融工程部")
    assert _texts(first.duties) == ["开展合规审查，出具审查意见；", "开展反洗钱监测"]
    assert _texts(second.duties) == ["负责量化选股模型的研究与开发", "搭建策略回测平台"]
    assert _texts(second.requirements) == ["熟练掌握Python/C++"]
    assert first.duties[0].line == 3 and second.duties[-1].line == 4  # the row's first line
    assert not any("\t" in d.text for p in (first, second) for d in p.dropped)


def test_tab_separated_lines_that_are_no_table_of_posts_stay_lines(tmp_path: Path) -> None:
    text = "数据分析师\n岗位职责：\n1. 负责经营数据分析\t每日\t每周\n2. 搭建指标体系\n"
    (p,) = read_postings(_write(tmp_path, "jd.txt", text))
    assert _texts(p.duties) == ["负责经营数据分析\t每日\t每周", "搭建指标体系"]


def test_markdown_table_that_is_no_table_of_posts_stays_lines(tmp_path: Path) -> None:
    text = "数据分析师\n岗位职责：\n1. 负责经营数据分析\n\n| 指标 | 口径 |\n| --- | --- |\n| 日活 | 去重用户数 |\n"
    (p,) = read_postings(_write(tmp_path, "jd.md", text))
    assert p.title == "数据分析师"
    assert _texts(p.duties)[0] == "负责经营数据分析"


def _form_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("岗位说明书")
    d.add_paragraph("一、岗位基本信息")
    info = d.add_table(rows=3, cols=2)
    for row, pair in zip(info.rows, [("岗位名称", "合规经理"), ("直接上级", "合规总监"),
                                     ("工作地点", "江州市")], strict=True):  # fmt: skip
        row.cells[0].text, row.cells[1].text = pair
    d.add_paragraph("二、岗位职责")
    items = [
        ("工作项目", "工作内容"),
        ("制度建设", "组织制定和修订公司合规管理制度，推动合规管理体系建设；"),
        ("合规审查", "对产品设计、合同文本及营销材料进行合规审查，出具合规意见；"),
        ("反洗钱", "组织开展反洗钱和客户身份识别工作，审核可疑交易报告。"),
    ]
    duties = d.add_table(rows=len(items), cols=2)
    for row, pair in zip(duties.rows, items, strict=True):
        row.cells[0].text, row.cells[1].text = pair
    d.add_paragraph("三、任职资格")
    reqs = d.add_table(rows=2, cols=2)
    for row, pair in zip(reqs.rows, [("学历专业", "全日制本科及以上学历，法学、金融学等相关专业；"),
                                     ("资格证书", "持有法律职业资格证书者优先。")], strict=True):  # fmt: skip
        row.cells[0].text, row.cells[1].text = pair
    d.add_paragraph("四、工作关系")
    rel = d.add_table(rows=2, cols=2)
    for row, pair in zip(rel.rows, [("内部联系", "各业务部门、风险管理部、稽核审计部"),
                                    ("外部联系", "监管机构、律师事务所、会计师事务所")], strict=True):  # fmt: skip
        row.cells[0].text, row.cells[1].text = pair
    d.save(str(path))
    return path


def test_job_description_form_reads_its_items_without_their_topic_labels(tmp_path: Path) -> None:
    (p,) = read_postings(_form_docx(tmp_path / "jd.docx"))
    assert p.title == "合规经理"
    assert _texts(p.duties) == [
        "组织制定和修订公司合规管理制度，推动合规管理体系建设；",
        "对产品设计、合同文本及营销材料进行合规审查，出具合规意见；",
        "组织开展反洗钱和客户身份识别工作，审核可疑交易报告。",
    ]  # the header row 工作项目 | 工作内容 is no duty, the topic labels no part of one
    assert _texts(p.requirements) == [
        "全日制本科及以上学历，法学、金融学等相关专业；",
        "持有法律职业资格证书者优先。",
    ]
    # the form's contacts are no requirement: 工作关系 is a section of its own
    dropped = {d.text: d.reason for d in p.dropped}
    assert dropped["四、工作关系"] == "reporting lines"
    assert "工作地点：江州市" in dropped


def _ruled_pdf(path: Path, pages: list[list[tuple[str, str, str]]]) -> Path:
    """A PDF whose pages each hold a ruled table (岗位名称 | 岗位职责 | 任职条件) with the
    header on top; a cell's lines are separated by ``/``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    xs, line = [50, 150, 350, 550], 16
    for rows in pages:
        c.setFont("STSong-Light", 10)
        c.drawString(50, 790, "某县事业单位公开招聘岗位表")
        y, ys = 770, [770]
        for row in [("岗位名称", "岗位职责", "任职条件"), *rows]:
            cells = [cell.split("/") for cell in row]
            height = line * max(len(cell) for cell in cells) + 6
            for x, cell in zip(xs, cells, strict=False):
                for k, text in enumerate(cell):
                    c.drawString(x + 4, y - line * (k + 1), text)
            y -= height
            ys.append(y)
        c.grid(xs, ys)
        c.showPage()
    c.save()
    return path


def test_pdf_table_of_posts_over_two_pages(tmp_path: Path) -> None:
    pdf = _ruled_pdf(
        tmp_path / "notice.pdf",
        [
            [("出纳", "1.负责现金收付；", "1.大专及以上学历；")],
            [("", "2.负责银行对账。", "2.会计相关专业。"),  # the row the page break cut
             ("水利技术员", "1.负责水库巡查；/2.负责防汛值守。", "1.水利相关专业。")],
        ],
    )  # fmt: skip
    first, second = read_postings(pdf)
    assert (first.title, second.title) == ("出纳", "水利技术员")
    assert _texts(first.duties) == ["负责现金收付；", "负责银行对账。"]
    assert _texts(first.requirements) == ["大专及以上学历；", "会计相关专业。"]
    assert _texts(second.duties) == ["负责水库巡查；", "负责防汛值守。"]


def test_workbook_with_one_item_a_row_is_read_sheet_by_sheet(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    for row in [("岗位名称：设备维护工程师", None), ("类别", "内容"),
                ("职责", "负责生产线设备的日常点检和保养；"), ("职责", "编制设备预防性维护计划；"),
                ("要求", "大专及以上学历，机电相关专业；")]:  # fmt: skip
        first.append(row)
    second = book.create_sheet()
    for row in [("岗位名称：供应商质量工程师", None), ("岗位职责", "负责供应商质量体系审核；"),
                (None, "处理来料质量问题；"), ("任职要求", "本科及以上学历；")]:  # fmt: skip
        second.append(row)
    path = tmp_path / "posts.xlsx"
    book.save(path)
    first_post, second_post = read_postings(path)
    assert (first_post.title, second_post.title) == ("设备维护工程师", "供应商质量工程师")
    assert _texts(first_post.duties) == [
        "负责生产线设备的日常点检和保养；",
        "编制设备预防性维护计划；",
    ]
    assert _texts(first_post.requirements) == ["大专及以上学历，机电相关专业；"]
    assert _texts(second_post.duties) == ["负责供应商质量体系审核；", "处理来料质量问题；"]


def test_slide_footer_with_its_page_number_is_page_furniture(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "slides.pdf"
    c = canvas.Canvas(str(path))
    slides = [
        ["算法工程师", "岗位职责", "■ 负责视觉算法研发；", "任职要求", "■ 硕士及以上学历；"],
        ["嵌入式软件工程师", "岗位职责", "■ 负责驱动开发；", "任职要求", "■ 熟悉ARM架构；"],
    ]
    for k, lines in enumerate(slides, start=2):
        c.setFont("STSong-Light", 12)
        for j, text in enumerate(lines):
            c.drawString(60, 760 - 24 * j, text)
        c.drawString(60, 40, f"星澜智能 | 2027届校园招聘 {k}")
        c.showPage()
    c.save()
    first, second = read_postings(path)
    assert (first.title, second.title) == ("算法工程师", "嵌入式软件工程师")
    assert _texts(first.requirements) == ["硕士及以上学历；"]  # the footer is no item


def test_export_with_capitalised_fields_and_escaped_html(tmp_path: Path) -> None:
    import json

    path = tmp_path / "jobs.csv"
    path.write_bytes(
        "Title,Responsibilities,Requirements\r\n运营专员,1、负责活动策划,1、本科学历\r\n".encode(
            "gbk"
        )
    )
    (csv_post,) = read_postings(path)  # Title as title, a GBK file with CRLF
    assert (csv_post.title, _texts(csv_post.duties)) == ("运营专员", ["负责活动策划"])
    content = (
        "&lt;p&gt;&lt;strong&gt;What you&amp;#x27;ll do&lt;/strong&gt;&lt;/p&gt;"
        "&lt;ul&gt;&lt;li&gt;Run our Kubernetes clusters&lt;/li&gt;&lt;/ul&gt;"
        "&lt;p&gt;&lt;strong&gt;What you&amp;#x27;ll need&lt;/strong&gt;&lt;/p&gt;"
        "&lt;ul&gt;&lt;li&gt;4+ years in SRE&lt;/li&gt;&lt;/ul&gt;"
    )
    (tmp_path / "gh.json").write_text(
        json.dumps({"jobs": [{"title": "SRE", "content": content}]}), encoding="utf-8"
    )
    (gh,) = read_postings(tmp_path / "gh.json")  # a Greenhouse export's HTML, escaped twice
    assert (_texts(gh.duties), _texts(gh.requirements)) == (
        ["Run our Kubernetes clusters"],
        ["4+ years in SRE"],
    )


def _unruled_pdf(path: Path) -> Path:
    """A notice whose table of posts has no rules: columns aligned by position only,
    cells wrapping, then the notice's next section at the margin."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 560, "某港务集团2027年公开招聘公告")
    xs = (40, 150, 210, 500)
    rows = [
        ("岗位名称", "招聘人数", "岗位职责", "任职条件"),
        ("生产调度员", "3", "1.负责船舶靠离泊计划的编制；", "1.大专及以上学历；"),
        ("", "", "2.协调码头与堆场作业衔接。", "2.能适应倒班工作。"),
        ("起重机机械", "2", "1.负责门座起重机的日常维护；", "1.本科及以上学历；"),
        ("维修工程师", "", "2.编制设备年度检修计划。", ""),
    ]
    y = 530
    for row in rows:
        for x, text in zip(xs, row, strict=True):
            c.drawString(x, y, text)
        y -= 16
    c.drawString(40, y - 20, "二、报名方式")
    c.drawString(
        40, y - 36, "请于2026年12月1日前将简历发送至指定邮箱，逾期不予受理，咨询电话另行公布。"
    )
    c.save()
    return path


def test_pdf_table_of_posts_without_rules(tmp_path: Path) -> None:
    first, second = read_postings(_unruled_pdf(tmp_path / "notice.pdf"))
    assert (first.title, second.title) == ("生产调度员", "起重机机械维修工程师")
    assert _texts(first.duties) == ["负责船舶靠离泊计划的编制；", "协调码头与堆场作业衔接。"]
    assert _texts(first.requirements) == ["大专及以上学历；", "能适应倒班工作。"]
    assert _texts(second.duties) == ["负责门座起重机的日常维护；", "编制设备年度检修计划。"]
    assert _texts(second.requirements) == ["本科及以上学历；"]


def test_side_by_side_sections_and_a_table_of_items_by_kind(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("岗位一：叉车司机")
    table = d.add_table(rows=3, cols=2)  # no borders: duties left, requirements right
    for r, cells in enumerate([("岗位职责", "任职要求"),
                               ("1.驾驶叉车完成货物装卸；", "1.持有效的叉车司机证；"),
                               ("2.做好叉车日常点检。", "2.1年以上叉车驾驶经验。")]):  # fmt: skip
        for col, text in enumerate(cells):
            table.cell(r, col).text = text
    d.save(str(tmp_path / "forklift.docx"))
    (p,) = read_postings(tmp_path / "forklift.docx")
    assert _texts(p.duties) == ["驾驶叉车完成货物装卸；", "做好叉车日常点检。"]
    assert _texts(p.requirements) == ["持有效的叉车司机证；", "1年以上叉车驾驶经验。"]
    page = (
        "## 游戏数值策划\n\n| 类别 | 内容 |\n| :--: | :--- |\n| 职责 | 负责战斗系统的数值搭建 |\n"
        "| 职责 | 建立资源产出与消耗模型 |\n| 要求 | 3年以上数值策划经验 |\n"
        "| 加分 | 有海外项目经验 |\n| 福利 | 15薪 |\n| 福利 | 弹性工作 |\n"
    )
    (q,) = read_postings(_write(tmp_path, "kinds.md", page))
    assert _texts(q.duties) == ["负责战斗系统的数值搭建", "建立资源产出与消耗模型"]
    assert _texts(q.requirements) == ["3年以上数值策划经验", "有海外项目经验"]
    assert q.requirements[-1].preferred


def test_an_hr_systems_columns_no_field_reads_are_said_as_dropped(tmp_path: Path) -> None:
    # a campus recruiter's export: the dry-run said "dropped (0)" of 工作地点, 招聘人数 and
    # 截止日期, which a .docx of the same posts listed as dropped, each with its reason
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(("序号", "岗位名称", "工作地点", "岗位职责", "任职要求", "招聘人数", "截止日期"))
    sheet.append((1, "固定收益交易助理", "上海", "1、协助债券交易询价与报价\n2、撰写市场日报",
                  "1、金融相关专业", "2人", "2026年11月30日"))  # fmt: skip
    path = tmp_path / "posts.xlsx"
    book.save(path)
    (post,) = read_postings(path)
    assert _texts(post.duties) == ["协助债券交易询价与报价", "撰写市场日报"]
    assert [(d.line, d.text, d.reason) for d in post.dropped] == [
        (2, "序号：1", "a column no field reads"),
        (2, "工作地点：上海", "work location"),
        (2, "招聘人数：2人", "number of openings"),
        (2, "截止日期：2026年11月30日", "closing date"),
    ]
