"""The rows of a spreadsheet's first sheet (the ``excel`` extra): job-board exports
(:mod:`rolematch.io.posting_exports`) and a team's decision sheets
(:func:`rolematch.learn.read_decisions`) read workbooks the same way."""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path
from typing import Any

__all__ = ["Formula", "sheet_rows"]


class Formula(str):
    """A formula cell with no value saved with it (a workbook written by a program
    and never opened in Excel): the formula's text, which is no value of the cell."""


def sheet_rows(
    path: str | Path, sheet: int = 0, *, formulas: bool = False
) -> tuple[list[str], list[tuple[int, tuple[Any, ...]]]]:
    """The header (names, stripped; ``""`` for an empty cell) and the other non-blank
    rows of a workbook's first sheet (or sheet number ``sheet``, from 0), each with
    its row number (the header is row 1). ``IndexError`` when there is no such sheet.

    A formula cell holds the value saved with it; one with none is None, or with
    ``formulas`` a :class:`Formula`, so that a caller can say which cell it was.

    Raises whatever openpyxl raises on a file it cannot read: callers name the file in
    their own error.
    """
    cells = _cells(path, sheet, data_only=True)
    if formulas:
        # a second read for the formulas: openpyxl gives a cell's value or formula
        raw = _cells(path, sheet, data_only=False)
        cells = [
            tuple(
                Formula(f) if v is None and isinstance(f, str) and f.startswith("=") else v
                for v, f in zip_longest(r, fr)
            )[: len(r)]
            for r, fr in zip(cells, raw, strict=False)
        ]
    header = ["" if h is None else str(h).strip() for h in (cells[0] if cells else ())]
    rows = [
        (no, r)
        for no, r in enumerate(cells[1:], start=2)
        if r and any(v not in (None, "") for v in r)
    ]
    return header, rows


def _cells(path: str | Path, sheet: int, *, data_only: bool) -> list[tuple[Any, ...]]:
    from rolematch._optional import import_optional

    openpyxl = import_optional("openpyxl", extra="excel")
    book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    try:
        return [tuple(r) for r in book.worksheets[sheet].iter_rows(values_only=True)]
    finally:
        book.close()
