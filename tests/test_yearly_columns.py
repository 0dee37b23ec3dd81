"""연도별 추진계획 및 실적 loses no column and no cell: a cell of a known column that says
something is its field's value as written (``없음`` and ``해당없음`` too), an empty or dash cell is
null, a 추진율 cell that states none (없음) is a null rate, one that is no rate (추진중) goes to
``unplaced``, and any other column's cells go to
``unplaced`` with their header, as in the tables of dated entries (tests/test_dated_columns.py);
every character stays accounted for.

The card below is written as an office would write it (fictional names and numbers; not
derived from samples/ or the parser's output).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pledgecard.accounting import unaccounted
from pledgecard.extract import read_document
from pledgecard.extract.card.parser import parse_cards
from pledgecard.extract.card.yearly import yearly_of_table
from pledgecard.models import Card, Source, YearPlan
from tools.render import DEFAULT, render_bytes

from .blocks import table
from .conftest import DATA
from .roundtrip import assert_round_trip

CARD = """\
새봄군수 공약사업 관리카드

공약사업명 새봄천 생태하천 복원
공약번호 2-07
담당부서 환경과
담당자 윤서아
연락처 033-760-2231

□ 사업개요
○ 사업기간 : 2023. 3. ~ 2026. 12.
○ 사업규모 : 하천 3.1km

□ 재원투자 실적 및 계획
(단위 : 백만원)
| 구분 | 총사업비 | 2024년 | 2025년 |
|---|---|---|---|
| 계 | 900 | 300 | 600 |
| 군비 | 900 | 300 | 600 |

□ 연도별 추진계획 및 실적
{yearly}
□ 추진실적(성과)
《2024년 12월 현재》
○ 실시설계 완료(’24.9월)

□ 향후계획
○ 1구간 준공(’25.12월)
<기대효과>
○ 군민 친수공간 확충
"""

Row = tuple[str | None, str, str | None, float | None, str | None]


def parse(yearly: str) -> tuple[Card, Counter[str]]:
    document = read_document(Path("saebom-2-07.txt"), CARD.format(yearly=yearly).encode("utf-8"))
    (card,) = parse_cards(document, Source(path="saebom-2-07.txt", format="txt", sha256="0"))
    return card, unaccounted(document, [card])


def rows(plans: list[YearPlan]) -> list[Row]:
    return [(plan.years.start, plan.plan, plan.result, plan.rate, plan.note) for plan in plans]


HEADER = "| 연도 | 추진계획 | 추진실적 | 추진율 | 비고 |\n|---|---|---|---|---|\n"

#: (name, table, its plans as (first year, plan, result, rate, note), unplaced)
CASES: list[tuple[str, str, list[Row], list[str]]] = [
    ("비고 column", HEADER + "| 2024 | 실시설계 | 설계 완료 | 30 | 국비 확보 |\n| 2025 | 1구간 착공 | - | - | - |\n",
     [("2024", "실시설계", "설계 완료", 30.0, "국비 확보"), ("2025", "1구간 착공", None, None, None)], []),
    ("unknown column", "| 연도 | 추진계획 | 추진실적 | 담당부서 |\n|---|---|---|---|\n"
     "| 2024 | 실시설계 | 설계 완료 | 하천관리팀 |\n| 2025 | 1구간 착공 | | 공원조성팀 |\n",
     [("2024", "실시설계", "설계 완료", None, None), ("2025", "1구간 착공", None, None, None)],
     ["담당부서 하천관리팀", "담당부서 공원조성팀"]),
    ("unknown column, header only", "| 연도 | 추진계획 | 사업비 |\n|---|---|---|\n| 2024 | 실시설계 | |\n",
     [("2024", "실시설계", None, None, None)], ["사업비"]),
    ("비고 and an unknown column", "| 연도 | 추진계획 | 장소 | 비고 |\n|---|---|---|---|\n"
     "| 2024 | 주민설명회 | 새봄면 복지회관 | 참석 35명 |\n",
     [("2024", "주민설명회", None, None, "참석 35명")], ["장소 새봄면 복지회관"]),
    ("없음 cells are stated values", HEADER + "| 2024 | 실시설계 | 없음 | 30 | 없음 |\n",
     [("2024", "실시설계", "없음", 30.0, "없음")], []),
    ("해당없음 cells are stated values", HEADER + "| 2024 | 해당없음 | 해당 없음 | 30 | 해당없음 |\n",
     [("2024", "해당없음", "해당 없음", 30.0, "해당없음")], []),
    # a stated none is read as a null rate, as a header's 담당자 없음 is a null contact (it went to
    # unplaced only for the accounting, which now counts such a none placed: tests/test_accounting.py)
    ("a 추진율 of 없음 is a null rate and is not lost", HEADER + "| 2024 | 실시설계 | 설계 완료 | 없음 | |\n"
     "| 2025 | 1구간 착공 | | 해당없음 | |\n",
     [("2024", "실시설계", "설계 완료", None, None), ("2025", "1구간 착공", None, None, None)], []),
    ("a 추진율 that is no rate goes to unplaced", HEADER + "| 2024 | 실시설계 | 설계 완료 | 추진중 | |\n",
     [("2024", "실시설계", "설계 완료", None, None)], ["추진중"]),
    ("dashes are null", HEADER + "| 2024 | - | - | - | - |\n| 2025 | 1구간 착공 | – | ― | ― |\n",
     [("2024", "", None, None, None), ("2025", "1구간 착공", None, None, None)], []),
    ("empty cells are null", HEADER + "| 2024 | 실시설계 | | | |\n| 2025 | | | | |\n",
     [("2024", "실시설계", None, None, None), ("2025", "", None, None, None)], []),
    ("a year that does not read: the row whole", HEADER + "| 2024 | 실시설계 | 설계 완료 | 30 | |\n"
     "| 연중 | 하천 안전점검 | 월 1회 | - | 담당 점검반 |\n",
     [("2024", "실시설계", "설계 완료", 30.0, None)], ["연중 하천 안전점검 월 1회 - 담당 점검반"]),
]


@pytest.mark.parametrize(("table", "expected", "unplaced"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_no_cell_of_a_yearly_table_vanishes(table: str, expected: list[Row], unplaced: list[str]) -> None:
    card, missing = parse(table)
    assert rows(card.yearly) == expected
    assert card.unplaced == unplaced
    flagged = [f.path for f in card.findings if f.code == "unplaced.text"]
    assert flagged == [f"unplaced[{i}]" for i in range(len(unplaced))]
    assert missing == Counter(), "".join(sorted(missing.elements()))


def test_an_aligned_text_table_keeps_its_unknown_column() -> None:
    """The same in a table written with spaces (a text export)."""
    table = (" 연도   추진계획      추진실적      추진율   담당부서     비고\n"
             " 2024   실시설계      설계 완료         30   하천관리팀   국비 확보\n"
             " 2025   1구간 착공    없음               -   공원조성팀   -\n")
    card, missing = parse(table)
    assert rows(card.yearly) == [("2024", "실시설계", "설계 완료", 30.0, "국비 확보"),
                                 ("2025", "1구간 착공", "없음", None, None)]
    assert card.unplaced == ["담당부서 하천관리팀", "담당부서 공원조성팀"]
    assert missing == Counter(), "".join(sorted(missing.elements()))


def test_a_column_under_a_spanned_header_joins_it() -> None:
    """추진실적 spanning two columns: both cells of a row are its result, joined with a space."""
    grid = table("연도 | 추진계획 | 추진실적 | > | 비고",
                 "2024 | 실시설계 | 설계 완료 | (’24.9월) | 없음")
    plans, leftovers = yearly_of_table(grid, [])
    assert rows(plans) == [("2024", "실시설계", "설계 완료 (’24.9월)", None, "없음")]
    assert leftovers == []


def test_an_extra_cell_spanning_rows_is_placed_once_and_a_caption_row_is_kept() -> None:
    grid = table("새봄천 복원 연차별 계획 | > | >",
                 "연도 | 추진계획 | 담당",
                 "2024 | 실시설계 | 하천관리팀",
                 "2025 | 1구간 착공 | ^")
    plans, leftovers = yearly_of_table(grid, [])
    assert rows(plans) == [("2024", "실시설계", None, None, None), ("2025", "1구간 착공", None, None, None)]
    assert leftovers == ["새봄천 복원 연차별 계획", "담당 하천관리팀"]


def test_a_row_merged_across_the_table_goes_whole() -> None:
    grid = table("연도 | 추진계획 | 비고",
                 "< 1단계 > | > | >",
                 "2024 | 실시설계 | -")
    plans, leftovers = yearly_of_table(grid, [])
    assert rows(plans) == [("2024", "실시설계", None, None, None)]
    assert leftovers == ["< 1단계 >"]


SECOND_FAMILY = Card.model_validate(json.loads((DATA / "roundtrip" / "second-family.card.json").read_text(
    encoding="utf-8"))[0])


@pytest.mark.parametrize("table", ["box", "aligned", "tsv", "markdown", "flattened"])
def test_stated_none_values_round_trip(table: str) -> None:
    """없음 and 해당없음 written in a cell are read back as written (a dash stays null)."""
    yearly = [SECOND_FAMILY.yearly[0].model_copy(update={"note": "해당없음"}),
              SECOND_FAMILY.yearly[1].model_copy(update={"result": "없음"}), *SECOND_FAMILY.yearly[2:]]
    card = SECOND_FAMILY.model_copy(update={"yearly": yearly})
    style = DEFAULT.with_(family="second", table=table)
    assert_round_trip(card, style, render_bytes(card, style), "second-family.txt")
