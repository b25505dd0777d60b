"""``rolematch audit``'s outputs and its selection rule on a tied batch.

Real résumé files, the real CLI and the real static-zh model. The batch: eleven résumés
whose work text is the same (their headers, which blind screening removes, state a
gender and for the women an age), so they score exactly alike, and four weaker ones that
state nothing. Each role's best 5 are selected: the cut falls inside the tie.
"""

from __future__ import annotations

import csv
import json
import math
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from rolematch.cli import main
from rolematch.fairness import audit_table
from rolematch.fairness.rates import cut_ties, impact_note
from rolematch.fairness.report import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
ROLE = """\
id: wh
title: "@仓储主管"
duties:
- 负责仓库收货、上架、拣货和发货作业管理。
- 组织库存盘点，控制盘亏，推行5S现场管理。
- 管理仓库团队的排班、培训和绩效考核。
requirements:
- 熟悉WMS系统，三年以上仓储管理经验。
"""
BODY = (
    "求职意向：仓储主管\n工作经历\n2016.03-至今 某电商物流中心 仓储主管\n"
    "1. 负责仓库收货、上架、拣货和发货作业管理，使用WMS系统。\n"
    "2. 组织月度库存盘点，盘亏率控制在0.1%以内，推行5S现场管理。\n"
    "3. 管理仓库团队30人，负责排班、培训和绩效考核。\n"
)
WEAK = "求职意向：仓储主管\n工作经历\n2019.07-至今 某超市 理货员\n负责商品上架和门店库存盘点。\n"
WOMEN = ["李娜", "王芳", "陈静", "赵敏", "周婷", "孙丽"]
MEN = ["张伟", "王强", "李军", "赵磊", "陈浩"]
DATE = "2026-12-05"


def _write_batch(folder: Path, women_first: bool) -> None:
    """The batch; ``women_first`` names the women's files so they sort (and so tie-break)
    before the men's, or after."""
    folder.mkdir()
    first, last = ("a", "z") if women_first else ("z", "a")
    for k, name in enumerate(WOMEN):
        header = f"姓名：{name} | 性别：女 | 年龄：28岁"
        (folder / f"{first}{k}.txt").write_text(f"{header}\n{BODY}", encoding="utf-8")
    for k, name in enumerate(MEN):
        header = f"姓名：{name} | 性别：男"
        (folder / f"{last}{k}.txt").write_text(f"{header}\n{BODY}", encoding="utf-8")
    for k in range(5):
        (folder / f"m{k}.txt").write_text(f"姓名：吴{'一二三四五'[k]}\n{WEAK}", encoding="utf-8")


def _audit(folder: Path, roles: Path, out: Path, *extra: str) -> dict[str, Any]:
    argv = ["audit", str(folder), "--roles", str(roles), "--model", "static-zh",
            "--top-k", "5", "--date", DATE, "--no-counterfactual", "-q",
            "-o", str(out / "audit.json"), *extra]  # fmt: skip
    assert main(argv) == 0
    result: dict[str, Any] = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    return result


@pytest.fixture(scope="module")
def tied(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("tied")
    roles = root / "roles"
    roles.mkdir()
    (roles / "wh.yaml").write_text(ROLE, encoding="utf-8")
    runs = {}
    for key, women_first in (("a", True), ("b", False)):
        out = root / f"out_{key}"
        out.mkdir()
        extra = ["-o", str(out / "audit.csv"), "-o", str(out / "audit.html")]
        extra += ["-o", str(out / "audit.xlsx"), "--scores-csv", str(out / "scores.csv")]
        _write_batch(root / f"cv_{key}", women_first)
        runs[key] = {"audit": _audit(root / f"cv_{key}", roles, out, *extra), "out": out}
    return {"root": root, "roles": roles, **runs}


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_ties_at_the_cut_are_all_selected_whatever_their_order(tied):
    scores = _csv(tied["a"]["out"] / "scores.csv")
    top = {r["score"] for r in scores if not Path(r["file"]).name.startswith("m")}
    assert len(top) == 1  # the eleven score exactly alike: the cut (5) falls in the tie
    a, b = tied["a"]["audit"], tied["b"]["audit"]
    # the file names decided which 5 of the 11 got in (女 5/6 and 男 0/5, a flag, or the
    # reverse): now the audit is the same, and every tied résumé is selected
    assert a["roles"] == b["roles"] and a["flags"] == b["flags"] == []
    gender = a["roles"]["wh"]["gender"]
    assert (gender["女"]["selected"], gender["女"]["n"]) == (6, 6)
    assert (gender["男"]["selected"], gender["男"]["n"]) == (5, 5)
    assert gender["女"]["impact_ratio"] == gender["男"]["impact_ratio"] == 1.0
    tie = [w for w in a["warnings"] if "tie at the cut" in w]
    assert tie == [
        f"wh: 11 résumés tie at the cut score {float(top.pop()):.4f} for the last 5 of the 5 "
        "places; all are selected (11, not 5), so the audit does not depend on the order of ties"
    ]


def test_one_group_alone_has_no_impact_ratio(tied):
    # only the women state an age (<30, n=6): a ratio to itself read as "no disparity"
    audit = tied["a"]["audit"]
    age = audit["roles"]["wh"]["age"]
    assert age["<30"]["rate"] == 1.0 and age["<30"]["impact_ratio"] is None
    assert "wh: age: only one group large enough (<30, n=6): its impact ratio is not " \
        "measurable, not 1.0" in audit["warnings"]  # fmt: skip
    assert not [w for w in audit["warnings"] if w.startswith("wh: gender: only one")]


def test_the_csv_is_the_audit_table_and_names_no_file(tied):
    out, audit = tied["a"]["out"], tied["a"]["audit"]
    rows = _csv(out / "audit.csv")
    assert tuple(rows[0]) == CSV_COLUMNS
    want = [(role_id, attribute, group, cell)
            for role_id, per_attr in audit["roles"].items()
            for attribute, table in per_attr.items()
            for group, cell in table.items()]  # fmt: skip
    assert [(r["role_id"], r["attribute"], r["group"]) for r in rows] == [w[:3] for w in want]
    for row, (_, _, _, cell) in zip(rows, want, strict=True):
        assert row["rule"] == "top_k=5" and row["role_title"] == "'@仓储主管"  # formula-safe
        for key, value in cell.items():
            if value is None:
                assert row[key] == "", (row, key)
            else:
                assert math.isclose(float(row[key]), value, abs_tol=1e-6), (row, key)
    notes = {(r["attribute"], r["group"]): r["note"] for r in rows}
    assert notes["age", "<30"].startswith("only one group large enough (n >= 5): not measurable")
    assert notes["gender", "unknown"].startswith("not stated: not compared")
    assert all("11 résumés tie at the cut score" in n for n in notes.values())
    text = (out / "audit.csv").read_text(encoding="utf-8-sig")
    assert ".txt" not in text and str(tied["root"]) not in text
    assert not any(name in text for name in WOMEN + MEN)
    # the per-résumé scores are the explicit --scores-csv, and only there
    scores = _csv(out / "scores.csv")
    assert {Path(r["file"]).name for r in scores} == {
        p.name for p in (tied["root"] / "cv_a").iterdir()
    }


def test_the_reports_say_there_is_a_tie_and_what_is_not_measurable(tied):
    out = tied["a"]["out"]
    page = (out / "audit.html").read_text(encoding="utf-8")
    assert "11 résumés tie at the cut score" in page and "all tied at the cut included" in page
    assert "only one group large enough (n &gt;= 5): not measurable" in page
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(out / "audit.xlsx")
    sheet = wb["@仓储主管"]
    assert sheet["A1"].value == "@仓储主管 (wh)" and sheet["A2"].value.startswith("wh: 11 résumés")
    texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]  # fmt: skip
    assert not [c.value for c in texts if c.value.startswith("'")]
    assert all(c.data_type == "s" for c in texts)
    assert all(c.quotePrefix for c in texts if c.value.startswith("@"))
    groups = wb["分组 Groups"]
    header = [c.value for c in groups[1]]
    assert header[-2:] == ["flag", "note"]
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(out / "audit.xlsx") as z:
        sheets = [ET.fromstring(z.read(n)) for n in z.namelist()
                  if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]  # fmt: skip
    cells = [c for sheet in sheets for c in sheet.iter(f"{ns}c")]
    assert cells and not [c for c in cells if c.find(f"{ns}f") is not None]
    title = [c for c in cells if c.findtext(f"{ns}is/{ns}t") == "@仓储主管 (wh)"]
    assert len(title) == 1 and title[0].get("t") == "inlineStr"


def test_audit_table_does_not_depend_on_row_order():
    scores = [0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.1]
    rows = [{"file": str(i), "status": "ok", "role_id": "r", "score": s, "resume_rank": i + 1}
            for i, s in enumerate(scores)]  # fmt: skip
    groups = {str(i): {"gender": "女" if i < 6 else "男"} for i in range(12)}
    one, _ = audit_table(rows, groups, rule={"top_k": 5}, attributes=["gender"])
    # the same scores, the ties ranked the other way (the men first) and listed backwards
    order = [0, *range(10, 0, -1), 11]
    flipped = [dict(rows[i], resume_rank=k) for k, i in enumerate(order, start=1)][::-1]
    two, _ = audit_table(flipped, groups, rule={"top_k": 5}, attributes=["gender"])
    assert one == two
    # the 0.9 and the ten tied at 0.8 for the last 4 places: all 11 selected
    assert (one["r"]["gender"]["女"]["selected"], one["r"]["gender"]["男"]["selected"]) == (6, 5)
    assert cut_ties(rows, {"top_k": 5}) == {
        "r": {"cut_score": 0.8, "tied": 10, "places": 4, "selected": 11}
    }
    assert cut_ties(rows, {"top_k": 11}) == {} == cut_ties(rows, {"min_score": 0.8})
    # one stated group with a rate: not measurable (was 1.0)
    alone = {str(i): {"gender": "女" if i < 6 else "男"} for i in range(8)}
    table, flags = audit_table(rows, alone, rule={"top_k": 5}, attributes=["gender"])
    cell = table["r"]["gender"]["女"]
    assert cell["rate"] is not None and cell["impact_ratio"] is None and flags == []
    assert impact_note(table["r"]["gender"], "女").startswith("only one group large enough")


def test_scores_csv_is_an_explicit_option_and_the_help_and_readme_say_so(tied, tmp_path, capsys):
    folder, roles = tied["root"] / "cv_a", tied["roles"]
    args = ["audit", str(folder), "--roles", str(roles), "--model", "static-zh", "--top-k", "5"]
    same = str(tmp_path / "x.csv")
    assert main([*args, "-o", same, "--scores-csv", same]) == 2
    assert "--scores-csv" in capsys.readouterr().err
    assert main([*args, "--scores-csv", str(tmp_path / "s.json")]) == 2
    assert "--scores-csv must end in .csv" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["audit", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert ".csv the same table, one row per role x attribute x group" in text
    assert "--scores-csv FILE also writes the batch's per-résumé scores" in text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = " ".join(readme[readme.index("## Bias audit") : readme.index("## Learning")].split())
    assert "--scores-csv" in section and "audit.{json,html,xlsx,csv}" in section
    assert "tied at the cut" in section and "not measurable" in section
