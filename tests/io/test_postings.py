"""Postings in the layouts people publish them in -> roles (rolematch.io.postings)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from rolematch import RoleSpecError, load_roles
from rolematch.cli import main
from rolematch.io.postings import (
    html_lines,
    parse_posting_text,
    read_postings,
    roles_from_postings,
    roles_from_text,
    slug,
)
from rolematch.io.roles import RoleFileWarning, load_roles_reporting
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write

MODEL = "static-zh"

# A data-analyst posting as a recruiter types it: company blurb, heading
# variants, mixed numbering, one wrapped line, a ；list, extras and noise.
ANALYST_TXT = """\
蓝湾数据科技有限公司成立于2015年，是一家服务零售企业的数据服务商。
招聘岗位：数据分析师
工作地点：苏州工业园区
招聘人数：2人
工作职责
1、负责零售客户销售数据的清洗、整合和建模，搭建经营
指标体系；
2) 负责编制周报和月报，向客户汇报分析结论；
（3）参与BI看板的需求梳理和开发。
任职资格:
本科及以上学历；2年以上数据分析经验；熟练使用SQL和Python
优先考虑：
① 有零售或快消行业分析经验；
② 熟悉Tableau或Power BI。
薪资：10-15K，五险一金，带薪年假
简历请投递至 hr@lanwan.example.com
发布时间：2026-11-02
"""

MARKDOWN = """\
# 招贤纳士
## 客户端开发工程师（iOS）
####职位描述(工作内容)
- 负责公司App iOS客户端的功能开发与维护
* 参与客户端架构优化，提升启动速度和稳定性
####任职要求
• 本科及以上学历，计算机相关专业
· 3年以上iOS开发经验，精通Swift
**加分项：**
- 有音视频开发经验
## 测试工程师
####岗位职责：
a) 负责App的功能测试和自动化测试
b) 编写测试用例和测试报告
####岗位要求：
一、大专及以上学历，1年以上测试经验
二、熟悉Python或Java
"""

UNDIVIDED = """\
职位名称：电话销售专员
职位描述及要求：
1. 负责通过电话向中小企业客户介绍公司的在线办公产品；
2. 跟进意向客户，完成销售目标；
3. 大专及以上学历，专业不限；
4. 1年以上电话销售经验者优先；
5. 普通话标准，沟通能力强。
"""

REQUIREMENTS_FIRST = (
    "1、本科及以上学历，会计、财务管理等相关专业；2、3年以上企业会计工作经验；"
    "3、熟练使用用友或金蝶财务软件。4、负责公司总账核算和财务报表编制；"
    "5、负责税务申报和发票管理。 工作地点：无锡 薪资：8-10K"
)

CS_PAGE = """\
<!DOCTYPE html><html><head><title>招聘-客服专员</title><script>var x=1;</script></head>
<body>
<nav><a href="/">首页</a> | <a href="/jobs">社会招聘</a> | <a href="/login">登录</a></nav>
<div class="breadcrumb">首页 &gt; 社会招聘 &gt; 职位详情</div>
<h1>售后客服专员</h1>
<p>发布日期：2026-10-08　招聘人数：5人</p>
<h3>岗位职责</h3>
<ul><li>接听客户来电，处理售后咨询和投诉；</li><li>登记服务工单并跟踪处理结果。</li></ul>
<h3>任职要求</h3>
<p>1、中专及以上学历；<br>2、有良好的沟通能力和服务意识。</p>
<button>立即申请</button>
<footer>Copyright © 2026 示例公司 沪ICP备00000000号</footer>
</body></html>
"""

FRAGMENT = "<p>岗位职责：<br>1、负责门店日常运营<br>2、管理店员排班</p><p>任职要求：<br>1、有零售管理经验</p>"


# --------------------------------------------------------------- plain text
def test_text_posting_sorts_duties_requirements_and_reports_noise(tmp_path):
    (p,) = read_postings(_write(tmp_path, "analyst.txt", ANALYST_TXT))
    assert p.title == "数据分析师"
    assert _texts(p.duties) == [
        "负责零售客户销售数据的清洗、整合和建模，搭建经营指标体系；",  # wrapped line re-joined
        "负责编制周报和月报，向客户汇报分析结论；",
        "参与BI看板的需求梳理和开发。",
    ]
    assert [(r.text, r.preferred) for r in p.requirements] == [
        ("本科及以上学历", False),  # one line split at ；
        ("2年以上数据分析经验", False),
        ("熟练使用SQL和Python", False),
        ("有零售或快消行业分析经验；", True),
        ("熟悉Tableau或Power BI。", True),
    ]
    reasons = {d.text[:4]: d.reason for d in p.dropped}
    assert reasons == {
        "蓝湾数据": "company introduction",
        "工作地点": "work location",
        "招聘人数": "number of openings",
        "薪资：1": "pay and benefits",
        "简历请投": "contact",
        "发布时间": "posting date",
    }
    assert [d.line for d in p.dropped] == [1, 3, 4, 15, 16, 17]


def test_a_closing_date_is_dropped_as_one_not_as_the_date_it_was_posted(tmp_path):
    # a campus post's 截止日期 was reported as "posting date"
    text = "岗位名称：行业研究助理\n岗位职责：\n1、撰写行业点评\n任职要求：\n1、金融相关专业\n"
    text += "截止日期：2026年12月31日\n发布日期：2026-11-01\n"
    (p,) = read_postings(_write(tmp_path, "campus.txt", text))
    assert [(d.text[:4], d.reason) for d in p.dropped] == [
        ("截止日期", "closing date"),
        ("发布日期", "posting date"),
    ]


@pytest.mark.parametrize(
    "line",
    ["1、负责报表开发", "1. 负责报表开发", "1) 负责报表开发", "（1）负责报表开发",
     "(1)负责报表开发", "① 负责报表开发", "一、负责报表开发", "a) 负责报表开发",
     "- 负责报表开发", "• 负责报表开发", "* 负责报表开发", "· 负责报表开发",
     "１．负责报表开发"],
)  # fmt: skip
def test_numbering_and_bullets_are_taken_off(line):
    (p,) = parse_posting_text(f"职位名称：报表开发\n岗位职责：\n{line}\n任职要求：\n熟悉SQL")
    assert _texts(p.duties) == ["负责报表开发"]


@pytest.mark.parametrize(
    "heading",
    ["岗位职责", "工作职责", "职位描述", "岗位描述", "工作内容", "主要职责", "职责描述",
     "【岗位职责】", "**工作内容：**", "#### 主要职责", "岗位职责:", "岗位职责（必读）："],
)  # fmt: skip
def test_duty_headings(heading):
    (p,) = parse_posting_text(
        f"职位名称：运营专员\n{heading}\n1. 负责活动策划\n任职要求：\n1. 本科学历"
    )
    assert _texts(p.duties) == ["负责活动策划"]
    assert _texts(p.requirements) == ["本科学历"]


@pytest.mark.parametrize(
    "heading",
    ["任职要求", "任职资格", "岗位要求", "职位要求", "应聘条件", "资格要求", "基本要求",
     "任职要求：", "【任职资格】", "**岗位要求**", "### 职位要求"],
)  # fmt: skip
def test_requirement_headings(heading):
    (p,) = parse_posting_text(
        f"职位名称：运营专员\n工作职责：\n1. 负责活动策划\n{heading}\n1. 本科学历"
    )
    assert _texts(p.requirements) == ["本科学历"]
    assert not p.requirements[0].preferred


@pytest.mark.parametrize("heading", ["加分项：", "优先条件", "优先考虑:", "**加分项：**"])
def test_extras_are_preferred_requirements(heading):
    text = f"职位名称：运营专员\n工作职责：\n1. 负责活动策划\n任职要求：\n1. 本科学历\n{heading}\n1. 有社群运营经验"
    (p,) = parse_posting_text(text)
    assert [(r.text, r.preferred) for r in p.requirements] == [
        ("本科学历", False),
        ("有社群运营经验", True),
    ]
    role = p.to_role()
    assert role.preferred == ("有社群运营经验",)


def test_lines_ending_in_preferred_are_marked():
    (p,) = parse_posting_text(
        "职位名称：运营\n岗位职责：\n1.负责运营\n任职要求：\n1.有银行经验者优先\n2.本科"
    )
    assert [r.preferred for r in p.requirements] == [True, False]


def test_a_line_that_asks_for_something_before_its_preferred_tail_is_required():
    # 2年以上对公经验 is asked for; only the 客户资源 is a plus (every clause was tagged)
    (p,) = parse_posting_text(
        "职位名称：对公客户经理\n岗位职责：\n1.负责对公营销\n任职要求：\n"
        "1.具有2年以上银行对公业务工作经验，具有一定客户资源者优先\n"
        "2.全日制本科及以上学历，硕士研究生优先\n"
        "3.持有CFA、FRM等证书者优先，有海外经历者更佳\n"
    )
    assert [r.preferred for r in p.requirements] == [False, False, True]


def test_wrapped_line_after_a_finished_item_is_a_new_item():
    text = "职位名称：运营\n岗位职责：\n1. 负责活动策划。\n负责社群维护\n任职要求：\n1. 本科"
    (p,) = parse_posting_text(text)
    assert _texts(p.duties) == ["负责活动策划。", "负责社群维护"]


def test_english_headings_and_title():
    text = "Job Title: Data Analyst\nResponsibilities:\n- 负责数据分析\nREQUIREMENTS\n- 本科以上学历\nNice to have:\n- Tableau"
    (p,) = parse_posting_text(text)
    assert p.title == "Data Analyst"
    assert _texts(p.duties) == ["负责数据分析"]
    assert [(r.text, r.preferred) for r in p.requirements] == [
        ("本科以上学历", False),
        ("Tableau", True),
    ]


def test_postings_without_headings_separated_by_a_blank_line():
    text = "客服专员\n负责接听电话，解答客户咨询\n高中以上学历\n\n销售代表\n负责客户开发\n有销售经验者优先"
    a, b = parse_posting_text(text)
    assert (a.title, _texts(a.duties), _texts(a.requirements)) == (
        "客服专员", ["负责接听电话，解答客户咨询"], ["高中以上学历"],
    )  # fmt: skip
    assert (b.title, _texts(b.duties), _texts(b.requirements)) == (
        "销售代表", ["负责客户开发"], ["有销售经验者优先"],
    )  # fmt: skip


@pytest.mark.parametrize("field", ["工作地点：江州市各支行", "招聘人数：3名", "薪资：8-12K"])
def test_a_field_line_above_one_numbered_list_without_headings(field: str) -> None:
    # duties and requirements as one numbered list: a field line above it (工作地点：…)
    # is that line only, not a section that swallows the list
    text = (
        f"岗位：小微企业客户经理\n{field}\n1.负责小微企业客户的营销拓展；\n"
        "2.负责贷后管理，定期走访客户；\n3.全日制本科及以上学历；\n4.2年以上银行信贷工作经验。\n"
        "有意者请将简历发送至 hr@bank.example.com"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "小微企业客户经理"
    assert _texts(p.duties) == ["负责小微企业客户的营销拓展；", "负责贷后管理，定期走访客户；"]
    assert _texts(p.requirements) == ["全日制本科及以上学历；", "2年以上银行信贷工作经验。"]
    assert [d.text for d in p.dropped] == [field, "有意者请将简历发送至 hr@bank.example.com"]


def test_a_field_line_in_a_benefits_section_keeps_the_section() -> None:
    # 福利待遇：… with more benefits below it: still the noise section
    text = "岗位职责：\n1.负责出纳工作。\n福利待遇：五险一金\n年底双薪\n节日礼品"
    (p,) = parse_posting_text(text)
    assert _texts(p.duties) == ["负责出纳工作。"]
    assert not p.requirements


def test_headings_and_numbered_items_run_together_on_one_line():
    text = "职位名称：运营专员 岗位职责：1.负责活动策划；2.负责社群维护。任职要求：1.本科；2.三年以上运营经验"
    (p,) = parse_posting_text(text)
    assert p.title == "运营专员"
    assert _texts(p.duties) == ["负责活动策划；", "负责社群维护。"]
    assert _texts(p.requirements) == ["本科；", "三年以上运营经验"]


def test_one_paragraph_post_with_an_inline_short_heading():
    text = (
        "招聘：行政前台\n职位描述：负责前台接待；负责会议室管理。要求：高中及以上学历；普通话标准。"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "行政前台"
    assert _texts(p.duties) == ["负责前台接待", "负责会议室管理。"]
    assert _texts(p.requirements) == ["高中及以上学历", "普通话标准。"]


def test_text_after_a_heading_keeps_its_full_width_punctuation():
    (p,) = parse_posting_text(
        "职位名称：前台\n岗位职责：接待来访，登记信息\n任职要求：形象佳，普通话标准"
    )
    assert _texts(p.duties) == ["接待来访，登记信息"]
    assert _texts(p.requirements) == ["形象佳，普通话标准"]


def test_item_number_followed_by_a_figure():
    text = "岗位1：客户经理\n岗位描述：\n1.负责营销\n任职要求：\n1.本科学历\n2.3年以上银行经验"
    (p,) = parse_posting_text(text)
    assert _texts(p.requirements) == ["本科学历", "3年以上银行经验"]


def test_emoji_headings_and_bullets_of_a_wechat_post():
    text = (
        "🔥招人啦！\n💼 招聘岗位：会员运营专员\n✨岗位职责\n✅ 负责社群运营\n✅ 策划会员活动\n"
        "✨任职要求\n✅ 1年以上运营经验\n💰薪资：6-9K\n👇点击“阅读原文”了解更多岗位"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "会员运营专员"
    assert _texts(p.duties) == ["负责社群运营", "策划会员活动"]
    assert _texts(p.requirements) == ["1年以上运营经验"]
    assert [d.reason for d in p.dropped][-2:] == ["pay and benefits", "web navigation"]


def test_stray_lines_after_a_numbered_list_are_dropped():
    page = (
        "<h1>财务分析师</h1><h3>职位描述</h3><div>1、负责预算编制；<br/>2、本科学历。</div>"
        "<div class='sider-company'><p>公司基本信息</p><p>某某有限公司</p><p>1000-9999人</p></div>"
    )
    (p,) = parse_posting_text(html_lines(page))
    assert (_texts(p.duties), _texts(p.requirements)) == (["负责预算编制；"], ["本科学历。"])
    assert [d.reason for d in p.dropped] == [
        "company introduction", "after the list, not an item", "company introduction",
    ]  # fmt: skip


# ------------------------------------------------------- undivided lists
def test_undivided_list_is_split_by_what_each_line_says():
    (p,) = parse_posting_text(UNDIVIDED)
    assert p.title == "电话销售专员"
    assert _texts(p.duties) == [
        "负责通过电话向中小企业客户介绍公司的在线办公产品；",
        "跟进意向客户，完成销售目标；",
    ]
    assert _texts(p.requirements) == [
        "大专及以上学历，专业不限；",
        "1年以上电话销售经验者优先；",
        "普通话标准，沟通能力强。",
    ]


def test_a_duty_heading_holding_requirements_too_is_split():
    text = "职位名称：出纳\n职位描述：\n1、负责现金收付和银行结算\n2、财务相关专业大专以上学历\n3、熟练使用Excel"
    (p,) = parse_posting_text(text)
    assert _texts(p.duties) == ["负责现金收付和银行结算"]
    assert _texts(p.requirements) == ["财务相关专业大专以上学历", "熟练使用Excel"]


def test_requirements_first_export_text_on_one_line():
    (p,) = parse_posting_text(REQUIREMENTS_FIRST, title="总账会计")
    assert _texts(p.requirements) == [
        "本科及以上学历，会计、财务管理等相关专业；",
        "3年以上企业会计工作经验；",
        "熟练使用用友或金蝶财务软件。",
    ]
    assert _texts(p.duties) == ["负责公司总账核算和财务报表编制；", "负责税务申报和发票管理。"]
    assert {d.reason for d in p.dropped} == {"work location", "pay and benefits"}


def test_requirements_only_posting_is_a_valid_role(tmp_path):
    text = "招聘岗位：柜员\n任职要求：\n1、大专及以上学历\n2、持有银行从业资格证书"
    (p,) = read_postings(_write(tmp_path, "teller.txt", text))
    role = p.to_role()
    assert role.duties == () and len(role.requirements) == 2
    assert "(none: requirements only)" in p.report()


# --------------------------------------------------------------- markdown
def test_markdown_page_with_two_postings(tmp_path):
    ios, qa = read_postings(_write(tmp_path, "careers.md", MARKDOWN))
    assert ios.title == "客户端开发工程师（iOS）"
    assert _texts(ios.duties) == [
        "负责公司App iOS客户端的功能开发与维护",
        "参与客户端架构优化，提升启动速度和稳定性",
    ]
    assert [(r.text, r.preferred) for r in ios.requirements] == [
        ("本科及以上学历，计算机相关专业", False),
        ("3年以上iOS开发经验，精通Swift", False),
        ("有音视频开发经验", True),
    ]
    assert qa.title == "测试工程师"
    assert _texts(qa.duties) == ["负责App的功能测试和自动化测试", "编写测试用例和测试报告"]
    assert _texts(qa.requirements) == ["大专及以上学历，1年以上测试经验", "熟悉Python或Java"]
    assert [d.text for d in ios.dropped] == ["# 招贤纳士"]


# ------------------------------------------------------------------- html
def test_html_page_drops_navigation_and_keeps_the_posting(tmp_path):
    (p,) = read_postings(_write(tmp_path, "job.html", CS_PAGE))
    assert p.title == "售后客服专员"
    assert _texts(p.duties) == [
        "接听客户来电，处理售后咨询和投诉；",
        "登记服务工单并跟踪处理结果。",
    ]
    assert _texts(p.requirements) == ["中专及以上学历；", "有良好的沟通能力和服务意识。"]
    dropped = {d.text: d.reason for d in p.dropped}
    assert dropped["首页 | 社会招聘 | 登录"] == "web navigation"
    assert dropped["首页 > 社会招聘 > 职位详情"] == "web navigation"
    assert dropped["立即申请"] == "web navigation"
    assert "var x" not in " ".join(dropped)
    assert any("ICP" in t for t in dropped)
    # the source line of each item is reported
    assert (
        p.duties[0].line
        == CS_PAGE.splitlines().index(
            next(ln for ln in CS_PAGE.splitlines() if "接听客户来电" in ln)
        )
        + 1
    )


def test_html_fragment_with_br_and_p(tmp_path):
    (p,) = read_postings(_write(tmp_path, "门店店长.htm", FRAGMENT))
    assert p.title == "门店店长"  # no title in the text: the file name
    assert _texts(p.duties) == ["负责门店日常运营", "管理店员排班"]
    assert _texts(p.requirements) == ["有零售管理经验"]


def test_html_table_job_description():
    page = (
        "<table><tr><td>岗位名称</td><td>理财经理</td></tr>"
        "<tr><td>岗位职责</td><td>1、负责客户维护<br>2、负责产品销售</td></tr>"
        "<tr><th>任职要求</th><td>1、本科学历<br>2、持有基金从业资格</td></tr>"
        "<tr><td>工作地点</td><td>南京</td></tr></table>"
    )
    (p,) = parse_posting_text(html_lines(page))
    assert p.title == "理财经理"
    assert _texts(p.duties) == ["负责客户维护", "负责产品销售"]
    assert _texts(p.requirements) == ["本科学历", "持有基金从业资格"]
    assert [d.reason for d in p.dropped] == ["work location"]


def test_gbk_encoded_csv_export(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_bytes("职位名称,职位描述\n出纳,任职要求：大专学历；会计相关专业\n".encode("gbk"))
    (p,) = read_postings(path)
    assert (p.title, _texts(p.requirements)) == ("出纳", ["大专学历", "会计相关专业"])


def test_html_lines_mark_headings_and_list_items():
    lines = html_lines("<h2>客服专员</h2><ul><li>接听来电</li></ul>")
    assert [ln.text for ln in lines] == ["## 客服专员", "- 接听来电"]


# ------------------------------------------------------------ docx and pdf
def test_word_posting(tmp_path):
    import docx

    d = docx.Document()
    for line in ANALYST_TXT.splitlines():
        d.add_paragraph(line)
    path = tmp_path / "analyst.docx"
    d.save(str(path))
    (p,) = read_postings(path)
    assert p.title == "数据分析师"
    assert len(p.duties) == 3 and len(p.requirements) == 5
    assert "薪资：10-15K，五险一金，带薪年假" in [d.text for d in p.dropped]


def test_word_table_job_description(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某某银行岗位说明书")
    rows = [
        ("岗位名称", "对公客户经理"),
        ("所属部门", "公司金融部"),
        ("岗位职责", "1.负责对公客户营销拓展；\n2.负责授信调查和贷后管理。"),
        ("任职要求", "1.本科及以上学历；\n2.3年以上银行对公业务经验。"),
        ("薪酬待遇", "面议"),
    ]
    table = d.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    path = tmp_path / "jd.docx"
    d.save(str(path))
    (p,) = read_postings(path)
    assert p.title == "对公客户经理"
    assert _texts(p.duties) == ["负责对公客户营销拓展；", "负责授信调查和贷后管理。"]
    assert _texts(p.requirements) == ["本科及以上学历；", "3年以上银行对公业务经验。"]
    assert [d.reason for d in p.dropped] == [
        "before any duty or requirement heading", "job type", "pay and benefits",
    ]  # fmt: skip


def test_pdf_posting(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "dev.pdf"
    c = canvas.Canvas(str(path))
    lines = ["职位名称：Python开发工程师", "岗位职责：", "1、负责数据平台后端开发；",
             "2、参与接口设计和代码评审。", "任职要求：", "1、本科及以上学历；",
             "2、3年以上Python开发经验。", "联系电话：021-5***-0000"]  # fmt: skip
    for i, line in enumerate(lines):
        c.setFont("STSong-Light", 11)
        c.drawString(60, 780 - 22 * i, line)
    c.save()
    (p,) = read_postings(path)
    assert p.title == "Python开发工程师"
    assert _texts(p.duties) == ["负责数据平台后端开发；", "参与接口设计和代码评审。"]
    assert _texts(p.requirements) == ["本科及以上学历；", "3年以上Python开发经验。"]
    assert [d.reason for d in p.dropped] == ["contact"]


def test_bank_format_reads_like_the_bundled_roles(shared_dir):
    postings = read_postings(shared_dir / "posting" / "platform_ecosystem_finance_posts.txt")
    bundled = load_roles()
    assert len(postings) == len(bundled) == 9
    for p, r in zip(postings, bundled, strict=True):
        role = p.to_role()
        assert (role.title, role.duties, role.requirements, role.kpis, role.majors) == (
            r.title, r.duties, r.requirements, r.kpis, r.majors,
        )  # fmt: skip


# ------------------------------------------------------------------ exports
def _csv(tmp_path: Path, rows: list[dict[str, str]], name: str = "jobs.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def test_csv_export_with_field_mapping(tmp_path):
    path = _csv(
        tmp_path,
        [
            {"jid": "A-1", "岗位": "总账会计", "详情": REQUIREMENTS_FIRST},
            {"jid": "A-2", "岗位": "出纳", "详情": "岗位职责：负责现金收付。任职要求：大专学历"},
        ],
    )
    a, b = read_postings(path, title_field="岗位", text_field="详情", id_field="jid")
    assert (a.id, a.title, len(a.duties), len(a.requirements)) == ("A-1", "总账会计", 2, 3)
    assert (b.id, _texts(b.duties), _texts(b.requirements)) == (
        "A-2",
        ["负责现金收付。"],
        ["大专学历"],
    )


def test_jsonl_and_json_exports_with_html_text(tmp_path):
    rec = {"jobName": "店长", "jobDesc": FRAGMENT, "salary": "面议"}
    jl = _write(tmp_path, "jobs.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    js = _write(tmp_path, "jobs.json", json.dumps({"data": [rec, rec]}, ensure_ascii=False))
    (p,) = read_postings(jl, title_field="jobName", text_field="jobDesc")
    assert _texts(p.duties) == ["负责门店日常运营", "管理店员排班"]
    q1, q2 = read_postings(js, title_field="jobName", text_field="jobDesc")
    assert q1.id != q2.id and q2.id == q1.id + "-2"


def test_excel_export(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["岗位", "要求"])
    sheet.append(["出纳", "岗位职责：负责现金收付。任职要求：大专学历"])
    sheet.append([None, None])
    sheet.append(["", "任职要求：本科"])
    path = tmp_path / "jobs.xlsx"
    book.save(path)
    with pytest.raises(RoleSpecError, match=r"jobs\.xlsx: field '岗位': row 4: the title is empty"):
        read_postings(path, title_field="岗位", text_field="要求")
    sheet.delete_rows(4)
    book.save(path)
    (p,) = read_postings(path, title_field="岗位", text_field="要求")
    assert (p.title, _texts(p.duties), _texts(p.requirements)) == (
        "出纳",
        ["负责现金收付。"],
        ["大专学历"],
    )


def test_export_default_field_names(tmp_path):
    path = _csv(
        tmp_path, [{"职位名称": "出纳", "职位描述": "岗位职责：负责现金收付。任职要求：大专学历"}]
    )
    (p,) = read_postings(path)
    assert p.title == "出纳" and _texts(p.requirements) == ["大专学历"]


def test_export_errors_name_file_line_and_field(tmp_path):
    path = _csv(tmp_path, [{"title": "出纳", "text": "任职要求：大专"}, {"title": "", "text": "x"}])
    with pytest.raises(
        RoleSpecError, match=r"jobs\.csv: field 'title': line 3: the title is empty"
    ):
        read_postings(path)
    with pytest.raises(RoleSpecError, match=r"field 'desc': line 2: no such field"):
        read_postings(path, text_field="desc")
    other = _csv(tmp_path, [{"name_x": "出纳", "body": "大专"}], "other.csv")
    with pytest.raises(RoleSpecError, match=r"other\.csv.*no title field found.*--title-field"):
        read_postings(other)
    bad = _write(tmp_path, "bad.jsonl", '{"title": "a", "text": "b"}\n{oops\n')
    with pytest.raises(RoleSpecError, match=r"bad\.jsonl.*line 2: not valid JSON"):
        read_postings(bad)
    empty = _csv(tmp_path, [{"title": "出纳", "text": "  "}], "empty.csv")
    with pytest.raises(RoleSpecError, match=r"field 'text': line 2: the posting text is empty"):
        read_postings(empty)


def test_a_posting_with_nothing_to_import_is_an_error(tmp_path):
    path = _write(tmp_path, "blurb.txt", "示例公司成立于2010年。\n联系电话：010-1234****\n")
    with pytest.raises(RoleSpecError, match=r"blurb\.txt.*no duty or requirement found"):
        read_postings(path)
    with pytest.raises(RoleSpecError, match=r"unsupported posting file type '\.pages'"):
        read_postings(_write(tmp_path, "a.pages", "x"))
    with pytest.raises(RoleSpecError, match=r"a\.rtf: cannot read the RTF file"):
        read_postings(_write(tmp_path, "a.rtf", "x"))  # an RTF posting is read, a bad one named


# --------------------------------------------------------------------- ids
def test_ids_are_stable_ascii_and_unique(tmp_path):
    a = _write(tmp_path, "a.txt", ANALYST_TXT)
    b = _write(tmp_path, "b.txt", ANALYST_TXT)
    first = [p.id for p in read_postings([a, b])]
    assert first == [p.id for p in read_postings([a, b])]
    assert first[1] == first[0] + "-2"
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in first)
    assert slug("Java后端开发工程师") == "java-backend-developer-engineer"
    assert slug("风控专员") != slug("合规专员")
    assert re.fullmatch(r"posting-[0-9a-f]{6}", slug("花艺师"))
    # a finance firm's posts read as what they are, without a hash or a repeated word
    assert slug("理赔审核主管") == "claims-review-lead"
    assert slug("量化研究员") == "quant-researcher"
    assert slug("合规风控合规岗") == "compliance-risk"
    roles = [p.to_role() for p in read_postings([a, b])]
    assert [r.id for r in roles] == first


def test_given_ids_must_fit(tmp_path):
    a = _write(tmp_path, "a.txt", ANALYST_TXT)
    with pytest.raises(RoleSpecError, match=r"field 'id': 2 ids given for 1 postings"):
        read_postings(a, ids=["x", "y"])
    assert [p.id for p in read_postings(a, ids=["analyst"])] == ["analyst"]
    b = _write(tmp_path, "b.txt", ANALYST_TXT)
    # given ids are used as given or refused: a later --role names them
    with pytest.raises(RoleSpecError, match=r"given twice: \['x'\]"):
        read_postings([a, b], ids=["x", "x"])
    for bad in ("手机", "My Role", "-x"):
        with pytest.raises(RoleSpecError, match=r"field 'id': ids must be lower-case"):
            read_postings([a, b], ids=["x", bad])


def test_cli_ids_that_do_not_fit_are_a_usage_error(tmp_path, capsys):
    a = _write(tmp_path, "a.txt", ANALYST_TXT)
    for ids in ("a,a", "手机", "a,b"):
        assert main(["roles", "import", str(a), "--dry-run", "--ids", ids]) == 2, ids
        assert "--ids: field 'id'" in capsys.readouterr().err
    assert main(["roles", "import", str(a), "--dry-run", "--ids", "analyst"]) == 0


# ----------------------------------------------------- load_roles and CLI
def test_load_roles_reads_postings_and_folders_of_them(tmp_path):
    folder = tmp_path / "postings"
    folder.mkdir()
    _write(folder, "analyst.txt", ANALYST_TXT)
    _write(folder, "careers.md", MARKDOWN)
    roles, report = load_roles_reporting(folder)
    assert [r.title for r in roles] == ["数据分析师", "客户端开发工程师（iOS）", "测试工程师"]
    assert "dropped (6)" in report and "company introduction" in report
    assert load_roles(folder) == roles


def test_cli_import_writes_role_files_and_dry_run_prints(tmp_path, capsys):
    posting = _write(tmp_path, "careers.md", MARKDOWN)
    out = tmp_path / "roles"
    assert main(["roles", "import", str(posting), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "客户端开发工程师（iOS）" in printed and "[preferred] 有音视频开发经验" in printed
    assert "# 招贤纳士" in printed
    assert not out.exists()
    assert main(["roles", "import", str(posting), "--out", str(out), "--ids", "ios,qa"]) == 0
    assert [r.id for r in load_roles(out)] == ["ios", "qa"]
    assert main(["roles", "import", str(posting)]) == 2  # usage: --out or --dry-run
    assert "--out" in capsys.readouterr().err


def test_cli_import_export_with_fields(tmp_path, capsys):
    rec = {"jobLabel": "店长", "jobDesc": FRAGMENT}
    jl = _write(tmp_path, "jobs.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    args = ["roles", "import", str(jl), "--title-field", "jobLabel", "--text-field", "jobDesc"]
    assert main([*args, "--dry-run"]) == 0
    assert "店长" in capsys.readouterr().out
    assert main(["roles", "import", str(jl), "--dry-run"]) == 1
    assert "no title field found" in capsys.readouterr().err


def test_ats_field_names_found_without_options(tmp_path, capsys):
    # an HR system's API export: the records inside {"code", "msg", "data": {"rows"}},
    # the title in postName, the sections in camelCase arrays, benefits in welfare
    row = {
        "postName": "分拣中心运营主管",
        "companyIntro": "某供应链公司成立于2011年。",
        "jobContent": ["负责分拣中心夜班生产的组织与调度", "管理分拣班组约60人"],
        "jobCondition": ["大专及以上学历，物流管理相关专业", "3年以上仓配中心现场管理经验"],
        "bonusPoint": ["有交叉带分拣线管理经验者优先"],
        "welfare": ["五险一金", "夜班补贴"],
    }
    doc = {"code": 200, "msg": "操作成功", "data": {"total": 1, "rows": [row]}}
    path = _write(tmp_path, "api.json", json.dumps(doc, ensure_ascii=False))
    (p,) = read_postings(path)
    assert p.title == "分拣中心运营主管"
    assert [d.text for d in p.duties] == row["jobContent"]
    assert [r.text for r in p.requirements] == row["jobCondition"] + row["bonusPoint"]
    assert p.requirements[-1].preferred
    assert not {"五险一金", "夜班补贴"} & {i.text for i in p.duties + p.requirements}


def test_cli_score_against_a_posting_file(tmp_path, capsys):
    posting = _write(tmp_path, "analyst.txt", ANALYST_TXT)
    cv = _write(
        tmp_path,
        "cv.txt",
        "2019.07-至今 某零售集团 数据分析师：负责销售数据清洗和建模，编制周报月报，"
        "搭建BI看板。\n2015-2019 某大学 统计学 本科\n技能：SQL、Python、Tableau",
    )
    out = tmp_path / "out.csv"
    rc = main(["score", str(cv), "--roles", str(posting), "--model", MODEL, "-o", str(out)])
    assert rc == 0
    err = capsys.readouterr().err
    assert "imported postings as roles" in err and "dropped (6)" in err
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["role_title"] for r in rows] == ["数据分析师"]
    assert 0.0 <= float(rows[0]["score"]) <= 1.0

    # --roles repeats (each posting's roles are scored), and -q keeps the report off stderr
    second = _write(
        tmp_path,
        "cashier.txt",
        "出纳\n岗位职责：\n1. 负责现金收付和银行存款日记账登记；\n2. 负责银行对账和票据保管。\n"
        "任职要求：\n1. 会计相关专业大专及以上学历；\n2. 两年以上出纳工作经验。",
    )
    args = ["score", str(cv), "--roles", str(posting), "--roles", str(second)]
    assert main([*args, "--model", MODEL, "-o", str(out), "-q"]) == 0
    assert "imported postings as roles" not in capsys.readouterr().err
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["role_title"] for r in rows) == ["出纳", "数据分析师"]


def test_a_json_list_of_roles_keeps_its_ids_and_one_line_an_item(tmp_path):
    # a system's export of roles: lists of lines, and ids the user will name later
    roles = [
        {"id": "cs-lead", "title": "客服团队主管", "duties": ["负责坐席排班与现场管理",
         "负责客户投诉处理"], "requirements": ["本科及以上学历", "5年以上客服管理经验"]},
        {"id": "J1001", "title": "支付结算主管", "duties": ["负责银联网联清算对账"],
         "requirements": ["熟悉支付清算业务"]},
    ]  # fmt: skip
    path = tmp_path / "roles.json"
    path.write_text(json.dumps(roles, ensure_ascii=False), encoding="utf-8")
    a, b = read_postings(path)
    assert [r.id for r in roles_from_postings([a, b])] == ["cs-lead", "j1001"]
    assert _texts(a.duties) == ["负责坐席排班与现场管理", "负责客户投诉处理"]
    assert _texts(a.requirements) == ["本科及以上学历", "5年以上客服管理经验"]
    assert not any("[" in t for t in _texts(b.duties) + _texts(b.requirements))


def test_a_department_after_a_title_is_the_postings_department(tmp_path):
    text = (
        "合规风控岗（合规管理部）\n岗位职责：\n1. 开展合规审查\n任职要求：\n1. 法学专业本科及以上\n"
    )
    (p,) = read_postings(_write(tmp_path, "jd.txt", text))
    assert (p.title, p.department) == ("合规风控岗（合规管理部）", "合规管理部")
    assert (
        p.id.startswith("compliance") and "department" not in p.id and p.id.count("compliance") == 1
    )


def test_a_notice_word_after_the_title_is_no_part_of_it():
    # a GBK notice's first line 江城银行 反洗钱岗 招聘启事 was the whole title
    (p,) = parse_posting_text(
        "江城银行 反洗钱岗 招聘启事\n岗位职责：\n1、负责可疑交易报告的甄别\n任职要求：\n1、本科"
    )
    assert p.title == "江城银行 反洗钱岗"


def test_roles_from_a_postings_text():
    # postings held in an HR database are text: no file to write first
    from rolematch import roles_from_text
    from rolematch.exceptions import RoleSpecError

    text = "岗位名称：客服主管\n岗位职责：\n1. 负责坐席排班和质检\n任职要求：\n1. 本科"
    (role,) = roles_from_text(text, source="hr-db:17")
    assert (role.title, role.duties, role.requirements) == (
        "客服主管",
        ("负责坐席排班和质检",),
        ("本科",),
    )
    assert role.source == "hr-db:17"
    with pytest.raises(RoleSpecError, match="field 'title'"):
        roles_from_text("岗位职责：\n1. 负责坐席排班和质检\n任职要求：\n1. 本科")
    with pytest.raises(TypeError, match="'text' parameter of roles_from_text must be a str"):
        roles_from_text(text.encode())  # type: ignore[arg-type]
    with pytest.raises(RoleSpecError, match="roles_from_text"):  # the text given as a path
        read_postings(text)


# ------------------------------------------------------------ a job board's bare first line
BOARD_POST = (
    "{first}\n18-28K·14薪\n深圳·南山区  5-10年  本科\n\n岗位职责：\n"
    "1、负责所辖业务部门的招聘、绩效管理、薪酬调整、员工关系等人力资源工作的落地；\n"
    "2、推动组织诊断与组织发展项目，协助业务管理者进行团队搭建和人才盘点；\n\n"
    "任职要求：\n1、本科及以上学历，人力资源管理相关专业；\n2、5年以上人力资源工作经验。\n"
)


@pytest.mark.parametrize("first", ["HRBP", "人力资源业务伙伴（HRBP）", "PMC", "SQE"])
def test_a_bare_first_line_without_a_title_word_is_the_title(tmp_path: Path, first: str) -> None:
    # the layout of BOSS直聘: the title alone on the first line, no 岗位名称 label; it was
    # dropped and the role titled p8_hrbp_boss, whose words became its keywords
    (p,) = read_postings(_write(tmp_path, "p8_hrbp_boss.txt", BOARD_POST.format(first=first)))
    assert (p.title, p.line) == (first, 1)
    assert first not in [d.text for d in p.dropped]
    (role,) = roles_from_text(BOARD_POST.format(first=first))  # was: "no title"
    assert role.title == first


@pytest.mark.parametrize("first", ["深圳拓云网络科技有限公司", "2026年春季校园招聘", "急聘"])
def test_an_employer_or_a_notice_line_is_no_title(tmp_path: Path, first: str) -> None:
    path = _write(tmp_path, "p8_hrbp_boss.txt", BOARD_POST.format(first=first))
    with pytest.warns(RoleFileWarning, match=r"p8_hrbp_boss.txt: no title line: titled with the f"):
        (p,) = read_postings(path)
    assert p.title == "p8_hrbp_boss" and p.warnings
