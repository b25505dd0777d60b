"""On-disk embedding cache: (model id, sentence) -> float32 vector, in SQLite.

Scoring the same résumés against new or edited roles should not re-encode them. The cache
is one SQLite file (default ``home_dir() / "embeddings.sqlite"``) in WAL mode, so several
worker processes can read and write it at once; writers retry while another holds the
lock, and ``INSERT OR IGNORE`` makes a race between two writers of the same sentence
harmless (both computed the same vector).

Vectors are stored as float32 blobs, so a cache hit returns exactly the vector that was
computed. Keys are a 16-byte BLAKE2b digest of the sentence text, per model id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rolematch import _resources
from rolematch._sqlite import SqliteStore

__all__ = ["EmbeddingCache", "default_cache_path"]

_SCHEMA = """
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


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class EmbeddingCache(SqliteStore):
    """A persistent map from (model id, sentence) to a float32 vector.

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

    SCHEMA = _SCHEMA

    def __init__(self, path: str | Path | None = None, *, timeout: float = 60.0) -> None:
        super().__init__(Path(path) if path is not None else default_cache_path(), timeout)

    def get(self, model_id: str, texts: Sequence[str]) -> list[np.ndarray | None]:
        """Cached vectors for ``texts`` (``None`` where missing), in order."""
        keys = [_key(t) for t in texts]
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
        rows = [(model_id, _key(t), dim, v.tobytes()) for t, v in zip(texts, vectors, strict=True)]
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
