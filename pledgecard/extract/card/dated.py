"""Tables of dated entries (날짜별 추진실적, 향후 추진일정): a date column and a content column,
each row an item whose dates come from its date cell."""

from __future__ import annotations

from pledgecard.extract.card.items import make_item
from pledgecard.extract.card.tablewords import (
    caption_texts,
    cell_text,
    column_roles,
    distinct_cells,
    find_columns,
    other_columns,
)
from pledgecard.extract.document import Cell, Paragraph, Table, paragraph
from pledgecard.models import Finding, Item, Span
from pledgecard.normalize import find_spans, parse_span
from pledgecard.normalize.text import squash
from pledgecard.vocab import DATED_COLUMNS


def is_dated_table(table: Table) -> bool:
    return find_columns(table, DATED_COLUMNS, {"date", "content"}) is not None


def items_of_dated_table(table: Table, path: str, findings: list[Finding]) -> tuple[list[Item], list[str]]:
    """One item a row: its text the content, its first date the date cell's span, its note the
    비고 cell (which takes the place of a status in trailing parentheses, kept in the text).

    Nothing else vanishes: a column under a spanned date or content header is part of that
    column (joined with a space); the cells of any other column go to the leftovers with their
    header (``담당부서 하천관리과``), as does the header of an empty column of unknown words and
    any caption row above the header row. Those leftovers end in ``unplaced``."""
    found = find_columns(table, DATED_COLUMNS, {"date", "content"})
    if found is None:
        return [], []
    columns, start = found
    grid = table.grid()
    roles = column_roles(grid[start - 1], columns)
    leftovers = caption_texts(grid[:start - 1], _COLUMN_WORDS)
    extras: dict[int, list[str]] = {c: [] for c, role in enumerate(roles) if role is None}
    items: list[Item] = []
    taken: set[int] = set()  # extra cells already placed (a cell spanning rows is placed once)
    for row in grid[start:]:
        texts = _row_texts(row, roles, extras, taken)
        date_text, content, note = texts["date"], texts["content"], texts["note"]
        if not content and not date_text:
            if _is_note(note):
                leftovers.append(f"{_NOTE_LABEL} {note}")
            continue
        content_cell = row[columns["content"]] if columns["content"] < len(row) else None
        origin = content_cell.provenance if content_cell else table.provenance
        item = make_item(paragraph(content, None, 0, origin), 1, f"{path}[{len(items)}]", findings)
        span = parse_span(date_text, findings) if date_text else None
        if span is not None:
            item = item.model_copy(update={"dates": [span, *item.dates]})
        elif date_text:
            leftovers.append(date_text)
        if _is_note(note):
            item = item.model_copy(update={"note": note})
        items.append(item)
    return items, leftovers + other_columns(grid[start - 1], extras, _COLUMN_WORDS)


#: The label of a 비고 cell sent to the leftovers (a row with nothing but a note).
_NOTE_LABEL = DATED_COLUMNS["note"][0]
_COLUMN_WORDS = frozenset(squash(word) for words in DATED_COLUMNS.values() for word in words)


def _row_texts(row: list[Cell | None], roles: list[str | None], extras: dict[int, list[str]],
               taken: set[int]) -> dict[str, str]:
    """A row's date, content and note (each its cells joined with a space); the text of its
    other columns added to ``extras``. A cell spanning the content column is content (a row
    merged across the table), else it takes the role of its first column."""
    parts: dict[str, list[str]] = {"date": [], "content": [], "note": []}
    for c, cell in distinct_cells(row):
        text = cell_text(cell)
        covered = [roles[i] for i in range(c, len(row)) if row[i] is cell and i < len(roles)]
        role = "content" if "content" in covered else covered[0] if covered else None
        if role is not None:
            parts[role].append(text)
        elif text and id(cell) not in taken:
            taken.add(id(cell))
            extras.setdefault(c, []).append(text)
    return {key: " ".join(t for t in texts if t) for key, texts in parts.items()}


def _is_note(text: str) -> bool:
    """A 비고 cell that says something (not empty, not a dash)."""
    return bool(text) and any(ch.isalnum() for ch in text)


_DATE_WORDS = frozenset(squash(w) for w in DATED_COLUMNS["date"])
_CONTENT_WORDS = frozenset(squash(w) for w in DATED_COLUMNS["content"])


def is_dated_header(paragraph: Paragraph) -> bool:
    """``일자 추진내용``: a line of a date column word and a content column word, a table of dated
    entries flattened a row per line."""
    words = paragraph.text.split()
    if paragraph.bullet is not None or len(words) != 2:
        return False
    date_word, content_word = words  # split on spaces: each is its squashed form already
    return date_word in _DATE_WORDS and content_word in _CONTENT_WORDS


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
