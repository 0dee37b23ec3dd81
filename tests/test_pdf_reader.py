"""The PDF reader: tables with spans, body text apart from tables, joins, bad and odd PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgecard.extract import ReadError, read_document, sniff_format
from pledgecard.extract.document import Cell, Paragraph, Table
from pledgecard.extract.pdf.lines import line_text
from pledgecard.extract.pdf.page import Char
from pledgecard.extract.pdf.reader import join_tables
from pledgecard.pipeline import parse_bytes

from .conftest import DATA, SAMPLES

SEED_PDF = SAMPLES / "gangwon-2-16" / "gangwon-2-16.pdf"


def read(path: Path) -> list[Paragraph | Table]:
    return read_document(path, path.read_bytes()).blocks


def test_finance_table_spans_are_rebuilt_from_geometry() -> None:
    finance = next(b for b in read(SEED_PDF) if isinstance(b, Table) and b.cols == 9)
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in finance.cells if c.row == 0}
    assert spans == {(0, 0): (2, 1, "구분"), (0, 1): (2, 1, "총사업비"), (0, 2): (1, 7, "연도별 투자 실적 및 계획")}
    assert finance.row_texts()[5][:3] == ["시군비", "8,281", "380"]


def test_table_text_does_not_leak_into_paragraphs() -> None:
    paragraphs = " ".join(b.full_text for b in read(SEED_PDF) if isinstance(b, Paragraph))
    assert "89,873 20,919" not in paragraphs and "58,266" in paragraphs  # 58,266 is in 사업개요


def test_table_continued_on_the_next_page_is_joined_without_its_repeated_header() -> None:
    achievement = [b for b in read(SEED_PDF) if isinstance(b, Table) and b.cols == 4]
    first = achievement[0]
    assert {first.provenance.page} == {3}
    texts = [row[1] for row in first.row_texts()]
    assert texts.count("목표치") == 1 and "<2023> (23년 목표 달성 여부 작성)".replace(" ", "") in [
        t.replace("\n", "").replace(" ", "") for t in texts]
    assert any(t.startswith("<2024>") for t in texts)


def cell(row: int, col: int, text: str, rowspan: int = 1) -> Cell:
    return Cell(row=row, col=col, rowspan=rowspan, text=text)


def test_join_recovers_a_merged_cell_cut_by_the_page_break() -> None:
    first = Table(rows=3, cols=2, cells=[cell(0, 0, "사업"), cell(0, 1, "내용"),
                                         cell(1, 0, "A", rowspan=2), cell(1, 1, "a1"), cell(2, 1, "a2")])
    second = Table(rows=3, cols=2, cells=[cell(0, 0, "사업"), cell(0, 1, "내용"),
                                          cell(1, 0, ""), cell(1, 1, "a3"), cell(2, 0, "B"), cell(2, 1, "b1")])
    joined = join_tables(first, second)
    assert joined.rows == 5
    assert [row[0] for row in joined.row_texts()] == ["사업", "A", "A", "A", "B"]


@pytest.mark.parametrize(("gaps", "expected"), [
    pytest.param([0.2, 0.2, 5.2, 0.2], "가나다 라마", id="word-space"),
    pytest.param([11.0, 11.3, 10.8], "비R&D", id="stretched-letter-by-letter"),
    pytest.param([5.2, 5.2, 5.2, 4.3, -0.1, 5.2, 0.2], "사 업 량 : 3개 지구", id="letter-spaced-label"),
])
def test_word_spaces_are_relative_to_the_lines_letter_gap(gaps: list[float], expected: str) -> None:
    letters = expected.replace(" ", "")
    chars, x = [], 0.0
    for i, letter in enumerate(letters):
        chars.append(Char(letter, x, x + 10.0, 0.0, 11.5, 10.0))
        x += 10.0 + (gaps[i] if i < len(gaps) else 0.0)
    assert line_text(chars) == expected


def test_a_pdf_named_hwp_is_read_as_pdf(tmp_path: Path) -> None:
    renamed = tmp_path / "card.hwp"
    renamed.write_bytes(SEED_PDF.read_bytes())
    result = parse_bytes(renamed.read_bytes(), str(renamed))
    assert result.format == "pdf" and result.cards[0].pledge.number == "2-16"
    assert sniff_format(SEED_PDF.read_bytes()[:4096]) == "pdf"


@pytest.mark.parametrize(("name", "reason"), [
    pytest.param("password.pdf", "encrypted document (password-protected PDF)", id="password"),
    pytest.param("image-only.pdf", "scanned PDF with no text layer (OCR is not supported)", id="scan"),
])
def test_unreadable_pdfs_fail_clearly(name: str, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        read(DATA / "pdf" / name)
    assert caught.value.reason == reason


def test_an_image_only_page_is_a_finding() -> None:
    path = DATA / "pdf" / "mixed-scan.pdf"
    result = parse_bytes(path.read_bytes(), path.name)
    assert result.cards and [f.code for f in result.findings] == ["pdf.no_text_layer"]
    assert result.findings[0].path == "page 2"


@pytest.mark.parametrize("data", [
    pytest.param(b"%PDF-1.7\n", id="header-only"),
    pytest.param(SEED_PDF.read_bytes()[:5000], id="truncated"),
    pytest.param(b"%PDF-1.4\n" + bytes(range(256)) * 20, id="garbage-body"),
])
def test_broken_pdfs_are_read_errors(data: bytes) -> None:
    result = parse_bytes(data, "broken.pdf")
    assert result.status == "failed" and result.reason
