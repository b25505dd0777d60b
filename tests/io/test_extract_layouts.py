"""Résumé files in the layouts Word, job boards and mail clients produce, written blind
(``benchmarks/data/extraction_blind``): what each must say, once, and what it must not."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from rolematch import read_resume

BLIND = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "extraction_blind"
GOLD = json.loads((BLIND / "gold.json").read_text(encoding="utf-8"))


def _plain(text: str) -> str:
    # the reader folds full-width punctuation (NFKC) and reflows whitespace
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("name", sorted(GOLD))
def test_blind_layout_reads_what_it_shows_and_nothing_it_hides(name: str) -> None:
    gold = GOLD[name]
    r = read_resume(BLIND / "files" / name, redact=False)
    assert r.status == "ok", (r.status, r.reason)
    text = _plain(r.text)
    counts = {p: text.count(_plain(p)) for p in gold["must"]}
    assert all(n == 1 for n in counts.values()), counts  # present, and not read twice
    leaked = [p for p in gold["must_not"] if _plain(p) in text]
    assert not leaked, f"{gold['layout']}: {leaked}"
