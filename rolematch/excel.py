"""Excel shortlists (``.xlsx``): the workbook a recruiter filters and forwards.

Sheets, in order:

``总览 Overview``
    One row per file: status, best role and score, then every role's score (the
    résumé × role matrix), and a reason: the best role's reason line (as in the long
    CSV's row of its rank-1 role), or why a file could not be read. Under
    ``min_score`` it follows the filter as the wide CSV does: a score below it is
    blank, and a file no role reaches it for has no best role and says so in ``reason``
    (``no role scores S or more; best: …``). A ``warnings`` column before ``reason``
    holds the file's warnings as the wide CSV does (``duplicate: same text as …``),
    read or not.
one sheet per role (named after the role's title)
    Its shortlist in rank order: rank, file, score, the three components, the role's
    rank for the résumé, matched and missing keywords, the three best duty ⇐ sentence
    evidence pairs, warnings.
``无法读取 Unreadable``
    Files that could not be read, with status and reason.

Text cells are typed as strings (``t="inlineStr"``), never formulas or error values,
and hold the text exactly as it is (a candidate names the file: ``=bad.pdf`` shows as
``=bad.pdf`` and matches the file on disk); a text starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return also gets Excel's quote-prefix style, so editing the
cell keeps it text. (The CSV, which has no cell types, gets a leading ``'`` instead.)
Characters an XLSX file cannot hold (control characters in a file name, a broken link's
target or a role title) show as U+FFFD, and a text past Excel's 32,767 characters is
cut to end in ``…`` (:func:`excel_text`); the CSV keeps both as they are.
Every sheet has a frozen, bold header row, an auto-filter and column widths that fit
the content (CJK characters count double). The workbook is written in openpyxl's
write-only mode, row by row, so memory stays flat however large the batch. Needs the
``excel`` extra: ``pip install 'rolematch[excel]'``.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np

from rolematch._optional import import_optional
from rolematch.explain import Explanation, team_text
from rolematch.io._own_outputs import OVERVIEW_SHEET
from rolematch.report import FORMULA_PREFIXES, atomic_write, best_reason
from rolematch.results import BatchResults, distinct_names
from rolematch.text import display_width

__all__ = ["ROLE_COLUMNS", "excel_text", "write_xlsx"]

#: Columns of a role sheet.
ROLE_COLUMNS = (
    "rank",
    "file",
    "score",
    "keyword_score",
    "semantic_score",
    "facet_score",
    "role_rank",
    "matched_keywords",
    "missing_keywords",
    "evidence_1",
    "evidence_2",
    "evidence_3",
    "team_preference",
    "warnings",
    "path",
)
_SCORE_COLUMNS = {"score", "keyword_score", "semantic_score", "facet_score"}
_MAX_WIDTH = 60
_SAMPLE = 200  # rows looked at to size the columns
_OVERVIEW, _UNREADABLE = OVERVIEW_SHEET, "无法读取 Unreadable"  # reports are told by it
_RESERVED = "history"  # Excel's own sheet name (any case): a workbook using it needs repair
_MAX_CELL = 32_767  # Excel's limit, in UTF-16 units
# what XML 1.0 cannot hold: openpyxl's control characters, lone surrogates, U+FFFE/FFFF
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def excel_text(text: str) -> str:
    r"""``text`` as an XLSX cell can hold it: each character XML cannot hold becomes
    U+FFFD (visible, so two names that differ only there stay apart), and a text past
    Excel's 32,767 characters is cut to end in ``…`` (openpyxl and Excel cut silently).

    Examples
    --------
    >>> excel_text("a\x01b.txt"), excel_text("岗" * 40_000)[-3:], excel_text("张三.pdf")
    ('a�b.txt', '岗岗…', '张三.pdf')
    """
    text = _NOT_XML.sub("\ufffd", text)
    if len(text) * 2 <= _MAX_CELL or len(text.encode("utf-16-le")) // 2 <= _MAX_CELL:
        return text
    units = 0
    for k, ch in enumerate(text):  # a character outside the BMP is two units in Excel
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > _MAX_CELL - 1:
            return text[:k] + "…"
    return text


def _width(value: Any) -> int:
    return display_width("" if value is None else str(value))


def _role_labels(titles: Sequence[str], ids: Sequence[str]) -> list[str]:
    """Each role's title, with its id where another role has the same title (two
    branches' 对公客户经理 made two columns of one heading).

    Examples
    --------
    >>> _role_labels(["客服主管", "对公客户经理", "对公客户经理"], ["cs", "rm", "rm-2"])
    ['客服主管', '对公客户经理 (rm)', '对公客户经理 (rm-2)']
    """
    seen = Counter(titles)
    return [f"{t} ({i})" if seen[t] > 1 else t for t, i in zip(titles, ids, strict=True)]


def _sheet_title(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", _NOT_XML.sub("\ufffd", title)).strip("'") or "role"
    name, n = base[:31], 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _evidence(e: Explanation, k: int) -> str:
    """The ``k``-th duty the résumé supports, with its sentence; "" past the last (an
    unsupported duty's closest sentence is no evidence)."""
    supported = e.supported_evidence
    if len(supported) <= k or not supported[k].sentence:
        return ""
    ev = supported[k]
    page = f" (p.{ev.page})" if ev.page else ""
    return f"{ev.duty} ⇐ {ev.sentence}{page} [{ev.support:.2f}]"


def _num(x: float) -> float | None:
    return None if x is None or math.isnan(x) else round(float(x), 4)


def _text_cell(ws: Any, text: str) -> Any:
    """A cell that holds ``text`` exactly, as a string: never a formula or an error value,
    whatever it starts with.

    openpyxl types a ``str`` starting with ``=`` as a formula (and ``#N/A`` as an error)
    when the value is assigned; the type set afterwards is what it writes, an inline
    string. A leading ``'`` (the CSV's escape) would show in Excel, which keeps it for a
    typed string: the quote-prefix style marks the cell instead, as Excel does for a
    typed ``'=…``, so an edit of the cell does not turn it into a formula either.
    """
    from openpyxl.cell import WriteOnlyCell

    value = excel_text(text)
    c = WriteOnlyCell(ws, value=value)
    c.data_type = "s"
    if value.startswith(FORMULA_PREFIXES):
        c.quotePrefix = True
    return c


class _Sheet:
    """A write-only sheet whose widths are sized from the first rows before writing."""

    def __init__(
        self,
        wb: Any,
        title: str,
        header: Sequence[str],
        n_rows: int,
        score_columns: Collection[str] = _SCORE_COLUMNS,
    ) -> None:
        self.ws = wb.create_sheet(title)
        self.header = list(header)
        self.scores = set(score_columns)
        self.n_rows = n_rows
        self.pending: list[list[Any]] = []
        self.started = False

    def append(self, row: list[Any]) -> None:
        if self.started:
            self._write(row)
            return
        self.pending.append(row)
        if len(self.pending) >= _SAMPLE:
            self._start()

    def _start(self) -> None:
        from openpyxl.utils import get_column_letter

        ws = self.ws
        for j, name in enumerate(self.header):
            w = max([_width(name)] + [_width(r[j]) for r in self.pending if j < len(r)])
            if name in self.scores:
                w = max(w, 6)
            ws.column_dimensions[get_column_letter(j + 1)].width = min(_MAX_WIDTH, w + 2)
        ws.freeze_panes = "A2"
        last = get_column_letter(len(self.header))
        ws.auto_filter.ref = f"A1:{last}{self.n_rows + 1}"
        self._write_header()
        self.started = True
        for row in self.pending:
            self._write(row)
        self.pending = []

    def _write_header(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        cells = []
        for name in self.header:
            c = _text_cell(self.ws, name)
            c.font = Font(bold=True)
            c.fill = PatternFill("solid", fgColor="E8EEF7")
            c.alignment = Alignment(vertical="center")
            cells.append(c)
        self.ws.append(cells)

    def _write(self, row: list[Any]) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells: list[Any] = []
        for name, value in zip(self.header, row, strict=False):
            if name in self.scores and value is not None and value != "":
                c = WriteOnlyCell(self.ws, value=value)
                c.number_format = "0.00"
                cells.append(c)
            elif isinstance(value, str):
                cells.append(_text_cell(self.ws, value))
            else:
                cells.append(value)
        self.ws.append(cells)

    def close(self) -> None:
        if not self.started:
            self._start()


def write_xlsx(
    results: BatchResults,
    path: str | Path | IO[bytes],
    top_k: int | None = None,
    min_score: float | None = None,
) -> int:
    """Write the Excel workbook of a finished :class:`~rolematch.results.BatchResults`.

    Parameters
    ----------
    results : BatchResults
    path : path or binary stream
        Written atomically (temporary name, then rename) when a path.
    top_k : int, optional
        Each role sheet keeps its best ``top_k`` résumés (default: all).
    min_score : float, optional
        Role sheets leave out résumés scoring below it, and the overview blanks such
        scores (a file no role reaches it for has no best role, and ``reason`` says so).

    Returns
    -------
    int
        Rows written to the role sheets.

    Raises
    ------
    MissingDependencyError
        openpyxl is not installed (``pip install 'rolematch[excel]'``).
    """
    openpyxl = import_optional("openpyxl", extra="excel")
    wb = openpyxl.Workbook(write_only=True)
    keep = results.keep("role", top_k, min_score)
    # the fixed sheets keep their names, and Excel's own stays free: such a role gets " (2)"
    taken = {_OVERVIEW.lower(), _UNREADABLE.lower(), _RESERVED}

    # Overview: the score matrix
    # warnings as the wide CSV has them: the Overview is the sheet people read
    labels = _role_labels(results.role_titles, results.role_ids)
    header = ["file", "status", "best_role", "best_score", *labels, "warnings", "reason"]
    scores = {*labels, "best_score"}
    overview = _Sheet(wb, _OVERVIEW, header, len(results), scores)
    # the matrix follows min_score as the wide CSV does (top_k is the role sheets')
    passed = results.keep("resume", None, min_score)
    for i, file in enumerate(results.files):
        warnings = "; ".join(results.warnings[i]) or None  # blank, not "", when none
        if not results.ok(i) or not passed[i].any():
            overview.append(
                [file, results.status[i], None, None, *[None] * results.n_roles,
                 warnings, results.row_reason(i, min_score)]
            )  # fmt: skip
            continue
        best = int(np.argmin(results.role_rank[i]))
        overview.append(
            [
                file,
                "ok",
                labels[best],
                _num(results.score[i, best]),
                *[_num(s) if k else None for s, k in zip(results.score[i], passed[i], strict=True)],
                warnings,
                best_reason(results, i),
            ]  # fmt: skip
        )
    overview.close()

    rows = 0
    names = distinct_names(results.files)  # 张三/简历.pdf beside 李四/简历.pdf
    for r in range(results.n_roles):
        chosen = np.flatnonzero(keep[:, r])
        chosen = chosen[np.argsort(results.resume_rank[chosen, r], kind="stable")]
        sheet = _Sheet(wb, _sheet_title(labels[r], taken), ROLE_COLUMNS, len(chosen))
        for i in map(int, chosen):
            warnings = "; ".join(results.warnings[i])
            try:
                e = results.explanation(i, r)
                details = [
                    "、".join(f"{k.shown}×{k.count}" for k in e.matched_keywords[:15]),
                    "、".join(k.word for k in e.missing_keywords[:10]),
                    _evidence(e, 0),
                    _evidence(e, 1),
                    _evidence(e, 2),
                    # a learned profile's word preferences this résumé meets (log-odds)
                    team_text(e.term_bonus),
                ]
            except Exception as ex:  # noqa: BLE001 - one row's details must not stop the report
                details = [""] * 6
                warnings = "; ".join([*results.warnings[i], f"explanation: {type(ex).__name__}"])
            sheet.append(
                [
                    int(results.resume_rank[i, r]),
                    names[i],
                    _num(results.score[i, r]),
                    _num(results.keyword[i, r]),
                    _num(results.semantic[i, r]),
                    _num(results.facet[i, r]),
                    int(results.role_rank[i, r]),
                    *details,
                    warnings,
                    results.files[i],
                ]
            )
            rows += 1
        sheet.close()

    bad = results.failures()
    sheet = _Sheet(
        wb, _UNREADABLE, ["file", "status", "reason", "warnings"],
        len(bad),
    )  # fmt: skip
    for i in bad:
        sheet.append(
            [results.files[i], results.status[i], results.reason[i], "; ".join(results.warnings[i])]
        )
    sheet.close()

    if isinstance(path, str | Path) and not _is_stream(Path(path)):
        with atomic_write(path, "wb") as f:
            wb.save(f)
        return rows
    # a pipe (-o /dev/stdout) or a stream gets the finished bytes in one write: saved
    # straight to it, a reader that leaves early broke the save half-way, and the zip
    # and XML writers left behind printed their tracebacks at exit
    buffer = io.BytesIO()
    wb.save(buffer)
    if isinstance(path, str | Path):
        with atomic_write(path, "wb") as f:
            f.write(buffer.getbuffer())
    else:
        path.write(buffer.getbuffer())
    return rows


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is a device or a pipe (written in place, not renamed over)."""
    try:
        return path.exists() and not path.is_file() and not path.is_dir()
    except OSError:
        return False
