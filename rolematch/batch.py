"""Score folders of résumé files: files in, one record per file out, streamed.

A file that cannot be read still gets its record (status and reason); nothing in a
batch raises for one bad file.

:func:`iter_results` is the engine behind :func:`score_paths` and ``rolematch score``.
It reads and scores files in chunks, in this process or in a pool of worker processes
(``workers > 1``), and yields each file's :class:`FileResult` as soon as its chunk is
done, so the caller can stream results to disk and memory stays flat however large the
folder is. Workers are started with the ``spawn`` method (torch is not fork-safe); each
builds and fits its :class:`~rolematch.matcher.Matcher` once, in its initializer, and
keeps its model for the whole run. A worker that dies (killed, out of memory, a parser
crash) does not abort the run: its files are retried one by one in a fresh pool, and a
file that kills a worker on its own is recorded with status ``error``.

With ``cache=DIR``, extraction results are kept in ``DIR/extractions.sqlite`` keyed by the
SHA-256 of the file's bytes, the extractor version and the read options, and sentence
embeddings in ``DIR/embeddings.sqlite`` keyed by model id and sentence: a re-run over a
folder where a few files changed re-reads and re-encodes only those, and a re-run after a
role was edited re-scores every file without re-reading or re-encoding any of them.
"""

from __future__ import annotations

import functools
import math
import operator
import os
import pickle
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from rolematch.cache import ExtractionCache, extractor_version, file_sha256
from rolematch.documents import Resume, Role
from rolematch.exceptions import RolematchError
from rolematch.explain import Explanation, MatchResult

if TYPE_CHECKING:
    from rolematch.matcher import Matcher

__all__ = [
    "BatchStats",
    "ExtractionCache",
    "FileResult",
    "PackedResult",
    "collect_files",
    "default_workers",
    "extractor_version",
    "iter_results",
    "score_paths",
]

#: Résumés scored together: large enough to batch the encoder (e5-small spends 17% more
#: on ~85 sentences at a time, 16 résumés, than on ~500, because length-sorting within
#: a smaller group pads more), small enough that memory stays flat.
CHUNK = 48

#: Files per worker process. Each worker imports torch and loads its model (5-8 s of CPU),
#: so a small batch is as fast or faster in one process. Measured on 2 cores
#: (benchmarks/throughput.py): at 200 files one process ties with or beats two workers
#: (static-zh 10.8-11.8 s vs 10.6-11.4 s; e5-small 26.7-29.4 s vs 29.5-30.7 s); at 2000
#: files two workers win (static-zh 30.8 s vs 45.9 s; e5-small 121.7 s vs 133.8 s) and,
#: unlike one process running torch on both cores, do not collapse when another program
#: takes CPU time (e5-small, 200 files, load ~3: 69 s with two workers, 144 s with one).
MIN_FILES_PER_WORKER = 200


class PackedResult(NamedTuple):
    """A result with its :class:`~rolematch.explain.Explanation` pickled."""

    role_id: str
    score: float
    keyword_score: float
    semantic_score: float
    facet_score: float  # NaN where no facet has data
    reason: str  # Explanation.reason
    explanation: bytes  # thaw_explanation(pickle.loads(...)) gives the Explanation


@dataclass
class FileResult:
    """One résumé file: its extraction record and its result for every role.

    ``resume`` is the extraction record without the text (status, reason, pages,
    warnings, meta); ``results`` is in role order (empty when the file is not ``ok``);
    ``resume_rank`` maps role id -> rank of this file among the batch's files (filled
    in by :func:`score_paths`); ``cached`` says the extraction came from the cache.

    With ``iter_results(..., pack=True)``, ``results`` is empty and ``packed`` holds,
    in role order, :class:`PackedResult` tuples whose explanation is already pickled
    (a worker does that work, not the process that collects the results).
    """

    file: str
    resume: Resume
    results: list[MatchResult] = field(default_factory=list)
    resume_rank: dict[str, int] = field(default_factory=dict)
    cached: bool = False
    packed: list[PackedResult] | None = None

    @property
    def ok(self) -> bool:
        return self.resume.ok

    def ranked(self) -> list[MatchResult]:
        """Results best role first."""
        return sorted(self.results, key=lambda r: -r.score)


@dataclass
class BatchStats:
    """Counters of a batch run, filled in by :func:`iter_results`.

    ``read_s``/``score_s`` add up the seconds spent reading and scoring in all
    processes (so with several workers they can exceed the wall time).
    """

    files: int = 0
    extracted: int = 0
    cache_hits: int = 0
    crashed: int = 0
    pool_restarts: int = 0
    workers: int = 1
    read_s: float = 0.0
    score_s: float = 0.0

    def add(self, other: Mapping[str, float]) -> None:
        for k, v in other.items():
            setattr(self, k, getattr(self, k) + v)


# ----------------------------------------------------------------------------- files


def collect_files(
    paths: Iterable[str | Path], suffixes: Sequence[str] | None = None, *, images: bool = True
) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of résumé files.

    Files named explicitly are kept whatever their type (they get an
    ``unsupported`` record if need be); in folders only known résumé types are
    taken (.pdf, .docx, .txt, and images unless ``images=False``, e.g. when OCR is
    off), and hidden files are skipped.

    Raises
    ------
    FileNotFoundError
        A path does not exist.
    """
    from rolematch.io.extract import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

    default = SUPPORTED_SUFFIXES + (IMAGE_SUFFIXES if images else ())
    sfx = {s.lower() for s in (suffixes or default)}
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in sfx
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"No such file or folder: '{p}'")
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- scoring


_ChunkOut = tuple[list[tuple[int, "FileResult"]], dict[str, float]]  # results, counters


@dataclass
class _Job:
    """What a chunk needs besides its files; pickled once per worker."""

    matcher: Any  # a fitted Matcher, or a dict of Matcher parameters to fit on ``roles``
    roles: Sequence[Role] | None
    cache: str | None  # folder
    read_options: dict[str, Any]
    pack: bool = False
    explain: bool = True


class _Runner:
    """Reads and scores chunks of files with one fitted matcher (one per process)."""

    def __init__(self, job: _Job) -> None:
        from rolematch.matcher import Matcher

        fitted = not isinstance(job.matcher, Mapping) and hasattr(job.matcher, "roles_")
        if not fitted and job.roles is None:
            raise ValueError(
                "The 'roles' parameter is needed unless 'matcher' is a fitted Matcher. "
                f"Got roles=None and matcher={job.matcher!r:.60} instead."
            )
        if fitted:
            self.matcher = job.matcher
        elif isinstance(job.matcher, Mapping):
            self.matcher = Matcher(**job.matcher).fit(job.roles or [])
        else:
            self.matcher = job.matcher.fit(job.roles or [])
        self.cache = ExtractionCache(Path(job.cache) / "extractions.sqlite") if job.cache else None
        self.read_options = job.read_options
        self.pack = job.pack
        self.explain = job.explain
        self._options = ",".join(f"{k}={v!r}" for k, v in sorted(job.read_options.items()))

    def read(self, path: Path) -> tuple[Resume, bool]:
        from rolematch.io import extract

        sha = file_sha256(path) if self.cache is not None else None
        if self.cache is not None and sha is not None:
            hit = self.cache.get(sha, str(path), self._options)
            if hit is not None:
                return hit, True
        resume = extract.read_resume(path, **self.read_options)
        if self.cache is not None and sha is not None and resume.meta.get("sha256", sha) == sha:
            self.cache.put(sha, resume, self._options)
        return resume, False

    def run(self, chunk: Sequence[tuple[int, str]]) -> _ChunkOut:
        t0 = time.perf_counter()
        read = [self.read(Path(f)) for _, f in chunk]
        t1 = time.perf_counter()
        per_file = _score_chunk(self.matcher, [r for r, _ in read], explain=self.explain)
        out = []
        for (i, f), (r, cached), results in zip(chunk, read, per_file, strict=True):
            fr = FileResult(f, _light(r), cached=cached)
            if not self.explain:
                fr.packed = results  # already PackedResult tuples
            elif self.pack:
                fr.packed = [_pack(res) for res in results]
            else:
                fr.results = results
            out.append((i, fr))
        hits = sum(c for _, c in read)
        stats = {
            "files": len(chunk),
            "cache_hits": hits,
            "extracted": len(chunk) - hits,
            "read_s": t1 - t0,
            "score_s": time.perf_counter() - t1,
        }
        return out, stats


def _score_chunk(matcher: Matcher, resumes: list[Resume], *, explain: bool = True) -> list[Any]:
    """Every role's result per résumé, in role order (empty for a résumé not ``ok``):
    a :class:`MatchResult`, or without ``explain`` a :class:`PackedResult` holding the
    scores and the reason only (a third of the scoring time)."""
    table = matcher.score_table(resumes, explain=explain)
    cols = [table[c].tolist() for c in ("role_id", "score", "keyword_score",
                                        "semantic_score", "facet_score", "reason")]  # fmt: skip
    rows = zip(*cols, table["explanation"].tolist() if explain else [None] * len(table),
               strict=True)  # fmt: skip
    out: list[list[Any]] = []
    for doc in resumes:
        if not doc.ok:
            next(rows)
            out.append([])
            continue
        per_role = []
        for _ in matcher.role_ids_:
            rid, score, kw, sem, fac, reason, e = next(rows)
            if explain:
                per_role.append(MatchResult(rid, e.role_title, e.source, score, e))
            else:
                per_role.append(PackedResult(rid, score, kw, sem, fac, reason, b""))
        out.append(per_role)
    return out


def _pack(res: MatchResult) -> PackedResult:
    e = res.explanation
    facet = math.nan if e.facet_score is None else e.facet_score
    blob = pickle.dumps(freeze_explanation(e), protocol=pickle.HIGHEST_PROTOCOL)
    return PackedResult(
        res.role_id, res.score, e.keyword_score, e.semantic_score, facet, e.reason, blob
    )


@functools.lru_cache(maxsize=1)
def _codec() -> tuple[tuple[str, ...], dict[str, type], dict[str, Any]]:
    """Explanation field names; the nested dataclass fields and a getter of each's fields."""
    from rolematch.explain import Evidence, Explanation, KeywordHit
    from rolematch.features.facets import FacetFinding

    nested: dict[str, type] = {
        "matched_keywords": KeywordHit,
        "missing_keywords": KeywordHit,
        "evidence": Evidence,
        "facets": FacetFinding,
    }
    getters = {}
    for name, cls in nested.items():
        attrs = [f.name for f in fields(cls)]
        get = operator.attrgetter(*attrs)
        # attrgetter of one name returns the value, not a 1-tuple
        getters[name] = get if len(attrs) > 1 else (lambda o, get=get: (get(o),))
    return tuple(f.name for f in fields(Explanation)), nested, getters


def freeze_explanation(e: Explanation) -> tuple[Any, ...]:
    """An :class:`~rolematch.explain.Explanation` as nested tuples of plain values.

    Pickling this is about 4x faster, and unpickling it with :func:`thaw_explanation`
    6x faster, than pickling the dataclasses, which matters when every résumé × role
    explanation of a large batch goes through a spool file.

    Examples
    --------
    >>> from rolematch.explain import Evidence, Explanation, KeywordHit
    >>> e = Explanation("r", "主管", "cv", 0.8, 0.3, 0.4, None, {"keyword": 1.0}, 0.3,
    ...                 (KeywordHit("手机银行", 2.0, 3),), (), (Evidence("负责", "管", 0.9, 0.6),))
    >>> thaw_explanation(freeze_explanation(e)) == e
    True
    """
    names, nested, getters = _codec()
    return tuple(
        tuple(map(getters[n], getattr(e, n))) if n in nested else getattr(e, n) for n in names
    )


def thaw_explanation(t: tuple[Any, ...]) -> Explanation:
    """The :class:`~rolematch.explain.Explanation` that :func:`freeze_explanation` froze."""
    from rolematch.explain import Explanation

    names, nested, _ = _codec()
    kw: dict[str, Any] = {
        n: tuple(nested[n](*x) for x in v) if n in nested else v
        for n, v in zip(names, t, strict=True)
    }
    return Explanation(**kw)


def _light(resume: Resume) -> Resume:
    # The record travels between processes and may be kept for the whole batch: drop
    # the text, its sentences and sections, and the personal data.
    return replace(resume, text="", sentences=(), sections={}, personal={})


# ---------------------------------------------------------------------- worker pool

_RUNNER: _Runner | BaseException | None = None
_THREADS = 0


def _pool_init(job: _Job, threads: int) -> None:
    import signal

    # Ctrl-C goes to the whole process group; the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Before torch/onnxruntime are imported: each of the workers gets its share of the cores.
    threads_vars = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
    for var in (*threads_vars, "ROLEMATCH_OCR_THREADS"):
        os.environ[var] = str(threads)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    global _RUNNER, _THREADS
    _THREADS = threads
    try:
        _RUNNER = _Runner(job)
    except BaseException as e:  # noqa: BLE001 - re-raised in the parent by _pool_run
        _RUNNER = e
    _release_fit_memory()


def _release_fit_memory() -> None:
    """Free what only fitting needed: jieba's dictionary (~60 MB a worker).

    Scoring counts keywords by substring search and never tokenises, so a worker
    does not need jieba after ``fit`` (if something does, it reloads lazily).
    """
    import gc

    from rolematch.tokenize import release_dictionaries

    release_dictionaries()
    gc.collect()
    _trim_heap()


def _trim_heap() -> None:
    # glibc keeps freed memory (encoder activations, parsed pages) in its arenas; give
    # it back so a long run's resident size stays that of one chunk.
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _pool_run(chunk: Sequence[tuple[int, str]]) -> _ChunkOut:
    import sys

    if isinstance(_RUNNER, BaseException):
        raise _RUNNER
    assert _RUNNER is not None
    torch = sys.modules.get("torch")
    if torch is not None and torch.get_num_threads() != _THREADS:
        torch.set_num_threads(_THREADS)
    out = _RUNNER.run(chunk)
    _trim_heap()
    return out


def default_workers(n_files: int, cores: int | None = None) -> int:
    """Worker processes for ``n_files`` files: every core, but one process for small batches.

    Each worker starts its own interpreter, imports torch and loads the model (a few
    seconds), so a batch gets one worker per :data:`MIN_FILES_PER_WORKER` files, at most
    one per core.

    Examples
    --------
    >>> default_workers(300, cores=8), default_workers(400, cores=8), default_workers(5000, cores=2)
    (1, 2, 2)
    """
    cores = cores or _cores()
    return max(1, min(cores, n_files // MIN_FILES_PER_WORKER))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _chunks(items: Sequence[tuple[int, str]], n: int) -> Iterator[list[tuple[int, str]]]:
    for i in range(0, len(items), n):
        yield list(items[i : i + n])


def iter_results(
    files: Sequence[str | Path],
    *,
    matcher: Matcher | Mapping[str, Any],
    roles: Sequence[Role] | None = None,
    workers: int = 1,
    cache: str | Path | None = None,
    max_pages: int = 50,
    redact: bool = True,
    ocr: bool = True,
    chunk_size: int | None = None,
    stats: BatchStats | None = None,
    pack: bool = False,
    explain: bool = True,
) -> Iterator[tuple[int, FileResult]]:
    """Read and score ``files``; yield ``(index into files, FileResult)`` as chunks finish.

    Parameters
    ----------
    files : sequence of path
        Résumé files (see :func:`collect_files`).
    matcher : Matcher or mapping
        A :class:`~rolematch.matcher.Matcher` (fitted, or fitted here on ``roles``), or
        a mapping of Matcher parameters: each worker then builds and fits its own on
        ``roles`` (so this process never loads the model).
    roles : sequence of Role, optional
        Needed unless ``matcher`` is fitted.
    workers : int, default 1
        Processes that read and score. ``1`` works in this process; more start a
        ``spawn`` pool, so a script that calls this must guard its entry point with
        ``if __name__ == "__main__":``. Each worker gets ``cores // workers`` torch threads.
    cache : path, optional
        Folder for the extraction and embedding caches (see the module docstring).
    max_pages, redact, ocr
        Passed to :func:`~rolematch.io.extract.read_resume`.
    chunk_size : int, optional
        Files per chunk; default :data:`CHUNK`, less for small batches so every
        worker gets work.
    stats : BatchStats, optional
        Filled in with counters as the run goes.
    pack : bool, default False
        Deliver each result's explanation pickled (``FileResult.packed``), for a
        caller that spools them (:class:`~rolematch.report.ResultStore`).
    explain : bool, default True
        ``False`` (with ``pack=True`` only) skips the explanations: each
        :class:`PackedResult` has its scores and one-line reason and an empty
        ``explanation``. For outputs that need no more (CSV), it saves about a third of
        the scoring time.

    Yields
    ------
    (int, FileResult)
        In completion order; ``resume_rank`` is not filled in (it needs the whole batch).

    Raises
    ------
    RolematchError
        Worker processes keep dying (more restarts than there are files to blame).
    """
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"The 'workers' parameter must be an int >= 1. Got {workers!r} instead.")
    if not explain and not pack:
        raise ValueError(
            "The 'explain' parameter may be False only with pack=True (results without "
            f"explanations are PackedResult tuples). Got explain={explain!r}, pack={pack!r}."
        )
    stats = stats if stats is not None else BatchStats()
    items = [(i, str(f)) for i, f in enumerate(files)]
    if not items:
        return
    workers = min(workers, len(items))
    stats.workers = workers
    if chunk_size is None:
        chunk_size = max(1, min(CHUNK, math.ceil(len(items) / (4 * workers))))
    matcher = _with_cache(matcher, cache)
    job = _Job(matcher, roles, str(cache) if cache is not None else None,
               {"max_pages": max_pages, "redact": redact, "ocr": ocr}, pack, explain)  # fmt: skip
    if workers == 1:
        runner = _Runner(job)
        for chunk in _chunks(items, chunk_size):
            out, s = runner.run(chunk)
            stats.add(s)
            yield from out
        return
    yield from _run_pool(items, job, workers, chunk_size, stats)


def _with_cache(matcher: Any, cache: str | Path | None) -> Any:
    """Point the matcher's embedding cache at ``cache/embeddings.sqlite``."""
    if cache is None:
        return matcher
    from rolematch.features.embeddings import SentenceTransformerEncoder

    path = Path(cache) / "embeddings.sqlite"
    if isinstance(matcher, Mapping):
        if matcher.get("encoder") is None:
            model = matcher.get("model", "e5-small")
            return {**matcher, "encoder": SentenceTransformerEncoder(model, cache=path)}
        return matcher
    if getattr(matcher, "encoder", None) is None and not hasattr(matcher, "roles_"):
        matcher.set_params(encoder=SentenceTransformerEncoder(matcher.model, cache=path))
    return matcher


def _run_pool(
    items: list[tuple[int, str]], job: _Job, workers: int, chunk_size: int, stats: BatchStats
) -> Iterator[tuple[int, FileResult]]:
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    threads = max(1, _cores() // workers)
    todo = list(_chunks(items, chunk_size))[::-1]  # pop() from the end keeps file order
    # Files that were in flight when a worker died. Each runs alone, so that if it kills
    # its worker again, it is the one to blame.
    suspects: list[list[tuple[int, str]]] = []
    crashes_in_a_row = 0
    while todo or suspects:
        ex = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=mp.get_context("spawn"),
            initializer=_pool_init,
            initargs=(job, threads),
        )
        running: dict[Future[Any], list[tuple[int, str]]] = {}
        isolating = False
        broken = False
        clean = False
        try:
            while (todo or suspects or running) and not broken:
                if suspects and not running:
                    chunk = suspects.pop()
                    running[ex.submit(_pool_run, chunk)] = chunk
                    isolating = True
                elif not suspects:
                    while todo and len(running) < 2 * workers:
                        chunk = todo.pop()
                        running[ex.submit(_pool_run, chunk)] = chunk
                    isolating = False
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    if isinstance(fut.exception(), BrokenProcessPool):
                        broken = True
                        continue
                    running.pop(fut)
                    out, s = fut.result()  # re-raises a worker's error (e.g. a bad model)
                    stats.add(s)
                    crashes_in_a_row = 0
                    yield from out
            if not broken:
                clean = True
                break
            # A worker died. Collect what finished, then retry or blame the rest.
            stats.pool_restarts += 1
            wait(running, timeout=30)
            lost = []
            for fut, chunk in running.items():
                if fut.done() and fut.exception() is None:
                    out, s = fut.result()
                    stats.add(s)
                    yield from out
                else:
                    lost.append(chunk)
            if isolating and len(lost) == 1:
                crashes_in_a_row += 1
                if crashes_in_a_row >= 3:
                    raise RolematchError(
                        "worker processes keep dying (3 files in a row crashed their worker); "
                        "out of memory? Try fewer --workers."
                    )
                i, f = lost[0][0]
                stats.crashed += 1
                stats.files += 1
                yield i, _crashed(f)
            else:
                suspects.extend([x] for chunk in reversed(lost) for x in reversed(chunk))
        finally:
            _stop(ex, kill=not clean)


def _crashed(file: str) -> FileResult:
    reason = "the reader crashed on this file (its worker process died)"
    return FileResult(file, Resume.failed(file, "error", reason))


def _stop(ex: Any, *, kill: bool) -> None:
    """Shut the pool down; ``kill`` stops busy workers at once (interrupt, error)."""
    if not kill:
        ex.shutdown(wait=True)
        return
    terminate = getattr(ex, "terminate_workers", None)  # Python >= 3.14
    if terminate is not None:
        terminate()
        return
    procs = list((getattr(ex, "_processes", None) or {}).values())  # gone after shutdown()
    ex.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)


# ----------------------------------------------------------------------------- API


def score_paths(
    paths: str | Path | Iterable[str | Path],
    *,
    roles: Sequence[Role] | str | Path | None = None,
    matcher: Any = None,
    model: str = "e5-small",
    workers: int = 1,
    cache: str | Path | None = None,
    ocr: bool = True,
    progress: Any = None,
) -> list[FileResult]:
    """Read and score every résumé file under ``paths`` against every role.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders (searched recursively for .pdf, .docx, .txt).
    roles : list of Role or path, optional
        Roles, or a role file/folder; default the bundled roles. Ignored when
        ``matcher`` is fitted.
    matcher : Matcher, optional
        A matcher (fitted, or fitted here on ``roles``); default ``Matcher(model=model)``.
    model : str, default "e5-small"
        Model for the default matcher.
    workers : int, default 1
        Worker processes (see :func:`iter_results`; guard your script's entry point
        with ``if __name__ == "__main__":`` when > 1).
    cache : path, optional
        Folder for the extraction and embedding caches.
    ocr : bool, default True
        Read scans and images with OCR (and collect images from folders).
    progress : callable, optional
        Called with each :class:`FileResult` as soon as it is scored.

    Returns
    -------
    list of FileResult
        One per file, in path order, with ``resume_rank`` filled in. Records carry no
        résumé text; for large folders prefer :func:`iter_results` and stream.
    """
    from rolematch.io.roles import load_roles

    if isinstance(paths, str | Path):
        paths = [paths]
    files = collect_files(paths, images=ocr)
    role_list: list[Role] | None = None
    if matcher is None or not hasattr(matcher, "roles_"):
        role_list = (
            list(roles) if roles is not None and not isinstance(roles, str | Path)
            else load_roles(roles)
        )  # fmt: skip
    if matcher is None:
        from rolematch.matcher import Matcher

        matcher = Matcher(model=model)
    out: list[FileResult | None] = [None] * len(files)
    stream = iter_results(
        files, matcher=matcher, roles=role_list, workers=workers, cache=cache, ocr=ocr
    )
    for i, fr in stream:
        out[i] = fr
        if progress is not None:
            progress(fr)
    results = [fr for fr in out if fr is not None]
    role_ids = [r.id for r in role_list] if role_list is not None else matcher.role_ids_
    _rank_resumes(results, role_ids)
    return results


def _rank_resumes(results: list[FileResult], role_ids: Sequence[str]) -> None:
    ok = [fr for fr in results if fr.ok]
    for r, rid in enumerate(role_ids):
        scores = np.array([fr.results[r].score for fr in ok])
        order = np.argsort(-scores, kind="stable")
        for rank, i in enumerate(order, start=1):
            ok[i].resume_rank[rid] = rank
