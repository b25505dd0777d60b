"""Paths the CLI writes to (``-o``, ``--debug``, ``--cache``, ``roles import --out``):
one that cannot work is a usage error naming the option and the value (exit 2), told
before any posting is read or any model loads, never a raw ``[Errno …]`` after the work.
The résumé paths it reads: one file by two paths is one résumé, and rolematch's own
outputs left among the résumés are told apart from them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rolematch.cli import main
from tests.conftest import EXAMPLES

MODEL = "static-zh"
POSTING = "客服专员\n岗位职责：\n1. 负责客户来电咨询\n任职要求：\n1. 大专以上学历\n"
#: A folder nothing can be made in, whoever runs the tests (root may write anywhere else).
PROC = Path("/proc")
needs_proc = pytest.mark.skipif(not (PROC / "self").is_dir(), reason="needs Linux's /proc")


@pytest.fixture
def cv(tmp_path: Path) -> Path:
    path = tmp_path / "cv.txt"
    shutil.copy(EXAMPLES / "04_consumer_protection.txt", path)
    return path


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    """Run ``argv``: exit 2, one line naming every needle, before any work."""
    assert main(argv) == 2, argv
    err = capsys.readouterr().err
    assert err.startswith("rolematch: error: ") and err.count("\n") == 1, err
    assert "Errno" not in err and "Traceback" not in err, err
    assert "scoring" not in err and "imported" not in err, err  # told before any work
    for needle in needles:
        assert needle in err, (needle, err)
    return err


def test_roles_import_out_must_be_a_folder_that_can_be_written(tmp_path, capsys):
    posting = tmp_path / "chat.txt"
    posting.write_text(POSTING, encoding="utf-8")
    ranking = tmp_path / "ranking.csv"
    ranking.write_text("x\n", encoding="utf-8")
    argv = ["roles", "import", str(posting), "--out"]
    # an existing file: [Errno 17] File exists, exit 1
    _refused([*argv, str(ranking)], capsys, f"--out {ranking} is a file", "takes a folder")
    # under a file: [Errno 20] Not a directory, exit 1
    _refused([*argv, str(ranking / "roles")], capsys, f"--out {ranking / 'roles'}",
             f"{ranking} is a file, not a folder")  # fmt: skip
    assert ranking.read_text(encoding="utf-8") == "x\n"
    if (PROC / "self").is_dir():  # [Errno 2] No such file or directory: '/proc/roles'
        _refused([*argv, "/proc/roles"], capsys, "--out /proc/roles", "cannot write in /proc")
    # a dry run writes nothing: --out is not looked at
    assert main([*argv, str(ranking), "--dry-run"]) == 0
    capsys.readouterr()
    assert main([*argv, str(tmp_path / "new" / "roles")]) == 0
    assert len(list((tmp_path / "new" / "roles").iterdir())) == 1


@needs_proc
def test_outputs_in_a_folder_nothing_can_be_written_in_are_refused_first(cv, tmp_path, capsys):
    score = ["score", str(cv), "--model", MODEL]
    # os.access says yes to root there; the report's temporary file failed after scoring
    _refused([*score, "-o", "/proc/x.csv"], capsys, "-o /proc/x.csv", "cannot write in /proc")
    _refused([*score, "-o", "/proc/new/x.csv"], capsys, "-o /proc/new/x.csv", "in /proc")
    _refused(["extract", str(cv), "-o", "/proc/x.jsonl"], capsys, "-o /proc/x.jsonl", "/proc")
    out = ["-o", str(tmp_path / "r.csv")]
    # a clean run never writes the log, so it was never found out
    _refused([*score, *out, "--debug", "/proc/d.log"], capsys, "--debug /proc/d.log", "/proc")
    # [Errno 2] after the model had loaded
    _refused([*score, *out, "--cache", "/proc/c"], capsys, "--cache /proc/c", "/proc")
    assert not (tmp_path / "r.csv").exists()


def test_a_cache_under_a_file_is_refused_first(cv, tmp_path, capsys):
    # [Errno 20] Not a directory, exit 1, after the model had loaded
    cache = cv / "cache"
    _refused(["score", str(cv), "--model", MODEL, "--cache", str(cache)], capsys,
             f"--cache {cache}", f"{cv} is a file, not a folder")  # fmt: skip
    # a cache folder still to be made is fine
    out = tmp_path / "r.csv"
    argv = ["score", str(cv), "--model", MODEL, "-q", "-o", str(out)]
    assert main([*argv, "--cache", str(tmp_path / "new" / "cache")]) == 0
    assert out.exists() and (tmp_path / "new" / "cache").is_dir()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused_first(cv, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    posting = tmp_path / "chat.txt"
    posting.write_text(POSTING, encoding="utf-8")
    try:
        _refused(["score", str(cv), "--model", MODEL, "-o", str(locked / "x.csv")], capsys,
                 f"-o {locked / 'x.csv'}", f"cannot write in {locked}")  # fmt: skip
        _refused(["roles", "import", str(posting), "--out", str(locked / "roles")], capsys,
                 f"--out {locked / 'roles'}", f"cannot write in {locked}")  # fmt: skip
    finally:
        locked.chmod(0o755)


def test_a_name_the_system_refuses_is_a_usage_error(cv, tmp_path, capsys):
    long = str(tmp_path / ("长" * 200))  # 600 bytes: over any file system's name limit
    # [Errno 36] File name too long, exit 1
    _refused(["score", str(cv), "--model", MODEL, "-o", f"{long}.csv"], capsys, "-o ", "long")
    _refused(["score", str(cv), "--model", MODEL, "--cache", long], capsys, "--cache ", "long")
    _refused(["roles", "import", str(cv), "--out", long], capsys, "--out ", "long")


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_dev_stdout_as_a_pipe_is_still_written_to(cv):
    # /dev/stdout resolves to /proc/<pid>/fd/pipe:[…], where no file can be made: a
    # device or a pipe is written to in place, so its folder is not tried
    argv = ["score", str(cv), "--model", MODEL, "-q", "--format", "csv", "-o", "/dev/stdout"]
    proc = subprocess.run([sys.executable, "-m", "rolematch", *argv], capture_output=True,
                          text=True, timeout=300, check=False)  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.lstrip("\ufeff").startswith("file,status,")


# ------------------------------------------------------------------ résumé paths


def _rows(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_a_file_named_by_two_paths_is_scored_once(tmp_path, monkeypatch, capsys):
    # cc and $(pwd)/cc/b.txt gave b.txt two rows, both ranked (a folder named twice did not)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cc").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(EXAMPLES / "04_consumer_protection.txt", tmp_path / "cc" / name)
    (tmp_path / "cc" / "link.txt").symlink_to("b.txt")
    b = str(tmp_path / "cc" / "b.txt")
    argv = ["score", "--model", MODEL, "-q", "-o", "out.csv"]
    assert main([*argv, "cc/b.txt", "cc", b, "./cc/b.txt", "cc/../cc/a.txt"]) == 0
    files = [r["file"] for r in _rows(tmp_path / "out.csv") if r["role_rank"] == "1"]
    assert sorted(files) == ["cc/a.txt", "cc/b.txt"], files  # the first spelling given
    capsys.readouterr()


def test_rolematch_outputs_in_the_resume_folder_are_reports_not_resumes(
    tmp_path, monkeypatch, capsys
):
    # the .html report was told apart; the .xlsx was read as a résumé ("an Excel
    # workbook"), and the .csv and .jsonl when named
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cc").mkdir()
    shutil.copy(EXAMPLES / "04_consumer_protection.txt", tmp_path / "cc" / "a.txt")
    outs = ["cc/report.xlsx", "cc/report.html", "r.csv", "r.wide.csv", "r.jsonl"]
    argv = ["score", "--model", MODEL, "-q", *(x for o in outs for x in ("-o", o))]
    assert main([*argv, "cc"]) == 0
    assert main(["score", "--model", MODEL, "-q", "-o", "again.csv", "cc", *outs[2:]]) == 0
    capsys.readouterr()
    rows = {r["file"]: r for r in _rows(tmp_path / "again.csv") if r["file"] != "cc/a.txt"}
    assert sorted(rows) == sorted(outs), rows
    for name, row in rows.items():
        assert row["status"] == "unsupported", row
        assert row["reason"].startswith("a rolematch report (the ."), (name, row["reason"])


def test_own_output_tells_rolematch_outputs_from_other_files(tmp_path):
    from rolematch.io._own_outputs import own_output

    others = {
        ".csv": b"file,role_id,decision\n",
        ".jsonl": b'{"file": "a.pdf", "note": "x"}\n',
        ".xlsx": b"PK\x03\x04 not a zip",
    }
    for suffix, data in [*others.items(), (".xlsx", b"")]:
        assert own_output(suffix, data) == "", suffix


def test_an_output_folder_with_its_slash_is_refused_with_a_path_to_copy(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    cv = EXAMPLES / "04_consumer_protection.txt"
    assert main(["score", str(cv), "--model", "static-zh", "-o", f"{out}/"]) == 2
    err = capsys.readouterr().err
    assert f"is a folder; name a file in it, e.g. {out}/" in err and "//" not in err, err


def test_a_link_to_a_file_scored_under_its_first_name_is_said_in_the_summary(
    tmp_path, monkeypatch, capsys
):
    # 其他/链接到李娜.docx, a link to a CV of the share, had no row and no word: in a
    # nightly audit a name missing from the report reads as a lost file
    monkeypatch.chdir(tmp_path)
    (tmp_path / "share" / "a").mkdir(parents=True)
    (tmp_path / "share" / "b").mkdir()
    shutil.copy(EXAMPLES / "04_consumer_protection.txt", tmp_path / "share" / "a" / "cv.txt")
    (tmp_path / "share" / "b" / "link.txt").symlink_to("../a/cv.txt")
    assert main(["score", "--model", MODEL, "-o", "out.csv", "share"]) == 0
    err = capsys.readouterr().err
    assert "left out 1 second name of a file scored under its first: " in err
    assert "share/b/link.txt (share/a/cv.txt)" in err
    assert {r["file"] for r in _rows(tmp_path / "out.csv")} == {"share/a/cv.txt"}
