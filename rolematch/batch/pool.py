"""Run a batch's chunks in this process or in a pool of worker processes.

One job: get every chunk of files read and scored, and every file's result back, even
when a worker process dies. :func:`iter_results` works in this process
(``workers=1``) or in a ``spawn`` pool; each worker builds its
:class:`~rolematch.batch.runner.Runner` (and fits its matcher) once, in its
initializer, and keeps it for the whole run. A worker that dies (killed, out of memory,
a crash in the model) takes only the chunks it was running: their files are retried
one by one in a fresh pool, and a file that kills a worker on its own gets status
``error``.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolematch.batch.runner import ChunkOut, Job, Runner
from rolematch.documents import Resume, Role
from rolematch.exceptions import RolematchError
from rolematch.results import FileResult

if TYPE_CHECKING:
    from rolematch.matcher import Matcher

__all__ = [
    "CHUNK",
    "DEFAULT_FILE_TIMEOUT",
    "MIN_FILES_PER_WORKER",
    "UNGUARDED_MAIN",
    "BatchStats",
    "check_not_restarted_script",
    "default_workers",
    "iter_results",
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

#: Seconds one file may take to read (``--file-timeout``): generous, since a long scan
#: read by OCR takes a while, but a pathological file cannot stall a batch.
DEFAULT_FILE_TIMEOUT = 120.0


@dataclass
class BatchStats:
    """Counters of a batch run, filled in by :func:`iter_results`.

    ``read_s``/``score_s`` add up the seconds spent reading and scoring in all
    processes (so with several workers they can exceed the wall time). ``skipped``
    counts the files that :func:`~rolematch.batch.score_paths` left out of the folders
    it was given (hidden, lock and non-document files, see
    :func:`~rolematch.batch.collect_files`); ``skipped_note`` says which.
    """

    files: int = 0
    skipped: int = 0
    skipped_note: str = ""
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


#: Why a pool cannot start from a script without a main guard, and the fix.
UNGUARDED_MAIN = (
    "the worker processes run your script again from the top (Python starts them by "
    "importing the main module) and reach the batch again, because the script runs it "
    "without the guard 'if __name__ == \"__main__\":'. Put the code that starts the "
    "batch under that guard, or pass workers=1"
)


def check_not_restarted_script() -> None:
    """Stop a worker process that, while starting, re-runs the caller's script to a batch.

    A ``spawn`` worker imports the parent's main module first (multiprocessing's
    bootstrapping phase); a script whose batch is not under ``if __name__ ==
    "__main__":`` then starts the batch again in every worker, which would each start a
    pool of its own. The worker leaves word for its parent (:func:`_unguarded_mark`),
    which raises :data:`UNGUARDED_MAIN`, and exits with that one line.
    """
    import multiprocessing
    import sys

    # While a 'spawn' worker bootstraps, it runs the parent's main module as a module
    # __mp_main__ of its own (elsewhere multiprocessing makes that name another for
    # __main__), and does not know its parent yet; once started, it does.
    mp_main = sys.modules.get("__mp_main__")
    if mp_main is None or mp_main is sys.modules.get("__main__"):
        return
    if multiprocessing.parent_process() is not None:
        return
    with contextlib.suppress(OSError):
        _unguarded_mark(os.getppid()).touch()
    raise SystemExit(f"rolematch: error: {UNGUARDED_MAIN}")


def _unguarded_mark(parent: int) -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / f"rolematch-unguarded-main-{parent}"


# ---------------------------------------------------------------------- worker pool

_RUNNER: Runner | BaseException | None = None
_THREADS = 0


def _pool_init(job: Job, threads: int, parent: int) -> None:
    import signal

    from rolematch.batch.reader import exit_with_parent

    # A parent killed outright (SIGKILL, the OOM killer) cannot stop its pool, and the
    # workers, waiting on a queue they hold both ends of, would idle for good.
    exit_with_parent(parent)
    # Ctrl-C goes to the whole process group; the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # each of the workers gets its share of the cores, before torch/onnxruntime start
    from rolematch._threads import share_cores

    share_cores(threads)
    global _RUNNER, _THREADS
    _THREADS = threads
    try:
        _RUNNER = Runner(job)
    except BaseException as e:  # noqa: BLE001 - re-raised in the parent by _pool_run
        _RUNNER = e
    _release_fit_memory()


def _release_fit_memory() -> None:
    """Free what only fitting needed (the garbage of encoding the roles).

    jieba's dictionary stays: scoring checks keyword hits against word boundaries.
    """
    import gc

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


def _pool_run(chunk: Sequence[tuple[int, str]]) -> ChunkOut:
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
    explain: bool = True,
    file_timeout: float | None = DEFAULT_FILE_TIMEOUT,
    chunk_size: int | None = None,
    stats: BatchStats | None = None,
) -> Iterator[tuple[int, FileResult]]:
    """Read and score ``files``; yield ``(index into files, FileResult)`` as chunks finish.

    Every file gets exactly one result, whatever goes wrong with it (see
    :mod:`rolematch.batch.runner`).

    Parameters
    ----------
    files : sequence of path
        Résumé files (see :func:`~rolematch.batch.collect_files`).
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
        Folder for the extraction and embedding caches (:mod:`rolematch.cache`).
    max_pages, redact, ocr
        Passed to :func:`~rolematch.io.extract.read_resume`.
    explain : bool, default True
        Keep each result's full explanation (pickled in ``FileResult.explanations``).
        ``False`` keeps the scores and one-line reasons only: for outputs that need no
        more (CSV), it saves about a third of the scoring time.
    file_timeout : float or None, default :data:`DEFAULT_FILE_TIMEOUT`
        Seconds one file may take to read; a file that takes longer gets status
        ``error`` (``timed out after N s``). Files are then read in a child process
        (:class:`~rolematch.batch.reader.GuardedReader`); ``None`` reads in the
        scoring process, without a limit.
    chunk_size : int, optional
        Files per chunk; default :data:`CHUNK`, less for small batches so every
        worker gets work.
    stats : BatchStats, optional
        Filled in with counters as the run goes.

    Yields
    ------
    (int, FileResult)
        In completion order.

    Raises
    ------
    RolematchError
        Worker processes keep dying (three files in a row each killed their worker), or
        they re-run the calling script, which lacks ``if __name__ == "__main__":``.
    """
    check_not_restarted_script()
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"The 'workers' parameter must be an int >= 1. Got {workers!r} instead.")
    if file_timeout is not None and (
        not isinstance(file_timeout, int | float) or isinstance(file_timeout, bool)
        or not file_timeout > 0
    ):  # fmt: skip
        raise ValueError(
            "The 'file_timeout' parameter must be a number of seconds > 0 or None. "
            f"Got {file_timeout!r} instead."
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
    options = {"max_pages": max_pages, "redact": redact, "ocr": ocr}
    job = Job(matcher, roles, str(cache) if cache is not None else None, options, explain,
              None if file_timeout is None else float(file_timeout))  # fmt: skip
    if workers == 1:
        # the reader child reads the first chunk while the model loads, and each next
        # chunk while this one is scored
        chunks = list(_chunks(items, chunk_size))
        runner = Runner(job, ahead=[f for _, f in chunks[0]])
        try:
            for k, chunk in enumerate(chunks):
                ahead = [f for _, f in chunks[k + 1]] if k + 1 < len(chunks) else []
                out, s = runner.run(chunk, ahead)
                stats.add(s)
                yield from out
        finally:
            runner.close()
        return
    _check_profile_fit(job)  # the workers fit in silence
    yield from _run_pool(items, job, workers, chunk_size, stats)


def _check_profile_fit(job: Job) -> None:
    """Warn here, once, as fitting ``job.matcher`` on ``job.roles`` in this process would.

    :func:`~rolematch.profile.check_profile_fit` keeps quiet in worker processes (each
    would repeat it, where no caller sees it), so with a pool this process says it: the
    same :class:`~rolematch.profile.ProfileWarning` s as ``Matcher.fit``, from the
    matcher's parameters, without loading the model. A matcher whose fit would raise
    first is left to raise in the workers.
    """
    from rolematch.io.roles import check_role
    from rolematch.matcher import Matcher
    from rolematch.profile import check_profile_fit, load_profile, scoring_model

    try:
        m = Matcher(**job.matcher) if isinstance(job.matcher, Mapping) else job.matcher
        given = getattr(m, "profile", None)
        if given is None or hasattr(m, "roles_") or job.roles is None:
            return
        profile = load_profile(given)
        ids = [check_role(r).id for r in job.roles]
    except (RolematchError, TypeError, ValueError):
        return
    if len(set(ids)) != len(ids):
        return
    name = scoring_model(getattr(m, "encoder", None), getattr(m, "model", None))
    check_profile_fit(profile, given, name, ids, stacklevel=3)


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
    items: list[tuple[int, str]], job: Job, workers: int, chunk_size: int, stats: BatchStats
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
    mark = _unguarded_mark(os.getpid())
    mark.unlink(missing_ok=True)
    while todo or suspects:
        ex = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=mp.get_context("spawn"),
            initializer=_pool_init,
            initargs=(job, threads, os.getpid()),
        )
        running: dict[Future[Any], list[tuple[int, str]]] = {}
        isolating = False
        broken = False
        clean = False
        try:
            while (todo or suspects or running) and not broken:
                if suspects and not running:
                    chunk = suspects.pop()
                    with _children_ignore_ctrl_c():  # a submit may start a worker
                        running[ex.submit(_pool_run, chunk)] = chunk
                    isolating = True
                elif not suspects:
                    while todo and len(running) < 2 * workers:
                        chunk = todo.pop()
                        with _children_ignore_ctrl_c():
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
            if mark.exists():  # the workers re-ran the caller's script: no retry helps
                mark.unlink(missing_ok=True)
                raise RolematchError(UNGUARDED_MAIN)
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


@contextlib.contextmanager
def _children_ignore_ctrl_c() -> Iterator[None]:
    """Processes started inside start with Ctrl-C ignored: an ignored signal stays
    ignored through exec, and Python then installs no handler of its own. Ctrl-C goes
    to the whole process group; a worker it reached while still importing printed a
    traceback. This process handles it and stops the pool (a press in the few
    milliseconds of a start is lost; the next one counts)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _crashed(file: str) -> FileResult:
    reason = "its worker process died on this file (a crash, or out of memory)"
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
    results = getattr(ex, "_result_queue", None)
    ex.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)
    # A worker killed while sending a result leaves half a message in the result pipe, and
    # the pool's manager thread waits for the rest, and the interpreter's exit waits for
    # that thread. With the workers gone, this process holds the pipe's last writing end:
    # closing it ends the wait with EOF, which the thread treats as a broken pool.
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()
