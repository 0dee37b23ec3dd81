"""The text reader: encodings, line endings, glyphs, paragraphs and rebuilt tables."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from pledgecard.extract import ReadError, read_document, sniff_format
from pledgecard.extract.document import Paragraph, Table
from pledgecard.extract.text.reader import TextReader

CARD_LINE = "도지사 공약사업 관리카드\n\n공 약 명 디지털헬스케어 메카 육성 관리번호 2-16\n"


def read(data: bytes) -> list[Paragraph | Table]:
    return TextReader().read(Path("x.txt"), data).blocks


def texts(data: bytes) -> list[str]:
    return [b.full_text for b in read(data) if isinstance(b, Paragraph)]


@pytest.mark.parametrize("encoding", [
    pytest.param("utf-8", id="utf-8"),
    pytest.param("utf-8-sig", id="utf-8-bom"),
    pytest.param("cp949", id="cp949"),
    pytest.param("euc-kr", id="euc-kr"),
    pytest.param("utf-16", id="utf-16-bom"),
    pytest.param("utf-16-le", id="utf-16-le-no-bom"),
    pytest.param("utf-16-be", id="utf-16-be-no-bom"),
])
def test_encodings_decode_to_the_same_text(encoding: str) -> None:
    assert texts(CARD_LINE.encode(encoding)) == texts(CARD_LINE.encode("utf-8"))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings(newline: str) -> None:
    data = CARD_LINE.replace("\n", newline).encode()
    assert texts(data) == ["도지사 공약사업 관리카드", "공 약 명 디지털헬스케어 메카 육성 관리번호 2-16"]


def test_unicode_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", CARD_LINE)
    assert texts(decomposed.encode()) == texts(CARD_LINE.encode())


@pytest.mark.parametrize(("glyph", "bullet"), [
    pytest.param("\ufffd", "\ufffd", id="replacement-char"),  # a lost glyph stays lost: heading or item by its words
    pytest.param("\uf06e", "□", id="hancom-private-use-square"),
    pytest.param("◦", "◦", id="white-bullet"),
    pytest.param("○", "○", id="circle"),
    pytest.param("ㅇ", "ㅇ", id="hangul-ieung"),
])
def test_bullet_glyphs(glyph: str, bullet: str) -> None:
    (paragraph,) = read(f"{glyph}   사업개요\n".encode())
    assert isinstance(paragraph, Paragraph)
    assert (paragraph.bullet, paragraph.text) == (bullet, "사업개요")


@pytest.mark.parametrize(("line", "bullet"), [
    ("- 항목", "-"), ("-5%", None), ("* 참고", "*"), ("※참고", "※"), ("K-바이오", None), ("· 항목", "·"),
])
def test_bullet_needs_space_after_ascii_glyphs(line: str, bullet: str | None) -> None:
    (paragraph,) = read(line.encode())
    assert isinstance(paragraph, Paragraph) and paragraph.bullet == bullet


def test_indented_line_continues_its_paragraph() -> None:
    data = "* 첫 줄, \n   이어지는 줄\n- 다음 항목\n".encode()
    assert texts(data) == ["* 첫 줄, 이어지는 줄", "- 다음 항목"]


def test_line_provenance() -> None:
    blocks = read("\n\n첫째\n\n둘째\n".encode())
    assert [b.provenance.line for b in blocks] == [3, 5]


FLATTENED_FINANCE = """(단위 : 백만 원)

구  분 총사업비
연도별 투자 실적 및 계획

기투자 2022년 2023년 임기이후

계 100 10 20 30 40

국  비 60 6 12 18 24

도  비 40 4 8 12 -
"""


def test_flattened_numeric_table_is_rebuilt_with_spans() -> None:
    blocks = read(FLATTENED_FINANCE.encode())
    unit, table = blocks
    assert isinstance(unit, Paragraph) and isinstance(table, Table)
    assert (table.rows, table.cols) == (5, 6)
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells if c.row < 2}
    assert spans[(0, 0)] == (2, 1, "구분")
    assert spans[(0, 1)] == (2, 1, "총사업비")
    assert spans[(0, 2)] == (1, 4, "연도별 투자 실적 및 계획")
    assert [spans[(1, c)][2] for c in range(2, 6)] == ["기투자", "2022년", "2023년", "임기이후"]
    assert table.row_texts()[4] == ["도  비", "40", "4", "8", "12", "-"]


BOX = """┏━━━━━━┯━━━━━━┯━━━━━━┓
┃ 구분 │ 2023 │ 2024 ┃
┠──────┼──────┴──────┨
┃ 계   │ 합쳐진 칸   ┃
┠──────┼──────┬──────┨
┃ 국비 │ 1    │ 2    ┃
┃      ├──────┼──────┨
┃      │ 3    │ 4    ┃
┗━━━━━━┷━━━━━━┷━━━━━━┛
"""


def test_box_drawn_table_with_column_and_row_spans() -> None:
    (table,) = read(BOX.encode())
    assert isinstance(table, Table)
    assert (table.rows, table.cols) == (4, 3)
    cells = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells}
    assert cells[(1, 1)] == (1, 2, "합쳐진 칸")
    assert cells[(2, 0)] == (2, 1, "국비")
    assert cells[(3, 2)] == (1, 1, "4")


@pytest.mark.parametrize(("data", "reason"), [
    pytest.param(b"", "empty file", id="empty"),
    pytest.param(bytes(range(256)) * 8, "unknown format", id="binary-garbage"),
    pytest.param(b"\x00\x01\x02\x03garbage\xff\xfe\x00" * 50, "unknown format", id="nul-bytes"),
])
def test_unreadable_input_is_a_clear_read_error(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(Path("bad.txt"), data)
    assert reason in caught.value.reason.lower()


def test_format_is_sniffed_from_bytes_not_name() -> None:
    assert sniff_format(CARD_LINE.encode()) == "txt"
    assert sniff_format(codecs.BOM_UTF16_LE + CARD_LINE.encode("utf-16-le")) == "txt"
