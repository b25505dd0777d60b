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
