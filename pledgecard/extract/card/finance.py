"""□ 재원투자 실적 및 계획: the unit line and the table of funding sources by column."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from pledgecard.extract.card.celllines import CellLines, rebuild_cell_lines
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.card.tablewords import distinct_cells
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Finance, FinanceCell, FinanceKind, Finding
from pledgecard.normalize import funding_category, parse_amount_cell, table_unit
from pledgecard.normalize.text import close_spaced, squash, unwrap

_YEAR = regex.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)|[’‘`'´]\s*(\d{2})(?!\d)")
_AMOUNT = regex.compile(r"^\s*(?:[-–―]|\d[\d,]*(?:\.\d+)?)?\s*$")


def column_kind(label: str, *, settings: ParserSettings = DEFAULT) -> tuple[FinanceKind, int | None] | None:
    """``("year", 2024)`` for ``2024년``; ``("total", None)`` for 총사업비; None when unknown
    (the column words are the settings' ``finance_column_kinds``)."""
    squashed = squash(label)
    kind = settings.finance_kinds.get(squashed)
    if kind is not None:
        return kind, None
    year = _YEAR.search(squashed)
    if year:
        value = int(year.group(1)) if year.group(1) else 2000 + int(year.group(2))
        return "year", value
    if any(word in squashed for word in settings.after_term_words):
        return "after_term", None
    return None


def is_source_label(text: str, *, settings: ParserSettings = DEFAULT) -> bool:
    squashed = squash(text)
    return squashed in settings.finance_source_words or (
        len(squashed) <= 6 and squashed.endswith("비")
        and squashed not in settings.finance_kinds)  # 총사업비 is a column


def _cell_text(cell: Cell | None) -> str:
    return unwrap(cell.text) if cell else ""


def _measure(text: str, *, settings: ParserSettings = DEFAULT) -> str | None:
    squashed = squash(text)
    return squashed if squashed in settings.finance_measure_words else None


def _is_amount(cell: Cell | None) -> bool:
    return bool(_AMOUNT.match(_cell_text(cell)))


@dataclass
class _Layout:
    """Where a finance table's labels and amounts are: the first data row, how many label
    columns lead each row, and whether sources run down the rows or across the columns."""

    start: int
    label_cols: int
    sources_across: bool = False


def _row_is_data(row: list[Cell | None], label_cols: int) -> bool:
    """Labels, then amounts: every value an amount but a last column of remarks (비고)."""
    labels = row[:label_cols]
    values = row[label_cols:]
    if len(values) > 1 and not _is_amount(values[-1]):
        values = values[:-1]
    return bool(values) and all(_is_amount(c) for c in values) and any(_cell_text(c) for c in values) and all(
        not _is_amount(c) or not _cell_text(c) for c in labels)


def _labels_below(rows: list[list[Cell | None]]) -> bool:
    """Whether a row below writes a label in the second column (its own cell, not an amount)."""
    return any(len(row) > 1 and row[1] is not row[0] and _cell_text(row[1]) and not _is_amount(row[1])
               for row in rows)


def _layout(grid: list[list[Cell | None]], *, settings: ParserSettings = DEFAULT) -> _Layout | None:
    for r, row in enumerate(grid):
        if r == 0 or not row:
            continue
        for label_cols in (1, 2):
            if len(row) <= label_cols or not _row_is_data(row, label_cols):
                continue
            if label_cols == 1 and _labels_below(grid[r + 1:]):
                continue  # 총사업비 | (empty) | …, then a group's label | 기투자 | …: two label columns
            labels = [_cell_text(c) for c in row[:label_cols]]
            joined_label, joined_measure = _row_label(row[:label_cols], settings=settings)  # 계획 계: one cell
            if any(is_source_label(t, settings=settings) or _measure(t, settings=settings) for t in labels) or (
                    joined_measure and is_source_label(joined_label, settings=settings)):
                return _Layout(r, label_cols)
            if any(column_kind(t, settings=settings) for t in labels) and any(  # the sources in a header row above
                    is_source_label(_cell_text(c), settings=settings)
                    for above in grid[:r] for c in above[label_cols:]):
                return _Layout(r, label_cols, sources_across=True)
    return None


def _row_label(cells: list[Cell | None], *, settings: ParserSettings = DEFAULT) -> tuple[str, str | None]:
    """``(label, measure)`` of a row's label cells: ``계 | 계획``, ``계획 | 계`` or one cell
    ``계 계획`` (a flattened table joins them)."""
    label, measure = "", None
    for text in (close_spaced(_cell_text(c)) for c in cells):
        words = text.split()
        # two words only: a row group's label may end in one (연도별 투자 실적 및 계획)
        found = (next((w for w in (words[-1:] + words[:1]) if _measure(w, settings=settings)), None)
                 if len(words) == 2 else None)
        own = _measure(text, settings=settings)
        if own:
            measure = own
        elif found is not None:
            measure = found
            rest = list(words)
            rest.remove(found)
            label = label or " ".join(rest)
        elif text:
            label = text
    return label, measure


def _measure_leads(cells: list[Cell | None], *, settings: ParserSettings = DEFAULT) -> bool:
    """A one-cell label that opens with its measure (``계획 계``): a flattened group label, over
    the rows below it too (``계 계획``, the source first, is that row's alone)."""
    words = close_spaced(_cell_text(cells[0])).split() if cells else []
    return len(words) == 2 and _measure(words[0], settings=settings) is not None


def _header_of_column(grid: list[list[Cell | None]], start: int, c: int, *,
                      settings: ParserSettings = DEFAULT) -> tuple[str, str | None]:
    """The words above column ``c`` (label as written, measure word if any)."""
    words: list[str] = []
    measure: str | None = None
    for r in range(start):
        cell = grid[r][c]
        text = close_spaced(_cell_text(cell))
        if not text or (words and words[-1] == text):
            continue
        own = _measure(text, settings=settings)
        if own:
            measure = own
            continue
        words.append(text)
    return (words[-1] if words else ""), measure


def _carry_measures(grid: list[list[Cell | None]], start: int,
                    columns: dict[int, tuple[str, str | None]]) -> dict[int, tuple[str, str | None]]:
    """A table without spans (pipe, tab) writes a measure over its group's first column only
    (``계획 | | |``): a column headed by its label alone stands under the measure on its left."""
    carried: dict[int, tuple[str, str | None]] = {}
    measure: str | None = None
    for c, (label, own) in sorted(columns.items()):
        texts = [t for t in (close_spaced(_cell_text(grid[r][c])) for r in range(start)) if t]
        measure = own or (measure if texts == [label] else None)
        carried[c] = (label, measure)
    return carried


def read_finance_table(table: Table, unit_won: int | None, issuer: str, source_above: str = "",
                       measure_above: str | None = None, *,
                       settings: ParserSettings = DEFAULT) -> tuple[list[FinanceCell], list[str]]:
    """The cells of a finance table, and the text of rows and columns it could not place;
    ``source_above`` and ``measure_above`` are those of the last row before a page break cut
    the table (merged label cells the next page does not write again)."""
    grid = table.grid()
    layout = _layout(grid, settings=settings)
    if layout is None:
        return [], [block_text(table)]
    leftovers: list[str] = []
    headers = {c: _header_of_column(grid, layout.start, c, settings=settings)
               for c in range(layout.label_cols, table.cols)}
    columns = _carry_measures(grid, layout.start, headers)
    cells: list[FinanceCell] = []
    cell_columns: list[int] = []
    measure_of_rows = measure_above
    source_of_rows = source_above
    grouped = False
    kinds: dict[str, tuple[FinanceKind, int | None] | None] = {}  # each column label read once
    for r in range(layout.start, table.rows):
        row = grid[r]
        row_label, row_measure = _row_label(row[:layout.label_cols], settings=settings)
        # a measure in a label column of its own spans the rows below it; one beside the
        # source (계 계획) is that row's alone
        grouped = grouped or _measure_leads(row[:layout.label_cols], settings=settings)  # 계획 계, then 국  비
        measure_of_rows = (row_measure or measure_of_rows) if layout.label_cols > 1 or grouped else row_measure
        if not row_label and row_measure is not None and source_of_rows:
            row_label = source_of_rows  # 확보 / 집행 under the source of the 계획 row above
        if not row_label:
            leftovers.append(" ".join(_cell_text(c) for _, c in distinct_cells(row)))
            continue
        source_of_rows = row_label
        for c in range(layout.label_cols, table.cols):
            cell = row[c]
            if cell is None or (c > layout.label_cols and row[c - 1] is cell):
                continue
            label, column_measure = columns[c]
            source, column = (label, row_label) if layout.sources_across else (row_label, label)
            if column not in kinds:
                kinds[column] = column_kind(column, settings=settings)
            kind = kinds[column]
            raw = _cell_text(cell).strip()
            if kind is None or not source:
                if raw:
                    leftovers.append(f"{label} {raw}".strip())
                continue
            cells.append(FinanceCell(
                source=source, category=funding_category(source, issuer), column=column, kind=kind[0],
                year=kind[1], won=parse_amount_cell(raw, unit_won), raw=raw,
                measure=column_measure or measure_of_rows, provenance=cell.provenance,
            ))
            cell_columns.append(c)
    if layout.sources_across:  # source by source, as when the sources run down the rows
        cells = [cell for _, cell in sorted(zip(cell_columns, cells, strict=True), key=lambda pair: pair[0])]
    return cells, leftovers


@lru_cache(maxsize=8)
def _cell_lines(settings: ParserSettings = DEFAULT) -> CellLines:
    """A finance table written one cell per line: 구분, the column words, then a source and its
    amounts a row (built once per settings object)."""
    return CellLines(opens_header=lambda text: squash(text) in settings.finance_row_header_words,
                     header=lambda text: column_kind(text, settings=settings) is not None,
                     opens_row=lambda text: is_source_label(text, settings=settings),
                     value=lambda text: bool(_AMOUNT.match(text)))


_CELL_LINES = _cell_lines(DEFAULT)


def table_unit_of(table: Table) -> tuple[str, int] | None:
    """A unit stated inside the table (its first cell: ``구분 (단위: 억원)``, or a row of its own)."""
    for cell in table.cells:
        found = table_unit(cell.text)
        if found:
            return found
    return None


def read_finance(blocks: list[Block], heading: str, issuer: str, findings: list[Finding], *,
                 settings: ParserSettings = DEFAULT) -> tuple[Finance, list[str]]:
    """The finance part; its unit from wherever the card states it: the heading line, a line
    above the table, or a cell of the table itself. Its column, source, measure and row-header
    words are those of ``settings``."""
    finance = Finance()
    leftovers: list[str] = []
    blocks = rebuild_cell_lines(blocks, _cell_lines(settings))
    units = [table_unit(heading)]
    for block in blocks:
        if isinstance(block, Paragraph):
            found = table_unit(block.text)
            units.append(found)
            if not found:
                leftovers.append(block.full_text)
    units.extend(table_unit_of(block) for block in blocks if isinstance(block, Table))
    unit = next((u for u in units if u is not None), None)
    if unit is not None:
        finance.unit, finance.unit_won = unit
    else:
        findings.append(Finding(code="finance.unit_missing", severity="warning",
                                message="the finance table gives no (단위 : …) unit line; amounts left null",
                                path="finance.unit"))
    for block in blocks:
        if isinstance(block, Table):
            last = finance.cells[-1] if finance.cells else None  # 확보 / 집행 rows after a break
            cells, rest = read_finance_table(block, finance.unit_won, issuer, last.source if last else "",
                                             last.measure if last else None, settings=settings)
            finance.cells.extend(cells)
            leftovers.extend(rest)
    finance.cells = _by_source(finance.cells)
    return finance, leftovers


def _by_source(cells: list[FinanceCell]) -> list[FinanceCell]:
    """A table a page break cut into two, with the sources across: each source's cells together,
    sources in the order first met (a no-op where the sources run down the rows)."""
    first: dict[tuple[str, str | None], int] = {}
    for cell in cells:
        first.setdefault((cell.source, cell.measure), len(first))
    return sorted(cells, key=lambda cell: first[(cell.source, cell.measure)])
