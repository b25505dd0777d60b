"""Command line: ``rolematch score | extract | explain | roles``.

Results go to stdout or ``-o``; progress and logs go to stderr. Exit codes:
0 the job ran (even with unreadable files), 1 a rolematch error (bad role file,
missing model …, printed as one line), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rolematch.exceptions import RolematchError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rolematch", description="Match Chinese résumés to job roles, with explanations."
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("score", help="score résumé files/folders against the roles")
    s.add_argument("paths", nargs="+", metavar="PATH", help="résumé files or folders")
    s.add_argument("--roles", help="role file or folder (default: the bundled roles)")
    s.add_argument("-o", "--output", help="output file (.csv, .jsonl); default: a table on stdout")
    s.add_argument("--top-k", type=_positive_int, default=None, help="keep each file's best K roles")
    s.add_argument("--model", default="e5-small", help="e5-small (default), static-zh, or a path")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")

    e = sub.add_parser("extract", help="extract résumé text (one JSON record per file)")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("-o", "--output", help="output .jsonl (default: stdout)")
    e.add_argument("--no-redact", action="store_true", help="keep personal data in the text")
    e.add_argument("--max-pages", type=_positive_int, default=50)

    x = sub.add_parser("explain", help="explain one résumé's score for one role")
    x.add_argument("file")
    x.add_argument("--role", required=True, help="role id (see 'rolematch roles list')")
    x.add_argument("--roles", help="role file or folder (default: the bundled roles)")
    x.add_argument("--model", default="e5-small")

    r = sub.add_parser("roles", help="list, validate or import roles")
    rsub = r.add_subparsers(dest="roles_command", required=True, metavar="ACTION")
    rl = rsub.add_parser("list", help="list roles")
    rl.add_argument("--roles", help="role file or folder (default: the bundled roles)")
    rv = rsub.add_parser("validate", help="check role files; errors name file and field")
    rv.add_argument("dir", nargs="?", help="role file or folder (default: the bundled roles)")
    ri = rsub.add_parser("import", help="turn a plain-text posting into role files")
    ri.add_argument("posting", help="posting text (岗位N：… 岗位描述：… 任职要求：…)")
    ri.add_argument("--out", required=True, help="folder for the role files")
    ri.add_argument("--ids", help="comma-separated role ids in posting order")
    ri.add_argument("--format", choices=["yaml", "json"], default="yaml")
    return p


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {v}")
    return v


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "score":
            return _score(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "explain":
            return _explain(args)
        return _roles(args)
    except RolematchError as e:
        print(f"rolematch: error: {e}", file=sys.stderr)
        return 1
    except FileNotFoundError as e:
        print(f"rolematch: error: {e}", file=sys.stderr)
        return 2


def _score(args: argparse.Namespace) -> int:
    from rolematch.batch import FileResult, collect_files, score_paths
    from rolematch.io.roles import load_roles
    from rolematch.matcher import Matcher
    from rolematch.report import to_records, to_text, write_csv, write_jsonl

    fmt = _output_format(args.output)
    files = collect_files(args.paths)
    roles = load_roles(args.roles)
    t0 = time.perf_counter()
    bar = None
    if not args.quiet:
        from tqdm import tqdm

        print(f"rolematch: loading model {args.model!r} …", file=sys.stderr)
        bar = tqdm(total=len(files), unit="file", file=sys.stderr, dynamic_ncols=True)
    matcher = Matcher(model=args.model).fit(roles)
    failed = 0

    def tick(fr: FileResult) -> None:
        nonlocal failed
        failed += not fr.ok
        if bar is not None:
            bar.set_postfix(failed=failed, refresh=False)
            bar.update(1)

    results = score_paths(files, matcher=matcher, progress=tick)
    if bar is not None:
        bar.close()
    rows = to_records(results, args.top_k)
    if fmt == "csv":
        write_csv(rows, args.output)
    elif fmt == "jsonl":
        write_jsonl(rows, args.output)
    else:
        sys.stdout.write(to_text(results, args.top_k or 3))
    if not args.quiet:
        by_status = Counter(fr.resume.status for fr in results)
        reasons = Counter(fr.resume.reason for fr in results if not fr.ok)
        print(
            f"rolematch: {len(results)} files in {time.perf_counter() - t0:.1f}s: "
            + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())),
            file=sys.stderr,
        )
        for reason, n in reasons.most_common():
            print(f"  {n} × {reason}", file=sys.stderr)
        if args.output:
            print(f"rolematch: wrote {len(rows)} rows to {args.output}", file=sys.stderr)
    return 0


def _output_format(output: str | None) -> str | None:
    if output is None:
        return None
    suffix = Path(output).suffix.lower()
    formats = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl"}
    if suffix not in formats:
        raise RolematchError(
            f"The output file must end in one of {sorted(formats)}. Got {output!r} instead."
        )
    return formats[suffix]


def _record(resume: Any) -> dict[str, Any]:
    return {
        "file": resume.source,
        "status": resume.status,
        "reason": resume.reason,
        "pages": resume.pages,
        "text": resume.text,
        "warnings": list(resume.warnings),
        "sections": sorted(resume.sections),
        "meta": resume.meta,
    }


def _extract(args: argparse.Namespace) -> int:
    from rolematch.batch import collect_files
    from rolematch.io.extract import read_resume
    from rolematch.report import atomic_write

    files = collect_files(args.paths)
    lines = (
        json.dumps(
            _record(read_resume(f, max_pages=args.max_pages, redact=not args.no_redact)),
            ensure_ascii=False,
            default=str,
        )
        + "\n"
        for f in files
    )
    if args.output:
        with atomic_write(args.output, "w", encoding="utf-8") as out:
            out.writelines(lines)
    else:
        sys.stdout.writelines(lines)
    return 0


def _explain(args: argparse.Namespace) -> int:
    from rolematch.io.extract import read_resume
    from rolematch.io.roles import load_roles
    from rolematch.matcher import Matcher

    resume = read_resume(args.file)
    if not resume.ok:
        print(f"{args.file}: {resume.status}: {resume.reason}")
        return 0
    matcher = Matcher(model=args.model).fit(load_roles(args.roles))
    print(matcher.explain(resume, args.role))
    return 0


def _roles(args: argparse.Namespace) -> int:
    from rolematch.io.roles import load_roles, parse_posting, write_roles

    if args.roles_command == "list":
        for role in load_roles(args.roles):
            print(f"{role.id:<24} {role.title}  ({len(role.duties)} duties, "
                  f"{len(role.requirements)} requirements)")  # fmt: skip
        return 0
    if args.roles_command == "validate":
        roles = load_roles(args.dir)
        print(f"{len(roles)} roles OK: {', '.join(r.id for r in roles)}")
        return 0
    posting = Path(args.posting)
    ids = [i.strip() for i in args.ids.split(",")] if args.ids else None
    roles = parse_posting(posting.read_text(encoding="utf-8-sig"), ids=ids, source=str(posting))
    for path in write_roles(roles, args.out, fmt=args.format):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
