"""``rolematch audit``: the bias-audit subcommand (registered by :mod:`rolematch.cli`).

Progress and the summary go to stderr and hold counts only; the audit goes to ``-o``
files (or, without ``-o``, ``audit.json`` to stdout).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolematch.exceptions import UsageError

__all__ = ["AUDIT_HELP", "add_audit_parser", "run_audit"]

AUDIT_HELP = """\
Bias audit: score the résumés as 'rolematch score' does, select each role's best K
(--top-k) or those scoring at least S (--min-score), and report per role and group
(gender 女/男/unknown; age <30/30-39/40-49/50+/unknown; ethnicity 汉族/少数民族/unknown when
asked) the selection rate, impact ratio, scoring rate and mean score; flag impact ratios
below 0.8 (four-fifths rule) that are unlikely by chance (Fisher exact p < 0.05), and
list the other ratios below 0.8 apart: suggestive but not conclusive (p < 0.10) or too
few to tell; pool each attribute over the roles ("selected less in k of n roles", a
Mantel-Haenszel impact ratio, and a p-value over people, not role slots: the roles
share the same résumés), flagged on the same terms;
re-score every résumé with its personal data swapped (counterfactual check).
Attributes are read from what each résumé states; outputs hold group aggregates only,
never a person's attributes or a file name.
A résumé sent as several files (the same text: 'score' marks them 'duplicate') is one
candidate, counted once; the warnings and duplicates_ignored say how many were left out.

With --top-k, résumés tied at the K-th best score are all selected (the audit never
depends on the order of ties), and the warnings say where that selects more than K.
A group alone large enough for a rate has no impact ratio (not measurable, not 1.0).

Outputs (-o, by suffix; repeat for several; default: audit.json on stdout), all group
aggregates only:
  .json   the audit record (rule, n_resumes, duplicates_ignored, roles, alpha, flags,
          inconclusive, pooled, counterfactual_max_delta, warnings)
  .html   one self-contained page: per-role tables, bar charts, the four-fifths rule
  .xlsx   the same tables with bar charts (needs 'rolematch[excel]')
  .csv    the same table, one row per role x attribute x group: n, selected, rate,
          impact_ratio, scoring_rate, mean_score, flag, p_value, note,
          duplicates_ignored; then one row per pooled comparison, role_id
          '(all roles)', n and selected counting a résumé once per role

--scores-csv FILE also writes the batch's per-résumé scores, as 'rolematch score -o
ranking.csv' writes them, so the audit can be redone by hand (less the copies it marks
'not counted in the audit'): unlike the audit it names every file (often the
candidate) with its scores; keep it as private as the résumés.
"""


def add_audit_parser(sub: Any) -> None:
    """Add ``audit`` to the CLI's subparsers."""
    from rolematch._cli_types import positive_int, unit_float, workers

    a = sub.add_parser(
        "audit",
        help="bias audit of the shortlists by gender, age (and ethnicity)",
        description=AUDIT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("paths", nargs="+", metavar="PATH", help="résumé files or folders")
    a.add_argument(
        "--roles",
        action="append",
        help="role file, job posting or folder; repeat for several (default: bundled roles)",
    )
    a.add_argument("--model", default="e5-small", help="e5-small (default), static-zh, or a path")
    a.add_argument(
        "--profile",
        metavar="PROFILE.json",
        help="scoring profile as 'rolematch score --profile' takes it (from 'rolematch learn')",
    )
    rule = a.add_mutually_exclusive_group(required=True)
    rule.add_argument("--top-k", type=positive_int, metavar="K", help="select each role's best K")
    rule.add_argument(
        "--min-score", type=unit_float, metavar="S", help="select résumés scoring at least S"
    )
    a.add_argument(
        "--attributes",
        type=_attributes,
        default=("gender", "age"),
        metavar="A,B",
        help="gender, age, ethnicity (default: gender,age)",
    )
    a.add_argument("--date", type=_iso_date, help="audit date YYYY-MM-DD for ages (default: today)")
    a.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="OUT",
        help=".json, .html, .xlsx, .csv (the audit: group aggregates only)",
    )
    a.add_argument(
        "--scores-csv",
        metavar="FILE",
        help="also write the per-résumé scores the audit used (file names and scores, as "
        "'rolematch score -o ranking.csv'), to redo it by hand",
    )
    a.add_argument(
        "--no-counterfactual", action="store_true", help="skip re-scoring with swapped data"
    )
    a.add_argument("--workers", type=workers, default=None, metavar="N", help="worker processes")
    a.add_argument("--cache", metavar="DIR", help="extraction and embedding caches")
    a.add_argument("--no-ocr", action="store_true", help="do not OCR scans and images")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")


def _attributes(text: str) -> tuple[str, ...]:
    from rolematch.fairness.attributes import ATTRIBUTES

    attrs = tuple(a.strip() for a in text.split(",") if a.strip())
    if not attrs or any(a not in ATTRIBUTES for a in attrs) or len(set(attrs)) < len(attrs):
        raise argparse.ArgumentTypeError(
            f"expected some of {','.join(ATTRIBUTES)} separated by commas, got {text!r}"
        )
    return attrs


#: The audit dates that give résumés' birth dates an age (a birth in 1900 is 125 in 2025).
_DATES = (_dt.date(1950, 1, 1), _dt.date(2150, 12, 31))


def _iso_date(text: str) -> _dt.date:
    try:
        date = _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None
    if not _DATES[0] <= date <= _DATES[1]:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD from {_DATES[0]} to {_DATES[1]} (the day ages are "
            f"counted on), got {text!r}"
        )
    return date


def run_audit(
    args: argparse.Namespace, *, load_roles: Callable[[list[str] | None], list[Any]]
) -> int:
    """Run ``rolematch audit``; returns the exit code."""
    from rolematch._cli_outputs import check_outputs
    from rolematch.batch import collect_files, default_workers
    from rolematch.fairness import audit, write_audit
    from rolematch.fairness.report import AUDIT_FORMATS, FLAG_TEXT, audit_format, to_json
    from rolematch.fairness.wording import comparable, pooled_summary_text, unflagged_text
    from rolematch.matcher import Matcher

    outputs = list(args.output or [])
    scores_csv = args.scores_csv
    try:
        formats = [audit_format(o) for o in outputs]
    except ValueError:
        bad = next(o for o in outputs if Path(o).suffix.lower() not in AUDIT_FORMATS)
        suffixes = sorted(AUDIT_FORMATS)
        raise UsageError(f"-o must end in one of {suffixes}. Got {bad!r} instead.") from None
    if scores_csv is not None and not scores_csv.lower().endswith(".csv"):
        raise UsageError(f"--scores-csv must end in .csv. Got {scores_csv!r} instead.")
    check_outputs(outputs, args.paths)
    if scores_csv is not None:
        check_outputs([scores_csv], args.paths, option="--scores-csv")
        if any(Path(o).resolve() == Path(scores_csv).resolve() for o in outputs):
            raise UsageError(f"--scores-csv {scores_csv} is also an -o output; name another file")
    if "xlsx" in formats:
        from rolematch._optional import import_optional

        import_optional("openpyxl", extra="excel")  # fail before the work, not after
    files = collect_files(args.paths)
    roles = load_roles(args.roles)

    def say(message: str) -> None:
        if not args.quiet:
            print(f"rolematch: audit: {message} …", file=sys.stderr)

    matcher = Matcher(model=args.model, profile=args.profile)  # scored as 'score' scores
    result = audit(
        files, roles=roles, matcher=matcher, top_k=args.top_k, min_score=args.min_score,
        attributes=args.attributes, date=args.date, counterfactual=not args.no_counterfactual,
        workers=args.workers or default_workers(len(files)), cache=args.cache,
        ocr=not args.no_ocr, scores_csv=scores_csv, progress=say,
    )  # fmt: skip
    for path in outputs:
        write_audit(result, path)
    if not outputs:
        sys.stdout.write(to_json(result))
    if not args.quiet:
        delta = result.counterfactual_max_delta
        dups = result.duplicates_ignored
        print(
            f"rolematch: audit: {result.n_resumes} résumés"
            + (f" ({dups} cop{'ies' if dups > 1 else 'y'} counted once)" if dups else "")
            + f", {len(result.roles)} roles, {len(result.flags)} flag(s) ({FLAG_TEXT}), "
            + (
                "no impact ratio could be measured (groups too small), "
                if not result.flags and not comparable(result.roles)
                else ""
            )
            + f"{unflagged_text(result.inconclusive)}; {pooled_summary_text(result.pooled)}; "
            "counterfactual max delta " + ("not run" if delta is None else f"{delta:.6f}"),
            file=sys.stderr,
        )
        for path in ([scores_csv] if scores_csv else []) + outputs:
            print(f"rolematch: wrote {path}", file=sys.stderr)
    return 0
