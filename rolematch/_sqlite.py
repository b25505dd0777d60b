"""One way to open the project's SQLite caches (embeddings, extractions)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path, schema: str, timeout: float = 60.0) -> sqlite3.Connection:
    """Open (creating) a cache database shared by concurrent worker processes.

    WAL lets readers and one writer work at once; the busy timeout makes a
    writer wait for another instead of failing; autocommit keeps each statement
    its own transaction.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(schema)
    return conn
