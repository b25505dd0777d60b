"""Postings as HR systems and office tools hold them: an approval form printed field by
field, a 岗位说明书 whose duties are a table with measures, a sheet with one item a
column, an export with one item a row, a schema.org JobPosting, a static site's page
with front matter, a chat message with decorated headings."""

from __future__ import annotations

import json
from pathlib import Path

from rolematch.io.postings import parse_posting_text, read_postings
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write


def test_approval_form_printed_label_above_value() -> None:
    text = (
        "招聘需求申请\n所在部门\n生产制造部\n岗位名称\n数控车床操作工\n需求人数\n4\n"
        "岗位职责\n1.按图纸要求操作数控车床；\n2.做好设备日常点检。\n"
        "任职要求\n1.中专及以上学历；\n"
        "审批流程\n陈立新 发起申请 2026-11-18 10:43\n王建华（部门负责人） 已同意 2026-11-18 14:02\n"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "数控车床操作工"
    assert _texts(p.requirements) == ["中专及以上学历；"]  # the approval trail is no item
    # a page's menu (职位 / 公司) is no label and its value
    (q,) = parse_posting_text("职位\n公司\n风控策略经理\n岗位职责：\n1.负责风控策略制定；\n")
    assert q.title == "风控策略经理"


def test_chat_message_with_decorated_headings_and_numbered_bracket_posts() -> None:
    text = (
        "【招聘岗位一】初中数学教师\n——岗位职责——\n▲负责初中数学授课；\n——任职要求——\n▲持有教师资格证；\n"
        "━━━━━━━━━━\n【招聘岗位二】课程顾问\n——岗位职责——\n★负责来访家长的接待；\n"
        "——任职要求——\n★大专及以上学历；\n━━━━━━━━━━\n——我们提供——\n★五险一金\n"
    )
    first, second = parse_posting_text(text)
    assert (first.title, second.title) == ("初中数学教师", "课程顾问")
    assert _texts(first.duties) == ["负责初中数学授课；"]
    assert _texts(second.duties) == ["负责来访家长的接待；"]
    assert _texts(second.requirements) == ["大专及以上学历；"]


def test_markdown_front_matter_titles_the_page(tmp_path: Path) -> None:
    page = (
        '---\ntitle: "高级DevOps工程师"\ndate: 2026-11-18\nsalary: 35-50K·14薪\n---\n\n'
        "## Responsibilities\n\n- 负责Kubernetes集群的运维；\n\n"
        "## Requirements\n\n- 5年以上运维经验；\n"
    )
    (p,) = read_postings(_write(tmp_path, "devops.md", page))
    assert p.title == "高级DevOps工程师"
    assert _texts(p.duties) == ["负责Kubernetes集群的运维；"]
    assert {d.reason for d in p.dropped} >= {"front matter"}


def test_schema_org_job_posting_and_talent_notice_vocabulary(tmp_path: Path) -> None:
    doc = {
        "@type": "JobPosting",
        "title": "亚马逊广告投放专员",
        "description": "<p>某跨境电商企业成立于2016年。</p><p>现招聘广告投放专员一名。</p>",
        "responsibilities": "1、负责站内广告的搭建与优化；\n2、输出广告数据周报。",
        "qualifications": "<ul><li>本科及以上学历；</li><li>2年以上亚马逊广告经验。</li></ul>",
        "jobBenefits": "五险一金",
        "educationRequirements": {"@type": "EducationalOccupationalCredential"},
    }
    (p,) = read_postings(_write(tmp_path, "job.json", json.dumps(doc, ensure_ascii=False)))
    assert _texts(p.duties) == ["负责站内广告的搭建与优化；", "输出广告数据周报。"]
    assert _texts(p.requirements) == ["本科及以上学历；", "2年以上亚马逊广告经验。"]
    (q,) = parse_posting_text(
        "（一）心血管内科学科带头人（1名）\n1.岗位职责\n（1）负责学科建设；\n"
        "2.引进条件\n（1）具有博士学位；\n3.引进待遇\n（1）提供安家费100万元；\n"
    )
    assert _texts(q.requirements) == ["具有博士学位；"]


def test_export_with_one_item_a_row_or_a_column(tmp_path: Path) -> None:
    rows = [
        "岗位编号,岗位名称,条目类型,序号,条目内容",
        "A1,投资顾问,岗位职责,1,为客户提供证券投资咨询服务；",
        "A1,投资顾问,岗位职责,2,开展投资者教育活动；",
        "A1,投资顾问,任职要求,1,已取得证券投资顾问执业资格；",
        "A1,投资顾问,福利待遇,1,五险一金",
        "A2,合规专员,岗位职责,1,负责分支机构合规检查；",
        "A2,合规专员,任职要求,1,3年以上合规工作经验；",
    ]
    first, second = read_postings(_write(tmp_path, "items.csv", "\n".join(rows) + "\n"))
    assert (first.title, second.title) == ("投资顾问", "合规专员")
    assert _texts(first.duties) == ["为客户提供证券投资咨询服务；", "开展投资者教育活动；"]
    assert _texts(first.requirements) == ["已取得证券投资顾问执业资格；"]
    columns = "岗位名称,职责1,职责2,要求1\n店员,负责收银；,负责陈列；,高中学历；\n"
    (p,) = read_postings(_write(tmp_path, "columns.csv", columns))
    assert _texts(p.duties) == ["负责收银；", "负责陈列；"]
    assert _texts(p.requirements) == ["高中学历；"]


def _jobspec(path: Path) -> Path:
    """A 岗位说明书: a four-column form of facts, a 序号 | 工作内容 | 考核标准 table."""
    import docx

    d = docx.Document()
    d.add_paragraph("某供电公司岗位说明书")
    form = d.add_table(rows=2, cols=4)
    for r, cells in enumerate([("岗位名称", "配电运维班班长", "所属部门", "运维中心"),
                               ("直接上级", "中心主任", "岗位定员", "1人")]):  # fmt: skip
        for c, text in enumerate(cells):
            form.cell(r, c).text = text
    d.add_paragraph("二、工作内容及考核标准")
    items = d.add_table(rows=3, cols=3)
    for r, cells in enumerate([("序号", "工作内容", "考核标准"),
                               ("1", "组织班组开展配电线路的日常巡视", "巡视计划完成率100%"),
                               ("2", "负责配电设备故障抢修的现场组织", "到达现场≤45分钟")]):  # fmt: skip
        for c, text in enumerate(cells):
            items.cell(r, c).text = text
    d.add_paragraph("三、任职资格")
    d.add_paragraph("1.学历：大专及以上学历；")
    d.save(str(path))
    return path


def test_job_description_form_with_a_table_of_duties_and_measures(tmp_path: Path) -> None:
    (p,) = read_postings(_jobspec(tmp_path / "jobspec.docx"))
    assert p.title == "配电运维班班长"
    assert _texts(p.duties) == ["组织班组开展配电线路的日常巡视", "负责配电设备故障抢修的现场组织"]
    assert _texts(p.requirements) == ["学历：大专及以上学历；"]
