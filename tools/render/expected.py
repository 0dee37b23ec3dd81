"""What a parse of a rendering must give: the card, with the values the style rewrote
(as-of dates in the wording's precision, the unit's multiplier, level-1 bullet glyphs)."""

from __future__ import annotations

from pledgecard.models import Achievement, Card, Item

from .layout import block_as_of
from .style import Style
from .words import UNIT_WON, date_parts


def _date_key(date: str) -> tuple[int, int, int]:
    year, month, day = date_parts(date)
    return year, month, day or 0


def _items(items: list[Item], style: Style, rows_unmarked: bool = False) -> list[Item]:
    """Top-level items take the style's glyph; with ``rows_unmarked``, an item with no glyph (a
    row of a table of dated entries, which is written as a table row again) keeps none."""
    return [item.model_copy(update={
        "marker": style.bullet if style.bullet is not None and item.level <= 1 and (
            item.marker or not rows_unmarked) else item.marker,
        "children": _items(item.children, style)}) for item in items]


#: Text tables that draw no spans: a merged cell is written once, in its first row.
_SPANLESS_TABLES = frozenset({"aligned", "tsv", "markdown"})


def _achievements(card: Card, style: Style) -> list[Achievement]:
    """What a text table states of each 목표달성 row's 주요사업: a flattened table states the cell
    once for the rows of its year below it (its rebuild reads it as a merged cell); a table that
    draws no spans (aligned, tab, pipe) writes a merged cell in its first row only."""
    if style.table != "flattened" and style.table not in _SPANLESS_TABLES:
        return card.achievements
    rows: list[Achievement] = []
    previous: Achievement | None = None
    for row in card.achievements:
        above = previous if previous is not None and previous.year == row.year else None
        main = row.main_project
        if style.table == "flattened" and main is None and above is not None:
            main = rows[-1].main_project  # as carried down to the row above
        elif style.table in _SPANLESS_TABLES and above is not None and main == above.main_project:
            main = None
        previous = row
        rows.append(row.model_copy(update={"main_project": main}))
    return rows


def expected_card(card: Card, style: Style) -> Card:
    """The card as a rendering in ``style`` states it."""
    progress = [b.model_copy(update={"as_of": block_as_of(b, style),
                                     "items": _items(b.items, style, rows_unmarked=True)})
                for b in card.progress]
    dates = [b.as_of for b in progress if b.as_of]
    as_of = max(dates, key=_date_key) if dates else None
    number = card.pledge.number
    card_id = (f"{number}@{as_of}" if as_of else number) if number else None
    finance = card.finance
    if style.unit is not None and finance.cells:
        finance = finance.model_copy(update={"unit_won": UNIT_WON[style.unit]})
    overview = card.overview.model_copy(update={"items": _items(card.overview.items, style)})
    return card.model_copy(update={
        "progress": progress, "as_of": as_of, "card_id": card_id, "finance": finance, "overview": overview,
        "plans": _items(card.plans, style, rows_unmarked=True),
        "expected_effects": _items(card.expected_effects, style),
        "purpose": _items(card.purpose, style), "issues": _items(card.issues, style),
        "remedies": _items(card.remedies, style),
        "sections": [s.model_copy(update={"items": _items(s.items, style)}) for s in card.sections],
        "achievements": _achievements(card, style)})
