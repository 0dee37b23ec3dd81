"""The card parser over the format-neutral document: cards, headers, sections, findings."""

from __future__ import annotations

import pytest

from pledgecard.models import Card, FileResult
from pledgecard.pipeline import parse_bytes

from .conftest import SAMPLES


def parse_text(text: str, encoding: str = "utf-8") -> FileResult:
    return parse_bytes(text.encode(encoding), "test.txt")


def one_card(text: str) -> Card:
    result = parse_text(text)
    assert len(result.cards) == 1, result.reason
    return result.cards[0]


KIND = "도지사 공약사업 관리카드\n"


@pytest.mark.parametrize("header", [
    pytest.param("공 약 명 청년 일자리 확대 관리번호 1-01\n추진부서 일자리과\n", id="several-on-a-line"),
    pytest.param("공약명 청년 일자리 확대\n관리번호 1-01\n추진부서 일자리과\n", id="one-per-line"),
    pytest.param("공약사업명 : 청년 일자리 확대\n공약번호 : 1-01\n소관부서 : 일자리과\n", id="synonyms-with-colons"),
    pytest.param("공 약 사 업 명 청년 일자리 확대 공 약 번 호 1-01 주 관 부 서 일자리과\n", id="all-spaced"),
])
def test_header_fields_by_label(header: str) -> None:
    card = one_card(KIND + header + "□ 사업개요\n◦ 사업기간 : 2023~2026년\n")
    assert (card.pledge.title, card.pledge.number, card.department) == ("청년 일자리 확대", "1-01", "일자리과")


@pytest.mark.parametrize(("value", "expected"), [
    ("-", []), ("도시계획과, 교통정책과", ["도시계획과", "교통정책과"]), ("건축과·문화과", ["건축과", "문화과"]),
])
def test_cooperating_departments(value: str, expected: list[str]) -> None:
    card = one_card(KIND + f"공약명 가\n협조부서 {value}\n□ 사업개요\n")
    assert card.cooperating_departments == expected


def test_booklet_gives_every_card_and_drops_running_headers_and_page_numbers() -> None:
    result = parse_bytes((SAMPLES / "booklet-two-cards" / "booklet-two-cards.txt").read_bytes(), "b.txt")
    assert [c.pledge.number for c in result.cards] == ["1-01", "1-02"]
    for card in result.cards:
        assert card.unplaced == [] and card.findings == []


def test_missing_sections_are_findings_not_failures() -> None:
    card = one_card(KIND + "공약명 가\n관리번호 9-9\n□ 사업개요\n◦ 사업기간 : 2023~2026년\n")
    missing = sorted(f.path or "" for f in card.findings if f.code == "card.missing_part")
    assert missing == ["communication", "effects", "finance", "plans", "progress"]


def test_missing_parts_sample_is_partial() -> None:
    result = parse_bytes((SAMPLES / "missing-parts" / "missing-parts.txt").read_bytes(), "m.txt")
    assert result.status == "partial"
    assert {f.path for f in result.cards[0].findings} == {"finance", "communication", "plans", "effects"}


def test_bad_sums_are_all_caught() -> None:
    card = parse_bytes((SAMPLES / "bad-sums" / "bad-sums.txt").read_bytes(), "b.txt").cards[0]
    codes = sorted(f.code for f in card.findings)
    assert codes == ["finance.column_sum", "finance.row_sum", "finance.total_vs_overview", "period.years"]


def test_unplaced_text_is_kept_and_reported() -> None:
    card = one_card(KIND + "공약명 가\n□ 사업개요\n◦ 사업기간 : 2023~2026년\n◦ 비고 : 알 수 없는 항목\n")
    assert card.unplaced == ["◦ 비고 : 알 수 없는 항목"]
    assert any(f.code == "unplaced.text" for f in card.findings)


def test_invalid_date_is_a_finding_with_a_path() -> None:
    card = one_card(KIND + "공약명 가\n□ 사업개요\n◦ 주요내용\n- 착공(’24.13월)\n")
    (finding,) = [f for f in card.findings if f.code == "date.invalid"]
    assert finding.path == "overview.items[0]"


@pytest.mark.parametrize("text", [
    pytest.param("이 파일은 회의록입니다.\n참석자: 홍길동\n", id="minutes"),
    pytest.param("□ 사업개요\n", id="lone-heading"),
    pytest.param("   \n\n", id="blank-lines"),
])
def test_text_that_is_not_a_card_gives_no_card(text: str) -> None:
    result = parse_text(text)
    assert result.status == "failed" and result.cards == []
    assert result.reason and "no pledge card" in result.reason


def test_bullets_nest_into_a_tree() -> None:
    card = one_card(KIND + "공약명 가\n□ 향후계획\n◦ 첫째\n- 세부\n* 참고\n◦ 둘째\n※ 주석\n")
    first, second = card.plans
    assert [c.marker for c in first.children] == ["-"]
    assert [c.marker for c in first.children[0].children] == ["*"]
    assert [c.marker for c in second.children] == ["※"]


@pytest.mark.parametrize(("top", "sub"), [("·", "-"), ("-", "·"), ("◦", "-"), ("○", "·")])
def test_two_glyphs_of_one_level_nest_by_first_use(top: str, sub: str) -> None:
    """Without indentation (HWP and HWPX give none), ``· 사업`` over ``- 세부`` still nests."""
    card = one_card(KIND + f"공약명 가\n관리번호 9-9\n□ 향후계획\n{top} 센터 준공\n{sub} 세부 공정 점검\n{top} 개관\n")
    assert [(i.text, [c.text for c in i.children]) for i in card.plans] == [
        ("센터 준공", ["세부 공정 점검"]), ("개관", [])]
