"""Shared fixtures: the read-only ../shared folder, golden files, the real model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
#: Two real CVs of ../shared/realworld: one that fits no role, one a partial portal-content fit.
OFF_AND_PARTIAL_CVS = (
    "adolescent__zr_academic__CV_cn.pdf",
    "WangLuyao1026__WangLuyao1026.github.io__about_cn.txt",
)
#: The bundled roles' ids in posting order (the benchmark sets label them "1".."9").
ROLE_IDS = [
    "mobile-banking",
    "portal-content",
    "payment-settlement",
    "platform-partnership",
    "customer-service",
    "outbound-marketing",
    "remote-systems",
    "consumer-protection",
    "internal-control",
]


def example_files() -> list[Path]:
    """The bundled example résumés (texts, then PDFs) that test folders are made from."""
    return sorted(EXAMPLES.glob("*.txt")) + sorted((EXAMPLES / "pdf").glob("*.pdf"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/data/golden/* from this run"
    )
    parser.addoption(
        "--runslow", action="store_true", help="run the slow tier too (as does -m naming 'slow')"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the slow tier out unless ``-m`` names it or ``--runslow`` is given.

    Done here rather than with ``-m 'not slow'`` in ``addopts``, which any ``-m`` on
    the command line replaces (``pytest -m "not semantic"`` then ran the slow tier).
    """
    if config.getoption("--runslow") or "slow" in (config.getoption("markexpr") or ""):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (posting, devset, realpdf, badinput); skips when absent, fails on CI."""
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            # CI has ../shared beside the checkout: its absence there is a broken
            # setup, and skipping would pass the quality bar without running it
            pytest.fail(f"CI=true but {SHARED} is missing: the quality bar cannot run")
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
