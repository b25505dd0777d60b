"""``rolematch audit`` counts one résumé sent as several files (a .txt, an HTML export, a
UTF-16 save …) once, as ``rolematch score`` marks them ``duplicate: same text as …``.

Real files, the real CLI and the real static-zh model. The batch: five women and five
men, each a different résumé, and one strong man's résumé in five more copies under
other names and formats. Counted five extra times, his copies tie at the top of the
shortlist, fill it, and flag the women at an impact ratio of 0.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from rolematch.cli import main

ROLE = """\
id: aml
title: 反洗钱合规主管
duties:
- 负责反洗钱可疑交易监测与甄别，组织大额和可疑交易报告的审核与报送。
- 负责客户身份识别和洗钱风险等级评定，开展受益所有人识别和尽职调查。
- 负责制裁名单筛查系统的规则维护和命中处置。
requirements:
- 熟悉反洗钱法，具有银行反洗钱或合规工作经验。
"""
AML = (
    "负责可疑交易监测模型的规则调优，可疑交易报告报送及时率100%。",
    "牵头客户洗钱风险等级评定，完成受益所有人识别专项。",
    "维护制裁名单筛查系统规则，处置名单命中并建立复核流程。",
    "配合人民银行反洗钱现场检查，组织整改并完成内部审计。",
    "负责大额交易报告的审核与报送，编写反洗钱培训材料。",
)
CS = (
    "管理电话客服团队40人，负责排班、质检和新人培训。",
    "负责客户投诉工单的受理和跟踪，投诉闭环率提升到98%。",
    "搭建智能客服知识库，机器人问题解决率从55%提升到72%。",
    "分析客服中心接通率和一次解决率，推动服务流程优化。",
)
WOMEN = ["李娜", "王芳", "陈静", "赵敏", "周婷"]
MEN = ["王强", "李军", "赵磊", "陈浩", "杨帆"]
DATE = "2026-12-05"


def _text(header: str, lines: list[str]) -> str:
    work = "\n".join(f"{k}. {line}" for k, line in enumerate(lines, start=1))
    return f"{header}\n工作经历\n2016.03-至今 某城市商业银行\n{work}\n"


def _html(text: str) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'
    )


def _write(folder: Path, copies: bool) -> None:
    folder.mkdir()
    for k, name in enumerate(WOMEN):  # some AML work each, a different part of it
        lines = [AML[(k + j) % len(AML)] for j in range(2)] + [CS[k % len(CS)]]
        (folder / f"w{k}.txt").write_text(_text(f"姓名：{name} | 性别：女", lines), "utf-8")
    for k, name in enumerate(MEN):  # customer service
        lines = [CS[(k + j) % len(CS)] for j in range(3)]
        (folder / f"m{k}.txt").write_text(_text(f"姓名：{name} | 性别：男", lines), "utf-8")
    strong = _text("姓名：张伟 | 性别：男", list(AML))
    # 'a_' sorts first: the batch's original, the one its ties rank first
    (folder / "a_zhangwei.txt").write_text(strong, encoding="utf-8")
    if copies:
        (folder / "zhangwei.html").write_text(_html(strong), encoding="utf-8")
        (folder / "张伟简历.htm").write_text(_html(strong), encoding="utf-8")
        (folder / "zhangwei_utf16.txt").write_text(strong, encoding="utf-16")
        (folder / "zhangwei (1).txt").write_text(strong.replace("\n", "\r\n"), "utf-8")
        (folder / "resume-final.txt").write_text(strong + "\n\n", encoding="utf-8")


def _run(root: Path, name: str, copies: bool, *rule: str) -> dict[str, Any]:
    folder, out = root / f"cv_{name}", root / f"out_{name}"
    if not folder.exists():
        _write(folder, copies)
    out.mkdir()
    outputs = [a for s in ("json", "csv", "html", "xlsx") for a in ("-o", str(out / f"a.{s}"))]
    argv = ["audit", str(folder), "--roles", str(root / "roles"), "--model", "static-zh",
            *rule, "--date", DATE, "--no-counterfactual", "-q", *outputs,
            "--scores-csv", str(out / "scores.csv")]  # fmt: skip
    assert main(argv) == 0
    with open(out / "scores.csv", encoding="utf-8-sig", newline="") as f:
        scores = list(csv.DictReader(f))
    audit = json.loads((out / "a.json").read_text(encoding="utf-8"))
    return {"audit": audit, "scores": scores, "out": out, "folder": folder}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("dups")
    (root / "roles").mkdir()
    (root / "roles" / "aml.yaml").write_text(ROLE, encoding="utf-8")
    return {
        "root": root,
        "copies": _run(root, "copies", True, "--top-k", "3"),
        "single": _run(root, "single", False, "--top-k", "3"),
    }


def test_copies_are_the_ones_score_marks_and_they_score_alike(runs):
    rows = runs["copies"]["scores"]
    # every file is still listed in the per-résumé scores
    assert {Path(r["file"]).name for r in rows} == {
        p.name for p in runs["copies"]["folder"].iterdir()
    }
    zhang = [
        r for r in rows if "zhangwei" in r["file"] or "张伟" in r["file"] or "final" in r["file"]
    ]
    assert len(zhang) == 6 and len({r["score"] for r in zhang}) == 1
    assert all("duplicate: same text as" in r["warnings"] for r in zhang)


def test_each_distinct_resume_is_counted_once(runs):
    copies, single = runs["copies"]["audit"], runs["single"]["audit"]
    # the same audit as the batch without the copies: no tie, no flag made by copies
    assert copies["roles"] == single["roles"] and copies["flags"] == single["flags"]
    assert copies["n_resumes"] == single["n_resumes"] == 11
    assert (copies["duplicates_ignored"], single["duplicates_ignored"]) == (5, 0)
    gender = copies["roles"]["aml"]["gender"]
    assert (gender["男"]["n"], gender["女"]["n"]) == (6, 5)
    assert gender["男"]["selected"] + gender["女"]["selected"] == 3
    assert not [w for w in copies["warnings"] if "tie at the cut" in w]
    assert not [f for f in copies["flags"] if f["group"] == "女" and f["impact_ratio"] == 0.0]


def test_the_audit_says_copies_were_counted_once_and_names_no_file(runs):
    audit, out = runs["copies"]["audit"], runs["copies"]["out"]
    dup = [w for w in audit["warnings"] if "copies of others" in w]
    assert dup == [
        "5 résumés are copies of others (the same text as another file) and were counted "
        "once; --scores-csv marks them 'not counted in the audit'"
    ]
    assert not [w for w in runs["single"]["audit"]["warnings"] if "cop" in w]
    # the count where the other counts are, in every format; and still no file name
    page = (out / "a.html").read_text(encoding="utf-8")
    assert "11 résumés scored of 16 files · 5 copies counted once" in page
    with open(out / "a.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert table and {r["duplicates_ignored"] for r in table} == {"5"}
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(out / "a.xlsx").worksheets[0]
    summary = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    assert summary["copies counted once"] == 5
    for name in ("a.json", "a.csv", "a.html"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert "zhangwei" not in text and "张伟" not in text and ".txt" not in text, name


def test_the_scores_csv_marks_the_copies_not_counted(runs):
    rows = runs["copies"]["scores"]
    marked = {Path(r["file"]).name: r["warnings"] for r in rows if "not counted" in r["warnings"]}
    # the first in the batch's order is kept, the others name it
    assert sorted(marked) == sorted(
        [
            "zhangwei.html",
            "张伟简历.htm",
            "zhangwei_utf16.txt",
            "zhangwei (1).txt",
            "resume-final.txt",
        ]
    )
    original = str(runs["copies"]["folder"] / "a_zhangwei.txt")
    for warning in marked.values():
        assert re.search(rf"not counted in the audit: a copy of {re.escape(original)}$", warning)


def test_copies_are_dropped_from_a_min_score_rule_too(runs):
    root = runs["root"]
    shutil.copytree(runs["copies"]["folder"], root / "cv_ms_copies")
    shutil.copytree(runs["single"]["folder"], root / "cv_ms_single")
    s = sorted(float(r["score"]) for r in runs["single"]["scores"])[5]
    a = _run(root, "ms_copies", True, "--min-score", str(s))["audit"]
    b = _run(root, "ms_single", False, "--min-score", str(s))["audit"]
    assert a["roles"] == b["roles"] and a["duplicates_ignored"] == 5
