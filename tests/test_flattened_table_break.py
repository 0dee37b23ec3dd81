"""A flattened 목표달성 table cut by a page break inside a year, its header (and its 주요사업
cell) written again on the next page: the rows after the break go on with the year the page
ended in; the header written again starts no year and the 주요사업 cell is not a detail.

The layout has already dropped the page number and the running header between the pages.
"""

from __future__ import annotations

import pytest

from pledgecard.extract.card.progress import read_achievements
from pledgecard.extract.text.paragraphs import Line
from pledgecard.extract.text.reader import text_blocks

from .blocks import table

HEADER = ["주요사업 목표치", "추진상황", "(완료/추진중/미착수)", "추진내용"]
FIRST_PAGE = [*HEADER, "청년 창업 지원", "<2023>", "· 창업센터 건립", "완료", "· 설계 완료",
              "· 창업 교육", "추진중", "· 교육 3회",
              "<2024>", "· 창업센터 건립", "추진중", "· 착공"]
LAST_YEAR = ["<2025>", "· 창업센터 건립", "완료", "· 준공", "· 창업 교육", "완료", "· 교육 7회"]


def achievements(texts: list[str]) -> list[tuple[int, str, str | None, list[str], str | None]]:
    spaced = [line for text in texts for line in (text, "")]
    found = text_blocks([Line(t, n) for n, t in enumerate(spaced, start=1)])
    rows, leftovers = read_achievements(found)
    assert leftovers == []
    return [(a.year, a.project, a.status, a.details, a.main_project) for a in rows]


WANT = [
    (2023, "창업센터 건립", "완료", ["설계 완료"], "청년 창업 지원"),
    (2023, "창업 교육", "추진중", ["교육 3회"], "청년 창업 지원"),
    (2024, "창업센터 건립", "추진중", ["착공"], "청년 창업 지원"),
    (2024, "창업 교육", "추진중", ["교육 5회"], "청년 창업 지원"),
    (2025, "창업센터 건립", "완료", ["준공"], "청년 창업 지원"),
    (2025, "창업 교육", "완료", ["교육 7회"], "청년 창업 지원"),
]


@pytest.mark.parametrize("second_page", [
    pytest.param([*HEADER, "· 창업 교육", "추진중", "· 교육 5회", "청년 창업 지원", *LAST_YEAR],
                 id="main-cell-again-before-the-next-year"),
    pytest.param([*HEADER, "청년 창업 지원", "· 창업 교육", "추진중", "· 교육 5회", *LAST_YEAR],
                 id="main-cell-again-at-the-page-top"),
    pytest.param([*HEADER, "· 창업 교육", "추진중", "· 교육 5회", *LAST_YEAR], id="header-only"),
])
def test_rows_after_the_break_keep_their_year(second_page: list[str]) -> None:
    assert achievements(FIRST_PAGE + second_page) == WANT


def test_an_unbroken_table_is_read_as_before() -> None:
    whole = [*FIRST_PAGE, "· 창업 교육", "추진중", "· 교육 5회", *LAST_YEAR]
    assert achievements(whole) == WANT


@pytest.mark.parametrize(("second_row_main", "carried"), [
    pytest.param("^", "청년 창업 지원", id="merged-cell-cut-by-the-break"),
    pytest.param("", None, id="a-cell-of-its-own-row"),
])
def test_a_drawn_table_cut_by_a_page_break(second_row_main: str, carried: str | None) -> None:
    """The same cut in a table with rules: two tables, the second without the 주요사업 cell. Its
    rows stand under the cell above only where that cell was merged down to the break."""
    first = table("주요사업 | 목표치 | 추진상황 | 추진내용",
                  "         | <2024>        |        |",
                  "청년 창업 지원 | 창업센터 건립 | 추진중 | 착공",
                  f"{second_row_main} | 창업 교육 | 추진중 | 교육 3회")
    second = table("주요사업 | 목표치 | 추진상황 | 추진내용",
                   "         | 창업 멘토링   | 추진중 | 멘토 5명",
                   "         | <2025>        |        |",
                   "청년 창업 지원 | 창업센터 건립 | 완료 | 준공")
    rows, leftovers = read_achievements([first, second])
    assert [(a.year, a.project, a.main_project) for a in rows] == [
        (2024, "창업센터 건립", "청년 창업 지원"),
        (2024, "창업 교육", carried),
        (2024, "창업 멘토링", carried),
        (2025, "창업센터 건립", "청년 창업 지원"),
    ]
    assert leftovers == []
