"""``rolematch learn`` and ``rolematch suggest`` on the command line (rolematch._learn_cli):
outputs checked before any work, the model recorded, and what suggest leaves out named."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rolematch.cli import main
from rolematch.profile import load_profile

MODEL = "static-zh"
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


@pytest.fixture
def decided(tmp_path: Path) -> Path:
    """Ten résumés in cv/ and decisions.csv: five fits, five rejects for one role."""
    folder = tmp_path / "cv"
    folder.mkdir()
    rows = []
    for i, (text, decision) in enumerate(
        [(t, "shortlist") for t in FITS] + [(t, "reject") for t in REJECTS]
    ):
        path = folder / f"r{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        rows.append([str(path), ROLE, decision])
    with open(tmp_path / "decisions.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["file", "role_id", "decision"], *rows])
    return tmp_path / "decisions.csv"


def _learn(decisions: Path, out: Path | str, *extra: str) -> int:
    return main(["learn", str(decisions), "--model", MODEL, "-o", str(out), *extra])


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("decisions", "is the decisions file"),
        ("resume", "is one of the résumés"),
        ("folder", "is a folder"),
        ("no_suffix", "ending in .json"),
    ],
)
def test_an_output_that_would_overwrite_an_input_or_is_no_file_is_refused_first(
    decided, target, said, capsys
):
    # -o the decisions file or a résumé overwrote it with JSON; a folder was refused only
    # after all the scoring (QA s29 #2)
    resume = decided.parent / "cv" / "r00.txt"
    folder = decided.parent / "out.json"
    folder.mkdir()
    out = {
        "decisions": decided,
        "resume": resume,
        "folder": folder,
        "no_suffix": decided.parent / "profile",
    }[target]
    before = {p: p.read_bytes() for p in (decided, resume)}
    assert _learn(decided, out) == 2
    captured = capsys.readouterr()
    assert said in captured.err and str(out) in captured.err
    assert captured.out == ""  # refused before any work: no report printed
    assert {p: p.read_bytes() for p in before} == before


def test_missing_decisions_file_and_a_negative_seed_are_usage_errors(tmp_path, capsys):
    assert _learn(tmp_path / "nope.csv", tmp_path / "p.json") == 2
    assert "DECISIONS.csv must be a CSV or .xlsx file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        _learn(tmp_path / "nope.csv", tmp_path / "p.json", "--seed", "-5")
    assert e.value.code == 2
    assert "--seed: expected an integer >= 0, got -5" in capsys.readouterr().err


def test_a_missing_output_folder_is_made_and_the_model_used_is_recorded(decided, tmp_path):
    # learning on static-zh from e5-small's profile labelled the result e5-small (QA s29 #6)
    base = tmp_path / "e5.json"
    base.write_text(json.dumps(load_profile("e5-small").to_dict()), encoding="utf-8")
    out = tmp_path / "new" / "team.json"
    assert _learn(decided, out, "--profile", str(base)) == 0
    assert load_profile(out).model == MODEL


def test_suggest_names_the_files_it_leaves_out(decided, tmp_path, capsys):
    # unreadable/missing files and near-duplicates were dropped without a word (QA s29 #10)
    folder = decided.parent / "cv"
    (folder / "r10.txt").write_text(FITS[0], encoding="utf-8")  # a copy of r00
    missing = str(folder / "gone.txt")
    args = ["suggest", "--role", ROLE, str(folder), missing, "--model", MODEL, "-n", "20"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert f"rolematch: warning: {missing}: not scored" in captured.err
    shown = {ln.split()[-1] for ln in captured.out.splitlines()[1:]}
    assert len({"r00.txt", "r10.txt"} - {Path(f).name for f in shown}) == 1
    left = 11 - len(shown)
    summary = captured.err.splitlines()[-1]
    assert f"skipped {left} as near-duplicates of one picked: " in summary
    named = summary.split(": ", 2)[-1].split(" and ")[0].split(", ")
    assert len(named) == min(left, 5) and not set(named) & shown
