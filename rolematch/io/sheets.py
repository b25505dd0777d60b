"""The rows of a spreadsheet's first sheet (the ``excel`` extra): job-board exports
(:mod:`rolematch.io.posting_exports`) and a team's decision sheets
(:func:`rolematch.learn.read_decisions`) read workbooks the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["sheet_rows"]


def sheet_rows(
    path: str | Path, sheet: int = 0
) -> tuple[list[str], list[tuple[int, tuple[Any, ...]]]]:
    """The header (names, stripped; ``""`` for an empty cell) and the other non-blank
    rows of a workbook's first sheet (or sheet number ``sheet``, from 0), each with
    its row number (the header is row 1). ``IndexError`` when there is no such sheet.

    Raises whatever openpyxl raises on a file it cannot read: callers name the file in
    their own error.
    """
    from rolematch._optional import import_optional

    openpyxl = import_optional("openpyxl", extra="excel")
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        cells = [tuple(r) for r in book.worksheets[sheet].iter_rows(values_only=True)]
    finally:
        book.close()
    header = ["" if h is None else str(h).strip() for h in (cells[0] if cells else ())]
    rows = [
        (no, r)
        for no, r in enumerate(cells[1:], start=2)
        if r and any(v not in (None, "") for v in r)
    ]
    return header, rows
