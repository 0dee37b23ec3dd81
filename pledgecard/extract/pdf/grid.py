"""Tables from ruling lines: the grid of every connected set of rules, merged cells as spans.

A table is a connected set of horizontal and vertical rules. Its distinct rule
positions give the grid; two neighbouring grid cells belong to one merged cell when
no rule separates them. This is the "lines" strategy, with spans rebuilt from geometry.
An outer border left undrawn is where the crossing rules end, and a lone box drawn around
a table (the outer line of a double border) is no table of its own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from pledgecard.extract.pdf.page import Segment

#: Positions closer than this are one rule position, in points.
SNAP = 1.5
#: A rule must cover this share of a grid edge to separate the cells on either side.
COVER = 0.5
#: Rules running on this far past the outermost crossing rule hold a column or row whose
#: outer border is not drawn, in points.
OPEN_SIDE = 6.0
#: Rules of a component (horizontal and vertical together) needed to make a table.
MIN_RULES = 3


@dataclass
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Grid:
    xs: list[float]
    ys: list[float]
    cells: list[GridCell] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 - SNAP <= x <= x1 + SNAP and top - SNAP <= y <= bottom + SNAP

    def cell_at(self, x: float, y: float) -> GridCell | None:
        col = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        return None


def cluster(values: list[float]) -> list[float]:
    """Sorted distinct positions, values within SNAP of each other averaged into one."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= SNAP:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def merge_collinear(segments: list[Segment], horizontal: bool) -> list[Segment]:
    """Rules on one line (positions within SNAP) whose extents touch or overlap, joined."""
    def position(s: Segment) -> float:
        return s.y0 if horizontal else s.x0

    lines: list[list[Segment]] = []
    for seg in sorted(segments, key=position):
        if lines and position(seg) - position(lines[-1][-1]) <= SNAP:
            lines[-1].append(seg)
        else:
            lines.append([seg])
    merged: list[Segment] = []
    for line in lines:
        at = sum(map(position, line)) / len(line)
        spans = sorted(((s.x0, s.x1) if horizontal else (s.y0, s.y1)) for s in line)
        start, stop = spans[0]
        for lo, hi in spans[1:]:
            if lo <= stop + SNAP:
                stop = max(stop, hi)
                continue
            merged.append(_rule(at, start, stop, horizontal))
            start, stop = lo, hi
        merged.append(_rule(at, start, stop, horizontal))
    return merged


def _rule(at: float, start: float, stop: float, horizontal: bool) -> Segment:
    return Segment(start, at, stop, at) if horizontal else Segment(at, start, at, stop)


def _normalized(segments: list[Segment]) -> tuple[list[Segment], list[Segment]]:
    horizontal = [Segment(min(s.x0, s.x1), (s.y0 + s.y1) / 2, max(s.x0, s.x1), (s.y0 + s.y1) / 2)
                  for s in segments if s.horizontal]
    vertical = [Segment((s.x0 + s.x1) / 2, min(s.y0, s.y1), (s.x0 + s.x1) / 2, max(s.y0, s.y1))
                for s in segments if not s.horizontal]
    return merge_collinear(horizontal, True), merge_collinear(vertical, False)


def _touch(h: Segment, v: Segment) -> bool:
    return h.x0 - SNAP <= v.x0 <= h.x1 + SNAP and v.y0 - SNAP <= h.y0 <= v.y1 + SNAP


def _components(horizontal: list[Segment], vertical: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _touch(h, v):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if g[0] and g[1] and len(g[0]) + len(g[1]) >= MIN_RULES]


def _covered(rules: list[Segment], at: float, start: float, end: float, horizontal: bool) -> bool:
    span = end - start
    for rule in rules:
        position, lo, hi = (rule.y0, rule.x0, rule.x1) if horizontal else (rule.x0, rule.y0, rule.y1)
        if abs(position - at) <= SNAP and min(hi, end) - max(lo, start) >= COVER * span:
            return True
    return False


def _second(values: list[float], last: bool) -> float:
    """The second lowest (or highest) value, the value itself when alone: where two rules reach."""
    ordered = sorted(values)
    return ordered[-2 if last else 1] if len(ordered) > 1 else ordered[0]


def with_open_sides(positions: list[float], starts: list[float], ends: list[float]) -> list[float]:
    """Rule positions with the outer edges of an undrawn outer border added: where two or more
    crossing rules run on past the first or last position (a table drawn with inner rules only,
    or with no border on one side)."""
    start, end = _second(starts, last=False), _second(ends, last=True)
    if start < positions[0] - OPEN_SIDE:
        positions = [start, *positions]
    if end > positions[-1] + OPEN_SIDE:
        positions = [*positions, end]
    return positions


def _grid(horizontal: list[Segment], vertical: list[Segment]) -> Grid | None:
    xs = with_open_sides(cluster([v.x0 for v in vertical]), [h.x0 for h in horizontal], [h.x1 for h in horizontal])
    ys = with_open_sides(cluster([h.y0 for h in horizontal]), [v.y0 for v in vertical], [v.y1 for v in vertical])
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(key: tuple[int, int]) -> tuple[int, int]:
        while parent[key] != key:
            key = parent[key]
        return key

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1], False):
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1], True):
                parent[find((r + 1, c))] = find((r, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    cells = []
    for members in groups.values():
        r0, c0 = min(r for r, _ in members), min(c for _, c in members)
        r1, c1 = max(r for r, _ in members), max(c for _, c in members)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return Grid(xs, ys, cells)


def _encloses(outer: Grid, inner: Grid) -> bool:
    x0, top, x1, bottom = inner.bbox
    return outer is not inner and outer.contains(x0, top) and outer.contains(x1, bottom)


def without_frames(grids: list[Grid]) -> list[Grid]:
    """Grids less the single-cell boxes drawn around another grid: the outer line of a double
    border set apart from the inner one, or a frame around a table."""
    return [g for g in grids if len(g.cells) > 1 or not any(_encloses(g, other) for other in grids)]


def find_grids(segments: list[Segment]) -> list[Grid]:
    """Every table grid drawn on a page, top to bottom."""
    horizontal, vertical = _normalized(segments)
    grids = [g for h, v in _components(horizontal, vertical) if (g := _grid(h, v)) is not None]
    return sorted(without_frames(grids), key=lambda g: (g.ys[0], g.xs[0]))
