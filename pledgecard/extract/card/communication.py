"""□ 도민소통 실적 (시민/군민/주민소통): channels and their counts, 계 first."""

from __future__ import annotations

import regex

from pledgecard.extract.card.flattened import rebuild_channel_table
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Channel
from pledgecard.normalize.text import close_spaced, unwrap

_NUMBER = regex.compile(r"^\s*(\d[\d,]*)\s*(?:회|건|번)?\s*$")
_NONE = regex.compile(r"^\s*[-–―]\s*$")


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


def channels_of_table(table: Table) -> list[Channel]:
    """Channels across the first row and counts in the last; a two-column table that is not
    two rows high lists a channel per row instead."""
    grid = table.grid()
    if table.cols == 2 and table.rows != 2:
        names, values = [row[0] for row in grid], [row[1] for row in grid]
    elif table.rows >= 2:
        names, values = grid[0], grid[-1]
    else:
        return []
    channels = []
    for name_cell, value_cell in zip(names, values, strict=True):
        name, value = _text(name_cell), unwrap(value_cell.text) if value_cell else ""
        if name:
            channels.append(Channel(channel=name, count=parse_count(value), text=value))
    return channels


def read_communication(blocks: list[Block]) -> tuple[list[Channel], list[str]]:
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
        found = channels_of_table(table)
        if not found:
            leftovers.append(block_text(table))
        channels.extend(found)
    return channels, leftovers
