"""Page furniture between the rows of a table: page numbers, running headers and footers.

A text dump keeps the page furniture of the document it came from: ``- 3 -`` or ``3 / 12``
at the foot of a page, a running header at its top. When they fall inside a table the table
goes on after them; they are kept aside (``Document.furniture``), never lost. A running
header is an unbulleted line the document already wrote above (at the top of an earlier
page); a running footer, written again further down, counts only beside a page number.
"""

from __future__ import annotations

from collections import Counter

import regex

from pledgecard.extract.bullets import split_bullet
from pledgecard.extract.text.paragraphs import Line
from pledgecard.extract.text.rowgrid import LineTable

PAGE_NUMBER = regex.compile(r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|page\s*\d+)\s*$", regex.I)


def normal(text: str) -> str:
    return " ".join(text.split())


class RepeatedLines:
    """Where a document writes a line text more than once (counted on first use only)."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._counts: Counter[str] | None = None
        self._first: dict[str, int] = {}

    def _count(self, text: str) -> int:
        if self._counts is None:
            self._counts = Counter()
            for line in self._lines:
                if line.text:
                    key = normal(line.text)
                    self._counts[key] += 1
                    self._first.setdefault(key, line.number)
        return self._counts[normal(text)]

    def repeated(self, text: str) -> bool:
        return self._count(text) > 1

    def seen_before(self, line: Line) -> bool:
        """Whether the same text stands on an earlier line (a running header at a page top)."""
        return self._count(line.text) > 1 and self._first[normal(line.text)] < line.number


def _unbulleted(text: str) -> bool:
    return split_bullet(text)[0] is None


def marks_break(line: Line, repeated: RepeatedLines) -> bool:
    """A page number, or a running header: a page break for sure."""
    return bool(PAGE_NUMBER.match(line.text)) or (repeated.seen_before(line) and _unbulleted(line.text))


def may_be_furniture(line: Line, repeated: RepeatedLines) -> bool:
    """A line written more than once and not bulleted: a running footer beside a page number."""
    return repeated.repeated(line.text) and _unbulleted(line.text)


def _row_texts(table: LineTable, r: int) -> tuple[tuple[int, str], ...]:
    return tuple((c.col, normal(c.text)) for c in table.rows[r].cells)


def _repeated_head(first: LineTable, then: LineTable) -> int:
    """How many header rows of ``first`` open ``then`` again (0, 1 or 2)."""
    count = 0
    while (count < 2 and count < min(len(first.rows), len(then.rows)) - 1
           and _row_texts(first, count) == _row_texts(then, count)):
        count += 1
    if count == 2 and len(first.rows[1].filled()) == first.ncols:
        count = 1  # the second row is data both times, not a header row
    return count


def continues(first: LineTable, then: LineTable, lines: list[Line], repeated: RepeatedLines) -> bool:
    """Whether ``then`` is ``first`` going on past a page break, laid out anew on the new page:
    the same columns and header rows, only page furniture between them."""
    if first.ncols != then.ncols or _repeated_head(first, then) == 0:
        return False
    between = [line for line in lines[first.end:then.start] if line.text.strip()]
    marked = any(marks_break(line, repeated) for line in between)
    return marked and all(marks_break(line, repeated) or may_be_furniture(line, repeated) for line in between)


def joined(first: LineTable, then: LineTable, lines: list[Line]) -> LineTable:
    """``first`` with the rows of ``then``; the break and the header written again are furniture."""
    heads = _repeated_head(first, then)
    by_number = {line.number: line for line in lines[then.start:then.end]}
    break_lines = [line for line in lines[first.end:then.start] if line.text.strip()]
    head_lines = [by_number[row.line] for row in then.rows[:heads]]
    furniture = [*first.furniture, *break_lines, *head_lines, *then.furniture]
    return LineTable(first.start, then.end, first.rows + then.rows[heads:], first.ncols, first.declared,
                     sorted(furniture, key=lambda line: line.number))
