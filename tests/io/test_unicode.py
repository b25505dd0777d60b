"""Text from every backend is valid Unicode before anything hashes, caches or writes it."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from rolematch.cli import main
from rolematch.io.extract import read_resume
from rolematch.sections import build_resume
from rolematch.text import make_valid
from tests.io._pdfs import emoji_pdf
from tests.io.conftest import docx, paragraphs

SELF_INTRO = ["自我评价：热爱生活🐱，喜欢万圣节👻和下雪❄️", "负责手机银行运营与渠道建设"]
BROKEN = ["自我评价：半个表情\ud83d在这里", "负责手机银行运营与渠道建设"]


def encodable(value: object) -> bool:
    """Whether every string in a record survives UTF-8 (JSON, SQLite, hashing)."""
    try:
        json.dumps(value, ensure_ascii=False, default=vars).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def record(r) -> dict[str, object]:
    return {
        "text": r.text,
        "sentences": [s.text for s in r.sentences],
        "sections": r.sections,
        "personal": r.personal,
        "warnings": list(r.warnings),
        "meta": r.meta,
    }


def test_make_valid_joins_pairs_and_replaces_lone_surrogates():
    assert make_valid("猫\ud83d\udc31") == ("猫🐱", 0)
    text, n = make_valid("\udc31半\ud83d个\ud83d\ud83d\udc7b")
    assert (text, n) == ("\ufffd半\ufffd个\ufffd👻", 3)
    text.encode("utf-8")


def test_emoji_pdf_reads_as_valid_text_without_warning(tmp_path):
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(emoji_pdf(SELF_INTRO))
    r = read_resume(pdf)
    assert r.status == "ok", r.reason
    assert encodable(record(r))
    assert "热爱生活" in r.text and "手机银行" in r.text
    # the pairs were joined in the PDF backend: nothing was broken, nothing to warn about
    assert not any(w.startswith("invalid_unicode") for w in r.warnings)


def test_lone_surrogate_in_a_pdf_is_replaced_and_counted(tmp_path):
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(emoji_pdf(BROKEN))
    r = read_resume(pdf)
    assert r.status == "ok", r.reason
    assert encodable(record(r))
    assert [w for w in r.warnings if w.startswith("invalid_unicode: 1 ")], r.warnings


@pytest.mark.parametrize(
    "pages", [["负责\ud83d手机银行运营"], ["负责手机银行运营\udc31", "\ud83d"]]
)
def test_build_resume_is_the_one_place(pages):
    r = build_resume("cv.txt", pages)
    assert encodable(record(r))
    assert sum("invalid_unicode" in w for w in r.warnings) == 1


def test_emoji_txt_and_docx(tmp_path):
    text = "\n".join(SELF_INTRO)
    (tmp_path / "cv.txt").write_text(text, encoding="utf-16")
    (tmp_path / "cv.docx").write_bytes(docx(paragraphs(text)))
    for name in ("cv.txt", "cv.docx"):
        r = read_resume(tmp_path / name)
        assert r.status == "ok", (name, r.reason)
        assert "热爱生活" in r.text and encodable(record(r))


def test_cli_extract_and_score_survive_emoji(tmp_path, capsys):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "emoji.pdf").write_bytes(emoji_pdf(SELF_INTRO))
    (folder / "broken.pdf").write_bytes(emoji_pdf(BROKEN))
    jsonl, table = tmp_path / "out.jsonl", tmp_path / "out.csv"
    assert (
        main(["extract", str(folder / "emoji.pdf"), str(folder / "broken.pdf"), "-o", str(jsonl)])
        == 0
    )
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [row["status"] for row in rows] == ["ok", "ok"]
    args = ["score", str(folder), "--model", "static-zh", "-q", "-o", str(table)]
    assert main([*args, "--cache", str(tmp_path / "cache")]) == 0
    with table.open(encoding="utf-8-sig") as f:
        statuses = {(row["file"], row["status"]) for row in csv.DictReader(f)}
    assert {Path(file).name for file, _ in statuses} == {"emoji.pdf", "broken.pdf"}
    assert {status for _, status in statuses} == {"ok"}


def test_a_file_name_that_is_not_utf8_gets_its_row(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/\xd5\xc5\xc8\xfd.pdf"  # 张三 in GBK: not UTF-8
    with open(raw, "wb") as f:
        f.write(emoji_pdf(SELF_INTRO))
    r = read_resume(os.fsdecode(raw))
    assert r.status == "ok" and r.source.endswith("\\xd5\\xc5\\xc8\\xfd.pdf")
    table = tmp_path / "out.csv"
    assert main(["score", str(folder), "--model", "static-zh", "-q", "-o", str(table)]) == 0
    with table.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {row["status"] for row in rows} == {"ok"}
    assert len({row["file"] for row in rows}) == 1


@pytest.mark.slow
def test_every_real_cv_extracts_and_scores(shared_dir, tmp_path):
    files = sorted(
        p
        for folder in ("realpdf", "realworld")
        for p in (shared_dir / folder).iterdir()
        if p.suffix in (".pdf", ".docx", ".txt") and p.name != "SOURCES.md"
    )
    jsonl, table = tmp_path / "out.jsonl", tmp_path / "out.csv"
    assert main(["extract", *map(str, files), "-o", str(jsonl)]) == 0
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(files)
    assert all(row["status"] == "ok" for row in rows), [r["status"] for r in rows]
    assert main(["score", *map(str, files), "--model", "static-zh", "-q", "-o", str(table)]) == 0
    with table.open(encoding="utf-8-sig") as f:
        scored = {row["file"] for row in csv.DictReader(f) if row["status"] == "ok"}
    assert len(scored) == len(files)
