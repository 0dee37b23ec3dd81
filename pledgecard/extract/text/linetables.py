"""Tables written on plain text lines: markdown pipes, tabs and space-aligned columns.

Rows of one table may stand one or two blank lines apart (a markdown table: none). A page
break inside a table (a page-number line such as ``- 3 -`` or ``3 / 12``, or a running
header: an unbulleted line the document already wrote above, with maybe a running footer
written again below) does not end it when rows of the same structure follow; the lines of
the break, a header row repeated after it and a markdown ``|---|`` separator are page
furniture: kept aside in ``Document.furniture``, never lost. Everything here is told from
layout, never from what the words mean.

A header of one or two space-aligned lines whose cells could not be told from its spaced
words until the rows below it were known (``계      국  비  도  비``) is read again over
those rows' columns, as their header.
"""

from __future__ import annotations

from typing import Protocol

from pledgecard.extract.bullets import split_bullet
from pledgecard.extract.text import delimited
from pledgecard.extract.text.aligned import (
    MAX_HEADER_LINES,
    AlignedColumns,
    Segment,
    has_gap,
    header_row,
    labelled,
    lone_segment,
    row_segments,
    segments,
    table_like,
)
from pledgecard.extract.text.pagebreak import (
    RepeatedLines,
    continues,
    joined,
    marks_break,
    may_be_furniture,
    normal,
)
from pledgecard.extract.text.paragraphs import Line
from pledgecard.extract.text.rowgrid import LineTable, RawCell, RawRow

__all__ = ["LineTable", "RepeatedLines", "find_line_tables"]

#: Blank lines allowed between two rows, and furniture lines in one page break.
MAX_BLANKS = 2
MAX_BREAK_LINES = 4
MAX_BREAK_BLANKS = 6
MIN_ROWS = 2
MIN_COLS = 2


class _Rows(Protocol):
    """What one kind of line table tells of a line while its rows are collected."""

    max_blanks: int

    def fits(self, text: str) -> bool: ...
    def add(self, line: Line) -> None: ...
    def is_furniture(self, text: str) -> bool: ...
    def key(self, text: str) -> tuple[str, ...] | None: ...
    def head_keys(self) -> list[tuple[str, ...]]: ...


def find_line_tables(lines: list[Line], repeated: RepeatedLines) -> list[LineTable]:
    """The line tables among ``lines``, in order, none overlapping."""
    found: list[LineTable] = []
    cut: dict[str, list[Segment] | None] = {}  # each line cut into aligned segments once
    floor = i = 0
    while i < len(lines):
        text = lines[i].text
        if "  " not in text and "|" not in text and "\t" not in text and "\u3000" not in text:
            i += 1  # most lines: no gap, no pipe, no tab
            continue
        table: LineTable | None = None
        if delimited.is_pipe_row(text) and not delimited.is_separator(text):
            table = _delimited(_PipeRows(), lines, i, repeated)
        elif "|" in text and i + 1 < len(lines) and delimited.is_separator(lines[i + 1].text):
            table = _delimited(_PipeRows(bare=True), lines, i, repeated)
        elif delimited.is_tab_row(text):
            table = _delimited(_TabRows(), lines, i, repeated)
        elif has_gap(text):
            table = _aligned(lines, i, floor, repeated, cut)
        if table is None:
            i += 1
            continue
        if found and continues(found[-1], table, lines, repeated):
            found[-1] = joined(found[-1], table, lines)
        else:
            found.append(table)
        floor = i = table.end
    return found


def _next_nonblank(lines: list[Line], i: int, limit: int = MAX_BLANKS) -> int:
    start = i
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    return len(lines) if i - start > limit else i


def _collect(rows: _Rows, lines: list[Line], start: int, repeated: RepeatedLines) -> tuple[int, list[Line]]:
    """Rows from ``lines[start]`` on (the first one already added): ``(end, furniture lines)``."""
    furniture: list[Line] = []
    end = start + 1
    while True:
        j = _next_nonblank(lines, end, rows.max_blanks)
        if j < len(lines) and rows.fits(lines[j].text):
            rows.add(lines[j])
        elif j < len(lines) and rows.is_furniture(lines[j].text):
            furniture.append(lines[j])
        else:
            cut = _page_break(rows, lines, end, repeated)
            if cut is None:
                return end, furniture
            furniture.extend(cut[0])
            j = cut[1]
            rows.add(lines[j])
        end = j + 1


def _page_break(rows: _Rows, lines: list[Line], i: int,
                repeated: RepeatedLines) -> tuple[list[Line], int] | None:
    """``(furniture lines, index of the next row)`` when the table goes on after a page break
    at ``lines[i]``: a page number or a running header (a line already written above, no
    bullet), maybe a running footer (a line written again below), then maybe the header rows
    again. A note repeated after two tables (``※ 자료 : …``) joins nothing."""
    heads = rows.head_keys()
    cut: list[Line] = []
    marked = False
    i = _next_nonblank(lines, i, MAX_BREAK_BLANKS)
    while i < len(lines) and len(cut) < MAX_BREAK_LINES + len(heads):
        line = lines[i]
        key = rows.key(line.text)
        if key is not None and key in heads:
            pass  # a header row written again on the new page
        elif rows.fits(line.text):
            break
        elif marks_break(line, repeated):
            marked = True
        elif not may_be_furniture(line, repeated) and not rows.is_furniture(line.text):
            return None
        cut.append(line)
        i = _next_nonblank(lines, i + 1, MAX_BREAK_BLANKS)
    if not marked or i >= len(lines) or not rows.fits(lines[i].text):
        return None
    return cut, i


# --------------------------------------------------------------------------- pipes and tabs
class _PipeRows:
    """Markdown rows: a blank line ends the table (two tables may stand one blank line apart)."""

    max_blanks = 0

    def __init__(self, bare: bool = False) -> None:
        self.rows: list[tuple[Line, list[str]]] = []
        self.declared: int | None = None
        self.bare = bare  # rows without outer pipes (a | b), under a separator line

    def cells(self, text: str) -> list[str] | None:
        is_row = delimited.is_bare_row(text) if self.bare else delimited.is_pipe_row(text)
        if not is_row or delimited.is_separator(text):
            return None
        return delimited.pipe_cells(text)

    def fits(self, text: str) -> bool:
        return self.cells(text) is not None

    def add(self, line: Line) -> None:
        cells = self.cells(line.text)
        assert cells is not None
        self.rows.append((line, cells))

    def is_furniture(self, text: str) -> bool:
        if not delimited.is_separator(text):
            return False
        if self.declared is None and len(self.rows) <= 2:  # further down it marks no header
            self.declared = len(self.rows)
        return True

    def key(self, text: str) -> tuple[str, ...] | None:
        cells = self.cells(text)
        return None if cells is None else tuple(cells)

    def head_keys(self) -> list[tuple[str, ...]]:
        count = 2 if len(self.rows) > 1 and "" in self.rows[1][1] else 1  # a two-row header leaves gaps
        count = max(count, self.declared or 1)
        return [tuple(cells) for _line, cells in self.rows[:count]]


class _TabRows(_PipeRows):
    """Tab rows: the first needs a tab after a word and no bullet before it (``◦ 항목<TAB>설명``
    is a list item); once a table is open a line led by tabs is a row with empty first cells."""

    max_blanks = MAX_BLANKS

    def cells(self, text: str) -> list[str] | None:
        if "\t" not in text or not (self.rows or delimited.is_tab_row(text)):
            return None
        cells = delimited.tab_cells(text)
        if labelled(cells[1:]):
            return None  # 사업기간<TAB>: 2023~2026년 is a label and its value
        if not self.rows and split_bullet(cells[0])[0] is not None and cells[0] != "-":
            return None
        return cells

    def is_furniture(self, text: str) -> bool:
        return False


def _delimited(rows: _PipeRows, lines: list[Line], start: int, repeated: RepeatedLines) -> LineTable | None:
    if not rows.fits(lines[start].text):
        return None
    rows.add(lines[start])
    end, furniture = _collect(rows, lines, start, repeated)
    ncols = max(len(cells) for _line, cells in rows.rows)
    if len(rows.rows) < MIN_ROWS or ncols < MIN_COLS:
        return None
    raw = [RawRow(line.number, [RawCell(c, t) for c, t in enumerate(cells) if t]) for line, cells in rows.rows]
    return LineTable(start, end, raw, ncols, rows.declared, furniture)


# --------------------------------------------------------------------------- aligned columns
class _AlignedRows:
    max_blanks = MAX_BLANKS

    def __init__(self, above: list[Line], cut: dict[str, list[Segment] | None]) -> None:
        self.columns = AlignedColumns()
        self.rows: list[tuple[Line, list[Segment]]] = []
        self.above = above
        self.cut = cut

    def segments(self, text: str) -> list[Segment] | None:
        """A row's segments; once rows are open, an indented line with one segment under a
        later column is a row too (``<2023>`` over its year's rows)."""
        found = _cut_once(self.cut, text)
        if found is None and self.rows:
            lone = lone_segment(text)
            if lone is not None and self.columns.under_later_column(lone):
                return [lone]
        return found

    def fits(self, text: str) -> bool:
        found = self.segments(text)
        return found is not None and self.columns.fits(found)

    def add(self, line: Line) -> None:
        found = self.segments(line.text)
        assert found is not None
        self.columns.add(found)
        self.rows.append((line, found))

    def trim(self) -> None:
        """Trailing one-segment rows a blank line apart from the rows above end no table: they
        go back to the text after it (right below the last row they continue its cells)."""
        kept = len(self.rows)
        while kept > 1 and len(self.rows[kept - 1][1]) == 1:
            kept -= 1
        while kept < len(self.rows) and self.rows[kept][0].number == self.rows[kept - 1][0].number + 1:
            kept += 1
        del self.rows[kept:]
        self.columns = AlignedColumns()
        for _line, found in self.rows:
            self.columns.add(found)

    def is_furniture(self, text: str) -> bool:
        return False

    def key(self, text: str) -> tuple[str, ...] | None:
        found = self.segments(text)
        return None if found is None else tuple(normal(s.text) for s in found)

    def head_keys(self) -> list[tuple[str, ...]]:
        """The lines above and the first row; the second row too when it leaves the first
        column empty (a two-row header leaves gaps: ``구분  총사업비  연도별 …`` over ``기투자  2024년 …``)."""
        second_leaves_gaps = len(self.rows) > 1 and self.columns.leaves_first_empty(self.rows[1][1])
        rows = self.rows[:2] if second_leaves_gaps else self.rows[:1]
        return [*(_segment_key(line.text) for line in self.above),
                *(tuple(normal(s.text) for s in found) for _line, found in rows)]


def _cut_once(cut: dict[str, list[Segment] | None], text: str) -> list[Segment] | None:
    """:func:`row_segments` of a line, kept in ``cut``: a line is tried, then added, and tried
    again by the tables tried from the lines below, but cut once."""
    if text not in cut:
        cut[text] = row_segments(text)
    return cut[text]


def _aligned(lines: list[Line], start: int, floor: int, repeated: RepeatedLines,
             cut: dict[str, list[Segment] | None]) -> LineTable | None:
    """The aligned table from ``lines[start]``; when its rows are only a header's few lines
    (``계      국  비  도  비`` cut by the letter spacing of the line alone) and the rows right
    below head a table whose columns they fit, that table with them as its header."""
    table = _aligned_from(lines, start, floor, repeated, cut)
    if table is None or len(table.rows) > MAX_HEADER_LINES or table.end >= len(lines):
        return table
    below = _aligned_from(lines, table.end, start, repeated, cut)
    return below if below is not None and below.start == start else table


def _aligned_from(lines: list[Line], start: int, floor: int, repeated: RepeatedLines,
                  cut: dict[str, list[Segment] | None]) -> LineTable | None:
    """The aligned table whose rows start at ``lines[start]``; ``cut``: the lines' segments
    cut so far (:class:`_AlignedRows`)."""
    if _cut_once(cut, lines[start].text) is None:
        return None
    above = _lines_above(lines, start, floor)
    rows = _AlignedRows([lines[i] for i in above], cut)
    rows.add(lines[start])
    end, furniture = _collect(rows, lines, start, repeated)
    rows.trim()
    if len(rows.rows) < MIN_ROWS:
        return None
    last = rows.rows[-1][0]
    end = next(i for i in range(start, len(lines)) if lines[i] is last) + 1
    furniture = [line for line in furniture if line.number < last.number]
    header, top = _header_lines(rows, lines, above, start)
    body = [RawRow(line.number, rows.columns.cells(found)) for line, found in rows.rows]
    ncols = len(rows.columns.columns)
    if not table_like([row for row in body if len(row.cells) > 1], ncols):  # one-cell rows: not counted
        return None
    return LineTable(top, end, header + body, ncols, None, furniture)


def _header_lines(rows: _AlignedRows, lines: list[Line], above: list[int], start: int) -> tuple[list[RawRow], int]:
    """The header rows among the lines ``above`` the rows (bottom up, up to the first that is
    none) and the index of the top one; ``rows.columns`` gains the columns they head."""
    header: list[RawRow] = []
    top = start
    for i in reversed(above):
        found = header_row(rows.columns, lines[i].text, lines[i].number)
        if found is None:
            break
        head, columns = found
        added = len(columns.columns) - len(rows.columns.columns)
        for row in header:
            for cell in row.cells:
                cell.col += added
        rows.columns = columns
        header.insert(0, head)
        top = i
    return header, top


def _lines_above(lines: list[Line], start: int, floor: int) -> list[int]:
    """Indexes of up to two non-blank lines right above ``start`` (a blank line apart at most)."""
    found: list[int] = []
    i = start - 1
    while i >= floor and len(found) < MAX_HEADER_LINES:
        if not lines[i].text.strip():
            if i - 1 < floor or not lines[i - 1].text.strip():
                break
            i -= 1
            continue
        found.insert(0, i)
        i -= 1
    return found


def _segment_key(text: str) -> tuple[str, ...]:
    return tuple(normal(s.text) for s in segments(text))
