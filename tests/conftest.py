"""Shared fixtures: the read-only ../shared folder, golden files, the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def example_files() -> list[Path]:
    """The bundled example résumés (texts, then PDFs) that test folders are made from."""
    return sorted(EXAMPLES.glob("*.txt")) + sorted((EXAMPLES / "pdf").glob("*.pdf"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/data/golden/* from this run"
    )


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (posting, devset, realpdf, badinput); skips when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
