"""Rows of cells found on text lines (pipe, tab or aligned tables) into a :class:`Table`.

Each row lists its non-empty cells by column (an aligned header cell may already span
columns). A two-row header is told from the structure alone: a first-row cell followed by
empty cells, with the second row filled under the whole stretch, spans those columns, and
a first-row cell with nothing under it in the second row spans both rows::

    | 구 분 | 총사업비 | 연도별 투자계획 |      |      |
    |       |          | 2024            | 2025 | 2026 |
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgecard.extract.bullets import split_bullet
from pledgecard.extract.document import Cell, Paragraph, Table, cell, paragraph, provenance, written
from pledgecard.extract.text.paragraphs import Line
from pledgecard.models import Provenance


@dataclass(slots=True)
class RawCell:
    col: int
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(slots=True)
class RawRow:
    line: int
    cells: list[RawCell] = field(default_factory=list)

    def filled(self) -> set[int]:
        return {c for cell_ in self.cells for c in range(cell_.col, cell_.col + cell_.colspan)}


def spread_header(rows: list[RawRow], ncols: int, declared: int | None) -> None:
    """Give the first two rows their spans when they are a two-row header (in place).

    ``declared`` is the number of header rows a markdown separator line marks (None without
    one): with 2 the spans are taken, with 3 or more never; otherwise they are taken only when
    the second row leaves a cell empty under a first-row cell (markdown can declare only one
    header row, so a second one comes below the separator).
    """
    if len(rows) < 2 or (declared is not None and declared > 2):
        return
    first, second = rows[0], rows[1]
    below = second.filled()
    if not below:
        return
    cells = sorted(first.cells, key=lambda c: c.col)
    extents = [[c.col, c.col + c.colspan] for c in cells]
    for i, extent in enumerate(extents):
        free = range(extent[1], extents[i + 1][0] if i + 1 < len(extents) else ncols)
        if not free or not all(c in below for c in free):
            continue
        if extent[0] in below:
            extent[1] = free.stop  # a group header over the filled cells after it
        elif i + 1 < len(extents) and cells[i + 1].colspan > 1:
            extents[i + 1][0] = free.start  # a header laid over columns it reaches only partly
    if all(end - start == 1 for start, end in extents):
        return
    singles = {start for start, end in extents if end - start == 1}
    empty_below = [c for c in range(ncols) if c not in below]
    if any(c not in singles for c in empty_below):
        return
    if declared != 2 and not empty_below and all(c.colspan == 1 for c in cells):
        return
    for raw, (start, end) in zip(cells, extents, strict=True):
        raw.col, raw.colspan = start, end - start
        if raw.colspan == 1 and raw.col not in below:
            raw.rowspan = 2


@dataclass
class LineTable:
    """Lines ``[start, end)`` of a run of text lines make one table and some page furniture."""

    start: int
    end: int
    rows: list[RawRow]
    ncols: int
    declared: int | None = None
    furniture: list[Line] = field(default_factory=list)

    def table(self, index: int) -> Table:
        spread_header(self.rows, self.ncols, self.declared)
        return build_table(self.rows, self.ncols, index)

    def furniture_paragraphs(self) -> list[Paragraph]:
        return [paragraph(line.text.strip(), provenance=provenance(line=line.number)) for line in self.furniture]


def build_table(rows: list[RawRow], ncols: int, table_index: int) -> Table:
    """The table of ``rows``, every position covered by one cell (empty ones included)."""
    covered: set[tuple[int, int]] = set()
    placed: list[tuple[int, RawCell, int]] = []
    for r, row in enumerate(rows):
        for raw in row.cells:
            placed.append((r, raw, row.line))
            covered.update((r + dr, raw.col + dc) for dr in range(raw.rowspan) for dc in range(raw.colspan))
    for r, row in enumerate(rows):
        placed.extend((r, RawCell(c, ""), row.line) for c in range(ncols) if (r, c) not in covered)
    placed.sort(key=lambda item: (item[0], item[1].col))
    return Table(rows=len(rows), cols=ncols, cells=[_cell(r, raw, line, table_index) for r, raw, line in placed],
                 provenance=Provenance(line=rows[0].line, table=table_index))


def _cell(row: int, raw: RawCell, line: int, table_index: int) -> Cell:
    paragraphs = []
    texts = []
    for text in raw.text.split("\n") if raw.text else ():
        bullet, body = split_bullet(text)
        if body or bullet:
            paragraphs.append(paragraph(body, bullet, provenance=provenance(line=line)))
            texts.append(written(bullet, body))
    text = "\n".join(texts)
    return cell(row, raw.col, text, paragraphs, provenance(line=line, table=table_index, row=row, col=raw.col),
                rowspan=raw.rowspan, colspan=raw.colspan)
