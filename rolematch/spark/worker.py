"""What runs in Spark's Python workers: one fitted matcher per worker, files read and
scored in chunks, each file's faults isolated.

One job: turn Arrow batches of résumé files (``path``, ``content``) or texts (``_id``,
``_text``) into the result rows (every column but ``resume_rank``, plus the sort keys
``_key`` and ``_order``). The functions here are pickled by reference, so the caches
below live as long as the Python worker does (Spark reuses its workers across tasks).
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

# the columns of the result: the long CSV's, defined once
from rolematch.results import COLUMNS, text_fingerprint

if TYPE_CHECKING:
    import pandas as pd

    from rolematch.documents import Resume, Role
    from rolematch.matcher import Matcher

__all__ = [
    "CASCADE_WARNING",
    "CHUNK",
    "COLUMNS",
    "SCHEMA",
    "Job",
    "make_job",
    "path_order",
    "score_file_batches",
    "score_text_batches",
]


#: Résumés read and scored together in a worker (as the local engine's chunks).
CHUNK = 48

#: Starts the warning the cascade appends to each row it did not re-score:
#: ``not re-scored: static-zh score, ranked after the 5 re-scored with e5-small``.
CASCADE_WARNING = "not re-scored: "

# what the workers return: the result columns but resume_rank, plus the sort keys
SCHEMA = (
    "file string, status string, language string, role_id string, role_title string, "
    "score double, keyword_score double, semantic_score double, facet_score double, "
    "role_rank int, warnings string, reason string, _key string, _order string, _hash string"
)


@dataclass(frozen=True)
class Job:
    """What every worker needs; broadcast once."""

    roles: tuple[Role, ...]
    params: dict[str, Any]  # Matcher parameters, model included
    read_options: dict[str, Any]
    names: dict[str, tuple[str, int]] | None = None  # key -> (file shown, position)
    fingerprint: str = field(default="", compare=False)
    file_timeout: float | None = None  # None: read in the Python worker, no time limit


def make_job(
    roles: Sequence[Role],
    params: Mapping[str, Any],
    read_options: Mapping[str, Any],
    names: Mapping[str, str] | None,
    file_timeout: float | None = None,
) -> Job:
    named = {k: (v, i) for i, (k, v) in enumerate(names.items())} if names is not None else None
    blob = pickle.dumps((tuple(roles), sorted(params.items())), protocol=4)
    fp = hashlib.sha256(blob).hexdigest()[:16]
    return Job(tuple(roles), dict(params), dict(read_options), named, fp, file_timeout)


# -------------------------------------------------------------------- in the workers

#: Fitted matchers of this Python worker, by job fingerprint (the cascade needs two).
_MATCHERS: dict[str, Matcher] = {}


def _matcher(job: Job) -> Matcher:
    m = _MATCHERS.get(job.fingerprint)
    if m is not None:
        return m
    threads = _task_cpus()
    # one task's share of the cores, before torch / onnxruntime start their pools (an
    # executor's own settings kept); numpy's pool, started by pyspark's imports, capped
    from rolematch._threads import share_cores

    share_cores(threads, override=False)
    from rolematch.matcher import Matcher

    params = dict(job.params)
    if params.get("encoder") is None:
        from rolematch.features.embeddings import SentenceTransformerEncoder

        # no embedding cache: each résumé is seen once, and an executor's home may be
        # read-only or shared by many workers (one SQLite file)
        params["encoder"] = SentenceTransformerEncoder(params["model"], cache=False)
    m = Matcher(**params).fit(list(job.roles))
    torch = __import__("sys").modules.get("torch")
    if torch is not None and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    while len(_MATCHERS) >= 2:  # a worker serves at most the cascade's two models
        _MATCHERS.pop(next(iter(_MATCHERS)))
    _MATCHERS[job.fingerprint] = m
    return m


#: This Python worker's reader child (:class:`~rolematch.batch.reader.GuardedReader`), by
#: read options and time limit.
_READERS: dict[tuple[str, float], Any] = {}


def _reader(job: Job) -> Any:
    """The worker's guarded reader (a child process, kept for every later task), or None."""
    if job.file_timeout is None:
        return None
    key = (repr(sorted(job.read_options.items())), float(job.file_timeout))
    reader = _READERS.get(key)
    if reader is None:
        from rolematch.batch.reader import GuardedReader

        for old in _READERS.values():
            old.close()
        _READERS.clear()
        reader = _READERS[key] = GuardedReader(job.read_options, job.file_timeout)
        reader.start()
    return reader


def _task_cpus() -> int:
    try:
        from pyspark import TaskContext

        ctx = TaskContext.get()
        if ctx is not None:
            return max(1, int(ctx.cpus()))
    except Exception:  # noqa: BLE001 - outside a task, or an old pyspark
        pass
    return 1


def _read_bytes(
    key: str, content: bytes | None, source: str, options: Mapping[str, Any], reader: Any
) -> Resume:
    """A résumé file given as bytes, read as the local engine reads a file.

    A local file (``key`` ``file:…``, ``content`` null) is read at its path. Otherwise
    the bytes go to a temporary file of the same name (the reader picks the parser
    from the content and the suffix), read by ``reader`` (a
    :class:`~rolematch.batch.reader.GuardedReader`: a child process, killed after its
    time limit or when a parser crashes, the file then getting status ``error``) or,
    without one, in this process; the record names ``source``.
    """
    from rolematch.batch.reader import read_file
    from rolematch.documents import Resume

    if content is None:
        if not key.startswith("file:"):
            return Resume.failed(source, "unreadable", "no content")
        # a local file listed on the driver: read where it is, as the local engine does
        path = Path(key.removeprefix("file:"))
        resume, _ = reader.read(path) if reader is not None else read_file(path, options)
        return replace(resume, source=source)
    name = PurePosixPath(key.split("?", 1)[0]).name or "resume"
    try:
        with tempfile.TemporaryDirectory(prefix="rolematch-spark-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(bytes(content))
            resume, _ = reader.read(path) if reader is not None else read_file(path, options)
    except Exception as e:  # noqa: BLE001 - the temporary file itself failed (disk full …)
        return Resume.failed(source, "error", f"{type(e).__name__} while reading: {e}")
    return replace(resume, source=source)


def _read_text(text: Any, source: str, options: Mapping[str, Any]) -> Resume:
    from rolematch.documents import Resume
    from rolematch.sections import resume_from_text

    if not isinstance(text, str):
        return Resume.failed(source, "empty", "no text (null)")
    try:
        return resume_from_text(text, source=source, redact=bool(options.get("redact", True)))
    except Exception as e:  # noqa: BLE001 - one bad text never fails a task
        return Resume.failed(source, "error", f"{type(e).__name__}: {e}")


def _score_chunk(matcher: Matcher, resumes: list[Resume]) -> pd.DataFrame:
    """``score_table`` of a chunk; if it raises, file by file (a file that still fails
    gets status ``error``)."""
    import pandas as pd

    from rolematch.documents import Resume

    try:
        return matcher.score_table(resumes, explain=False)
    except Exception:  # noqa: BLE001 - find the file to blame
        parts = []
        for r in resumes:
            try:
                parts.append(matcher.score_table([r], explain=False))
            except Exception as e:  # noqa: BLE001
                why = f"{type(e).__name__} while scoring: {e}"  # as the local engine says
                bad = Resume.failed(r.source, "error", why, warnings=r.warnings, meta=r.meta)
                parts.append(matcher.score_table([bad], explain=False))
        return pd.concat(parts, ignore_index=True)


def _with_ranks(
    table: pd.DataFrame, n_roles: int, keys: list[str], orders: list[str], resumes: list[Resume]
) -> Any:
    """The worker's output frame: ``role_rank`` (stable, ties in role order, as the
    local engine), the sort keys, one per résumé of ``keys``/``orders``, and each
    résumé's :func:`~rolematch.results.text_fingerprint` (``_hash``: the text does not
    travel, its hash finds the batch's duplicates)."""
    import numpy as np
    import pandas as pd

    ok = (table["status"] == "ok").to_numpy()
    # rows per résumé: n_roles for an ok one, 1 otherwise, in input order
    per = []
    i = 0
    while i < len(table):
        k = n_roles if ok[i] else 1
        per.append(k)
        i += k
    rank = np.zeros(len(table), dtype=np.int64)
    if ok.any():
        from rolematch.results import shown_ranks

        s = table["score"].to_numpy(dtype=float)[ok].reshape(-1, n_roles)
        rank[ok] = shown_ranks(s, axis=1).ravel()  # as the local engine ranks
    out = table.copy()
    out["role_rank"] = pd.array(np.where(ok, rank, 0), dtype="Int32")
    out.loc[~ok, "role_rank"] = pd.NA
    out["_key"] = np.repeat(np.array(keys, dtype=object), per)
    out["_order"] = np.repeat(np.array(orders, dtype=object), per)
    hashes = [text_fingerprint(r) if r.ok else "" for r in resumes]
    out["_hash"] = np.repeat(np.array(hashes, dtype=object), per)
    return out[[c for c in COLUMNS if c != "resume_rank"] + ["_key", "_order", "_hash"]]


def path_order(key: str) -> str:
    # Path order compares part by part; "\x00" sorts below every character a name holds
    return key.replace("/", "\x00")


def score_file_batches(job_ref: Any, batches: Iterator[pd.DataFrame]) -> Iterator[Any]:
    job: Job = job_ref.value if hasattr(job_ref, "value") else job_ref
    matcher = _matcher(job)
    reader = _reader(job)
    n_roles = len(job.roles)
    for batch in batches:
        for start in range(0, len(batch), CHUNK):
            part = batch.iloc[start : start + CHUNK]
            keys = [str(k) for k in part["path"]]
            shown, orders = [], []
            for k in keys:
                if job.names is not None and k in job.names:
                    name, pos = job.names[k]
                    shown.append(name)
                    orders.append(f"{pos:012d}")
                else:
                    shown.append(k)
                    orders.append(path_order(k))
            resumes = [
                _read_bytes(k, c, s, job.read_options, reader)
                for k, c, s in zip(keys, part["content"], shown, strict=True)
            ]
            yield _with_ranks(_score_chunk(matcher, resumes), n_roles, keys, orders, resumes)


def score_text_batches(job_ref: Any, batches: Iterator[pd.DataFrame]) -> Iterator[Any]:
    job: Job = job_ref.value if hasattr(job_ref, "value") else job_ref
    matcher = _matcher(job)
    n_roles = len(job.roles)
    for batch in batches:
        for start in range(0, len(batch), CHUNK):
            part = batch.iloc[start : start + CHUNK]
            ids = ["" if x is None else str(x) for x in part["_id"]]
            resumes = [
                _read_text(t, i, job.read_options) for i, t in zip(ids, part["_text"], strict=True)
            ]
            yield _with_ranks(_score_chunk(matcher, resumes), n_roles, ids, ids, resumes)
