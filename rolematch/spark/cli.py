"""``rolematch score PATH... --engine spark``: the command line's Spark engine.

One job: run :func:`~rolematch.spark.engine.score_files` for the command line, write
``.parquet`` from the executors and the CSV, wide CSV or table through the local
engine's writers, and print a one-line summary.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rolematch.spark.engine import expand_local, is_local, local_path_names, score_files
from rolematch.spark.session import quiet_pandas_warning
from rolematch.spark.worker import path_order

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from rolematch.documents import Role

__all__ = ["check_master", "cli_score", "local_path_names"]


_LOCAL_MASTER = re.compile(
    r"local(\[(\*|[1-9][0-9]*)(, *[1-9][0-9]*)?\])?|local-cluster\[[1-9][0-9]*(, *[1-9][0-9]*){2}\]"
)


def check_master(master: str | None, timeout: float = 5.0) -> None:
    """Refuse a ``--master`` Spark cannot use before Spark starts (its JVM would print
    a Java stack trace, or retry an unreachable standalone master for minutes).

    Raises
    ------
    UsageError
        Not a master URL Spark knows (exit code 2).
    RolematchError
        A ``spark://`` master that no TCP connection reaches within ``timeout`` seconds.
    """
    import socket

    from rolematch.exceptions import RolematchError, UsageError

    if master is None or _LOCAL_MASTER.fullmatch(master) or master == "yarn":
        return
    if master.startswith("k8s://") and len(master) > len("k8s://"):
        return
    if not master.startswith("spark://") or not master.removeprefix("spark://"):
        raise UsageError(
            "--master must be local, local[N], local[*], spark://HOST:PORT, yarn or "
            f"k8s://URL. Got {master!r} instead."
        )
    why = []
    for hostport in master.removeprefix("spark://").split(","):  # a standby list: one will do
        host, _, port = hostport.rpartition(":") if ":" in hostport else (hostport, "", "7077")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
                return
        except (OSError, ValueError) as e:
            why.append(f"{hostport}: {e.strerror if isinstance(e, OSError) and e.strerror else e}")
    raise RolematchError(
        f"cannot reach the Spark master {master} ({'; '.join(why)}); is it running, and is "
        "the address right?"
    )


def _session(master: str | None, quiet: bool) -> tuple[SparkSession, bool]:
    """The active session, or a new one (``True``: started here, stop it after)."""
    from rolematch._optional import import_optional

    import_optional("pyspark", extra="spark")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName("rolematch score")
    if master:
        builder = builder.master(master)
    # the workers' interpreter: score_files chooses it (rolematch.spark.session), from the
    # master the session really has (spark-submit's, when --master is not given)
    # Spark's progress bar redraws one line with \r: in a log (stderr not a terminal) it
    # is one long line, with the run's summary at its end where no one finds it
    bar = not quiet and sys.stderr.isatty()
    builder = builder.config("spark.ui.showConsoleProgress", "true" if bar else "false")
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # noqa: BLE001 - a JVM that did not start: one line, no stack
        from rolematch.exceptions import RolematchError

        first = next((ln.strip() for ln in str(e).splitlines() if ln.strip()), type(e).__name__)
        raise RolematchError(
            f"Spark did not start (--master {master or 'default'}): {first}"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def _store_from_frame(frame: Any, roles: Sequence[Role], files: Sequence[str]) -> Any:
    """Finished :class:`~rolematch.results.BatchResults` from a collected result frame,
    so that the local engine's writers write it (same columns and rounding), with the
    frame's ranks: the cascade's (``rerank``) rank its re-scored résumés first, which
    ranking by score alone (:meth:`~rolematch.results.BatchResults.finish`) would not."""
    import numpy as np

    from rolematch.documents import Resume
    from rolematch.results import SCORES, BatchResults, FileResult

    store = BatchResults(roles, files)
    index = {f: i for i, f in enumerate(files)}
    role_index = {r.id: k for k, r in enumerate(roles)}
    ranked = frame[frame["status"] == "ok"]
    at = tuple(ranked[c].map(m).to_numpy(dtype=np.intp)  # intp: no rows is no index either
               for c, m in (("file", index), ("role_id", role_index)))  # fmt: skip
    for file, g in frame.groupby("file", sort=False):
        first = g.iloc[0]
        warnings = tuple(first["warnings"].split("; ")) if first["warnings"] else ()
        meta = {"language": first["language"] or ""}
        if first["status"] != "ok":
            resume = Resume.failed(
                str(file), first["status"], first["reason"] or "", warnings=warnings, meta=meta
            )
            store.add(index[file], FileResult(str(file), resume))
            continue
        g = g.iloc[np.argsort([role_index[r] for r in g["role_id"]], kind="stable")]
        scores = g[list(SCORES)].to_numpy(dtype=np.float64, na_value=np.nan).T
        resume = Resume(str(file), "", warnings=warnings, meta=meta)
        fr = FileResult(str(file), resume, scores=np.ascontiguousarray(scores),
                        reasons=[r or "" for r in g["reason"]])  # fmt: skip
        store.add(index[file], fr)
    store.finish()
    for c in ("role_rank", "resume_rank"):
        getattr(store, c)[at] = ranked[c].to_numpy(dtype=np.int32)
    return store


@quiet_pandas_warning()  # pyspark's pandas-3 FutureWarning (toPandas), here only
def cli_score(
    args: Any,
    roles: Sequence[Role],
    *,
    outputs: Callable[[Any], list[tuple[str | None, str]]],
    write: Callable[[Any, str | None, str, Any], str],
) -> int:
    """``rolematch score PATH... --engine spark``: the command line's Spark engine.

    ``.parquet`` outputs are written by the executors; ``.csv``, ``.wide.csv`` and the
    terminal table are collected to the driver and written by the local engine's
    writers (modest batches). Formats that show whole explanations (JSONL, Excel,
    HTML) need the local engine. ``outputs`` and ``write`` are the command line's
    own: the outputs asked for (path, format) and the writer of one of them.
    """
    import time

    from rolematch.exceptions import UsageError

    # options that cannot go together are usage errors (exit 2), said before Spark starts
    if args.cache:
        raise UsageError("--cache is not used with --engine spark; drop it")
    if getattr(args, "workers", None):  # silently ignored, a user would think it ran wide
        raise UsageError(
            "--workers is not used with --engine spark: Spark's cores are its workers "
            "(--master local[N], or the cluster's executors); drop it"
        )
    if getattr(args, "debug", None):
        raise UsageError(
            "--debug is not used with --engine spark: the workers' tracebacks are in "
            "Spark's executor logs; drop it"
        )
    outs = args.output or []
    parquet = [o for o in outs if o.lower().rstrip("/").endswith(".parquet")]
    args.output = [o for o in outs if o not in parquet] or None
    others = outputs(args) if (args.output or not parquet) else []
    explained = [p or fmt for p, fmt in others if fmt in ("jsonl", "xlsx", "html")]
    if explained:
        raise UsageError(
            f"--engine spark writes .parquet, .csv, .wide.csv or the table; {explained} "
            "needs the explanations: use the local engine for it"
        )
    check_master(args.master)
    local = all(is_local(p) for p in args.paths)
    names: dict[str, str] | None = None
    skipped: list[Any] = []
    if local:  # the local engine's files, named as given; the workers read them by path
        from rolematch.batch import collect_files, no_files_warning

        expanded = expand_local(args.paths)
        names = local_path_names(collect_files(expanded, skipped=skipped))
        if not names:  # said even with -q, as the local engine says it
            print(no_files_warning(args.paths, skipped), file=sys.stderr)
    t0 = time.perf_counter()
    spark, started = _session(args.master, args.quiet)
    counts: dict[str, int] = {}  # files by status (--strict reads it)
    try:
        with _interrupt_cancels_jobs(spark):
            if not args.quiet:
                print(
                    f"rolematch: scoring {len(names) if names is not None else 'the'} files "
                    f"against {len(roles)} roles with {args.model!r} on Spark "
                    f"({spark.sparkContext.master})"
                    + (f", re-ranking each role's top {args.rerank}" if args.rerank else "")
                    + " …",
                    file=sys.stderr,
                )
            paths = [os.path.abspath(p) for p in expanded] if local else args.paths
            # a profile file must be readable where the workers run (local, or shared storage)
            extra = {"profile": args.profile} if getattr(args, "profile", None) else {}
            df = score_files(
                spark, paths, roles, args.model, names=names,
                max_pages=args.max_pages, ocr=not args.no_ocr, rerank=args.rerank,
                file_timeout=getattr(args, "file_timeout", 120.0) or None, **extra,
            )  # fmt: skip
            written = []
            for out in parquet:
                df.write.mode("overwrite").parquet(out)
                written.append(f"wrote a Parquet dataset to {out}")
            if parquet:  # later outputs and the summary read what was written, not a re-run
                df = spark.read.parquet(parquet[0])
            frame = df.toPandas() if others else None
            if frame is not None:
                files = _file_order(frame["file"].unique().tolist(), names)
                with _store_from_frame(frame, roles, files) as store:
                    written += [write(store, path, fmt, args) for path, fmt in others]
                counts = frame.drop_duplicates("file")["status"].value_counts().to_dict()
            else:
                counts = {
                    r["status"]: r["count"]
                    for r in df.select("file", "status")
                    .distinct()
                    .groupBy("status")
                    .count()
                    .collect()
                }
            if not args.quiet:
                n = sum(counts.values())
                bad = n - counts.get("ok", 0)
                seconds = time.perf_counter() - t0
                print(
                    f"rolematch: {n} files in {seconds:.1f}s ({n / seconds:.1f} files/s, Spark "
                    f"{spark.sparkContext.master}): {counts.get('ok', 0)} scored"
                    + (f", {bad} not scored ({_status_counts(counts)})" if bad else "")
                    + "".join(f"; {w}" for w in written if w),
                    file=sys.stderr,
                )
                if local and skipped:  # what folders held that is no résumé document
                    from rolematch.batch import skipped_note

                    print(f"rolematch: {skipped_note(skipped)}", file=sys.stderr)
    finally:
        if started:
            spark.stop()
    from rolematch.cli import NOT_ALL_SCORED  # score --strict: a file not scored

    return NOT_ALL_SCORED if args.strict and sum(counts.values()) > counts.get("ok", 0) else 0


@contextlib.contextmanager
def _interrupt_cancels_jobs(spark: SparkSession) -> Iterator[None]:
    """Ctrl-C cancels the running Spark jobs and ends the run as the local engine's
    (``interrupted; no output written``, exit 130). pyspark's own handler cancels them
    from inside the py4j call it interrupts ("reentrant call"), and the cancelled job's
    Java error came through as a crash: hundreds of lines of tracebacks, exit 1. Here a
    thread of its own cancels them, and any that starts after; a second Ctrl-C stops
    at once. Pressed when no job is left (the CSV being written), the run completes."""
    import signal
    import threading
    import warnings

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    hit, done = threading.Event(), threading.Event()

    def handler(signum: int, frame: Any) -> None:
        if hit.is_set():
            raise KeyboardInterrupt
        hit.set()
        threading.Thread(target=cancel, daemon=True).start()

    def cancel() -> None:  # now and every half second: a job may be about to start
        # what the executors log of tasks cut short as the session stops, and what
        # pyspark warns of a cancelled collect, is the cancellation's Java stacks
        spark.sparkContext.setLogLevel("OFF")
        while not done.is_set():
            spark.sparkContext.cancelAllJobs()
            done.wait(0.5)

    old = signal.signal(signal.SIGINT, handler)
    shown = warnings.showwarning

    def show(*a: Any, **k: Any) -> None:  # a filter would not do: pyspark's own
        if not hit.is_set():  # catch_warnings blocks restore the filters they found
            shown(*a, **k)

    try:
        with warnings.catch_warnings():
            warnings.showwarning = show
            yield
    except Exception:  # noqa: BLE001 - the cancelled job's error, when it was us
        if hit.is_set():
            raise KeyboardInterrupt from None
        raise
    finally:
        done.set()
        signal.signal(signal.SIGINT, old)


def _status_counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s != "ok")


def _file_order(files: list[str], names: Mapping[str, str] | None) -> list[str]:
    if names is not None:
        pos = {v: i for i, v in enumerate(names.values())}
        return sorted(files, key=lambda f: (pos.get(f, len(pos)), path_order(f)))
    return sorted(files, key=path_order)
