"""pledgecard.normalize.dates: dates and periods with their precision."""

from __future__ import annotations

import pytest

from pledgecard.models import Finding, Span
from pledgecard.normalize import (
    as_of_dates,
    as_of_span,
    find_spans,
    marked_as_of,
    parse_as_of,
    parse_span,
    span_years,
    stated_years,
)

S = tuple[str | None, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CARD-SPEC §3
        pytest.param("’18~’27년", ("2018", "2027"), id="spec-apostrophe-years"),
        pytest.param("‘23.~", ("2023", None), id="spec-open-end"),
        pytest.param("`23.2.", ("2023-02", "2023-02"), id="spec-backtick-month"),
        pytest.param("‘24.5월", ("2024-05", "2024-05"), id="spec-month-word"),
        pytest.param("`24.9.5.~6.", ("2024-09-05", "2024-09-06"), id="spec-day-range-short-end"),
        pytest.param("`24~\u030028", ("2024", "2028"), id="spec-combining-grave"),
        pytest.param("’25.4월~‘27.12월", ("2025-04", "2027-12"), id="spec-month-range"),
        pytest.param("2022~2027년(6년간)", ("2022", "2027"), id="spec-full-years"),
        pytest.param("2023. 1. ~ 2026. 12.", ("2023-01", "2026-12"), id="spec-dotted-spaced"),
        # from the brief and the seed card
        pytest.param("’22.10월~", ("2022-10", None), id="open-from-month"),
        pytest.param("’24. 12월", ("2024-12", "2024-12"), id="space-after-dot"),
        pytest.param("’24.4.", ("2024-04", "2024-04"), id="trailing-dot"),
        pytest.param("(’24.11.)", ("2024-11", "2024-11"), id="in-parens"),
        pytest.param("2024년 3월", ("2024-03", "2024-03"), id="korean-month"),
        pytest.param("2024년 3월 5일", ("2024-03-05", "2024-03-05"), id="korean-day"),
        pytest.param("2024. 4분기", ("2024-Q4", "2024-Q4"), id="quarter-full-year"),
        pytest.param("’24. 4분기", ("2024-Q4", "2024-Q4"), id="quarter-apostrophe"),
        pytest.param("’24. 3/4분기", ("2024-Q3", "2024-Q3"), id="quarter-fraction"),
        pytest.param("2024년 상반기", ("2024-H1", "2024-H1"), id="half"),
        pytest.param("’24 하반기", ("2024-H2", "2024-H2"), id="half-apostrophe"),
        pytest.param("2023~2025년", ("2023", "2025"), id="years-suffix-on-end"),
        pytest.param("`24~`27", ("2024", "2027"), id="seed-backticks"),
        pytest.param("’24.12.", ("2024-12", "2024-12"), id="seed-december"),
        pytest.param("2024.04.05", ("2024-04-05", "2024-04-05"), id="dotted-day"),
        pytest.param("2024-04-05", ("2024-04-05", "2024-04-05"), id="iso"),
        pytest.param("’24.9.29.~10.2.", ("2024-09-29", "2024-10-02"), id="end-month-day"),
        pytest.param("’24.3.~5.", ("2024-03", "2024-05"), id="end-month-inherits-year"),
        pytest.param("2024년 3월~5월", ("2024-03", "2024-05"), id="korean-end-month"),
        pytest.param("2022~27년", ("2022", "2027"), id="end-two-digit-year"),
        pytest.param("’24년 ~ ’25년", ("2024", "2025"), id="spaced-range"),
        pytest.param("~’27년", (None, "2027"), id="no-start"),
        pytest.param("2024", ("2024", "2024"), id="bare-year-in-a-date-field"),
    ],
)
def test_parse_span(text: str, expected: S) -> None:
    span = parse_span(text)
    assert span is not None
    assert (span.start, span.end) == expected


@pytest.mark.parametrize("apostrophe", ["’", "‘", "`", "'", "´", "′", "\u0300"])
def test_every_apostrophe_marks_a_year(apostrophe: str) -> None:
    assert [(s.start, s.end) for s in find_spans(f"추진({apostrophe}24.5월)")] == [
        ("2024-05", "2024-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("- 디지털헬스케어 기반 국가혁신클러스터 육성 추진(’18~’27년, 620억 원)",
                     [("2018", "2027")], id="seed-item"),
        pytest.param("- 플랫폼 확대 운영 세부계획 수립(’24.4.), 리빙랩 이전(’24.12.)",
                     [("2024-04", "2024-04"), ("2024-12", "2024-12")], id="seed-two-dates"),
        pytest.param("- K-바이오헬스 지역센터(2단계) 선정(’25.3월) 및 사업 추진(’25.4월~‘27.12월)",
                     [("2025-03", "2025-03"), ("2025-04", "2027-12")], id="seed-date-and-range"),
        pytest.param("◦ 제20회 강원 의료기기 전시회(GMES 2024) 개최(`24.9.5.~6.)",
                     [("2024-09-05", "2024-09-06")], id="seed-gmes-not-a-date"),
        pytest.param("◦ 국가혁신클러스터 2기 1·2차년도 사업 추진 : ‘23.~", [("2023", None)],
                     id="seed-open"),
        pytest.param("기투자 2022년 2023년 2024년",
                     [("2022", "2022"), ("2023", "2023"), ("2024", "2024")], id="seed-columns"),
        pytest.param("- 산업부(KIAT) 주관 2기 성과평가(2023~2025년 실적) : 우수(1위)",
                     [("2023", "2025")], id="seed-evaluation"),
        pytest.param("◦ 건강보험 빅데이터 진료지원 플랫폼 구축 및 시범운영 : ‘22.10월~\n- 다음 줄 2024",
                     [("2022-10", None)], id="open-end-does-not-cross-lines"),
        pytest.param("GMES 2024", [], id="bare-year-is-no-date"),
        pytest.param("총 13개 기술과제", [], id="count"),
        pytest.param("계 89,873 20,919", [], id="amounts"),
        pytest.param("GMES 2024. 13개 기업", [], id="year-dot-count"),
        pytest.param("2023~", [], id="bare-year-open-range"),
        pytest.param("전화번호 3477, 관리번호 2-16", [], id="numbers"),
        pytest.param("‘국가’24개", [], id="quote-before-count"),
        pytest.param("", [], id="empty"),
    ],
)
def test_find_spans(text: str, expected: list[S]) -> None:
    assert [(s.start, s.end) for s in find_spans(text)] == expected


def test_find_spans_keeps_text() -> None:
    assert [s.text for s in find_spans("추진(’25.4월~‘27.12월), 개최(`24.9.5.~6.)")] == [
        "’25.4월~‘27.12월", "`24.9.5.~6."]


@pytest.mark.parametrize(
    ("text", "expected", "n_findings"),
    [
        pytest.param("’24.13월", (None, None), 1, id="month-13"),
        pytest.param("’23.2.30.", (None, None), 1, id="february-30"),
        pytest.param("2024.0.", (None, None), 1, id="month-0"),
        pytest.param("’24.2.29.", ("2024-02-29", "2024-02-29"), 0, id="leap-day-is-valid"),
        pytest.param("’23.2.29.", (None, None), 1, id="no-leap-day"),
        pytest.param("’24.11.~13.", ("2024-11", None), 1, id="invalid-end-only"),
        pytest.param("’24.13.~’25.14.", (None, None), 2, id="both-ends-invalid"),
        pytest.param("’24. 5분기", (None, None), 1, id="quarter-5"),
    ],
)
def test_invalid_dates(text: str, expected: S, n_findings: int) -> None:
    findings: list[Finding] = []
    span = parse_span(text, findings)
    assert span is not None
    assert (span.start, span.end) == expected
    assert span.text == text
    assert len(findings) == n_findings
    for finding in findings:
        assert finding.code == "date.invalid"
        assert finding.severity == "warning"
        assert text in finding.message


def test_invalid_date_without_sink_does_not_raise() -> None:
    span = parse_span("’24.13월")
    assert span is not None and span.start is None


def test_invalid_date_in_free_text() -> None:
    findings: list[Finding] = []
    spans = find_spans("수립(’24.13.) 및 개최(’24.5월)", findings)
    assert [(s.start, s.end) for s in spans] == [(None, None), ("2024-05", "2024-05")]
    assert [f.code for f in findings] == ["date.invalid"]
    assert "’24.13." in findings[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("기 추진실적 : ’24. 4분기 기준 누계", ("2024-Q4", True), id="spec-cumulative"),
        pytest.param("’24. 4분기 기준 누계", ("2024-Q4", True), id="spec-cumulative-short"),
        pytest.param("2025년 3월 현재", ("2025-03", False), id="spec-as-of"),
        pytest.param("《기 추진실적 : ’24. 4분기 기준 누계》", ("2024-Q4", True), id="seed-brackets"),
        pytest.param("《2025년 3월 현재》", ("2025-03", False), id="seed-brackets-2"),
        pytest.param("2024. 12. 31. 기준 누적", ("2024-12-31", True), id="day-cumulative"),
        # the as-of markers of the second template family (issue 8)
        pytest.param("《’24. 4분기 기준 누계》", ("2024-Q4", True), id="marker-quarter-cumulative"),
        pytest.param("(2025. 3. 31. 기준)", ("2025-03-31", False), id="spec-spaced-day"),
        pytest.param("《2025. 6. 30. 기준》", ("2025-06-30", False), id="marker-double-angle-day"),
        pytest.param("’25. 2분기 기준", ("2025-Q2", False), id="spec-quarter"),
        pytest.param("2025년 상반기", ("2025-H1", False), id="spec-half"),
        pytest.param("2025. 9월 말 현재", ("2025-09", False), id="month-end"),
        pytest.param("□ 추진실적 (2025. 3. 31. 기준)", ("2025-03-31", False), id="inside-heading"),
        pytest.param("□ 추진실적(성과) 《2025. 6. 30. 기준 누적》", ("2025-06-30", True), id="inside-heading-2"),
        pytest.param("□ 사업(’22~’25년) 추진현황 (’25. 2분기 기준)", ("2025-Q2", False),
                     id="marked-date-wins"),
        pytest.param("□ 추진실적 (’22~’24년)", ("2024", False), id="unmarked-span-end"),
        pytest.param("현재까지 목표달성", (None, False), id="no-date"),
        pytest.param("", (None, False), id="empty"),
    ],
)
def test_parse_as_of(text: str, expected: tuple[str | None, bool]) -> None:
    assert parse_as_of(text) == expected


@pytest.mark.parametrize("text", [
    "《’24. 4분기 기준 누계》", "□ 사업(’22~’25년) 추진현황 (’25. 2분기 기준)", "□ 추진실적 (’22~’24년)",
    "’23.11월 준공, ’24. 3월 현재 운영", "2024", "현재까지 목표달성", "", "100억 원 (’25.6월)",
])
def test_as_of_dates_is_one_scan_of_both(text: str) -> None:
    """``as_of_dates`` (one scan, used for every short line of a progress part) gives what
    ``marked_as_of`` and ``as_of_span`` give."""
    marked, first = as_of_dates(text)
    assert marked == marked_as_of(text)
    assert (marked or first) == as_of_span(text)
    spans = find_spans(text)
    assert first == (spans[0] if spans else None)


@pytest.mark.parametrize(
    ("span", "years"),
    [
        pytest.param(Span(start="2022", end="2027", text=""), 6, id="spec-six-years"),
        pytest.param(Span(start="2024-09-05", end="2024-09-06", text=""), 1, id="same-year"),
        pytest.param(Span(start="2025-04", end="2027-12", text=""), 3, id="months"),
        pytest.param(Span(start="2023", end=None, text=""), None, id="open"),
        pytest.param(Span(start=None, end=None, text=""), None, id="none"),
        pytest.param(Span(start="2027", end="2022", text=""), None, id="reversed"),
    ],
)
def test_span_years(span: Span, years: int | None) -> None:
    assert span_years(span) == years


def test_spec_period_agrees_with_stated_years() -> None:
    text = "2022~2027년(6년간)"
    span = parse_span(text)
    assert span is not None
    assert span_years(span) == stated_years(text) == 6


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param("(6년간)", 6, id="spec"),
        pytest.param("2022~2027년(6년간)", 6, id="after-span"),
        pytest.param("5개년 계획", 5, id="gaenyeon"),
        pytest.param("2022~2027년(6년)", 6, id="parenthesised-years"),
        pytest.param("2022~2027년", None, id="none-stated"),
        pytest.param("’24년", None, id="year-is-no-length"),
        pytest.param("", None, id="empty"),
    ],
)
def test_stated_years(text: str, years: int | None) -> None:
    assert stated_years(text) == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two digits and 년 without an apostrophe: a year where the text is a date
        pytest.param("(23년 목표 달성 여부 작성)", [("2023", "2023")], id="seed-two-digit-no-apostrophe"),
        pytest.param("23년 3월", [("2023-03", "2023-03")], id="two-digit-year-month"),
        pytest.param("23년 3월~5월", [("2023-03", "2023-05")], id="two-digit-year-month-range"),
        pytest.param("23년도 실적", [("2023", "2023")], id="two-digit-year-of"),
        pytest.param("25년 하반기", [("2025-H2", "2025-H2")], id="two-digit-year-half"),
        pytest.param("24년 4분기", [("2024-Q4", "2024-Q4")], id="two-digit-year-quarter"),
        pytest.param("30년 3월", [("2030-03", "2030-03")], id="round-ten-with-month-is-a-date"),
        pytest.param("30년간", [], id="length-gan"),
        pytest.param("10년 이상 운영", [], id="length-isang"),
        pytest.param("10년 3개월", [], id="length-months"),
        pytest.param("3년차", [], id="one-digit-is-no-year"),
        pytest.param("50년 역사", [], id="outside-range"),
        pytest.param("123년", [], id="three-digits"),
        pytest.param("1,23년", [], id="inside-a-number"),
        # a spaced day without its dot
        pytest.param("2024. 4. 5", [("2024-04-05", "2024-04-05")], id="spaced-day-without-dot"),
        pytest.param("(2024. 4. 5)", [("2024-04-05", "2024-04-05")], id="spaced-day-before-bracket"),
        pytest.param("2024. 4. 5 ~ 2024. 4. 10", [("2024-04-05", "2024-04-10")], id="spaced-day-range"),
        pytest.param("2024. 4. 5 기준", [("2024-04-05", "2024-04-05")], id="spaced-day-as-of"),
        pytest.param("2024. 4. 13개 기업", [("2024-04", "2024-04")], id="spaced-count-is-no-day"),
        pytest.param("2024. 4. 5 개최", [("2024-04", "2024-04")], id="spaced-number-before-word-unsure"),
        # a range of quarters written short: never month 1
        pytest.param("’24. 1~2분기", [("2024-Q1", "2024-Q2")], id="quarter-range"),
        pytest.param("2024년 1~2분기", [("2024-Q1", "2024-Q2")], id="quarter-range-korean"),
        pytest.param("’24. 1~2/4분기", [("2024-Q1", "2024-Q2")], id="quarter-range-fraction"),
        pytest.param("’24 3~4분기", [("2024-Q3", "2024-Q4")], id="quarter-range-no-dot"),
        pytest.param("’24. 1~2월", [("2024-01", "2024-02")], id="month-range-still-months"),
    ],
)
def test_dates_formerly_unsupported(text: str, expected: list[S]) -> None:
    assert [(s.start, s.end) for s in find_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param("30년 역사", "30년", id="round-ten-thirty"),
        pytest.param("20년 목표", "20년", id="round-ten-twenty"),
    ],
)
def test_bare_round_ten_is_ambiguous(text: str, source: str) -> None:
    findings: list[Finding] = []
    assert [(s.start, s.end, s.text) for s in find_spans(text, findings)] == [(None, None, source)]
    assert [f.code for f in findings] == ["date.ambiguous"]
    assert source in findings[0].message
