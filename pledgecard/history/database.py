"""History and the database: the cards of a database ``convert`` loaded (``cards.sqlite`` or
PostgreSQL), and the ``history`` table written back into it.

A card comes back from the tables with the fields history compares (header, period, total
cost, rate, finance cells, 목표달성 rows); two cards of one pledge and date are told apart by
those fields only (the database does not keep a card's every value in one place).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Connection, RowMapping, select

from pledgecard.db import open_database, replace_history
from pledgecard.db.schema import FILE_TABLES
from pledgecard.history.models import HistoryChange
from pledgecard.models import (
    Achievement,
    Card,
    Finance,
    FinanceCell,
    Overview,
    Pledge,
    Rate,
    Source,
    Span,
    TotalCost,
)

#: How 목표달성 details are joined in the achievements table.
DETAILS_SEPARATOR = " | "


def _by_card(connection: Connection, name: str) -> dict[str, list[RowMapping]]:
    table = FILE_TABLES[name]
    rows: dict[str, list[RowMapping]] = defaultdict(list)
    for row in connection.execute(select(table).order_by(table.c.file_key, table.c.seq)).mappings():
        if row["card_key"] is not None:
            rows[row["card_key"]].append(row)
    return rows


def _cell(row: RowMapping) -> FinanceCell:
    return FinanceCell(source=row["source"], category=row["category"], column=row["column"], kind=row["kind"],
                       year=row["year"], won=row["won"], raw=row["raw"] or "", measure=row["measure"])


def _achievement(row: RowMapping) -> Achievement:
    details = row["details"].split(DETAILS_SEPARATOR) if row["details"] else []
    return Achievement(year=row["year"], project=row["project"], status=row["status"], details=details)


def _overview(row: RowMapping) -> Overview:
    period = Span(start=row["period_start"], end=row["period_end"], text=row["period_text"] or "") \
        if row["period_start"] or row["period_end"] or row["period_text"] else None
    cost = TotalCost(won=row["total_cost_won"], text=row["total_cost_text"] or "") \
        if row["total_cost_won"] is not None or row["total_cost_text"] else None
    return Overview(period=period, period_years=row["period_years"], total_cost=cost)


def card_of(row: RowMapping, cells: list[RowMapping], rows: list[RowMapping]) -> Card:
    """A card from its row of ``cards``, its finance cells and its 목표달성 rows."""
    rate = row["progress_rate"]
    return Card(
        card_id=row["card_id"], source=Source(path=row["source_path"], format=row["source_format"],
                                              sha256=row["source_sha256"]),
        kind=row["kind"], issuer=row["issuer"], pledge=Pledge(title=row["pledge_title"], number=row["pledge_number"]),
        department=row["department"], target=row["target"], status=row["status"], as_of=row["as_of"],
        progress_rate=Rate(percent=rate, text=f"{rate:g}%") if rate is not None else None,
        overview=_overview(row),
        finance=Finance(unit=row["finance_unit"], unit_won=row["finance_unit_won"], cells=[_cell(c) for c in cells]),
        achievements=[_achievement(a) for a in rows])


def cards_from_database(target: str | Path) -> list[Card]:
    """Every card of a database, in the order of their source paths (a file's cards in order)."""
    engine = open_database(target)
    try:
        with engine.connect() as connection:
            cells = _by_card(connection, "finance")
            achievements = _by_card(connection, "achievements")
            table = FILE_TABLES["cards"]
            rows = connection.execute(select(table).order_by(table.c.source_path, table.c.card_index)).mappings()
            return [card_of(r, cells.get(r["card_key"], []), achievements.get(r["card_key"], [])) for r in rows]
    finally:
        engine.dispose()


def write_history_table(target: str | Path, changes: Iterable[HistoryChange]) -> int:
    """The changes as the database's ``history`` table (replacing what was there); the row count."""
    return replace_history(target, list(changes))
