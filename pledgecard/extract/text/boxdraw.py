"""Tables drawn with box-drawing characters, as Hangul's own text export writes them.

    ┏━━━━┯━━━━┓
    ┃ a  │ b  ┃
    ┠────┼────┨        a missing │ merges columns; a blank stretch in a rule
    ┃ c  │ d  ┃        line (no ─ under a cell) merges that cell with the row below
    ┗━━━━┷━━━━┛
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise

from pledgecard.extract.bullets import split_bullet
from pledgecard.extract.document import Cell, Table, cell, paragraph, provenance, written
from pledgecard.models import Provenance

VERTICALS = frozenset("│┃║┼╂┿╋╀╁╃╄╅╆╇╈╉╊┯┷┬┴┳┻╤╧╥╨╦╩├┤┠┨┣┫╟╢╠╣┏┓┗┛┌┐└┘╔╗╚╝┍┑┕┙┎┒┖┚╒╕╘╛╓╖╙╜")
HORIZONTALS = frozenset("─━═┄┅┈┉╌╍")
RULE_STARTS = frozenset("┏┌╔┍┎╒╓┠├┣╟╠┝┞┟┡┢┗└╚┕┖╘╙")
ROW_STARTS = frozenset("┃│║")
BOX_CHARS = VERTICALS | HORIZONTALS


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def is_box_line(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and (stripped[0] in RULE_STARTS or stripped[0] in ROW_STARTS)


def is_rule_line(line: str) -> bool:
    """A line of box-drawing characters only (and spaces), at least one of them."""
    return _RULE_LINE.fullmatch(line) is not None


_BOX_CLASS = re.escape("".join(sorted(BOX_CHARS)))
_RULE_LINE = re.compile(rf"\s*[{_BOX_CLASS}][ {_BOX_CLASS}]*\s*")
_WIDTHS: dict[str, int] = {}


def display_starts(line: str) -> list[int]:
    """The display column at which each character of ``line`` starts."""
    widths = _WIDTHS
    try:
        each = list(map(widths.__getitem__, line))
    except KeyError:  # a character not seen before: its width is looked up once
        for ch in set(line).difference(widths):
            widths[ch] = char_width(ch)
        each = list(map(widths.__getitem__, line))
    starts = list(accumulate(each, initial=0))
    starts.pop()
    return starts


def _between(line: str, start: int, end: int) -> str:
    """The characters strictly between two display columns: between the rules drawn there
    when the line has them (the usual case, no counting), else by counting columns."""
    index = _vertical_index(line)
    first, last = index.get(start), index.get(end)
    if first is not None and last is not None:
        return line[first + 1:last]
    positions = _positions(line)
    return line[bisect_right(positions, start):bisect_left(positions, end)]


def _text_in(line: str, index: dict[int, int], start: int, end: int) -> str:
    """:func:`text_between`, with the line's :func:`_vertical_index` at hand (a cell's text in
    each line of its row: the usual case, rules drawn at both boundaries, is one slice)."""
    first, last = index.get(start), index.get(end)
    if first is not None and last is not None:
        return line[first + 1:last].strip()
    return text_between(line, start, end)


def text_between(line: str, start: int, end: int) -> str:
    """The characters of ``line`` whose display column lies strictly inside (start, end)."""
    return _between(line, start, end).strip()


def ruled_between(line: str, start: int, end: int) -> bool:
    """Whether a rule line draws a horizontal stroke between two boundaries."""
    return not HORIZONTALS.isdisjoint(_between(line, start, end))


_POSITIONS: dict[str, list[int]] = {}
_VERTICAL_INDEX: dict[str, dict[int, int]] = {}


def _positions(line: str) -> list[int]:
    """The display column of each character, remembered while one table is parsed."""
    found = _POSITIONS.get(line)
    if found is None:
        found = _POSITIONS[line] = display_starts(line)
    return found


def _vertical_index(line: str) -> dict[int, int]:
    """Display column -> character index of every vertical rule character of ``line``: its
    index plus the wide characters before it, less the zero-width ones (counted in C, one
    stretch between two rules at a time)."""
    found = _VERTICAL_INDEX.get(line)
    if found is None:
        wide, zero = _width_patterns()
        found = {}
        previous = shift = 0
        for match in _VERTICAL_CHARS.finditer(line):
            i = match.start()
            shift += len(wide.findall(line, previous, i)) - len(zero.findall(line, previous, i))
            found[i + shift] = i
            previous = i
        _VERTICAL_INDEX[line] = found
    return found


_VERTICAL_CHARS = re.compile("[" + "".join(re.escape(ch) for ch in sorted(VERTICALS)) + "]")


def _code_ranges(codes: list[int]) -> str:
    """A regular-expression character class of code points, written as ranges."""
    parts: list[str] = []
    first = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        low, high = re.escape(chr(first)), re.escape(chr(previous))
        parts.append(low if first == previous else f"{low}-{high}")
        first = previous = code
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=1)
def _width_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Wide (two-column) and zero-width characters of the Basic Multilingual Plane, built once."""
    wide, zero = [], []
    for code in range(0x20, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        width = char_width(chr(code))
        if width == 2:
            wide.append(code)
        elif width == 0:
            zero.append(code)
    return re.compile(_code_ranges(wide)), re.compile(_code_ranges(zero))


@dataclass(slots=True)
class _Pending:
    row: int
    col: int
    colspan: int
    start: int
    end: int
    lines: list[tuple[str, int]] = field(default_factory=list)
    rowspan: int = 1


def parse_box_table(lines: list[tuple[str, int]], table_index: int) -> Table:
    """A table from its box-drawn lines, each ``(text, line_number)``."""
    try:
        return _parse_box_table(lines, table_index)
    finally:
        _POSITIONS.clear()
        _VERTICAL_INDEX.clear()


def _parse_box_table(lines: list[tuple[str, int]], table_index: int) -> Table:
    bounds = sorted(set().union(*(_vertical_index(text) for text, _ in lines)))
    col_of = {pos: i for i, pos in enumerate(bounds)}
    groups: list[list[tuple[str, int]]] = []
    rules: list[str] = []
    current: list[tuple[str, int]] = []
    for text, number in lines:
        if is_rule_line(text):
            if current:
                groups.append(current)
                current = []
            rules.append(text)
        else:
            if not current and groups and len(rules) < len(groups) + 1:
                rules.append("")
            current.append((text, number))
    if current:
        groups.append(current)
    cells: list[_Pending] = []
    open_cells: dict[tuple[int, int], _Pending] = {}
    for r, group in enumerate(groups):
        rule_above = rules[r] if r < len(rules) else ""
        indexed = [(t, n, _vertical_index(t)) for t, n in group]
        present = sorted(set().union(*(index for _, _, index in indexed)))
        next_open: dict[tuple[int, int], _Pending] = {}
        for start, end in pairwise(present):
            texts = [(_text_in(t, index, start, end), n) for t, n, index in indexed]
            key = (start, end)
            above = open_cells.get(key)
            if above is not None and r > 0 and rule_above and not ruled_between(rule_above, start, end):
                above.rowspan += 1
                above.lines.extend(texts)
                next_open[key] = above
                continue
            cell = _Pending(r, col_of[start], col_of[end] - col_of[start], start, end, texts)
            cells.append(cell)
            next_open[key] = cell
        open_cells = next_open
    return Table(
        rows=len(groups),
        cols=max(1, len(bounds) - 1),
        cells=[_to_cell(c, table_index) for c in cells],
        provenance=Provenance(line=lines[0][1], table=table_index),
    )


def _to_cell(pending: _Pending, table_index: int) -> Cell:
    paragraphs = []
    texts = []
    for text, number in pending.lines:
        if not text:
            continue
        bullet, body = split_bullet(text)
        paragraphs.append(paragraph(body, bullet, provenance=provenance(line=number)))
        texts.append(written(bullet, body))
    first_line = pending.lines[0][1] if pending.lines else None
    return cell(pending.row, pending.col, "\n".join(texts), paragraphs,
                provenance(line=first_line, table=table_index, row=pending.row, col=pending.col),
                rowspan=pending.rowspan, colspan=pending.colspan)
