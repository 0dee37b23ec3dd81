"""Tables on plain text lines (space-aligned, tab-separated, markdown pipes): each input in
tests/data/text_tables/ against the grid it must give, spans, page furniture and the lines
that must stay paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pledgecard.extract.document import Document, Paragraph, Table
from pledgecard.extract.text.reader import TextReader

from .conftest import DATA

TABLES = DATA / "text_tables"

Span = tuple[int, int]


@dataclass
class Expected:
    """What a file reads as: each table's rows (a spanned position repeats its anchor's text)
    with its spanning cells ``{(row, col): (rowspan, colspan)}``, the furniture lines and the
    paragraphs, in order."""

    tables: list[tuple[list[list[str]], dict[Span, Span]]]
    paragraphs: list[str]
    furniture: list[str] = field(default_factory=list)


FINANCE_THOUSAND_WON = [
    ["구 분", "총사업비", "2023", "2024", "2025", "2026"],
    ["계", "12,500,000", "350,000", "2,350,000", "3,800,000", "3,450,000"],
    ["국 비", "3,000,000", "-", "600,000", "1,200,000", "900,000"],
    ["도 비", "1,500,000", "-", "300,000", "500,000", "450,000"],
    ["시 비", "7,200,000", "350,000", "1,450,000", "2,100,000", "1,800,000"],
    ["민 자", "800,000", "-", "-", "-", "300,000"],
]
PLAN = "연도별 투자계획"
TWO_ROW_SPANS: dict[Span, Span] = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 4)}
YEARLY_HEAD = ["연도", "추진계획", "추진실적", "추진율"]
RUNNING_HEADER = "시장 공약사업 관리카드 (2025. 3. 31. 기준)"

CASES: dict[str, Expected] = {
    "aligned_finance_thousand_won": Expected(
        [(FINANCE_THOUSAND_WON, {})], ["□ 재원투자 계획", "(단위 : 천원)", "□ 추진실적"]),
    "aligned_finance_two_row_header": Expected(
        [([["구 분", "총사업비", PLAN, PLAN, PLAN, PLAN],
           ["구 분", "총사업비", "2023", "2024", "2025", "2026"],
           ["계", "120.0", "30.0", "30.0", "30.0", "30.0"],
           ["국 비", "60.0", "15.0", "15.0", "15.0", "15.0"],
           ["도 비", "36.0", "9.0", "9.0", "9.0", "9.0"],
           ["시 비", "24.0", "6.0", "6.0", "6.0", "6.0"]], TWO_ROW_SPANS)],
        ["(단위 : 억원)"]),
    "aligned_yearly_plan_page_break": Expected(
        [([YEARLY_HEAD,
           ["2023", "기본계획 수립", "완료", "100%"],
           ["2024", "실시설계 및 인허가", "추진중", "60%"],
           ["2025", "착공 및 기반조성", "미착수", "-"],
           ["2026", "준공 및 개관", "미착수", "-"]], {})],
        [RUNNING_HEADER, "《연도별 추진계획》", "□ 향후계획", "◦ 2025년 하반기 착공 예정"],
        ["- 7 -", RUNNING_HEADER, "연도    추진계획                  추진실적    추진율"]),
    "aligned_communication": Expected(
        [([["구 분", "계", "주민간담회", "공청회", "만족도 조사", "언론·방송", "기타"],
           ["횟 수", "14", "3", "2", "4", "3", "2"],
           ["참여인원", "520", "120", "250", "100", "-", "50"],
           ["비 고", "", "", "", "", "보도 5건", ""]], {})],
        ["□ 도민소통 실적"]),
    "aligned_page_number_after_table": Expected(
        [([["구 분", "2023", "2024", "2025"], ["목 표", "10", "20", "30"], ["실 적", "12", "18", "-"]], {})],
        ["- 4 -", "◦ 2025년 목표 달성을 위한 홍보 강화"]),
    # letter-spaced labels (분    야, 직  위) are one cell; a wider gap after them is a column
    "aligned_header_grid_and_contacts": Expected(
        [([["공 약 명", "어촌 체험마을 조성", "공약번호", "7-04"],
           ["분    야", "해양·수산", "구    분", "계속"],
           ["추진단계", "실시설계", "완료시기", "임기내"]], {}),
         ([["직  위", "국 장", "과 장", "팀 장", "담 당"],
           ["성  명", "윤서해", "강물결", "배바다", "조파도"],
           ["연락처", "610-2100", "610-2110", "610-2115", "610-2117"]], {})],
        ["바다군수 공약사업 관리카드"]),
    "pipe_two_tables_one_blank_apart": Expected(
        [([["공약사업명", "어촌 체험마을 조성", "공약번호", "7-04"], ["분야", "해양·수산", "구분", "계속"]], {}),
         ([["직위", "성명", "연락처"], ["과장", "강물결", "610-2110"], ["담당", "조파도", "610-2117"]], {})],
        [], ["|---|---|---|---|", "|---|---|---|"]),
    # a running footer (written again below) with a page number cuts the table; no header repeated
    "aligned_finance_footer_break": Expected(
        [([["구 분", "총사업비", "2024", "2025", "2026"],
           ["계", "9,000", "3,000", "3,000", "3,000"],
           ["국 비", "4,500", "1,500", "1,500", "1,500"],
           ["도 비", "1,800", "600", "600", "600"],
           ["시군비", "2,700", "900", "900", "900"]], {})],
        ["(단위 : 백만원)", "◦ 국비 공모 선정(’24.3월)", "강원특별자치도 기획조정실", "- 13 -"],
        ["강원특별자치도 기획조정실", "- 12 -"]),
    # a running header alone (already written at the top) between two parts of one table
    "aligned_running_header_break": Expected(
        [([["구 분", "목 표", "실 적", "달성률"], ["교육 운영", "12", "12", "100%"],
           ["현장 점검", "4", "3", "75%"], ["홍보 활동", "6", "6", "100%"]], {})],
        ["2025년 1분기 공약사업 관리카드"], ["2025년 1분기 공약사업 관리카드"]),
    # a bulleted note after each of two tables of the same columns is no page furniture
    "aligned_two_tables_same_note": Expected(
        [([["구 분", "목표", "실적", "달성률"], ["교육 운영", "12", "12", "100%"], ["현장 점검", "4", "3", "75%"]], {}),
         ([["구 분", "목표", "실적", "달성률"], ["교육 운영", "12", "6", "50%"], ["현장 점검", "4", "1", "25%"]], {})],
        ["《2024년 추진실적》", "※ 자료 : 시 내부 집계", "※ 자료 : 시 내부 집계"]),
    # lines under the last column only continue its cell (a row of their own: which cell they
    # belong to is the card parser's call); <2024> alone under 목표치 is a row of the table
    "aligned_goals_continuation_lines": Expected(
        [([["주요사업", "목표치", "추진상황", "추진내용"],
           ["", "<2024>", "", ""],
           ["공공도서관 건립", "실시설계 완료", "완료", "실시설계 완료(’24.6월)"],
           ["", "", "", "건축허가 완료(’24.9월)"],
           ["", "작은도서관 2개소 조성", "추진중", "1개소 개관(’24.11월)"],
           ["", "<2025>", "", ""],
           ["공공도서관 건립", "건축공사 착공", "추진중", "착공(’25.3월), 공정률 15%"],
           ["", "", "", "지역주민 설명회 2회"]], {})],
        ["《현재까지 목표달성》", "□ 도민소통 실적"]),
    # a one-cell line right below the rows continues them; one a blank line below is text
    "aligned_note_below_table": Expected(
        [([["구 분", "2023", "2024"], ["계", "100", "200"], ["국 비", "50", "100"], ["", "", "보조금"]], {})],
        ["(자료 : 재정과)"]),
    # ideographic spaces: two or more are a gap, one is a word space (the prose line stays)
    "aligned_ideographic_spaces": Expected(
        [([["구\u3000분", "목표", "실적"], ["교육\u3000운영", "12", "12"], ["현장\u3000점검", "4", "3"],
           ["홍보\u3000활동", "6", "6"]], {})],
        ["사업\u3000개요는\u3000다음과\u3000같다"]),
    # the next page lays the same columns out anew (narrower): still one table, joined at the
    # header written again
    "aligned_goals_relaid_after_break": Expected(
        [([["주요사업", "목표치", "추진상황", "추진내용"],
           ["", "<2024>", "", ""],
           ["어촌 체험마을 조성", "기본계획 수립", "완료", "기본계획 수립(’24.4월)"],
           ["", "체험시설 설계", "완료", "실시설계 완료(’24.10월)"],
           ["", "<2025>", "", ""],
           ["어촌 체험마을 조성", "체험시설 착공", "추진중", "착공(’25.3월), 공정률 30%"],
           ["", "주민 해설사 양성", "미착수", "-"]], {})],
        ["군수 공약사업 관리카드", "□ 향후계획"],
        ["- 5 -", "군수 공약사업 관리카드", "주요사업            목표치                추진상황  추진내용"]),
    # a finance table written sideways: the header's cells stand two spaces apart as the
    # letters of 국  비 do; the columns below tell them apart (계 alone, 구      분 one word)
    "aligned_sideways_spaced_header": Expected(
        [([["구      분", "", "계", "국  비", "도  비", "시군비"],
           ["총사업비", "", "220", "120", "60", "40"],
           ["연도별 투자 실적 및 계획", "기투자", "-", "-", "-", "-"],
           ["", "2023년", "36", "20", "10", "6"],
           ["", "2024년", "61", "35", "15", "11"]], {})],
        ["□ 재원투자 실적 및 계획", "(단위 : 억 원)"]),
    # ... and cut by a page break: both header rows written again over columns laid out anew
    # (국  비  도  비 two spaces apart), the label column empty under the merged cell above
    "aligned_sideways_two_header_rows_break": Expected(
        [([["구  분", "", "계획", "", "", "확보", "", ""],
           ["", "", "계", "국  비", "도  비", "계", "국  비", "도  비"],
           ["총사업비", "", "4,800,000", "2,400,000", "720,000", "3,300,000", "1,650,000", "495,000"],
           ["연도별 투자 실적 및 계획", "기투자", "600,000", "300,000", "90,000", "600,000", "300,000", "90,000"],
           ["", "2024년", "1,200,000", "600,000", "180,000", "1,200,000", "600,000", "180,000"],
           ["", "2025년", "1,500,000", "750,000", "225,000", "97,500", "75,000", "22,500"],
           ["", "2026년", "1,000,000", "500,000", "150,000", "-", "-", "-"]], {})],
        ["□ 재원투자 계획", "(단위 : 천원)", "- 2 -", "솔뫼군수 공약사업 관리카드", "□ 추진실적"],
        ["- 1 -", "솔뫼군수 공약사업 관리카드", "구  분          계획                         확보",
         "계         국  비   도  비   계      국  비  도  비"]),
    # a two-row header written again after a break in the same layout: both rows are furniture
    "aligned_second_header_row_repeated": Expected(
        [([["구분", "", "총사업비", "연도별 투자 실적 및 계획", "", ""],
           ["", "", "", "기투자", "2024년", "2025년"],
           ["계획", "계", "48", "6", "12", "15"],
           ["", "국비", "24", "3", "6", "7.5"],
           ["확보", "계", "33", "6", "12", "15"],
           ["", "국비", "16.5", "3", "6", "7.5"],
           ["집행", "계", "20.7", "6", "11.5", "3.2"]], {})],
        ["□ 재원투자 계획", "(단위 : 억 원)", "- 2 -", "군수 공약사업 관리카드", "□ 추진실적"],
        ["- 1 -", "군수 공약사업 관리카드", "구분        총사업비  연도별 투자 실적 및 계획",
         "기투자                    2024년  2025년"]),
    "pipe_finance_separator": Expected(
        [([["구 분", "총사업비", "2023", "2024", "2025", "2026"],
           ["계", "2,450", "400", "650", "700", "700"],
           ["국비", "1,200", "200", "300", "350", "350"],
           ["도비", "490", "80", "130", "140", "140"],
           ["시비", "760", "120", "220", "210", "210"]], {})],
        ["□ 재원투자 계획", "(단위 : 백만원)", "◦ 국비 확보를 위한 중앙부처 협의 지속"],
        ["|:-----:|---------:|-----:|-----:|-----:|-----:|"]),
    # rows without outer pipes under a separator line; a lone line with a pipe is text
    "pipe_without_outer_pipes": Expected(
        [([YEARLY_HEAD, ["2023", "기본계획 수립", "완료", "100%"], ["2024", "실시설계", "추진중", "60%"]], {})],
        ["《연도별 추진계획》", "국비 | 도비 는 별도 협의 (표 아님)"], ["---|---|---|--:"]),
    "pipe_two_row_header": Expected(
        [([["구 분", "총사업비", PLAN, PLAN, PLAN],
           ["구 분", "총사업비", "2024", "2025", "2026"],
           ["계", "90", "30", "30", "30"],
           ["국비", "45", "15", "15", "15"],
           ["도비", "27", "9", "9", "9"],
           ["시비", "18", "6", "6", "6"]], {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 3)})],
        ["(단위 : 억원)"]),
    "pipe_two_row_header_declared": Expected(
        [([["구 분", "총사업비", PLAN, PLAN, PLAN],
           ["구 분", "총사업비", "2024", "2025", "2026"],
           ["계", "90", "30", "30", "30"],
           ["국비", "45", "15", "15", "15"]], {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 3)})],
        [], ["|---|---|---|---|---|"]),
    "pipe_yearly_plan_page_break": Expected(
        [([YEARLY_HEAD,
           ["2023", "타당성 조사", "완료", "100%"],
           ["2024", "기본 및 실시설계", "완료", "100%"],
           ["2025", "공사 착공", "추진중", "35%"],
           ["2026", "준공 및 운영", "", "-"]], {})],
        ["군수 공약사업 관리카드", "□ 향후계획"],
        ["|------|----------|----------|-------:|", "3 / 12", "군수 공약사업 관리카드",
         "| 연도 | 추진계획 | 추진실적 | 추진율 |", "|------|----------|----------|-------:|"]),
    "tab_yearly_plan": Expected(
        [([YEARLY_HEAD,
           ["2023", "기본계획 수립", "완료", "100%"],
           ["2024", "부지 매입", "추진중", "60%"],
           ["2025", "착공", "", "-"]], {})],
        ["《연도별 추진계획》"]),
    "tab_two_row_header": Expected(
        [([["구 분", "총사업비", PLAN, PLAN, PLAN],
           ["구 분", "총사업비", "2024", "2025", "2026"],
           ["계", "1,500,000", "500,000", "500,000", "500,000"],
           ["국 비", "750,000", "250,000", "250,000", "250,000"],
           ["시 비", "750,000", "250,000", "250,000", "250,000"]], {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 3)})],
        ["(단위 : 천원)"]),
    "tab_communication_page_break": Expected(
        [([["채널", "횟수", "참여인원"], ["주민간담회", "3", "120"], ["공청회", "2", "250"],
           ["만족도 조사", "4", "100"], ["언론·방송", "3", "-"]], {})],
        [], ["- 2 -", "채널\t횟수\t참여인원"]),
    "no_table_prose_and_bullets": Expected([], [
        "□ 사업개요",
        "◦ 사업기간 : 2022~2027년(6년간)  총 6년",
        "◦ 사 업 량 : 5건  (완료 2건)",
        "- 디지털헬스케어 기반  국가혁신클러스터 육성 추진",
        "- 건강보험 빅데이터  진료지원 플랫폼 구축",
        "본 사업은 도민의 건강 증진을 위한 것이다.  앞으로도 계속",
        "추진할 예정이며 관계 기관과 협의 중이다.  예산은 추경에",
        "담  당  자  홍길동",
        "전화번호  3477",
        "* 사업화 지원 59개사,  투자유치 18건",
        "* 참여기업  134개사, 해외바이어  34개국",
    ]),
    # label : value lines lined up with a tab or spaces are no table
    "no_table_label_colon_lines": Expected([], [
        "□ 사업개요", "사업기간\t: 2023~2026년", "총사업비\t: 15,000백만원(국비 4,500, 시비 10,500)",
        "사업위치\t: 한울시 중앙동 일원", "담당부서    : 공원녹지과", "담 당 자    : 문지환",
        "전화번호    : 940-5117"]),
    # one pipe line and one tabbed bullet are no table; the flattened rows (single spaces, a
    # stray double one) stay the numeric grid they were (tests/test_text_reader.py)
    "no_table_single_rows": Expected(
        [([["구분", "총사업비", "연도별 투자 실적 및 계획", "연도별 투자 실적 및 계획", "연도별 투자 실적 및 계획",
            "연도별 투자 실적 및 계획"],
           ["구분", "총사업비", "기투자", "2022년", "2023년", "임기이후"],
           ["계", "100", "10", "20", "30", "40"],
           ["국  비", "60", "6", "12", "18", "24"],
           ["도  비", "40", "4", "8", "12", "-"]], {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 4)})],
        ["| 참고 | 세부 내용은 별첨 |", "◦ 관련 문서\t별첨 1 참조", "(단위 : 백만 원)"]),
}


def read(path: Path) -> Document:
    return TextReader().read(path, path.read_bytes())


def spans(table: Table) -> dict[Span, Span]:
    return {(c.row, c.col): (c.rowspan, c.colspan) for c in table.cells if c.rowspan > 1 or c.colspan > 1}


def test_every_input_has_its_expectation() -> None:
    assert sorted(p.stem for p in TABLES.glob("*.txt")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_grid(name: str) -> None:
    expected = CASES[name]
    document = read(TABLES / f"{name}.txt")
    tables = document.tables()
    assert [t.row_texts() for t in tables] == [rows for rows, _ in expected.tables]
    assert [spans(t) for t in tables] == [s for _, s in expected.tables]
    assert [p.full_text for p in document.paragraphs()] == expected.paragraphs
    assert [f.text for f in document.furniture] == expected.furniture


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_position_has_one_cell(name: str) -> None:
    for table in read(TABLES / f"{name}.txt").tables():
        grid = table.grid()
        assert all(cell is not None for row in grid for cell in row)
        covered = sum(c.rowspan * c.colspan for c in table.cells)
        assert covered == table.rows * table.cols


@pytest.mark.parametrize("name", sorted(CASES))
def test_provenance_points_at_the_source_lines(name: str) -> None:
    path = TABLES / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    document = read(path)
    for table in document.tables():
        for cell in table.cells:
            for held in cell.paragraphs:
                assert held.provenance.line is not None
                first = held.provenance.line - 1  # a numeric grid's group header joins its lines
                assert "".join(held.text.split()) in "".join("".join(lines[first:first + 3]).split())
    for dropped in document.furniture:
        assert dropped.provenance.line is not None
        assert lines[dropped.provenance.line - 1].strip() == dropped.text


def test_blocks_keep_reading_order() -> None:
    document = read(TABLES / "aligned_yearly_plan_page_break.txt")
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph", "Paragraph"]
    assert isinstance(document.blocks[0], Paragraph)
