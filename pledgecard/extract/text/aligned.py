"""Columns lined up with spaces: cells apart by two or more display columns of space.

    구 분          총사업비        2024      2025
    계              1,234.5       600       634.5
    국 비             800           -         800

A line is cut into segments at runs of two or more spaces (a wide character counts two
display columns). Rows belong together while each segment of a row falls under exactly one
column of the rows above (a right-aligned number widens its column); a line whose segment
reaches over two columns ends the rows, and above them it is a header whose cell spans
those columns. Letter-spaced words (``국  비``: one letter, spaces, one letter) stay one
segment, and a segment holding numbers one space apart (``14,494 7,519``: a row flattened
with single spaces) is no aligned row at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from pledgecard.extract.bullets import split_bullet
from pledgecard.extract.text.boxdraw import char_width, display_starts
from pledgecard.extract.text.rowgrid import RawCell, RawRow
from pledgecard.vocab import BULLET_LEVELS

#: Two or more spaces (ideographic ones too); one ideographic space is a word space, as in prose.
_GAP = re.compile(r"[ \u3000]{2,}")
_DASHES = frozenset("-–―")
_COLONS = frozenset(":：")
#: Two numbers one space apart (``14,494 7,519``), told before a line is cut (most such
#: lines are flattened rows); dashes between numbers are checked once the line is cut.
_NUMBERS_ONE_SPACE_APART = re.compile(r"(?<!\S)[-+]?\d[\d,]*(?:\.\d+)?%? [-+]?\d[\d,]*(?:\.\d+)?%?(?!\S)")
_NUMBER = re.compile(r"^[-+]?(?:\d[\d,]*(?:\.\d+)?%?|[-–―])$")
#: Header lines looked for above the rows, and the share of cells rows must fill.
MAX_HEADER_LINES = 2
MIN_FILL = 0.5
#: Fewest body cells (rows x columns): two lines of prose whose double spaces happen to line
#: up make a 2 x 2 grid, so an aligned table needs three rows or three columns.
MIN_CELLS = 6


@dataclass(slots=True, frozen=True)
class Segment:
    start: int
    end: int
    text: str


def has_gap(text: str) -> bool:
    """Two spaces (ideographic ones too) inside the line: indentation alone is no gap."""
    stripped = text.lstrip(" \u3000")
    return "  " in stripped or ("\u3000" in stripped and _GAP.search(stripped) is not None)


def segments(text: str) -> list[Segment]:
    """The segments of a line with their display columns ``[start, end)``."""
    pieces: list[tuple[int, int]] = []
    position = len(text) - len(text.lstrip(" \u3000"))
    for gap in _GAP.finditer(text, position):
        if gap.start() > position:
            pieces.append((position, gap.start()))
        position = gap.end()
    if position < len(text):
        pieces.append((position, len(text)))
    pieces = _join_letter_spacing(text, pieces)
    starts = display_starts(text)
    return [Segment(starts[a], starts[b - 1] + char_width(text[b - 1]), text[a:b]) for a, b in pieces]


def _join_letter_spacing(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``국  비`` kept as one piece: a gap after a lone letter and before a one-letter word is
    letter spacing, as long as the gaps of one spaced word are equal (``직  위    국 장`` is
    ``직  위`` and ``국 장``; ``구 분      계`` is two cells: ``구 분`` is no lone letter)."""
    joined: list[tuple[int, int]] = []
    previous = ""
    spacing = 0  # the gap inside the spaced word being joined, 0 when none is
    for start, end in pieces:
        piece = text[start:end]
        gap = start - joined[-1][1] if joined else 0
        after = piece.split(" ", 1)[0]
        if (joined and len(previous) == 1 and previous.isalpha() and len(after) == 1 and after.isalpha()
                and spacing in (0, gap)):
            joined[-1] = (joined[-1][0], end)
            spacing = gap
        else:
            joined.append((start, end))
            spacing = 0
        previous = piece
    return joined


def row_segments(text: str) -> list[Segment] | None:
    """The segments of a line that can be a row (two or more, no bullet, no flattened numbers)."""
    if "\t" in text or not has_gap(text) or _NUMBERS_ONE_SPACE_APART.search(text):
        return None
    bullet = split_bullet(text)[0] if text.lstrip()[:1] in BULLET_LEVELS else None
    if bullet is not None and bullet not in _DASHES:
        return None  # a bulleted line, not a row
    found = segments(text)
    if len(found) < 2 or any(_flattened(s.text) for s in found) or labelled(s.text for s in found[1:]):
        return None
    if bullet is not None and found[0].text != bullet:
        return None  # a lone dash is an empty value; a dash before words is a bullet
    return found


def labelled(cells: Iterable[str]) -> bool:
    """Whether a cell opens with a colon: ``사업기간    : 2023~2026년`` is a label and its value."""
    return any(cell[:1] in _COLONS for cell in cells)


def lone_segment(text: str) -> Segment | None:
    """The one segment of an indented line (``          <2023>``): a row of an open table
    when it falls under a column other than the first."""
    if "\t" in text or not text.startswith((" ", "\u3000")) or _NUMBERS_ONE_SPACE_APART.search(text):
        return None
    if text.lstrip()[:1] in BULLET_LEVELS and split_bullet(text)[0] is not None:
        return None
    found = segments(text)
    return found[0] if len(found) == 1 else None


def _flattened(text: str) -> bool:
    words = text.split(" ")
    return any(_NUMBER.match(a) and _NUMBER.match(b) for a, b in pairwise(words))


def _touches(segment: Segment, column: list[int]) -> bool:
    """Overlapping or touching: no space column left between them."""
    return segment.start <= column[1] and column[0] <= segment.end


@dataclass
class AlignedColumns:
    """The columns of the rows so far, each ``[start, end)`` in display columns."""

    columns: list[list[int]] = field(default_factory=list)

    def under_later_column(self, segment: Segment) -> bool:
        """Whether a lone segment falls under exactly one column, not the first."""
        hit = [i for i, column in enumerate(self.columns) if _touches(segment, column)]
        return len(hit) == 1 and hit[0] > 0

    def fits(self, row: list[Segment]) -> bool:
        """Whether every segment falls under one column (or a free stretch), each its own."""
        used: set[int] = set()
        for segment in row:
            hit = [i for i, column in enumerate(self.columns) if _touches(segment, column)]
            if len(hit) > 1 or (hit and hit[0] in used):
                return False
            used.update(hit)
        return True

    def add(self, row: list[Segment]) -> None:
        for segment in row:
            hit = next((c for c in self.columns if _touches(segment, c)), None)
            if hit is None:
                self.columns.append([segment.start, segment.end])
                self.columns.sort()
            else:
                hit[0], hit[1] = min(hit[0], segment.start), max(hit[1], segment.end)

    def spanned(self, row: list[Segment]) -> list[tuple[int, int]] | None:
        """``(first column, colspan)`` of each segment of a header line, or None when it does not fit."""
        placed: list[tuple[int, int]] = []
        for segment in row:
            hit = [i for i, column in enumerate(self.columns) if _touches(segment, column)]
            if not hit or (placed and hit[0] < placed[-1][0] + placed[-1][1]):
                return None
            placed.append((hit[0], hit[-1] - hit[0] + 1))
        return placed

    def cells(self, row: list[Segment]) -> list[RawCell]:
        return [RawCell(next(i for i, c in enumerate(self.columns) if _touches(s, c)), s.text) for s in row]


def header_row(columns: AlignedColumns, text: str, line: int) -> RawRow | None:
    """A header line above aligned rows: two or more segments, each over whole columns."""
    if "\t" in text or not has_gap(text):
        return None
    found = segments(text)
    if len(found) < 2 or any(_flattened(s.text) for s in found) or split_bullet(text)[0] is not None:
        return None
    placed = columns.spanned(found)
    if placed is None:
        return None
    return RawRow(line, [RawCell(col, s.text, span) for (col, span), s in zip(placed, found, strict=True)])


def table_like(rows: list[RawRow], ncols: int) -> bool:
    """Enough body rows and columns, and cells filled enough, to be a table rather than chance."""
    size = ncols * len(rows)
    return ncols >= 2 and size >= MIN_CELLS and sum(len(row.filled()) for row in rows) >= MIN_FILL * size
