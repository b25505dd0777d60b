"""rolematch learn / suggest with the files a team really has, each case with real files,
real jieba, the real command line and the real static-zh model.

1. A Windows team's decisions file (``cvs\\王强.txt``, bare names, pending rows).
2. ``suggest --decisions``: résumés already decided are left out.
3. Word preferences: a trade word under the weight bar (医药) is not learned; the report says why.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rolematch.cli import main
from rolematch.learn import DecisionsWarning, read_decisions, suggest
from tests.test_learn_cli import FITS, REJECTS, ROLE  # the same small team

MODEL = "static-zh"
#: The command line prints a warning as one line (the tests' filter makes it an error).
PENDING_SHOWN = pytest.mark.filterwarnings("always::rolematch._learn_decisions.DecisionsWarning")


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


# ------------------------------------------------------------------ 3. word preferences
WAREHOUSE_ROLE = """\
id: warehouse-lead
title: 仓储主管（电商物流中心）
duties:
- 全面负责电商仓库的日常运营管理，包括收货、上架、拣货、复核、打包、发货等环节；
- 制定并优化仓库作业流程和SOP，提升拣货效率和库位利用率；
- 组织每月库存盘点，控制库存差异率，处理盘盈盘亏；
- 管理仓库团队（约30人），负责排班、培训和绩效考核；
- 使用WMS系统进行库存管理，对接物流承运商，确保大促期间订单及时发出；
- 负责仓库安全管理和5S现场管理。
requirements:
- 大专及以上学历，物流管理、供应链管理相关专业优先；
- 3年以上电商仓储管理经验，有1年以上团队管理经验；
- 熟悉WMS系统操作，熟练使用Excel（数据透视表、VLOOKUP）；
majors:
- 物流管理
- 供应链管理
"""
WAREHOUSE_DUTIES = (
    "负责仓库收货、上架、拣货、打包、发货等日常作业管理；",
    "负责大促期间订单出库保障；",
    "对接物流承运商，跟踪订单发运和异常处理；",
    "负责班组排班、新人培训与绩效考核；",
    "优化拣货路径，提升拣货效率；",
    "组织月度库存盘点，处理盘盈盘亏，控制库存差异；",
    "推行5S现场管理和仓库安全检查；",
    "使用WMS系统管理库存，维护库位数据准确；",
    "熟练使用Excel数据透视表。",
)
OTHER_DUTIES = (
    "负责后厨管理和菜品研发；",
    "负责设备维修保养；",
    "负责出纳和费用报销审核；",
    "负责门店日常运营和销售目标达成；",
    "负责产品拍摄和短视制作；",
    "负责客户电话回访和投诉处理；",
)
PHARMA = "管理医药仓储业务，负责医药商品温湿度监控和配送对接；"
NAMES = ("王强", "李娜", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄敏", "周杰", "吴婷")


def _pharma_team(folder: Path) -> Path:
    """60 generated CVs (as a blind user test wrote them): 36 warehouse supervisors (20 with pharma warehousing,
    医药), 24 operations clerks, every one under 求职意向 and 工作经历 headings with a
    name and a phone number in its header; a team that interviews the pharma ones (面试),
    holds 4 others (待定) and rejects the rest (淘汰): 20 of 24 fits hold 医药, none of
    the 36 rejects does."""
    import random

    rng = random.Random(37)
    folder.mkdir(parents=True)
    (folder / "roles").mkdir()
    (folder / "roles" / "warehouse.yaml").write_text(WAREHOUSE_ROLE, encoding="utf-8")
    rows = ["file,role_id,decision"]
    for i in range(60):
        warehouse, pharma = i < 36, i < 20
        duties = rng.sample(WAREHOUSE_DUTIES if warehouse else OTHER_DUTIES, 4)
        if pharma:
            duties.insert(rng.randrange(5), PHARMA)
        start = 2012 + i % 8
        text = "\n".join(
            [
                f"{NAMES[i % 10]}  电话：138{i:04d}{i * 7 % 10000:04d}",
                f"求职意向：{'仓储主管' if warehouse else '运营专员'}",
                "工作经历",
                f"{start}.03-至今 某{rng.choice(['生鲜平台', '第三方物流公司', '快消品物流中心'])} "
                + ("仓储主管" if warehouse else "专员"),
                *duties,
                f"教育背景：{start - 4}-{start - 1} 某职业技术学院 "
                + ("物流管理" if warehouse else "市场营销")
                + " 大专",
            ]
        )
        (folder / f"cv{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
        decision = "面试" if pharma else "待定" if i < 24 else "淘汰"
        rows.append(f"cv{i:02d}.txt,warehouse-lead,{decision}")
    (folder / "decisions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "decisions.csv"


def test_a_trade_word_under_the_weight_bar_is_not_learned_and_the_report_says_why(
    tmp_path: Path,
) -> None:
    # the team prizes pharma warehouses, but 医药 weighs 0.17, under MIN_WORD_WEIGHT (every
    # résumé word as a candidate cost the benchmark's payments team half its gain): no
    # word is learned, none of the words every résumé holds or a name is tried, and the
    # report says why instead of a bare "+0.0000 … not kept"
    from rolematch._learn_terms import MIN_WORD_WEIGHT
    from rolematch.learn import learn, report_table

    decisions = _pharma_team(tmp_path / "team")
    profile, report = learn(decisions, roles=tmp_path / "team" / "roles", model=MODEL)
    prefs = report["word_preferences"]
    assert MIN_WORD_WEIGHT > 0.17 and not prefs["learned"] and dict(profile.term_bonus) == {}
    assert "no word qualified: " in prefs["reason"] or "words chosen in a fold" in prefs["reason"]
    assert "求职意向" not in prefs["reason"]
    assert not [n for n in NAMES if n in prefs["reason"]]
    assert prefs["reason"].split(";")[-1].strip() in report_table(report)


def test_the_report_says_why_no_word_was_kept(tmp_path: Path) -> None:
    # a team that decides as the role reads (warehouse résumés in, the others out):
    # no word teaches anything the model missed, and the report says so
    from rolematch.learn import learn, report_table

    decisions = _pharma_team(tmp_path / "team")
    text = decisions.read_text("utf-8").splitlines()
    rows = [
        ln.rsplit(",", 1)[0] + ("," + ("面试" if int(ln[2:4]) < 36 else "淘汰")) for ln in text[1:]
    ]
    decisions.write_text("\n".join([text[0], *rows]) + "\n", encoding="utf-8")
    profile, report = learn(decisions, roles=tmp_path / "team" / "roles", model=MODEL)
    prefs = report["word_preferences"]
    assert not prefs["learned"] and dict(profile.term_bonus) == {}
    assert "no word qualified: " in prefs["reason"], prefs
    assert "no word qualified: " in report_table(report)


# ------------------------------------------------------------------ 4. rolematch's own CSV
#: Names rolematch's CSV writes with a leading ' (Excel would read them as formulas).
FORMULA_NAMES = ("-rf{}.txt", "=x{}.txt", "@sum{}.txt", "+1{}.txt", "\tt{}.txt")


def _quoted_team(tmp_path: Path) -> tuple[Path, Path]:
    """Ten résumés in tmp_path/cvs named as :data:`FORMULA_NAMES`, and a decisions CSV
    beside them whose file column is as `rolematch score` writes it (``'-rf0.txt``)."""
    from rolematch.report import safe_cell

    cvs = tmp_path / "cvs"
    cvs.mkdir()
    rows = [["file", "role_id", "decision"]]
    for i, (text, decision) in enumerate(
        [(t, "入围") for t in FITS] + [(t, "淘汰") for t in REJECTS]
    ):
        name = FORMULA_NAMES[i % len(FORMULA_NAMES)].format(i)
        (cvs / name).write_text(text, encoding="utf-8")
        rows.append([safe_cell(name), ROLE, decision])
    out = tmp_path / "decisions.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    assert "'-rf0.txt" in out.read_text(encoding="utf-8")
    return out, cvs


def test_the_excel_quote_of_rolematchs_own_csv_is_not_part_of_the_name(
    tmp_path: Path, capsys: Any
) -> None:
    # '-rf.txt was "file not found": 36 of 46 decisions dropped (user report s38 #3)
    decisions, cvs = _quoted_team(tmp_path)
    assert _learn(decisions, tmp_path / "p.json", "--resumes", str(cvs)) == 0
    assert "dropped" not in capsys.readouterr().err
    d = read_decisions(decisions, sorted(cvs.iterdir()))
    assert [Path(f).name for f in d["file"]] == [FORMULA_NAMES[i % 5].format(i) for i in range(10)]
    # suggest --decisions leaves them out, and finds them among the files given
    args = ["suggest", "--role", ROLE, str(cvs), "--model", MODEL, "-n", "20"]
    assert main([*args, "--decisions", str(decisions)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1:] == []
    assert f"left out 10 résumés already decided for {ROLE}" in captured.err
    assert "not among those given" not in captured.err


def test_a_quoted_name_is_kept_where_only_the_quoted_file_exists(tmp_path: Path) -> None:
    from rolematch._learn_decisions import ResumeLookup

    (tmp_path / "'-only.txt").write_text("x", encoding="utf-8")
    (tmp_path / "-both.txt").write_text("x", encoding="utf-8")
    (tmp_path / "'-both.txt").write_text("x", encoding="utf-8")
    look = ResumeLookup(tmp_path, [tmp_path / "cvs" / "@given.txt"])
    assert look.find("'-only.txt") == str(tmp_path / "'-only.txt")
    assert look.find("'-both.txt") == str(tmp_path / "-both.txt")
    assert look.find("'@given.txt") == str(tmp_path / "cvs" / "@given.txt")
    assert look.find("'=nowhere.txt") == "=nowhere.txt"  # reported as not found unquoted
    assert look.find("'plain.txt") == "'plain.txt"  # not a quote rolematch writes


# ------------------------------------------------------------------ 5. Excel's other CSVs
@pytest.mark.parametrize("delimiter", [";", "\t"], ids=["semicolon", "tab"])
def test_a_semicolon_or_tab_separated_csv_is_read(
    tmp_path: Path, capsys: Any, delimiter: str
) -> None:
    # "the header must name the columns file, role_id, decision … got
    # ['file;role_id;decision']" (Excel in European locales; user report s38 #12)
    comma = _team(tmp_path, lambda name: f"cvs/{name}").read_text(encoding="utf-8")
    rows = list(csv.reader(comma.splitlines()))
    rows[1][0] = "cvs/候选人00;a copy,with both.txt"  # a name with the other delimiters
    (tmp_path / rows[1][0]).write_text(FITS[0], encoding="utf-8")
    decisions = tmp_path / "semi.csv"
    with open(decisions, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    assert _learn(decisions, tmp_path / "p.json") == 0, capsys.readouterr().err
    d = read_decisions(decisions)
    assert d["file"].iloc[0].endswith("候选人00;a copy,with both.txt")
    assert list(d["line"]) == list(range(2, 12)) and set(d["decision"]) == {"面试", "淘汰"}
    # the lines an error names are the file's, blank lines and all
    with open(decisions, "a", encoding="utf-8", newline="") as f:
        f.write(f"\r\n\r\ncvs/候选人01.txt{delimiter}{ROLE}{delimiter}hired!!\r\n")
    with pytest.raises(ValueError, match=r"semi.csv line 14: the field 'decision' must be"):
        read_decisions(decisions)


# ------------------------------------------------------------------ 6. every bad row at once
def test_every_bad_row_is_named_in_one_error_in_line_order(tmp_path: Path, capsys: Any) -> None:
    # three bad rows took three runs, reported bottom-up (user report s38 #10)
    decisions = _team(tmp_path, lambda name: f"cvs/{name}")
    lines = decisions.read_text(encoding="utf-8").splitlines()
    lines[3] = "cvs/候选人02.txt,no-such-role,淘汰"
    lines[5] = f"cvs/候选人04.txt,{ROLE},hired!!"
    lines[7] = f",{ROLE},面试"
    lines[8] = "cvs/候选人07.txt,nope,no"  # two bad fields on one line
    decisions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _learn(decisions, tmp_path / "p.json") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"rolematch: error: {decisions}: 4 bad rows (5 errors); fix them")
    said = [ln.strip() for ln in err.splitlines()[1:]]
    assert [s.split(":")[0] for s in said] == [f"{decisions} line {n}" for n in (4, 6, 8, 9, 9)]
    assert said[0].endswith("or one's title. Got 'no-such-role' instead.")
    assert said[1].endswith("Got 'hired!!' instead.") and "must be one of shortlist" in said[1]
    assert said[2].endswith("the field 'file' is empty.")
    assert "'decision'" in said[3] and "'role_id'" in said[4]
    assert not (tmp_path / "p.json").exists()
    # suggest names any role (it reads only those for --role), and the other rows
    args = ["suggest", "--role", ROLE, str(tmp_path / "cvs"), "--model", MODEL]
    assert main([*args, "--decisions", str(decisions)]) == 1
    err = capsys.readouterr().err
    assert f"{decisions}: 3 bad rows; fix them all and run again:" in err
    assert "no-such-role" not in err
    # one bad row: the message is the row's own, as before
    lines[3] = f"cvs/候选人02.txt,{ROLE},淘汰"
    lines[7] = f"cvs/候选人06.txt,{ROLE},面试"
    lines[8] = f"cvs/候选人07.txt,{ROLE},淘汰"
    decisions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _learn(decisions, tmp_path / "p.json") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"rolematch: error: {decisions} line 6: the field 'decision' must")


def test_an_error_names_the_first_twenty_bad_rows_and_counts_the_others(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.csv"
    rows = "".join(f"a{i}.txt,{ROLE},yes\n" for i in range(25))
    bad.write_text("file,role_id,decision\n" + rows, encoding="utf-8")
    with pytest.raises(ValueError) as e:
        read_decisions(bad)
    said = str(e.value).splitlines()
    assert said[0] == f"{bad}: 25 bad rows; fix them all and run again:"
    assert [s.split(":")[0].strip() for s in said[1:21]] == [
        f"{bad} line {n}" for n in range(2, 22)
    ]
    assert said[21:] == ["  and 5 more"]


def test_the_python_api_names_every_bad_row_too(tmp_path: Path) -> None:
    # rolematch.learn.read_decisions, as the command line, lists all bad rows at once
    from rolematch.learn import read_decisions

    cv = tmp_path / "a.txt"
    cv.write_text("2018-至今 某银行 客服中心 主管", encoding="utf-8")
    table = tmp_path / "d.csv"
    table.write_text(
        "file,role_id,decision\na.txt,customer-service,hired!!\na.txt,remote-systems,\n"
        "a.txt,mobile-banking,maybe?\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError) as e:
        read_decisions(table)
    assert "line 2" in str(e.value) and "line 4" in str(e.value)


# ------------------------------------------------------------------ 4. résumés not found
@PENDING_SHOWN
def test_a_decision_whose_file_is_not_found_is_named_by_its_line(
    tmp_path: Path, capsys: Any
) -> None:
    # the warning named nosuch.pdf but no line, and a name holding a line break got the
    # Python API's hint "use rolematch.resume_from_text" (user report s38 #4)
    decisions = _team(tmp_path, lambda name: f"cvs\\{name}")
    with open(decisions, "a", encoding="utf-8", newline="") as f:
        f.write(f'nosuch.pdf,{ROLE},淘汰\r\n"two\r\nlines.pdf",{ROLE},淘汰\r\n')
    assert _learn(decisions, tmp_path / "p.json") == 0
    err = capsys.readouterr().err
    assert "2 of 12 decisions dropped" in err
    assert "line 12: nosuch.pdf (file not found)" in err
    assert "line 14: 'two\\r\\nlines.pdf' (file not found)" in err  # a record's last line
    assert "resume_from_text" not in err


def test_when_the_files_not_found_leave_no_fits_the_error_counts_them(
    tmp_path: Path, capsys: Any
) -> None:
    # it said "must hold both fits … Got 0 fits and 1 rejects", hiding the 6 rows dropped
    decisions = _team(tmp_path, lambda name: f"cvs\\{name}")
    text = decisions.read_text("utf-8").replace("cvs\\", "typo\\", 6)
    decisions.write_text(text.replace("typo\\候选人05", "cvs\\候选人05"), "utf-8")
    assert _learn(decisions, tmp_path / "p.json") == 1
    err = capsys.readouterr().err
    assert "must hold both" not in err and not (tmp_path / "p.json").exists()
    assert "the 5 left hold 0 fits and 5 rejects" in err
    assert "5 rows dropped, 5 of them because their file was not found" in err
    assert "line 2: typo\\候选人00.txt (file not found)" in err


@PENDING_SHOWN
def test_suggest_says_so_when_every_resume_is_decided(tmp_path: Path, capsys: Any) -> None:
    # it printed an empty table's header, which read as a failure (user report s38 #8)
    decisions = _team(tmp_path, lambda name: f"cvs\\{name}")
    args = ["suggest", "--role", ROLE, str(tmp_path / "cvs"), "--model", MODEL]
    assert main([*args, "--decisions", str(decisions)]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"all 10 résumés given are already decided for {ROLE} in {decisions}: "
        "none is left to suggest\n"
    )
