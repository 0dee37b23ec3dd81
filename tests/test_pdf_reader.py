"""The PDF reader: tables with spans, body text apart from tables, joins, bad and odd PDFs, word
spaces from space glyphs or gaps, page furniture set aside and every letter accounted for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pledgecard.extract import ReadError, read_document, sniff_format
from pledgecard.extract.document import Cell, Paragraph, Table
from pledgecard.extract.pdf.lines import line_text
from pledgecard.extract.pdf.page import SPACE, Char, read_page
from pledgecard.extract.pdf.reader import join_tables
from pledgecard.pipeline import parse_bytes

from .conftest import DATA, SAMPLES

SEED_PDF = SAMPLES / "gangwon-2-16" / "gangwon-2-16.pdf"


def read(path: Path) -> list[Paragraph | Table]:
    return read_document(path, path.read_bytes()).blocks


def test_finance_table_spans_are_rebuilt_from_geometry() -> None:
    finance = next(b for b in read(SEED_PDF) if isinstance(b, Table) and b.cols == 9)
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in finance.cells if c.row == 0}
    assert spans == {(0, 0): (2, 1, "구 분"), (0, 1): (2, 1, "총사업비"), (0, 2): (1, 7, "연도별 투자 실적 및 계획")}
    assert finance.row_texts()[5][:3] == ["시군비", "8,281", "380"]


def test_table_text_does_not_leak_into_paragraphs() -> None:
    paragraphs = " ".join(b.full_text for b in read(SEED_PDF) if isinstance(b, Paragraph))
    assert "89,873 20,919" not in paragraphs and "58,266" in paragraphs  # 58,266 is in 사업개요


def test_table_continued_on_the_next_page_is_joined_without_its_repeated_header() -> None:
    achievement = [b for b in read(SEED_PDF) if isinstance(b, Table) and b.cols == 4]
    first = achievement[0]
    assert {first.provenance.page} == {3}
    texts = [row[1] for row in first.row_texts()]
    assert texts.count("목표치") == 1 and "<2023>" in texts and "<2024>" in texts


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
    pytest.param([6.1, 6.4, 7.1, 4.8], "생활SOC", id="stretched-around-latin-letters"),
    pytest.param([5.2, 5.2, 5.2, 4.3, -0.1, 5.2, 0.2], "사 업 량 : 3개 지구", id="letter-spaced-label"),
])
def test_word_spaces_are_relative_to_the_lines_letter_gap(gaps: list[float], expected: str) -> None:
    letters = expected.replace(" ", "")
    chars, x = [], 0.0
    for i, letter in enumerate(letters):
        chars.append(Char(letter, x, x + 10.0, 0.0, 11.5, 10.0))
        x += 10.0 + (gaps[i] if i < len(gaps) else 0.0)
    assert line_text(chars) == expected


def spaced_line(parts: list[tuple[str, float]]) -> list[Char]:
    """Characters of one line: each part's letters 10 pt wide, then the gap after the part
    (``" "`` parts are space glyphs, as LibreOffice writes them)."""
    chars, x = [], 0.0
    for text, gap in parts:
        for letter in text:
            width = 2.8 if letter == SPACE else 10.0
            chars.append(Char(letter, x, x + width, 0.0, 11.5, 10.0))
            x += width
        x += gap
    return chars


@pytest.mark.parametrize(("parts", "expected"), [
    # LibreOffice sets about 2 pt between digits or Latin and Hangul: no space glyph, no space
    pytest.param([("2022~2027", 2.0), ("년(6", 2.0), ("년간)", 0.0)], "2022~2027년(6년간)", id="digit-gap"),
    pytest.param([("읍·면", 0.0), (" ", 0.0), ("생활SOC", 2.0), ("복합센터", 0.0)], "읍·면 생활SOC복합센터",
                 id="latin-gap"),
    pytest.param([("공영주차장", 0.0), (" ", 0.0), ("3", 2.0), ("개소", 0.0)], "공영주차장 3개소", id="space-glyph"),
    pytest.param([("구분", 12.0), ("총사업비", 0.0)], "구분 총사업비", id="tab-wide-gap"),
])
def test_a_producer_writing_space_glyphs_is_taken_at_its_word(
        parts: list[tuple[str, float]], expected: str) -> None:
    assert line_text(spaced_line(parts), text_spaces=True) == expected


def test_without_space_glyphs_the_gaps_decide() -> None:
    assert line_text(spaced_line([("공영주차장", 4.0), ("3개소", 0.0)])) == "공영주차장 3개소"


@pytest.mark.parametrize("name", ["suwon-3-07-1", "bad-sums-1", "cp949-card-1", "gangwon-2-16-1"])
def test_libreoffice_pdfs_read_no_space_between_digits_and_hangul(name: str) -> None:
    path = DATA / "roundtrip" / f"{name}.libreoffice.pdf"
    text = "\n".join(b.full_text for b in read(path) if isinstance(b, Paragraph))
    assert "사업기간 : 20" in text or "추진기간 : 20" in text
    for spaced in (" 년", " 개소", " 억 원", " 월"):
        assert f"0{spaced}" not in text and f"1{spaced}" not in text


def text_pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """A minimal A4 PDF: on each page, lines ``(x, y from the top, text)`` in Helvetica 10 pt."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        stream = "".join(f"BT /F1 10 Tf {x} {842 - y} Td ({text}) Tj ET\n" for x, y, text in lines).encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_running_headers_and_page_numbers_are_set_aside_as_furniture() -> None:
    pages = [[(72.0, 40.0, "Pledge cards 2025"), (72.0, 120.0, f"Body of page {n}"), (290.0, 800.0, f"- {n} -")]
             for n in (1, 2)]
    document = read_document(Path("furniture.pdf"), text_pdf(pages))
    assert [b.full_text for b in document.paragraphs()] == ["Body of page 1", "Body of page 2"]
    assert not document.tables()
    assert [(p.text, p.provenance.page) for p in document.furniture] == [
        ("Pledge cards 2025", 1), ("- 1 -", 1), ("Pledge cards 2025", 2), ("- 2 -", 2)]


def test_the_repeated_header_row_of_a_continued_table_is_furniture() -> None:
    document = read_document(SEED_PDF, SEED_PDF.read_bytes())
    assert "주요사업" in [p.text for p in document.furniture]


def _letters(text: str) -> Counter[str]:
    """Hangul syllables and ASCII letters and digits: what no reader may lose (bullet glyphs,
    which readers map, and spaces are left out)."""
    return Counter(ch for ch in text if "가" <= ch <= "힣" or (ch.isascii() and ch.isalnum()))


EVERY_PDF = sorted([*SAMPLES.glob("*/*.pdf"), *(DATA / "roundtrip").glob("*.pdf"),
                    *(DATA / "pdf_layouts").glob("*.pdf")])


@pytest.mark.parametrize("path", EVERY_PDF, ids=[p.name for p in EVERY_PDF])
def test_every_letter_lands_in_a_block_or_the_furniture(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    try:
        source = sum((_letters("".join(c.text for c in read_page(pdf, i).chars)) for i in range(len(pdf))), Counter())
    finally:
        pdf.close()
    document = read_document(path, path.read_bytes())
    got: Counter[str] = Counter()
    for block in [*document.blocks, *document.furniture]:
        texts = [block.full_text] if isinstance(block, Paragraph) else \
            [p.full_text for c in block.cells for p in c.paragraphs]
        got += _letters(" ".join(texts))
    assert (source - got, got - source) == (Counter(), Counter())


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
