"""Line charts as inline SVG, drawn here (no script, no CDN: the page works offline).

One chart: re-issues along the x axis (their as-of dates), amounts in 억 원 up the y axis,
one line per series, a dot with a tooltip (``<title>``) per known value; a missing value
breaks the line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 560, 230
LEFT, RIGHT, TOP, BOTTOM = 64, 120, 24, 36
#: Won per 억 (the unit the charts are labelled in).
EOK = 100_000_000
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
TICKS = 4


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int | None]


def _eok(won: float) -> str:
    value = won / EOK
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.1f}"


def _scale(series: Sequence[Series]) -> float:
    """The top of the y axis: a round number of 억 won at or above the largest value."""
    top = max((v for s in series for v in s.values if v is not None), default=0)
    if top <= 0:
        return float(EOK)
    step = top / TICKS
    magnitude = 10 ** math.floor(math.log10(step))
    nice = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= step)
    return float(nice * TICKS)


def _grid(top: float) -> list[str]:
    plot_h = HEIGHT - TOP - BOTTOM
    parts = []
    for tick in range(TICKS + 1):
        value = top * tick / TICKS
        y = TOP + plot_h - plot_h * tick / TICKS
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_eok(value)}</text>')
    return parts


def _x(index: int, count: int) -> float:
    plot_w = WIDTH - LEFT - RIGHT
    return LEFT + (plot_w / 2 if count == 1 else plot_w * index / (count - 1))


def _line(series: Series, color: str, count: int, top: float) -> list[str]:
    plot_h = HEIGHT - TOP - BOTTOM
    points = [(_x(i, count), TOP + plot_h - plot_h * v / top, v) for i, v in enumerate(series.values)
              if v is not None]
    runs: list[list[str]] = [[]]
    for i, value in enumerate(series.values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append(f"{_x(i, count):.1f},{TOP + plot_h - plot_h * value / top:.1f}")
    parts = [f'<polyline points="{" ".join(run)}" stroke="{color}" fill="none" stroke-width="2"/>'
             for run in runs if len(run) > 1]
    parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}"><title>{escape(series.name)}: '
              f'{v:,} 원</title></circle>' for x, y, v in points]
    return parts


def line_chart(title: str, labels: Sequence[str], series: Sequence[Series], chart_id: str = "") -> str:
    """An SVG line chart of amounts in won (labelled in 억 원) over the re-issues ``labels``."""
    top = _scale(series)
    id_attr = f' id="{escape(chart_id)}"' if chart_id else ""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title)}"{id_attr} '
             f'data-series="{len(series)}" data-points="{len(labels)}">',
             f'<title>{escape(title)}</title>',
             f'<text x="{LEFT}" y="11" class="unit">{escape(title)} (억 원)</text>', *_grid(top)]
    for i, label in enumerate(labels):
        parts.append(f'<text x="{_x(i, len(labels)):.1f}" y="{HEIGHT - BOTTOM + 16}" '
                     f'text-anchor="middle">{escape(label)}</text>')
    for n, one in enumerate(series):
        color = PALETTE[n % len(PALETTE)]
        parts += _line(one, color, len(labels), top)
        y = TOP + 14 * n + 6
        parts.append(f'<rect x="{WIDTH - RIGHT + 12}" y="{y - 8}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{WIDTH - RIGHT + 26}" y="{y + 1}">{escape(one.name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
