"""연도별 추진계획 및 실적: a table of 연도 / 추진계획 / 추진실적 / 추진율 / 비고, one YearPlan a row.

Nothing vanishes: a cell of a known column that says something is its field's value as written
(``없음``, ``해당없음`` too: a stated value); only an empty cell or a dash is null (a dash has no
letter to lose). A 추진율 cell that states none (``없음``, ``해당없음``: vocab.EMPTY_VALUES) is a
null rate read as written (as a header's ``담당자 없음`` is; :func:`yearly_of_table` names it in
its ``nones``, where the accounting finds it placed); one that is no rate (``추진중``) is null and
its text goes to the leftovers. The cells of any other column go to the leftovers with their header
(``담당부서 공원녹지과``), as does the header of an empty column of unknown words and any caption
row above the header row; a row whose year does not read goes there whole. Those leftovers end
in ``unplaced``.
"""

from __future__ import annotations

from pledgecard.extract.card.celllines import YEARLY_CELL_LINES, rebuild_cell_lines
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.tablewords import (
    caption_texts,
    cell_text,
    column_roles,
    distinct_cells,
    find_columns,
    other_columns,
)
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Finding, Span, YearPlan
from pledgecard.normalize import parse_rate_cell, parse_span
from pledgecard.normalize.text import squash
from pledgecard.vocab import EMPTY_VALUES, YEARLY_COLUMNS

_COLUMN_WORDS = frozenset(squash(word) for words in YEARLY_COLUMNS.values() for word in words)

Row = list[Cell | None]


def _value(text: str) -> str | None:
    """A cell's value as written; None for an empty cell or a dash (no letter or digit)."""
    return text if any(ch.isalnum() for ch in text) else None


def _row_texts(row: Row, roles: list[str | None]) -> tuple[dict[str, str], list[tuple[int, Cell]]]:
    """A row's text of each field (its columns' cells joined with a space; a cell spanning the
    columns of two fields is the text of both, as each column reads it), and its cells of other
    columns with their column."""
    parts: dict[str, list[str]] = {key: [] for key in YEARLY_COLUMNS}
    others: list[tuple[int, Cell]] = []
    for c, cell in distinct_cells(row):
        covered = sorted({role for i, role in enumerate(roles) if role is not None and i < len(row) and row[i] is cell})
        for role in covered:
            parts[role].append(cell_text(cell))
        if not covered:
            others.append((c, cell))
    return {key: " ".join(t for t in texts if t) for key, texts in parts.items()}, others


#: ``(index of the row's plan, text)`` of each 추진율 cell read as a stated none.
Nones = list[tuple[int, str]]


def _plan(texts: dict[str, str], span: Span, leftovers: list[str],
          findings: list[Finding]) -> tuple[YearPlan, str | None]:
    """The row's plan, and its 추진율 cell's text where that states none (없음: a null rate as the
    card states it)."""
    if span.start is not None and span.end is None and "~" not in texts["years"]:
        span = span.model_copy(update={"end": span.start})
    rate_text = _value(texts["rate"])
    rate = parse_rate_cell(rate_text, findings)
    none = rate_text if rate_text is not None and rate_text.strip() in EMPTY_VALUES else None
    if rate_text is not None and rate is None and none is None:
        leftovers.append(rate_text)  # 추진중: no rate, and not lost
    return YearPlan(years=span, plan=_value(texts["plan"]) or "", result=_value(texts["result"]), rate=rate,
                    note=_value(texts["note"])), none


def _take(cells: list[tuple[int, Cell]], taken: set[int]) -> list[tuple[int, str]]:
    """The cells not placed yet (a cell spanning rows is placed once), with their text, now placed."""
    fresh = [(c, cell) for c, cell in cells if id(cell) not in taken]
    taken.update(id(cell) for _, cell in fresh)
    return [(c, text) for c, cell in fresh if (text := cell_text(cell))]


def yearly_of_table(table: Table, findings: list[Finding],
                    nones: Nones | None = None) -> tuple[list[YearPlan], list[str]]:
    """The rows' plans and the leftovers; ``nones`` takes the 추진율 cells read as a stated none."""
    found = find_columns(table, YEARLY_COLUMNS, {"years", "plan"})
    if found is None:
        return [], [block_text(table)]
    columns, start = found
    grid = table.grid()
    header = grid[start - 1]
    roles = column_roles(header, columns)
    leftovers = caption_texts(grid[:start - 1], _COLUMN_WORDS)
    extras: dict[int, list[str]] = {c: [] for c, role in enumerate(roles) if role is None}
    taken: set[int] = set()  # cells already in the leftovers
    plans: list[YearPlan] = []
    for row in grid[start:]:
        texts, others = _row_texts(row, roles)
        span = parse_span(texts["years"], findings) if texts["years"] else None
        if span is None:  # a row whose year does not read goes whole
            whole = " ".join(text for _, text in _take(distinct_cells(row), taken))
            if whole:
                leftovers.append(whole)
            continue
        plan, none = _plan(texts, span, leftovers, findings)
        if none is not None and nones is not None:
            nones.append((len(plans), none))
        plans.append(plan)
        for c, text in _take(others, taken):
            extras.setdefault(c, []).append(text)
    return plans, leftovers + other_columns(header, extras, _COLUMN_WORDS)


def read_yearly(blocks: list[Block], findings: list[Finding],
                nones: Nones | None = None) -> tuple[list[YearPlan], list[str]]:
    """The part's plans and leftovers; ``nones`` as in :func:`yearly_of_table`, indexed in the
    part's plans."""
    plans: list[YearPlan] = []
    leftovers: list[str] = []
    for block in rebuild_cell_lines(blocks, YEARLY_CELL_LINES):  # a table written a cell per line
        if isinstance(block, Table):
            own: Nones = []
            rows, rest = yearly_of_table(block, findings, own)
            if nones is not None:
                nones.extend((len(plans) + index, text) for index, text in own)
            plans.extend(rows)
            leftovers.extend(rest)
        elif isinstance(block, Paragraph):
            leftovers.append(block.full_text)
    return plans, leftovers
