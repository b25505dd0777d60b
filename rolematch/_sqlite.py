"""The SQLite store behind the project's caches (embeddings, extractions)."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any


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


class SqliteStore:
    """A file-backed store with one connection per process, opened on first use.

    Subclasses set ``SCHEMA`` and use ``with self._lock: self._connect()``. Pickling
    keeps the path (and ``_state`` fields); a connection never crosses processes,
    and a forked child opens its own instead of reusing its parent's.
    """

    SCHEMA = ""

    def __init__(self, path: Path, timeout: float = 60.0) -> None:
        self.path = path
        self.timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            self._conn, self._pid = connect(self.path, self.SCHEMA, self.timeout), os.getpid()
        return self._conn

    def close(self) -> None:
        """Close this process's connection (it reopens on next use)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("_conn", "_pid", "_lock")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._conn, self._pid, self._lock = None, -1, threading.Lock()
