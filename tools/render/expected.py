"""What a parse of a rendering must give: the card, with the values the style rewrote
(as-of dates in the wording's precision, the unit's multiplier, level-1 bullet glyphs)."""

from __future__ import annotations

from pledgecard.models import Card, Item

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
        "sections": [s.model_copy(update={"items": _items(s.items, style)}) for s in card.sections]})
