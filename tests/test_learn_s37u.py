"""rolematch learn / suggest: the findings of QA s37u, each reproduced with real files,
real jieba, the real command line and the real static-zh model.

1. A Windows team's decisions file (``cvs\\王强.txt``, bare names, pending rows).
2. ``suggest --decisions``: résumés already decided are left out.
3. Word preferences: a trade word (冷链) the fixed job-word list lacked.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rolematch.cli import main
from rolematch.learn import DecisionsWarning, read_decisions, suggest

MODEL = "static-zh"
#: The command line prints a warning as one line (the tests' filter makes it an error).
PENDING_SHOWN = pytest.mark.filterwarnings("always::rolematch._learn_decisions.DecisionsWarning")
ROLE = "payment-settlement"
FITS = (
    "负责支付清算系统对账与差错处理，熟悉银联规则和跨行清算业务。",
    "主导支付结算平台建设，负责资金清算、对账和备付金管理。",
    "从事银行卡收单结算与清算对账工作五年，熟悉网联和银联清算。",
    "负责第三方支付机构的结算业务，组织差错处理与资金对账。",
    "管理支付结算团队，负责清算系统升级和结算风险控制。",
)
REJECTS = (
    "厨师，擅长川菜和粤菜，负责后厨管理。",
    "小学语文教师，负责班级管理和教学工作。",
    "负责商场导购和商品陈列，服务顾客。",
    "从事建筑施工现场管理，负责工程进度和安全。",
    "平面设计师，负责海报和品牌视觉设计。",
)


def _team(tmp_path: Path, spell: Any, pending: tuple[int, ...] = ()) -> Path:
    """Ten résumés in tmp_path/cvs and a decisions CSV whose file column is
    ``spell(name)``; the rows ``pending`` have no decision yet."""
    folder = tmp_path / "cvs"
    folder.mkdir(parents=True)
    rows = [["file", "role_id", "decision"]]
    for i, (text, decision) in enumerate(
        [(t, "面试") for t in FITS] + [(t, "淘汰") for t in REJECTS]
    ):
        name = f"候选人{i:02d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append([spell(name), ROLE, "" if i in pending else decision])
    out = tmp_path / "decisions.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    return out


def _learn(decisions: Path, out: Path, *extra: str) -> int:
    return main(["learn", str(decisions), "--model", MODEL, "-o", str(out), *extra])


# ------------------------------------------------------------------ 1. Windows decisions
def test_backslash_paths_are_read_as_paths(tmp_path: Path, monkeypatch: Any, capsys: Any) -> None:
    # cvs\王强.txt: "10 of 10 decisions dropped … no decision is left"
    decisions = _team(tmp_path / "team", lambda name: f"cvs\\{name}")
    monkeypatch.chdir(tmp_path)  # read next to the decisions file, not the working folder
    assert _learn(decisions, tmp_path / "p.json") == 0, capsys.readouterr().err
    assert "dropped" not in capsys.readouterr().err
    d = read_decisions(decisions)
    assert [Path(f).name for f in d["file"]] == [f"候选人{i:02d}.txt" for i in range(10)]
    assert all(Path(f).is_file() for f in d["file"])


@pytest.mark.parametrize(
    "spell",
    [lambda name: name, lambda name: f"D:\\招聘\\2024\\cvs\\{name}", lambda name: f"old/{name}"],
    ids=["bare name", "windows absolute", "another folder"],
)
def test_a_name_not_found_as_written_is_looked_up_among_the_resumes_given(
    tmp_path: Path, monkeypatch: Any, capsys: Any, spell: Any
) -> None:
    (tmp_path / "hr").mkdir()
    moved = _team(tmp_path, spell).rename(tmp_path / "hr" / "d.csv")  # not beside cvs/
    monkeypatch.chdir(tmp_path)
    # without the résumés' folder they cannot be found, and the message says how
    assert _learn(moved, tmp_path / "p.json") == 1
    assert "--resumes" in capsys.readouterr().err
    assert _learn(moved, tmp_path / "p.json", "--resumes", "cvs") == 0
    err = capsys.readouterr().err
    assert "dropped" not in err and "wrote" in err
    d = read_decisions(moved, [tmp_path / "cvs" / f"候选人{i:02d}.txt" for i in range(10)])
    assert [Path(f).name for f in d["file"]] == [f"候选人{i:02d}.txt" for i in range(10)]


def test_a_name_that_two_resumes_end_with_is_an_error_naming_both(
    tmp_path: Path, capsys: Any
) -> None:
    decisions = _team(tmp_path, lambda name: name)  # bare names; the résumés are in cvs/
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "候选人03.txt").write_text("另一个人的简历：护士", encoding="utf-8")
    given = ["--resumes", str(tmp_path / "cvs"), "--resumes", str(tmp_path / "other")]
    assert _learn(decisions, tmp_path / "p.json", *given) == 1
    err = capsys.readouterr().err
    assert "line 5: the file '候选人03.txt' is not found as written and matches 2" in err
    assert str(tmp_path / "cvs" / "候选人03.txt") in err
    assert str(tmp_path / "other" / "候选人03.txt") in err
    assert not (tmp_path / "p.json").exists()
    # a longer path tells them apart
    from rolematch._learn_decisions import ResumeLookup

    look = ResumeLookup(
        tmp_path / "nowhere", [tmp_path / "cvs" / "候选人03.txt", "other/候选人03.txt"]
    )
    assert look.find("D:\\hr\\other\\候选人03.txt") == "other/候选人03.txt"


@PENDING_SHOWN
def test_rows_without_a_decision_are_pending_skipped_with_one_warning(
    tmp_path: Path, capsys: Any
) -> None:
    # one empty decision cell aborted the run: "line 67: the field 'decision' is empty"
    decisions = _team(tmp_path, lambda name: f"cvs\\{name}", pending=(2, 5, 8))
    assert _learn(decisions, tmp_path / "p.json") == 0
    err = capsys.readouterr().err
    said = [ln for ln in err.splitlines() if "without a decision" in ln]
    assert said == [
        f"rolematch: warning: {decisions}: 3 rows without a decision skipped (lines 4, 7, 10)"
    ]
    with pytest.warns(DecisionsWarning, match=r"3 rows without a decision skipped"):
        assert len(read_decisions(decisions)) == 7
    # a row without a file or a role is still an error; a row of empty cells is a blank line
    bad = tmp_path / "bad.csv"
    bad.write_text("file,role_id,decision\n,,\ncvs/候选人00.txt,,面试\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3: the field 'role_id' is empty"):
        read_decisions(bad)
    only = tmp_path / "only.csv"
    only.write_text("file,role_id,decision\na.txt,x,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no decisions, only 1 row without a decision \(line 2\)"):
        read_decisions(only)


# ------------------------------------------------------------------ 2. suggest --decisions
@PENDING_SHOWN
def test_suggest_leaves_out_the_resumes_already_decided(tmp_path: Path, capsys: Any) -> None:
    # it listed résumés the team had decided: each labelling round repeated work
    decisions = _team(tmp_path, lambda name: f"cvs\\{name}", pending=(1,))
    cvs = tmp_path / "cvs"
    for i in range(3):  # three new résumés, not decided yet
        (cvs / f"新{i}.txt").write_text(FITS[i].replace("负责", "协助") + "熟悉结算。", "utf-8")
    args = ["suggest", "--role", ROLE, str(cvs), "--model", MODEL, "-n", "20"]
    assert main(args) == 0
    before = {Path(ln.split()[-1]).name for ln in capsys.readouterr().out.splitlines()[1:]}
    assert {"候选人00.txt", "候选人09.txt"} <= before
    assert main([*args, "--decisions", str(decisions)]) == 0
    captured = capsys.readouterr()
    shown = {Path(ln.split()[-1]).name for ln in captured.out.splitlines()[1:]}
    # nine decided; the pending one (候选人01) and the new ones may be suggested
    assert shown <= {"候选人01.txt", "新0.txt", "新1.txt", "新2.txt"} and shown
    assert (
        f"rolematch: left out 9 résumés already decided for {ROLE} in {decisions}" in captured.err
    )
    # the same keyword in Python: a table of scores and the decisions file
    table = pd.DataFrame(
        {
            "file": [str(cvs / "候选人00.txt"), str(cvs / "候选人01.txt"), str(cvs / "新0.txt")],
            "role_id": [ROLE] * 3,
            "score": [0.5, 0.6, 0.9],
            "keyword_score": [0.1, 0.2, 0.3],
            "semantic_score": [0.1, 0.2, 0.3],
            "facet_score": [0.5, 0.6, 0.7],
        }
    )
    with pytest.warns(DecisionsWarning, match="1 row without a decision"):
        picked = suggest(table, n=5, decisions=decisions)
    assert [Path(f).name for f in picked["file"]] == ["候选人01.txt", "新0.txt"]
    assert picked.attrs["decided"] == 1
    assert suggest(table, n=5).attrs["decided"] == 0
