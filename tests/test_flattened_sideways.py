"""Tables written sideways and flattened a row a line: the finance table with the sources as
columns (``구  분 계 국  비 도  비``, then ``총사업비 …``, a row group's label before its first
year row, then the years) and the 소통 table with a channel and its count a line.

The text reader rebuilds the numeric grid (it knows no card words: a label too long to be a
row's is a row group's label and the row's own last word); the card parser reads it.
"""

from __future__ import annotations

import pytest

from pledgecard.extract.card.communication import read_communication
from pledgecard.extract.card.finance import read_finance
from pledgecard.extract.document import Paragraph, Table
from pledgecard.extract.text.paragraphs import Line
from pledgecard.extract.text.reader import text_blocks
from pledgecard.models import Finding

from .blocks import table

SIDEWAYS = [
    "(단위 : 천원)",
    "구  분 계 국  비 도  비 시  비",
    "총사업비 12,500,000 3,000,000 1,500,000 8,000,000",
    "연도별 투자 실적 및 계획 기투자 350,000 - - 350,000",
    "2023년 2,350,000 600,000 300,000 1,450,000",
    "2024년 3,800,000 1,200,000 500,000 2,100,000",
    "임기이후 - - - -",
]


def blocks(texts: list[str]) -> list[Paragraph | Table]:
    return text_blocks([Line(t, n) for n, t in enumerate(texts, start=1)])


def grid_texts(table: Table) -> list[list[str]]:
    return [["" if c is None else c.text for c in row] for row in table.grid()]


def test_the_reader_keeps_the_header_row_and_the_group_label() -> None:
    found = blocks(SIDEWAYS)
    assert [type(b).__name__ for b in found] == ["Paragraph", "Table"]
    table = found[1]
    assert isinstance(table, Table)
    assert grid_texts(table) == [
        ["구분", "구분", "계", "국비", "도비", "시비"],
        ["총사업비", "총사업비", "12,500,000", "3,000,000", "1,500,000", "8,000,000"],
        ["연도별 투자 실적 및 계획", "기투자", "350,000", "-", "-", "350,000"],
        ["연도별 투자 실적 및 계획", "2023년", "2,350,000", "600,000", "300,000", "1,450,000"],
        ["연도별 투자 실적 및 계획", "2024년", "3,800,000", "1,200,000", "500,000", "2,100,000"],
        ["연도별 투자 실적 및 계획", "임기이후", "-", "-", "-", "-"],
    ]


@pytest.mark.parametrize(("line", "label"), [
    ("2023년 20 5 6.5 8.5", "2023년"),  # the label ends at its own token, not at the 20 inside 2023
    ("국  비 3,000 500 1,300 1,200", "국  비"),
])
def test_a_row_label_is_the_text_before_its_first_value(line: str, label: str) -> None:
    table = blocks(["구분 계 국비 시비 구비", line, "2024년 29 8 9 12"])[0]
    assert isinstance(table, Table)
    assert grid_texts(table)[1][0] == label


def test_the_card_parser_reads_the_sources_across() -> None:
    findings: list[Finding] = []
    finance, leftovers = read_finance(blocks(SIDEWAYS), "재원투자 실적 및 계획", "city", findings)
    got = {(c.source, c.column): (c.won, c.measure) for c in finance.cells}
    assert got[("계", "총사업비")] == (12_500_000_000, None)
    assert got[("국비", "2023년")] == (600_000_000, None)  # the group label ends in 계획: no measure
    assert got[("시비", "기투자")] == (350_000_000, None)
    assert [c.source for c in finance.cells][:5] == ["계"] * 5  # source by source, as down the rows
    assert len(finance.cells) == 20
    assert leftovers == []


@pytest.mark.parametrize(("texts", "want"), [
    (["계 12", "주민간담회 5", "만족도 조사 1", "기타 -"],
     [("계", 12), ("주민간담회", 5), ("만족도 조사", 1), ("기타", 0)]),
    (["계 횟수 기재", "주민간담회, 공청회 등 3", "언론, 방송 다수"],
     [("계", None), ("주민간담회, 공청회 등", 3), ("언론, 방송", None)]),
])
def test_a_channel_and_its_count_a_line(texts: list[str], want: list[tuple[str, int | None]]) -> None:
    channels, leftovers = read_communication([Paragraph(text=t) for t in texts])
    assert [(c.channel, c.count) for c in channels] == want
    assert leftovers == []


def test_two_channel_lines_are_not_enough_to_tell_a_table() -> None:
    channels, leftovers = read_communication([Paragraph(text="계 12"), Paragraph(text="간담회 5")])
    assert channels == []
    assert leftovers == ["계 12", "간담회 5"]


def test_sources_in_the_group_row_and_measures_below() -> None:
    """Years as rows, the sources heading groups of 계획 / 확보 columns (a header row above the
    row over the data)."""
    findings: list[Finding] = []
    drawn = table("구분     | >      | 계   | >    | 국비 | >",
                  "^        | ^      | 계획 | 확보 | 계획 | 확보",
                  "총사업비 | >      | 100  | 60   | 40   | 20",
                  "연도별   | 2024년 | 100  | 60   | 40   | 20")
    finance, leftovers = read_finance([Paragraph(text="(단위 : 억원)"), drawn], "재원투자 계획", "city", findings)
    got = {(c.source, c.measure, c.column): c.won for c in finance.cells}
    assert got[("국비", "확보", "2024년")] == 2_000_000_000
    assert got[("계", "계획", "총사업비")] == 10_000_000_000
    assert leftovers == []


def test_a_table_cut_inside_a_sources_measure_rows() -> None:
    """The 확보 and 집행 rows of 국비 on the next page, without the 국비 cell: still 국비's."""
    findings: list[Finding] = []
    first = table("구분 | >    | 총사업비 | 2024년",
                  "계   | 계획 | 10       | 10",
                  "국비 | 계획 | 6        | 6")
    second = table("구분 | >    | 총사업비 | 2024년",
                   "     | 확보 | 4        | 4",
                   "시비 | 계획 | 4        | 4")
    unit = Paragraph(text="(단위 : 억원)")
    finance, leftovers = read_finance([unit, first, second], "재원투자 계획", "city", findings)
    assert [(c.source, c.measure) for c in finance.cells if c.column == "2024년"] == [
        ("계", "계획"), ("국비", "계획"), ("국비", "확보"), ("시비", "계획")]
    assert leftovers == []


def test_a_table_cut_inside_a_measures_rows() -> None:
    """Measure first (계획 over 계, 국비 …): the next page's rows stay under the 확보 cell above."""
    findings: list[Finding] = []
    first = table("구분 | >    | 총사업비 | 2024년",
                  "계획 | 계   | 10       | 10",
                  "확보 | 계   | 6        | 6")
    second = table("구분 | >    | 총사업비 | 2024년",
                   "     | 국비 | 4        | 4")
    unit = Paragraph(text="(단위 : 억원)")
    finance, leftovers = read_finance([unit, first, second], "재원투자 계획", "city", findings)
    assert [(c.source, c.measure) for c in finance.cells if c.column == "2024년"] == [
        ("계", "계획"), ("계", "확보"), ("국비", "확보")]
    assert leftovers == []
