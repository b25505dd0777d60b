"""Glyphs with boxes -> lines in reading order: the layout engine of PDF and OCR pages.

:func:`layout_lines` takes :class:`Char` objects (a glyph, its box in points, its
font size) from any source: the PDF text layer (:mod:`rolematch.io._pdf`) and OCR
(:mod:`rolematch.io._ocr`, which shares each recognised line's box out among its
glyphs) both lay their pages out here.

1. **Rows and segments** (:func:`_segments`): glyphs are grouped into rows by
   vertical centre, then into runs split at gaps wider than a word space.
2. **Recursive XY-cut** (:func:`_xycut`): a region is cut at the widest vertical
   gutter that separates two columns (:func:`_split_kind` tells columns from the
   cells of a label/value table, which stay row by row); full-width headers and
   footers are peeled off a two-column body first; otherwise the region is cut
   between rows, widest gap first.
3. **Wrapped lines joined** (:func:`rolematch.io._wraps.join_wraps`): a line that a column's right
   margin broke is joined to the next, unless that line opens a list item, a
   field (``电话：``) or a heading. What counts as a heading is the caller's
   knowledge, passed in as ``is_heading`` (the engine knows no section words).

This module imports nothing from the rest of the package but its wrap joining
(:mod:`rolematch.io._wraps`): it is geometry only.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from rolematch.io._wraps import is_ascii_word, join_wraps, wrap_joiner

__all__ = ["Char", "Line", "layout_lines", "layout_text", "wrap_joiner"]

#: A predicate on a raw line's text: whether it is a section heading.
HeadingTest = Callable[[str], bool]


def _no_heading(text: str) -> bool:
    return False


class Char:
    """One glyph: its text, box in points (origin top-left of the page as shown),
    font size in points, and whether a space precedes it in the text stream.

    ``size`` defaults to the box height; PDF readers give boxes that are sometimes
    only as high as the ink (``一``), so the font size is the steadier measure.
    (A plain slotted class: pages have thousands of glyphs, and a frozen dataclass
    costs several times more to build.)

    Examples
    --------
    >>> Char("简", 10, 20, 19, 30).size
    10.0
    """

    __slots__ = ("bottom", "size", "space_before", "text", "top", "x0", "x1")

    def __init__(
        self,
        text: str,
        x0: float,
        top: float,
        x1: float,
        bottom: float,
        size: float = 0.0,
        space_before: bool = False,
    ) -> None:
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.size = size if size > 0 else float(bottom - top)
        self.space_before = space_before

    def __repr__(self) -> str:
        return (
            f"Char({self.text!r}, {self.x0:.1f}, {self.top:.1f}, {self.x1:.1f}, "
            f"{self.bottom:.1f}, {self.size:.1f}, {self.space_before})"
        )


@dataclass(slots=True)
class Line:
    """A laid-out line: text, box, and the column it belongs to."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    column: tuple[float, float]
    lead: float = 0.0  # width of the first word: would it have fitted on the line above?
    spread: float = 0.0  # widest gap between the line's segments, in font sizes
    table: bool = False  # a row of a table: its cells do not wrap into the next row
    # geometry of the last physical line, when wrapped lines were joined
    last_x1: float = 0.0
    last_bottom: float = 0.0


@dataclass(slots=True)
class _Seg:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    lead: float  # width of the first unbreakable unit (a word, or a glyph and its punctuation)
    edge: bool = False  # starts at a column's left edge (see _column_edges)
    ruled: bool = False  # a row of a ruled table, laid out already (see layout_lines)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Row:
    segs: list[_Seg]
    top: float
    bottom: float
    size: float

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def _segments(chars: Iterable[Char]) -> list[_Seg]:
    """Group glyphs into rows by vertical centre, then into runs split at wide gaps."""
    ordered = sorted(chars, key=lambda c: c.top + c.bottom)
    rows: list[list[Char]] = []
    row: list[Char] = []
    row_cy = row_size = 0.0
    for c in ordered:
        cy = (c.top + c.bottom) / 2
        size = c.size
        if row and abs(cy - row_cy) <= 0.45 * (size if size > row_size else row_size):
            row.append(c)
            row_cy += (cy - row_cy) / len(row)
            if size > row_size:
                row_size = size
        else:
            row = [c]
            rows.append(row)
            row_cy, row_size = cy, size
    for row in rows:
        row.sort(key=lambda c: c.x0)
    edges = _column_edges(rows)
    segs: list[_Seg] = []
    for row in rows:
        run: list[Char] = [row[0]]
        prev = row[0]
        for c in row[1:]:
            if c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * max(prev.x1 - prev.x0, 1):
                continue  # the same glyph drawn twice (fake bold)
            size = c.size if c.size > prev.size else prev.size
            gap = c.x0 - prev.x1
            if gap > 0.8 * size or (gap > 0.3 * size and round(c.x0) in edges):
                segs.append(_make_seg(run, edges))
                run = []
            run.append(c)
            prev = c
        segs.append(_make_seg(run, edges))
    return segs


#: Rows that must start a run at the same x for it to count as a column's left edge.
_EDGE_ROWS = 3


def _column_edges(rows: Sequence[Sequence[Char]]) -> set[int]:
    """Left edges (whole points, with their neighbours) where several rows start a run.

    Rows of a sidebar and a main column drawn side by side at the same heights
    may leave a gutter narrower than a glyph (a Word table's cell padding): the
    main column's left edge, shared by many rows, still marks the boundary.
    """
    starts: dict[int, set[int]] = {}
    for i, row in enumerate(rows):
        prev = row[0]
        starts.setdefault(round(prev.x0), set()).add(i)
        for c in row[1:]:
            size = c.size if c.size > prev.size else prev.size
            if c.x0 - prev.x1 > 0.3 * size:
                starts.setdefault(round(c.x0), set()).add(i)
            prev = c
    edges: set[int] = set()
    for x in starts:
        near = starts.get(x - 1, set()) | starts[x] | starts.get(x + 1, set())
        if len(near) >= _EDGE_ROWS:
            edges.update((x - 1, x, x + 1))
    return edges


def _make_seg(run: list[Char], edges: Collection[int] = ()) -> _Seg:
    parts = [run[0].text]
    prev = run[0]
    top, bottom, x1 = prev.top, prev.bottom, prev.x1
    for c in run[1:]:
        size = c.size if c.size > prev.size else prev.size
        # A space in the text stream, or a gap wider than a word space (wider
        # between Chinese characters, which justification spreads apart).
        if c.space_before or c.x0 - prev.x1 > size * (
            0.5 if "\u4e00" <= c.text <= "\u9fff" and "\u4e00" <= prev.text <= "\u9fff" else 0.18
        ):
            parts.append(" ")
        parts.append(c.text)
        if c.top < top:
            top = c.top
        if c.bottom > bottom:
            bottom = c.bottom
        if c.x1 > x1:
            x1 = c.x1
        prev = c
    sizes = sorted(c.size for c in run)
    x0 = run[0].x0
    return _Seg(
        "".join(parts),
        x0,
        top,
        x1,
        bottom,
        sizes[len(sizes) // 2],
        _lead_width(run) - x0,
        round(x0) in edges,
    )


_NO_LINE_START = set("。，、；：？！）》」』”’.,;:?!)]}%")


def _lead_width(run: Sequence[Char]) -> float:
    """Right edge of the first unit a line breaker could not split.

    A Latin word, or one CJK glyph with the punctuation that may not start a line
    after it (Chinese line breaking keeps "练。" together).
    """
    i = 0
    if is_ascii_word(run[0].text):
        while (
            i + 1 < len(run)
            and is_ascii_word(run[i + 1].text)
            and not run[i + 1].space_before
            and run[i + 1].x0 - run[i].x1 < 0.18 * run[i].size
        ):
            i += 1
    while i + 1 < len(run) and run[i + 1].text in _NO_LINE_START:
        i += 1
    return run[i].x1


def _rows_of(segs: Sequence[_Seg]) -> list[_Row]:
    rows: list[_Row] = []
    for s in sorted(segs, key=lambda s: s.cy):
        if rows:
            r = rows[-1]
            if r.top <= s.cy <= r.bottom and abs(s.cy - r.cy) <= 0.5 * max(s.size, r.size):
                r.segs.append(s)
                r.top, r.bottom = min(r.top, s.top), max(r.bottom, s.bottom)
                r.size = max(r.size, s.size)
                continue
        rows.append(_Row([s], s.top, s.bottom, s.size))
    rows.sort(key=lambda r: r.top)
    return rows


def _aligned_share(rows: Sequence[_Row], others: Sequence[_Row]) -> float:
    hits = 0
    for r in rows:
        if any(abs(r.cy - o.cy) <= 0.5 * min(r.size, o.size) for o in others):
            hits += 1
    return hits / len(rows) if rows else 0.0


def _row_gap(rows: Sequence[_Row]) -> float:
    gaps = [b.top - a.bottom for a, b in zip(rows, rows[1:], strict=False)]
    return statistics.median(gaps) if gaps else 0.0


_COLUMNS, _TABLE, _NEITHER = "columns", "table", "neither"


def _split_kind(left: Sequence[_Seg], right: Sequence[_Seg], gap: float) -> str:
    """What a vertical gap separates: two columns, the cells of a table, or neither.

    * A column has at least two rows; a single segment beside others is a cell.
    * Columns start together at the top of their region. Long ones may not (a
      photo above the sidebar), but one or two rows above the other side are a
      header that the caller peels off first. A gap that merely opens between
      the fields of a few stacked rows separates nothing.
    * A column is a run of lines: a side whose rows lie far apart compared with
      the other side's (dates or places set to the right of entries) holds cells.
    * Two wide sides are columns even when their rows happen to line up (same
      font and leading on both sides), unless every row lines up across a narrow
      gap: those are the fields of the same lines. A narrow side (labels, dates,
      skill levels) whose rows line up with the other side's is a table.
    """
    rl, rr = _rows_of(left), _rows_of(right)
    if len(rl) < 2 or len(rr) < 2:
        return _NEITHER
    size = statistics.median([r.size for r in rl + rr])
    if abs(rl[0].top - rr[0].top) > 0.8 * size:
        # Long columns may start at different heights (a photo above the sidebar);
        # one or two rows above the other side's first are a header to peel off.
        high, low = (rl, rr) if rl[0].top < rr[0].top else (rr, rl)
        above = sum(1 for r in high if r.bottom <= low[0].top + 0.2 * size)
        if len(rl) < 4 or len(rr) < 4 or above <= 2:
            return _NEITHER
    gl, gr = _row_gap(rl), _row_gap(rr)
    if max(gl, gr) > max(1.5 * size, 2.5 * min(gl, gr) + 0.5 * size):
        return _NEITHER
    (l0, l1), (r0, r1) = _extent(left), _extent(right)
    share_l, share_r = _aligned_share(rl, rr), _aligned_share(rr, rl)
    aligned = min(share_l, share_r)
    if min(l1 - l0, r1 - r0) > 8 * size:
        if aligned < 0.99 or (gap >= 2 * size and max(len(rl), len(rr)) > 3):
            return _COLUMNS
        return _TABLE
    # A label/value table may miss a value or two; a sidebar beside the main column
    # (a Word layout table drawn row by row) has whole runs of rows that line up
    # with nothing: the wrapped lines of its cells.
    unaligned = max(len(rl) * (1 - share_l), len(rr) * (1 - share_r))
    if (
        aligned < 0.5
        or (aligned < 0.8 and unaligned >= 3)
        or abs(rl[-1].bottom - rr[-1].bottom) > 3.5 * size
    ):
        return _COLUMNS
    return _TABLE


def _x_gaps(segs: Sequence[_Seg]) -> list[tuple[float, float]]:
    """Vertical strips that no segment covers, at least about a glyph wide."""
    if len(segs) < 2:
        return []
    size = statistics.median([s.size for s in segs])
    min_gap = max(0.9 * size, 3.0)
    # before a column's left edge, a narrower gutter will do (a table's cell padding)
    edge_gap = max(0.4 * size, 3.0)
    ordered = sorted(segs, key=lambda s: s.x0)
    gaps: list[tuple[float, float]] = []
    reach = ordered[0].x1
    for s in ordered[1:]:
        if s.x0 - reach >= (edge_gap if s.edge else min_gap):
            gaps.append((reach, s.x0))
        if s.x1 > reach:
            reach = s.x1
    return gaps


def _vertical_cut(segs: Sequence[_Seg]) -> tuple[list[_Seg], list[_Seg]] | bool:
    """The widest vertical gap that separates columns, if any.

    Returns the two sides, else whether some gap separates table cells.
    """
    gaps = _x_gaps(segs)
    table = False
    for g0, g1 in sorted(gaps, key=lambda g: g[0] - g[1]):
        left = [s for s in segs if s.x1 <= g0 + 0.01]
        right = [s for s in segs if s.x0 >= g1 - 0.01]
        kind = _split_kind(left, right, g1 - g0)
        if kind == _COLUMNS:
            return left, right
        table = table or kind == _TABLE
    return table


def _extent(segs: Sequence[_Seg]) -> tuple[float, float]:
    return min(s.x0 for s in segs), max(s.x1 for s in segs)


def _emit_row(row: _Row, column: tuple[float, float], out: list[Line], table: bool) -> None:
    segs = sorted(row.segs, key=lambda s: s.x0)
    table = table or any(s.ruled for s in segs)
    text = " ".join(s.text for s in segs)
    x1 = max(s.x1 for s in segs)
    size = statistics.median([s.size for s in segs])
    spread = max((b.x0 - a.x1 for a, b in zip(segs, segs[1:], strict=False)), default=0.0)
    out.append(
        Line(
            text,
            segs[0].x0,
            row.top,
            x1,
            row.bottom,
            size,
            column,
            segs[0].lead,
            spread / size,
            table,
            x1,
            row.bottom,
        )
    )


def _split_overhang(left: list[_Seg], bottom: float) -> tuple[list[_Seg], list[_Seg]]:
    """Rows of the left column that start a new block below the right column's end.

    They follow both columns (a heading under a two-column address block), rather
    than the left column alone.
    """
    rows = _rows_of(left)
    for j in range(len(rows) - 1, 1, -1):
        if rows[j].top <= bottom:
            break
        if rows[j].top - max(r.bottom for r in rows[:j]) >= 0.8 * rows[j].size:
            return [s for r in rows[:j] for s in r.segs], [s for r in rows[j:] for s in r.segs]
    return left, []


_PEEL = 5  # header/footer rows tried above or below a two-column body


def _xycut(
    segs: list[_Seg], column: tuple[float, float], out: list[Line], table: bool = False
) -> None:
    rows = _rows_of(segs)
    if len(rows) == 1:
        _emit_row(rows[0], column, out, table)
        return
    cut = _vertical_cut(segs)
    if isinstance(cut, tuple):
        left, right = cut
        column = _extent(left)
        left, overhang = _split_overhang(left, max(s.bottom for s in right))
        _xycut(left, column, out)
        _xycut(right, _extent(right), out)
        if overhang:
            _xycut(overhang, column, out)
        return
    table = table or cut
    # A full-width header (or footer) blocks the gutter of the columns below it:
    # try peeling a few rows off the top or bottom before cutting anywhere else.
    peel = min(_PEEL, len(rows) - 4)
    # the smallest bodies have the most gaps: without any there, no peel can help
    tops = peel > 0 and bool(_x_gaps([s for r in rows[peel:] for s in r.segs]))
    bottoms = peel > 0 and bool(_x_gaps([s for r in rows[:-peel] for s in r.segs]))
    for k in range(1, peel + 1) if tops or bottoms else ():
        for top in (True, False) if tops and bottoms else (tops,):
            head, body = (rows[:k], rows[k:]) if top else (rows[-k:], rows[:-k])
            body_segs = [s for r in body for s in r.segs]
            if isinstance(_vertical_cut(body_segs), tuple):
                head_segs = [s for r in head for s in r.segs]
                for part in (head_segs, body_segs) if top else (body_segs, head_segs):
                    _xycut(part, column, out, table)
                return
    # No columns here: cut between rows, widest gap first, so that paragraphs stay
    # together and any columns further down get their own region.
    reach = rows[0].bottom
    best, best_gap = 1, float("-inf")
    for i in range(1, len(rows)):
        gap = rows[i].top - reach
        if gap > best_gap:
            best, best_gap = i, gap
        reach = max(reach, rows[i].bottom)
    _xycut([s for r in rows[:best] for s in r.segs], column, out, table)
    _xycut([s for r in rows[best:] for s in r.segs], column, out, table)


def layout_lines(
    chars: Iterable[Char], *, is_heading: HeadingTest | None = None, blocks: Sequence[Line] = ()
) -> list[Line]:
    """Lay glyphs out as lines in reading order.

    Columns are read one after the other (left first), label/value tables row by
    row, and lines that a column's margin wrapped are joined again.

    Parameters
    ----------
    chars : iterable of Char
        Visible glyphs of one page, in any order.
    is_heading : callable, optional
        ``is_heading(text) -> bool`` for a laid-out line's raw text: a heading is
        never joined to the line before or after it. Résumé readers pass
        :func:`rolematch.sections.is_heading_line`; default: no line is one.
    blocks : sequence of Line, optional
        Text laid out already (the rows of a ruled table,
        :mod:`rolematch.io._pdf_tables`): each is placed by its box like a glyph
        run, and never joined to another line.

    Returns
    -------
    list of Line

    Examples
    --------
    Two columns whose rows line up, given in a scrambled order, come out column
    by column:

    >>> def word(text, x, y):
    ...     return [Char(t, x + 10 * i, y, x + 10 * (i + 1), y + 10) for i, t in enumerate(text)]
    >>> main = ["工作经历", "手机银行运营主管", "负责渠道", "项目经历", "网联接入"]
    >>> chars = [c for i, t in enumerate(main) for c in word(t, 200, 14 * i)]
    >>> chars += word("基本信息", 0, 0) + word("电话号码保密", 0, 14)
    >>> [ln.text for ln in layout_lines(chars)]
    ['基本信息', '电话号码保密', '工作经历', '手机银行运营主管', '负责渠道', '项目经历', '网联接入']
    """
    segs = _segments(chars)
    segs += [
        _Seg(b.text, b.x0, b.top, b.x1, b.bottom, b.size, b.x1 - b.x0, ruled=True) for b in blocks
    ]
    if not segs:
        return []
    out: list[Line] = []
    _xycut(segs, _extent(segs), out)
    return join_wraps(out, is_heading or _no_heading)


def layout_text(chars: Iterable[Char], *, is_heading: HeadingTest | None = None) -> str:
    """Lay glyphs out (see :func:`layout_lines`) and join the lines.

    Examples
    --------
    >>> layout_text([Char("名", 10, 0, 20, 10), Char("姓", 0, 0, 10, 10)])
    '姓名'
    """
    return "\n".join(ln.text for ln in layout_lines(chars, is_heading=is_heading))
