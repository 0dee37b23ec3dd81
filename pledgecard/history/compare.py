"""What changed from one card of a pledge to the next (CARD-SPEC §6), field by field.

Each comparer takes the earlier and the later card and yields :class:`Delta` values: the
code, the field's path and the two values as the card model holds them. The timeline adds
who, when and where (identity, as-of dates, files) to make them :class:`HistoryChange` rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pledgecard.history.models import ChangeCode
from pledgecard.models import Card, FinanceCell, Severity

Value = str | int | float | None


@dataclass(frozen=True)
class Delta:
    """One changed value between two cards of the same pledge."""

    code: ChangeCode
    field: str
    before: Value
    after: Value
    severity: Severity = "info"
    source: str | None = None
    column: str | None = None
    diff_won: int | None = None
    diff_percent: float | None = None


def as_text(value: Value) -> str | None:
    """A value as ``before`` / ``after`` hold it: won in digits, a percent as Python writes it."""
    return None if value is None else str(value)


def money_delta(code: ChangeCode, field: str, before: int | None, after: int | None, source: str | None = None,
                column: str | None = None) -> Delta:
    """A change of an amount in won, with its difference in won and percent (when both are known)."""
    diff = after - before if before is not None and after is not None else None
    percent = round(diff * 100 / before, 2) if diff is not None and before else None
    return Delta(code, field, before, after, source=source, column=column, diff_won=diff, diff_percent=percent)


def _status(old: Card, new: Card) -> Iterator[Delta]:
    if old.status != new.status:
        yield Delta("history.status", "status", old.status, new.status)


def _target(old: Card, new: Card) -> Iterator[Delta]:
    if old.target != new.target:
        yield Delta("history.target", "target", old.target, new.target)


def _period(old: Card, new: Card) -> Iterator[Delta]:
    before, after = old.overview.period, new.overview.period
    for end in ("start", "end"):
        was = getattr(before, end) if before else None
        now = getattr(after, end) if after else None
        if was != now:
            yield Delta("history.period", f"overview.period.{end}", was, now)


def _total_cost(old: Card, new: Card) -> Iterator[Delta]:
    before = old.overview.total_cost.won if old.overview.total_cost else None
    after = new.overview.total_cost.won if new.overview.total_cost else None
    if before != after:
        yield money_delta("history.total_cost", "overview.total_cost.won", before, after)


CellKey = tuple[str, str, str | None]


def cell_key(cell: FinanceCell) -> CellKey:
    return cell.source, cell.column, cell.measure


def _cells(card: Card) -> dict[CellKey, FinanceCell]:
    cells: dict[CellKey, FinanceCell] = {}
    for cell in card.finance.cells:
        cells.setdefault(cell_key(cell), cell)
    return cells


def _finance(old: Card, new: Card) -> Iterator[Delta]:
    before, after = _cells(old), _cells(new)
    keys = list(before) + [key for key in after if key not in before]
    for key in keys:
        was, now = before.get(key), after.get(key)
        if was is not None and now is not None and was.won == now.won and (was.won is not None or was.raw == now.raw):
            continue
        source, column, measure = key
        shown = f"{column} {measure}" if measure else column
        yield money_delta("history.finance", f"finance.cells[{source}/{shown}].won",
                          was.won if was else None, now.won if now else None, source=source, column=shown)


def _achievements(old: Card, new: Card) -> Iterator[Delta]:
    before = {(row.year, row.project): row.status for row in old.achievements}
    for row in new.achievements:
        key = (row.year, row.project)
        if key in before and before[key] != row.status:
            yield Delta("history.achievement", f"achievements[{row.year}/{row.project}].status",
                        before[key], row.status)


def _rate(old: Card, new: Card) -> Iterator[Delta]:
    before = old.progress_rate.percent if old.progress_rate else None
    after = new.progress_rate.percent if new.progress_rate else None
    if before == after:
        return
    points = round(after - before, 2) if before is not None and after is not None else None
    fell = points is not None and points < 0
    yield Delta("history.rate", "progress_rate.percent", before, after, severity="warning" if fell else "info",
                diff_percent=points)


#: The comparers, in the order of CARD-SPEC §6.
COMPARERS: tuple[Callable[[Card, Card], Iterator[Delta]], ...] = (
    _status, _target, _period, _total_cost, _finance, _achievements, _rate,
)


def card_deltas(old: Card, new: Card) -> list[Delta]:
    """Every change of §6 from ``old`` to ``new`` (gaps and duplicates are the timeline's)."""
    return [delta for comparer in COMPARERS for delta in comparer(old, new)]
