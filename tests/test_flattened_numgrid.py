"""Flattened finance tables a row a line (``국  비 2,400,000 300,000 …``) that a page break cut,
its page number, running header and header lines written again on the next page; and rows
split into 계획/확보/집행 groups, the measure written before the group's first source
(``계획 계 4,800,000 …`` then ``국  비 …``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _width_by_its_definition(paragraphs: list[Paragraph], i: int) -> int | None:
    """A plain row's values (split_row), else a row group's first row (split_group_row) beside a
    plain row of as many values."""
    from pledgecard.extract.text.numgrid import split_group_row, split_row

    def plain(k: int) -> int | None:
        if not 0 <= k < len(paragraphs) or paragraphs[k].bullet is not None:
            return None
        row = split_row(paragraphs[k].text)
        return None if row is None else len(row[1])

    if plain(i) is not None:
        return plain(i)
    group = split_group_row(paragraphs[i].text) if paragraphs[i].bullet is None else None
    if group is None:
        return None
    return len(group[2]) if len(group[2]) in (plain(i - 1), plain(i + 1)) else None


_WORDS = st.sampled_from(["국  비", "도비", "계", "연도별 투자 실적 및 계획", "기투자", "1,200", "35", "-", "0.5",
                          "2024년", "합계 금액 총괄표 및 계획안", "연도별투자실적및계획총괄표", "(단위:", "백만원)",
                          "◦"])


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=7).map(" ".join), st.booleans()),
                min_size=1, max_size=6))
def test_a_lines_grid_width_is_read_once_as_defined(lines: list[tuple[str, bool]]) -> None:
    from pledgecard.extract.text.numgrid import _width

    paragraphs = [Paragraph(text=text, bullet="◦" if bulleted else None) for text, bulleted in lines]
    for i in range(len(paragraphs)):
        assert _width(paragraphs, i) == _width_by_its_definition(paragraphs, i)


@pytest.mark.parametrize(("lines", "widths"), [
    (["국비 1 2 3", "연도별 투자 실적 및 계획 기투자 3 4 5", "도비 5 6 7"], [3, 3, 3]),
    (["국비 1 2 3", "합계 연도별투자실적및계획총괄표 3 4 5", "도비 5 6 7"], [3, None, 3]),
    (["국비 1 2", "연도별 투자 실적 및 계획 기투자 3 4 5", "도비 5 6 7"], [None, 3, 3]),
    (["연도별 투자 실적 및 계획 기투자 3 4 5", "◦ 국비 1 2 3"], [None, None]),
])
def test_a_row_groups_first_row_takes_its_neighbours_width(lines: list[str], widths: list[int | None]) -> None:
    from pledgecard.extract.text.numgrid import _width

    paragraphs = [Paragraph(text=t[2:], bullet="◦") if t.startswith("◦ ") else Paragraph(text=t) for t in lines]
    assert [_width(paragraphs, i) for i in range(len(paragraphs))] == widths
    assert [_width_by_its_definition(paragraphs, i) for i in range(len(paragraphs))] == widths
