"""The on-disk caches: extraction records by file content, sentence vectors by model.

One job: keep what a batch computed so that a re-run does not compute it again.

* :class:`ExtractionCache` maps (SHA-256 of a file's bytes, extractor version, read
  options) to the file's :class:`~rolematch.documents.Resume` record;
* :class:`EmbeddingCache` maps (model id, sentence) to its float32 vector.

Both are SQLite files behind one :class:`SqliteStore`: WAL mode, so several worker
processes read and write at once; a writer waits while another holds the lock, and
every statement commits on its own, so a batch killed at any point keeps everything it
had stored (a re-run with the same cache reads only what is missing).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sqlite3
import stat
import threading
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from rolematch import _resources
from rolematch._version import __version__
from rolematch.documents import Resume

__all__ = [
    "EXTRACTOR_MODULES",
    "EmbeddingCache",
    "ExtractionCache",
    "SqliteStore",
    "default_cache_path",
    "extractor_version",
    "file_sha256",
]

#: The modules whose code decides what extraction returns (besides every module of
#: ``rolematch.io``): their source keys the extraction cache, so editing any of them
#: invalidates it.
EXTRACTOR_MODULES = (
    "rolematch.documents",
    "rolematch.language",
    "rolematch.pii",
    "rolematch.sections",
    "rolematch.text",
)


# ------------------------------------------------------------------------ SQLite


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
    keeps the path (and other plain fields); a connection never crosses processes,
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


# -------------------------------------------------------------------- extractions


def extractor_version() -> str:
    """A short hash of the package version and the extraction code (every module of
    ``rolematch.io`` and :data:`EXTRACTOR_MODULES`).

    Examples
    --------
    >>> len(extractor_version())
    16
    """
    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    io_spec = importlib.util.find_spec("rolematch.io")
    io_dir = Path(io_spec.origin).parent if io_spec and io_spec.origin else None
    io_modules = sorted(f"rolematch.io.{p.stem}" for p in io_dir.glob("*.py")) if io_dir else []
    for name in (*io_modules, *EXTRACTOR_MODULES):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin and os.path.exists(spec.origin):
            h.update(name.encode())
            h.update(Path(spec.origin).read_bytes())
    return h.hexdigest()


def file_sha256(path: str | Path) -> str | None:
    """The SHA-256 of a file's bytes, or ``None`` when it cannot be read or is no regular
    file (the reader then says why; a FIFO is never opened here: it would block)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


class ExtractionCache(SqliteStore):
    """Extraction results on disk, keyed by file content, extractor version and options.

    The same bytes under another name are a hit too (the record is returned with the
    new path). Records are pickled, compressed :class:`~rolematch.documents.Resume`
    objects, text included: keep the cache folder as private as the résumés.

    Parameters
    ----------
    path : str or Path
        The SQLite file (created with its folder on first use).
    version : str, optional
        Extractor version; default :func:`extractor_version`.

    Examples
    --------
    >>> import os, tempfile
    >>> from rolematch.sections import resume_from_text
    >>> cache = ExtractionCache(os.path.join(tempfile.mkdtemp(), "x.sqlite"))
    >>> cache.put("ab12", resume_from_text("负责手机银行运营", source="a.txt"))
    >>> cache.get("ab12", "b.txt").source, cache.get("ffff", "c.txt"), len(cache)
    ('b.txt', None, 1)
    """

    SCHEMA = "CREATE TABLE IF NOT EXISTS extractions (key TEXT PRIMARY KEY, record BLOB NOT NULL)"

    def __init__(self, path: str | Path, *, version: str | None = None) -> None:
        super().__init__(Path(path))
        self.version = version if version is not None else extractor_version()

    def _key(self, sha256: str, options: str, source: str) -> str:
        # what the name says enters the record (a .txt named without its suffix is
        # read with a type_mismatch warning; ~$x.docx is a lock file): the same bytes
        # under another kind of name are another record
        name = Path(source).name
        kind = ("~$" if name.startswith("~$") else "") + Path(name).suffix.lower()
        return f"{sha256}:{self.version}:{options}:{kind}"

    def get(self, sha256: str, source: str, options: str = "") -> Resume | None:
        """The cached record of the file with this content and a name of this kind (its
        suffix), as read from ``source``."""
        with self._lock:
            key = self._key(sha256, options, source)
            row = (
                self._connect()
                .execute("SELECT record FROM extractions WHERE key = ?", (key,))
                .fetchone()
            )
        if row is None:
            return None
        try:
            resume = pickle.loads(zlib.decompress(row[0]))
        except Exception:  # noqa: BLE001 - a record from another version: a miss
            return None
        return replace(resume, source=source) if isinstance(resume, Resume) else None

    def put(self, sha256: str, resume: Resume, options: str = "") -> None:
        """Store the record of a file whose bytes hash to ``sha256``."""
        blob = zlib.compress(pickle.dumps(resume, protocol=pickle.HIGHEST_PROTOCOL), 3)
        with self._lock:
            self._connect().execute(
                "INSERT OR REPLACE INTO extractions (key, record) VALUES (?, ?)",
                (self._key(sha256, options, resume.source), blob),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._connect().execute("SELECT COUNT(*) FROM extractions").fetchone()[0])


# --------------------------------------------------------------------- embeddings

_EMBEDDINGS_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model_id TEXT NOT NULL,
    key BLOB NOT NULL,
    dim INTEGER NOT NULL,
    vec BLOB NOT NULL,
    PRIMARY KEY (model_id, key)
) WITHOUT ROWID
"""
_CHUNK = 500  # keys per SELECT, below SQLite's bound-parameter limit


def default_cache_path() -> Path:
    """``home_dir() / "embeddings.sqlite"`` (``$ROLEMATCH_HOME`` or the user cache dir)."""
    return _resources.home_dir() / "embeddings.sqlite"


def _text_key(text: str) -> bytes:
    # surrogatepass: a lone surrogate from a PDF's text layer must not crash the key
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class EmbeddingCache(SqliteStore):
    """A persistent map from (model id, sentence) to a float32 vector.

    Vectors are stored as float32 blobs, so a hit returns exactly the vector that was
    computed; keys are a 16-byte BLAKE2b digest of the sentence, per model id. ``INSERT
    OR IGNORE`` makes a race between two writers of the same sentence harmless (both
    computed the same vector).

    Parameters
    ----------
    path : str or Path, optional
        The SQLite file; created with its folder on first use. Defaults to
        :func:`default_cache_path`.
    timeout : float, default=60.0
        Seconds a writer waits for another process's lock before giving up.

    Examples
    --------
    >>> import numpy as np, tempfile, os
    >>> cache = EmbeddingCache(os.path.join(tempfile.mkdtemp(), "emb.sqlite"))
    >>> cache.put("demo@1", ["负责坐席管理"], np.ones((1, 3), np.float32))
    >>> found = cache.get("demo@1", ["负责坐席管理", "清算对接"])
    >>> found[0], found[1] is None
    (array([1., 1., 1.], dtype=float32), True)
    >>> cache.close()
    """

    SCHEMA = _EMBEDDINGS_SCHEMA

    def __init__(self, path: str | Path | None = None, *, timeout: float = 60.0) -> None:
        super().__init__(Path(path) if path is not None else default_cache_path(), timeout)

    def get(self, model_id: str, texts: Sequence[str]) -> list[np.ndarray | None]:
        """Cached vectors for ``texts`` (``None`` where missing), in order."""
        keys = [_text_key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            conn = self._connect()
            unique = list(dict.fromkeys(keys))
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, dim, vec FROM embeddings WHERE model_id = ? AND key IN ({marks})",
                    [model_id, *chunk],
                )
                for key, dim, blob in rows:
                    vec = np.frombuffer(blob, dtype="<f4")
                    if vec.shape == (dim,):
                        found[key] = vec.astype(np.float32)
        return [found.get(k) for k in keys]

    def put(self, model_id: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store ``vectors[i]`` for ``texts[i]``; existing entries are kept."""
        vectors = np.asarray(vectors, dtype="<f4")
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise ValueError(
                f"The 'vectors' parameter of EmbeddingCache.put must have shape "
                f"({len(texts)}, dim). Got {vectors.shape} instead."
            )
        dim = int(vectors.shape[1])
        rows = [
            (model_id, _text_key(t), dim, v.tobytes()) for t, v in zip(texts, vectors, strict=True)
        ]
        with self._lock:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT OR IGNORE INTO embeddings (model_id, key, dim, vec) VALUES (?,?,?,?)",
                    rows,
                )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def count(self, model_id: str | None = None) -> int:
        """Number of cached vectors, for one model id or all."""
        with self._lock:
            conn = self._connect()
            if model_id is None:
                row = conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()
            else:
                row = conn.execute(
                    "SELECT COUNT(*) FROM embeddings WHERE model_id = ?", (model_id,)
                ).fetchone()
        return int(row[0])

    def clear(self, model_id: str | None = None) -> None:
        """Delete the cached vectors of one model id, or all of them."""
        with self._lock:
            conn = self._connect()
            if model_id is None:
                conn.execute("DELETE FROM embeddings")
            else:
                conn.execute("DELETE FROM embeddings WHERE model_id = ?", (model_id,))
