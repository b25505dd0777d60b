"""Ruled tables of a PDF page, read row by row.

A CV typed as a table with borders (an HTML table printed by a browser, a Word or
WPS form) has its labels in one column and their values in the next; read by
geometry alone, a narrow label column beside long wrapped cells looks like a
column of text, and 姓名 ends up away from 李华. Where the page draws the grid, the
grid says which glyphs share a cell: the horizontal and vertical rules are taken
from PDFium's path objects (:func:`_rulings`), each glyph is put in the cell its
nearest rules close around it (:func:`_cells`), and each row of cells becomes one
block of text (:func:`_row_text`) that the layout engine places by its box and
never joins to another line.

Only a grid counts: a row of at least two closed cells holding text. A box drawn
round a section, or rules under headings, are no table, and their glyphs are laid
out as before.
"""

from __future__ import annotations

import ctypes
import statistics
from collections.abc import Sequence
from typing import Any

from rolematch.io import _layout
from rolematch.io._layout import Char, Line
from rolematch.sections import is_heading_line

__all__ = ["layout_page"]

_Rule = tuple[float, float, float]  # position across, start, end along
_Box = tuple[float, float, float, float]  # x0, top, x1, bottom

#: a filled rectangle thinner than this (points) is a drawn rule
_THIN = 3.0
#: how far (points) a rule may stop short of the cell corner it should reach
_SLACK = 2.5


def layout_page(page: Any, chars: Sequence[Char], upright: bool = True) -> str:
    """The page's text in reading order, the rows of its ruled tables row by row."""
    rulings = _rulings(page) if upright and page.get_rotation() % 360 == 0 else None
    if not rulings or not chars:
        return _layout.layout_text(chars, is_heading=is_heading_line)
    loose, blocks = _table_blocks(chars, *rulings)
    lines = _layout.layout_lines(loose, is_heading=is_heading_line, blocks=blocks)
    return "\n".join(ln.text for ln in lines)


def _rulings(page: Any) -> tuple[list[_Rule], list[_Rule]] | None:
    """Horizontal (y, x0, x1) and vertical (x, top, bottom) rules, in points from the
    page's top left; None when there are too few for a grid."""
    import pypdfium2.raw as pdfium_c

    left, _, _, top = page.get_cropbox()
    horiz: list[_Rule] = []
    vert: list[_Rule] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    bounds = [ctypes.c_float() for _ in range(4)]
    matrix = pdfium_c.FS_MATRIX()
    px, py = ctypes.c_float(), ctypes.c_float()

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        x0, x1 = sorted((x0 - left, x1 - left))
        y0, y1 = sorted((top - y0, top - y1))
        if y1 - y0 <= _THIN and x1 - x0 > 2 * _THIN:
            horiz.append(((y0 + y1) / 2, x0, x1))
        elif x1 - x0 <= _THIN and y1 - y0 > 2 * _THIN:
            vert.append(((x0 + x1) / 2, y0, y1))

    raw = page.raw
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            continue
        if not stroke.value:
            if fill.value and pdfium_c.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, bounds)):
                add(*(b.value for b in bounds))  # a thin filled rectangle: a rule
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        m = matrix
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(px), ctypes.byref(py)):
                continue
            x, y = px.value, py.value
            p = (m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and points:
                add(*points[-1], *p)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = p
            points.append(p)
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                add(*p, *start)
    if len(horiz) < 2 or len(vert) < 3:
        return None
    return horiz, vert


def _cell_of(ch: Char, horiz: Sequence[_Rule], vert: Sequence[_Rule]) -> _Box | None:
    """The closed cell round a glyph's centre: the nearest rule on each side, each
    reaching the corners the others make."""
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    above = [h for h in horiz if h[0] < cy and h[1] - _SLACK <= cx <= h[2] + _SLACK]
    below = [h for h in horiz if h[0] > cy and h[1] - _SLACK <= cx <= h[2] + _SLACK]
    lefts = [v for v in vert if v[0] < cx and v[1] - _SLACK <= cy <= v[2] + _SLACK]
    rights = [v for v in vert if v[0] > cx and v[1] - _SLACK <= cy <= v[2] + _SLACK]
    if not (above and below and lefts and rights):
        return None
    t, b = max(above)[0], min(below)[0]
    x0, x1 = max(lefts)[0], min(rights)[0]
    if ch.x0 < x0 - _SLACK or ch.x1 > x1 + _SLACK or ch.top < t - _SLACK or ch.bottom > b + _SLACK:
        return None  # a glyph across a rule is no cell's

    def spans(rules: Sequence[_Rule], at: float, lo: float, hi: float) -> bool:
        return any(
            abs(r[0] - at) <= _SLACK and r[1] <= lo + _SLACK and r[2] >= hi - _SLACK for r in rules
        )

    if not (
        spans(horiz, t, x0, x1)
        and spans(horiz, b, x0, x1)
        and spans(vert, x0, t, b)
        and spans(vert, x1, t, b)
    ):
        return None
    return round(x0, 1), round(t, 1), round(x1, 1), round(b, 1)


def _table_blocks(
    chars: Sequence[Char], horiz: list[_Rule], vert: list[_Rule]
) -> tuple[list[Char], list[Line]]:
    """Glyphs outside any grid, and one block per row of each grid."""
    cells: dict[_Box, list[Char]] = {}
    loose: list[Char] = []
    for ch in chars:
        box = _cell_of(ch, horiz, vert)
        if box is None:
            loose.append(ch)
        else:
            cells.setdefault(box, []).append(ch)
    # rows: cells whose tops and bottoms meet the same rules; a grid needs a row of two
    rows: dict[tuple[float, float], list[_Box]] = {}
    for box in cells:
        rows.setdefault((box[1], box[3]), []).append(box)
    in_grid = {box for key, boxes in rows.items() if len(boxes) >= 2 for box in boxes}
    # a row of one cell (a heading across the table) counts when the grid touches it
    for box in cells:
        if box not in in_grid and any(_touches(box, other) for other in in_grid):
            in_grid.add(box)
    blocks: list[Line] = []
    for box in sorted(cells, key=lambda b: (b[1], b[0])):
        if box not in in_grid:
            loose.extend(cells[box])
    grid_rows = sorted({(b[1], b[3]) for b in in_grid})
    margins = _margins(cells, in_grid)
    for t, b in grid_rows:
        boxes = sorted((x for x in in_grid if (x[1], x[3]) == (t, b)), key=lambda x: x[0])
        text = _row_text([_paragraphs(cells[x], margins[x[0]]) for x in boxes])
        glyphs = [c for x in boxes for c in cells[x]]
        size = statistics.median(c.size for c in glyphs)
        x0, x1 = min(x[0] for x in boxes), max(x[2] for x in boxes)
        blocks.append(Line(text, x0, t, x1, b, size, (x0, x1), table=True))
    return loose, blocks


def _touches(a: _Box, b: _Box) -> bool:
    across = min(a[2], b[2]) - max(a[0], b[0])
    return across > 0 and (abs(a[3] - b[1]) <= _SLACK or abs(a[1] - b[3]) <= _SLACK)


def _margins(cells: dict[_Box, list[Char]], grid: set[_Box]) -> dict[float, float]:
    """Per left rule: the furthest right the text of that table column reaches."""
    out: dict[float, float] = {}
    for box in grid:
        reach = max(c.x1 for c in cells[box])
        out[box[0]] = max(out.get(box[0], 0.0), reach)
    return out


def _paragraphs(chars: Sequence[Char], margin: float) -> list[str]:
    """A cell's text: its lines, those the cell's right margin broke joined again."""
    lines = _layout.layout_lines(chars, is_heading=is_heading_line)
    out: list[str] = []
    prev: Line | None = None
    for ln in lines:
        joint = (
            _layout.wrap_joiner(out[-1], ln.text)
            if prev is not None
            and prev.last_x1 + ln.lead >= margin - 0.3 * ln.size
            and not is_heading_line(ln.text)
            else None
        )
        if joint is not None:
            out[-1] += joint + ln.text
        else:
            out.append(ln.text)
        prev = ln
    return out


def _row_text(cells: Sequence[list[str]]) -> str:
    """A row of cells on one line (label beside value); cells of several paragraphs
    (a layout table: a sidebar beside the main text) one after the other."""
    filled = [c for c in cells if c]
    if all(len(c) == 1 for c in filled):
        return " ".join(c[0] for c in filled)
    return "\n".join(p for c in filled for p in c)
