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

A header line may space its cells as far apart as the letters of its words
(``구  분    계    국  비  도  비`` over a finance table written sideways); there the columns
of the rows below tell a cell from a spaced word, and a first cell left of every column
heads a label column left empty below (the rows of a new page under a merged cell).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

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
#: What every word :data:`_NUMBER` matches holds: a digit or a dash.
_NUMBER_LETTER = re.compile(r"[\d\-–―]")
#: Header lines looked for above the rows, and the share of cells rows must fill.
MAX_HEADER_LINES = 2
MIN_FILL = 0.5
#: Fewest body cells (rows x columns): two lines of prose whose double spaces happen to line
#: up make a 2 x 2 grid, so an aligned table needs three rows or three columns.
MIN_CELLS = 6


class Segment(NamedTuple):
    """A cell's text on a line and its display columns ``[start, end)`` (a tuple: lines are cut
    by the thousand, and a tuple is made in C)."""

    start: int
    end: int
    text: str


def has_gap(text: str) -> bool:
    """Two spaces (ideographic ones too) inside the line: indentation alone is no gap."""
    stripped = text.lstrip(" \u3000")
    return "  " in stripped or ("\u3000" in stripped and _GAP.search(stripped) is not None)


def segments(text: str, columns: Sequence[Sequence[int]] = ()) -> list[Segment]:
    """The segments of a line with their display columns ``[start, end)``; ``columns``: the
    columns of the rows below, when they are known (``[start, end)`` each)."""
    pieces: list[tuple[int, int]] = []
    position = len(text) - len(text.lstrip(" \u3000"))
    for gap in _GAP.finditer(text, position):
        if gap.start() > position:
            pieces.append((position, gap.start()))
        position = gap.end()
    if position < len(text):
        pieces.append((position, len(text)))
    starts = display_starts(text)
    pieces = _join_letter_spacing(text, pieces, starts, columns)
    return [Segment(starts[a], _end(text, starts, b), text[a:b]) for a, b in pieces]


def _end(text: str, starts: list[int], end: int) -> int:
    """The display column right after ``text[:end]``."""
    return starts[end - 1] + char_width(text[end - 1])


def _lone_letters(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A one-letter piece, then a piece opening with a one-letter word: maybe one spaced word."""
    left, right = text[before[0]:before[1]], text[after[0]:after[1]].split(" ", 1)[0]
    return len(left) == 1 and left.isalpha() and len(right) == 1 and right.isalpha()


def _opens_column(text: str, starts: list[int], columns: Sequence[Sequence[int]],
                  word: tuple[int, int], piece: tuple[int, int]) -> bool:
    """Whether ``piece`` opens a cell after ``word`` although its gap looks like letter
    spacing: with the columns below known (a header line), its letter stands over a column
    the word does not stand over (while the word stands over one). ``국  비  도  비`` over the
    columns of 12,000 and 6,000 is two cells however narrow they are, and so are ``계`` and
    ``국  비`` in ``계      국  비``; ``구      분`` over a wide label column stays one word."""
    if not columns:
        return False
    under_word = _columns_under(columns, starts[word[0]], _end(text, starts, word[1]))
    under_letter = _columns_under(columns, starts[piece[0]], _end(text, starts, piece[0] + 1))
    return bool(under_word) and not set(under_letter) <= set(under_word)


def _columns_under(columns: Sequence[Sequence[int]], start: int, end: int) -> list[int]:
    """The columns that ``[start, end)`` touches (overlaps, or meets with no space between)."""
    return [i for i, column in enumerate(columns) if start <= column[1] and column[0] <= end]


def _join_letter_spacing(text: str, pieces: list[tuple[int, int]], starts: list[int],
                         columns: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """``국  비`` kept as one piece: a gap after a lone letter and before a one-letter word is
    letter spacing, as long as the gaps of one spaced word are equal (``직  위    국 장`` is
    ``직  위`` and ``국 장``; ``구 분      계`` is two cells: ``구 분`` is no lone letter) and
    the next letter stands over no column of its own (``_opens_column``)."""
    joined: list[tuple[int, int]] = []
    spacing = 0  # the gap inside the spaced word being joined, 0 when none is
    for i, (start, end) in enumerate(pieces):
        gap = start - joined[-1][1] if joined else 0
        if (i and pieces[i - 1][1] - pieces[i - 1][0] == 1  # a one-letter piece before it: told at once
                and _lone_letters(text, pieces[i - 1], pieces[i]) and spacing in (0, gap)
                and not _opens_column(text, starts, columns, joined[-1], pieces[i])):
            joined[-1] = (joined[-1][0], end)
            spacing = gap
        else:
            joined.append((start, end))
            spacing = 0
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
    if _NUMBER_LETTER.search(text) is None:
        return False  # most cells: no digit and no dash, so no two numbers
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

    def leaves_first_empty(self, row: list[Segment]) -> bool:
        """Whether no segment of the row falls under the first column."""
        return bool(self.columns) and not any(_touches(segment, self.columns[0]) for segment in row)

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

    def with_leading(self, segment: Segment) -> AlignedColumns:
        """These columns after a new first one under ``segment``."""
        return AlignedColumns([[segment.start, segment.end], *(column[:] for column in self.columns)])

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


def header_row(columns: AlignedColumns, text: str, line: int) -> tuple[RawRow, AlignedColumns] | None:
    """A header line above aligned rows: two or more segments, each over whole columns (its
    letter-spaced words told from its cells by the columns below), and the columns: a first
    segment left of them all heads a column of its own, empty below (the label column of a
    table's rows on a new page, under a merged cell left on the page before)."""
    if "\t" in text or not has_gap(text):
        return None
    found = segments(text, columns.columns)
    if len(found) < 2 or any(_flattened(s.text) for s in found) or split_bullet(text)[0] is not None:
        return None
    if columns.columns and found[0].end < columns.columns[0][0]:
        columns = columns.with_leading(found[0])  # over a label column left empty below
    placed = columns.spanned(found)
    if placed is None:
        return None
    return RawRow(line, [RawCell(col, s.text, span) for (col, span), s in zip(placed, found, strict=True)]), columns


def table_like(rows: list[RawRow], ncols: int) -> bool:
    """Enough body rows and columns, and cells filled enough, to be a table rather than chance."""
    size = ncols * len(rows)
    return ncols >= 2 and size >= MIN_CELLS and sum(len(row.filled()) for row in rows) >= MIN_FILL * size
