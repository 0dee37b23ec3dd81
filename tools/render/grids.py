"""A grid written as text: flattened (as the seed's dump), box-drawn (as Hangul's text
export), whitespace-aligned columns, tab-separated, or a Markdown pipe table."""

from __future__ import annotations

import re
import unicodedata

from .document import Grid, GridCell

_NUMBER = re.compile(r"^[-+]?[\d,.]+%?$|^-$")


def width(text: str) -> int:
    """Columns the text takes in a monospaced Korean font (wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def _starts(grid: Grid, row: int) -> list[GridCell]:
    return sorted((c for c in grid.cells if c.row == row), key=lambda c: c.col)


def flattened(grid: Grid) -> list[str]:
    """Cells one row per line, space-separated; a spanning group heading and every line of a
    wrapped cell on lines of their own; blank lines between rows, as the seed's dump."""
    if grid.name == "achievements":
        return _flattened_achievements(grid)
    if grid.name == "communication" and grid.rows == 2:
        return [*(c.text for c in _starts(grid, 0)), " ".join(c.text for c in _starts(grid, 1))]
    if grid.name == "yearly":  # one cell per line, as 다온시's export of the second family
        return [line for row in range(grid.rows) for c in _starts(grid, row) for line in c.text.split("\n")]
    out: list[str] = []
    for row in range(grid.rows):
        line: list[str] = []
        for cell in _starts(grid, row):
            if cell.colspan > 1 and line:
                out.append(" ".join(line))
                line = []
            parts = cell.text.split("\n")
            line.append(parts[0])
            if len(parts) > 1:
                out.append(" ".join(line))
                out.extend(parts[1:])
                line = []
        if line:
            out.append(" ".join(t for t in line if t))
    return [line for line in out if line.strip()]


def _flattened_achievements(grid: Grid) -> list[str]:
    """The seed's 목표달성 dump: header words, then per year the main project, ``<2024>``, and
    each row's target, status and details, one cell after another (the main project, the
    same every year, once: the seed's third year has none)."""
    out = ["주요사업 목표치", "추진상황", "(완료/추진중/미착수)", "추진내용"]
    pending_year: str | None = None
    mains: set[str] = set()
    for row in range(1, grid.rows):
        cells = {c.col: c for c in _starts(grid, row)}
        target = cells.get(1)
        if target is not None and target.text.startswith("<"):
            pending_year = target.text
            continue
        main = cells.get(0)
        if main is not None and main.text and main.text not in mains:
            mains.add(main.text)
            out.append(main.text)
        if pending_year:
            out.append(pending_year)
            pending_year = None
        for col in (1, 2, 3):
            cell = cells.get(col)
            if cell is not None and cell.text:
                out.extend(cell.text.split("\n"))
    return out


def _widths(grid: Grid, minimum: int = 1) -> list[int]:
    widths = [minimum] * grid.cols
    for cell in grid.cells:
        if cell.colspan == 1:
            widths[cell.col] = max(widths[cell.col], *(width(x) for x in cell.text.split("\n")))
    for cell in grid.cells:
        if cell.colspan > 1:
            need = max(width(x) for x in cell.text.split("\n"))
            have = sum(widths[cell.col:cell.col + cell.colspan]) + 3 * (cell.colspan - 1)
            if need > have:
                widths[cell.col + cell.colspan - 1] += need - have
    return widths


def _cell_lines(cell: GridCell | None, row: int) -> list[str]:
    """The lines a cell shows in ``row``: a tall cell shows its text in its first row."""
    if cell is None or cell.row != row:
        return [""]
    return cell.text.split("\n")


def _aligned(cell: GridCell | None) -> bool:
    return cell is not None and bool(_NUMBER.match(cell.text))


# ----------------------------------------------------------------------------- box drawing
_JOINTS = {
    (True, True, True, True): "┼", (True, True, False, True): "├", (True, True, True, False): "┤",
    (False, True, True, True): "┬", (True, False, True, True): "┴", (True, True, False, False): "│",
    (False, False, True, True): "─", (False, True, False, True): "┌", (False, True, True, False): "┐",
    (True, False, False, True): "└", (True, False, True, False): "┘", (False, False, False, False): " ",
    (True, False, False, False): "│", (False, True, False, False): "│", (False, False, True, False): "─",
    (False, False, False, True): "─",
}


def _vertical(grid: Grid, row: int, boundary: int) -> bool:
    """A rule between columns ``boundary - 1`` and ``boundary`` in ``row``."""
    return grid.at(row, boundary - 1) is not grid.at(row, boundary)


def _horizontal(grid: Grid, row: int, col: int) -> bool:
    """A rule between rows ``row`` and ``row + 1`` under column ``col``."""
    return grid.at(row, col) is not grid.at(row + 1, col)


def box(grid: Grid) -> list[str]:
    """``┏━┯━┓ ┃ │ ┠─┼─┨ ┗━┷━┛``, as Hangul's text export draws a table; a merged cell
    has no rule through it."""
    widths = _widths(grid)
    top = "┏" + "".join(
        "━" * (w + 2) + ("┓" if c == grid.cols - 1 else "┯" if _vertical(grid, 0, c + 1) else "━")
        for c, w in enumerate(widths))
    bottom = "┗" + "".join(
        "━" * (w + 2) + ("┛" if c == grid.cols - 1 else "┷" if _vertical(grid, grid.rows - 1, c + 1) else "━")
        for c, w in enumerate(widths))
    out = [top]
    for row in range(grid.rows):
        out += _box_row(grid, row, widths)
        if row < grid.rows - 1:
            out.append(_box_rule(grid, row, widths))
    out.append(bottom)
    return out


def _box_row(grid: Grid, row: int, widths: list[int]) -> list[str]:
    starts: list[int] = [0]
    for c in range(1, grid.cols):
        if _vertical(grid, row, c):
            starts.append(c)
    ends = [*starts[1:], grid.cols]
    spans = list(zip(starts, ends, strict=True))
    cells = [grid.at(row, s) for s, _ in spans]
    texts = [_cell_lines(cell, row) for cell in cells]
    height = max(len(t) for t in texts)
    lines = []
    for i in range(height):
        parts = []
        for (s, e), cell, text in zip(spans, cells, texts, strict=True):
            size = sum(widths[s:e]) + 3 * (e - s - 1)
            parts.append(" " + pad(text[i] if i < len(text) else "", size, _aligned(cell)) + " ")
        lines.append("┃" + "│".join(parts) + "┃")
    return lines


def _box_rule(grid: Grid, row: int, widths: list[int]) -> str:
    left = "┠" if _horizontal(grid, row, 0) else "┃"
    right = "┨" if _horizontal(grid, row, grid.cols - 1) else "┃"
    text = left
    for c, w in enumerate(widths):
        text += ("─" if _horizontal(grid, row, c) else " ") * (w + 2)
        if c < grid.cols - 1:
            key = (_vertical(grid, row, c + 1), _vertical(grid, row + 1, c + 1),
                   _horizontal(grid, row, c), _horizontal(grid, row, c + 1))
            text += _JOINTS[key]
    return text + right


# ----------------------------------------------------------------------------- plain columns
def _rows_of_lines(grid: Grid) -> list[list[str]]:
    """Each grid row as one or more text rows of cells (a wrapped cell continues below)."""
    out: list[list[str]] = []
    for row in range(grid.rows):
        cells = [grid.at(row, c) for c in range(grid.cols)]
        texts = [_cell_lines(cell, row) if cell is not None and cell.col == c else [""]
                 for c, cell in enumerate(cells)]
        for i in range(max(len(t) for t in texts)):
            out.append([t[i] if i < len(t) else "" for t in texts])
    return out


def aligned(grid: Grid) -> list[str]:
    """Columns padded with spaces, two spaces apart (a spanning cell writes from its column)."""
    rows = _rows_of_lines(grid)
    widths = [max(width(r[c]) for r in rows) for c in range(grid.cols)]
    return ["  ".join(pad(t, w) for t, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def tab_separated(grid: Grid) -> list[str]:
    return ["\t".join(r).rstrip("\t") for r in _rows_of_lines(grid)]


def markdown(grid: Grid) -> list[str]:
    """A pipe table: the first row is the header; a wrapped cell's lines joined with ``<br>``."""
    rows = []
    for row in range(grid.rows):
        rows.append([
            (cell.text.replace("\n", "<br>") if cell is not None and cell.row == row and cell.col == c else "")
            for c in range(grid.cols) for cell in [grid.at(row, c)]])
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * grid.cols]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return out


WRITERS = {"flattened": flattened, "box": box, "aligned": aligned, "tsv": tab_separated, "markdown": markdown}
