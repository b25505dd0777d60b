"""Command line: ``rolematch score | extract | explain | roles``.

Results go to stdout or ``-o``; progress and logs go to stderr. Exit codes:
0 the job ran (even with unreadable files), 1 a rolematch error (bad role file,
missing model …, printed as one line), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from typing import Any

from rolematch._cli_profile import check_profile
from rolematch._cli_signals import (
    INTERRUPTED,
    TERMINATED,
    Terminated,
    exit_interrupted,
    sigterm_as_interrupt,
)
from rolematch._cli_types import positive_int, seconds, unit_float
from rolematch._cli_types import workers as worker_count
from rolematch._version import __version__
from rolematch.exceptions import MissingDependencyError, RolematchError, UsageError
from rolematch.report import FORMATS

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rolematch", description="Match Chinese résumés to job roles, with explanations."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser(
        "score",
        help="score résumé files/folders against the roles",
        description=SCORE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("paths", nargs="+", metavar="PATH", help="résumé files or folders")
    s.add_argument(
        "--roles",
        action="append",
        help="role files, or job postings imported on the fly, or a folder of either; "
        "repeat for several (default: the bundled roles)",
    )
    s.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="OUT",
        help="output file; the suffix picks the format: .csv (long), .wide.csv, .jsonl, "
        ".xlsx, .html; repeat for several (default: a table on stdout)",
    )
    s.add_argument(
        "--format",
        choices=list(FORMATS),
        help="output format of a single -o whose suffix names none (/dev/stdout, a .txt); "
        "one that contradicts the suffix is an error; without -o, written to stdout (not xlsx)",
    )
    s.add_argument(
        "--top-k",
        type=positive_int,
        default=None,
        metavar="K",
        help="keep each résumé's best K roles (CSV, JSONL, table) and each role's best K "
        "résumés (Excel, HTML); default: all (HTML: 20)",
    )
    s.add_argument(
        "--min-score",
        type=unit_float,
        default=None,
        metavar="S",
        help="leave out résumé × role pairs scoring below S (0-1)",
    )
    s.add_argument("--model", default="e5-small", help="e5-small (default), static-zh, or a path")
    s.add_argument(
        "--profile", metavar="PROFILE.json", help="scoring profile (e.g. from 'rolematch learn')"
    )
    s.add_argument(
        "--workers",
        type=worker_count,
        default=None,
        metavar="N",
        help="worker processes (default: one per core, one for small batches)",
    )
    s.add_argument(
        "--cache",
        metavar="DIR",
        help="keep extractions and embeddings in DIR: a re-run re-reads only changed files",
    )
    s.add_argument(
        "--max-pages", type=positive_int, default=50, help="pages read per PDF (default: 50)"
    )
    s.add_argument(
        "--no-ocr", action="store_true", help="do not OCR scans and images (they are reported)"
    )
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    s.add_argument(
        "--strict",
        action="store_true",
        help=f"exit with status {NOT_ALL_SCORED} when a file could not be scored (a nightly "
        "job's alarm); its row and every output are written as without it",
    )
    _add_file_timeout(s)
    s.add_argument(
        "--debug",
        metavar="LOG",
        help="write the traceback of every file with status error to LOG",
    )
    s.add_argument(
        "--engine",
        choices=["local", "spark"],
        default="local",
        help="local processes (default) or Spark (pip install 'rolematch[spark]'; PATH may "
        "be hdfs://, s3a://, a glob; -o OUT.parquet is written by the executors)",
    )
    s.add_argument("--master", metavar="URL", help="Spark master (default: spark-submit's/local)")
    s.add_argument(
        "--rerank",
        type=positive_int,
        metavar="K",
        help="Spark cascade: static-zh scores all, --model re-scores each role's top K",
    )

    e = sub.add_parser("extract", help="extract résumé text (one JSON record per file)")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("-o", "--output", help="output .jsonl (default: stdout)")
    e.add_argument("--no-redact", action="store_true", help="keep personal data in the text")
    e.add_argument("--max-pages", type=positive_int, default=50)
    e.add_argument("--no-ocr", action="store_true", help="do not OCR scans and images")
    _add_file_timeout(e)

    x = sub.add_parser("explain", help="explain one résumé's score for one role")
    x.add_argument("file")
    x.add_argument("--role", required=True, help="role id (see 'rolematch roles list')")
    x.add_argument(
        "--roles",
        action="append",
        help="role file, job posting or folder; repeat for several (default: bundled roles)",
    )
    x.add_argument("--model", default="e5-small")
    x.add_argument("--profile", help="scoring profile JSON (default: the model's bundled one)")

    from rolematch._cli_roles import add_roles_parsers

    add_roles_parsers(sub)
    from rolematch.fairness.cli import add_audit_parser

    add_audit_parser(sub)
    from rolematch._learn_cli import add_learn_parsers

    add_learn_parsers(sub)
    return p


SCORE_HELP = """\
Score every résumé (.pdf, .docx, .txt; folders searched recursively) against every
role, and write a ranking.

Outputs (-o, the suffix picks the format; repeat -o for several):
  .csv        long format, one row per résumé × role (columns: file, status, language,
              role_id, role_title, score, keyword_score, semantic_score, facet_score,
              role_rank, resume_rank, warnings, reason); one row per unreadable file
  .wide.csv   one row per résumé, one score column per role, its warnings and reason
  .jsonl      one JSON record per résumé × role with the full explanation
  .xlsx       one sheet per role with its shortlist; an overview; unreadable files
  .html       one self-contained page: each role's shortlist with evidence

Filters (ranks are always those of the whole batch):
  --top-k K      per-résumé views (CSV, wide CSV, JSONL, table) keep each résumé's
                 best K roles (role_rank <= K); per-role views (Excel, HTML) keep
                 each role's best K résumés (resume_rank <= K)
  --min-score S  every view leaves out pairs scoring below S

Progress and the summary go to stderr; exit code 0 when the batch ran, even with
unreadable files.
"""


def _add_file_timeout(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--file-timeout",
        type=seconds,
        default=120.0,
        metavar="SECONDS",
        help="a file that takes longer to read gets status error (default: 120; none: no "
        "limit, files read in the scoring process)",
    )


def run() -> None:
    """The ``rolematch`` command: :func:`main`, then exit with its code (an interrupted
    run through :func:`~rolematch._cli_signals.exit_interrupted`)."""
    try:
        code = main()
    except KeyboardInterrupt:  # before the command began: reading its options
        print("rolematch: interrupted; no output written", file=sys.stderr)
        code = INTERRUPTED
    if code in (INTERRUPTED, TERMINATED):
        exit_interrupted(code)
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():  # a warning is one line, not a source location
        warnings.showwarning = _one_line_warning
        return _dispatch(args)


def _one_line_warning(message: Warning | str, *_: Any, **__: Any) -> None:
    print(f"rolematch: warning: {message}", file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    try:
        check_profile(args, _load_roles)
        _check_model(getattr(args, "model", None))
        if args.command == "score":
            return _score(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "audit":
            from rolematch.fairness.cli import run_audit

            return run_audit(args, load_roles=_load_roles)
        if args.command in ("learn", "suggest"):
            from rolematch import _learn_cli

            run = _learn_cli.run_learn if args.command == "learn" else _learn_cli.run_suggest
            return run(args, load_roles=_load_roles)
        from rolematch._cli_roles import run_roles

        return run_roles(args)
    except (RolematchError, MissingDependencyError) as e:
        from rolematch.exceptions import ModelError

        if isinstance(e, ModelError) and getattr(args, "model", None) is not None:
            # a --model that names a folder but fails to load: a bad value, as an unknown one
            print(f"rolematch: error: --model: {e}", file=sys.stderr)
            return 2
        print(f"rolematch: error: {e}", file=sys.stderr)
        return 2 if isinstance(e, UsageError) else 1
    except KeyboardInterrupt as e:
        how = "stopped by SIGTERM" if isinstance(e, Terminated) else "interrupted"
        print(f"rolematch: {how}; no output written", file=sys.stderr)
        return TERMINATED if isinstance(e, Terminated) else INTERRUPTED
    except BrokenPipeError:  # `rolematch score … | head`: the reader left; end as unix tools do
        from rolematch._cli_outputs import stdout_gone

        return stdout_gone()
    except FileNotFoundError as e:
        print(f"rolematch: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a cache, log or output path the system refuses: say which
        print(f"rolematch: error: {e}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as e:  # a role, posting or decisions file in another encoding
        print(
            f"rolematch: error: a file given is not UTF-8 text ({e.reason} at byte {e.start}); "
            "save it as UTF-8",
            file=sys.stderr,
        )
        return 1


def _check_model(model: str | None) -> None:
    """Resolve --model before any work (no loading): an unknown one is a usage error."""
    if model is None:
        return
    from rolematch.exceptions import ModelError
    from rolematch.features.embeddings import model_id

    try:
        model_id(model)
    except ModelError as e:
        raise UsageError(f"--model: {e}") from None


_EXPLAINED = frozenset({"jsonl", "xlsx", "html"})  # formats that show whole explanations


def _score(args: argparse.Namespace) -> int:
    from rolematch._cli_outputs import check_format, check_outputs, outputs_of, write_output
    from rolematch.batch import (
        BatchStats,
        alias_note,
        collect_files,
        default_workers,
        no_files_warning,
        score_paths,
        skipped_note,
    )

    check_outputs(args.output or [], args.paths)  # every engine: before any work
    check_format(args.format, args.output or [])  # Spark's .parquet included
    _check_side_files(args)
    if args.engine == "spark":
        from rolematch.spark.cli import cli_score

        return cli_score(
            args, _load_roles(args.roles, args.quiet), outputs=outputs_of, write=write_output
        )
    if args.rerank or args.master:
        raise UsageError("--rerank and --master need --engine spark")
    outputs = outputs_of(args)
    if any(fmt == "xlsx" for _, fmt in outputs):
        from rolematch._optional import import_optional

        import_optional("openpyxl", extra="excel")  # fail before the work, not after
    skipped: list[Any] = []
    aliases: list[Any] = []
    files = collect_files(args.paths, skipped=skipped, aliases=aliases)
    if not files:  # said even with -q: an empty run is most likely the wrong folder
        print(no_files_warning(args.paths, skipped), file=sys.stderr)
    roles = _load_roles(args.roles, args.quiet)
    workers = args.workers or default_workers(len(files))
    if workers == 1:
        from rolematch.matcher import Matcher

        matcher: Any = Matcher(model=args.model, profile=args.profile)
    else:  # each worker builds its own; this process never loads the model
        matcher = {"model": args.model, "profile": args.profile}
    t0 = time.perf_counter()
    left_out = "; ".join(x for x in (skipped_note(skipped), alias_note(aliases)) if x)
    stats = BatchStats(skipped=len(skipped) + len(aliases), skipped_note=left_out)
    bar = None
    if not args.quiet:
        print(
            f"rolematch: scoring {len(files)} file{'s' * (len(files) != 1)} against "
            f"{len(roles)} role{'s' * (len(roles) != 1)} with "
            f"{args.model!r}, {min(workers, max(1, len(files)))} worker(s) …",
            file=sys.stderr,
        )
        from rolematch._cli_outputs import Progress

        bar = Progress(len(files))
    debug = _DebugLog(args.debug)

    def progress(fr: Any) -> None:
        debug.file(fr)
        if bar is not None:
            bar.update(fr.ok)

    with debug, sigterm_as_interrupt():
        try:
            results = score_paths(
                files,
                matcher=matcher,
                roles=roles,
                workers=workers,
                cache=args.cache,
                max_pages=args.max_pages,
                ocr=not args.no_ocr,
                # CSV and the terminal table need scores and reasons only
                explain=any(fmt in _EXPLAINED for _, fmt in outputs),
                file_timeout=args.file_timeout,
                progress=progress,
                stats=stats,
            )
        finally:
            if bar is not None:
                bar.close()
        with results:
            written = [write_output(results, path, fmt, args) for path, fmt in outputs]
            if not args.quiet:
                _summary(results, stats, time.perf_counter() - t0, written)
            _across_languages(roles, results.language)
            not_scored = len(results) - results.counts().get("ok", 0)
    return NOT_ALL_SCORED if args.strict and not_scored else 0


#: ``score --strict``'s exit status when a file could not be scored.
NOT_ALL_SCORED = 3


def _across_languages(roles: Any, languages: Any) -> None:
    from rolematch.language import english_roles

    if english := english_roles(roles, languages):  # said even with -q: scores mislead
        print(f"rolematch: warning: {ACROSS_LANGUAGES.format(', '.join(english))}", file=sys.stderr)


#: What the scores of Chinese résumés against roles written in English are worth.
ACROSS_LANGUAGES = (
    "roles written in English ({}) scored Chinese résumés across languages, where the "
    "evidence is weaker: one who does the job may score as a partial fit; a Chinese "
    "version of the posting scores them as a Chinese posting does"
)


def _check_side_files(args: argparse.Namespace) -> None:
    """Refuse, before any work, a ``--debug`` log that would overwrite a résumé or an
    output, and a ``--cache`` that is a file (it is a folder); both must be writable."""
    from pathlib import Path

    from rolematch._cli_outputs import check_folder, check_outputs

    if args.debug is not None:
        check_outputs([args.debug], args.paths, "--debug")
        outputs = {Path(o).resolve() for o in args.output or []}
        if Path(args.debug).resolve() in outputs:
            raise UsageError(f"--debug {args.debug} is also an -o output; name another file")
    if getattr(args, "cache", None) is not None:
        check_folder(args.cache, "--cache", "to keep reads in")


def _summary(store: Any, stats: Any, seconds: float, written: list[str]) -> None:
    from rolematch.results import DUPLICATE_NOTE

    counts = store.counts()
    scored = counts.get("ok", 0)
    bad = len(store) - scored
    rate = len(store) / seconds if seconds > 0 else 0.0
    print(
        f"rolematch: {len(store)} files in {seconds:.1f}s ({rate:.1f} files/s, "
        f"{stats.workers} worker{'s' if stats.workers > 1 else ''}): {scored} scored"
        + (f", {bad} not scored" if bad else ""),
        file=sys.stderr,
    )
    reasons = Counter((store.status[i], store.reason[i]) for i in store.failures())
    for (status, reason), n in sorted(reasons.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {status:<12} {n:>4} × {reason}", file=sys.stderr)
    if dups := sum(any(w.startswith(DUPLICATE_NOTE) for w in ws) for ws in store.warnings):
        print(f"rolematch: {dups} files have the same text as another file (a warning on "
              "each names the others)", file=sys.stderr)  # fmt: skip
    if stats.skipped:  # what folders held that is no résumé document: said, not hidden
        print(f"rolematch: {stats.skipped_note}", file=sys.stderr)
    if stats.cache_hits:
        print(
            f"rolematch: cache: {stats.cache_hits} of {stats.files} files reused, "
            f"{stats.extracted} read",
            file=sys.stderr,
        )
    if stats.crashed or stats.pool_restarts:
        print(
            f"rolematch: {stats.pool_restarts} worker crash(es); {stats.crashed} file(s) "
            "recorded as crashing the reader",
            file=sys.stderr,
        )
    for line in written:
        if line:
            print(f"rolematch: {line}", file=sys.stderr)


class _DebugLog:
    """``--debug LOG``: the traceback of every file with status ``error``, as it happens."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.f: Any = None

    def __enter__(self) -> _DebugLog:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.f is not None:
            self.f.close()

    def file(self, fr: Any) -> None:
        if self.path is None or fr.resume.status != "error":
            return
        if self.f is None:  # made at the first error: a clean run leaves no log
            import os

            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
            self.f = open(self.path, "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        tb = fr.traceback or "(no traceback)\n"
        self.f.write(f"== {fr.file}: {fr.resume.reason}\n{tb}\n")
        self.f.flush()


def _record(resume: Any) -> dict[str, Any]:
    return {
        "file": resume.source,
        "status": resume.status,
        "reason": resume.reason,
        "pages": resume.pages,
        "language": resume.meta.get("language", ""),
        "text": resume.text,
        "warnings": list(resume.warnings),
        "sections": sorted(resume.sections),
        "meta": resume.meta,
    }


def _extract(args: argparse.Namespace) -> int:
    from rolematch.batch import collect_files, skipped_note
    from rolematch.batch.reader import GuardedReader, read_file
    from rolematch.documents import Resume
    from rolematch.report import atomic_write

    if args.output is not None:  # before any work, as score checks its outputs
        from rolematch._cli_outputs import check_outputs

        check_outputs([args.output], args.paths)
        if not args.output.lower().endswith(".jsonl"):
            raise UsageError(
                f"-o {args.output}: extract writes JSON Lines, one record per line; "
                "name the file *.jsonl"
            )
    skipped: list[Any] = []
    files = collect_files(args.paths, skipped=skipped)
    if skipped:  # what folders held that is no résumé document: said, as score says it
        print(f"rolematch: {skipped_note(skipped)}", file=sys.stderr)
    opts = {"max_pages": args.max_pages, "redact": not args.no_redact, "ocr": not args.no_ocr}
    reader = GuardedReader(opts, args.file_timeout) if args.file_timeout else None

    def line(f: Any) -> str:
        # one file's fault is its own record (status error), never the end of the run
        try:
            resume = reader.read(f)[0] if reader is not None else read_file(f, opts)[0]
            text = json.dumps(_record(resume), ensure_ascii=False, default=str)
            # a lone surrogate a reader let through must not stop the output: "?"
            return text.encode("utf-8", "replace").decode("utf-8") + "\n"
        except Exception as e:  # noqa: BLE001
            failed = Resume.failed(str(f), "error", f"{type(e).__name__} while writing: {e}")
            return json.dumps(_record(failed), ensure_ascii=False, default=str) + "\n"

    with reader if reader is not None else contextlib.nullcontext():
        lines = (line(f) for f in files)
        if args.output:
            with atomic_write(args.output, "w", encoding="utf-8") as out:
                out.writelines(lines)
        else:
            sys.stdout.writelines(lines)
    return 0


def _explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    from rolematch.io.extract import read_resume
    from rolematch.io.roles import find_role, roles_titled
    from rolematch.language import english_roles
    from rolematch.matcher import Matcher

    roles = _load_roles(args.roles)
    role = find_role(roles, args.role)
    if role is None:
        ids = ", ".join(f"{r.id} ({r.title})" for r in roles)
        same = [r.id for r in roles_titled(roles, args.role)]  # a title two posts share
        why = f"the title {args.role!r} names {len(same)} roles; give one's id: {', '.join(same)}"
        unknown = f"unknown role {args.role!r}; choose one of: {ids} (or a title)"
        if not args.roles:  # an imported role's id, asked of the bundled roles
            unknown += "; these are the bundled roles: pass --roles FOLDER for your own"
        print(f"rolematch: error: {why if same else unknown}", file=sys.stderr)
        return 2
    if Path(args.file).is_dir():
        raise UsageError(
            f"explain takes one résumé file; {args.file} is a folder (score reads folders)"
        )
    resume = read_resume(args.file)
    if not resume.ok:  # nothing to explain: an error, as for an unknown role
        print(f"rolematch: error: {args.file}: {resume.status}: {resume.reason}", file=sys.stderr)
        return 1
    matcher = Matcher(model=args.model, profile=args.profile).fit(roles)
    results = matcher.match([resume], top_k=None)[0]
    rank = next(k for k, res in enumerate(results, start=1) if res.role_id == role.id)
    e = results[rank - 1].explanation
    print(e)
    others = ", ".join(f"{res.role_id} {res.score:.2f}" for res in results[:3])
    # the verdict bands are the profile's reading of its calibrated score
    verdict = matcher.profile_.verdict(e.score)
    if english_roles([role], [resume.language]):
        verdict += " (across languages: the role is in English, the résumé in Chinese)"
    # facets weigh little in the score: a stated requirement the résumé misses is said here
    unmet = [f"{f.name} {f.found or 'none'} of {f.wanted}" for f in e.facets
             if f.score is not None and f.score < 0.5]  # fmt: skip
    if unmet:
        verdict += f" (but {'; '.join(unmet)})"
    print(f"  verdict: {verdict}; this role ranks #{rank} of {len(results)} for the "
          f"résumé (best: {others})")  # fmt: skip
    if resume.warnings:
        print("  warnings: " + "; ".join(resume.warnings))
    return 0


def _load_roles(paths: list[str] | None, quiet: bool = False) -> list[Any]:
    """Roles for --roles; postings are imported on the fly, their report on stderr
    (unless ``quiet``: ``rolematch roles import --dry-run`` shows it)."""
    from pathlib import Path

    from rolematch.io.roles import load_roles_reporting

    for p in paths or []:  # a mistyped --roles is a usage error, as a bad -o is
        if not Path(p).exists():
            raise UsageError(f"--roles {p}: no such file or folder")
    roles, report = load_roles_reporting(paths)
    if report and not quiet:
        print(f"rolematch: imported postings as roles:\n{report}", file=sys.stderr)
    return roles


if __name__ == "__main__":
    raise SystemExit(main())
