"""The same résumé twice in a batch: both scored, each row's warnings name the other file.

"The same" is the extracted text with its whitespace ignored, and the personal data
redaction cut out of it (two people's résumés that differ only there are two
candidates), so a PDF and a text file of one CV are the same résumé.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from rolematch.cli import main
from tests.conftest import EXAMPLES

MODEL = "static-zh"
PDF = EXAMPLES / "pdf" / "02_contact_centre_manager.pdf"
PDF_TEXT = EXAMPLES / "pdf" / "02_contact_centre_manager.source"  # the text the PDF was made of


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def cvs(tmp_path: Path) -> Path:
    """dup1/dup2 one text (spaced differently), cv.pdf/cv.txt one CV, other.txt and
    renamed.txt (another person's name on dup1's text) apart, two empty files."""
    d = tmp_path / "cvs"
    d.mkdir()
    text = (EXAMPLES / "04_consumer_protection.txt").read_text("utf-8")
    (d / "dup1.txt").write_text(text, "utf-8")
    (d / "dup2.txt").write_text("\r\n".join(f"  {line} " for line in text.splitlines()), "utf-8")
    assert text.startswith("宋佳怡，女，1987年\n")  # the name, cut out of the scored text
    (d / "renamed.txt").write_text(text.replace("宋佳怡", "林晓彤", 1), "utf-8")
    shutil.copy(PDF, d / "cv.pdf")
    shutil.copy(PDF_TEXT, d / "cv.txt")
    shutil.copy(EXAMPLES / "05_internal_control.txt", d / "other.txt")
    (d / "empty1.txt").write_text("", "utf-8")
    (d / "empty2.txt").write_text("", "utf-8")
    return d


def _notes(rows: list[dict[str, str]], key: str = "warnings") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in rows:
        notes = row[key] if isinstance(row[key], list) else row[key].split("; ")
        out.setdefault(Path(row["file"]).name, set()).update(n for n in notes if n)
    return out


def test_each_copy_of_a_resume_says_which_files_have_the_same_text(cvs, tmp_path, capsys):
    outs = {s: tmp_path / f"r{s}" for s in (".csv", ".jsonl", ".xlsx", ".html")}
    argv = [
        "score",
        str(cvs),
        "--model",
        MODEL,
        *[x for o in outs.values() for x in ("-o", str(o))],
    ]
    assert main(argv) == 0
    err = capsys.readouterr().err
    rows = _read_csv(outs[".csv"])
    # both copies are scored and ranked, every role, as before
    scored = {Path(r["file"]).name for r in rows if r["status"] == "ok"}
    assert scored == {"dup1.txt", "dup2.txt", "renamed.txt", "cv.pdf", "cv.txt", "other.txt"}
    assert sum(Path(r["file"]).name == "dup2.txt" for r in rows) == 9
    dup = {
        name: {n for n in notes if n.startswith("duplicate:")}
        for name, notes in _notes(rows).items()
    }
    assert dup == {
        "dup1.txt": {f"duplicate: same text as {cvs / 'dup2.txt'}"},
        "dup2.txt": {f"duplicate: same text as {cvs / 'dup1.txt'}"},
        "cv.pdf": {f"duplicate: same text as {cvs / 'cv.txt'}"},
        "cv.txt": {f"duplicate: same text as {cvs / 'cv.pdf'}"},
        "renamed.txt": set(),
        "other.txt": set(),
        "empty1.txt": set(),  # not scored: nothing to rank twice
        "empty2.txt": set(),
    }
    # the reports that read the same table say it too
    recs = [json.loads(x) for x in outs[".jsonl"].read_text("utf-8").splitlines()]
    assert _notes(recs)["dup2.txt"] >= dup["dup2.txt"]
    # a role's shortlist lists a text once, as its first file, whose note names the copy
    html = outs[".html"].read_text("utf-8")
    assert f"duplicate: same text as {cvs / 'cv.txt'}" in html
    shown = set(re.findall(r"<summary>\d+\. ([^<]+)<", html))
    assert {"dup1.txt", "cv.pdf"} <= shown and not {"dup2.txt", "cv.txt"} & shown, shown
    import openpyxl

    wb = openpyxl.load_workbook(outs[".xlsx"], read_only=True)
    cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row}
    listed = {
        Path(str(row[1])).name
        for ws in wb.worksheets[1:]
        if ws.title != "无法读取 Unreadable"
        for row in ws.iter_rows(min_row=2, values_only=True)
    }
    wb.close()
    assert any(f"duplicate: same text as {cvs / 'dup1.txt'}" in c for c in cells)
    assert {"dup1.txt", "cv.pdf"} <= listed and not {"dup2.txt", "cv.txt"} & listed, listed
    assert "rolematch: 4 files have the same text as another file (a warning on each" in err


def test_the_wide_csv_and_the_terminal_table_say_it_too(cvs, tmp_path, capsys):
    # Only the long CSV, JSONL, Excel and HTML said it: the wide CSV had no warnings
    # column and the table printed dup1.txt and dup2.txt like any two candidates.
    long, wide = tmp_path / "r.csv", tmp_path / "r.wide.csv"
    assert main(["score", str(cvs), "--model", MODEL, "-q", "-o", str(long), "-o", str(wide)]) == 0
    rows = _read_csv(wide)
    assert list(rows[0])[-2:] == ["warnings", "reason"]
    notes = {Path(r["file"]).name: r["warnings"] for r in rows}
    assert notes == {Path(r["file"]).name: r["warnings"] for r in _read_csv(long)}
    assert notes["dup1.txt"] == f"duplicate: same text as {cvs / 'dup2.txt'}"
    assert notes["cv.txt"] == f"duplicate: same text as {cvs / 'cv.pdf'}"
    assert notes["renamed.txt"] == notes["other.txt"] == notes["empty1.txt"] == ""

    assert main(["score", str(cvs), "--model", MODEL, "-q"]) == 0
    table, listed = capsys.readouterr().out.split("\n\nwarnings:\n")
    firsts = [line.split()[:2] for line in table.splitlines()[2:] if not line.startswith(" ")]
    marks = {name: mark for name, mark in firsts if mark.startswith("[")}
    assert set(marks) == {"dup1.txt", "dup2.txt", "cv.pdf", "cv.txt"}
    expected = {
        marks[name]: f"{name}: {notes[name]}"
        for name in ("dup1.txt", "dup2.txt", "cv.pdf", "cv.txt")
    }
    assert dict(line.split(" ", 1) for line in listed.splitlines()) == expected


def test_a_pdf_and_its_text_copied_out_of_a_viewer_are_one_resume(tmp_path, capsys):
    """Page numbers (- 1 -, 第 1 页 共 2 页), the running header each page repeats and
    the viewer's line ends do not make a second candidate."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from tests.io.test_txt_wraps import CV, wrap

    d = tmp_path / "cvs"
    d.mkdir()
    body = wrap(CV, 60).splitlines()
    pages = [body[: len(body) // 2], body[len(body) // 2 :]]
    (d / "clean.txt").write_text("个人简历\n" + CV, "utf-8")
    copied = [
        line
        for n, page in enumerate(pages, start=1)
        for line in ("个人简历", *page, f"第 {n} 页 共 2 页")
    ]
    (d / "copied.txt").write_text("\n".join(copied), "utf-8")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(d / "cv.pdf"), pagesize=(595, 842))
    for n, page in enumerate(pages, start=1):
        c.setFont("STSong-Light", 10)
        for k, line in enumerate(["个人简历", "", *page]):
            c.drawString(60, 780 - 16 * k, line)
        c.drawCentredString(297, 40, f"- {n} -")
        c.showPage()
    c.save()
    assert main(["score", str(d), "--model", MODEL, "-o", str(tmp_path / "r.csv")]) == 0
    notes = _notes(_read_csv(tmp_path / "r.csv"))
    for name in ("clean.txt", "copied.txt", "cv.pdf"):
        others = sorted(str(d / o) for o in ("clean.txt", "copied.txt", "cv.pdf") if o != name)
        assert f"duplicate: same text as {', '.join(others)}" in notes[name], notes[name]
    assert "3 files have the same text" in capsys.readouterr().err
