"""The renderer's document: what a card looks like on the page, before any format.

A card becomes a list of blocks: lines (kind line, header fields, headings, as-of
lines, bulleted items, notes) and grids (tables with spans). The text renderer and
the binary producers (HWP, HWPX, DOCX -> PDF) all write this one structure, so every
format of a fixture says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["kind", "header", "heading", "as_of", "item", "caption", "unit", "text", "page"]


@dataclass(frozen=True)
class Line:
    """A paragraph. ``heading`` lines carry their ordinal (for numbered markers); items their
    bullet glyph and depth (1 = top)."""

    role: Role
    text: str
    marker: str = ""
    level: int = 0
    ordinal: int = 0


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Grid:
    """A table: ``header_rows`` rows repeat when a page break cuts it."""

    name: str
    rows: int
    cols: int
    cells: tuple[GridCell, ...]
    header_rows: int = 1

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering (row, col), spans included."""
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        return None


@dataclass(frozen=True)
class PageBreak:
    """A page break, with the furniture the next page starts with (running header, number)."""

    furniture: tuple[str, ...] = ()
    before: tuple[str, ...] = ()


Block = Line | Grid | PageBreak


@dataclass
class GridBuilder:
    """Cells added row by row; ``rows``/``cols`` follow the cells."""

    name: str
    header_rows: int = 1
    cells: list[GridCell] = field(default_factory=list)

    def add(self, row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        self.cells.append(GridCell(row, col, text, rowspan, colspan))

    def build(self) -> Grid:
        rows = max((c.row + c.rowspan for c in self.cells), default=0)
        cols = max((c.col + c.colspan for c in self.cells), default=0)
        return Grid(self.name, rows, cols, tuple(self.cells), self.header_rows)


def transpose(grid: Grid, header_rows: int) -> Grid:
    """The same table with rows and columns swapped (a finance table written sideways); its
    ``header_rows`` are the label columns of ``grid``, which a page break repeats whole (as
    Hangul's and Word's repeated title rows do: every row marked a header, not the first only)."""
    cells = tuple(GridCell(c.col, c.row, c.text, c.colspan, c.rowspan) for c in grid.cells)
    return Grid(grid.name, grid.cols, grid.rows, cells, header_rows=header_rows)
