"""Tables of dated entries (날짜별 추진실적, 향후 추진일정): a date column and a content column,
each row an item whose dates come from its date cell."""

from __future__ import annotations

from pledgecard.extract.card.items import make_item
from pledgecard.extract.card.tablewords import cell_text, find_columns
from pledgecard.extract.document import Paragraph, Table, paragraph
from pledgecard.models import Finding, Item, Span
from pledgecard.normalize import find_spans, parse_span
from pledgecard.normalize.text import squash
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


def is_dated_header(paragraph: Paragraph) -> bool:
    """``일자 추진내용``: a line of a date column word and a content column word, a table of dated
    entries flattened a row per line."""
    words = paragraph.text.split()
    if paragraph.bullet is not None or len(words) != 2:
        return False
    date_word, content_word = (squash(w) for w in words)
    return (date_word in {squash(w) for w in DATED_COLUMNS["date"]}
            and content_word in {squash(w) for w in DATED_COLUMNS["content"]})


def leading_date(text: str) -> tuple[Span, str] | None:
    """``(span, rest)`` of a line that opens with a date (``2025. 9. 건축공사 준공``)."""
    spans = find_spans(text)
    if not spans or not text.lstrip().startswith(spans[0].text):
        return None
    start = text.index(spans[0].text) + len(spans[0].text)
    rest = text[start:].strip()
    return (spans[0], rest) if rest else None


def items_of_dated_lines(paragraphs: list[Paragraph], path: str,
                         findings: list[Finding]) -> tuple[list[Paragraph], list[Item]]:
    """The paragraphs left, and the items of a dated table flattened a row per line: after its
    header line, each line that opens with a date is an item of that date."""
    kept: list[Paragraph] = []
    items: list[Item] = []
    in_table = False
    for line in paragraphs:
        if is_dated_header(line):
            in_table = True
            continue
        row = leading_date(line.text) if in_table and line.bullet is None else None
        if row is None:
            in_table = False
            kept.append(line)
            continue
        span, content = row
        item = make_item(line.model_copy(update={"text": content}), 1, f"{path}[{len(items)}]", findings)
        items.append(item.model_copy(update={"dates": [span, *item.dates]}))
    return kept, items
