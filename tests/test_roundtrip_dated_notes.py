"""The 비고 cell of a table of dated entries round-trips: the renderer writes a 비고 column when
a row's note was written apart from its text (not the status in its text's last parentheses,
``실시설계(완료)``, which the parser reads from the text), and the parse gives the card back, in
every axis value as ``tests/test_roundtrip.py`` walks them.

The card is the nuri-3-11 golden card (its 추진실적 and 향후계획 are tables of dated entries)
with notes added by hand: a 비고 note, a trailing status kept in an item's text, and a 비고
note that repeats a remark in the text's last parentheses that is no status.
"""

from __future__ import annotations

from typing import Any

import pytest

from pledgecard.models import Card, Item
from tools.render import AXES, DEFAULT, Style, needs_second_family, render_bytes
from tools.render.tables import DATED_HEADER, DATED_NOTE_HEADER, dated_grid, is_dated_table

from .roundtrip import assert_round_trip, golden_cards

GOLDEN = dict(golden_cards())["nuri-3-11"]


def _with(items: list[Item], changes: dict[int, dict[str, Any]]) -> list[Item]:
    return [item.model_copy(update=changes.get(i, {})) for i, item in enumerate(items)]


def _card() -> Card:
    progress = GOLDEN.progress[0]
    items = _with(progress.items, {
        1: {"note": "국비 확보"},                                   # a 비고 note
        2: {"text": "건축공사 착공(완료)", "note": "완료"},          # a status in the text, no 비고
        3: {"note": "공정률 58%"},                                  # 비고 repeats the text's remark
    })
    plans = _with(GOLDEN.plans, {0: {"note": "우기 전 준공"}})
    return GOLDEN.model_copy(update={"progress": [progress.model_copy(update={"items": items}),
                                                  *GOLDEN.progress[1:]], "plans": plans})


CARD = _card()
#: Box-drawn tables (the seed's flattened rows have no 비고 column: see KNOWN_GAPS), in the
#: card's family (a card with 분야 and the like is of the second).
BASE = DEFAULT.with_(table="box", family="second" if needs_second_family([CARD]) else "first")
#: (axis, value) -> why the parse differs today.
KNOWN_GAPS: dict[tuple[str, Any], str] = {
    ("table", "flattened"): "a table of dated entries a row per line has no 비고 column: '일자 추진내용 비고' is no "
                            "dated header (tests/test_dated_columns.py), so its rows stay whole items",
}


def _style(axis: str, value: Any) -> Style:
    style = BASE.with_(**{axis: value})
    return style.with_(heading="□") if axis == "encoding" and value == "cp949" else style


def _encodable(style: Style) -> bool:
    try:
        render_bytes(CARD, style)
    except UnicodeEncodeError:
        return False
    return True


CASES = [pytest.param(_style(axis, value), id=_style(axis, value).name,
                      marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[(axis, value)])]
                      if (axis, value) in KNOWN_GAPS else [])
         for axis, values in AXES.items() if axis != "family" or BASE.family == "first" for value in values
         if _encodable(_style(axis, value))]


@pytest.mark.parametrize("style", CASES)
def test_a_dated_note_round_trips(style: Style) -> None:
    assert_round_trip(CARD, style, render_bytes(CARD, style), "nuri-3-11.txt")


def test_the_card_has_dated_tables_with_notes() -> None:
    assert is_dated_table(CARD.progress[0].items) and is_dated_table(CARD.plans)
    assert [item.note for item in CARD.progress[0].items] == [None, "국비 확보", "완료", "공정률 58%"]


def _grid_rows(items: list[Item]) -> list[tuple[str, ...]]:
    grid = dated_grid(items)
    return [tuple(c.text for c in sorted((c for c in grid.cells if c.row == row), key=lambda c: c.col))
            for row in range(grid.rows)]


def test_a_bigo_column_only_where_a_note_was_written_apart() -> None:
    """A table whose notes are all statuses in the text's parentheses is written as before."""
    statuses = _with(CARD.progress[0].items, {1: {"note": None}, 3: {"note": None}})
    assert _grid_rows(statuses)[0] == DATED_HEADER
    assert _grid_rows(CARD.progress[0].items) == [
        (*DATED_HEADER, DATED_NOTE_HEADER),
        ("2023. 5. 4.", "기본계획 수립 및 건립 부지 확정(누리동 산12-3)", "-"),
        ("2023. 12. 20.", "설계공모 당선작 선정", "국비 확보"),
        ("2024. 6. 3.", "건축공사 착공(완료)", "완료"),
        ("2025. 2. 28.", "골조공사 완료(공정률 58%)", "공정률 58%")]
    assert _grid_rows(GOLDEN.plans)[0] == DATED_HEADER
