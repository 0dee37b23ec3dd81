"""Flattened numeric tables: rows ``label n n n …`` with their header lines above.

A dump that flattened a table writes each row on one line (``국  비 58,266 14,494 …``)
and the header cells on the lines above it, a spanning group header on a line of its
own. This rebuilds the grid: the bottom header line names the rightmost columns, a
line with as many words as the columns left over names those (spanning both header
rows), and what remains is a group header spanning the bottom line's columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from pledgecard.extract.document import Cell, Paragraph, Table, cell, paragraph, provenance
from pledgecard.models import Provenance
from pledgecard.normalize.text import close_spaced

_VALUE = regex.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-–―]$")
_TOKEN = regex.compile(r"\S+")
_SINGLE_SPACE = regex.compile(r"(?<! ) (?! )")
MIN_VALUES = 3
MAX_HEADER_LINES = 5
MAX_LABEL_CHARS = 12
#: Most lines a page break puts between two rows of a grid (page number, running header and
#: footer; the header written again is counted apart): past them, the grid has ended.
MAX_BREAK_PARAGRAPHS = 8


def split_row(text: str) -> tuple[str, list[str]] | None:
    """``("국  비", ["58,266", …])`` when a line is a short label followed only by values."""
    found = _label_and_values(text)
    if found is None or len(close_spaced(found[0])) > MAX_LABEL_CHARS:
        return None
    return found


def split_group_row(text: str) -> tuple[str, str, list[str]] | None:
    """``("연도별 투자 실적 및 계획", "기투자", [values])``: a row whose label is too long to be
    one, read as a row group's label and the row's own (its last word)."""
    found = _label_and_values(text)
    if found is None:
        return None
    label, values = found
    group, _, own = close_spaced(label).rpartition(" ")
    if not group or len(own) > MAX_LABEL_CHARS or len(close_spaced(label)) <= MAX_LABEL_CHARS:
        return None
    return group, own, values


def _label_and_values(text: str) -> tuple[str, list[str]] | None:
    tokens = text.split()
    if len(tokens) <= MIN_VALUES or not _VALUE.match(tokens[-1]):  # most lines: no value at the end
        return None
    first_value = next((i for i, t in enumerate(tokens) if _VALUE.match(t)), None)
    if first_value is None or first_value == 0:
        return None
    values = tokens[first_value:]
    if len(values) < MIN_VALUES or not all(_VALUE.match(t) for t in values):
        return None
    label_end = [m.end() for m in _TOKEN.finditer(text)][first_value - 1]  # 2023년 20: not at the 20 in 2023
    return text[:label_end].strip(), values


def _is_header_line(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return paragraph.bullet is None and not text.startswith(("(", "《", "<", "〈", "[")) and bool(text)


def _width(paragraphs: list[Paragraph], i: int) -> int | None:
    """How many values line ``i`` holds when it is a row of a grid: a plain row, or a row
    group's first row when a plain row of as many values stands next to it."""
    if paragraphs[i].bullet is not None:
        return None
    found = _label_and_values(paragraphs[i].text)  # read once for both readings below
    if found is None:
        return None
    label = close_spaced(found[0])
    width = len(found[1])
    if len(label) <= MAX_LABEL_CHARS:
        return width  # a plain row (split_row)
    group, _, own = label.rpartition(" ")  # a row group's first row (split_group_row)
    if not group or len(own) > MAX_LABEL_CHARS:
        return None
    return width if width in (_plain_width(paragraphs, i - 1), _plain_width(paragraphs, i + 1)) else None


class _Widths:
    """:func:`_width` of each paragraph, each read once (the grid finder asks for a line's width
    again when it looks for rows, headers and page breaks around it)."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._known: dict[int, int | None] = {}

    def __call__(self, i: int) -> int | None:
        if i not in self._known:
            self._known[i] = _width(self.paragraphs, i)
        return self._known[i]


def _plain_width(paragraphs: list[Paragraph], i: int) -> int | None:
    if not 0 <= i < len(paragraphs) or paragraphs[i].bullet is not None:
        return None
    row = split_row(paragraphs[i].text)
    return None if row is None else len(row[1])


@dataclass
class GridSpan:
    """Where a grid stands in the paragraphs: its header lines, its rows, and the lines between
    its rows that a page break put there (page number, running header, the header written again)."""

    header_start: int
    data_start: int
    end: int
    skipped: list[int] = field(default_factory=list)

    def header(self, paragraphs: list[Paragraph]) -> list[Paragraph]:
        return paragraphs[self.header_start:self.data_start]

    def rows(self, paragraphs: list[Paragraph]) -> list[Paragraph]:
        return [paragraphs[k] for k in range(self.data_start, self.end) if k not in self.skipped]

    def furniture(self, paragraphs: list[Paragraph]) -> list[Paragraph]:
        return [paragraphs[k] for k in self.skipped]


#: Whether paragraphs are page furniture only, around a page break (the reader knows how to tell).
PageBreak = Callable[[list[Paragraph]], bool]


def find_grids(paragraphs: list[Paragraph], page_break: PageBreak | None = None) -> list[GridSpan]:
    """The numeric grids in ``paragraphs``; a grid cut by a page break (``page_break`` tells the
    furniture) goes on past it, its header written again on the new page or not."""
    found: list[GridSpan] = []
    widths = _Widths(paragraphs)
    i = 0
    while i < len(paragraphs):
        width = widths(i)
        if width is None:
            i += 1
            continue
        end = _rows_end(widths, i + 1, width)
        if end - i < 2:
            i += 1
            continue
        start = i
        while (
            start > 0
            and i - start < MAX_HEADER_LINES
            and _is_header_line(paragraphs[start - 1])
            and (not found or start - 1 >= found[-1].end)
            and widths(start - 1) is None
        ):
            start -= 1
        span = GridSpan(start, i, end)
        if page_break is not None:
            _go_on_past_breaks(paragraphs, widths, span, width, page_break)
        found.append(span)
        i = span.end
    return found


def _rows_end(widths: _Widths, k: int, width: int) -> int:
    while k < len(widths.paragraphs) and widths(k) == width:
        k += 1
    return k


def _go_on_past_breaks(paragraphs: list[Paragraph], widths: _Widths, span: GridSpan, width: int,
                       page_break: PageBreak) -> None:
    """Extend ``span`` over page breaks followed by more rows of the same width."""
    header = {_normal(p.text) for p in span.header(paragraphs)}
    while True:
        k = span.end
        limit = min(len(paragraphs), span.end + MAX_BREAK_PARAGRAPHS + 1)  # (was: to the document's end)
        while k < limit and widths(k) is None and _normal(paragraphs[k].text) not in header:
            k += 1
        if k == limit and k < len(paragraphs):
            return  # more lines than a page break holds
        between = paragraphs[span.end:k]
        repeated = k
        while repeated < len(paragraphs) and _normal(paragraphs[repeated].text) in header:
            repeated += 1
        if not between or not page_break(between) or widths(repeated) != width:
            return
        span.skipped.extend(range(span.end, repeated))
        span.end = _rows_end(widths, repeated, width)


def _normal(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Row:
    label: str
    values: list[str]
    line: int | None
    group: str | None = None


def _rows(rows: list[Paragraph]) -> list[_Row]:
    parsed: list[_Row] = []
    for row_paragraph in rows:
        line = row_paragraph.provenance.line
        plain = split_row(row_paragraph.text)
        if plain is not None:
            parsed.append(_Row(plain[0], plain[1], line))
            continue
        grouped = split_group_row(row_paragraph.text)
        if grouped is not None:
            parsed.append(_Row(grouped[1], grouped[2], line, grouped[0]))
    return parsed


def build_grid(header: list[Paragraph], rows: list[Paragraph], table_index: int) -> Table:
    data = _rows(rows)
    ncols = len(data[0].values) + 1
    lead = 2 if any(r.group is not None for r in data) else 1  # a column of row-group labels
    cells, header_rows = _header_cells(header, ncols, table_index)
    if lead == 2:
        cells = [_widened(c) for c in cells]
    for offset, row in enumerate(data):
        r = header_rows + offset
        if row.group is not None:
            span = next((k for k in range(offset + 1, len(data)) if data[k].group is not None), len(data)) - offset
            cells.append(_cell(r, 0, row.group, row.line, table_index, rowspan=span))
            cells.append(_cell(r, 1, row.label, row.line, table_index))
        elif lead == 2 and any(d.group is not None for d in data[:offset]):
            cells.append(_cell(r, 1, row.label, row.line, table_index))
        else:
            cells.append(_cell(r, 0, row.label, row.line, table_index, colspan=lead))
        cells.extend(_cell(r, c + lead, v, row.line, table_index) for c, v in enumerate(row.values))
    first_line = (header or rows)[0].provenance.line
    return Table(rows=header_rows + len(data), cols=ncols + lead - 1, cells=cells,
                 provenance=Provenance(line=first_line, table=table_index))


def _widened(header_cell: Cell) -> Cell:
    """A header cell of a grid that gained a column of row-group labels: the label column's
    header spans both label columns, the others move one to the right."""
    col = 0 if header_cell.col == 0 else header_cell.col + 1
    colspan = header_cell.colspan + 1 if header_cell.col == 0 else header_cell.colspan
    where = header_cell.provenance
    return cell(header_cell.row, col, header_cell.text, header_cell.paragraphs,
                provenance(line=where.line, table=where.table, row=header_cell.row, col=col),
                header_cell.rowspan, colspan)


def _cell(row: int, col: int, text: str, line: int | None, table: int, rowspan: int = 1, colspan: int = 1) -> Cell:
    return cell(row, col, text, [paragraph(text, provenance=provenance(line=line))],
                provenance(line=line, table=table, row=row, col=col), rowspan, colspan)


def _header_cells(header: list[Paragraph], ncols: int, table: int) -> tuple[list[Cell], int]:
    if not header:
        return [], 0
    tokens = [close_spaced(p.text).split() for p in header]
    tokens[-1] = _bottom_tokens(header[-1].text, ncols, len(header) > 1)
    lines = [p.provenance.line for p in header]
    bottom = tokens[-1]
    if len(bottom) == ncols:
        names = [_cell(0, c, t, lines[-1], table) for c, t in enumerate(bottom)]
        if len(header) > 1:
            title = " ".join(close_spaced(p.text) for p in header[:-1])
            return [_cell(0, 0, title, lines[0], table, colspan=ncols)] + [
                c.model_copy(update={"row": 1}) for c in names], 2
        return names, 1
    if len(bottom) > ncols:
        return [_cell(0, 0, " ".join(" ".join(t) for t in tokens), lines[0], table, colspan=ncols)], 1
    left = ncols - len(bottom)
    lead_index = next((k for k, t in enumerate(tokens[:-1]) if len(t) == left), None)
    cells: list[Cell] = []
    if lead_index is None:
        text = " ".join(" ".join(t) for t in tokens[:-1])
        cells.append(_cell(0, 0, text, lines[0], table, rowspan=2, colspan=left))
        cells.append(_cell(0, left, "", lines[0], table, colspan=len(bottom)))
    else:
        lead = tokens[lead_index]
        cells.extend(_cell(0, c, t, lines[lead_index], table, rowspan=2) for c, t in enumerate(lead))
        group = [(" ".join(t), lines[k]) for k, t in enumerate(tokens[:-1]) if k != lead_index]
        cells.extend(_group_cells(group, left, len(bottom), table))
    cells.extend(_cell(1, left + c, t, lines[-1], table) for c, t in enumerate(bottom))
    return cells, 2


def _cut_at_single_spaces(text: str) -> list[str]:
    """``구  분 계 국  비`` -> ``["구분", "계", "국비"]``: cells one space apart, their letters two."""
    return [close_spaced(piece) for piece in _SINGLE_SPACE.split(text.strip()) if piece.strip()]


def _bottom_tokens(text: str, ncols: int, more_lines: bool) -> list[str]:
    """The bottom header line's cells: as many as the columns (or all but the label column's
    when a line above heads that), letter-spaced words closed up or cut at single spaces."""
    candidates = [close_spaced(text).split(), _cut_at_single_spaces(text)]
    wanted = (ncols, ncols - 1) if more_lines else (ncols,)
    for width in wanted:
        found = next((c for c in candidates if len(c) == width), None)
        if found is not None:
            return found
    return candidates[0]


def _group_cells(group: list[tuple[str, int | None]], left: int, width: int, table: int) -> list[Cell]:
    """Group headers over the bottom line's ``width`` columns: one spanning them all, or one
    a line when each line is one word that divides them evenly (계획 / 확보 / 집행)."""
    if len(group) > 1 and width % len(group) == 0 and all(len(text.split()) == 1 for text, _ in group):
        span = width // len(group)
        return [_cell(0, left + k * span, text, line, table, colspan=span) for k, (text, line) in enumerate(group)]
    return [_cell(0, left, " ".join(text for text, _ in group), group[0][1], table, colspan=width)]
