"""Flattened finance tables a row a line (``국  비 2,400,000 300,000 …``) that a page break cut,
its page number, running header and header lines written again on the next page; and rows
split into 계획/확보/집행 groups, the measure written before the group's first source
(``계획 계 4,800,000 …`` then ``국  비 …``).
"""

from __future__ import annotations

import pytest

from pledgecard.extract.card.finance import read_finance
from pledgecard.extract.document import Paragraph, Table
from pledgecard.extract.text.paragraphs import Line
from pledgecard.extract.text.reader import text_blocks
from pledgecard.models import Finding

RUNNING_HEADER = "2025년 2분기 한결시장 공약사업 관리카드"
HEADER = ["구  분 총사업비 2024년 2025년"]
BREAK = ["- 1 -", RUNNING_HEADER]


def read(texts: list[str]) -> tuple[list[Paragraph | Table], list[Paragraph]]:
    lines = [Line(t, n) for n, t in enumerate([RUNNING_HEADER, *texts], start=1)]
    furniture: list[Paragraph] = []
    return text_blocks(lines, furniture)[1:], furniture


@pytest.mark.parametrize(("second_page", "furniture"), [
    pytest.param([*BREAK, *HEADER], ["- 1 -", RUNNING_HEADER, HEADER[0]], id="header-again"),
    pytest.param(BREAK, ["- 1 -", RUNNING_HEADER], id="no-header-again"),
])
def test_a_grid_goes_on_past_a_page_break(second_page: list[str], furniture: list[str]) -> None:
    blocks, dropped = read(["(단위 : 천원)", *HEADER, "계 300 100 200", "국  비 150 50 100", *second_page,
                            "도  비 100 30 70", "시  비 50 20 30", "", "□ 추진실적"])
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row[0].text for row in tables[0].grid() if row[0]] == ["구분", "계", "국  비", "도  비", "시  비"]
    assert [p.full_text for p in dropped] == furniture


def test_a_grid_is_not_joined_across_text() -> None:
    blocks, dropped = read(["(단위 : 천원)", *HEADER, "계 300 100 200", "국  비 150 50 100", "사업 추진 중",
                            "도  비 100 30 70", "시  비 50 20 30"])
    assert sum(isinstance(b, Table) for b in blocks) == 2
    assert dropped == []


def test_measure_groups_written_before_their_first_source() -> None:
    blocks, _ = read(["(단위 : 천원)", "구  분 총사업비 2024년 2025년",
                      "계획 계 300 100 200", "국  비 150 50 100", "시  비 150 50 100",
                      "확보 계 100 100 -", "국  비 50 50 -", "시  비 50 50 -"])
    findings: list[Finding] = []
    finance, leftovers = read_finance(blocks, "재원투자 계획", "city", findings)
    got = {(c.source, c.measure, c.column): c.won for c in finance.cells}
    assert got[("국비", "계획", "2024년")] == 50_000
    assert got[("시비", "확보", "총사업비")] == 50_000
    assert len(finance.cells) == 18
    assert leftovers == []


def test_a_measure_after_its_source_is_that_rows_alone() -> None:
    blocks, _ = read(["(단위 : 천원)", "구  분 총사업비 2024년 2025년",
                      "계 계획 300 100 200", "계 확보 100 100 -", "국  비 150 50 100"])
    findings: list[Finding] = []
    finance, _ = read_finance(blocks, "재원투자 계획", "city", findings)
    got = {(c.source, c.measure, c.column): c.won for c in finance.cells}
    assert got[("국비", None, "2024년")] == 50_000
