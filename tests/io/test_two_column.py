"""Row-interleaved two-column pages keep every source line whole (rolematch.io._layout).

Word and WPS résumé templates put a sidebar and the main column in a layout table:
each row draws a sidebar cell and a main cell side by side, so the two columns'
lines interleave by height, their gutter can be narrower than a glyph, and
paragraphs wrap inside both cells. The fixtures (tests/io/_pdfs.py) vary the
sidebar width (70-210 pt), fonts, leading, padding and gutter with the seed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rolematch.io.extract import read_resume
from rolematch.text import normalize_text

pytest.importorskip("reportlab")

from tests.io._pdfs import row_interleaved_pdf  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MAIN = [
    line
    for name in ("04_consumer_protection.txt", "05_internal_control.txt")
    for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def intact(seed: int, tmp_path: Path) -> tuple[int, int, list[str]]:
    data, lines = row_interleaved_pdf(seed, MAIN)
    path = tmp_path / f"cv_{seed}.pdf"
    path.write_bytes(data)
    r = read_resume(path, redact=False, ocr=False)
    assert r.status == "ok", r.reason
    got = re.sub(r"\s+", "", r.text)
    broken = [ln for ln in lines if re.sub(r"\s+", "", normalize_text(ln)) not in got]
    return len(lines) - len(broken), len(lines), broken


def test_row_interleaved_sidebar_layouts_keep_lines_whole(tmp_path):
    kept = total = 0
    broken: list[str] = []
    for seed in range(16):
        k, n, b = intact(seed, tmp_path)
        kept, total, broken = kept + k, total + n, broken + b
    assert total > 700
    assert kept / total >= 0.98, (kept / total, broken[:10])


def test_narrow_gutter_does_not_glue_the_columns(tmp_path):
    # seed 7: a 120 pt sidebar, an 8 pt gutter, sidebar paragraphs wrapped in their cell
    kept, total, broken = intact(7, tmp_path)
    assert kept == total, broken
