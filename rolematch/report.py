"""Batch results -> rows, tables and files: the CSV, wide CSV, JSONL and terminal writers.

Only this module (and the HTML and Excel writers beside it) and the CLI write. Every
writer reads one finished :class:`~rolematch.results.BatchResults` (ranks, filters and
the long order are defined there, once). Files are written atomically (a temporary name
beside the target, renamed into place on success), so a killed run leaves no partial
output. Spreadsheet cells are formula-safe: a text cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading ``'`` (:func:`safe_cell`), so
neither Excel nor WPS evaluates a candidate's file name or a role title.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import math
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import numpy as np

from rolematch.explain import printable
from rolematch.results import COLUMNS, BatchResults
from rolematch.text import display_width

__all__ = [
    "COLUMNS",
    "FORMATS",
    "FORMULA_PREFIXES",
    "atomic_write",
    "best_reason",
    "format_for",
    "jsonl_records",
    "long_rows",
    "safe_cell",
    "short_names",
    "to_text",
    "write_csv",
    "write_jsonl",
    "write_results",
    "write_wide_csv",
]

#: Output formats and the file names that select them (longest suffix wins).
FORMATS = {
    "csv": (".csv",),
    "wide-csv": (".wide.csv",),
    "jsonl": (".jsonl",),
    "xlsx": (".xlsx",),
    "html": (".html", ".htm"),
}


def format_for(path: str | Path) -> str:
    """The output format a file name asks for.

    Raises
    ------
    ValueError
        The name ends in none of the known suffixes.

    Examples
    --------
    >>> format_for("out/ranking.csv"), format_for("m.WIDE.csv"), format_for("r.html")
    ('csv', 'wide-csv', 'html')
    >>> format_for("r.json")
    Traceback (most recent call last):
    ValueError: The output file must end in one of [...]. Got 'r.json' instead: the JSON output is JSON Lines, one JSON record per line; name it 'r.jsonl'.
    """  # noqa: E501
    name = Path(path).name.lower()
    best = None
    for fmt, suffixes in FORMATS.items():
        for s in suffixes:
            if name.endswith(s) and (best is None or len(s) > len(best[1])):
                best = (fmt, s)
    if best is None:
        known = sorted(s for ss in FORMATS.values() for s in ss)
        hint = ""
        if name.endswith(".json"):  # JSON Lines is no JSON: a .json reader would fail on it
            hint = (
                ": the JSON output is JSON Lines, one JSON record per line; "
                f"name it {str(path) + 'l'!r}"
            )
        else:
            hint = " (on the command line, --format gives the format of another name)"
        raise ValueError(
            f"The output file must end in one of {known}. Got {str(path)!r} instead{hint}."
        )
    return best[0]


# ------------------------------------------------------------------------- writing


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", **kw: Any) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success,
    so an interrupted run never leaves a half-written output.

    A symbolic link is written through, as ``open`` would (the link stays, its target
    gets the output); a device or a pipe (``/dev/stdout``, a FIFO) is written to
    directly, since renaming a file over it would replace it for every program.
    """
    path = Path(path)
    # looked at before the link is resolved: /dev/stdout on a pipe resolves to a name
    # that is no path (/proc/<pid>/fd/pipe:[…]); stat follows it to the pipe itself
    if path.exists() and not path.is_file() and not path.is_dir():
        with open(path, mode, **kw) as direct:
            yield direct
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    # a run killed outright (SIGKILL, power loss) cannot clean up: its temporary file is
    # never the output itself, and the next write of the same output removes it
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a report is read by colleagues and
        # spreadsheet tools, so it gets what a plain open() would give: the old file's
        # mode, else 0666 less the umask
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, mode, **kw) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)  # the only way to read it; set straight back
        os.umask(umask)
        return 0o666 & ~umask


def _r4(x: float) -> float | str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 4)


#: First characters that make Excel, WPS or LibreOffice read a text cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A spreadsheet cell value that no spreadsheet evaluates (OWASP CSV injection).

    Text starting with one of :data:`FORMULA_PREFIXES` gets a leading ``'``; numbers
    and other text are returned as they are.

    Examples
    --------
    >>> safe_cell("=HYPERLINK(A1)"), safe_cell("-1"), safe_cell(-1.5)
    ("'=HYPERLINK(A1)", "'-1", -1.5)
    >>> safe_cell("张三.pdf")
    '张三.pdf'
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _failed_row(results: BatchResults, i: int) -> dict[str, Any]:
    return dict.fromkeys(COLUMNS, "") | {
        "file": results.files[i],
        "status": results.status[i],
        "language": results.language[i],
        "warnings": "; ".join(results.warnings[i]),
        "reason": results.reason[i],
    }


def _row_error(results: BatchResults, i: int, e: Exception) -> dict[str, Any]:
    """The row of a file whose report row could not be built: status ``error``."""
    return dict.fromkeys(COLUMNS, "") | {
        "file": results.files[i],
        "status": "error",
        "language": results.language[i],
        "warnings": "; ".join(results.warnings[i]),
        "reason": f"{type(e).__name__} while writing its report row: {e}",
    }


def best_reason(results: BatchResults, i: int) -> str:
    """The reason line of file ``i``'s best role (the long format's ``reason`` of its
    rank-1 role): the ``reason`` of a read file's row in the wide CSV and the Excel
    overview.

    A reason that cannot be read back (a bug) says so instead of stopping the report.
    """
    best = int(np.argmin(results.role_rank[i]))
    try:
        return results.match_reason(i, best)
    except Exception as e:  # noqa: BLE001 - one file's reason must not stop the report
        return str(_row_error(results, i, e)["reason"])


def long_rows(
    results: BatchResults, top_k: int | None = None, min_score: float | None = None
) -> Iterator[dict[str, Any]]:
    """Long-format rows (:data:`~rolematch.results.COLUMNS`), scores rounded to 4 places,
    in :meth:`~rolematch.results.BatchResults.long_pairs` order.

    A file whose rows cannot be built (a bug) gets one row with status ``error`` instead.
    """
    failed = -1
    for i, r in results.long_pairs(top_k, min_score):
        if i == failed:
            continue
        if r is None:
            yield _failed_row(results, i) | {"reason": results.row_reason(i, min_score)}
            continue
        try:
            row = {
                "file": results.files[i],
                "status": results.status[i],
                "language": results.language[i],
                "role_id": results.role_ids[r],
                "role_title": results.role_titles[r],
                "score": _r4(results.score[i, r]),
                "keyword_score": _r4(results.keyword[i, r]),
                "semantic_score": _r4(results.semantic[i, r]),
                "facet_score": _r4(results.facet[i, r]),
                "role_rank": int(results.role_rank[i, r]),
                "resume_rank": int(results.resume_rank[i, r]),
                "warnings": "; ".join(results.warnings[i]),
                "reason": results.match_reason(i, r),
            }
        except Exception as e:  # noqa: BLE001 - one file's row must not stop the report
            failed = i
            yield _row_error(results, i, e)
            continue
        yield row


def jsonl_records(
    results: BatchResults, top_k: int | None = None, min_score: float | None = None
) -> Iterator[dict[str, Any]]:
    """One record per kept (file, role) with the full explanation; one per unreadable file.

    Keys: ``file, status, language, role_id, role_title, score, keyword_score,
    semantic_score, facet_score, role_rank, resume_rank, reason, warnings, weights,
    raw_score, matched_keywords, missing_keywords, evidence, facets`` (``null`` scores
    and role for a file that could not be read).
    """
    failed = -1
    for i, r in results.long_pairs(top_k, min_score):
        if i == failed:
            continue
        warnings = list(results.warnings[i])
        if r is None:
            yield {
                "file": results.files[i],
                "status": results.status[i],
                "language": results.language[i],
                "role_id": None,
                "role_title": None,
                "score": None,
                "reason": results.row_reason(i, min_score),
                "warnings": warnings,
            }
            continue
        try:
            d = results.explanation(i, r).to_dict()
            d.pop("source", None)
            head = {
                "file": results.files[i],
                "status": results.status[i],
                "language": results.language[i],
                "role_id": d.pop("role_id"),
                "role_title": d.pop("role_title"),
                "score": d.pop("score"),
                "keyword_score": d.pop("keyword_score"),
                "semantic_score": d.pop("semantic_score"),
                "facet_score": d.pop("facet_score"),
                "role_rank": int(results.role_rank[i, r]),
                "resume_rank": int(results.resume_rank[i, r]),
                "reason": d.pop("reason"),
                "warnings": warnings,
            }
        except Exception as e:  # noqa: BLE001 - one file's record must not stop the report
            failed = i
            row = _row_error(results, i, e)
            yield {k: row[k] for k in ("file", "status", "language", "reason")} | {
                "role_id": None,
                "role_title": None,
                "score": None,
                "warnings": warnings,
            }
            continue
        yield head | d


def write_csv(rows: Iterable[dict[str, Any]], path: str | Path | IO[str]) -> int:
    """Write long-format rows as UTF-8 CSV with a BOM (Excel then reads the Chinese
    right), text cells made formula-safe (:func:`safe_cell`); returns the number of
    rows. ``path`` may be an open text stream."""
    with _text_out(path, encoding="utf-8-sig") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS), extrasaction="ignore")
        w.writeheader()
        n = 0
        for row in rows:
            w.writerow({k: safe_cell(v) for k, v in row.items()})
            n += 1
    return n


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path | IO[str]) -> int:
    """One JSON object per line, UTF-8, Chinese kept readable; returns the line count."""
    with _text_out(path, encoding="utf-8") as f:
        n = 0
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def wide_header(results: BatchResults) -> list[str]:
    """Columns of the wide CSV: ``file, status, best_role, best_score``, one per role id,
    then ``warnings`` and ``reason`` (as in the long format)."""
    return ["file", "status", "best_role", "best_score", *results.role_ids, "warnings", "reason"]


def write_wide_csv(
    results: BatchResults,
    path: str | Path | IO[str],
    top_k: int | None = None,
    min_score: float | None = None,
) -> int:
    """The résumé × role score matrix, one row per file (UTF-8 with BOM, formula-safe).

    A cell is empty where the pair is not kept (``top_k``: the résumé's best roles;
    ``min_score``) and for a file that could not be read, whose ``reason`` says why. A
    read file's ``reason`` is its best role's, as in the long format's row of its
    rank-1 role (:func:`best_reason`). A file no role reaches ``min_score`` for has no
    best role, and its ``reason`` is the long format's (``no role scores S or more;
    best: …``). ``warnings`` is the long format's too (``duplicate: same text as …``,
    ``short_text: …``, joined by ``"; "``), for every file, read or not. Returns the
    number of rows.
    """
    keep = results.keep("resume", top_k, min_score)
    with _text_out(path, encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow([safe_cell(c) for c in wide_header(results)])
        for i, file in enumerate(results.files):
            warnings = "; ".join(results.warnings[i])
            if not results.ok(i) or not keep[i].any():
                row: list[Any] = [file, results.status[i], "", "", *[""] * results.n_roles]
                row += [warnings, results.row_reason(i, min_score)]
            else:
                best = int(np.argmin(results.role_rank[i]))
                cells = [
                    _r4(s) if k else "" for s, k in zip(results.score[i], keep[i], strict=True)
                ]
                row = [file, "ok", results.role_ids[best], _r4(results.score[i, best]), *cells]
                row += [warnings, best_reason(results, i)]
            w.writerow([safe_cell(c) for c in row])
    return len(results)


@contextmanager
def _text_out(path: str | Path | IO[str], encoding: str) -> Iterator[IO[str]]:
    if isinstance(path, io.TextIOBase) or hasattr(path, "write"):
        yield path  # type: ignore[misc]
        return
    with atomic_write(path, "w", encoding=encoding, newline="", errors="replace") as f:
        yield f


def short_names(files: Sequence[str]) -> list[str]:
    """Each file's name, with as many of its folders as tell it from the others.

    Examples
    --------
    >>> short_names(["in/a/cv.txt", "in/b/cv.txt", "in/b/王芳.pdf"])
    ['a/cv.txt', 'b/cv.txt', '王芳.pdf']
    """
    parts = [Path(f).parts for f in files]
    depth = [1] * len(files)
    while True:
        names = ["/".join(p[-d:]) for p, d in zip(parts, depth, strict=True)]
        seen: dict[str, list[int]] = {}
        for i, n in enumerate(names):
            seen.setdefault(n, []).append(i)
        grow = [i for ids in seen.values() if len(ids) > 1 for i in ids if depth[i] < len(parts[i])]
        if not grow:
            return names
        for i in grow:
            depth[i] += 1


def to_text(results: BatchResults, top_k: int | None = 3, min_score: float | None = None) -> str:
    """A plain-text table for the terminal: each file's best roles, bad files with reasons.

    A file with warnings (the long format's ``warnings``: ``duplicate: same text as …``,
    ``short_text: …``) has a mark after its name, ``[1]``, ``[2]`` …, and below the
    table each mark's file is listed with its warnings, one a line. Control and format
    characters in names, titles, reasons and warnings show as escapes (``\\x1b``), so
    nothing a file is named can drive the terminal.
    """
    lines = []
    names = [printable(n) for n in short_names(results.files)]
    warned = [i for i, ws in enumerate(results.warnings) if ws]
    marks = {i: f"[{n}]" for n, i in enumerate(warned, 1)}
    # the mark goes into the name's column, so every row's numbers stay in line
    names = [n + (f" {marks[i]}" if i in marks else "") for i, n in enumerate(names)]
    name_w = max([display_width(n) for n in names] + [4])
    # padded by terminal cells, so that Chinese names keep the columns in line
    names = [n + " " * (name_w - display_width(n)) for n in names]
    head = f"{'file':<{name_w}}  {'rank':>4}  {'score':>5}  {'kw':>5}  {'sem':>5}  role"
    lines.append(head)
    lines.append("-" * (len(head) + 20))
    keep = results.keep("resume", top_k, min_score)
    for i, name in enumerate(names):
        if not results.ok(i):
            why = printable(results.reason[i])
            lines.append(f"{name}  {'-':>4}  {results.status[i]}: {why}")
            continue
        first = True
        for r in np.argsort(results.role_rank[i], kind="stable"):
            if not keep[i, r]:
                continue
            role = printable(f"{results.role_ids[r]} ({results.role_titles[r]})")
            lines.append(
                f"{name if first else ' ' * name_w}  {results.role_rank[i, r]:>4}  "
                f"{results.score[i, r]:5.2f}  {results.keyword[i, r]:5.2f}  "
                f"{results.semantic[i, r]:5.2f}  {role}"
            )
            first = False
        if first:
            lines.append(f"{name}  {'-':>4}  no role scores {min_score} or more")
    if warned:
        lines += ["", "warnings:"]
        for i in warned:
            indent = " " * (len(marks[i]) + 1)
            first_note, *more = (printable(w) for w in results.warnings[i])
            lines.append(f"{marks[i]} {printable(Path(results.files[i]).name)}: {first_note}")
            lines += [indent + w for w in more]
    return "\n".join(lines) + "\n"


def write_results(
    results: BatchResults,
    out: str | Path | IO[str],
    fmt: str | None = None,
    *,
    top_k: int | None = None,
    min_score: float | None = None,
    model: str | None = None,
) -> str:
    """Write a batch's results in one of :data:`FORMATS`, as ``rolematch score -o``
    does; returns what was written (``"54 rows"``).

    ``fmt`` defaults to the one the file name asks for (:func:`format_for`); a stream
    (``sys.stdout``) needs it, and Excel needs a file. ``model`` is named in the HTML
    report.
    """
    if fmt is None:
        if not isinstance(out, str | Path):
            raise ValueError(
                "The 'fmt' parameter of write_results is needed when 'out' is a stream. "
                f"Got fmt=None and out={out!r:.60} instead."
            )
        fmt = format_for(out)
    if fmt == "csv":
        return f"{write_csv(long_rows(results, top_k, min_score), out)} rows"
    if fmt == "wide-csv":
        return f"{write_wide_csv(results, out, top_k, min_score)} rows"
    if fmt == "jsonl":
        return f"{write_jsonl(jsonl_records(results, top_k, min_score), out)} records"
    if fmt == "xlsx":
        from rolematch.excel import write_xlsx

        if not isinstance(out, str | Path):
            raise ValueError(
                f"The 'out' parameter of write_results must be a file for Excel. Got {out!r:.60}"
            )
        n = write_xlsx(results, out, top_k, min_score)
        return f"{results.n_roles} role sheets, {n} shortlist rows"
    if fmt == "html":
        from rolematch.html_report import write_html
        from rolematch.language import highlight_variants

        # matched keywords are Simplified; a Traditional résumé shows them its own way
        n = write_html(
            results, out, top_k, min_score, variants=highlight_variants(), meta={"model": model}
        )
        return f"{n} shortlist entries"
    raise ValueError(
        f"The 'fmt' parameter of write_results must be one of {sorted(FORMATS)}. "
        f"Got {fmt!r} instead."
    )
