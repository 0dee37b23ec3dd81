"""Every character accounted for (issue 9): each letter and digit of what a reader hands on ends
in a card's field, in ``unplaced``, or in recorded page furniture — on every sample in every
format, on every card the renderer writes, and on arbitrary card-like text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from pledgecard.accounting import unaccounted
from pledgecard.extract import ReadError, read_document
from pledgecard.extract.card.parser import parse_cards
from pledgecard.extract.document import Document
from pledgecard.models import Card, Quantity, Source
from tools.render import AXES, DEFAULT, render_bytes

from .conftest import SAMPLES
from .roundtrip import golden_cards
from .test_dated_columns import CARD as DATED_CARD
from .test_parser_properties import card_like
from .test_settings_columns import CASES as SETTINGS_CASES
from .test_settings_columns import HEADER as SETTINGS_HEADER
from .test_settings_columns import Case as SettingsCase
from .test_yearly_columns import CARD as YEARLY_CARD

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


YEARLY = "| 연도 | 추진계획 | 추진실적 | 추진율 |\n|---|---|---|---|\n| 2024 | 실시설계 | {result} | {rate} |\n"
PLAIN = YEARLY.format(result="설계 완료", rate="30")
#: A plan item that states none (kept as written: an item's text).
NONE_ITEM = ("○ 1구간 준공(’25.12월)\n", "○ 1구간 준공(’25.12월)\n○ 없음\n")
AS_WRITTEN = ("", "")  # no line replaced


def saebom(*replaced: tuple[str, str], yearly: str = PLAIN) -> tuple[Document, Card]:
    """The card of tests/test_yearly_columns.py with its 연도별 table, lines replaced (old, new)."""
    text = YEARLY_CARD.format(yearly=yearly)
    for old, new in replaced:
        assert old in text
        text = text.replace(old, new)
    document = read_document(Path("saebom.txt"), text.encode("utf-8"))
    (card,) = parse_cards(document, Source(path="saebom.txt", format="txt", sha256="0"))
    return document, card


#: (name, a header line replaced (old, new), 추진율 cell): a stated none the parser reads as null
#: on purpose, which no field and no unplaced text holds.
READ_AS_NONE: list[tuple[str, tuple[str, str], str]] = [
    ("담당자 없음", ("담당자 윤서아", "담당자 없음"), "30"),
    ("담당부서 해당없음", ("담당부서 환경과", "담당부서 해당없음"), "30"),
    ("연락처 해당 없음", ("연락처 033-760-2231", "연락처 해당 없음"), "30"),
    ("협조부서 없음", ("담당자 윤서아", "담당자 윤서아\n협조부서 없음"), "30"),
    ("이행률 없음", ("담당자 윤서아", "담당자 윤서아\n이행률 없음"), "30"),
    ("기관명 없음, the issuer from the kind line", ("담당자 윤서아", "담당자 윤서아\n기관명 없음"), "30"),
    ("과장 없음", ("담당자 윤서아", "과장 없음\n담당자 윤서아"), "30"),
    ("추진율 없음", AS_WRITTEN, "없음"),
    ("추진율 해당없음", AS_WRITTEN, "해당없음"),
]


@pytest.mark.parametrize(("header", "rate"), [case[1:] for case in READ_AS_NONE], ids=[c[0] for c in READ_AS_NONE])
def test_a_stated_none_read_as_null_is_placed(header: tuple[str, str], rate: str) -> None:
    """담당자 없음 is a null contact, 추진율 없음 a null rate: read, so neither lost nor unplaced."""
    document, card = saebom(header, yearly=YEARLY.format(result="설계 완료", rate=rate))
    assert card.unplaced == []
    assert [plan.rate for plan in card.yearly] == [30.0 if rate == "30" else None]
    assert unaccounted(document, [card]) == Counter()


def _drop_item(card: Card) -> Card:
    return card.model_copy(update={"plans": card.plans[:-1]})


def _no_result(card: Card) -> Card:
    return card.model_copy(update={"yearly": [card.yearly[0].model_copy(update={"result": None})]})


def _no_plan(card: Card) -> Card:
    return card.model_copy(update={"yearly": []})


#: (name, a header line replaced, the 추진실적 and 추진율 cells, what the card loses, letters then
#: lost): a stated none counts only where the parser reads it as null, never another 없음.
STILL_LOST: list[tuple[str, tuple[str, str], tuple[str, str], Callable[[Card], Card], str]] = [
    ("an item 없음 beside 담당자 없음", ("담당자 윤서아", "담당자 없음"), ("설계 완료", "30"), _drop_item, "없음"),
    ("an item 없음 beside 추진율 없음", NONE_ITEM, ("설계 완료", "없음"), _drop_item, "없음"),
    ("추진실적 없음 (a stated value) beside 추진율 없음", NONE_ITEM, ("없음", "없음"), _no_result, "없음"),
    # the row's other letters (계, 완료, 2024) are held more than once elsewhere in the card
    ("the row of 추진율 없음", NONE_ITEM, ("설계 완료", "없음"), _no_plan, "실시설설없음"),
]


@pytest.mark.parametrize(("header", "cells", "lose", "lost"), [case[1:] for case in STILL_LOST],
                         ids=[c[0] for c in STILL_LOST])
def test_a_stated_none_elsewhere_is_still_caught(header: tuple[str, str], cells: tuple[str, str],
                                                 lose: Callable[[Card], Card], lost: str) -> None:
    result, rate = cells
    document, card = saebom(header, NONE_ITEM, yearly=YEARLY.format(result=result, rate=rate))
    assert card.plans[-1].text == "없음"
    assert card.unplaced == []
    assert unaccounted(document, [card]) == Counter()
    assert unaccounted(document, [lose(card)]) == Counter(lost)


@pytest.mark.parametrize("case", SETTINGS_CASES.values(), ids=SETTINGS_CASES.keys())
def test_a_word_a_profile_adds_is_vocabulary(case: SettingsCase) -> None:
    """A header or heading word a profile adds (소통방법, 세부목표, 《연차별 성과》) says where the
    values go, as vocab.py's words do: not lost."""
    document = read_document(Path("profile.txt"), (SETTINGS_HEADER + case.text).encode("utf-8"))
    cards = parse_cards(document, Source(path="profile.txt", format="txt", sha256="0"), case.profile)
    assert unaccounted(document, cards, case.profile) == Counter()
