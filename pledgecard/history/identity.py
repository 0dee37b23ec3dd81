"""Who a card is about and when: a pledge's identity and a card's as-of quarter (CARD-SPEC §6)."""

from __future__ import annotations

from dataclasses import dataclass

from pledgecard.models import Card
from pledgecard.normalize.text import nfc
from pledgecard.pipeline import date_key


@dataclass(frozen=True, order=True)
class PledgeId:
    """``(issuer, pledge.number)``; where the number is missing, the normalized title."""

    issuer: str
    number: str
    title: str

    @property
    def text(self) -> str:
        """The identity as one string: ``원주시 3-07`` (``3-07`` when the issuer is unknown)."""
        name = self.number or self.title
        return f"{self.issuer} {name}" if self.issuer else name


def normalized_title(title: str) -> str:
    """A title as an identity: NFC, one space between words, case folded."""
    return " ".join(nfc(title).split()).casefold()


def pledge_id(card: Card) -> PledgeId | None:
    """The card's pledge identity; None for a card with neither number nor title."""
    number = (card.pledge.number or "").strip()
    title = "" if number else normalized_title(card.pledge.title or "")
    if not number and not title:
        return None
    return PledgeId((card.issuer or "").strip(), number, title)


def as_of_key(card: Card) -> tuple[int, int]:
    """Sortable (year, month) of the card's as-of date; (0, 0) when it has none."""
    return date_key(card.as_of) if card.as_of else (0, 0)


def quarter_index(key: tuple[int, int]) -> int | None:
    """The quarter of an as-of key as one count (year * 4 + quarter - 1); None without a date."""
    year, month = key
    return year * 4 + (month - 1) // 3 if year else None


def quarter_name(index: int) -> str:
    """``2025-Q2`` for a quarter count."""
    return f"{index // 4}-Q{index % 4 + 1}"
