"""□ 도민소통 실적 (시민/군민/주민소통): channels and their counts, 계 first."""

from __future__ import annotations

import regex

from pledgecard.extract.card.flattened import is_count, rebuild_channel_table
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Channel
from pledgecard.normalize.text import close_spaced, squash, unwrap

_NUMBER = regex.compile(r"^\s*(\d[\d,]*)\s*(?:회|건|번)?\s*$")
_NONE = regex.compile(r"^\s*[-–―]\s*$")
_YEAR = regex.compile(r"(?<!\d)(20\d{2})(?!\d)")


def parse_count(text: str) -> int | None:
    """``3`` -> 3, ``12회`` -> 12, ``-`` -> 0; words (다수, 수시, 횟수 기재) -> None."""
    match = _NUMBER.match(text)
    if match:
        return int(match.group(1).replace(",", ""))
    if _NONE.match(text):
        return 0
    return None


def _text(cell: Cell | None) -> str:
    return close_spaced(unwrap(cell.text)) if cell else ""


def _label_column(grid: list[list[Cell | None]], *, settings: ParserSettings = DEFAULT) -> bool:
    """Whether the first column labels the rows (구분 | 횟수, 연도 | 2024년) instead of naming a
    channel: its header is a row-header word of ``settings``, or none of its values is a count."""
    if squash(_text(grid[0][0])) in settings.communication_row_header_words:
        return True
    return all(_text(row[0]) and not is_count(_text(row[0])) for row in grid[1:])


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def channels_of_table(table: Table, *, settings: ParserSettings = DEFAULT) -> list[Channel]:
    """Channels across the first row and a count under each in every row below (a row per year
    gives each year's counts); a two-column table that is not two rows high lists a channel
    per row instead. A first column headed by a row-header word of ``settings`` labels the rows."""
    grid = table.grid()
    if not grid:  # a box cut after its top rule has no row
        return []
    if table.cols == 2 and table.rows != 2:
        start = 1 if squash(_text(grid[0][0])) in settings.communication_row_header_words else 0
        return [Channel(channel=_text(row[0]), count=parse_count(_raw(row[1])), text=_raw(row[1]))
                for row in grid[start:] if _text(row[0])]
    if table.rows < 2:
        return []
    labelled = _label_column(grid, settings=settings)
    first = 1 if labelled else 0
    channels = []
    for row in grid[1:]:
        year = _year(_text(row[0])) if labelled else None
        for c in range(first, table.cols):
            name_cell = grid[0][c]
            if name_cell is None or (c > first and grid[0][c - 1] is name_cell):
                continue
            name, value = _text(name_cell), _raw(row[c])
            if name:
                channels.append(Channel(channel=name, count=parse_count(value), text=value, year=year))
    return channels


def _raw(cell: Cell | None) -> str:
    return unwrap(cell.text) if cell else ""


def read_communication(blocks: list[Block], *, settings: ParserSettings = DEFAULT) -> tuple[list[Channel], list[str]]:
    channels: list[Channel] = []
    leftovers: list[str] = []
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    tables = [b for b in blocks if isinstance(b, Table)]
    if paragraphs and not tables:
        rebuilt = rebuild_channel_table(paragraphs)
        if rebuilt is not None:
            table, used = rebuilt
            tables.append(table)
            paragraphs = paragraphs[used:]
    leftovers.extend(p.full_text for p in paragraphs)
    for table in tables:
        found = channels_of_table(table, settings=settings)
        if not found:
            leftovers.append(block_text(table))
        channels.extend(found)
    return channels, leftovers
