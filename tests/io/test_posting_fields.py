"""A formula cell with no saved value skips its row, not the import; a posting's
department field (所属部门, a 部门 column) becomes the role's department."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolematch.io.postings import read_postings
from rolematch.io.roles import RoleFileWarning
from tests.io._files import write_utf8 as _write

BODY = "工作职责：\n1. 负责{0}\n任职条件：\n1. 中专以上学历"


def _book(path: Path, rows: list[list[object]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)  # openpyxl saves formulas without a computed value
    return path


def test_a_formula_title_with_no_saved_value_skips_that_row(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "岗位.xlsx",
        [
            ["岗位名称", "用人部门", "岗位描述"],
            ["质检员", "品质部", BODY.format("来料检验")],
            ['=B2&"主管"', "品质部", BODY.format("质检团队管理")],
            ["仓管员", "=B2", BODY.format("收发货")],  # a formula elsewhere: no department
            ["维修工", "设备部", "=A5"],
        ],
    )
    with pytest.warns(RoleFileWarning) as caught:
        postings = read_postings(path)
    assert [p.title for p in postings] == ["质检员", "仓管员"]
    assert [p.department for p in postings] == ["品质部", ""]
    assert [str(w.message) for w in caught] == [
        f"{path}: row 3: skipped: field '岗位名称' is a formula with no saved value "
        "(open and save the workbook in Excel or WPS to compute it)",
        f"{path}: row 5: skipped: field '岗位描述' is a formula with no saved value "
        "(open and save the workbook in Excel or WPS to compute it)",
    ]


def test_department_fields_of_documents_and_exports(tmp_path: Path) -> None:
    text = (
        "招聘岗位：电气工程师\n【所属部门】设备工程部\n"
        + BODY.format("配电系统维护")
        + "\n\n招聘岗位：安全员\n所屬部門：安環部\n"
        + BODY.format("安全巡检")
    )
    a, b = read_postings(_write(tmp_path, "two.txt", text))
    assert (a.department, b.department) == ("设备工程部", "安環部")
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in [
        "部门：华东销售中心",
        "职位名称：区域销售代表",
        *BODY.format("渠道开发").split("\n"),
    ]:
        d.add_paragraph(line)
    d.save(tmp_path / "sales.docx")
    (c,) = read_postings(tmp_path / "sales.docx")
    assert (c.title, c.department) == ("区域销售代表", "华东销售中心")
    assert c.to_role().department == "华东销售中心"
    csv_text = 'title,department,description\n理货员,Logistics,"' + BODY.format("理货") + '"\n'
    (e,) = read_postings(_write(tmp_path, "jobs.csv", csv_text))
    assert e.department == "Logistics"


# the blind test's PDF notice (P10): each post's heading names its department first
NOTICE = """江城银行2026年春季专项社会招聘岗位说明
一、信用卡中心 风险策略经理（1名）
岗位职责：
（1）负责信用卡审批策略的设计与迭代；
任职条件：
（1）3年以上信用卡风险策略经验；
二、信息科技部　信息安全工程师（2名）
岗位职责：
（1）负责网络安全防护体系的建设与运营；
任职条件：
（1）熟悉常见Web漏洞原理及攻防技术；
三、江城银行 反洗钱岗 招聘启事
岗位职责：
（1）负责可疑交易报告的甄别；
任职条件：
（1）持有CAMS证书者优先；
"""


def test_a_department_before_the_title_goes_to_the_department(tmp_path: Path) -> None:
    card, security, aml = read_postings(_write(tmp_path, "notice.txt", NOTICE))
    assert (card.title, card.department) == ("风险策略经理", "信用卡中心")
    assert (security.title, security.department) == ("信息安全工程师", "信息科技部")
    assert security.id == "information-security-engineer"  # made from the bare title
    assert security.to_role().department == "信息科技部"
    assert security.report().splitlines()[:2] == [
        f"information-security-engineer  信息安全工程师  ({tmp_path / 'notice.txt'}, line 7)",
        "  department: 信息科技部",
    ]
    # the notice word goes; the bank's name is no department's: left as it is
    assert (aml.title, aml.department) == ("江城银行 反洗钱岗", "")
    # a department field of the posting that names another one wins: the title is kept
    other = NOTICE.replace("（2名）", "（2名）\n所属部门：运营管理部")
    kept = read_postings(_write(tmp_path, "other.txt", other))[1]
    assert (kept.title, kept.department) == ("信息科技部　信息安全工程师", "运营管理部")
