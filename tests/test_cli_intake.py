"""What a user's intake folder holds, as the score command meets it: linked folders,
archives, other Office files, and the options' errors, exit codes and progress lines."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rolematch.cli import main
from tests.conftest import EXAMPLES, ROOT

MODEL = "static-zh"


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {Path(r["file"]).name: r for r in csv.DictReader(f)}


def _cv(folder: Path, name: str = "cv.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(EXAMPLES / "04_consumer_protection.txt", folder / name))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_linked_sub_folder_is_scored_and_a_link_loop_is_not(tmp_path, capsys):
    # `ln -s ../intake2 loop/ext; rolematch score loop` scored 1 file and said nothing
    _cv(tmp_path / "intake2", "a.txt")
    _cv(tmp_path / "intake2", "b.txt")
    loop = tmp_path / "loop"
    _cv(loop / "sub")
    (loop / "sub" / "up").symlink_to("..", target_is_directory=True)
    (loop / "ext").symlink_to("../intake2", target_is_directory=True)
    out = tmp_path / "o.csv"
    assert main(["score", str(loop), "--model", MODEL, "-o", str(out)]) == 0
    rows = _rows(out)
    assert sorted(Path(r["file"]).relative_to(loop).as_posix() for r in rows.values()) == [
        "ext/a.txt", "ext/b.txt", "sub/cv.txt"]  # fmt: skip
    assert "rolematch: 3 files in" in capsys.readouterr().err


def test_archives_get_rows_saying_to_extract_them_and_an_excel_cv_says_what_it_is(tmp_path, capsys):
    d = tmp_path / "intake"
    _cv(d)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(EXAMPLES / "04_consumer_protection.txt", "cv.txt")
    (d / "cvs_bundle.zip").write_bytes(zipped.getvalue())
    (d / "bundle.rar").write_bytes(b"Rar!\x1a\x07\x00" + b"\0" * 64)
    (d / "notes.md").write_text("# notes", "utf-8")
    sheet = io.BytesIO()
    with zipfile.ZipFile(sheet, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    (d / "cv_form.xlsx").write_bytes(sheet.getvalue())
    out = tmp_path / "o.csv"
    assert main(["score", str(d), "--model", MODEL, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    # they were only in 'skipped 3 files of another type (.md, .rar, .zip)', then only in
    # the summary line: a dashboard fed from the outputs never saw two CVs stuck in a zip
    assert "rolematch: skipped 1 file of another type (.md)\n" in err
    rows = _rows(out)
    assert sorted(rows) == ["bundle.rar", "cv.txt", "cv_form.xlsx", "cvs_bundle.zip"]
    for name, kind in (("cvs_bundle.zip", ".zip"), ("bundle.rar", ".rar")):
        assert (rows[name]["status"], rows[name]["reason"]) == (
            "unsupported",
            f"a {kind} archive: archives are not opened; extract it and score the résumés inside",
        )
    # it was 'a ZIP archive, not a Word document'
    assert (rows["cv_form.xlsx"]["status"], rows["cv_form.xlsx"]["reason"]) == (
        "unsupported",
        "an Excel workbook (.xlsx), not a Word document; save the résumé as .docx or PDF",
    )


def test_a_missing_roles_path_is_a_usage_error(tmp_path, capsys):
    cv = _cv(tmp_path)
    missing = tmp_path / "nonexistent"
    assert main(["score", str(cv), "--roles", str(missing), "--model", MODEL]) == 2  # was 1
    err = capsys.readouterr().err
    assert err == f"rolematch: error: --roles {missing}: no such file or folder\n"


def test_file_timeout_takes_seconds_above_0_or_none_as_the_api_does(tmp_path, capsys):
    from rolematch.batch import iter_results

    cv = _cv(tmp_path)
    for bad in ("0", "-1", "inf", "soon"):  # 0 was taken as 'no limit', which the API refuses
        with pytest.raises(SystemExit) as e:
            main(["score", str(cv), "--file-timeout", bad, "--model", MODEL])
        assert e.value.code == 2
        assert "--file-timeout: expected seconds > 0, or 'none' for no limit" in (
            capsys.readouterr().err
        )
    for bad in (0, -1):  # what the API refuses
        with pytest.raises(ValueError, match="'file_timeout' parameter must be a number of sec"):
            next(iter_results([cv], matcher={}, roles=[], file_timeout=bad))
    out = tmp_path / "o.csv"
    args = ["score", str(cv), "--model", MODEL, "-q", "-o", str(out), "--file-timeout"]
    assert main([*args, "none"]) == 0 and _rows(out)["cv.txt"]["status"] == "ok"
    assert main([*args, "2.5"]) == 0 and _rows(out)["cv.txt"]["status"] == "ok"


def test_without_a_terminal_progress_is_a_line_every_tenth_of_the_files(tmp_path):
    d = tmp_path / "cvs"
    for k in range(20):
        cv = _cv(d, f"cv{k:02d}.txt")
        cv.write_text(cv.read_text("utf-8") + f"\n负责第{k}号项目。\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "rolematch", "score", str(d), "--model", MODEL,
                          "-o", str(tmp_path / "o.csv")], capture_output=True, text=True,
                         timeout=300, env=env)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "\r" not in run.stderr  # a bar redrawn with \r was one endless line in a log
    progress = [ln for ln in run.stderr.splitlines() if " files done" in ln]
    assert progress == [f"rolematch: {k} of 20 files done" for k in (5, 10, 15)]
    assert "rolematch: 20 files in" in run.stderr


def test_strict_exits_3_when_a_file_is_not_scored_and_writes_every_row(tmp_path, capsys):
    # a nightly job over an HR share wants an exit status, not a row to read
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    shutil.copy(sorted(EXAMPLES.glob("*.txt"))[0], cvs / "a.txt")
    common = [str(cvs), "--model", "static-zh", "--no-ocr", "-q", "-o"]
    assert main(["score", *common, str(tmp_path / "ok.csv"), "--strict"]) == 0
    (cvs / "b.pdf").write_bytes(bytes(range(256)) * 4)  # no PDF: corrupt
    assert main(["score", *common, str(tmp_path / "plain.csv")]) == 0
    assert main(["score", *common, str(tmp_path / "strict.csv"), "--strict"]) == 3
    strict = (tmp_path / "strict.csv").read_text("utf-8-sig")
    assert strict == (tmp_path / "plain.csv").read_text("utf-8-sig") and ",corrupt," in strict
    assert (
        main(["score", str(tmp_path / "gone"), *common[1:], str(tmp_path / "x.csv"), "--strict"])
        == 3
    )
