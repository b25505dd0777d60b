"""Paths the CLI writes to (``-o``, ``--debug``, ``--cache``, ``roles import --out``):
one that cannot work is a usage error naming the option and the value (exit 2), told
before any posting is read or any model loads, never a raw ``[Errno …]`` after the work."""

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
