"""pledgecard.normalize.money: amounts, total costs with breakdowns, table cells and units."""

from __future__ import annotations

import pytest

from pledgecard.models import Finding
from pledgecard.normalize import (
    find_money,
    parse_amount_cell,
    parse_cell_money,
    parse_money,
    parse_total_cost,
    table_unit,
    unit_multiplier,
)

MILLION = 1_000_000


@pytest.mark.parametrize(
    ("text", "won", "approx"),
    [
        # CARD-SPEC §3
        pytest.param("89,873백만 원", 89_873_000_000, False, id="spec-baekman"),
        pytest.param("620억 원", 62_000_000_000, False, id="spec-eok"),
        pytest.param("214.1억 원", 21_410_000_000, False, id="spec-decimal-eok-exact"),
        pytest.param("1조 2,500억 원", 1_250_000_000_000, False, id="spec-jo-eok"),
        pytest.param("5천만 원", 50_000_000, False, id="spec-cheonman"),
        pytest.param("500만원", 5_000_000, False, id="spec-manwon"),
        # seed card and other forms
        pytest.param("36억 원", 3_600_000_000, False, id="seed-investment"),
        pytest.param("73억 원", 7_300_000_000, False, id="seed-item-cost"),
        pytest.param("202억", 20_200_000_000, False, id="seed-no-won"),
        pytest.param("89,873 백만 원", 89_873_000_000, False, id="space-before-unit"),
        pytest.param("89,873백만원", 89_873_000_000, False, id="no-space"),
        pytest.param("3억 5천만 원", 350_000_000, False, id="eok-cheonman"),
        pytest.param("1억 5000원", 100_005_000, False, id="bare-tail-before-won"),
        pytest.param("약 20억원", 2_000_000_000, True, id="approx-prefix"),
        pytest.param("20여억 원", 2_000_000_000, True, id="approx-infix"),
        pytest.param("20억여 원", 2_000_000_000, True, id="approx-after-unit"),
        pytest.param("100억 원 정도", 10_000_000_000, True, id="approx-suffix"),
        pytest.param("총 36억 원", 3_600_000_000, False, id="total-prefix"),
        pytest.param("5천원", 5_000, False, id="cheonwon"),
        pytest.param("500원", 500, False, id="won-only"),
        pytest.param("0.5억 원", 50_000_000, False, id="half-eok"),
        pytest.param("  620억 원  ", 62_000_000_000, False, id="padded"),
        pytest.param("1.23456억 원", 123_456_000, False, id="long-decimal-exact"),
        pytest.param("58,266", None, False, id="bare-without-default"),
        pytest.param("", None, False, id="empty"),
        pytest.param("미정", None, False, id="words"),
        pytest.param("620억 원(국비 58,266)", None, False, id="trailing-text-not-one-amount"),
        pytest.param("0.1원", None, False, id="fraction-of-won"),
        pytest.param("억 원", None, False, id="unit-without-number"),
    ],
)
def test_parse_money(text: str, won: int | None, approx: bool) -> None:
    money = parse_money(text)
    assert money.won == won
    assert money.approx is approx
    assert money.text == text.strip()


@pytest.mark.parametrize(
    ("text", "unit", "won"),
    [
        pytest.param("58,266", MILLION, 58_266_000_000, id="bare-takes-default"),
        pytest.param("18억", MILLION, 1_800_000_000, id="own-unit-wins"),
        pytest.param("1,234.5", MILLION, 1_234_500_000, id="decimal-default"),
        pytest.param("58,266원", MILLION, 58_266, id="explicit-won-wins"),
    ],
)
def test_parse_money_default_unit(text: str, unit: int, won: int) -> None:
    assert parse_money(text, default_unit_won=unit).won == won


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("의료기기 국제인증지원센터 구축(’22~’26년, 100억 원)",
                     [(10_000_000_000, "100억 원", False)], id="seed-item"),
        pytest.param("계약액 331억 원", [(33_100_000_000, "331억 원", False)], id="seed-contract"),
        pytest.param("* 디지털 랩온어칩 실용화 플랫폼 (202억, `24~`27): 인프라 구축",
                     [(20_200_000_000, "202억", False)], id="seed-eok-no-won"),
        pytest.param("플랫폼 구축사업(214.1억 원, `24~̀28)",
                     [(21_410_000_000, "214.1억 원", False)], id="seed-decimal"),
        pytest.param("◦ 투자액 : 36억 원 (국비 18억, 도 7억, 원주시 11억)",
                     [(3_600_000_000, "36억 원", False), (1_800_000_000, "18억", False),
                      (700_000_000, "7억", False), (1_100_000_000, "11억", False)],
                     id="seed-investment"),
        pytest.param("총사업비 : 89,873백만 원(국비 58,266, 도비 23,326, 시군비 8,281)",
                     [(89_873_000_000, "89,873백만 원", False)], id="seed-total-bare-parts-skipped"),
        pytest.param("참여자 수 2만 9천여 명", [], id="quantity-not-money"),
        pytest.param("참여인원 3만여 명", [], id="quantity-man-yeo"),
        pytest.param("(’24.12.) 2022년 2023년", [], id="dates-not-money"),
        pytest.param("89,873 20,919 12,218", [], id="bare-numbers"),
        pytest.param("5억 달러", [], id="dollars"),
        pytest.param("3억 명", [], id="eok-people"),
        pytest.param("법 제5조에 따라", [], id="ordinal-article"),
        pytest.param("약 3억원 정도 투입", [(300_000_000, "약 3억원 정도", True)], id="approx-both"),
        pytest.param("요약 3억원", [(300_000_000, "3억원", False)], id="yoyak-is-no-approx"),
        pytest.param("620억을 투입", [(62_000_000_000, "620억", False)], id="particle"),
        pytest.param("국비 18억 원주시 11억",
                     [(1_800_000_000, "18억", False), (1_100_000_000, "11억", False)],
                     id="won-of-wonju-not-taken"),
        pytest.param("5천만 원과 500만원", [(50_000_000, "5천만 원", False),
                                          (5_000_000, "500만원", False)], id="two"),
        pytest.param("1조 2,500억 원", [(1_250_000_000_000, "1조 2,500억 원", False)], id="jo"),
        pytest.param("", [], id="empty"),
    ],
)
def test_find_money(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert [(m.won, m.text, m.approx) for m in find_money(text)] == expected


def test_parse_total_cost_seed() -> None:
    cost = parse_total_cost("89,873백만 원(국비 58,266, 도비 23,326, 시군비 8,281)", "province")
    assert cost.won == 89_873_000_000
    assert [(f.source, f.category, f.won, f.text) for f in cost.breakdown] == [
        ("국비", "national", 58_266_000_000, "국비 58,266"),
        ("도비", "provincial", 23_326_000_000, "도비 23,326"),
        ("시군비", "municipal", 8_281_000_000, "시군비 8,281"),
    ]


def test_parse_total_cost_spec_wonju() -> None:
    cost = parse_total_cost("36억 원 (국비 18억, 도 7억, 원주시 11억)", "province")
    assert cost.won == 3_600_000_000
    assert [(f.source, f.category, f.won) for f in cost.breakdown] == [
        ("국비", "national", 1_800_000_000),
        ("도", "provincial", 700_000_000),
        ("원주시", "municipal", 1_100_000_000),
    ]


@pytest.mark.parametrize(
    ("text", "level", "won", "breakdown"),
    [
        pytest.param("620억 원(’18~’27년)", "province", 62_000_000_000, [], id="paren-is-no-breakdown"),
        pytest.param("620억 원", "province", 62_000_000_000, [], id="no-paren"),
        pytest.param("100억 원(국  비 50억, 시비 50억)", "metropolitan", 10_000_000_000,
                     [("국비", "national", 5_000_000_000), ("시비", "provincial", 5_000_000_000)],
                     id="spaced-label-metropolitan"),
        pytest.param("100억 원(국비 50억, 시비 50억)", "city", 10_000_000_000,
                     [("국비", "national", 5_000_000_000), ("시비", "municipal", 5_000_000_000)],
                     id="sibi-on-city-card"),
        pytest.param("1,000백만원（국비: 600, 민자 400）", "county", 1_000_000_000,
                     [("국비", "national", 600_000_000), ("민자", "private", 400_000_000)],
                     id="fullwidth-paren-colon"),
        pytest.param("10억 원(국비 약 5억, 도비 5억)", "province", 1_000_000_000,
                     [("국비", "national", 500_000_000), ("도비", "provincial", 500_000_000)],
                     id="approx-part"),
    ],
)
def test_parse_total_cost_table(text: str, level: str, won: int,
                                breakdown: list[tuple[str, str, int]]) -> None:
    cost = parse_total_cost(text, level)
    assert cost.won == won
    assert cost.text == text
    assert [(f.source, f.category, f.won) for f in cost.breakdown] == breakdown


def test_parse_total_cost_unreadable_gives_finding() -> None:
    findings: list[Finding] = []
    cost = parse_total_cost("미정", "province", findings)
    assert cost.won is None and cost.text == "미정" and cost.breakdown == []
    assert [f.code for f in findings] == ["money.unparsed"]


def test_parse_total_cost_unreadable_part_gives_finding() -> None:
    findings: list[Finding] = []
    cost = parse_total_cost("36억 원 (국비 18억, 도 미정, 원주시 11억)", "province", findings)
    assert [(f.source, f.won) for f in cost.breakdown] == [
        ("국비", 1_800_000_000), ("도 미정", None), ("원주시", 1_100_000_000)]
    assert [f.code for f in findings] == ["money.unparsed"]
    assert "도 미정" in findings[0].message


def test_parse_total_cost_without_sink_does_not_raise() -> None:
    assert parse_total_cost("", "unknown").won is None


@pytest.mark.parametrize(
    ("raw", "unit", "won"),
    [
        pytest.param("89,873", MILLION, 89_873_000_000, id="seed-cell"),
        pytest.param("9,806", MILLION, 9_806_000_000, id="seed-cell-2"),
        pytest.param("-", MILLION, 0, id="dash"),
        pytest.param("–", MILLION, 0, id="en-dash"),
        pytest.param("―", MILLION, 0, id="horizontal-bar"),
        pytest.param("0", MILLION, 0, id="zero"),
        pytest.param("0", None, 0, id="zero-without-unit"),
        pytest.param("-", None, 0, id="dash-without-unit"),
        pytest.param("", MILLION, None, id="empty"),
        pytest.param("   ", MILLION, None, id="blank"),
        pytest.param("1,234.5", MILLION, 1_234_500_000, id="decimal"),
        pytest.param(" 380 ", MILLION, 380_000_000, id="padded"),
        pytest.param("1,234", 1000, 1_234_000, id="thousand-won-table"),
        pytest.param("12", 100_000_000, 1_200_000_000, id="eok-table"),
        pytest.param("42.5", 100_000_000, 4_250_000_000, id="spec-eok-table-decimal"),
        pytest.param("214.1", 100_000_000, 21_410_000_000, id="eok-decimal-exact"),
        pytest.param("△1,000", MILLION, -1_000_000_000, id="negative-triangle"),
        pytest.param("5억원", MILLION, 500_000_000, id="own-unit"),
        pytest.param("89,873", None, None, id="no-unit-known"),
        pytest.param("횟수 기재", MILLION, None, id="words"),
        pytest.param("1.2345678", 1, None, id="fraction-of-won"),
    ],
)
def test_parse_amount_cell(raw: str, unit: int | None, won: int | None) -> None:
    assert parse_amount_cell(raw, unit) == won


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("(단위 : 백만 원)", ("백만 원", 1_000_000), id="seed"),
        pytest.param("(단위: 천원)", ("천원", 1_000), id="thousand"),
        pytest.param("(단위 : 억원)", ("억원", 100_000_000), id="eok"),
        pytest.param("(단위:원)", ("원", 1), id="won"),
        pytest.param("[단위 : 만원]", ("만원", 10_000), id="square-brackets"),
        pytest.param("（단위：백만원）", ("백만원", 1_000_000), id="fullwidth"),
        pytest.param("단위: 천만원", ("천만원", 10_000_000), id="no-brackets-derived"),
        pytest.param("단위: 천원", ("천원", 1_000), id="no-brackets"),
        pytest.param("[단위: 억원]", ("억원", 100_000_000), id="square-eok"),
        pytest.param("(단위 : 억 원)", ("억 원", 100_000_000), id="eok-spaced"),
        pytest.param("(단위 : 원)", ("원", 1), id="won-spaced"),
        pytest.param("□ 재원투자 계획 (단위: 억원)", ("억원", 100_000_000), id="in-heading-line"),
        pytest.param("（단위：백만원, %）", ("백만원", 1_000_000), id="with-percent"),
        pytest.param("(단위: 천원 기준)", ("천원", 1_000), id="trailing-words"),
        pytest.param("(단위: 명)", None, id="not-money"),
        pytest.param("(단위 : )", None, id="empty-unit"),
        pytest.param("재원투자 실적 및 계획", None, id="no-unit-note"),
    ],
)
def test_table_unit(text: str, expected: tuple[str, int] | None) -> None:
    assert table_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbers in Hangul words (Sino-Korean: money is never counted in native numbers)
        pytest.param("오백만 원", [(5_000_000, "오백만 원", False)], id="hangul-numerals"),
        pytest.param("삼십억 원 투입", [(3_000_000_000, "삼십억 원", False)], id="hangul-eok"),
        pytest.param("이십여억 원", [(2_000_000_000, "이십여억 원", True)], id="hangul-approx-infix"),
        pytest.param("오십억여 원", [(5_000_000_000, "오십억여 원", True)], id="hangul-approx-after-unit"),
        pytest.param("일억오천만 원", [(150_000_000, "일억오천만 원", False)], id="hangul-eok-cheonman"),
        pytest.param("이천오백만원", [(25_000_000, "이천오백만원", False)], id="hangul-groups"),
        pytest.param("이천시 10억", [(1_000_000_000, "10억", False)], id="city-name-is-no-number"),
        pytest.param("백만 원 단위", [], id="unit-word-is-no-number"),
        pytest.param("천만원", [], id="unit-word-cheonman-is-no-number"),
        pytest.param("십억 원", [(1_000_000_000, "십억 원", False)], id="hangul-sibeok-without-digit"),
        pytest.param("이 원칙", [], id="one-syllable-is-no-number"),
        # ranges: both ends, the bare lower end in the upper's unit
        pytest.param("100~200억 원", [(10_000_000_000, "100~200억 원", False),
                                     (20_000_000_000, "200억 원", False)], id="range-lower-bound"),
        pytest.param("3~5천만 원", [(30_000_000, "3~5천만 원", False), (50_000_000, "5천만 원", False)],
                     id="range-cheonman"),
        pytest.param("1.5~2억 원", [(150_000_000, "1.5~2억 원", False), (200_000_000, "2억 원", False)],
                     id="range-decimal-lower"),
        pytest.param("약 100 ~ 200억 원", [(10_000_000_000, "약 100 ~ 200억 원", True),
                                         (20_000_000_000, "200억 원", True)], id="range-approx"),
        pytest.param("1억~2억 원", [(100_000_000, "1억", False), (200_000_000, "2억 원", False)],
                     id="range-both-units"),
        pytest.param("’24~200억", [(20_000_000_000, "200억", False)], id="year-is-no-lower-bound"),
        pytest.param("2022~2027년, 100억 원", [(10_000_000_000, "100억 원", False)], id="period-then-amount"),
    ],
)
def test_money_formerly_unsupported(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert [(m.won, m.text, m.approx) for m in find_money(text)] == expected


@pytest.mark.parametrize(
    ("text", "won"),
    [
        pytest.param("삼십억 원", 3_000_000_000, id="hangul"),
        pytest.param("오백만 원", 5_000_000, id="hangul-man"),
        pytest.param("214.1억 원", 21_410_000_000, id="spec-decimal"),
        pytest.param("0.1억 원", 10_000_000, id="tenth-of-eok"),
        pytest.param("1.1억 원", 110_000_000, id="binary-float-would-be-off"),
    ],
)
def test_parse_money_exact(text: str, won: int) -> None:
    assert parse_money(text).won == won


@pytest.mark.parametrize(
    ("raw", "unit", "won"),
    [
        pytest.param("42.5", "(단위 : 억원)", 4_250_000_000, id="spec-eok-table-decimal"),
        pytest.param("214.1", "억 원", 21_410_000_000, id="eok-spaced-unit"),
        pytest.param("0.3", "억원", 30_000_000, id="tenths"),
        pytest.param("1,234.567", "천원", 1_234_567, id="thousand-won-decimals"),
        pytest.param("89,873", "(단위 : 백만 원)", 89_873_000_000, id="seed"),
        pytest.param("58,266", "백만원", 58_266_000_000, id="million"),
        pytest.param("12", "[단위: 억원]", 1_200_000_000, id="square-statement"),
        pytest.param("-", "억원", 0, id="dash"),
        pytest.param("", "억원", None, id="empty"),
        pytest.param("12", None, None, id="no-unit"),
        pytest.param("12", "명", None, id="not-money"),
        pytest.param("5억원", None, 500_000_000, id="own-unit-without-table-unit"),
        pytest.param("0.123", "원", None, id="fraction-of-won"),
    ],
)
def test_parse_cell_money(raw: str, unit: str | None, won: int | None) -> None:
    money = parse_cell_money(raw, unit)
    assert money.won == won
    assert money.text == raw.strip()


@pytest.mark.parametrize(
    ("unit", "multiplier"),
    [
        pytest.param("억원", 100_000_000, id="eok"),
        pytest.param("억 원", 100_000_000, id="eok-spaced"),
        pytest.param("백만 원", 1_000_000, id="million-spaced"),
        pytest.param("백만원", 1_000_000, id="million"),
        pytest.param("천원", 1_000, id="thousand"),
        pytest.param("원", 1, id="won"),
        pytest.param("(단위 : 억원)", 100_000_000, id="statement"),
        pytest.param("명", None, id="people"),
        pytest.param("", None, id="empty"),
    ],
)
def test_unit_multiplier(unit: str, multiplier: int | None) -> None:
    assert unit_multiplier(unit) == multiplier


@pytest.mark.parametrize(
    ("text", "level", "won", "breakdown"),
    [
        pytest.param("18,500,000천원 (국비 5,000,000 도비 2,500,000 시비 11,000,000)", "province",
                     18_500_000_000,
                     [("국비", "national", 5_000_000_000, "국비 5,000,000"),
                      ("도비", "provincial", 2_500_000_000, "도비 2,500,000"),
                      ("시비", "municipal", 11_000_000_000, "시비 11,000,000")],
                     id="spec-parts-take-cheonwon"),
        pytest.param("42.5억 원(국비 20, 도비 22.5)", "province", 4_250_000_000,
                     [("국비", "national", 2_000_000_000, "국비 20"),
                      ("도비", "provincial", 2_250_000_000, "도비 22.5")], id="decimal-eok-parts"),
        pytest.param("10억 원(국비 약 5억 도비 5억)", "province", 1_000_000_000,
                     [("국비", "national", 500_000_000, "국비 약 5억"),
                      ("도비", "provincial", 500_000_000, "도비 5억")], id="pairs-with-own-units"),
        pytest.param("1,000백만 원 (국비 600 / 도비 400)", "province", 1_000_000_000,
                     [("국비", "national", 600_000_000, "국비 600"),
                      ("도비", "provincial", 400_000_000, "도비 400")], id="slash-no-separator-needed"),
        pytest.param("삼십억 원(국비 이십억, 도비 십억)", "province", 3_000_000_000,
                     [("국비", "national", 2_000_000_000, "국비 이십억"),
                      ("도비", "provincial", 1_000_000_000, "도비 십억")], id="hangul-parts"),
    ],
)
def test_breakdown_takes_the_total_unit(text: str, level: str, won: int,
                                        breakdown: list[tuple[str, str, int, str]]) -> None:
    cost = parse_total_cost(text, level)
    assert cost.won == won
    assert [(f.source, f.category, f.won, f.text) for f in cost.breakdown] == breakdown
