"""Any mix of table-like lines (aligned, tabbed, piped, page furniture, prose, blanks) reads
without error, every table is a full grid, and no character is lost."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgecard.extract.text.reader import TextReader

from .test_text_tables_invariant import characters, document_characters

LINES = [
    "구 분         총사업비        2023        2024",
    "계          12,500,000     350,000   2,350,000",
    "국  비        3,000,000           -     600,000",
    "                          <2024>",
    "        2023      2024",
    "구 분       총사업비             연도별 투자계획",
    "직  위    국 장       과 장",
    "연도\t추진계획\t추진실적",
    "\t\t2024\t2025",
    "2023\t기본계획 수립\t완료",
    "\t· 후속 조치",
    "◦ 관련 문서\t별첨 1 참조",
    "| 연도 | 추진계획 | 추진실적 |",
    "|---|:---:|---:|",
    "| 2023 | 착공<br>1단계 | 완료 |",
    "| | | 2025 |",
    "|",
    "연도 | 계획",
    "---|:--",
    "- 3 -",
    "3 / 12",
    "시장 공약사업 관리카드",
    "국  비 58,266 14,494 7,519  9,806 6,835",
    "◦ 사업기간 : 2022~2027년  총 6년",
    "본 사업은 계속 추진한다.  예산은 추경에",
    "   들여쓴  줄",
    "",
    "",
]


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=30))
def test_any_mix_reads_whole(lines: list[str]) -> None:
    data = "\n".join(lines).encode()
    document = TextReader().read(Path("mix.txt"), data)
    for table in document.tables():
        assert table.rows >= 1 and table.cols >= 1
        assert sum(c.rowspan * c.colspan for c in table.cells) == table.rows * table.cols
        assert all(cell is not None for row in table.grid() for cell in row)
    assert document_characters(document) == characters(data.decode())
