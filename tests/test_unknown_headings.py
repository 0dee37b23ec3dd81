"""A part whose heading words no field takes, where only the shape of the card's headings tells it.

A card that writes its known headings with no marker, or with a lost glyph (U+FFFD) on items
too, heads an extra part (주민참여 방안, 참고사항) the same way; that line is a heading only
where it has the one shape of the card's known headings and no item has it, closes a part of
marked items and is followed by one (:mod:`pledgecard.extract.card.shapes`). Every other short
line stays what it was: an item. The cards are written by hand, as other issuers write them.
"""

from __future__ import annotations

import pytest

from pledgecard.extract.text.paragraphs import Line, build_paragraphs
from pledgecard.models import Card, Item
from pledgecard.pipeline import parse_bytes

HEADER = "시장 공약사업 관리카드\n공약명 수변공원 조성\n관리번호 4-02\n추진부서 공원녹지과\n"
L = "\ufffd"  # a glyph lost in the dump


def one_card(body: str) -> Card:
    result = parse_bytes((HEADER + body).encode("utf-8"), "unknown-headings.txt")
    assert len(result.cards) == 1, result.reason
    return result.cards[0]


def texts(items: list[Item]) -> list[str]:
    return [text for item in items for text in (item.text, *texts(item.children))]


#: id -> (the card's body, its extra parts as (heading, item texts), its plans as item texts).
FOUND: dict[str, tuple[str, list[tuple[str, list[str]]], list[str]]] = {
    "no-marker": (
        "사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n❍ 2단계 공사 준공(’25.12월)\n❍ 전 구간 개방\n"
        "주민참여 방안\n❍ 시민 모니터링단 운영\n❍ 공원 명칭 공모\n",
        [("주민참여 방안", ["시민 모니터링단 운영", "공원 명칭 공모"])],
        ["2단계 공사 준공(’25.12월)", "전 구간 개방"]),
    "lost-glyph-wider-gap": (
        f"{L}   사업개요\n{L} 사업기간 : 2023~2026년\n{L}   향후 추진계획\n{L} 2단계 공사 준공(’25.12월)\n"
        f"{L} 전 구간 개방\n{L}   주민참여 방안\n{L} 시민 모니터링단 운영\n",
        [("주민참여 방안", ["시민 모니터링단 운영"])],
        ["2단계 공사 준공(’25.12월)", "전 구간 개방"]),
    "lost-glyph-two-spaces": (
        f"{L}  사업개요\n{L} 사업기간 : 2023~2026년\n{L}  향후계획\n{L} 설계 착수(’25.3월)\n"
        f"  - 기본설계 용역 발주\n{L}  참고사항\n{L} 관계부서 협의 결과 반영\n",
        [("참고사항", ["관계부서 협의 결과 반영"])],
        ["설계 착수(’25.3월)", "기본설계 용역 발주"]),
    "no-marker-part-between-known-parts": (
        "사업개요\n◦ 사업기간 : 2024~2026년\n향후계획\n◦ 센터 개소(’25.7월)\n  - 운영위원회 구성\n"
        "참고사항\n◦ 조례 개정 필요\n기대효과\n◦ 청년 일자리 창출\n",
        [("참고사항", ["조례 개정 필요"])],
        ["센터 개소(’25.7월)", "운영위원회 구성"]),
    "no-marker-dash-items": (
        "사업개요\n- 사업기간 : 2024~2026년\n향후계획\n- 센터 개소(’25.7월)\n주민참여 방안\n- 주민설명회 개최\n",
        [("주민참여 방안", ["주민설명회 개최"])],
        ["센터 개소(’25.7월)"]),
    "no-marker-caption-heading-too": (
        "사업개요\n◦ 사업기간 : 2024~2026년\n향후계획\n◦ 센터 개소(’25.7월)\n주민참여 방안\n◦ 주민설명회 개최\n"
        "<기대효과>\n◦ 청년 일자리 창출\n",
        [("주민참여 방안", ["주민설명회 개최"])],
        ["센터 개소(’25.7월)"]),
}


@pytest.mark.parametrize(("body", "sections", "plans"), FOUND.values(), ids=FOUND.keys())
def test_a_part_headed_as_the_known_parts_goes_to_sections(
        body: str, sections: list[tuple[str, list[str]]], plans: list[str]) -> None:
    card = one_card(body)
    assert [(s.heading, texts(s.items)) for s in card.sections] == sections
    assert texts(card.plans) == plans
    assert [f.code for f in card.findings].count("card.extra_section") == len(sections)
    assert card.unplaced == []


_KNOWN = "사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n❍ 2단계 공사 준공(’25.12월)\n"
_LOST = f"{L}   사업개요\n{L} 사업기간 : 2023~2026년\n{L}   향후 추진계획\n{L} 2단계 공사 준공(’25.12월)\n"

#: id -> (the card's body, the line that must stay an item of the plans, as read).
KEPT: dict[str, tuple[str, str]] = {
    "year-label": (_KNOWN + "2026년\n❍ 전 구간 개방\n", "2026년"),
    "bracketed-stage-label": (_KNOWN + "〈2단계〉\n❍ 전 구간 개방\n", "〈2단계〉"),
    "parenthesized-area-label": (_KNOWN + "(중앙동 구간)\n❍ 전 구간 개방\n", "(중앙동 구간)"),
    "as-of-line": (_KNOWN + "《’25. 1분기 기준》\n❍ 전 구간 개방\n", "《’25. 1분기 기준》"),
    "caption": (_KNOWN + "<추진방향>\n❍ 전 구간 개방\n", "<추진방향>"),
    "wrapped-after-and": ("사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n❍ 시민 모니터링단 운영 및\n"
                          "주민 의견 수렴\n❍ 전 구간 개방\n", "주민 의견 수렴"),
    "wrapped-after-a-noun": ("사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n❍ 전 구간 개방 및 시민 이용\n"
                             "활성화 프로그램 운영\n❍ 안내판 설치\n", "활성화 프로그램 운영"),
    "label-right-under-its-heading": (
        "사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n단기 추진계획\n❍ 2단계 공사 준공\n", "단기 추진계획"),
    "second-of-a-series-of-labels": (
        "사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n단기 추진계획\n❍ 2단계 공사 준공\n"
        "중장기 추진방안\n❍ 전 구간 개방\n", "중장기 추진방안"),
    "unmarked-items": ("사업개요\n사업기간 : 2023~2026년\n향후 추진계획\n2단계 공사 준공\n주민참여 방안\n"
                       "시민 모니터링단 운영\n", "주민참여 방안"),
    "nothing-follows": (_KNOWN + "주민참여 방안\n", "주민참여 방안"),
    "a-table-line-follows": (_KNOWN + "주민참여 방안\n구분 횟수\n", "주민참여 방안"),
    "headings-marked-two-ways": ("□ 사업개요\n❍ 사업기간 : 2023~2026년\n향후 추진계획\n❍ 2단계 공사 준공(’25.12월)\n"
                                 "주민참여 방안\n❍ 시민 모니터링단 운영\n", "주민참여 방안"),
    "lost-glyph-same-gap-as-items": (
        f"{L} 사업개요\n{L} 사업기간 : 2023~2026년\n{L} 향후 추진계획\n{L} 2단계 공사 준공(’25.12월)\n"
        f"{L} 주민참여 방안\n{L} 시민 모니터링단 운영\n", "주민참여 방안"),
    "lost-glyph-an-item-with-the-heading-gap": (
        _LOST + f"{L}   전 구간 개방(’26.12월)\n{L}   주민참여 방안\n{L} 시민 모니터링단 운영\n", "주민참여 방안"),
    "lost-glyph-label-with-a-number": (_LOST + f"{L}   2026년\n{L} 전 구간 개방\n", "2026년"),
    "lost-glyph-parenthesized-label": (_LOST + f"{L}   (중앙동 구간)\n{L} 전 구간 개방\n", "(중앙동 구간)"),
    "lost-glyph-an-overview-item-with-the-heading-gap": (
        f"{L}   사업개요\n{L}   사업기간 : 2023~2026년\n{L}   향후 추진계획\n{L} 2단계 공사 준공(’25.12월)\n"
        f"{L}   주민참여 방안\n{L} 시민 모니터링단 운영\n", "주민참여 방안"),
}


@pytest.mark.parametrize(("body", "line"), KEPT.values(), ids=KEPT.keys())
def test_a_line_that_cannot_be_told_stays_an_item(body: str, line: str) -> None:
    card = one_card(body)
    assert card.sections == []
    assert line in texts(card.plans)


def test_the_text_reader_keeps_the_spaces_after_a_bullet() -> None:
    lines = [Line(text, n) for n, text in enumerate([f"{L}   사업개요", f"{L} 사업기간", "향후계획", "◦\t개소"], 1)]
    assert [(p.bullet, p.gap, p.text) for p in build_paragraphs(lines)] == [
        (L, 3, "사업개요"), (L, 1, "사업기간"), (None, None, "향후계획"), ("◦", 4, "개소")]
