"""Read and score one chunk of résumé files in one process; one file's fault is its own.

One job: turn a chunk of paths into one :class:`~rolematch.results.FileResult` per file,
whatever goes wrong with any of them. Every stage is guarded per file: reading (in a
:class:`~rolematch.batch.reader.GuardedReader` child with a time limit, or in this
process), the extraction cache, scoring and explanations
(:meth:`~rolematch.matcher.Matcher.score_table` on the whole chunk; if that raises, on
each file alone, to find the culprit), and packing the results. An exception becomes
that file's record: status ``error``, the exception class and message as the reason,
the traceback in :attr:`~rolematch.results.FileResult.traceback`.
"""

from __future__ import annotations

import pickle
import time
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch.cache import ExtractionCache, file_sha256
from rolematch.documents import Resume, Role
from rolematch.explain import freeze_explanation
from rolematch.results import SCORES, FileResult, text_fingerprint

if TYPE_CHECKING:
    import pandas as pd

    from rolematch.batch.reader import GuardedReader
    from rolematch.matcher import Matcher

__all__ = ["ChunkOut", "Job", "Runner"]

#: A chunk's results by index into the batch's files, and its counters.
ChunkOut = tuple[list[tuple[int, FileResult]], dict[str, float]]


@dataclass
class Job:
    """What a chunk needs besides its files; pickled once per worker."""

    matcher: Any  # a fitted Matcher, a Matcher to fit on ``roles``, or a dict of parameters
    roles: Sequence[Role] | None
    cache: str | None  # folder
    read_options: dict[str, Any]
    explain: bool = True
    file_timeout: float | None = None  # None: read in this process, no time limit


def _light(resume: Resume) -> Resume:
    # The record travels between processes and is kept for the whole batch: drop the
    # text, its sentences and sections, and the personal data.
    return replace(resume, text="", sentences=(), sections={}, personal={})


def _error(resume: Resume, e: BaseException, stage: str) -> tuple[Resume, str]:
    """The record of a file whose ``stage`` raised ``e``: status ``error``."""
    failed = replace(
        _light(resume), status="error", reason=f"{type(e).__name__} while {stage}: {e}"
    )
    return failed, traceback.format_exc()


class Runner:
    """Reads and scores chunks of files with one fitted matcher (one per process).

    ``ahead`` (and :meth:`run`'s ``ahead``) are files the reader child starts on at
    once — while this process loads its model, or scores the chunk before — so that
    with one process reading and scoring overlap.
    """

    def __init__(self, job: Job, ahead: Sequence[str] = ()) -> None:
        from rolematch.matcher import Matcher

        fitted = not isinstance(job.matcher, Mapping) and hasattr(job.matcher, "roles_")
        if not fitted and job.roles is None:
            raise ValueError(
                "The 'roles' parameter is needed unless 'matcher' is a fitted Matcher. "
                f"Got roles=None and matcher={job.matcher!r:.60} instead."
            )
        self.reader: GuardedReader | None = None
        if job.file_timeout is not None:
            from rolematch.batch.reader import GuardedReader

            self.reader = GuardedReader(job.read_options, job.file_timeout)
            self.reader.start()  # imports the readers while this process loads the model
        self.cache = ExtractionCache(Path(job.cache) / "extractions.sqlite") if job.cache else None
        self.read_options = job.read_options
        self._options = ",".join(f"{k}={v!r}" for k, v in sorted(job.read_options.items()))
        self._ahead: dict[str, tuple[Resume | None, str | None]] = {}  # prefetched
        try:
            self.prefetch(ahead)
            if fitted:
                self.matcher: Matcher = job.matcher
            elif isinstance(job.matcher, Mapping):
                self.matcher = Matcher(**job.matcher).fit(job.roles or [])
            else:
                self.matcher = job.matcher.fit(job.roles or [])
        except BaseException:  # a model that does not load: no runner to close it later
            self.close()
            raise
        self.explain = job.explain

    def close(self) -> None:
        """Stop the reader child."""
        if self.reader is not None:
            self.reader.close()

    # -- reading ----------------------------------------------------------------
    def prefetch(self, paths: Sequence[str]) -> None:
        """Start the reader child on the files of ``paths`` that the cache does not hold
        (without a reader child, nothing: files are read when asked for)."""
        if self.reader is None:
            return
        send = []
        for f in paths:
            try:
                self._ahead[f] = self._cached(f)
            except Exception:  # noqa: BLE001 - read() meets it again and records it
                continue
            if self._ahead[f][0] is None:
                send.append(f)
        self.reader.prefetch(send)

    def _cached(self, path: str) -> tuple[Resume | None, str | None]:
        """The cache's record of the file (or None) and the file's SHA-256 (None: no cache)."""
        if self.cache is None:
            return None, None
        sha = file_sha256(Path(path))
        return (self.cache.get(sha, path, self._options) if sha is not None else None), sha

    def read(self, path: Path) -> tuple[Resume, bool, str]:
        """The file's record, whether it came from the cache, and a traceback (or "")."""
        try:
            ahead = self._ahead.pop(str(path), None)
            hit, sha = ahead if ahead is not None else self._cached(str(path))
            if hit is not None:
                return hit, True, ""
            if self.reader is not None:
                resume, tb = self.reader.read(path)
            else:
                from rolematch.batch.reader import read_file

                resume, tb = read_file(path, self.read_options)
            if (
                self.cache is not None
                and sha is not None
                and resume.status != "error"  # a bug or a time-out may not happen again
                and resume.meta.get("sha256", sha) == sha
            ):
                self.cache.put(sha, resume, self._options)
            return resume, False, tb
        except Exception as e:  # noqa: BLE001 - e.g. the cache; the file gets its record
            failed, tb = _error(Resume.failed(str(path), "error", ""), e, "reading")
            return failed, False, tb

    # -- scoring ----------------------------------------------------------------
    def score(self, resumes: list[Resume]) -> list[tuple[FileResult, str]]:
        """One result per résumé, in order; a résumé whose scoring raised gets status
        ``error`` (the chunk is re-scored one file at a time to find which)."""
        try:
            table = self.matcher.score_table(resumes, explain=self.explain)
            return self._split(table, resumes)
        except Exception:  # noqa: BLE001 - isolate the culprit below
            if len(resumes) == 1:
                return [self._scoring_failed(resumes[0])]
        out = []
        for resume in resumes:
            try:
                table = self.matcher.score_table([resume], explain=self.explain)
                out.extend(self._split(table, [resume]))
            except Exception:  # noqa: BLE001 - this file's scoring raised
                out.append(self._scoring_failed(resume))
        return out

    def _scoring_failed(self, resume: Resume) -> tuple[FileResult, str]:
        import sys

        e = sys.exc_info()[1]
        assert e is not None
        failed, tb = _error(resume, e, "scoring")
        return FileResult(resume.source, failed), tb

    def _split(self, table: pd.DataFrame, resumes: list[Resume]) -> list[tuple[FileResult, str]]:
        """The table's rows, file by file (one row for a file that is not ok)."""
        n_roles = len(self.matcher.role_ids_)
        values = table[list(SCORES)].to_numpy(dtype=np.float64)
        reasons = table["reason"].tolist()
        expl = table["explanation"].tolist() if self.explain else None
        out: list[tuple[FileResult, str]] = []
        at = 0
        for resume in resumes:
            k = n_roles if resume.ok else 1
            rows = slice(at, at + k)
            at += k
            light = _light(resume)
            if not resume.ok:
                out.append((FileResult(resume.source, light), ""))
                continue
            try:
                blobs = (
                    [
                        pickle.dumps(freeze_explanation(e), protocol=pickle.HIGHEST_PROTOCOL)
                        for e in expl[rows]
                    ]
                    if expl is not None
                    else []
                )
                fr = FileResult(
                    resume.source,
                    light,
                    scores=np.ascontiguousarray(values[rows].T),
                    reasons=reasons[rows],
                    explanations=blobs,
                )
                out.append((fr, ""))
            except Exception as e:  # noqa: BLE001 - this file's results could not be packed
                failed, tb = _error(resume, e, "packing its results")
                out.append((FileResult(resume.source, failed), tb))
        return out

    def run(self, chunk: Sequence[tuple[int, str]], ahead: Sequence[str] = ()) -> ChunkOut:
        """Read and score ``(index, path)`` pairs; results keyed by index, and counters.

        ``ahead``: the next chunk's paths, which the reader child reads while this one
        is scored.
        """
        t0 = time.perf_counter()
        read = [self.read(Path(f)) for _, f in chunk]
        self.prefetch(ahead)
        t1 = time.perf_counter()
        scored = self.score([r for r, _, _ in read])
        out = []
        for (i, _), (resume, cached, read_tb), (fr, score_tb) in zip(
            chunk, read, scored, strict=True
        ):
            fr.cached = cached
            fr.traceback = read_tb or score_tb
            # the text is dropped before the result travels: its hash finds duplicates
            fr.text_hash = text_fingerprint(resume) if fr.ok else ""
            out.append((i, fr))
        hits = sum(c for _, c, _ in read)
        stats = {
            "files": len(chunk),
            "cache_hits": hits,
            "extracted": len(chunk) - hits,
            "read_s": t1 - t0,
            "score_s": time.perf_counter() - t1,
        }
        return out, stats
