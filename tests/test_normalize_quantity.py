"""pledgecard.normalize.quantity: counts with their unit."""

from __future__ import annotations

import pytest

from pledgecard.normalize import find_quantities, parse_quantity

Q = tuple[int | float, str, bool, str]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CARD-SPEC §3
        pytest.param("2만 9천여 명", (29000, "명", True, "2만 9천여 명"), id="spec-man-cheon-yeo"),
        pytest.param("3만여 명", (30000, "명", True, "3만여 명"), id="spec-man-yeo"),
        # seed card and other forms
        pytest.param("5건", (5, "건", False, "5건"), id="seed-volume"),
        pytest.param("1,263명", (1263, "명", False, "1,263명"), id="comma"),
        pytest.param("약 200개소", (200, "개소", True, "약 200개소"), id="approx-prefix"),
        pytest.param("총 200개소", (200, "개소", False, "총 200개소"), id="total-prefix"),
        pytest.param("200개소 이상", (200, "개소", True, "200개소 이상"), id="approx-suffix"),
        pytest.param("1.5km", (1.5, "km", False, "1.5km"), id="float"),
        pytest.param("34개국", (34, "개국", False, "34개국"), id="longest-unit"),
        pytest.param("10종", (10, "종", False, "10종"), id="kinds"),
        pytest.param("5건(종료)", (5, "건", False, "5건"), id="trailing-note"),
        pytest.param("  5 건 ", (5, "건", False, "5 건"), id="spaced"),
        pytest.param("1만\n\n9천여명", (19000, "명", True, "1만\n\n9천여명"), id="wrapped-cell"),
        pytest.param("3회째", (3, "회", False, "3회째"), id="particle-after-unit"),
        # the text covers the whole value phrase (issue 8)
        pytest.param("3개 지구", (3, "개", False, "3개 지구"), id="volume-counted-noun"),
        pytest.param("3개 지구 15.3km", (3, "개", False, "3개 지구"), id="phrase-ends-before-a-number"),
        pytest.param("3개 지구, 15.3km", (3, "개", False, "3개 지구"), id="phrase-ends-at-a-delimiter"),
        pytest.param("공영주차장 3개소", None, id="a-word-first-is-for-find"),
        # numbers in Hangul words
        pytest.param("다섯 명", (5, "명", False, "다섯 명"), id="native-hangul"),
        pytest.param("이십여 명", (20, "명", True, "이십여 명"), id="sino-hangul-approx"),
        pytest.param("스물두 곳", (22, "곳", False, "스물두 곳"), id="native-tens-ones"),
        pytest.param("열여 명", (10, "명", True, "열여 명"), id="native-approx"),
        pytest.param("삼백 명", (300, "명", False, "삼백 명"), id="sino-hundreds"),
        pytest.param("한 곳", (1, "곳", False, "한 곳"), id="native-one"),
        pytest.param("세대", None, id="native-needs-a-space-before-its-counter"),
        pytest.param("이 건", None, id="one-sino-syllable-is-this"),
        pytest.param("3차년도", None, id="year-of-phase"),
        pytest.param("2기", None, id="phase"),
        pytest.param("제20회", None, id="ordinal"),
        pytest.param("제 20회", None, id="ordinal-spaced"),
        pytest.param("6개월", None, id="months-are-time"),
        pytest.param("100억 원", None, id="money"),
        pytest.param("2024년", None, id="year"),
        pytest.param("4분기", None, id="quarter"),
        pytest.param("3 명예", None, id="word-starting-like-unit"),
        pytest.param("5mm", None, id="latin-unit-continues"),
        pytest.param("다수", None, id="words"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_quantity(text: str, expected: Q | None) -> None:
    q = parse_quantity(text)
    if expected is None:
        assert q is None
    else:
        assert q is not None
        assert (q.value, q.unit, q.approx, q.text) == expected
        assert type(q.value) is type(expected[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("34개국 113명", [(34, "개국"), (113, "명")], id="spec-two"),
        pytest.param("참여 의료기관 총 200개소 및 참여자 수 2만 9천여 명",
                     [(200, "개소"), (29000, "명")], id="seed-participants"),
        pytest.param("사업화 지원 59개사, 투자유치 18건", [(59, "개사"), (18, "건")],
                     id="seed-support"),
        pytest.param("* 참여기업·기관 134개사, 해외바이어 유치 34개국 113명, 계약액 331억 원",
                     [(134, "개사"), (34, "개국"), (113, "명")], id="seed-gmes-no-money"),
        pytest.param("◦ 제20회 강원 의료기기 전시회(GMES 2024) 개최(`24.9.5.~6.)", [],
                     id="seed-ordinal-and-dates"),
        pytest.param("◦ 국가혁신클러스터 2기 1·2차년도 사업 추진 : ‘23.~", [],
                     id="seed-phase-and-years"),
        pytest.param("- (R&D) 중추기술 과제 등 총 13개 기술과제 연구개발 지속",
                     [(13, "개")], id="seed-total-13"),
        pytest.param("17개국(4,134건), 기업 사업화 지원(시제품 2건, 컨설팅 30건, 수출계약 11건)",
                     [(17, "개국"), (4134, "건"), (2, "건"), (30, "건"), (11, "건")],
                     id="seed-buyers"),
        pytest.param("(참여의료기관 216곳, 참여인원 3만여 명)", [(216, "곳"), (30000, "명")],
                     id="seed-2025"),
        pytest.param("- 디지털헬스케어 기반 국가혁신클러스터 육성 추진(’18~’27년, 620억 원)", [],
                     id="seed-dates-money"),
        pytest.param("기투자 2022년 2023년 2024년", [], id="seed-year-columns"),
        pytest.param("계 89,873 20,919 12,218", [], id="seed-finance-row"),
        pytest.param("6개월 2기 13개 3 만족도", [(13, "개")], id="mixed-traps"),
        pytest.param("(’24. 12월) 3월 4분기", [], id="dates-only"),
        pytest.param("약 200개소", [(200, "개소")], id="approx"),
        pytest.param("운영 체제 20회, 제 3회", [(20, "회")], id="je-ending-a-word-is-no-ordinal"),
        pytest.param("", [], id="empty"),
    ],
)
def test_find_quantities(text: str, expected: list[tuple[int | float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_find_quantities_keeps_text_and_approx() -> None:
    found = find_quantities("참여자 수 2만 9천여 명, 약 200개소")
    assert [(q.text, q.approx) for q in found] == [("2만 9천여 명", True), ("약 200개소", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("다섯 명", [(5, "명", "다섯 명")], id="hangul-numerals"),
        pytest.param("참여자 이십여 명과 스물두 곳", [(20, "명", "이십여 명"), (22, "곳", "스물두 곳")],
                     id="hangul-in-free-text"),
        pytest.param("청년 세대 3개 및 5건", [(3, "개", "3개"), (5, "건", "5건")], id="generation-and-conjunction"),
        pytest.param("이 건은 3개 선정", [(3, "개", "3개")], id="this-matter-and-verb-noun"),
        pytest.param("총 13개 기술과제 연구개발", [(13, "개", "13개 기술과제")], id="seed-counted-noun"),
        pytest.param("사업량 : 3개 지구", [(3, "개", "3개 지구")], id="volume-in-free-text"),
        pytest.param("참여 의료기관 총 200개소 및 참여자 수 2만 9천여 명",
                     [(200, "개소", "200개소"), (29000, "명", "2만 9천여 명")], id="no-noun-after-other-units"),
    ],
)
def test_find_quantities_text(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(q.value, q.unit, q.text) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 호 numbers a thing by name: 놀이터 2호 is the 2nd playground, not two of anything
        pytest.param("ㅇ 반려견 놀이터 2호(한결천변) 조성(’25.11월)", [], id="hangyeol-playground-2"),
        pytest.param("놀이터2호 개장", [], id="name-written-together"),
        pytest.param("청년주택 1호(한결동) 준공", [], id="one-is-a-name"),
        pytest.param("임대주택 조성 및 반려견 놀이터 2호", [], id="housing-too-far-before"),
        pytest.param("300호 공급", [], id="nothing-counted-before-undecided"),
        pytest.param("제2호 공원", [], id="ordinal"),
        pytest.param("지하철 2호선 연장, 2호기 건설, 3호점 개점", [], id="longer-words"),
        # 호 counts dwellings and shops: the noun it counts stands just before it, or it is approximate
        pytest.param("공동주택 300호 공급", [(300, "호", "300호")], id="housing-count"),
        pytest.param("공공임대주택 1,200호 및 놀이터 3곳", [(1200, "호", "1,200호"), (3, "곳", "3곳")],
                     id="housing-and-places"),
        pytest.param("행복주택 건설 300호", [(300, "호", "300호")], id="housing-a-word-before"),
        pytest.param("빈집 정비 25호", [(25, "호", "25호")], id="empty-houses"),
        pytest.param("주택 100호, 놀이터 2호", [(100, "호", "100호")], id="phrase-ends-at-a-comma"),
        pytest.param("약 300호 공급", [(300, "호", "약 300호")], id="approx-prefix"),
        pytest.param("300여 호", [(300, "호", "300여 호")], id="approx-yeo"),
        pytest.param("300호 이상", [(300, "호", "300호 이상")], id="approx-tail"),
        pytest.param("놀이터 2호 3곳", [(3, "곳", "3곳")], id="other-counters-untouched"),
    ],
)
def test_naming_counter_in_free_text(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(q.value, q.unit, q.text) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("300호", (300, "호", "300호"), id="a-field-that-is-a-count"),
        pytest.param("놀이터 2호", None, id="a-word-first-is-for-find"),
    ],
)
def test_naming_counter_in_a_field(text: str, expected: tuple[int, str, str] | None) -> None:
    q = parse_quantity(text)
    assert (None if q is None else (q.value, q.unit, q.text)) == expected
