"""Cards and their parts recognized by words and structure, whatever marks them.

The cards here are written as other issuers write them; none is derived from samples/.
"""

from __future__ import annotations

import pytest

from pledgecard.models import Card, FileResult
from pledgecard.pipeline import parse_bytes

HEADER = "공약명 청년 창업 지원\n관리번호 3-02\n추진부서 일자리경제과\n"


def parse_text(text: str) -> FileResult:
    return parse_bytes(text.encode("utf-8"), "layout.txt")


def one_card(text: str) -> Card:
    result = parse_text(text)
    assert len(result.cards) == 1, [c.pledge for c in result.cards] or result.reason
    return result.cards[0]


def card_with(overview_heading: str, plans_heading: str) -> Card:
    return one_card("시장 공약사업 관리카드\n" + HEADER
                    + f"{overview_heading}\n◦ 사업기간 : 2023~2026년\n"
                    + f"{plans_heading}\n◦ 창업지원센터 개소(’25.7월)\n")


#: (overview heading, plans heading) written with each marker of CARD-SPEC §1.
HEADING_MARKERS = {
    "white-square": ("□ 사업개요", "□ 향후계획"),
    "black-square": ("■ 사업개요", "■ 향후 추진계획"),
    "roman": ("Ⅰ. 사업개요", "Ⅱ. 향후계획"),
    "roman-ascii": ("I. 사업개요", "II. 향후계획"),
    "arabic": ("1. 사업개요", "2. 향후계획"),
    "arabic-paren": ("1) 사업개요", "2) 향후계획"),
    "hangul": ("가. 사업개요", "나. 향후계획"),
    "circled": ("① 사업개요", "② 향후계획"),
    "private-use": ("\uf06e 사업개요", "\uf06e 향후계획"),
    "private-use-bullet": ("\uf09f 사업개요", "\uf09f 향후계획"),
    "lost-glyph": ("\ufffd   사업개요", "\ufffd   향후계획"),
    "none": ("사업개요", "향후계획"),
    "spaced": ("□ 사 업 개 요", "□ 향 후 계 획"),
    "with-remark": ("□ 사업개요 (2025. 3. 31. 기준)", "□ 향후계획 (’25. 2분기 이후)"),
}


@pytest.mark.parametrize(("overview", "plans"), HEADING_MARKERS.values(), ids=HEADING_MARKERS.keys())
def test_headings_known_by_their_words_whatever_the_marker(overview: str, plans: str) -> None:
    card = card_with(overview, plans)
    assert card.overview.period is not None and card.overview.period.start == "2023"
    assert [item.text for item in card.plans] == ["창업지원센터 개소(’25.7월)"]
    assert card.unplaced == []


def test_a_heading_word_inside_a_sentence_is_not_a_heading() -> None:
    card = card_with("□ 사업개요", "□ 향후계획")
    text = "시장 공약사업 관리카드\n" + HEADER + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n◦ 향후계획 수립 예정\n"
    card = one_card(text)
    assert card.plans == []


def test_a_kind_line_repeated_as_a_running_header_starts_nothing() -> None:
    text = ("2025년 1분기 시장 공약사업 관리카드\n" + HEADER + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n"
            + "- 3 -\n2025년 1분기 시장 공약사업 관리카드\n"
            + "□ 향후계획\n◦ 창업지원센터 개소\n3 / 12\n")
    result = parse_text(text)
    assert len(result.cards) == 1
    card = result.cards[0]
    assert card.kind == "시장 공약사업 관리카드"
    assert [item.text for item in card.plans] == ["창업지원센터 개소"]
    assert card.unplaced == []


def test_a_body_table_headed_like_a_header_starts_no_second_card() -> None:
    text = ("시장 공약사업 관리카드\n" + HEADER + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n"
            + "□ 추진실적\n┌──┬────────┬──────┐\n│연번│사업명      │사업비    │\n├──┼────────┼──────┤\n"
            + "│1 │창업공간 조성  │10억 원   │\n└──┴────────┴──────┘\n")
    result = parse_text(text)
    assert len(result.cards) == 1
    assert any("창업공간 조성" in text for text in result.cards[0].unplaced)  # not silently dropped


def test_text_before_the_first_card_is_kept() -> None:
    text = ("2025년 1분기 공약 이행 점검 자료\n시장 공약사업 관리카드\n" + HEADER
            + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n")
    card = one_card(text)
    assert any("점검 자료" in text for text in card.unplaced)


def test_two_cards_each_start_at_their_header_grid() -> None:
    second = HEADER.replace("3-02", "3-03").replace("청년 창업 지원", "청년 주거 지원")
    text = ("시장 공약사업 관리카드\n" + HEADER + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n"
            + second + "□ 사업개요\n◦ 사업기간 : 2024~2026년\n")
    result = parse_text(text)
    assert [c.pledge.number for c in result.cards] == ["3-02", "3-03"]


def test_a_profile_for_an_issuers_template() -> None:
    """An issuer whose plans part is headed 향후대책 passes its own settings; the defaults stay."""
    from pledgecard.extract.card.settings import DEFAULT, ParserSettings

    text = "시장 공약사업 관리카드\n" + HEADER + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n□ 향후대책\n◦ 센터 개소\n"
    default = parse_text(text).cards[0]
    assert default.plans == [] and [s.heading for s in default.sections] == ["향후대책"]
    mine = ParserSettings(section_headings={**DEFAULT.section_headings, "plans": ("향후계획", "향후대책")})
    card = parse_bytes(text.encode("utf-8"), "layout.txt", settings=mine).cards[0]
    assert [item.text for item in card.plans] == ["센터 개소"] and card.sections == []
    assert "향후대책" not in DEFAULT.section_headings["plans"]


def test_a_profile_with_its_own_header_labels() -> None:
    from pledgecard.extract.card.settings import DEFAULT, ParserSettings

    labels = {**DEFAULT.header_labels, "department": (*DEFAULT.header_labels["department"], "책임부서")}
    mine = ParserSettings(header_labels=labels)
    text = "시장 공약사업 관리카드\n공약명 청년 창업 지원\n관리번호 3-02\n책임부서 일자리경제과\n□ 사업개요\n"
    assert parse_text(text).cards[0].department is None
    assert parse_bytes(text.encode("utf-8"), "x.txt", settings=mine).cards[0].department == "일자리경제과"


@pytest.mark.parametrize(("lines", "as_of"), [
    pytest.param("□ 추진실적 (2025. 3. 31. 기준)\n◦ 착공", "2025-03-31", id="after-the-heading"),
    pytest.param("□ 추진실적\n《2025. 6. 30. 기준》\n◦ 착공", "2025-06-30", id="double-brackets"),
    pytest.param("□ 추진실적\n(2025. 3. 31. 기준)\n◦ 착공", "2025-03-31", id="own-line"),
    pytest.param("□ 추진실적\n’25. 2분기 기준\n◦ 착공", "2025-Q2", id="quarter"),
    pytest.param("□ 추진실적\n2025년 상반기\n◦ 착공", "2025-H1", id="half"),
    pytest.param("□ 추진실적\n2025. 9월 말 현재\n◦ 착공", "2025-09", id="month-end"),
])
def test_as_of_markers_of_progress(lines: str, as_of: str) -> None:
    card = one_card("시장 공약사업 관리카드\n" + HEADER + lines + "\n")
    assert [block.as_of for block in card.progress] == [as_of]
    assert card.as_of == as_of and card.card_id == f"3-02@{as_of}"


@pytest.mark.parametrize("as_of_line", ["2025년 상반기", "2025년 하반기", "2025. 9월 말 현재", "《2025. 6. 30. 기준》"])
def test_an_unmarked_progress_heading_after_a_table_over_its_as_of_line(as_of_line: str) -> None:
    """추진실적 is also a column word: with no marker, after a table, it heads a part only where a
    body follows it; a line that states an as-of date (a half year too) is one."""
    card = one_card("시장 공약사업 관리카드\n" + HEADER + "사업개요\n◦ 사업기간 : 2023~2026년\n재원투자 계획\n"
                    "(단위 : 백만원)\n구분\t총사업비\t2025년\n계\t100\t100\n시비\t100\t100\n"
                    f"추진실적\n{as_of_line}\n◦ 착공\n향후계획\n◦ 준공\n")
    assert len(card.progress) == 1 and card.progress[0].as_of is not None
    assert card.unplaced == []


def test_a_profile_sets_the_page_number_bound() -> None:
    """Thresholds live in the settings too: a booklet numbered past 9999 pages drops its numbers
    with a profile that allows five digits; by default they are text the card keeps."""
    from pledgecard.extract.card.settings import ParserSettings

    text = ("시장 공약사업 관리카드\n" + HEADER + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n- 10234 -\n"
            "□ 향후계획\n◦ 센터 개소\n")
    assert "- 10234 -" in parse_text(text).cards[0].unplaced
    card = parse_bytes(text.encode("utf-8"), "x.txt", settings=ParserSettings(max_page_number_digits=5)).cards[0]
    assert card.unplaced == []
