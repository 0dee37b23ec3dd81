"""The card's tables as grids: finance, 목표달성 (achievements), 소통, 연도별 추진계획 (yearly),
tables of dated entries (일자 | 추진내용 | 비고)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pledgecard.models import Achievement, Card, FinanceCell, Item

from .document import Grid, GridBuilder, transpose
from .style import Style
from .words import UNIT_WON, cell_amount, label

YEARS_GROUP = "연도별 투자 실적 및 계획"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def finance_unit(card: Card, style: Style) -> tuple[str, int | None]:
    """The unit line's word and multiplier: the style's unit, else the card's own."""
    if style.unit is not None:
        return style.unit, UNIT_WON[style.unit]
    return card.finance.unit or "", None


def finance_grid(card: Card, style: Style) -> Grid:
    """Rows: sources (계, 국비 …), with a 계획/확보/집행 column when the card splits them;
    columns: 총사업비, 기투자, years, 임기이후; two header rows group the non-total columns."""
    cells = card.finance.cells
    _, unit_won = finance_unit(card, style)
    columns = _unique(c.column for c in cells)
    sources = _unique(c.source for c in cells)
    measures = _unique(c.measure for c in cells if c.measure)
    by_key: dict[tuple[str, str | None, str], FinanceCell] = {(c.source, c.measure, c.column): c for c in cells}
    grouped = [c for c in columns if _kind(cells, c) != "total"]
    two_rows = style.header_rows == 2 and bool(grouped) and len(grouped) < len(columns)
    head = 2 if two_rows else 1
    lead = 2 if measures else 1
    grid = GridBuilder("finance", header_rows=head)
    grid.add(0, 0, label("구분", style.labels, 2), rowspan=head, colspan=lead)
    col = lead
    for column in columns:
        if two_rows and column in grouped:
            if column == grouped[0]:
                grid.add(0, col, YEARS_GROUP, colspan=len(grouped))
            grid.add(1, col, column)
        else:
            grid.add(0, col, column, rowspan=head)
        col += 1
    row = head
    if measures and _measure_major(cells):
        for group in measures:
            present = [s for s in sources if any((s, group, c) in by_key for c in columns)]
            grid.add(row, 0, group, rowspan=len(present))
            for source in present:
                grid.add(row, 1, _source_label(source, style))
                _amounts(grid, row, lead, [by_key.get((source, group, c)) for c in columns], unit_won)
                row += 1
        built = grid.build()
        return transpose(built, header_rows=lead) if style.orientation == "columns" else built
    for source in sources:
        source_label = _source_label(source, style)
        kinds: list[str | None] = list(measures) if measures else [None]
        present_kinds = [m for m in kinds if any((source, m, c) in by_key for c in columns)]
        if measures:
            grid.add(row, 0, source_label, rowspan=len(present_kinds))
        for measure in present_kinds:
            if measure:
                grid.add(row, 1, measure)
            else:
                grid.add(row, 0, source_label)
            _amounts(grid, row, lead, [by_key.get((source, measure, c)) for c in columns], unit_won)
            row += 1
    built = grid.build()
    return transpose(built, header_rows=lead) if style.orientation == "columns" else built


def _source_label(source: str, style: Style) -> str:
    return label(source, style.labels, 2) if len(source) == 2 else source


def _measure_major(cells: list[FinanceCell]) -> bool:
    """The card lists its 계획/확보/집행 rows measure first (계획: 계, 국비 …; then 확보: …),
    as a table whose first column is the measure: its second row differs in source, not measure."""
    rows = _unique(f"{c.measure}\t{c.source}" for c in cells)
    return len(rows) > 1 and rows[0].split("\t")[0] == rows[1].split("\t")[0]


def _amounts(grid: GridBuilder, row: int, first_col: int, cells: list[FinanceCell | None],
             unit_won: int | None) -> None:
    for i, cell in enumerate(cells):
        grid.add(row, first_col + i, _cell_text(cell, unit_won))


def _cell_text(cell: FinanceCell | None, unit_won: int | None) -> str:
    """The cell as the card wrote it, or re-written in the style's unit."""
    if cell is None:
        return ""
    return cell.raw if unit_won is None else cell_amount(cell.won, cell.raw, unit_won)


def _kind(cells: list[FinanceCell], column: str) -> str:
    return next(c.kind for c in cells if c.column == column)


ACHIEVEMENT_HEADER = ("주요사업", "목표치", "추진상황", "추진내용")


def achievement_grid(card: Card, style: Style, bullet: str = "") -> Grid:
    """주요사업 | 목표치 | 추진상황 | 추진내용, a ``<2024>`` row before each year's rows; the
    main-project cell spans the rows that stand under it (see ``_main_project_runs``)."""
    grid = GridBuilder("achievements")
    for col, word in enumerate(ACHIEVEMENT_HEADER):
        grid.add(0, col, word)
    row = 1
    years = _unique(str(a.year) for a in card.achievements)
    for year in years:
        rows = [a for a in card.achievements if str(a.year) == year]
        grid.add(row, 0, "")
        grid.add(row, 1, f"<{year}>")
        grid.add(row, 2, "")
        grid.add(row, 3, "")
        row += 1
        for start, span, main in _main_project_runs(rows):
            grid.add(row + start, 0, main, rowspan=span)
        for achievement in rows:
            grid.add(row, 1, f"{bullet}{achievement.project}")
            grid.add(row, 2, achievement.status or "")
            grid.add(row, 3, "\n".join(f"{bullet}{d}" for d in achievement.details))
            row += 1
    return grid.build()


def _main_project_runs(rows: list[Achievement]) -> list[tuple[int, int, str]]:
    """The 주요사업 cells of one year's rows as (first row, rowspan, text): runs of the rows' own
    ``main_project``, an empty cell where a row has none."""
    runs: list[tuple[int, int, str]] = []
    for i, achievement in enumerate(rows):
        main = achievement.main_project
        if main is not None and runs and runs[-1][2] == main and rows[i - 1].main_project == main:
            start, span, _ = runs[-1]
            runs[-1] = (start, span + 1, main)
        else:
            runs.append((i, 1, main or ""))
    return runs


def channel_grid(card: Card, style: Style) -> Grid:
    """The 소통 table: the channels as the header row, their counts below (or sideways)."""
    grid = GridBuilder("communication")
    for col, channel in enumerate(card.communication):
        grid.add(0, col, channel.channel)
        grid.add(1, col, channel.text)
    built = grid.build()
    return transpose(built, header_rows=1) if style.orientation == "columns" else built


YEARLY_HEADER = ("연도", "추진계획", "추진실적", "추진율(%)", "비고")


def yearly_grid(card: Card) -> Grid:
    """연도별 추진계획 및 실적: year | plan | result | rate | note; an empty cell is ``-``."""
    grid = GridBuilder("yearly")
    for col, word in enumerate(YEARLY_HEADER):
        grid.add(0, col, word)
    for row, plan in enumerate(card.yearly, start=1):
        rate = "-" if plan.rate is None else f"{plan.rate:g}"
        for col, text in enumerate((plan.years.text, plan.plan, plan.result or "-", rate, plan.note or "-")):
            grid.add(row, col, text)
    return grid.build()


DATED_HEADER = ("일자", "추진내용")
DATED_NOTE_HEADER = "비고"
#: A remark in the last parentheses of an item's text (``실시설계(완료)``): the parser takes a
#: status written there as the item's note, so such a note needs no 비고 cell.
_TRAILING_REMARK = re.compile(r"\(([^()]{1,12})\)\s*$")


def is_dated_table(items: list[Item]) -> bool:
    """Items read from a table of dated entries (일자 | 추진내용): no glyph, no children, and a
    first date written apart from the item's text (its own cell)."""
    return bool(items) and all(not item.marker and not item.children and item.dates
                               and item.dates[0].text not in item.text for item in items)


def note_apart(item: Item) -> bool:
    """Whether the item's note was written apart from its text (a 비고 cell): a note that is not
    the remark in its text's last parentheses."""
    if item.note is None:
        return False
    remark = _TRAILING_REMARK.search(item.text)
    return remark is None or remark.group(1).strip() != item.note


def dated_grid(items: list[Item]) -> Grid:
    """일자 | 추진내용, a row per item: its first date as written, then its text; and a 비고 column
    when a row's note was written apart from its text, each row's note in it (``-`` for none; a
    note its text's parentheses also hold is written too, which the parser reads the same)."""
    header = (*DATED_HEADER, DATED_NOTE_HEADER) if any(note_apart(item) for item in items) else DATED_HEADER
    grid = GridBuilder("dated")
    for col, word in enumerate(header):
        grid.add(0, col, word)
    for row, item in enumerate(items, start=1):
        grid.add(row, 0, item.dates[0].text)
        grid.add(row, 1, item.text)
        if len(header) > len(DATED_HEADER):
            grid.add(row, 2, item.note or "-")
    return grid.build()
