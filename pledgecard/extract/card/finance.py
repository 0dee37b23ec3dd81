"""□ 재원투자 실적 및 계획: the unit line and the table of funding sources by column."""

from __future__ import annotations

import regex

from pledgecard.extract.card.layout import block_text
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Finance, FinanceCell, FinanceKind, Finding
from pledgecard.normalize import funding_category, parse_amount_cell, table_unit
from pledgecard.normalize.text import close_spaced, squash, unwrap
from pledgecard.vocab import FINANCE_COLUMN_KINDS, FUNDING_BY_LEVEL, FUNDING_FIXED

_YEAR = regex.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)|[’‘`'´]\s*(\d{2})(?!\d)")
_AMOUNT = regex.compile(r"^\s*(?:[-–―]|\d[\d,]*(?:\.\d+)?)?\s*$")
#: Squashed column word -> kind (reversed, so that the first word listed wins, as in a search).
_COLUMN_KINDS = {squash(word): kind for word, kind in reversed(FINANCE_COLUMN_KINDS.items())}
_AFTER_TERM_WORDS = tuple(squash(word) for word, kind in FINANCE_COLUMN_KINDS.items() if kind == "after_term")
_SOURCE_LABELS = frozenset(squash(k) for k in (*FUNDING_FIXED, *FUNDING_BY_LEVEL))


def column_kind(label: str) -> tuple[FinanceKind, int | None] | None:
    """``("year", 2024)`` for ``2024년``; ``("total", None)`` for 총사업비; None when unknown."""
    squashed = squash(label)
    kind = _COLUMN_KINDS.get(squashed)
    if kind is not None:
        return _kind(kind), None
    year = _YEAR.search(squashed)
    if year:
        value = int(year.group(1)) if year.group(1) else 2000 + int(year.group(2))
        return "year", value
    if any(word in squashed for word in _AFTER_TERM_WORDS):
        return "after_term", None
    return None


def _kind(name: str) -> FinanceKind:
    kinds: dict[str, FinanceKind] = {"total": "total", "prior": "prior", "year": "year", "after_term": "after_term"}
    return kinds[name]


def is_source_label(text: str) -> bool:
    squashed = squash(text)
    return squashed in _SOURCE_LABELS or (len(squashed) <= 6 and squashed.endswith("비"))


def _cell_text(cell: Cell | None) -> str:
    return unwrap(cell.text) if cell else ""


def _first_data_row(grid: list[list[Cell | None]]) -> int | None:
    for r, row in enumerate(grid):
        if row and is_source_label(_cell_text(row[0])) and all(
            _AMOUNT.match(_cell_text(c)) for c in row[1:]
        ):
            return r
    return None


def read_finance_table(table: Table, unit_won: int | None, issuer: str) -> tuple[list[FinanceCell], list[str]]:
    """The cells of a finance table, and the text of rows and columns it could not place."""
    grid = table.grid()
    start = _first_data_row(grid)
    if start is None or start == 0:
        return [], [block_text(table)]
    header = grid[start - 1]
    columns = [(c, close_spaced(_cell_text(header[c])), column_kind(_cell_text(header[c])))
               for c in range(1, table.cols)]
    leftovers = [close_spaced(_cell_text(header[c])) for c, _label, kind in columns if kind is None]
    cells: list[FinanceCell] = []
    for r in range(start, table.rows):
        row = grid[r]
        source = close_spaced(_cell_text(row[0]))
        if not source:
            leftovers.append(" ".join(_cell_text(c) for c in row if c))
            continue
        category = funding_category(source, issuer)
        for c, label, kind in columns:
            cell = row[c]
            if kind is None or cell is None:
                continue
            raw = _cell_text(cell).strip()
            cells.append(FinanceCell(
                source=source, category=category, column=label, kind=kind[0], year=kind[1],
                won=parse_amount_cell(raw, unit_won), raw=raw, provenance=cell.provenance,
            ))
    return cells, leftovers


def read_finance(blocks: list[Block], heading: str, issuer: str, findings: list[Finding]) -> tuple[Finance, list[str]]:
    finance = Finance()
    leftovers: list[str] = []
    unit = table_unit(heading)
    for block in blocks:
        if isinstance(block, Paragraph):
            found = table_unit(block.text)
            if found and unit is None:
                unit = found
            elif not found:
                leftovers.append(block.full_text)
    if unit is not None:
        finance.unit, finance.unit_won = unit
    else:
        findings.append(Finding(code="finance.unit_missing", severity="warning",
                                message="the finance table gives no (단위 : …) unit line; amounts left null",
                                path="finance.unit"))
    for block in blocks:
        if isinstance(block, Table):
            cells, rest = read_finance_table(block, finance.unit_won, issuer)
            finance.cells.extend(cells)
            leftovers.extend(rest)
    return finance, leftovers
