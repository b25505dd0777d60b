"""The command line as a recruiter uses it: what reaches the terminal.

``rolematch explain`` printed a file name's escape sequences as they were (a name
holding ``ESC[2J`` cleared the screen; ``score``'s table already showed them as
``\\x1b``), and the ``score`` table padded names by characters, so a column of
Chinese file names (two terminal cells a character) pushed every number out of line.
Run with the bundled ``static-zh`` model, as a user would.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from rolematch.cli import main
from tests.conftest import example_files

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
    lines = capsys.readouterr().out.splitlines()
    header, rows = lines[0], [line for line in lines[2:] if line.strip()]
    assert len(rows) == 3 * 2 + 1
    # every row's rank column ends where the header's "rank" ends, in terminal cells
    end = _cells(header[: header.index("rank") + len("rank")])
    for row in rows:
        cut = [k for k in range(len(row) + 1) if _cells(row[:k]) == end]
        assert cut and row[cut[0] - 1] in "12-" and row[cut[0] : cut[0] + 2] == "  ", row


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
    assert "unknown role 'nope'; choose one of: cs-a, cs-b" in capsys.readouterr().err
    assert main([*args, "--role", "cs-b"]) == 0
