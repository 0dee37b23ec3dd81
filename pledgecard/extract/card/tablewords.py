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


def distinct_cells(row: list[Cell | None]) -> list[tuple[int, Cell]]:
    """The row's cells with their first column, a cell spanning columns once."""
    return [(c, cell) for c, cell in enumerate(row) if cell is not None and (c == 0 or row[c - 1] is not cell)]


def column_roles(header: list[Cell | None], columns: dict[str, int]) -> list[str | None]:
    """Each column's role (the key :func:`find_columns` found it for), None for a column of other
    words; a column under a known column's header cell (spanned across it) takes that role."""
    anchors = {id(header[c]): key for key, c in columns.items() if c < len(header) and header[c] is not None}
    return [anchors.get(id(cell)) if cell is not None else None for cell in header]


def caption_texts(rows: list[list[Cell | None]], column_words: frozenset[str]) -> list[str]:
    """The text of rows above a table's header row (a caption), but for the table's column words."""
    texts = (cell_text(cell) for row in rows for _, cell in distinct_cells(row))
    return [text for text in texts if text and squash(text) not in column_words]


def other_columns(header: list[Cell | None], extras: dict[int, list[str]],
                  column_words: frozenset[str]) -> list[str]:
    """The cells of the columns no field takes (``extras``, by column), each with its column's
    header; the header alone for an empty column whose header is not one of ``column_words``."""
    leftovers: list[str] = []
    for c, texts in sorted(extras.items()):
        label = cell_text(header[c]) if c < len(header) else ""
        if 0 < c < len(header) and header[c] is not None and header[c - 1] is header[c]:
            label = ""  # a spanned header is named once, by its first column
        if texts:
            leftovers.extend(f"{label} {text}".strip() for text in texts)
        elif label and squash(label) not in column_words:
            leftovers.append(label)
    return leftovers


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
