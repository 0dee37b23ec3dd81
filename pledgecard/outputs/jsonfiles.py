"""Cards as JSON: one object per card (UTF-8, not ASCII-escaped) and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pledgecard.models import Card


def card_dict(card: Card) -> dict[str, object]:
    return card.model_dump(mode="json")


def card_json(card: Card) -> str:
    return json.dumps(card_dict(card), ensure_ascii=False, indent=2) + "\n"


def cards_json(cards: Iterable[Card]) -> str:
    return json.dumps([card_dict(c) for c in cards], ensure_ascii=False, indent=2) + "\n"


def card_line(card: Card) -> str:
    return json.dumps(card_dict(card), ensure_ascii=False, separators=(",", ":")) + "\n"
