"""Posting layouts met after the parser was tuned: job-board copies, chat articles,
announcements with a table of posts, outline numbering, Traditional Chinese, English."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from rolematch import RoleSpecError, load_roles
from rolematch.io.postings import parse_posting_text, read_postings, roles_from_postings
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write

# ------------------------------------------------------------ chat article
WECHAT = """\
🎉 海棠银行信用卡中心2026年社会招聘火热进行中！
快来加入我们吧～
📌 岗位一：信用卡分期产品经理
🔥岗位职责
1️⃣ 负责信用卡分期产品的设计、定价和全生命周期管理；
2️⃣ 分析客户用卡和分期行为数据，策划分期营销活动。
✅任职要求
👉 全日制本科及以上学历，金融、经济、统计类专业；
👉 3年以上银行信用卡或消费金融产品工作经验。
📌 岗位二：信用卡客服质检专员
🔥岗位职责
1️⃣ 负责客服热线录音的抽检和质量评估。
✅任职要求
👉 大专及以上学历，1年以上客服或质检工作经验。
📮投递方式
请将简历发送至 hr@haitang-card.example.com
"""


def test_chat_article_with_numbered_posts_and_keycap_numbers(tmp_path: Path) -> None:
    first, second = read_postings(_write(tmp_path, "wechat.txt", WECHAT))
    assert (first.title, second.title) == ("信用卡分期产品经理", "信用卡客服质检专员")
    assert _texts(first.duties) == [
        "负责信用卡分期产品的设计、定价和全生命周期管理；",
        "分析客户用卡和分期行为数据，策划分期营销活动。",
    ]  # 1️⃣ is an item number, not part of the duty
    assert len(first.requirements) == 2 and len(second.requirements) == 1
    # the banner above the first post is no duty, and the report still shows it
    assert [d.line for d in first.dropped] == [1, 2]


# ------------------------------------------------------------ job-board copy
LAGOU = """\
资深Java开发工程师
25k-45k /上海 /经验5-10年 /本科及以上 /全职
金融科技 支付 分布式
职位诱惑：
技术氛围好，扁平管理
职位描述：
工作职责：
-负责支付清结算核心系统的设计和开发；
-参与技术方案评审，解决高并发场景下的性能问题。
任职要求：
-计算机相关专业本科以上学历，5年以上Java开发经验；
-有支付或银行核心系统经验者优先。
工作地址
上海 - 浦东新区 - 张江
Ta的其他职位
数据开发工程师
测试工程师
"""


def test_job_board_page_copy_keeps_only_the_posting(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "lagou.txt", LAGOU))
    assert p.title == "资深Java开发工程师"
    assert len(p.duties) == 2
    # the page's tags (金融科技 支付 分布式) and pitch sit above 职位描述: no requirement
    assert _texts(p.requirements) == [
        "计算机相关专业本科以上学历，5年以上Java开发经验；",
        "有支付或银行核心系统经验者优先。",
    ]
    reasons = {d.text: d.reason for d in p.dropped}
    assert reasons["数据开发工程师"] == "other jobs on the page"


# ------------------------------------------------------------ tables of posts
POSTS = [
    ("序号", "岗位名称", "招聘人数", "岗位职责", "任职条件", "学历要求"),
    ("1", "财务会计岗", "1", "1.负责日常会计核算；\n2.负责税务申报。",
     "1.具有初级会计师职称；\n2.3年以上财务工作经验。", "本科及以上"),
    ("2", "法务专员", "1", "1.负责合同审核；\n2.处理诉讼和仲裁事务。",
     "1.法学专业，通过法律职业资格考试。", "本科及以上"),
]  # fmt: skip


def _check_posts(postings: Sequence[Any]) -> None:
    assert [p.title for p in postings] == ["财务会计岗", "法务专员"]
    assert _texts(postings[0].duties) == ["负责日常会计核算；", "负责税务申报。"]
    assert _texts(postings[0].requirements)[:2] == ["具有初级会计师职称；", "3年以上财务工作经验。"]
    assert _texts(postings[1].duties) == ["负责合同审核；", "处理诉讼和仲裁事务。"]


def test_word_announcement_with_a_table_of_posts(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("江城城市发展集团有限公司2026年公开招聘公告")
    d.add_paragraph("根据公司发展需要，面向社会公开招聘工作人员，现将有关事项公告如下：")
    table = d.add_table(rows=len(POSTS), cols=len(POSTS[0]))
    for r, row in enumerate(POSTS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("联系电话：0711-****5678")
    path = tmp_path / "公告.docx"
    d.save(str(path))
    postings = read_postings(path)
    _check_posts(postings)
    # other columns follow the sections: the education column is a requirement,
    # the head count noise; the serial number is left out
    assert "学历要求：本科及以上" in _texts(postings[0].requirements)
    assert "招聘人数：1" in [x.text for x in postings[0].dropped]
    assert not any("序号" in x.text for p in postings for x in p.dropped)


def test_html_announcement_with_a_table_of_posts(tmp_path: Path) -> None:
    def cell(tag: str, text: str) -> str:
        return f"<{tag}>{text.replace(chr(10), '<br>')}</{tag}>"

    rows = [
        "<tr>" + "".join(cell("th" if r == 0 else "td", v) for v in row) + "</tr>"
        for r, row in enumerate(POSTS)
    ]
    page = (
        "<html><body><h1>2026年公开招聘公告</h1><p>一、招聘岗位及条件</p>"
        f"<table>{''.join(rows)}</table><p>二、报名方式</p></body></html>"
    )
    _check_posts(read_postings(_write(tmp_path, "notice.html", page)))


def test_excel_with_duty_and_requirement_columns(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in POSTS:
        book.active.append(list(row))
    path = tmp_path / "posts.xlsx"
    book.save(path)
    # no text field (职位描述 …): the columns named as sections are the text
    _check_posts(read_postings(path))


def test_export_with_a_separate_requirements_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "jobs.csv",
        "职位名称,职位描述,任职要求,工作城市\n"
        '客服专员,"1、接听客户来电\n2、处理投诉工单","1、大专及以上学历\n2、普通话标准",南京\n',
    )
    (p,) = read_postings(path)
    assert _texts(p.duties) == ["接听客户来电", "处理投诉工单"]
    assert _texts(p.requirements) == ["大专及以上学历", "普通话标准"]


# ------------------------------------------------------------ outline numbering
OUTLINE = """\
东岳农村商业银行2026年社会招聘简章
一、招聘岗位
（一）风险管理岗
1.岗位职责：负责全行信用风险的识别和监测；负责撰写风险分析报告；参与风险管理制度的修订。
2.任职条件：全日制本科及以上学历；具有3年以上银行风险管理工作经验。
（二）信息科技岗
1.岗位职责：负责核心业务系统的运行维护；参与网络安全管理工作。
2.任职条件：计算机相关专业本科及以上学历；熟悉Linux和Oracle数据库。
二、报名方式
请发送至zhaopin@dongyue-rcb.example.com。
"""


def test_outline_numbered_posts_with_semicolon_lists(tmp_path: Path) -> None:
    risk, it = read_postings(_write(tmp_path, "简章.txt", OUTLINE))
    assert (risk.title, it.title) == ("风险管理岗", "信息科技岗")
    assert _texts(risk.duties) == [
        "负责全行信用风险的识别和监测",
        "负责撰写风险分析报告",
        "参与风险管理制度的修订。",
    ]  # 1.岗位职责： is the heading, not part of the first duty
    assert _texts(risk.requirements) == [
        "全日制本科及以上学历",
        "具有3年以上银行风险管理工作经验。",
    ]
    assert len(it.duties) == 2 and len(it.requirements) == 2


def test_numbered_item_without_a_colon_stays_an_item() -> None:
    from rolematch.io.postings import parse_posting_text

    (p,) = parse_posting_text("客服专员\n岗位职责：\n1.职责明确，按时回访客户\n2.负责接听来电")
    assert _texts(p.duties) == ["职责明确，按时回访客户", "负责接听来电"]


def test_unknown_lead_in_lines_are_no_items(tmp_path: Path) -> None:
    text = (
        "### 数据工程师\n**我们期待你做的事：**\n1. 负责数据仓库的建模和ETL开发；\n"
        "**理想的你：**\n1. 本科及以上学历，计算机相关专业；\n"
    )
    (p,) = read_postings(_write(tmp_path, "jobs.md", text))
    assert _texts(p.duties) == ["负责数据仓库的建模和ETL开发；"]
    assert _texts(p.requirements) == ["本科及以上学历，计算机相关专业；"]
    assert [d.reason for d in p.dropped] == ["unrecognised heading", "unrecognised heading"]


# ------------------------------------------------------------ web page sidebar
def test_html_sidebar_of_other_postings_is_dropped(tmp_path: Path) -> None:
    page = (
        "<html><body><div class='main'><h2>运维工程师</h2><dl><dt>岗位职责：</dt>"
        "<dd><ol><li>负责交易系统的日常运维；</li></ol></dd><dt>任职要求：</dt>"
        "<dd><ol><li>3年以上Linux系统运维经验。</li></ol></dd></dl></div>"
        "<div class='side-jobs'><h3>热招职位</h3><ul><li>网络安全工程师</li>"
        "<li>量化研究员</li></ul></div></body></html>"
    )
    (p,) = read_postings(_write(tmp_path, "job.html", page))
    assert _texts(p.requirements) == ["3年以上Linux系统运维经验。"]


# ------------------------------------------------------------ English, Traditional
ENGLISH = """\
Senior Data Scientist - Credit Risk
Location: Singapore (Hybrid)

About Us
Harbourline Bank is a digital bank serving SMEs across Southeast Asia.

What You'll Do
- Build and validate credit scoring models for SME lending products.
- Monitor model performance and drift, and report to the Model Risk Committee.

What We're Looking For
- 5+ years of experience in credit risk modelling at a bank or fintech.
- Strong Python and SQL skills; experience with scikit-learn or XGBoost.

Nice to Have
- Experience with alternative data for thin-file customers.

What We Offer
- Competitive salary and annual bonus

How to Apply
Send your CV to careers@harbourline.example.com.
"""


def test_english_posting(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "job.txt", ENGLISH))
    assert p.title == "Senior Data Scientist - Credit Risk"
    assert len(p.duties) == 2
    assert [(r.text, r.preferred) for r in p.requirements] == [
        ("5+ years of experience in credit risk modelling at a bank or fintech.", False),
        ("Strong Python and SQL skills; experience with scikit-learn or XGBoost.", False),
        ("Experience with alternative data for thin-file customers.", True),
    ]  # "; experience …" goes on in lower case: one item; benefits are no extra
    assert {d.reason for d in p.dropped} >= {"work location", "pay and benefits", "contact"}


HONG_KONG = """\
滙晴銀行（香港）有限公司
客戶關係經理 – 商業銀行
主要職責
• 開拓及維繫中小企業客戶，提供貿易融資及貸款服務
• 進行客戶信貸分析，撰寫信貸建議書
入職要求
• 大學學士學位，主修銀行、金融或相關學科
• 五年或以上商業銀行客戶關係管理經驗
• 良好的中、英文溝通能力
具相關經驗者將獲優先考慮。
申請方法
有意者請將履歷電郵至 hr@wingching-bank.example.com
"""


def test_traditional_chinese_posting_keeps_its_text(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "hk.txt", HONG_KONG))
    assert p.title == "客戶關係經理 – 商業銀行"
    assert _texts(p.duties) == [
        "開拓及維繫中小企業客戶，提供貿易融資及貸款服務",
        "進行客戶信貸分析，撰寫信貸建議書",
    ]
    # the bullets carry no end marks, so the last line is an item of its own
    assert [(r.text, r.preferred) for r in p.requirements][-2:] == [
        ("良好的中、英文溝通能力", False),
        ("具相關經驗者將獲優先考慮。", True),
    ]
    assert p.dropped[-1].reason == "contact"


def test_a_wrapped_line_of_an_unpunctuated_list_still_joins() -> None:
    from rolematch.io.postings import parse_posting_text

    (p,) = parse_posting_text(
        "客服专员\n岗位职责\n- 负责接听来电\n- 负责处理投诉工单和客户回访\n  及满意度调查\n"
    )
    assert _texts(p.duties) == ["负责接听来电", "负责处理投诉工单和客户回访及满意度调查"]


# ------------------------------------------------------------ malformed exports
@pytest.mark.parametrize(
    ("csv_text", "match"),
    [
        (
            '职位名称,职位描述\n客服专员,"1、接听电话\n数据分析师,负责分析\n',
            r"line 2: not valid CSV",
        ),
        (
            "职位名称,职位描述\n客服专员,负责接听\n数据分析师,负责清洗,汇总\n",
            r"line 3: 3 cells for 2",
        ),
    ],
)
def test_malformed_csv_names_file_and_line(tmp_path: Path, csv_text: str, match: str) -> None:
    path = _write(tmp_path, "jobs.csv", csv_text)
    with pytest.raises(RoleSpecError, match=match) as err:
        load_roles(path)
    assert "jobs.csv" in str(err.value)


def test_csv_errors_name_the_first_line_of_a_multiline_record(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "jobs.csv", '职位名称,职位描述\n客服专员,负责接听\n,"1、接听\n2、回访"\n'
    )
    with pytest.raises(RoleSpecError, match=r"line 3: the title is empty"):
        load_roles(path)


def test_unheaded_duties_of_one_posting_survive_a_heading_in_the_next() -> None:
    from rolematch.io.postings import parse_posting_text

    text = (
        "客服专员\n负责接听客户来电\n负责处理投诉\n大专及以上学历\n\n"
        "测试工程师\n岗位职责\n1. 负责功能测试\n任职要求\n1. 本科学历"
    )
    first, second = parse_posting_text(text)
    assert _texts(first.duties) == ["负责接听客户来电", "负责处理投诉"]
    assert (second.title, _texts(second.duties)) == ("测试工程师", ["负责功能测试"])


# ------------------------------------------------------------ post titles without a label
def _two_posts(first: str, second: str, between: str = "") -> str:
    return (
        f"{first}\n岗位职责：\n1.负责小区公共区域的日常巡查和秩序维护；\n2.负责访客登记与车辆疏导。\n"
        "任职要求：\n1.高中及以上学历，退伍军人优先；\n2.2年以上物业安保工作经验。\n"
        f"{between}{second}\n岗位职责：\n1.负责公共区域保洁作业的排班与检查；\n"
        "2.组织保洁员岗前培训。\n3.负责清洁用品的申领与盘点。\n任职要求：\n"
        "1.初中及以上学历；\n2.3年以上物业保洁管理经验。\n"
    )


@pytest.mark.parametrize(
    ("first", "second", "between"),
    [
        ("一、秩序维护员 2名", "二、保洁领班 1名", ""),
        ("（一）秩序维护员（2名）", "（二）保洁领班（1名）", ""),
        ("1. 秩序维护员", "2. 保洁领班", "\n"),
        ("秩序维护员", "保洁领班", "\n"),
        ("秩序维护员", "保洁领班", "\n---\n\n"),
        ("秩序维护员 若干", "保洁领班", ""),
    ],
)
def test_unlabelled_post_titles_start_a_new_posting(first: str, second: str, between: str) -> None:
    from rolematch.io.postings import parse_posting_text

    guard, cleaner = parse_posting_text(_two_posts(first, second, between))
    assert (guard.title, cleaner.title) == ("秩序维护员", "保洁领班")  # no headcount
    assert (len(guard.duties), len(guard.requirements)) == (2, 2)
    assert (len(cleaner.duties), len(cleaner.requirements)) == (3, 2)
    assert _texts(guard.requirements)[-1] == "2年以上物业安保工作经验。"


def test_an_unpunctuated_last_duty_above_the_requirements_is_no_title() -> None:
    from rolematch.io.postings import parse_posting_text

    (p,) = parse_posting_text(
        "仓库管理员\n岗位职责\n- 负责货物出入库登记\n- 叉车调度\n任职要求\n- 高中及以上学历\n"
    )
    assert _texts(p.duties) == ["负责货物出入库登记", "叉车调度"]
    assert len(p.requirements) == 1


def test_a_last_unpunctuated_item_above_a_heading_stays_an_item() -> None:
    from rolematch.io.postings import parse_posting_text

    reversed_order = (
        "报关员\n任职要求\n- 大专及以上学历\n- CET-4\n岗位职责\n- 负责进出口报关单证的制作\n"
    )
    (p,) = parse_posting_text(reversed_order)
    assert (p.title, _texts(p.requirements), len(p.duties)) == (
        "报关员",
        ["大专及以上学历", "CET-4"],
        1,
    )
    (q,) = parse_posting_text(
        "报关员\n岗位职责\n- 负责报关单证制作\n任职要求\n- 大专及以上学历\n- 经验不限\n加分项\n- 持报关员证\n"
    )
    assert (len(q.duties), _texts(q.requirements)[1]) == (1, "经验不限")


# ------------------------------------------------------------ job-board tags
BOSS = """\
用户运营专员
8-12K
杭州 余杭区 未来科技城
1-3年
大专
立即沟通
用户运营
社群运营
活动策划
新媒体运营
职位描述
岗位职责：
1. 负责会员社群的日常运营与活跃度提升；
2. 策划线上拉新及促活活动并复盘效果。
任职要求：
1. 大专及以上学历，1年以上用户运营经验；
2. 熟悉企业微信社群工具。
李先生
招聘者 · HR
"""


def test_job_board_tags_above_the_description_are_no_title(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "boss.txt", BOSS))
    assert p.title == "用户运营专员"
    assert (len(p.duties), len(p.requirements)) == (2, 2)
    assert "1-3年" not in _texts(p.requirements)  # the page's summary, not a requirement


def test_job_board_tags_set_off_by_blank_lines_are_no_title(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "boss.txt", BOSS.replace("\n", "\n\n")))
    assert (p.title, len(p.duties), len(p.requirements)) == ("用户运营专员", 2, 2)
    assert "新媒体运营" in _texts(p.dropped)


# ------------------------------------------------------------ numbers glued to figures
def test_inline_numbering_before_a_figure_is_the_item_number(tmp_path: Path) -> None:
    from rolematch.features.facets import role_facets

    text = (
        "岗位名称：零售信贷审查岗\n岗位职责：\n1.负责个人贷款的审查审批；2.负责贷后检查。\n"
        "任职条件：\n1.本科及以上学历，金融、会计相关专业；2.5年以上银行信贷工作经验；"
        "3.持有银行从业资格证书者优先。\n"
    )
    (p,) = read_postings(_write(tmp_path, "bank.txt", text))
    assert _texts(p.requirements) == [
        "本科及以上学历，金融、会计相关专业；",
        "5年以上银行信贷工作经验；",
        "持有银行从业资格证书者优先。",
    ]
    assert role_facets(p.to_role()).years == 5.0


# ------------------------------------------------------------ English title line
ENGLISH_AVP = """\
Vice President, Trade Finance Operations (Hong Kong)
Harbourline Bank Limited

Key Responsibilities
- Oversee the processing of letters of credit and documentary collections
- Review trade transactions for sanctions and AML red flags

Requirements
- Bachelor's degree in Finance, Economics or a related discipline
- Minimum 8 years of experience in trade finance operations
- CDCS certification is preferred
- Knowledge of Mandarin is an advantage
"""


def test_english_title_with_a_comma_and_preferred_phrases(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "avp.txt", ENGLISH_AVP))
    assert p.title == "Vice President, Trade Finance Operations (Hong Kong)"
    assert (len(p.duties), len(p.requirements)) == (2, 4)
    assert [r.preferred for r in p.requirements] == [False, False, True, True]
    assert p.to_role().majors[:2] == ("Finance", "Economics")


# ------------------------------------------------------------ Taiwan 104 layout
TAIWAN_104 = """\
設備工程師（台中廠）
精密光電股份有限公司
應徵人數 2~5人

工作內容
1. 負責曝光機台的日常保養與故障排除。
2. 撰寫設備保養SOP並訓練操作人員。

職務類別：設備工程師
工作性質：全職
上班時段：日班 08:00~17:00

條件要求
接受身份：上班族
工作經歷：3年以上
學歷要求：大學以上
科系要求：機械工程相關、電機電子工程相關
擅長工具：AutoCAD
其他條件：
1. 具半導體設備維修經驗者佳。
2. 可配合輪班。

福利制度
年終獎金、員工旅遊。
"""


def test_taiwan_job_bank_layout(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "104.txt", TAIWAN_104))
    assert p.title == "設備工程師（台中廠）"
    assert _texts(p.duties) == [
        "負責曝光機台的日常保養與故障排除。",
        "撰寫設備保養SOP並訓練操作人員。",
    ]
    assert _texts(p.requirements) == [
        "工作經歷：3年以上",
        "學歷要求：大學以上",
        "科系要求：機械工程相關、電機電子工程相關",
        "擅長工具：AutoCAD",
        "具半導體設備維修經驗者佳。",
        "可配合輪班。",
    ]  # one field a line; 其他條件 items are requirements too
    assert p.requirements[4].preferred
    assert p.to_role().majors == ("机械工程", "电机电子工程")


# ------------------------------------------------------------ one paragraph
def test_a_one_paragraph_posting_is_split_into_clauses(tmp_path: Path) -> None:
    text = (
        "门店店长\n因门店扩张，现招聘店长两名，负责门店日常经营管理和人员排班，"
        "带领团队完成月度销售目标，做好库存盘点和陈列维护，需大专以上学历，"
        "2年以上零售门店管理经验，能接受周末轮休，待遇面议，有意者请致电0731-88886666。\n"
    )
    (p,) = read_postings(_write(tmp_path, "store.txt", text))
    assert p.title == "门店店长"
    assert len(p.duties) == 3 and len(p.requirements) == 3
    assert {d.reason for d in p.dropped} >= {"pay and benefits", "contact"}


def test_no_duty_error_points_below_the_title_and_names_the_headings(tmp_path: Path) -> None:
    path = _write(tmp_path, "note.txt", "出纳\n本公司诚聘出纳一名，待遇优厚，欢迎加入。\n")
    with pytest.raises(RoleSpecError, match=r"line 2: no duty or requirement.*岗位职责"):
        read_postings(path)


# ------------------------------------------------------------ spreadsheet title row
def test_excel_with_a_title_row_above_the_header(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某某证券2025年校园招聘岗位表"])
    sheet.merge_cells("A1:C1")
    sheet.append(["岗位名称", "岗位职责", "任职要求"])
    sheet.append(["研究助理", "1.协助行业研究；\n2.整理数据库", "1.硕士学历；\n2.熟练使用Wind"])
    sheet.append(["交易员助理", "1.协助交易执行", "1.金融相关专业本科"])
    sheet.append(["注：简历投递截止10月31日。"])
    path = tmp_path / "posts.xlsx"
    book.save(path)
    first, second = read_postings(path)
    assert (first.title, second.title) == ("研究助理", "交易员助理")
    assert (len(first.duties), len(first.requirements)) == (2, 2)


def test_excel_with_one_named_column_gives_no_field_advice(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["岗位表"])
    sheet.append(["研究助理：协助行业研究"])
    path = tmp_path / "posts.xlsx"
    book.save(path)
    with pytest.raises(RoleSpecError, match=r"no sheet has a header row") as err:
        read_postings(path)
    assert "--title-field" not in str(err.value)


# ------------------------------------------------------------ separate duty/requirement fields
def test_export_with_duty_and_requirement_fields_and_board_ids(tmp_path: Path) -> None:
    import json

    recs = [
        {
            "jobId": "HR-2025/001",
            "jobName": "仓库文员",
            "jobDescribe": "1.负责出入库单据录入；\n2.核对每日库存报表；\n3.整理仓库档案。",
            "jobRequire": "1.中专及以上学历；\n2.熟练使用Excel。",
        },
        {
            "jobId": "HR-2025/002",
            "jobName": "叉车司机",
            "jobDescribe": "岗位职责：\n1.负责叉车装卸作业\n任职要求：\n1.持叉车证",
            "jobRequire": "2.能适应夜班",
        },
    ]
    path = _write(tmp_path, "ats.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in recs))
    clerk, driver = read_postings(
        path, title_field="jobName", text_field="jobDescribe,jobRequire", id_field="jobId"
    )
    assert (len(clerk.duties), len(clerk.requirements)) == (3, 2)
    assert (clerk.id, driver.id) == ("HR-2025/001", "HR-2025/002")  # as the board wrote them
    assert [r.id for r in roles_from_postings([clerk, driver])] == ["hr-2025-001", "hr-2025-002"]
    assert (len(driver.duties), len(driver.requirements)) == (1, 2)


def test_excel_instructions_sheet_before_the_posts_is_passed_over(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["请在第二个工作表填写岗位信息"])
    posts = book.create_sheet("岗位")
    posts.append(["岗位名称", "岗位职责", "任职要求"])
    posts.append(["出纳", "1.负责现金收付\n2.登记日记账", "1.会计专业大专以上"])
    path = tmp_path / "posts.xlsx"
    book.save(path)
    (p,) = read_postings(path)
    assert (p.title, len(p.duties), len(p.requirements)) == ("出纳", 2, 1)


# ------------------------------------------------------------ spreadsheet two-row header
def test_excel_with_a_two_row_merged_header(tmp_path: Path) -> None:
    # an SOE's 岗位一览表: group labels (岗位信息, 岗位要求) merged over the column
    # names of the row below; 序号 and 备注 merged down over both rows
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["附件1"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "岗位信息", None, "岗位要求", None, "备注"])
    sheet.append([None, "岗位代码", "岗位名称", "岗位职责", "任职资格", None])
    for cells in ("A2:A3", "B2:C2", "D2:E2", "F2:F3"):
        sheet.merge_cells(cells)
    sheet.append(
        [1, "A01", "出纳", "1.负责现金收付；\n2.登记日记账。", "1.会计专业大专以上；", None]
    )
    sheet.append(
        [2, "A02", "造价员", "1.负责工程预算编制。", "1.工程造价专业本科；\n2.持证。", None]
    )
    path = tmp_path / "posts.xlsx"
    book.save(path)
    first, second = read_postings(path)
    assert (first.title, second.title) == ("出纳", "造价员")
    assert (len(first.duties), len(first.requirements)) == (2, 1)
    assert (len(second.duties), len(second.requirements)) == (1, 2)
    assert first.line == 4  # the row of the sheet


# ------------------------------------------------------------ a headhunter's 【】 fields
HUNTER = """\
【猎头职位推荐】某股份制银行信用卡中心
【职位名称】风控模型专家（信用卡中心）
【汇报对象】风险管理部总经理
【薪酬】60-90万/年
【岗位职责】
1. 负责申请评分卡和行为评分卡的开发与迭代；
2. 监控模型表现并持续优化。
【任职要求】
1. 统计、数学等相关专业硕士及以上学历；
2. 5年以上银行风控建模经验。
"""


@pytest.mark.parametrize("label", ["职位名称", "岗位名称", "招聘岗位"])
def test_a_bracketed_title_field_gives_the_title_without_its_label(label: str) -> None:
    (p,) = parse_posting_text(HUNTER.replace("职位名称", label))
    assert p.title == "风控模型专家（信用卡中心）"
    assert (len(p.duties), len(p.requirements)) == (2, 2)
    reasons = {d.text: d.reason for d in p.dropped}
    assert reasons["【汇报对象】风险管理部总经理"] == "job type"  # as 汇报对象：… is


@pytest.mark.parametrize(
    "sign_off",
    ["有兴趣的朋友欢迎私信我，推荐成功有奖🎁", "感兴趣的可以私聊我", "内推有奖，欢迎转发"],
)
def test_a_headhunters_sign_off_is_no_requirement(sign_off: str) -> None:
    # 有兴趣… starts like a requirement (有…); asking for a message is a contact line
    (p,) = parse_posting_text(HUNTER + sign_off + "\n")
    assert _texts(p.requirements) == [
        "统计、数学等相关专业硕士及以上学历；",
        "5年以上银行风控建模经验。",
    ]
    assert {d.text: d.reason for d in p.dropped}[sign_off] == "contact"


def test_a_duty_of_answering_private_messages_is_kept() -> None:
    text = HUNTER.replace("2. 监控模型表现并持续优化。", "2. 负责回复客户私信与留言。")
    (p,) = parse_posting_text(text)
    assert _texts(p.duties)[-1] == "负责回复客户私信与留言。"


# ------------------------------------------------------------ a bilingual markdown page
BILINGUAL_MD = """\
# Join Lumina Pay 加入明曜支付
明曜支付是一家持牌第三方支付机构。
## Senior Backend Engineer 高级后端工程师（Payments）
**Location 工作地点:** Shenzhen 深圳 · **Type:** Full-time
### What you'll do 工作职责
- Design and build 支付核心系统（收单、清结算、对账）
- 负责跨境支付通道的接入与路由优化
### What we're looking for 任职要求
- 本科及以上学历，5+ years of backend development experience
- Proficient in Java or Go
"""


def test_a_title_in_english_and_chinese_is_measured_by_words(tmp_path: Path) -> None:
    # 41 characters, but four English words and seven Chinese characters: a title
    (p,) = read_postings(_write(tmp_path, "careers.md", BILINGUAL_MD))
    assert p.title == "Senior Backend Engineer 高级后端工程师（Payments）"
    assert (len(p.duties), len(p.requirements)) == (2, 2)
    assert "Location" in {d.text.strip("*") for d in p.dropped}


# ------------------------------------------------------------ a Big5 text file
def test_a_short_big5_posting_is_read_as_traditional_chinese(tmp_path: Path) -> None:
    # a Hong Kong or Taiwan posting saved by Notepad in Big5: short texts were taken
    # for Shift-JIS, and the posting refused as having no duty
    path = tmp_path / "hk.txt"
    path.write_bytes("職位：出納\n職責：\n1.負責現金收付；\n要求：\n1.會計專業；\n".encode("big5"))
    (p,) = read_postings(path)
    assert (p.title, _texts(p.duties), _texts(p.requirements)) == (
        "出納", ["負責現金收付；"], ["會計專業；"],
    )  # fmt: skip


# ------------------------------------------------------------ held-out batch 6 layouts
BOSS_COPY = """\
车险查勘定损员
6-9K·13薪
江州·青山湖区 1-3年 大专
五险一金 | 双休 | 带薪年假
职位描述
车险理赔 查勘定损 C1驾照 汽车维修
负责车险事故的现场查勘和拍照取证；
负责事故车辆的损失核定。
任职要求：
1、大专及以上学历；
2、持C1及以上驾驶证。
"""


def test_job_board_copy_with_spaced_summary_and_keyword_tags(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "boss.txt", BOSS_COPY))
    assert p.title == "车险查勘定损员"  # a title in 员 without a title word
    assert _texts(p.duties) == ["负责车险事故的现场查勘和拍照取证；", "负责事故车辆的损失核定。"]
    reasons = {d.text: d.reason for d in p.dropped}
    assert reasons["车险理赔 查勘定损 C1驾照 汽车维修"] == "job board tags"
    assert "江州·青山湖区 1-3年 大专" in reasons and len(p.requirements) == 2


def test_spaced_words_inside_a_list_are_no_tags() -> None:
    (p,) = parse_posting_text(
        "客服专员\n岗位职责：\n1. 接听客户来电；\n2. 处理客户投诉；\n电话回访 短信通知 工单录入\n"
    )
    # not the first line under the heading: an item (or part of one), never dropped as tags
    assert "job board tags" not in {d.reason for d in p.dropped}


NOTICE = """\
关于开展2026年中层管理岗位内部竞聘的公告
一、竞聘原则
坚持公开、平等、竞争、择优的原则。
二、竞聘岗位及条件
（一）城东支行副行长（分管零售业务）
竞聘职数：1名；岗位层级：支行副职。
1.岗位职责
（1）协助支行行长开展经营管理工作；
（2）负责支行零售客户经理队伍的管理与考核。
2.竞聘条件
（1）全日制本科及以上学历；
（2）具有2年以上零售业务条线管理经历。
三、竞聘程序
1.个人报名。符合条件的员工填写报名表。
2.资格审查。总行人力资源部进行资格审查。
四、其他事项
每人限报一个岗位。
"""


def test_internal_competition_notice(tmp_path: Path) -> None:
    (p,) = read_postings(_write(tmp_path, "notice.txt", NOTICE))
    assert p.title == "城东支行副行长（分管零售业务）"  # a bracketed note is no headcount
    assert _texts(p.duties) == [
        "协助支行行长开展经营管理工作；",
        "负责支行零售客户经理队伍的管理与考核。",
    ]
    assert _texts(p.requirements) == ["全日制本科及以上学历；", "具有2年以上零售业务条线管理经历。"]
    reasons = {d.text: d.reason for d in p.dropped}
    assert reasons["竞聘职数：1名；岗位层级：支行副职。"] == "number of openings"
    assert reasons["三、竞聘程序"] == "how to apply"
    assert reasons["每人限报一个岗位。"] == "other notes"


def test_basic_and_preferred_conditions_are_requirements() -> None:
    (p,) = parse_posting_text(
        "投资顾问\n岗位职责：负责客户资产配置；负责投资者教育。\n任职要求：\n（一）基本条件\n"
        "1. 本科及以上学历；\n2. 持有证券投资顾问资格。\n（二）优先条件\n1. 有CFA证书。\n"
    )
    assert _texts(p.requirements) == ["本科及以上学历；", "持有证券投资顾问资格。", "有CFA证书。"]
    assert [r.preferred for r in p.requirements] == [False, False, True]


# ------------------------------------------------------------ held-out batch 7 layouts
def test_duties_grouped_under_outline_sub_headings() -> None:
    (p,) = parse_posting_text(
        "对公客户经理\n岗位职责：\n一、客户营销\n1.负责对公客户的营销拓展；\n2.维护园区合作关系。\n"
        "二、风险管理\n1.负责贷前调查；\n2.负责贷后检查。\n任职资格：\n1.本科及以上学历；\n"
    )
    assert _texts(p.duties) == [
        "负责对公客户的营销拓展；", "维护园区合作关系。", "负责贷前调查；", "负责贷后检查。",
    ]  # fmt: skip
    assert {d.text: d.reason for d in p.dropped}["一、客户营销"] == "sub-heading"


def test_a_short_outline_numbered_item_without_items_below_stays_an_item() -> None:
    (p,) = parse_posting_text("柜员\n任职要求：\n一、大专学历\n二、形象气质佳\n")
    assert _texts(p.requirements) == ["大专学历", "形象气质佳"]


def test_headhunter_openings_with_run_together_jd(tmp_path: Path) -> None:
    text = (
        "手上有2个新职位👇\n——————\n"
        "1、风控策略经理｜某消费金融公司｜上海\n年薪：40-60万\n"
        "JD：1.负责贷前策略的制定；2.监控资产质量。要求：1.本科及以上学历；2.3年以上风控经验。\n"
        "——————\n2、财务BP｜某连锁品牌｜苏州\n薪资：25-35K\n"
        "JD：1）负责区域预算编制；2）跟进新店投资测算。要求：1）持有中级会计师证书；"
        "2）5年以上财务分析经验。\n"
    )
    first, second = read_postings(_write(tmp_path, "hunter.txt", text))
    assert (first.title, second.title) == ("风控策略经理", "财务BP")
    assert _texts(first.requirements) == ["本科及以上学历；", "3年以上风控经验。"]
    # 2）5年 is item 2, then five years
    assert _texts(second.requirements) == ["持有中级会计师证书；", "5年以上财务分析经验。"]


def test_a_figure_in_brackets_is_no_item_number(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text(
        "岗位名称,任职资格\n运营专员,1.熟悉数据工具（如卖家精灵、Helium 10）；2.英语读写流利。\n",
        encoding="utf-8",
    )
    (p,) = read_postings(path)
    assert _texts(p.requirements) == ["熟悉数据工具（如卖家精灵、Helium 10）；", "英语读写流利。"]


def test_posting_written_as_questions() -> None:
    (p,) = parse_posting_text(
        "用户研究员\nQ1：这个岗位做什么？\n· 规划并执行用户访谈；\nQ2：我们希望你是怎样的人？\n"
        "· 3年以上用户研究经验；\nQ3：有哪些加分项？\n· 有音频产品经验。\nQ4：怎么申请？\n"
        "把简历发到 jobs@example.com\n"
    )
    assert _texts(p.duties) == ["规划并执行用户访谈；"]
    assert _texts(p.requirements) == ["3年以上用户研究经验；", "有音频产品经验。"]
    assert [r.preferred for r in p.requirements] == [False, True]


def test_internship_posting_and_a_taiwan_job_board_facts() -> None:
    (intern,) = parse_posting_text(
        "【2027届】数据分析实习生\n实习内容：\n1. 编写SQL取数脚本；\n实习要求：\n1. 统计学相关专业；\n"
        "实习时间：2026年12月至2027年6月\n"
    )
    assert intern.title == "数据分析实习生"
    assert (len(intern.duties), len(intern.requirements)) == (1, 1)
    (tw,) = parse_posting_text(
        "財務分析師\n工作內容\n1. 負責預算編製與差異分析。\n管理責任：不需負擔管理責任\n"
        "出差外派：無需出差外派\n條件要求\n工作經歷：3年以上\n具備駕照：不拘\n"
    )
    assert _texts(tw.duties) == ["負責預算編製與差異分析。"]
    assert _texts(tw.requirements) == ["工作經歷：3年以上"]


# ------------------------------------------------------------ held-out batch 8 layouts
def test_items_run_together_with_bracketed_or_keycap_numbers() -> None:
    (brochure,) = parse_posting_text(
        "（一）管理培训生\n招聘人数：10人　工作地点：总行\n岗位职责：\n"
        "（1）参与总行部门轮岗；（2）参与重点项目研究。\n任职要求：\n（1）硕士及以上学历；（2）英语六级。\n"
    )
    assert brochure.title == "管理培训生"  # a doing word in front, and a title word
    assert _texts(brochure.duties) == ["参与总行部门轮岗；", "参与重点项目研究。"]
    assert _texts(brochure.requirements) == ["硕士及以上学历；", "英语六级。"]
    (share,) = parse_posting_text(
        "【快聘江州】烘焙门店店长｜6-8K｜江州\n"
        "岗位职责：1️⃣负责门店日常运营；2️⃣带领店员完成销售目标。\n"
        "任职要求：1️⃣2年以上门店管理经验；2️⃣持有健康证者优先。\n"
    )
    assert share.title == "烘焙门店店长"  # a channel's 【tag】 off
    assert _texts(share.duties) == ["负责门店日常运营；", "带领店员完成销售目标。"]
    assert [r.preferred for r in share.requirements] == [False, True]


def test_breadcrumb_is_no_title_and_a_sign_off_no_item(tmp_path: Path) -> None:
    page = (
        "<div>首页 &gt; 社会招聘 &gt; 仓储运营主管</div><h1>仓储运营主管</h1>"
        "<p><strong>岗位职责：</strong></p><ul><li>负责仓库日常运营管理；</li></ul>"
        "<p><strong>任职要求：</strong></p><ul><li>3年以上仓储管理经验；</li></ul>"
        "<p>云栖物流有限公司人力资源部　2026年11月</p>"
    )
    (p,) = read_postings(_write(tmp_path, "job.html", page))
    assert p.title == "仓储运营主管"
    assert _texts(p.requirements) == ["3年以上仓储管理经验；"]
    assert [d.reason for d in p.dropped if "人力资源部" in d.text] == ["signature"]


def test_chinese_and_english_line_by_line() -> None:
    (p,) = parse_posting_text(
        "职位：销售工程师\nPosition: Sales Engineer\n岗位职责\nResponsibilities\n"
        "1. 开发华中地区新客户；\nDevelop new customers in Central China;\n"
        "2. 负责报价和回款跟进。\nHandle quotations and payment collection.\n"
        "任职要求\nRequirements\n1. 3年以上机床销售经验；\nAt least 3 years of machine tool sales.\n"
    )
    assert p.title == "销售工程师"  # its translation right below is no second posting
    assert _texts(p.duties) == [
        "开发华中地区新客户；", "Develop new customers in Central China;",
        "负责报价和回款跟进。", "Handle quotations and payment collection.",
    ]  # fmt: skip
    assert len(p.requirements) == 2


# ------------------------------------------------------------ held-out batch 9 layouts
def test_duties_written_as_prose_are_one_item_a_sentence() -> None:
    (p,) = parse_posting_text(
        "职位：品牌视觉设计师\n工作内容：\n你将加入品牌中心，负责品牌视觉的整体设计。"
        "你需要与市场团队一起策划季度新品的主视觉。此外，你将维护品牌视觉规范。\n"
        "任职要求：\n1）本科及以上学历；\n"
    )
    assert _texts(p.duties) == [
        "你将加入品牌中心，负责品牌视觉的整体设计。",
        "你需要与市场团队一起策划季度新品的主视觉。",
        "此外，你将维护品牌视觉规范。",
    ]


def test_macau_posting_with_vacancy_field_and_bullets() -> None:
    (p,) = parse_posting_text(
        "空缺職位：前堂主任\n職責範圍：\n‧ 督導前台接待的日常運作；\n入職要求：\n‧ 高中或以上學歷；\n"
        "待遇：\n‧ 月薪MOP 18,000；\n‧ 員工膳食及醫療保險。\n"
    )
    assert p.title == "前堂主任"
    assert _texts(p.duties) == ["督導前台接待的日常運作；"]
    assert _texts(p.requirements) == ["高中或以上學歷；"]  # 待遇 is a section of its own


def test_a_posts_highlights_between_its_title_and_duties(tmp_path: Path) -> None:
    text = (
        "测试开发工程师\n💡 岗位亮点\n弹性工作不打卡\n📌 岗位职责\n☐ 负责自动化测试框架的开发；\n"
        "📌 任职要求\n☐ 3年以上测试开发经验；\n"
        "海外社区运营（日语）\n💡 岗位亮点\n直接对接日本玩家社区\n工作地点：上海\n"
        "📌 岗位职责\n☑ 负责日服社区的日常运营；\n📌 任职要求\n☑ 日语N1；\n"
    )
    first, second = read_postings(_write(tmp_path, "feishu.txt", text))
    assert second.title == "海外社区运营（日语）"
    assert _texts(second.duties) == ["负责日服社区的日常运营；"]  # ☑ is a bullet
    assert _texts(first.duties) == ["负责自动化测试框架的开发；"]


def test_job_board_facts_one_a_line_and_a_description_html_field(tmp_path: Path) -> None:
    (page,) = parse_posting_text(
        "注塑工艺工程师\n- 苏州\n- 3-5年\n- 大专\n岗位职责：\n1. 负责注塑工艺参数的调试；\n"
        "任职资格：\n1. 大专及以上学历；\n"
    )
    assert _texts(page.requirements) == ["大专及以上学历；"]
    assert {d.text: d.reason for d in page.dropped}["- 大专"] == "job board summary"
    path = tmp_path / "ats.csv"
    path.write_text(
        "job_title,description_html\n数据分析师,"
        '"<p><strong>岗位职责</strong></p><ul><li>负责经营分析</li></ul>'
        '<p><strong>任职要求</strong></p><ul><li>统计学相关专业</li></ul>"\n',
        encoding="utf-8",
    )
    (export,) = read_postings(path)  # a description field by its name, whatever else it says
    assert (_texts(export.duties), _texts(export.requirements)) == (
        ["负责经营分析"],
        ["统计学相关专业"],
    )


# ------------------------------------------------------------ held-out batch 10 layouts
def test_a_bulleted_item_that_reads_like_a_title_stays_an_item() -> None:
    (p,) = parse_posting_text(
        "Position: 游戏测试工程师\nJob Description\n▪ 参与游戏版本的功能测试，编写测试用例\n"
        "Requirements\n▪ 本科及以上学历，2年以上游戏测试经验\n▪ 熟悉测试流程与缺陷管理工具\n"
        "▪ 掌握Python基础\nBonus Points\n▪ 有Unity项目测试经验\n"
    )
    assert p.title == "游戏测试工程师"
    assert "熟悉测试流程与缺陷管理工具" in _texts(p.requirements)


def test_taiwan_group_message_and_a_three_line_notice() -> None:
    (tw,) = parse_posting_text(
        "【職缺】品牌行銷專員\n【工作內容】\n1. 規劃品牌社群內容\n【需求條件】\n1. 大學以上，行銷相關科系\n"
    )
    assert tw.title == "品牌行銷專員"
    assert _texts(tw.requirements) == ["大學以上，行銷相關科系"]
    (short,) = parse_posting_text(
        "招聘 仓库理货员\n负责货物的收发和盘点；\n能适应倒班。\n有意者电话联系：138****1234 刘主管\n"
    )
    assert short.title == "仓库理货员"
    assert [d.reason for d in short.dropped if "电话" in d.text] == ["contact"]
