"""Small helpers the posting and role tests share: write a UTF-8 file, list item texts."""

from __future__ import annotations

import re
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


#: Every status a résumé record may have (``rolematch.io.extract``'s docstring).
STATUSES = {"ok", "unreadable", "unsupported", "corrupt", "encrypted", "empty", "error"}


def check_record(r: Any, status: str, reason: str | None = None) -> None:
    """A record has ``status``: text and sentences when ok, else no text and a reason
    (matching the ``reason`` pattern when given)."""
    assert r.status == status, (r.status, r.reason)
    assert r.status in STATUSES
    if status == "ok":
        assert r.text and r.sentences and not r.reason
    else:
        assert r.text == "" and r.reason
    if reason is not None:
        assert re.search(reason, r.reason), r.reason
