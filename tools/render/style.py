"""A rendering style: one value on each axis of how issuers lay out the same card.

``None`` on an axis means "as the card wrote it" where the card keeps that wording
(units, as-of headings, bullet glyphs); every other axis has a concrete default, the
seed card's (``DEFAULT``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from pledgecard.models import Card

FAMILIES = ("first", "second")
HEADINGS = ("□", "■", "roman", "arabic", "hangul", "circled", "private", "lost", "none")
TABLES = ("flattened", "box", "aligned", "tsv", "markdown")
HEADER_ROWS = (2, 1)
ORIENTATIONS = ("rows", "columns")
UNITS = (None, "원", "천원", "백만원", "억원")
AS_OF = (None, "quarter_total", "month_now", "day_paren", "day_bracket", "quarter_plain", "half")
LABELS = ("spaced", "closed")
BULLETS = (None, "◦", "○", "❍", "ㅇ", "▪", "·", "-", "＊", "*", "※", "\uf0a7", "\ufffd")
FURNITURE = ("none", "running_header", "page_dash", "page_slash", "table_break")
NEWLINES = ("\n", "\r\n")
ENCODINGS = ("utf-8", "utf-8-sig", "cp949", "utf-16")


@dataclass(frozen=True)
class Style:
    """How one issuer writes a card; ``DEFAULT`` is the seed (강원 2-16) as dumped to text."""

    family: str = "first"
    heading: str = "lost"
    table: str = "flattened"
    header_rows: int = 2
    orientation: str = "rows"
    unit: str | None = None
    as_of: str | None = None
    labels: str = "spaced"
    bullet: str | None = None
    furniture: str = "none"
    newline: str = "\n"
    encoding: str = "utf-8"

    def with_(self, **changes: Any) -> Style:
        return replace(self, **changes)

    @property
    def name(self) -> str:
        """A short id naming only the axes that differ from the seed's."""
        parts = [f"{f.name}={_show(getattr(self, f.name))}" for f in fields(self)
                 if getattr(self, f.name) != getattr(DEFAULT, f.name)]
        return ",".join(parts) or "seed"


def _show(value: object) -> str:
    """The value as an id part: control, private-use and lost glyphs escaped."""
    text = str(value)
    if any(not c.isprintable() or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd" for c in text):
        return ascii(text)[1:-1]
    return text


DEFAULT = Style()

#: Every axis and its values, in the order the round-trip test walks them.
AXES: dict[str, tuple[Any, ...]] = {
    "family": FAMILIES,
    "heading": HEADINGS,
    "table": TABLES,
    "header_rows": HEADER_ROWS,
    "orientation": ORIENTATIONS,
    "unit": UNITS,
    "as_of": AS_OF,
    "labels": LABELS,
    "bullet": BULLETS,
    "furniture": FURNITURE,
    "newline": NEWLINES,
    "encoding": ENCODINGS,
}


#: Card fields only CARD-SPEC §1's second family writes (분야, 구분, 추진단계, 이행률, 사업목적, …).
SECOND_FAMILY_FIELDS = ("category", "continuity", "stage", "progress_rate", "purpose", "goals", "yearly",
                        "issues", "remedies", "sections")


def needs_second_family(cards: list[Card]) -> bool:
    """Whether the cards hold fields the first family's template has no place for."""
    return any(getattr(card, name) for card in cards for name in SECOND_FAMILY_FIELDS)
