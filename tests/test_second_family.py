"""The second family of templates (CARD-SPEC 1.1 §1): 사업목적, 사업목표, 연도별 추진계획 및 실적,
문제점 및 대책, 이행률, people by role, and parts no field takes.

The card below is written as a county office would write it (fictional names and numbers);
it is not derived from samples/ or from the parser's output.
"""

from __future__ import annotations

import pytest

from pledgecard.models import Card
from pledgecard.pipeline import parse_bytes

CARD = """\
늘봄군수 공약사업 관리카드

공약사업명 : 농촌 유휴시설 청년 창업공간 전환
공약번호 : 5-03
분    야 : 일자리·경제
구    분 : 신규
추진단계 : 사업 추진
완료시기 : 임기내
이 행 률 : 72.5%
주관부서 : 경제정책과
국장 한도윤 (033-560-2001)
과장 서지안 (033-560-2101)
팀장 오세린 (033-560-2111)
담당 문태오 (033-560-2115)

1. 사업목적
 ○ 빈 창고와 폐교를 청년 창업공간으로 바꾸어 청년 정착을 돕는다
 ○ 농산물 가공 창업의 초기 비용 부담 완화

2. 사업목표
 ○ 최종 목표 : 청년 창업공간 6개소 조성
 ○ 임기 내 목표 : 4개소 개소 (달성)

3. 사업개요
 ○ 사업기간 : 2023~2026년
 ○ 사업위치 : 늘봄읍, 솔내면 일원
 ○ 총사업비 : 48억 원 (국비 24억, 도비 7억, 군비 17억)

4. 연도별 추진계획 및 실적
┌──────┬──────────────┬──────────────┬──────┬──────┐
│ 연 도│ 추진계획      │ 추진실적      │추진율│ 비고 │
├──────┼──────────────┼──────────────┼──────┼──────┤
│ 2023 │ 기본계획 수립 │ 기본계획 완료 │ 25   │ -    │
├──────┼──────────────┼──────────────┼──────┼──────┤
│ 2024 │ 2개소 리모델링│ 2개소 개소    │ 60   │ 국비 │
├──────┼──────────────┼──────────────┼──────┼──────┤
│ 2025 │ 2개소 추가    │ 1개소 공사 중 │ 72.5 │ -    │
└──────┴──────────────┴──────────────┴──────┴──────┘

5. 문제점 및 대책
 ○ 문제점
  - 폐교 부지 소유권 이전 지연
 ○ 대책
  - 교육청과 공유재산 교환 협의 추진

6. 향후계획
 ○ 2025년 하반기 솔내 창업공간 개소

7. 참고자료
 ○ 2024년 입주기업 만족도 조사 결과 : 만족 87%
"""


@pytest.fixture(scope="module")
def card() -> Card:
    result = parse_bytes(CARD.encode("utf-8"), "neulbom-5-03.txt")
    assert len(result.cards) == 1, result.reason
    return result.cards[0]


def test_identity_and_header_fields(card: Card) -> None:
    assert card.issuer == "늘봄군"
    assert card.issuer_level == "county"
    assert (card.pledge.number, card.department) == ("5-03", "경제정책과")
    assert (card.category, card.continuity, card.stage, card.target) == ("일자리·경제", "신규", "사업 추진", "임기내")
    assert card.progress_rate is not None and card.progress_rate.percent == 72.5


def test_people_by_role_and_the_working_level_contact(card: Card) -> None:
    assert [(c.role, c.name, c.phone) for c in card.contacts] == [
        ("국장", "한도윤", "033-560-2001"), ("과장", "서지안", "033-560-2101"),
        ("팀장", "오세린", "033-560-2111"), ("담당", "문태오", "033-560-2115")]
    assert (card.contact.role, card.contact.name) == ("담당", "문태오")


def test_purpose_and_goals(card: Card) -> None:
    assert [item.text for item in card.purpose] == [
        "빈 창고와 폐교를 청년 창업공간으로 바꾸어 청년 정착을 돕는다", "농산물 가공 창업의 초기 비용 부담 완화"]
    assert [(g.label, g.text, g.achieved) for g in card.goals] == [
        ("최종 목표", "청년 창업공간 6개소 조성", None), ("임기 내 목표", "4개소 개소", True)]


def test_overview_of_the_second_family(card: Card) -> None:
    assert card.overview.total_cost is not None and card.overview.total_cost.won == 4_800_000_000
    assert [f.won for f in card.overview.total_cost.breakdown] == [2_400_000_000, 700_000_000, 1_700_000_000]


def test_yearly_plan_table(card: Card) -> None:
    rows = [(y.years.start, y.years.end, y.plan, y.result, y.rate, y.note) for y in card.yearly]
    assert rows == [
        ("2023", "2023", "기본계획 수립", "기본계획 완료", 25.0, None),
        ("2024", "2024", "2개소 리모델링", "2개소 개소", 60.0, "국비"),
        ("2025", "2025", "2개소 추가", "1개소 공사 중", 72.5, None),
    ]


def test_issues_and_remedies(card: Card) -> None:
    assert [i.text for i in card.issues] == ["폐교 부지 소유권 이전 지연"]
    assert [i.text for i in card.remedies] == ["교육청과 공유재산 교환 협의 추진"]


def test_a_part_no_field_takes_goes_to_sections(card: Card) -> None:
    assert [(s.heading, [i.text for i in s.items]) for s in card.sections] == [
        ("참고자료", ["2024년 입주기업 만족도 조사 결과 : 만족 87%"])]
    assert any(f.code == "card.extra_section" and f.severity == "info" for f in card.findings)
    assert [item.text for item in card.plans] == ["2025년 하반기 솔내 창업공간 개소"]


def test_nothing_unplaced(card: Card) -> None:
    assert card.unplaced == []


def test_a_second_family_card_is_not_asked_for_first_family_parts(card: Card) -> None:
    missing = sorted(f.path or "" for f in card.findings if f.code == "card.missing_part")
    assert missing == ["finance"]  # no 소통, 기대효과 or kind line demanded of this template


@pytest.mark.parametrize(("rates", "flagged"), [
    pytest.param([25, 60, 72.5], [], id="rising"),
    pytest.param([25, 60, 55], [2], id="falls"),
    pytest.param([25, 104, None], [1], id="over-100"),
])
def test_yearly_rate_findings(rates: list[float | None], flagged: list[int]) -> None:
    from pledgecard.models import Source, Span, YearPlan
    from pledgecard.normalize.checks import yearly_findings

    rows = [YearPlan(years=Span(start=str(2023 + i), end=str(2023 + i), text=str(2023 + i)), plan="p", rate=rate)
            for i, rate in enumerate(rates)]
    card = Card(source=Source(path="x", format="txt", sha256="0"), yearly=rows)
    assert [f.path for f in yearly_findings(card)] == [f"yearly[{i}].rate" for i in flagged]
