"""Tables told apart by what their headers say, not by where they stand.

A table's *columns* are found by the words of its header cells (the first rows): each
canonical column takes the first header cell that starts with one of its words. The same
helper serves the 연도별 추진계획 table, the tables of dated entries (날짜별 추진실적, 향후
일정) and the two-column 문제점 / 대책 table.
"""

from __future__ import annotations

from pledgecard.extract.document import Cell, Table
from pledgecard.normalize.text import close_spaced, squash, unwrap

#: Header rows looked at (a header may span two rows).
_HEADER_ROWS = 2


def cell_text(cell: Cell | None) -> str:
    """A cell's text on one line, letter-spacing closed up."""
    return close_spaced(unwrap(cell.text)) if cell else ""


#: The squashed forms of each column-word table, by the table's identity (the tables are
#: module constants: squashing them again for every table read was a tenth of the reading).
_SQUASHED: dict[int, tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = {}
_MAX_SQUASHED = 64


def _squashed(words: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    cached = _SQUASHED.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    squashed = {key: tuple(squash(w) for w in ws) for key, ws in words.items()}
    if len(_SQUASHED) >= _MAX_SQUASHED:
        _SQUASHED.clear()
    _SQUASHED[id(words)] = (words, squashed)
    return squashed


def find_columns(table: Table, words: dict[str, tuple[str, ...]],
                 required: set[str]) -> tuple[dict[str, int], int] | None:
    """``({column: index}, first data row)`` when a header row names every ``required`` column."""
    grid = table.grid()
    squashed_words = _squashed(words)
    for r, row in enumerate(grid[:_HEADER_ROWS]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            if cell is None or (c > 0 and row[c - 1] is cell):
                continue
            text = squash(cell_text(cell))
            for key, options in squashed_words.items():
                if key not in found and any(text == w or text.startswith(w) for w in options):
                    found[key] = c
                    break
        if required <= found.keys():
            return found, r + 1
    return None
