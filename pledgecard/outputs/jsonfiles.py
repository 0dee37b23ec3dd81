"""Cards as JSON: one object per card (UTF-8, not ASCII-escaped) and JSON Lines.

Serialized by pydantic's own encoder (fast; non-ASCII text is written as it is)."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import TypeAdapter

from pledgecard.models import Card

_CARDS = TypeAdapter(list[Card])


def card_json(card: Card) -> str:
    return card.model_dump_json(indent=2) + "\n"


def cards_json(cards: Iterable[Card]) -> str:
    return _CARDS.dump_json(list(cards), indent=2).decode("utf-8") + "\n"


def card_line(card: Card) -> str:
    return card.model_dump_json() + "\n"
