"""Tables of dated entries (날짜별 추진실적, 향후 추진일정): a date column and a content column,
each row an item whose dates come from its date cell."""

from __future__ import annotations

from pledgecard.extract.card.items import make_item
from pledgecard.extract.card.tablewords import cell_text, find_columns
from pledgecard.extract.document import Table, paragraph
from pledgecard.models import Finding, Item
from pledgecard.normalize import parse_span
from pledgecard.vocab import DATED_COLUMNS


def is_dated_table(table: Table) -> bool:
    return find_columns(table, DATED_COLUMNS, {"date", "content"}) is not None


def items_of_dated_table(table: Table, path: str, findings: list[Finding]) -> tuple[list[Item], list[str]]:
    """One item a row: its text the content, its first date the date cell's span."""
    found = find_columns(table, DATED_COLUMNS, {"date", "content"})
    if found is None:
        return [], []
    columns, start = found
    items: list[Item] = []
    leftovers: list[str] = []
    for row in table.grid()[start:]:
        date_cell = row[columns["date"]] if columns["date"] < len(row) else None
        content_cell = row[columns["content"]] if columns["content"] < len(row) else None
        date_text, content = cell_text(date_cell), cell_text(content_cell)
        if not content and not date_text:
            continue
        origin = content_cell.provenance if content_cell else table.provenance
        item = make_item(paragraph(content, None, 0, origin), 1, f"{path}[{len(items)}]", findings)
        span = parse_span(date_text, findings) if date_text else None
        if span is not None:
            item = item.model_copy(update={"dates": [span, *item.dates]})
        elif date_text:
            leftovers.append(date_text)
        items.append(item)
    return items, leftovers
