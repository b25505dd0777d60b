"""The command line as a recruiter uses it: what reaches the terminal.

``rolematch explain`` printed a file name's escape sequences as they were (a name
holding ``ESC[2J`` cleared the screen; ``score``'s table already showed them as
``\\x1b``), and the ``score`` table padded names by characters, so a column of
Chinese file names (two terminal cells a character) pushed every number out of line.
Run with the bundled ``static-zh`` model, as a user would.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from rolematch.cli import main
from tests.conftest import EXAMPLES, example_files

MODEL = "static-zh"


def _cells(text: str) -> int:
    """Terminal cells ``text`` takes (East Asian wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.fixture
def cv() -> Path:
    return next(f for f in example_files() if f.suffix == ".txt")


def test_explain_shows_control_characters_in_a_name_as_escapes(tmp_path, cv, capsys):
    hostile = tmp_path / "cv\x1b[2J\x1b[31mRED\u202e.txt"
    shutil.copy(cv, hostile)
    roles = tmp_path / "r.yaml"
    roles.write_text(
        'id: demo\ntitle: "手机银行\\e[5m主管"\nduties: [负责手机银行APP运营]\n', "utf-8"
    )
    assert main(["explain", str(hostile), "--role", "demo", "--roles", str(roles),
                 "--model", MODEL]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "cv\\x1b[2J\\x1b[31mRED\\u202e.txt" in out and "手机银行\\x1b[5m主管" in out
    assert not [ch for ch in out if ch != "\n" and not ch.isprintable()]


def test_score_table_aligns_chinese_file_names_by_terminal_cells(tmp_path, cv, capsys):
    folder = tmp_path / "cv"
    folder.mkdir()
    for name in ("张三的简历.txt", "li.txt", "王五-支付结算-2024.txt"):
        shutil.copy(cv, folder / name)
    (folder / "坏文件.pdf").write_bytes(b"%PDF-1.4\n")
    assert main(["score", str(folder), "--model", MODEL, "--top-k", "2", "-q"]) == 0
    table, _ = capsys.readouterr().out.split("\n\nwarnings:\n")  # three copies of one text
    lines = table.splitlines()
    header, rows = lines[0], lines[2:]
    assert len(rows) == 3 * 2 + 1
    # every row's rank column ends where the header's "rank" ends, in terminal cells
    end = _cells(header[: header.index("rank") + len("rank")])
    for row in rows:
        cut = [k for k in range(len(row) + 1) if _cells(row[:k]) == end]
        assert cut and row[cut[0] - 1] in "12-" and row[cut[0] : cut[0] + 2] == "  ", row


def test_score_table_marks_each_file_with_warnings_and_lists_them_below(tmp_path, capsys):
    # The table showed no warning: two copies of one résumé, a web page named .doc, a
    # few-word résumé looked like any other file; only stderr counted the duplicates.
    folder = tmp_path / "cv"
    folder.mkdir()
    text = (EXAMPLES / "04_consumer_protection.txt").read_text("utf-8")
    (folder / "张三的简历.txt").write_text(text, "utf-8")
    (folder / "张三-副本.txt").write_text(text, "utf-8")
    shutil.copy(EXAMPLES / "05_internal_control.txt", folder / "li.txt")
    (folder / "short.txt").write_text("手机银行产品经理\n", "utf-8")
    (folder / "short2.txt").write_text("手机银行产品经理\n", "utf-8")  # two warnings each
    (folder / "网页.doc").write_text("<html><body><p> </p></body></html>", "utf-8")
    (folder / "坏文件.pdf").write_bytes(b"%PDF-1.4\n")
    assert main(["score", str(folder), "--model", MODEL, "--top-k", "2", "-q"]) == 0
    table, notes = capsys.readouterr().out.split("\n\nwarnings:\n")
    lines = table.splitlines()
    firsts = {line.split()[0]: line for line in lines[2:] if not line.startswith(" ")}
    marks = {name: line.split()[1] for name, line in firsts.items() if line.split()[1][0] == "["}
    # a mark after the name of each file with warnings, numbered down the table
    assert set(marks) == {"张三的简历.txt", "张三-副本.txt", "short.txt", "short2.txt", "网页.doc"}
    assert list(marks.values()) == ["[1]", "[2]", "[3]", "[4]", "[5]"]
    assert firsts["网页.doc"].split()[2:4] == ["-", "empty:"]  # a file not read: its reason
    assert firsts["坏文件.pdf"].split()[1:3] == ["-", "corrupt:"]  # no warning, no mark
    # every row's rank column still ends where the header's does, in terminal cells
    end = _cells(lines[0][: lines[0].index("rank") + len("rank")])
    for row in lines[2:]:
        cut = [k for k in range(len(row) + 1) if _cells(row[:k]) == end]
        assert cut and row[cut[0] - 1] in "12-" and row[cut[0] : cut[0] + 2] == "  ", row
    # below: each mark's file and its warnings, the long CSV's text, one a line
    listed: dict[str, list[str]] = {}
    for line in notes.splitlines():
        if line.startswith("["):
            mark, note = line.split(" ", 1)
            listed[mark] = [note]
        else:  # a further warning of the same file, under its name
            assert line.startswith(" " * len("[1] ")) and line[4] != " ", line
            listed[mark].append(line[4:])
    assert list(listed) == ["[1]", "[2]", "[3]", "[4]", "[5]"]
    dup = "duplicate: same text as "
    assert listed[marks["张三的简历.txt"]] == [f"张三的简历.txt: {dup}{folder / '张三-副本.txt'}"]
    assert listed[marks["张三-副本.txt"]] == [f"张三-副本.txt: {dup}{folder / '张三的简历.txt'}"]
    assert listed[marks["网页.doc"]] == [
        "网页.doc: type_mismatch: named .doc but content is a web page (HTML)"
    ]
    short, same = listed[marks["short.txt"]]
    assert short.startswith("short.txt: short_text: ") and same == f"{dup}{folder / 'short2.txt'}"


def test_explain_names_the_roles_a_shared_title_could_mean(tmp_path, cv, capsys):
    folder = tmp_path / "roles"
    folder.mkdir()
    for rid in ("cs-a", "cs-b"):
        (folder / f"{rid}.yaml").write_text(
            f"id: {rid}\ntitle: 客服主管\nduties: [负责坐席管理和投诉处理]\n", "utf-8"
        )
    args = ["explain", str(cv), "--roles", str(folder), "--model", MODEL]
    assert main([*args, "--role", "客服主管"]) == 2
    err = capsys.readouterr().err
    assert "the title '客服主管' names 2 roles; give one's id: cs-a, cs-b" in err
    assert main([*args, "--role", "nope"]) == 2
    assert (
        "unknown role 'nope'; choose one of: cs-a (客服主管), cs-b (客服主管)"
        in capsys.readouterr().err
    )
    assert main([*args, "--role", "cs-b"]) == 0


def test_explain_verdict_names_a_stated_requirement_the_resume_misses(tmp_path, capsys):
    """Facets weigh little in the score: a graduate's 0.6 years against 5年以上 must
    not read as a plain 'strong fit'."""
    role = tmp_path / "cs.yaml"
    role.write_text(
        "id: cs\ntitle: 客服中心主管\nduties: [负责坐席团队管理、排班和质检, 负责投诉处理]\n"
        "requirements: [5年以上呼叫中心管理经验]\n",
        "utf-8",
    )
    junior = tmp_path / "junior.txt"
    junior.write_text(
        "工作经历\n2025.06-2026.01 某银行信用卡中心 客服坐席\n负责坐席排班、质检和投诉处理。\n",
        "utf-8",
    )
    senior = tmp_path / "senior.txt"
    senior.write_text(
        "工作经历\n2012.06-2026.01 某银行信用卡中心 客服中心主管\n负责坐席团队管理、排班、质检和投诉处理。\n",
        "utf-8",
    )
    args = ["explain", "--roles", str(role), "--role", "cs", "--model", MODEL]
    assert main([*args[:1], str(junior), *args[1:]]) == 0
    verdict = next(ln for ln in capsys.readouterr().out.splitlines() if "verdict:" in ln)
    assert re.search(r"\(but experience [\d.]+年 .*of 5年以上呼叫中心管理经验\)", verdict), verdict
    assert main([*args[:1], str(senior), *args[1:]]) == 0
    verdict = next(ln for ln in capsys.readouterr().out.splitlines() if "verdict:" in ln)
    assert "(but" not in verdict, verdict


def test_csv_redirected_to_a_file_starts_with_the_bom_excel_needs(tmp_path, cv):
    """`rolematch score … --format csv > ranking.csv` is a CSV file as -o writes one;
    piped to another program it has no byte-order mark."""
    import subprocess
    import sys

    argv = [sys.executable, "-m", "rolematch", "score", str(cv), "--model", MODEL, "-q"]
    for fmt in ("csv", "wide-csv"):
        target = tmp_path / f"r.{fmt}"
        with target.open("wb") as f:
            subprocess.run([*argv, "--format", fmt], stdout=f, check=True, timeout=300)
        assert target.read_bytes().startswith(b"\xef\xbb\xbffile,"), fmt
    piped = subprocess.run([*argv, "--format", "csv"], capture_output=True, check=True, timeout=300)
    assert piped.stdout.startswith(b"file,")


def test_score_table_tells_files_of_one_name_in_two_folders_apart(tmp_path, cv, capsys):
    """Two folders' cv.txt were two rows both named cv.txt."""
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        shutil.copy(cv, tmp_path / "in" / sub / "cv.txt")
    shutil.copy(cv, tmp_path / "in" / "b" / "王芳.txt")
    assert main(["score", str(tmp_path / "in"), "--model", MODEL, "--top-k", "1", "-q"]) == 0
    rows = capsys.readouterr().out.split("\n\nwarnings:\n")[0].splitlines()[2:]
    assert sorted(r.split()[0] for r in rows) == ["a/cv.txt", "b/cv.txt", "王芳.txt"]
