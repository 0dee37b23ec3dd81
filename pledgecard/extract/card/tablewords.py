"""Tables told apart by what their headers say, not by where they stand.

A table's *columns* are found by the words of its header cells (the first rows): each
canonical column takes the first header cell that starts with one of its words. The same
helper serves the 연도별 추진계획 table, the tables of dated entries (날짜별 추진실적, 향후
일정) and the two-column 문제점 / 대책 table.
"""

from __future__ import annotations

from pledgecard.extract.document import Cell, Table
from pledgecard.normalize.text import close_spaced, nfc, squash, unwrap

#: Header rows looked at (a header may span two rows).
_HEADER_ROWS = 2


def cell_text(cell: Cell | None) -> str:
    """A cell's text on one line, letter-spacing closed up."""
    return close_spaced(unwrap(cell.text)) if cell else ""


#: A column's squashed words and the letters they start with (None: a word is empty, so any
#: text starts with it).
_Column = tuple[str, tuple[str, ...], frozenset[str] | None]
#: The squashed forms of each column-word table, by the table's identity (the tables are
#: module constants or settings' lookups: squashing them again for every table read was a
#: tenth of the reading).
_SQUASHED: dict[int, tuple[dict[str, tuple[str, ...]], list[_Column]]] = {}
_MAX_SQUASHED = 64


def _squashed(words: dict[str, tuple[str, ...]]) -> list[_Column]:
    cached = _SQUASHED.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    columns: list[_Column] = []
    for key, options in words.items():
        squashed = tuple(squash(w) for w in options)
        columns.append((key, squashed, None if "" in squashed else frozenset(w[0] for w in squashed)))
    if len(_SQUASHED) >= _MAX_SQUASHED:
        _SQUASHED.clear()
    _SQUASHED[id(words)] = (words, columns)
    return columns


def find_columns(table: Table, words: dict[str, tuple[str, ...]],
                 required: set[str]) -> tuple[dict[str, int], int] | None:
    """``({column: index}, first data row)`` when a header row names every ``required`` column:
    each column takes the first header cell that starts with one of its words."""
    grid = table.grid()
    columns = _squashed(words)
    for r, row in enumerate(grid[:_HEADER_ROWS]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            if cell is None or (c > 0 and row[c - 1] is cell):
                continue
            text = squash(nfc(cell.text))  # what cell_text gives, without its spaces
            first = text[:1]
            for key, options, firsts in columns:
                if key not in found and (firsts is None or first in firsts) and any(
                        text.startswith(w) for w in options):
                    found[key] = c
                    break
        if required <= found.keys():
            return found, r + 1
    return None
