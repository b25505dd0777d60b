"""Duties and requirements that speak of pay and benefits stay items (HR, payroll and
admin postings); an offer of them stays noise (rolematch.io.postings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolematch.io.postings import parse_posting_text, read_postings
from tests.io._files import texts

# An HR operations posting: every duty is about pay, insurance, leave or events.
HR_OPS = """\
人事运营专员
工作内容：
（1）办理新员工社保、公积金开户及离职减员，按月核对缴费明细；
（2）每月核算员工薪资、个税和绩效奖金，编制工资条；
（3）统计带薪年假、病假和调休余额，答复员工的假期咨询；
（4）策划季度团建和年终晚会，采购节日福利；
（5）跟进员工定期体检的预约和报告归档。
岗位要求：
1. 大专及以上学历，3年以上人事工作经验；
2. 熟悉五险一金和个税政策，能独立完成年度汇算；
3. 做事细致，保密意识强。
我们提供：
1. 五险一金，带薪年假
2. 年终奖和季度团建
"""


def test_a_duty_about_benefits_stays_a_duty() -> None:
    (p,) = parse_posting_text(HR_OPS)
    assert len(p.duties) == 5
    assert texts(p.duties)[3] == "策划季度团建和年终晚会，采购节日福利；"
    assert texts(p.requirements)[1] == "熟悉五险一金和个税政策，能独立完成年度汇算；"
    # the offer's list, under its own heading, is still noise
    assert [d.text for d in p.dropped if d.reason == "pay and benefits"][-2:] == [
        "1. 五险一金，带薪年假",
        "2. 年终奖和季度团建",
    ]
    assert not {"五险一金，带薪年假", "年终奖和季度团建"} & set(texts(p.requirements))


@pytest.mark.parametrize(
    "line",
    [
        "5. 享受五险一金、带薪年假",  # what the employee gets
        "5. 公司缴纳六险一金，年底双薪",
        "5. 月薪6000-8000元，另有绩效奖金",
        "五险一金，周末双休",  # a perk line after the list, no marker
    ],
)
def test_an_offer_inside_a_duty_list_is_still_dropped(line: str) -> None:
    text = f"出纳\n岗位职责：\n1. 负责现金收付和银行对账；\n2. 编制资金日报。\n{line}\n"
    (p,) = parse_posting_text(text)
    assert texts(p.duties) == ["负责现金收付和银行对账；", "编制资金日报。"]
    assert [d.reason for d in p.dropped] == ["pay and benefits"]


def test_an_unnumbered_duty_about_benefits_and_a_paragraph_clause() -> None:
    (p,) = parse_posting_text(
        "行政助理\n岗位职责\n负责员工生日会、下午茶和团建的采买与安排\n维护员工档案\n"
    )
    assert texts(p.duties) == ["负责员工生日会、下午茶和团建的采买与安排", "维护员工档案"]
    (q,) = parse_posting_text(
        "社保专员\n负责参保人员的增员减员，核对每月五险一金缴费基数，整理理赔材料，"
        "需大专以上学历，熟悉本地社保政策，待遇面议，带薪年假。\n"
    )
    assert "核对每月五险一金缴费基数" in texts(q.duties)
    assert "熟悉本地社保政策" in texts(q.requirements)
    assert {d.text for d in q.dropped} == {"待遇面议", "带薪年假。"}


def test_a_word_file_with_bulleted_benefit_duties(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("职位名称：综合行政主管")
    d.add_paragraph("主要职责")
    for duty in ("■ 管理公司车辆与食堂", "■ 牵头筹办年会、员工旅游和节日福利发放"):
        d.add_paragraph(duty)
    d.add_paragraph("福利待遇")
    d.add_paragraph("■ 员工旅游、节日福利")
    d.save(tmp_path / "admin.docx")
    (p,) = read_postings(tmp_path / "admin.docx")
    assert texts(p.duties) == ["管理公司车辆与食堂", "牵头筹办年会、员工旅游和节日福利发放"]
    assert [x.text for x in p.dropped] == ["福利待遇", "■ 员工旅游、节日福利"]
