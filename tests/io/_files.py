"""Small helpers the posting and role tests share: write a UTF-8 file, list item texts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


def write_utf8(folder: Path, name: str, text: str) -> Path:
    """``text`` written to ``folder / name`` as UTF-8; the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def texts(items: Sequence[Any]) -> list[str]:
    """The ``text`` of each item (duties, requirements, dropped lines)."""
    return [i.text for i in items]
