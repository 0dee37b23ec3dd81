"""What the round-trip tests compare: a card as the renderer wrote it against its parse.

Compared: every field of the card except
- ``source`` and ``provenance`` (where a value came from), at any depth;
- the raw text of re-written amounts: ``overview.total_cost.text``, each breakdown's ``text``,
  ``finance.unit`` and each finance cell's ``raw`` (the style may write another unit; the
  values in won and ``finance.unit_won`` are compared);
- ``findings[].message`` (prose that quotes amounts as written; code, severity and path are
  compared);
- under an as-of wording other than the card's own, ``progress[].heading`` (its ``as_of`` and
  ``cumulative`` are compared, in the wording's precision);
- under a private-use or lost bullet glyph, the ``marker`` of level-1 items (whatever the
  reader makes of a lost glyph; their level and text are compared).
The expected side is :func:`tools.render.expected_card`: the golden card with the values the
style re-wrote by design (as-of precision, unit multiplier, level-1 glyphs).
"""

from __future__ import annotations

import json
from typing import Any

from pledgecard.models import Card
from pledgecard.pipeline import parse_bytes
from tools.render import Style, expected_card
from tools.render.diff import first_difference

from .conftest import SAMPLES

LOST_GLYPHS = ("\uf0a7", "\ufffd")
ALWAYS_DROPPED = ("source", "provenance")


def golden_cards() -> list[tuple[str, Card]]:
    """(id, card) of every golden card in ``samples/*/*.expected.json``."""
    out: list[tuple[str, Card]] = []
    for path in sorted(SAMPLES.glob("*/*.expected.json")):
        cards = json.loads(path.read_text(encoding="utf-8"))
        for i, data in enumerate(cards):
            name = path.name.removesuffix(".expected.json") + (f"#{i + 1}" if len(cards) > 1 else "")
            out.append((name, Card.model_validate(data)))
    return out


def comparable(card: Card, style: Style) -> dict[str, Any]:
    """The compared part of a card's JSON under ``style`` (see the module's docstring)."""
    data: dict[str, Any] = _drop(card.model_dump(mode="json"), style)
    total = data["overview"].get("total_cost")
    if total:
        total.pop("text", None)
        for part in total["breakdown"]:
            part.pop("text", None)
    data["finance"].pop("unit", None)
    for cell in data["finance"]["cells"]:
        cell.pop("raw", None)
    for finding in data["findings"]:
        finding.pop("message", None)
    if style.as_of is not None:
        for block in data["progress"]:
            block.pop("heading", None)
    return data


def _drop(value: Any, style: Style) -> Any:
    if isinstance(value, dict):
        out = {k: _drop(v, style) for k, v in value.items() if k not in ALWAYS_DROPPED}
        if style.bullet in LOST_GLYPHS and "marker" in out and out.get("level", 0) <= 1:
            out.pop("marker")
        return out
    if isinstance(value, list):
        return [_drop(v, style) for v in value]
    return value


def parse_rendering(data: bytes, name: str) -> list[Card]:
    result = parse_bytes(data, name)
    assert result.cards, f"{name}: {result.reason}"
    return result.cards


def assert_round_trip(card: Card, style: Style, data: bytes, name: str) -> None:
    """The rendering parses to exactly one card, equal to the expected card where compared."""
    cards = parse_rendering(data, name)
    assert len(cards) == 1, f"{name}: {len(cards)} cards"
    want = comparable(expected_card(card, style), style)
    got = comparable(cards[0], style)
    assert got == want, first_difference(want, got)
