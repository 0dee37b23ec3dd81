"""Outline paragraphs (개요, ``Paragraph.outline``) as section headings.

The card's headings are outline paragraphs in the HWP and HWPX of ``tests/data/outline/``
(``tools/make_outline_fixtures.py``; the tests never need its producers), written without
any glyph (``glyphless``), with the outline numbering's ``1.`` ``2.`` (``numbered``), or as
plain paragraphs (``plain``, the negative). A heading of unknown words (참고자료) is the
heading of an extra part when it is an outline paragraph of the level the card's known
headings use; otherwise it stays text.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pledgecard.extract.card.layout import split_cards
from pledgecard.extract.document import Block, Document, Paragraph
from pledgecard.pipeline import parse_bytes

from .conftest import DATA

FOLDER = DATA / "outline"
MANIFEST: list[dict[str, Any]] = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))
OUTLINED = [e for e in MANIFEST if e["variant"] != "plain"]


def _comparable(value: Any) -> Any:
    """A card's JSON without where its values came from."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in ("source", "provenance")}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _card(name: str) -> Any:
    result = parse_bytes((FOLDER / name).read_bytes(), name)
    assert len(result.cards) == 1, result.reason
    return result.cards[0]


@pytest.mark.parametrize("entry", OUTLINED, ids=lambda e: e["file"])
def test_outline_headings_give_every_part(entry: dict[str, Any]) -> None:
    """참고자료 goes to sections with its items; every known part is found (추진실적, a word the
    card also uses as a column, included), nothing is left unplaced."""
    card = _card(entry["file"])
    assert [{"heading": s.heading, "items": [i.text for i in s.items]} for s in card.sections] == entry["sections"]
    assert [f.code for f in card.findings] == ["card.extra_section"]
    assert card.unplaced == []
    assert card.progress and card.finance.cells and card.plans and card.expected_effects


def test_every_outlined_file_gives_the_same_card() -> None:
    cards = {e["file"]: _comparable(_card(e["file"]).model_dump(mode="json")) for e in OUTLINED}
    first = next(iter(cards.values()))
    assert all(card == first for card in cards.values())


def test_plain_paragraphs_of_unknown_words_stay_text() -> None:
    """The negative: the same card with plain headings keeps 참고자료 as a line of the part before."""
    (entry,) = [e for e in MANIFEST if e["variant"] == "plain"]
    card = _card(entry["file"])
    assert card.sections == []
    assert "참고자료" in [item.text for item in card.expected_effects]


def _document(*paragraphs: tuple[str, int | None]) -> Document:
    blocks: list[Block] = [Paragraph(text="공약명 원도심 주차환경 개선 관리번호 3-07")]
    blocks += [Paragraph(text=text, outline=outline) for text, outline in paragraphs]
    return Document(path="x.hwpx", format="hwpx", blocks=blocks)


@pytest.mark.parametrize(("paragraphs", "keys"), [
    pytest.param([("사업개요", 1), ("사업기간 : 2023. 1. ~ 2026. 12.", None), ("참고자료", 1), ("조례 사본", None)],
                 [("overview", "사업개요"), ("unknown", "참고자료")], id="unknown-words-at-the-headings-level"),
    pytest.param([("1. 사업개요", 1), ("Ⅱ. 참고자료", 1)],
                 [("overview", "사업개요"), ("unknown", "참고자료")], id="numbered-outline"),
    pytest.param([("사업개요", 1), ("세부 추진내용", 2), ("참고자료", 1)],
                 [("overview", "사업개요"), ("unknown", "참고자료")], id="deeper-level-is-text"),
    pytest.param([("사업개요", None), ("참고자료", 1)], [("overview", "사업개요")],
                 id="known-headings-not-outlined"),
    pytest.param([("사업개요", 1), ("추진실적", 1)], [("overview", "사업개요"), ("progress", "추진실적")],
                 id="ambiguous-word-outlined"),
    pytest.param([("사업개요", 1), ("추진 일정: 2025년 착공", 1)], [("overview", "사업개요")],
                 id="label-and-value-is-text"),
])
def test_outline_headings_in_the_layout(paragraphs: list[tuple[str, int | None]],
                                        keys: list[tuple[str, str]]) -> None:
    (layout,) = split_cards(_document(*paragraphs))
    assert [(s.key, s.heading) for s in layout.sections] == keys
