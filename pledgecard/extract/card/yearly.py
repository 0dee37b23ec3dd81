"""연도별 추진계획 및 실적: a table of 연도 / 추진계획 / 추진실적 / 추진율 / 비고, one YearPlan a row."""

from __future__ import annotations

from pledgecard.extract.card.celllines import YEARLY_CELL_LINES, rebuild_cell_lines
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.tablewords import cell_text, find_columns
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Finding, YearPlan
from pledgecard.normalize import parse_rate_cell, parse_span
from pledgecard.vocab import EMPTY_VALUES, YEARLY_COLUMNS


def _value(cell: Cell | None) -> str | None:
    text = cell_text(cell)
    return None if not text or text in EMPTY_VALUES else text


def yearly_of_table(table: Table, findings: list[Finding]) -> tuple[list[YearPlan], list[str]]:
    found = find_columns(table, YEARLY_COLUMNS, {"years", "plan"})
    if found is None:
        return [], [block_text(table)]
    columns, start = found
    plans: list[YearPlan] = []
    leftovers: list[str] = []
    known = set(columns.values())
    for row in table.grid()[start:]:
        years_text = cell_text(row[columns["years"]])
        span = parse_span(years_text, findings) if years_text else None
        cells = {key: row[c] if c < len(row) else None for key, c in columns.items()}
        plan = _value(cells.get("plan"))
        if span is None:
            leftovers.append(" ".join(cell_text(c) for i, c in enumerate(row) if c and (i == 0 or row[i - 1] is not c)))
            continue
        if span.start is not None and span.end is None and "~" not in years_text:
            span = span.model_copy(update={"end": span.start})
        rate_text = _value(cells.get("rate"))
        rate = parse_rate_cell(rate_text, findings)
        if rate_text is not None and rate is None:
            leftovers.append(rate_text)
        plans.append(YearPlan(years=span, plan=plan or "", result=_value(cells.get("result")), rate=rate,
                              note=_value(cells.get("note"))))
        leftovers.extend(cell_text(c) for i, c in enumerate(row)
                         if c is not None and i not in known and cell_text(c) and (i == 0 or row[i - 1] is not c))
    return plans, leftovers


def read_yearly(blocks: list[Block], findings: list[Finding]) -> tuple[list[YearPlan], list[str]]:
    plans: list[YearPlan] = []
    leftovers: list[str] = []
    for block in rebuild_cell_lines(blocks, YEARLY_CELL_LINES):  # a table written a cell per line
        if isinstance(block, Table):
            rows, rest = yearly_of_table(block, findings)
            plans.extend(rows)
            leftovers.extend(rest)
        elif isinstance(block, Paragraph):
            leftovers.append(block.full_text)
    return plans, leftovers
