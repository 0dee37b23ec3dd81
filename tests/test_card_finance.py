"""Finance tables as other issuers lay them out: measures (계획/확보/집행) as rows or column
groups, years as rows, unknown columns (비고), units inside the table, 억원 with decimals.

Tables are built cell by cell here (``>`` continues the cell on the left, ``^`` the one above),
the way any reader hands them to the card parser; no sample and no reader is involved.
"""

from __future__ import annotations

import pytest

from pledgecard.extract.card.finance import read_finance
from pledgecard.extract.document import Paragraph, Table
from pledgecard.models import FinanceCell, Finding

from .blocks import table


def read(*blocks: Table | str, heading: str = "재원투자 계획", issuer: str = "county") -> tuple[
        list[FinanceCell], list[str], list[Finding]]:
    findings: list[Finding] = []
    parts = [Paragraph(text=b) if isinstance(b, str) else b for b in blocks]
    finance, leftovers = read_finance(parts, heading, issuer, findings)
    return finance.cells, leftovers, findings


def by_key(cells: list[FinanceCell]) -> dict[tuple[str, str, str | None], int | None]:
    return {(c.source, c.column, c.measure): c.won for c in cells}


def test_measures_as_rows_with_a_rowspan() -> None:
    cells, leftovers, _ = read("(단위 : 천원)", table(
        "구분 | 재원 | 총사업비 | 2024년 | 2025년",
        "계획 | 계   | 3,000    | 1,000  | 2,000",
        "^    | 국비 | 1,500    | 500    | 1,000",
        "확보 | 계   | 1,000    | 1,000  | -",
        "^    | 국비 | 500      | 500    | -",
    ))
    got = by_key(cells)
    assert got[("계", "총사업비", "계획")] == 3_000_000
    assert got[("국비", "2025년", "계획")] == 1_000_000
    assert got[("국비", "2025년", "확보")] == 0
    assert {c.measure for c in cells} == {"계획", "확보"}
    assert leftovers == []


def test_measures_as_column_groups_under_each_year() -> None:
    cells, leftovers, _ = read("(단위 : 백만원)", table(
        "구분 | 총사업비 | 2024년 | >    | >    ",
        "^    | ^        | 계획   | 확보 | 집행 ",
        "계   | 900      | 300    | 300  | 250  ",
        "군비 | 900      | 300    | 300  | 250  ",
    ))
    got = by_key(cells)
    assert got[("군비", "2024년", "집행")] == 250_000_000
    assert got[("계", "총사업비", None)] == 900_000_000
    assert [c.year for c in cells if c.column == "2024년"][:1] == [2024]
    assert leftovers == []


def test_years_as_rows_read_the_sources_across() -> None:
    cells, _, _ = read("(단위 : 억원)", table(
        "연도   | 계   | 국비 | 도비 | 시비",
        "2024년 | 10.5 | 5    | 2.5  | 3",
        "2025년 | 4    | 2    | 1    | 1",
    ))
    got = by_key(cells)
    assert got[("국비", "2024년", None)] == 500_000_000
    assert got[("도비", "2024년", None)] == 250_000_000
    assert got[("계", "2024년", None)] == 1_050_000_000
    assert not any(c.source.startswith("20") for c in cells)


def test_values_under_an_unknown_column_are_not_lost() -> None:
    cells, leftovers, _ = read("(단위 : 백만원)", table(
        "구분 | 총사업비 | 2024년 | 비고",
        "계   | 100      | 100    | 추경 반영",
        "국비 | 100      | 100    | -",
    ))
    assert len(cells) == 4
    assert any("추경 반영" in text for text in leftovers)


@pytest.mark.parametrize("unit_place", ["heading", "line", "first-cell", "own-row"])
def test_the_unit_from_wherever_the_card_states_it(unit_place: str) -> None:
    first = "구분 (단위: 억원)" if unit_place == "first-cell" else "구분"
    rows = [f"{first} | 총사업비 | 2025년", "계 | 42.5 | 42.5", "국비 | 42.5 | 42.5"]
    if unit_place == "own-row":
        rows.insert(0, "(단위 : 억원) | > | >")
    blocks: list[Table | str] = [table(*rows)]
    if unit_place == "line":
        blocks.insert(0, "(단위 : 억원)")
    heading = "재원투자 계획 (단위 : 억원)" if unit_place == "heading" else "재원투자 계획"
    cells, _, findings = read(*blocks, heading=heading)
    assert by_key(cells)[("국비", "2025년", None)] == 4_250_000_000
    assert findings == []


def test_a_table_rounded_to_one_decimal_sums_within_its_rounding() -> None:
    from pledgecard.models import Card, Finance, Source
    from pledgecard.normalize.checks import finance_findings

    cells, _, _ = read("(단위 : 억원)", table(
        "구분 | 총사업비 | 2024년 | 2025년",
        "계   | 10.0     | 3.3    | 6.7",
        "국비 | 3.3      | 1.1    | 2.2",
        "도비 | 3.3      | 1.1    | 2.2",
        "군비 | 3.3      | 1.1    | 2.2",
    ))
    card = Card(source=Source(path="x", format="txt", sha256="0"),
                finance=Finance(unit="억원", unit_won=10**8, cells=cells))
    assert finance_findings(card) == []  # 3.3 × 3 = 9.9 against 10.0: the rounding, not an error
    off = [c.model_copy(update={"won": 2_000_000_000}) if (c.source, c.column) == ("계", "총사업비") else c
           for c in cells]
    codes = [f.code for f in finance_findings(card.model_copy(update={"finance": Finance(
        unit="억원", unit_won=10**8, cells=off)}))]
    assert "finance.row_sum" in codes and "finance.column_sum" in codes


def test_sum_findings_name_the_unit_of_the_table() -> None:
    from pledgecard.models import Card, Finance, Source
    from pledgecard.normalize.checks import finance_findings

    cells, _, _ = read("(단위 : 억원)", table(
        "구분 | 총사업비 | 2024년 | 2025년",
        "계   | 10.5     | 3.3    | 6.7",
        "국비 | 10.5     | 3.3    | 6.7",
    ))
    card = Card(source=Source(path="x", format="txt", sha256="0"),
                finance=Finance(unit="억원", unit_won=10**8, cells=cells))
    messages = [f.message for f in finance_findings(card)]
    assert messages == ["계: 총사업비 10.5 억원 ≠ sum of its columns 10 억원 (off by -0.5 억원)",
                        "국비: 총사업비 10.5 억원 ≠ sum of its columns 10 억원 (off by -0.5 억원)"]
