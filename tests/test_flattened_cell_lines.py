"""Tables written one cell per line (a PDF or HWP text export): the header cells give the column
count, then the cells fill rows in order, each row opened by a source label (finance) or a year
(연도별 추진계획 및 실적). Lines that do not fill a row are never guessed at: they stay text.

The card parser sees these sections' paragraphs after the layout dropped the page furniture
(``- 3 -``, the running header), so a table cut by a page break reads as one.
"""

from __future__ import annotations

import pytest

from pledgecard.extract.card.finance import read_finance
from pledgecard.extract.card.yearly import read_yearly
from pledgecard.extract.document import Block, Paragraph
from pledgecard.models import Finding
from pledgecard.pipeline import parse_bytes

from .conftest import SAMPLES

FINANCE_HEADER = ["구분", "총사업비", "기투자", "2024년", "2025년", "2026년", "임기후"]
YEARLY_HEADER = ["연도", "추진계획", "추진실적", "추진율(%)", "비고"]


def lines(*texts: str) -> list[Block]:
    return [Paragraph(text=t) for t in texts]


def finance(*texts: str) -> tuple[dict[tuple[str, str], int | None], list[str]]:
    findings: list[Finding] = []
    result, leftovers = read_finance(lines("(단위 : 백만원)", *texts), "재원투자 계획", "city", findings)
    return {(c.source, c.column): c.won for c in result.cells}, leftovers


@pytest.mark.parametrize(("rows", "cells", "left"), [
    pytest.param([["계", "12,000", "2,000", "5,000", "4,000", "1,000", "-"],
                  ["국비", "3,000", "500", "1,300", "1,000", "200", "-"]], 12, [], id="two-rows"),
    pytest.param([["계", "6,400", "2,800", "1,400", "1,200", "1,000", "-"],
                  ["도  비", "1,200", "600", "250", "200", "150", "-"],
                  ["시비", "5,200", "2,200", "1,150", "1,000", "850", "-"]], 18, [], id="letter-spaced-source"),
    pytest.param([["계", "12,000", "2,000", "5,000", "4,000", "1,000", "-"],
                  ["국비", "3,000", "500", "1,300", "1,000", "200"]], 6,
                 ["국비", "3,000", "500", "1,300", "1,000", "200"], id="a-short-row-stays-text"),
    pytest.param([["계", "12,000", "2,000", "5,000", "4,000", "1,000", "-"], ["추진 중"]], 6, ["추진 중"],
                 id="text-after-the-table"),
])
def test_finance_table_a_cell_per_line(rows: list[list[str]], cells: int, left: list[str]) -> None:
    got, leftovers = finance(*FINANCE_HEADER, *(cell for row in rows for cell in row))
    assert len(got) == cells
    assert got[("계", "총사업비")] == int(rows[0][1].replace(",", "")) * 1_000_000
    assert leftovers == left


def test_finance_values_land_under_their_columns() -> None:
    got, _ = finance(*FINANCE_HEADER, "계", "12,000", "2,000", "5,000", "4,000", "1,000", "-",
                     "국비", "3,000", "500", "1,300", "1,000", "200", "-")
    assert got[("국비", "2026년")] == 200_000_000
    assert got[("국비", "기투자")] == 500_000_000
    assert got[("국비", "임기후")] == 0  # - is nothing


def test_a_header_without_its_row_label_is_no_table() -> None:
    """구분 opens the header: column words alone (prose that names them) build nothing."""
    got, leftovers = finance("총사업비", "기투자", "계", "12,000", "2,000")
    assert got == {}
    assert leftovers == ["총사업비", "기투자", "계", "12,000", "2,000"]


def yearly(*texts: str) -> tuple[list[tuple[str, str, str | None, float | None, str | None]], list[str]]:
    findings: list[Finding] = []
    plans, leftovers = read_yearly(lines(*texts), findings)
    return [(p.years.text, p.plan, p.result, p.rate, p.note) for p in plans], leftovers


@pytest.mark.parametrize(("cells", "want", "left"), [
    pytest.param(["2023", "부지 매입 및 설계", "부지 매입, 설계 완료", "25", "-",
                  "2024", "건축공사 착공", "착공(’24.4월), 공정률 45%", "50", "-"],
                 [("2023", "부지 매입 및 설계", "부지 매입, 설계 완료", 25, None),
                  ("2024", "건축공사 착공", "착공(’24.4월), 공정률 45%", 50, None)], [], id="two-years"),
    pytest.param(["2025", "300대 추가", "1,625대 운영(’25.3월)", "81.3", "진행중",
                  "2026", "200대 추가", "-", "-", "-"],
                 [("2025", "300대 추가", "1,625대 운영(’25.3월)", 81.3, "진행중"),
                  ("2026", "200대 추가", None, None, None)], [], id="empty-cells-are-dashes"),
    pytest.param(["2023", "설계", "설계 완료", "25",
                  "2024", "착공", "착공", "50", "-"],
                 [], ["연도", "추진계획", "추진실적", "추진율(%)", "비고", "2023", "설계", "설계 완료", "25",
                      "2024", "착공", "착공", "50", "-"], id="a-missing-cell-is-not-guessed"),
])
def test_yearly_table_a_cell_per_line(cells: list[str], want: list[tuple[object, ...]], left: list[str]) -> None:
    got, leftovers = yearly(*YEARLY_HEADER, *cells)
    assert got == want
    assert leftovers == left


@pytest.mark.parametrize(("card", "finance_cells", "years", "rates"), [
    (0, 24, ["2023", "2024", "2025", "2026"], [25, 50, 64, None]),
    (1, 18, ["2022", "2023", "2024", "2025", "2026"], [25, 50, 75, 81.3, None]),
])
def test_the_daon_booklet_reads_its_tables_across_page_breaks(
        card: int, finance_cells: int, years: list[str], rates: list[float | None]) -> None:
    path = SAMPLES / "daon-booklet" / "daon-booklet.txt"
    parsed = parse_bytes(path.read_bytes(), path.name).cards[card]
    assert len(parsed.finance.cells) == finance_cells
    assert [c.won for c in parsed.finance.cells if c.source == "계" and c.kind == "total"] == [
        [12_000_000_000, 6_400_000_000][card]]
    assert [p.years.text for p in parsed.yearly] == years
    assert [p.rate for p in parsed.yearly] == rates
    assert parsed.unplaced == []
