"""Tables of dated entries lose no column: the 비고 cell is the item's note, any other column's
text goes to ``unplaced`` with its header, and every character stays accounted for.

The cards below are written as an office would write them (fictional names and numbers; not
derived from samples/ or the parser's output).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pledgecard.accounting import unaccounted
from pledgecard.extract import read_document
from pledgecard.extract.card.dated import items_of_dated_table
from pledgecard.extract.card.parser import parse_cards
from pledgecard.models import Card, Finding, Item, Source

from .blocks import table

CARD = """\
누리시장 공약사업 관리카드

공약사업명 누리천 산책로 정비
공약번호 3-21
담당부서 도시공원과
담당자 한지민
연락처 031-940-2218

□ 사업개요
○ 사업기간 : 2024. 3. ~ 2026. 12.
○ 사업규모 : 산책로 4.2km

□ 재원투자 실적 및 계획
(단위 : 백만원)
| 구분 | 총사업비 | 2024년 | 2025년 |
|---|---|---|---|
| 계 | 1,200 | 400 | 800 |
| 시비 | 1,200 | 400 | 800 |

□ 추진실적(성과)
《2024년 12월 현재》
{progress}
□ 시민소통 실적
| 계 | 주민설명회 |
|---|---|
| 2 | 2 |

□ 향후계획
{plans}
<기대효과>
○ 시민 여가공간 확충
"""


def parse(text: str) -> tuple[Card, Counter[str]]:
    document = read_document(Path("nuri-3-21.txt"), text.encode("utf-8"))
    (card,) = parse_cards(document, Source(path="nuri-3-21.txt", format="txt", sha256="0"))
    return card, unaccounted(document, [card])


def rows(items: list[Item]) -> list[tuple[str | None, str, str | None]]:
    return [(item.dates[0].start if item.dates else None, item.text, item.note) for item in items]


#: (name, table, its items as (first date, text, note), unplaced)
CASES: list[tuple[str, str, list[tuple[str | None, str, str | None]], list[str]]] = [
    ("비고 column", "| 일정 | 추진내용 | 비고 |\n|---|---|---|\n| 2025. 3. | 산책로 1구간 착공 | 국비 확보 |\n"
     "| 2025. 9. | 1구간 준공 | - |\n",
     [("2025-03", "산책로 1구간 착공", "국비 확보"), ("2025-09", "1구간 준공", None)], []),
    ("unknown extra column",
     "| 일정 | 추진내용 | 담당부서 |\n|---|---|---|\n| 2025. 3. | 산책로 1구간 착공 | 하천관리과 |\n",
     [("2025-03", "산책로 1구간 착공", None)], ["담당부서 하천관리과"]),
    ("header-only extra column", "| 일정 | 추진내용 | 담당부서 |\n|---|---|---|\n| 2025. 3. | 산책로 1구간 착공 | |\n",
     [("2025-03", "산책로 1구간 착공", None)], ["담당부서"]),
    ("empty 비고", "| 일정 | 추진내용 | 비고 |\n|---|---|---|\n| 2025. 3. | 산책로 1구간 착공 | |\n"
     "| 2025. 9. | 1구간 준공 | - |\n",
     [("2025-03", "산책로 1구간 착공", None), ("2025-09", "1구간 준공", None)], []),
    ("비고 and an unknown column", "| 일자 | 추진내용 | 장소 | 비고 |\n|---|---|---|---|\n"
     "| 2025. 3. | 주민설명회 | 누리동 주민센터 | 참석 40명 |\n",
     [("2025-03", "주민설명회", "참석 40명")], ["장소 누리동 주민센터"]),
    ("비고 takes the place of a trailing status, which stays in the text",
     "| 일정 | 추진내용 | 비고 |\n|---|---|---|\n| 2025. 3. | 실시설계(완료) | 국비 확보 |\n"
     "| 2025. 6. | 보상협의(완료) | |\n",
     [("2025-03", "실시설계(완료)", "국비 확보"), ("2025-06", "보상협의(완료)", "완료")], []),
    ("a row with only a 비고", "| 일정 | 추진내용 | 비고 |\n|---|---|---|\n| 2025. 3. | 산책로 1구간 착공 | |\n"
     "| | | 우기 공사 중지 |\n",
     [("2025-03", "산책로 1구간 착공", None)], ["비고 우기 공사 중지"]),
    ("a date that does not read", "| 일정 | 추진내용 |\n|---|---|\n| 연중 | 산책로 안전점검 |\n",
     [(None, "산책로 안전점검", None)], ["연중"]),
]


@pytest.mark.parametrize("part", ["plans", "progress"])
@pytest.mark.parametrize(("table", "expected", "unplaced"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_no_column_of_a_dated_table_vanishes(part: str, table: str, expected: list[tuple[str | None, str, str | None]],
                                             unplaced: list[str]) -> None:
    text = CARD.format(progress="○ 기본설계 완료(’24.9월)\n" + (table if part == "progress" else ""),
                       plans="○ 2구간 설계(’26.3월)\n" + (table if part == "plans" else ""))
    card, missing = parse(text)
    items = card.progress[0].items[1:] if part == "progress" else card.plans[1:]
    assert rows(items) == expected
    assert card.unplaced == unplaced
    flagged = [f.path for f in card.findings if f.code == "unplaced.text"]
    assert flagged == [f"unplaced[{i}]" for i in range(len(unplaced))]
    assert missing == Counter(), "".join(sorted(missing.elements()))


FLATTENED: list[tuple[str, str, list[tuple[str | None, str, str | None]]]] = [
    ("two-word header: a row a line", "일정 추진내용\n2025. 3. 산책로 1구간 착공\n2025. 9. 1구간 준공 국비 확보\n",
     [("2025-03", "산책로 1구간 착공", None), ("2025-09", "1구간 준공 국비 확보", None)]),
    ("a 비고 header is no dated header: the lines stay whole",
     "일정 추진내용 비고\n2025. 3. 산책로 1구간 착공 국비 확보\n",
     [(None, "일정 추진내용 비고", None), ("2025-03", "2025. 3. 산책로 1구간 착공 국비 확보", None)]),
]


@pytest.mark.parametrize(("lines", "expected"), [case[1:] for case in FLATTENED], ids=[case[0] for case in FLATTENED])
def test_a_flattened_dated_table_loses_nothing(lines: str, expected: list[tuple[str | None, str, str | None]]) -> None:
    card, missing = parse(CARD.format(progress="○ 기본설계 완료(’24.9월)", plans=lines))
    assert rows(card.plans) == expected
    assert card.unplaced == []
    assert missing == Counter(), "".join(sorted(missing.elements()))


def test_a_column_under_a_spanned_content_header_is_content() -> None:
    """추진내용 spanning two columns: both cells of a row are its content, joined with a space."""
    grid = table("일정 | 추진내용 | > | 비고",
                 "2025. 3. | 산책로 | 1구간 착공 | 국비 확보")
    findings: list[Finding] = []
    items, leftovers = items_of_dated_table(grid, "plans", findings)
    assert rows(items) == [("2025-03", "산책로 1구간 착공", "국비 확보")]
    assert leftovers == []


def test_an_extra_cell_spanning_rows_is_placed_once_and_a_caption_row_is_kept() -> None:
    grid = table("누리천 정비 일정 | > | >",
                 "일정 | 추진내용 | 담당",
                 "2025. 3. | 1구간 착공 | 공원조성팀",
                 "2025. 9. | 1구간 준공 | ^")
    items, leftovers = items_of_dated_table(grid, "plans", [])
    assert rows(items) == [("2025-03", "1구간 착공", None), ("2025-09", "1구간 준공", None)]
    assert leftovers == ["누리천 정비 일정", "담당 공원조성팀"]


def test_a_row_merged_across_the_table_is_content_and_a_dash_is_no_note() -> None:
    grid = table("일자 | 추진내용 | 비고",
                 "< 2025년 > | > | >",
                 "2025. 3. | 1구간 착공 | -",
                 " |  | -")
    items, leftovers = items_of_dated_table(grid, "plans", [])
    assert rows(items) == [("2025", "< 2025년 >", None), ("2025-03", "1구간 착공", None)]
    assert leftovers == []
