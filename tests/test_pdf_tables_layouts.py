"""PDF tables from other producers (tests/data/pdf_layouts/, see its README): every layout gives
the grid it was drawn as, whatever its borders (thick, double, open on a side, inner rules only,
thin filled rectangles) and wherever it sits on the page; a wrapped cell is one value."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pledgecard.extract import read_document
from pledgecard.extract.document import Cell, Table
from pledgecard.extract.pdf.grid import Grid, GridCell, with_open_sides, without_frames
from pledgecard.extract.pdf.lines import Line, join_paragraphs, join_wrapped, joined, lines_of, wrapped
from pledgecard.extract.pdf.page import Char, read_page
from pledgecard.pipeline import parse_bytes

from .conftest import DATA

LAYOUTS = DATA / "pdf_layouts"

TITLE = "도지사 공약사업 관리카드"
UNIT = "(단위: 백만 원)"

#: Rows of a table, each the cells anchored in it: text, with ``[rows x cols]`` when merged.
HEADER = [
    ["공약명", "디지털헬스케어 메카 육성", "관리번호", "2-16"],
    ["추진부서", "바이오헬스과", "담당자", "변양우"],
    ["협조부서", "-", "전화번호", "033-249-3477"],
    ["실천목표", "임기 이후 완료", "추진상황", "이행 후 계속 추진"],
]
FINANCE = [
    ["구분 [2x1]", "총사업비 [2x1]", "연도별 투자 실적 및 계획 [1x4]"],
    ["2022", "2023", "2024", "2025"],
    ["계", "89,873", "20,919", "22,410", "23,113", "23,431"],
    ["국비", "58,266", "13,600", "14,566", "15,023", "15,077"],
]
CARD_BODY = ["□ 사업개요", "◦ 사업기간 : 2022~2027년(6년간)",
             "◦ 총사업비 : 89,873백만 원(국비 58,266, 도비 23,326, 시군비 8,281)", "□ 재원별 투자계획", UNIT]

HEADER_FILES = [
    "lo-header-fit", "lo-header-wide", "lo-header-margin", "lo-header-beyond-page", "lo-header-thick",
    "lo-header-double", "lo-header-double-wide", "lo-header-open-right", "lo-header-open-sides",
    "lo-header-inside-only", "rect-header", "rect-header-one-path", "rect-header-open", "rect-header-edge",
]
#: file -> the document's blocks: a paragraph's text, or a table as its rows.
LAYOUT_CASES: dict[str, list[str | list[list[str]]]] = {
    **{name: [TITLE, HEADER] for name in HEADER_FILES},
    "lo-finance": [UNIT, FINANCE],
    "lo-finance-open": [UNIT, FINANCE],
    "rect-finance-one-path": [UNIT, FINANCE],
    "lo-card": [TITLE, HEADER, *CARD_BODY, FINANCE],
    "hwp-header": [TITLE, HEADER, UNIT, FINANCE],
}


def anchored(cell: Cell) -> str:
    return cell.text if (cell.rowspan, cell.colspan) == (1, 1) else f"{cell.text} [{cell.rowspan}x{cell.colspan}]"


def table_rows(table: Table) -> list[list[str]]:
    rows: list[list[str]] = [[] for _ in range(table.rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(anchored(cell))
    return rows


def blocks_of(path: Path) -> list[str | list[list[str]]]:
    document = read_document(path, path.read_bytes())
    return [table_rows(b) if isinstance(b, Table) else b.full_text for b in document.blocks]


@pytest.mark.parametrize(("name", "expected"), LAYOUT_CASES.items(), ids=list(LAYOUT_CASES))
def test_each_layout_reads_as_the_grid_it_was_drawn_as(name: str, expected: list[str | list[list[str]]]) -> None:
    assert blocks_of(LAYOUTS / f"{name}.pdf") == expected


def test_every_committed_layout_is_tested() -> None:
    assert sorted(p.stem for p in LAYOUTS.glob("*.pdf")) == sorted(LAYOUT_CASES)


@pytest.mark.parametrize("name", [*HEADER_FILES, "lo-card", "hwp-header"])
def test_the_header_grid_gives_number_phone_and_status(name: str) -> None:
    path = LAYOUTS / f"{name}.pdf"
    card = parse_bytes(path.read_bytes(), path.name).cards[0]
    assert (card.pledge.number, card.contact.phone if card.contact else None, card.status) == (
        "2-16", "033-249-3477", "이행 후 계속 추진")


def test_a_thick_stroked_border_is_one_rule_on_its_centre_line() -> None:
    pdf = pdfium.PdfDocument(LAYOUTS / "lo-header-thick.pdf")
    try:
        segments = read_page(pdf, 0).segments
    finally:
        pdf.close()
    rows = sorted(round(s.y0) for s in segments if s.horizontal)
    cols = sorted(round(s.x0) for s in segments if not s.horizontal)
    assert (rows, cols) == ([98, 123, 147, 184, 222], [66, 128, 315, 377, 445])


def line(text: str, x0: float, x1: float, top: float, first_word: float) -> Line:
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + 10.0, size=10.0, first_word=first_word)


@pytest.mark.parametrize(("previous_end", "first_word", "expected"), [
    pytest.param(98.0, 20.0, True, id="reached-the-edge"),
    pytest.param(80.0, 24.0, True, id="next-word-would-not-fit"),
    pytest.param(60.0, 20.0, False, id="next-word-would-fit"),
])
def test_a_line_wrapped_when_the_next_word_would_not_have_fitted(
        previous_end: float, first_word: float, expected: bool) -> None:
    above = line("이행 후 계속", 0.0, previous_end, 0.0, 20.0)
    below = line("추진", 0.0, first_word, 12.0, first_word)
    assert wrapped(above, below, right_edge=100.0) is expected


@pytest.mark.parametrize(("text", "continuation", "expected"), [
    pytest.param("이행 후 계속", "추진", "이행 후 계속 추진", id="space"),
    pytest.param("033-249-", "3477", "033-249-3477", id="after-a-hyphen-in-a-number"),
    pytest.param("사업 -", "추진", "사업 - 추진", id="lone-dash"),
])
def test_wrapped_lines_join_with_a_space_except_after_a_hyphen_in_a_word(
        text: str, continuation: str, expected: str) -> None:
    assert joined(text, continuation) == expected


@pytest.mark.parametrize(("text", "end", "continuation", "ends_spaced", "expected"), [
    pytest.param("22,000,000,", 99.5, "000", None, "22,000,000,000", id="number-cut-after-a-comma"),
    pytest.param("3,600,000,0", 100.2, "00", None, "3,600,000,000", id="number-cut-inside-a-group"),
    pytest.param("3,600,000", 99.0, ",000", None, "3,600,000,000", id="number-cut-before-a-comma"),
    pytest.param("2023", 99.0, "2024", None, "2023 2024", id="two-numbers"),
    pytest.param("1,234", 99.0, "567", None, "1,234 567", id="two-grouped-numbers"),
    pytest.param("디지털헬스케", 98.7, "어 메카 육성", None, "디지털헬스케어 메카 육성", id="word-cut-at-the-edge"),
    pytest.param("국가혁신클러스터", 93.9, "사업 추진", None, "국가혁신클러스터 사업 추진",
                 id="word-short-of-the-edge"),
    pytest.param("이행 후", 99.5, "계속 추진", None, "이행 후 계속 추진", id="several-words"),
    pytest.param("기본 및 실시설계 완료", 90.0, "(2023.11.)", False, "기본 및 실시설계 완료(2023.11.)",
                 id="text-layer-no-space"),
    pytest.param("장비 10종", 90.0, "계약 완료", True, "장비 10종 계약 완료", id="text-layer-space"),
    pytest.param("22,000,00", 99.5, "0,000", False, "22,000,000,000", id="text-layer-cut-number"),
    pytest.param("3,600,000", 99.2, ",000", False, "3,600,000,000", id="text-layer-number-before-its-comma"),
    pytest.param("확산운영 추", 99.6, "진(참여", False, "확산운영 추진(참여", id="text-layer-hangul-cut"),
    pytest.param("의료기관 126곳,", 98.2, "참여인원", False, "의료기관 126곳, 참여인원",
                 id="text-layer-dropped-after-comma"),
    pytest.param("500대 추가, 대여소", 99.9, "50개소", False, "500대 추가, 대여소 50개소",
                 id="text-layer-dropped-before-a-number"),
    pytest.param("기업유치(8", 96.2, "개사)", False, "기업유치(8개사)", id="text-layer-room-left"),
])
def test_a_wrapped_cell_is_one_value(
        text: str, end: float, continuation: str, ends_spaced: bool | None, expected: str) -> None:
    above = Line(text=text, x0=0.0, x1=end, top=0.0, bottom=10.0, size=10.0, ends_spaced=ends_spaced)
    below = Line(text=continuation, x0=0.0, x1=40.0, top=12.0, bottom=22.0, size=10.0,
                 first_char=5.4 if continuation[0].isdigit() or continuation[0] == "," else 9.5)
    assert join_wrapped(text, above, below, right_edge=100.0) == expected


def glyphs(text: str, starts: list[float], top: float) -> list[Char]:
    """Hangul glyphs 9.5 pt wide (10 pt type) set at ``starts``, as HWP printers place them."""
    return [Char(t, x, x + 9.5, top, top + 11.5, 10.0) for t, x in zip(text, starts, strict=True)]


@pytest.mark.parametrize(("first", "starts", "edge", "expected"), [
    # hwp-ingest spreads a word cut at the edge letter by letter, the same gap again after it
    pytest.param("임기", [0.0, 13.94], 28.0, "임기이후", id="spread-word-cut-at-the-edge"),
    pytest.param("추진상", [0.0, 12.56, 25.11], 37.8, "추진상이후", id="three-letters-spread"),
    # a word space it widens instead: the line ends flush with the edge
    pytest.param("임기", [0.0, 18.5], 28.0, "임 기 이후", id="widened-space-flush"),
    pytest.param("임기", [0.0, 9.7], 28.0, "임기 이후", id="set-tight-short-of-the-edge"),
    pytest.param("임기", [0.0, 13.94], 35.0, "임 기 이후", id="room-wider-than-the-gap"),
])
def test_a_line_spread_evenly_to_the_edge_is_one_word_cut_there(
        first: str, starts: list[float], edge: float, expected: str) -> None:
    lines = lines_of(glyphs(first, starts, 0.0) + glyphs("이후", [0.0, 9.7], 16.0))
    assert [text for text, _ in join_paragraphs(lines, edge, lambda _: False)] == [expected]


def test_numbers_wrapped_in_their_cells_give_the_finance_table() -> None:
    path = DATA / "roundtrip" / "bad-sums-1.hwp-ingest.pdf"
    finance = next(b for b in read_document(path, path.read_bytes()).blocks if isinstance(b, Table) and b.cols == 8)
    assert finance.row_texts()[2][:4] == ["계", "22,000,000,000", "-", "3,600,000,000"]
    assert finance.row_texts()[5][3] == "600,000,000"
    card = parse_bytes(path.read_bytes(), path.name).cards[0]
    assert len(card.finance.cells) > 0


@pytest.mark.parametrize(("positions", "starts", "ends", "expected"), [
    pytest.param([10.0, 50.0], [10.0, 10.0], [50.0, 50.0], [10.0, 50.0], id="closed"),
    pytest.param([10.0, 50.0], [10.0, 10.0], [90.0, 90.0], [10.0, 50.0, 90.0], id="open-end"),
    pytest.param([30.0, 50.0], [0.0, 0.0, 0.0], [90.0, 90.0, 90.0], [0.0, 30.0, 50.0, 90.0], id="inner-rules-only"),
    pytest.param([10.0, 50.0], [10.0, 10.0], [90.0, 50.0], [10.0, 50.0], id="one-stray-rule"),
    pytest.param([10.0, 50.0], [10.0, 10.0], [53.0, 53.0], [10.0, 50.0], id="line-caps"),
])
def test_an_undrawn_outer_border_is_where_the_crossing_rules_end(
        positions: list[float], starts: list[float], ends: list[float], expected: list[float]) -> None:
    assert with_open_sides(positions, starts, ends) == expected


def box(x0: float, top: float, x1: float, bottom: float, cells: int = 1) -> Grid:
    return Grid([x0, x1], [top, bottom], [GridCell(0, i, 1, 1, x0, top, x1, bottom) for i in range(cells)])


def test_a_frame_around_a_table_is_not_a_table_of_its_own() -> None:
    frame, table, apart = box(0, 0, 100, 100), box(5, 5, 95, 95, cells=4), box(0, 200, 100, 300)
    assert without_frames([frame, table, apart]) == [table, apart]
