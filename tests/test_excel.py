"""The Excel workbook of ``rolematch score -o x.xlsx``, read back with openpyxl and as XML.

Real files with hostile names, a role whose title starts with ``@``, the real CLI and
the real static-zh model.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from rolematch.cli import main

openpyxl = pytest.importorskip("openpyxl")

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
CV = (
    "求职意向：仓储主管\n工作经历\n2016.03-至今 某电商物流中心 仓储主管\n"
    "1. 负责仓库收货、上架、拣货和发货作业管理，使用WMS系统。\n"
    "2. 组织月度库存盘点，盘亏率控制在0.1%以内，推行5S现场管理。\n"
    "3. 管理仓库团队30人，负责排班、培训和绩效考核。\n"
)
OTHER = (
    "求职意向：语文教师\n工作经历\n2015.09-至今 某中学 语文教师\n负责高一语文教学和班主任工作。\n"
)
ROLE = """\
id: warehouse
title: "@仓库管理员"
duties:
- 负责仓库收货、上架、拣货和发货作业管理。
- 组织库存盘点，控制盘亏，推行5S现场管理。
- 管理仓库团队的排班、培训和绩效考核。
requirements:
- 熟悉WMS系统，三年以上仓储管理经验。
"""
NURSE = """\
id: nurse
title: 护士长
duties:
- 负责病区护理质量管理和护士排班。
- 组织护理查房和护理人员培训。
"""
#: Names a spreadsheet would run as formulas, and a plain one.
HOSTILE = ("=bad.txt", "+cmd.txt", "-2+3.txt", "@SUM(A1).txt")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("excel")
    cvs, roles = root / "cvs", root / "roles"
    cvs.mkdir()
    roles.mkdir()
    for name, hobby in zip(HOSTILE, ("篮球", "游泳", "阅读", "登山"), strict=True):
        (cvs / name).write_text(f"{CV}\n兴趣爱好：{hobby}", encoding="utf-8")
    (cvs / "teacher.txt").write_text(OTHER, encoding="utf-8")
    # the same CV twice: a role sheet lists the first file of a text, whose warnings name both
    (cvs / "teacher_copy.txt").write_text(OTHER, encoding="utf-8")
    # a truncated PDF named like a formula: the Unreadable sheet names it too
    pdf = next((Path(__file__).parents[1] / "examples" / "pdf").glob("*.pdf"))
    (cvs / "=broken.pdf").write_bytes(pdf.read_bytes()[:200])
    (roles / "a.yaml").write_text(ROLE, encoding="utf-8")
    (roles / "b.yaml").write_text(NURSE, encoding="utf-8")
    return {"root": root, "cvs": cvs, "roles": roles}


def _score(batch: dict[str, Any], out: Path, *extra: str) -> None:
    argv = ["score", str(batch["cvs"]), "--roles", str(batch["roles"]), "--model", "static-zh",
            "-q", "-o", str(out), *extra]  # fmt: skip
    assert main(argv) == 0


def _xml_cells(path: Path) -> tuple[list[tuple[str, ET.Element]], dict[int, bool]]:
    """Every ``<c>`` of every sheet (sheet part, element), and the quote prefix of each
    cell style (``cellXfs`` index -> quotePrefix)."""
    cells = []
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("xl/styles.xml"))
        xfs = styles.find("m:cellXfs", NS)
        assert xfs is not None
        prefix = {k: xf.get("quotePrefix") == "1" for k, xf in enumerate(xfs)}
        for name in z.namelist():
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                sheet = ET.fromstring(z.read(name))
                cells += [(name, c) for c in sheet.iter(f"{{{NS['m']}}}c")]
    return cells, prefix


def _text(c: ET.Element) -> str | None:
    t = c.find("m:is/m:t", NS)
    return None if t is None else t.text


def test_xlsx_text_is_the_exact_text_typed_as_a_string_never_a_formula(batch, tmp_path):
    # cells read '=bad.pdf, '+cmd.txt, '@仓库管理员 in Excel (a leading '
    # on a cell that was already text), so the names no longer matched the files
    out = tmp_path / "x.xlsx"
    _score(batch, out)
    wb = openpyxl.load_workbook(out)
    assert [ws.title for ws in wb.worksheets] == [
        "总览 Overview", "@仓库管理员", "护士长", "无法读取 Unreadable"
    ]  # fmt: skip
    texts = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts[(ws.title, cell.coordinate)] = cell
    assert not [c.value for c in texts.values() if c.value.startswith("'")]
    role = wb["@仓库管理员"]
    header = [c.value for c in role[1]]
    files = [row[header.index("file")] for row in role.iter_rows(min_row=2, values_only=True)]
    assert set(files) == {*HOSTILE, "teacher.txt"}  # the names as on disk
    assert all((batch["cvs"] / f).is_file() for f in files)
    overview = wb["总览 Overview"]
    assert [c.value for c in overview[1]][4] == "@仓库管理员"
    paths = {row[0] for row in overview.iter_rows(min_row=2, values_only=True)}
    names = (*HOSTILE, "teacher.txt", "teacher_copy.txt", "=broken.pdf")
    assert paths == {str(batch["cvs"] / n) for n in names}
    assert [r[0] for r in wb["无法读取 Unreadable"].iter_rows(min_row=2, values_only=True)] == [
        str(batch["cvs"] / "=broken.pdf")
    ]
    # every text cell that starts like a formula is a string with Excel's quote prefix
    risky = [c for c in texts.values() if c.value[:1] in "=+-@"]
    assert len(risky) >= len(HOSTILE) * 3 + 2
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    # and so is it in the file itself: an inline string, no <f> anywhere
    cells, prefix = _xml_cells(out)
    assert not [c for _, c in cells if c.find("m:f", NS) is not None]
    by_text = {_text(c): c for _, c in cells if _text(c) is not None}
    for name in (*HOSTILE, "@仓库管理员"):
        c = by_text[name]
        assert c.get("t") == "inlineStr" and prefix[int(c.get("s", "0"))], name
    assert not [t for t in by_text if t.startswith("'")]
    assert not prefix[int(by_text["teacher.txt"].get("s", "0"))]  # plain text: no style


def test_csv_keeps_its_leading_apostrophe(batch, tmp_path):
    out = tmp_path / "x.csv"
    _score(batch, out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert "'@仓库管理员" in {r["role_title"] for r in rows}
    assert {r["file"] for r in rows} == {str(p) for p in batch["cvs"].iterdir()}


def test_xlsx_overview_follows_min_score_as_the_wide_csv_does(batch, tmp_path):
    # with --min-score the Overview showed every score, the CSVs blanked them
    xlsx, wide = tmp_path / "m.xlsx", tmp_path / "m.wide.csv"
    _score(batch, xlsx, "--min-score", "0.5", "-o", str(wide))
    with open(wide, encoding="utf-8-sig", newline="") as f:
        wide_rows = {r["file"].lstrip("'"): r for r in csv.DictReader(f)}
    overview = openpyxl.load_workbook(xlsx)["总览 Overview"]
    header = [c.value for c in overview[1]]
    assert header[4:6] == ["@仓库管理员", "护士长"]
    rows = {
        r[0]: dict(zip(header, r, strict=True))
        for r in overview.iter_rows(min_row=2, values_only=True)
    }
    assert rows.keys() == wide_rows.keys()
    blanked = 0
    for file, row in rows.items():
        w = wide_rows[file]
        for title, role_id in (("@仓库管理员", "warehouse"), ("护士长", "nurse")):
            if w[role_id] == "":
                assert row[title] is None, (file, title)
                blanked += 1
            else:
                assert row[title] == pytest.approx(float(w[role_id]), abs=1e-4)
                assert row[title] >= 0.5
        assert (row["best_score"] is None) == (w["best_score"] == "")
        assert (row["reason"] or "") == w["reason"].lstrip("'")
    assert blanked >= len(rows)  # the nurse role: no one reaches 0.5
    teacher = rows[str(batch["cvs"] / "teacher.txt")]
    assert teacher["status"] == "ok" and teacher["best_role"] is None
    assert teacher["reason"].startswith("no role scores 0.5 or more (--min-score); best: ")
    # without the filter every score shows
    _score(batch, tmp_path / "all.xlsx")
    every = openpyxl.load_workbook(tmp_path / "all.xlsx")["总览 Overview"]
    row = next(
        r for r in every.iter_rows(min_row=2, values_only=True) if r[0].endswith("teacher.txt")
    )
    assert row[4] is not None and row[5] is not None


def test_excel_text_cells_have_no_quote_for_plain_text(tmp_path):
    from openpyxl import Workbook

    from rolematch.excel import _text_cell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("a")
    cells = [_text_cell(ws, t) for t in ("#N/A", "=1+1", "张三.pdf", "\tx")]
    ws.append(cells)
    wb.save(tmp_path / "t.xlsx")
    got = openpyxl.load_workbook(tmp_path / "t.xlsx")["a"]
    assert [(c.value, c.data_type, bool(c.quotePrefix)) for c in got[1]] == [
        ("#N/A", "s", False),  # not an error value
        ("=1+1", "s", True),
        ("张三.pdf", "s", False),
        ("\tx", "s", True),
    ]


def test_xlsx_overview_reason_is_the_best_roles_as_in_the_long_csv(batch, tmp_path):
    # the overview's reason was empty for every scored résumé (only unreadable files
    # and --min-score's "no role scores …" had one)
    xlsx, long = tmp_path / "r.xlsx", tmp_path / "r.csv"
    _score(batch, xlsx, "-o", str(long))
    with open(long, encoding="utf-8-sig", newline="") as f:
        first = {r["file"].lstrip("'"): r for r in csv.DictReader(f) if r["role_rank"] in ("1", "")}
    overview = openpyxl.load_workbook(xlsx)["总览 Overview"]
    header = [c.value for c in overview[1]]
    rows = [
        dict(zip(header, r, strict=True)) for r in overview.iter_rows(min_row=2, values_only=True)
    ]
    assert len(rows) == len(first) and sum(r["status"] == "ok" for r in rows) >= 5
    for row in rows:
        assert row["reason"] and row["reason"] == first[row["file"]]["reason"]


def test_xlsx_overview_has_the_wide_csvs_warnings(batch, tmp_path):
    # the Overview had no warnings column: a duplicate showed only on the role sheets
    xlsx, wide = tmp_path / "w.xlsx", tmp_path / "w.wide.csv"
    _score(batch, xlsx, "-o", str(wide))
    with open(wide, encoding="utf-8-sig", newline="") as f:
        wide_rows = {r["file"].lstrip("'"): r for r in csv.DictReader(f)}
    overview = openpyxl.load_workbook(xlsx)["总览 Overview"]
    header = [c.value for c in overview[1]]
    assert header == ["file", "status", "best_role", "best_score", "@仓库管理员", "护士长",
                      "warnings", "reason"]  # fmt: skip
    cells = {r[0].value: dict(zip(header, r, strict=True)) for r in overview.iter_rows(min_row=2)}
    assert cells.keys() == wide_rows.keys()
    for file, row in cells.items():
        assert (row["warnings"].value or "") == wide_rows[file]["warnings"], file
        if row["warnings"].value:
            assert row["warnings"].data_type == "s"
    dup = [r["warnings"].value for r in cells.values() if r["warnings"].value]
    assert any("duplicate: same text as " in w for w in dup), dup


def test_xlsx_overview_tells_two_roles_of_one_title_apart(batch, tmp_path):
    # two branches' 对公客户经理 made two Overview columns of one heading
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "a.yaml").write_text(ROLE, encoding="utf-8")
    (roles / "b.yaml").write_text(ROLE.replace("id: warehouse", "id: warehouse-2"), "utf-8")
    xlsx = tmp_path / "same.xlsx"
    argv = ["score", str(batch["cvs"]), "--roles", str(roles), "--model", "static-zh",
            "-q", "-o", str(xlsx)]  # fmt: skip
    assert main(argv) == 0
    wb = openpyxl.load_workbook(xlsx)
    header = [c.value for c in wb["总览 Overview"][1]]
    assert header[4:6] == ["@仓库管理员 (warehouse)", "@仓库管理员 (warehouse-2)"]
    best = {r[2].value for r in wb["总览 Overview"].iter_rows(min_row=2)} - {None}
    assert best <= set(header[4:6])


def test_role_sheets_tell_two_files_of_one_name_apart(batch, tmp_path):
    # 张三/简历.pdf and 李四/简历.pdf both read 简历.pdf in a shortlist
    cvs = tmp_path / "cvs"
    for who in ("张三", "李四"):
        (cvs / who).mkdir(parents=True)
        (cvs / who / "简历.txt").write_text(CV.replace("30人", f"30人（{who}）"), "utf-8")
    (cvs / "王五.txt").write_text(CV, encoding="utf-8")
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    argv = ["score", str(cvs), "--roles", str(batch["roles"]), "--model", "static-zh", "-q",
            "-o", str(xlsx), "-o", str(html)]  # fmt: skip
    assert main(argv) == 0
    sheet = openpyxl.load_workbook(xlsx)["@仓库管理员"]
    shown = {r[1].value for r in sheet.iter_rows(min_row=2)}
    assert shown == {"张三/简历.txt", "李四/简历.txt", "王五.txt"}
    page = html.read_text("utf-8")
    assert ">张三/简历.txt</a>" in page and ">李四/简历.txt</a>" in page
