"""A small fixed-seed fuzz batch through the real ``rolematch score`` CLI (benchmarks/fuzz.py).

The full run (``python benchmarks/fuzz.py --n 320 --seed 0``) reports speed and
memory; this one asserts what must hold for every batch: exit code 0, exactly one
status per file, no ``error`` row (a damaged file is ``corrupt``, not a bug).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module
    spec.loader.exec_module(module)
    return module


def test_generator_is_seeded_and_covers_every_mutation(fuzz):
    first, again = fuzz.generate(40, seed=3), fuzz.generate(40, seed=3)
    assert [(s.name, s.data) for s in first] == [(s.name, s.data) for s in again]
    assert [s.name for s in fuzz.generate(40, seed=4)] != [s.name for s in first]
    many = fuzz.generate(200, seed=0)
    assert {s.mutation for s in many} == set(fuzz.MUTATIONS)
    assert any(s.name.startswith("=cmd|") for s in many)  # hostile names too


def test_fuzz_batch_keeps_one_status_per_file_and_no_error(fuzz, tmp_path):
    samples = fuzz.generate(30, seed=0)
    report = fuzz.run(samples, tmp_path / "files", model="static-zh")
    assert report.exit_code == 0, report.stderr_tail
    assert report.without_one_status == []
    assert report.errors == []
    assert sum(report.statuses.values()) == 30
    assert "corrupt" in report.statuses and "ok" in report.statuses
