"""The round trip of the second template family's own fields (CARD-SPEC §1, contract 1.1).

The golden samples are all of the first family, so their 1.1 fields are empty. The card
``tests/data/roundtrip/second-family.card.json`` (written by hand: the suwon-3-07 card with
분야, 구분, 추진단계, 이행률, contacts by role, 사업목적, 사업목표, 연도별 추진계획 및 실적,
문제점 및 대책, and its finance table split into 계획 / 확보 / 집행) is rendered in the second
family with real (box-drawn) tables, one axis value at a time, and must parse back as in
``tests/test_roundtrip.py``. ``KNOWN_GAPS`` lists the axis values the parser does not read
yet; each is ``xfail(strict=True)``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pledgecard.models import Card
from tools.render import AXES, DEFAULT, Style, render_bytes

from .conftest import DATA
from .roundtrip import assert_round_trip

CARD = Card.model_validate(json.loads((DATA / "roundtrip" / "second-family.card.json").read_text(encoding="utf-8"))[0])
BASE = DEFAULT.with_(family="second", table="box")

#: (axis, value) -> why the parse differs today (the first differing field).
KNOWN_GAPS: dict[tuple[str, Any], str] = {
}


def style_for(axis: str, value: Any) -> Style:
    """The second family with one axis changed; CP949 holds neither U+FFFD nor ◦ (□ and ○ instead)."""
    style = BASE.with_(**{axis: value})
    return style.with_(heading="□", bullet="○") if axis == "encoding" and value == "cp949" else style


CASES = [pytest.param(style_for(axis, value), id=style_for(axis, value).name,
                      marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[(axis, value)])]
                      if (axis, value) in KNOWN_GAPS else [])
         for axis, values in AXES.items() if axis != "family" for value in values]


@pytest.mark.parametrize("style", CASES)
def test_second_family_round_trips(style: Style) -> None:
    assert_round_trip(CARD, style, render_bytes(CARD, style), "second-family.txt")


def test_the_card_fills_the_second_family_fields() -> None:
    assert CARD.contacts and CARD.purpose and CARD.goals and CARD.yearly and CARD.issues and CARD.remedies
    assert CARD.category and CARD.continuity and CARD.stage and CARD.progress_rate
    assert {cell.measure for cell in CARD.finance.cells} == {"계획", "확보", "집행"}
