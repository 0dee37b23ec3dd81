"""Every character accounted for (issue 9): each letter and digit of what a reader hands on ends
in a card's field, in ``unplaced``, or in recorded page furniture — on every sample in every
format, on every card the renderer writes, and on arbitrary card-like text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from pledgecard.accounting import unaccounted
from pledgecard.extract import ReadError, read_document
from pledgecard.extract.card.parser import parse_cards
from pledgecard.models import Card, Quantity, Source
from tools.render import AXES, DEFAULT, render_bytes

from .conftest import SAMPLES
from .roundtrip import golden_cards
from .test_dated_columns import CARD as DATED_CARD
from .test_parser_properties import card_like

FORMATS = (".txt", ".hwp", ".hwpx", ".pdf")
SOURCES = sorted(p for p in SAMPLES.glob("*/*") if p.suffix in FORMATS)
#: Files that lose text today, with the reason: a document cut by a fixture's renderer (what is
#: left of a clipped word has nowhere to go), or a parser gap.
KNOWN: dict[str, str] = {}


def parse_document(name: str, data: bytes) -> tuple[Counter[str], list[Card]]:
    document = read_document(Path(name), data)
    cards = parse_cards(document, Source(path=name, format=document.format, sha256="0"))
    return unaccounted(document, cards), cards


@pytest.mark.parametrize("path", [
    pytest.param(p, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[p.name])] if p.name in KNOWN else [])
    for p in SOURCES], ids=lambda p: p.name)
def test_every_character_of_a_sample_is_accounted_for(path: Path) -> None:
    missing, cards = parse_document(path.name, path.read_bytes())
    assert cards
    assert missing == Counter(), "".join(sorted(missing.elements()))


CASES = [(name, card, axis, value) for name, card in golden_cards() for axis, values in AXES.items()
         for value in values[:3]]
#: Rendered cards that lose text today: (card, table drawing; None: any) -> the parser gap.
#: Rendered cards that lose text today: (card, table rendering or None for any) -> why.
KNOWN_RENDERED: dict[tuple[str, str | None], str] = {}


@pytest.mark.parametrize(("name", "card", "axis", "value"), CASES[::5],
                         ids=[f"{n}-{a}={v!r}" for n, _, a, v in CASES[::5]])
def test_every_character_of_a_rendered_card_is_accounted_for(name: str, card: Card, axis: str, value: object,
                                                             request: pytest.FixtureRequest) -> None:
    style = DEFAULT.with_(**{axis: value})
    gap = KNOWN_RENDERED.get((name, style.table)) or KNOWN_RENDERED.get((name, None))
    if gap:
        request.applymarker(pytest.mark.xfail(strict=True, reason=gap))
    try:
        data = render_bytes(card, style)
    except UnicodeEncodeError:
        pytest.skip("not encodable in this style")
    missing, _cards = parse_document(f"{name}.txt", data)
    assert missing == Counter(), "".join(sorted(missing.elements()))


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=card_like)
def test_card_like_text_loses_nothing(text: str) -> None:
    """Where a file gives cards, nothing of it vanishes (a file with none fails as a whole)."""
    try:
        missing, cards = parse_document("prop.txt", text.encode("utf-8"))
    except ReadError:
        return  # empty or not text: the file fails with its reason
    assert not cards or missing == Counter(), "".join(sorted(missing.elements()))


def test_a_lost_word_is_caught() -> None:
    """The check itself: a quantity cut to ``3개`` (its ``지구`` dropped) is a loss."""
    path = SAMPLES / "bad-sums" / "bad-sums.txt"
    document = read_document(path, path.read_bytes())
    (card,) = parse_cards(document, Source(path="x", format="txt", sha256="0"))
    assert card.overview.volume is not None and card.overview.volume.text == "3개 지구"
    assert unaccounted(document, [card]) == Counter()
    cut = card.model_copy(update={"overview": card.overview.model_copy(update={
        "volume": Quantity(value=3, unit="개", text="3개")})})
    assert unaccounted(document, [cut]) == Counter("지구")


def test_a_dated_table_with_a_note_column_loses_nothing() -> None:
    """일정 | 추진내용 | 비고: the 비고 cell is held (the item's note) and the date cell too (the
    item's first date, written apart from its text); dropping either is a loss."""
    text = DATED_CARD.format(progress="○ 기본설계 완료(’24.9월)", plans=(
        "| 일정 | 추진내용 | 비고 |\n|---|---|---|\n| 2027. 7. | 산책로 1구간 착공 | 폭염 휴무 |\n"))
    document = read_document(Path("nuri.txt"), text.encode("utf-8"))
    (card,) = parse_cards(document, Source(path="nuri.txt", format="txt", sha256="0"))
    (item,) = card.plans
    assert (item.note, item.dates[0].text, card.unplaced) == ("폭염 휴무", "2027. 7.", [])
    assert unaccounted(document, [card]) == Counter()
    no_note = card.model_copy(update={"plans": [item.model_copy(update={"note": None})]})
    assert unaccounted(document, [no_note]) == Counter("폭염휴무")
    no_date = card.model_copy(update={"plans": [item.model_copy(update={"dates": []})]})
    assert unaccounted(document, [no_date]) == Counter("77")
