"""Tables written one cell per line (a PDF or HWP text export of the second family's finance
and 연도별 추진계획 및 실적 tables), rebuilt as real tables.

The header cells give the column count (the cell that opens the header, then the known
column words); then the cells fill rows in order, each row opened by a source label or a
year. Lines that do not fill a row stay paragraphs: a short row is never guessed at. The
layout has already dropped the page furniture, so a table a page break cut reads as one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from pledgecard.extract.document import Block, Cell, Paragraph, Table, at_cell, cell, provenance
from pledgecard.normalize.text import squash
from pledgecard.vocab import YEARLY_COLUMNS

#: Columns of a table written a cell per line (its row label and one more at least).
MIN_CELL_COLUMNS = 2


def _cell(row: int, col: int, paragraphs: list[Paragraph]) -> Cell:
    first = paragraphs[0].provenance if paragraphs else provenance()
    return cell(row, col, "\n".join(p.full_text for p in paragraphs), paragraphs, at_cell(first, row, col))


@dataclass(frozen=True)
class CellLines:
    """How a table written one cell per line reads (a PDF or HWP text export): the cell that
    opens its header (구분, 연도), the words of the other header cells, which give the column
    count, the cell that opens each row (a source label, a year) and what its other cells may be."""

    opens_header: Callable[[str], bool]
    header: Callable[[str], bool]
    opens_row: Callable[[str], bool]
    value: Callable[[str], bool]


def _starts_with_any(words: tuple[str, ...]) -> Callable[[str], bool]:
    squashed = tuple(squash(w) for w in words)
    return lambda text: squash(text).startswith(squashed)


_YEAR_CELL = regex.compile(r"^(?:19|20)\d{2}\s*년?(?:\s*[~∼–-]\s*(?:(?:19|20)?\d{2})\s*년?)?$")

#: The 연도별 추진계획 및 실적 table a cell per line: 연도, its column words, then a year and its
#: cells a row (a cell may be ``-``, never a year).
YEARLY_CELL_LINES = CellLines(
    opens_header=lambda text: squash(text) in {squash(w) for w in YEARLY_COLUMNS["years"]},
    header=_starts_with_any(tuple(w for key, words in YEARLY_COLUMNS.items() if key != "years" for w in words)),
    opens_row=lambda text: bool(_YEAR_CELL.match(text)),
    value=lambda text: not _YEAR_CELL.match(text),
)


def rebuild_cell_lines(blocks: list[Block], spec: CellLines) -> list[Block]:
    """``blocks`` with each run of paragraphs that writes a table one cell per line replaced by
    that table: header cells, then rows of as many cells, each opened by ``spec.opens_row``.
    Lines that do not fill a row stay paragraphs (a short row is never guessed at)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        found = _cell_table(blocks, i, spec)
        if found is None:
            out.append(blocks[i])
            i += 1
            continue
        table, i = found
        out.append(table)
    return out


def _line(block: Block) -> str | None:
    return block.full_text.strip() if isinstance(block, Paragraph) else None


def _cell_table(blocks: list[Block], start: int, spec: CellLines) -> tuple[Table, int] | None:
    first = _line(blocks[start])
    if first is None or not spec.opens_header(first):
        return None
    end = start + 1
    while end < len(blocks) and (text := _line(blocks[end])) is not None and spec.header(text) \
            and not spec.opens_row(text):
        end += 1
    ncols = end - start
    if ncols < MIN_CELL_COLUMNS:
        return None
    rows: list[list[Block]] = [blocks[start:end]]
    while end + ncols <= len(blocks) and _is_cell_row(blocks[end:end + ncols], spec):
        rows.append(blocks[end:end + ncols])
        end += ncols
    if len(rows) < 2:
        return None
    cells = [_cell(r, c, [b]) for r, row in enumerate(rows) for c, b in enumerate(row) if isinstance(b, Paragraph)]
    return Table(rows=len(rows), cols=ncols, cells=cells, provenance=blocks[start].provenance), end


def _is_cell_row(row: list[Block], spec: CellLines) -> bool:
    texts = [_line(b) for b in row]
    return (texts[0] is not None and spec.opens_row(texts[0])
            and all(t is not None and spec.value(t) for t in texts[1:]))
