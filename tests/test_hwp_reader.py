"""The HWP 5 reader: real files (tables, bullets, 배포용, password), and hostile inputs built here.

The external files and their provenance are in ``tests/data/external/hwp/`` (SOURCES.md).
Table grids are compared with goldens (``--regen-golden`` rewrites them); where pyhwp is
installed the grids and the 배포용 decryption are also checked against it.
"""

from __future__ import annotations

import io
import json
import random
import struct
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import olefile
import pytest

from pledgecard.extract import ReadError, read_document, sniff_format
from pledgecard.extract.document import Document, Paragraph, Table
from pledgecard.extract.hwp.container import NOT_HWP, Container, inflate
from pledgecard.extract.hwp.distdoc import MISSING_CRYPTOGRAPHY, decrypt_view_text
from pledgecard.extract.hwp.docinfo import parse_doc_info
from pledgecard.extract.hwp.paratext import Control, decode_para_text
from pledgecard.extract.hwp.reader import HwpReader
from pledgecard.extract.hwp.records import TAG_NUMBERING, TAG_PARA_SHAPE, split_records
from pledgecard.extract.numbering import ParaHead
from pledgecard.pipeline import parse_bytes

from .blocks import all_cells, all_paragraphs, dump_grids, grids, walk_tables
from .conftest import DATA

EXTERNAL = DATA / "external" / "hwp"
FILES = sorted(EXTERNAL.glob("*.hwp"))
PASSWORD = "ohah-hwpjs__password-12345.hwp"
READABLE = [p for p in FILES if p.name != PASSWORD]
DISTRIBUTION = ["ohah-hwpjs__distribution.hwp", "neolord0-hwplib__distribution.hwp"]
#: The placeholder a 배포용 file's BodyText holds for old viewers.
PLACEHOLDER = "상위 버전의 배포용 문서"


def read(name: str) -> Document:
    path = EXTERNAL / name
    return HwpReader().read(path, path.read_bytes())


def read_bytes(data: bytes) -> Document:
    return HwpReader().read(Path("x.hwp"), data)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_reads_or_says_encrypted(path: Path) -> None:
    data = path.read_bytes()
    assert sniff_format(data) == "hwp"
    if path.name == PASSWORD:
        with pytest.raises(ReadError, match="encrypted"):
            read_document(path, data)
        return
    document = read_document(path, data)
    assert document.format == "hwp"
    assert document.blocks


@pytest.mark.golden
@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_table_grids_match_golden(path: Path, regen_golden: bool) -> None:
    golden = path.with_name(f"{path.stem}.grid.json")
    actual = grids(read(path.name).blocks)
    if regen_golden:
        golden.write_text(dump_grids(actual), encoding="utf-8")
    assert json.loads(dump_grids(actual)) == {"tables": actual}
    assert json.loads(golden.read_text(encoding="utf-8")) == {"tables": actual}


@pytest.mark.parametrize(("name", "tables", "merged", "nested"), [
    ("ohah-hwpjs__table-bug.hwp", 17, 143, 5),
    ("ohah-hwpjs__noori.hwp", 5, 1, 0),
    ("ohah-hwpjs__table.hwp", 1, 2, 0),
    ("ohah-hwpjs__sample-5017.hwp", 3, 0, 0),
    ("hahnlee-hwpjs__basicsReport.hwp", 5, 0, 1),
    ("ohah-hwpjs__distribution.hwp", 5, 1, 0),
    ("neolord0-hwplib__distribution.hwp", 1, 1, 0),
])
def test_table_counts(name: str, tables: int, merged: int, nested: int) -> None:
    found = list(walk_tables(read(name).blocks))
    assert len(found) == tables
    assert sum(1 for _, t in found for c in t.cells if c.rowspan > 1 or c.colspan > 1) == merged
    assert sum(1 for path, _ in found if "/" in path) == nested


def test_span_geometry() -> None:
    (table,) = read("ohah-hwpjs__table.hwp").tables()
    assert (table.rows, table.cols) == (2, 3)
    spans = {(c.row, c.col): (c.rowspan, c.colspan) for c in table.cells}
    assert spans == {(0, 0): (1, 1), (0, 1): (1, 1), (0, 2): (2, 1), (1, 0): (1, 2)}
    assert table.grid()[1][2] is table.grid()[0][2]


def test_header_table_with_colspan() -> None:
    table = read("ohah-hwpjs__noori.hwp").tables()[0]
    rows = table.row_texts()
    assert rows[0][0] == "보도일시" and rows[0][1] == rows[0][3]
    assert [rows[1][0], rows[1][2]] == ["배포일시", "담당부서"]


def test_nested_table_inside_a_cell() -> None:
    nested = [(path, t) for path, t in walk_tables(read("hahnlee-hwpjs__basicsReport.hwp").blocks) if "/" in path]
    assert [(path, t.rows, t.cols) for path, t in nested] == [("1/0", 5, 2)]


def test_multi_paragraph_cell_joins_with_newlines() -> None:
    table = read("ohah-hwpjs__sample-5017.hwp").tables()[0]
    cell = table.grid()[1][1]
    assert cell is not None
    assert cell.text == "B10\nB11"
    assert [p.text for p in cell.paragraphs] == ["B10", "B11"]


def test_text_around_tables_keeps_reading_order() -> None:
    blocks = read("ohah-hwpjs__sample-5017.hwp").blocks
    kinds = [b.text if isinstance(b, Paragraph) else f"<{b.rows}x{b.cols}>" for b in blocks]
    start = kinds.index("표")
    assert kinds[start:start + 4] == ["표", "<2x2>", "표끝", "<1x1>"]


def test_text_box_paragraph_is_kept() -> None:
    texts = [p.text for p in read("ohah-hwpjs__table-bug.hwp").paragraphs()]
    assert "주제" in texts


@pytest.mark.parametrize(("name", "header_text"), [
    ("hahnlee-hwpjs__basicsReport.hwp", "리포트 제목 / 전공명"),
    ("ohah-hwpjs__distribution.hwp", "ᄒᆞᆫ글 문서 파일 형식 – 배포용 문서"),
])
def test_headers_and_footers_stay_out_of_the_body(name: str, header_text: str) -> None:
    texts = [p.full_text for p in all_paragraphs(read(name).blocks)]
    assert header_text not in texts


def test_private_use_letter_at_line_start_is_not_a_bullet() -> None:
    # U+F53A is Hancom's glyph for the old-Hangul 한 of 한글, not a bullet.
    (title,) = [p for p in read("ohah-hwpjs__distribution.hwp").paragraphs() if "글 문서 파일 구조 -" in p.text]
    assert (title.bullet, title.text) == (None, "\uf53a글 문서 파일 구조 - 배포용 문서")


@pytest.mark.parametrize(("name", "words"), [
    ("neolord0-hwplib__distribution.hwp", ["입찰공고", "입찰참가자격", "낙찰자 결정방법", "청렴계약이행서약서"]),
    ("ohah-hwpjs__distribution.hwp", ["배포용 문서 데이터", "Seed 찾기", "AES-128"]),
])
def test_distribution_documents_give_their_real_text(name: str, words: list[str]) -> None:
    text = "\n".join(p.full_text for p in all_paragraphs(read(name).blocks))
    assert PLACEHOLDER not in text
    for word in words:
        assert word in text


@pytest.mark.parametrize("name", DISTRIBUTION)
def test_distribution_decryption_matches_pyhwp(name: str) -> None:
    xmlmodel = pytest.importorskip("hwp5.xmlmodel")
    path = EXTERNAL / name
    expected = xmlmodel.Hwp5File(str(path)).text.section(0).open().read()
    container = Container(path.read_bytes())
    stream = "ViewText/Section0"
    assert inflate(decrypt_view_text(container.raw(stream), stream), stream) == expected


def test_distribution_without_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers", None)
    with pytest.raises(ReadError) as info:
        read(DISTRIBUTION[1])
    assert info.value.reason == MISSING_CRYPTOGRAPHY
    assert "cryptography" in info.value.reason and "[hwp]" not in info.value.reason  # not the AGPL extra


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_grids_match_pyhwp(path: Path) -> None:
    xmlmodel = pytest.importorskip("hwp5.xmlmodel")
    binmodel = pytest.importorskip("hwp5.binmodel")
    hwp = xmlmodel.Hwp5File(str(path))
    text = hwp.text if hwp.header.flags.distributable else hwp.bodytext
    expected: list[tuple[Any, ...]] = []
    for section in text.sections:
        for model in section.models():
            content = model["content"]
            if model["type"] is binmodel.TableBody:
                expected.append(("table", content["rows"], content["cols"]))
            elif model["type"] is binmodel.TableCell:
                expected.append((content["row"], content["col"], content["rowspan"], content["colspan"]))
    actual: list[tuple[Any, ...]] = []

    def table(t: Table) -> None:
        actual.append(("table", t.rows, t.cols))
        for c in t.cells:
            actual.append((c.row, c.col, c.rowspan, c.colspan))
            for nested in c.tables:
                table(nested)

    for block in read(path.name).tables():
        table(block)
    assert actual == expected


# ----------------------------------------------------------------------------- bullets, text

def test_automatic_bullets_from_para_shape() -> None:
    document = read("ohah-hwpjs__noori.hwp")
    squares = [p for p in document.paragraphs() if p.bullet == "□"]
    assert len(squares) == 4
    assert squares[0].text.startswith("과학기술정보통신부")
    cell = document.tables()[1].cells[0]
    dashes = [p for p in cell.paragraphs if p.bullet == "-"]
    assert len(dashes) == 2 and dashes[0].text.startswith("“세상”의 옛말로")


def test_private_use_bullet_is_mapped() -> None:
    document = read("ohah-hwpjs__distribution.hwp")
    bullets = {p.bullet for p in all_paragraphs(document.blocks) if p.bullet}
    assert "▪" in bullets  # Hancom U+F0A7
    assert not any(0xE000 <= ord(b[0]) <= 0xF8FF for b in bullets)


def test_typed_glyphs_are_split() -> None:
    paragraphs = all_paragraphs(read("neolord0-hwplib__distribution.hwp").blocks)
    notes = [p for p in paragraphs if p.bullet == "※"]
    assert notes and notes[0].text.startswith("입찰서 제출 전까지")
    checkboxes = all_cells(read("ohah-hwpjs__table-bug.hwp").blocks)
    assert any(c.text == "□ 25년 활동\n□ 26년 신규" for c in checkboxes)


def test_automatic_paragraph_numbers() -> None:
    """문단 번호 (table-bug's form, as in its HWPX twin) and 개요 번호 through the section's numbering."""
    texts = [p.text for p in all_paragraphs(read("ohah-hwpjs__table-bug.hwp").blocks)]
    assert "1. 이름:" in texts and "4. 연락처:" in texts
    headings = [p.text for p in all_paragraphs(read("hahnlee-hwpjs__basicsReport.hwp").blocks)]
    assert "1. 본문 중제목 (본문 중제목)" in headings
    assert "1.2. 본문 소제목: Title(본문소제목)" in headings
    outline = [p.text for p in all_paragraphs(read("ohah-hwpjs__distribution.hwp").blocks)]
    assert "2.1. Seed 찾기" in outline


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_outline_levels_match_pyhwp(path: Path) -> None:
    """Each top-level paragraph's outline level is its PARA_SHAPE's (head shape 개요, level + 1), as pyhwp reads it."""
    xmlmodel = pytest.importorskip("hwp5.xmlmodel")
    binmodel = pytest.importorskip("hwp5.binmodel")
    hwp = xmlmodel.Hwp5File(str(path))
    flags = [m["content"]["parashapeflags"] for m in hwp.docinfo.models() if m["type"] is binmodel.ParaShape]
    text = hwp.text if hwp.header.flags.distributable else hwp.bodytext
    expected: dict[tuple[int | None, int | None], int | None] = {}
    for number, section in enumerate(text.sections):
        top = [m["content"] for m in section.models() if m["type"] is binmodel.Paragraph and m["level"] == 0]
        for index, content in enumerate(top):
            shape = flags[content["parashape_id"]]
            outline = shape.head_shape == binmodel.ParaShape.HeadShape.OUTLINE
            expected[number, index] = shape.level + 1 if outline else None
    actual = {(p.provenance.section, p.provenance.paragraph): p.outline for p in read(path.name).paragraphs()}
    assert actual == {key: expected[key] for key in actual}


@pytest.mark.parametrize(("name", "levels"), [
    ("ohah-hwpjs__distribution.hwp", {"배포용 문서": 1, "1. 배포용 문서 데이터": 2, "2.1. Seed 찾기": 3}),
    ("hahnlee-hwpjs__basicsReport.hwp",
     {"1. 본문 중제목 (본문 중제목)": 1, "1.2. 본문 소제목: Title(본문소제목)": None}),
])
def test_outline_levels_of_real_files(name: str, levels: dict[str, int | None]) -> None:
    """개요 paragraphs at their levels; a 문단 번호 paragraph (1.2.) is no outline."""
    found = {p.text: p.outline for p in all_paragraphs(read(name).blocks)}
    assert {text: found[text] for text in levels} == levels


OUTLINE = DATA / "outline"
OUTLINE_HWP = [e for e in json.loads((OUTLINE / "manifest.json").read_text(encoding="utf-8"))
               if e["file"].endswith(".hwp")]


@pytest.mark.parametrize("entry", OUTLINE_HWP, ids=lambda e: e["file"])
def test_outline_headings_written_by_hwp_converter_ai(entry: dict[str, str]) -> None:
    """Headings given 개요 1's PARA_SHAPE: outline 1, numbered by the outline numbering or not at all."""
    path = OUTLINE / entry["file"]
    paragraphs = all_paragraphs(HwpReader().read(path, path.read_bytes()).blocks)
    outlined = [p.text for p in paragraphs if p.outline is not None]
    assert {p.outline for p in paragraphs} == {None, 1}
    last = "참고자료" if entry["variant"] == "glyphless" else "7. 참고자료"
    assert len(outlined) == 7 and outlined[-1] == last
    assert outlined[0] == ("사업개요" if entry["variant"] == "glyphless" else "1. 사업개요")


def _level(code: int, template: str) -> bytes:
    return struct.pack("<IhHI", code << 5, 0, 50, 0) + struct.pack("<H", len(template)) + template.encode("utf-16le")


def test_numbering_record_layout() -> None:
    formats = [(0, "^1."), (8, "^2."), (1, "^3"), (12, "(^4)"), (2, "^5"), (10, "^6"), (15, "^7")]
    levels = b"".join(_level(code, text) for code, text in formats)
    full = levels + struct.pack("<H", 1) + struct.pack("<7I", 1, 1, 3, 1, 1, 1, 1) + _level(5, "^8") * 3
    shape = struct.pack("<I", 2 << 23 | 1 << 25) + bytes(26) + struct.pack("<H", 1)
    records = (_record(TAG_NUMBERING, 0, full) + _record(TAG_NUMBERING, 0, levels[:20])
               + _record(TAG_PARA_SHAPE, 0, shape))
    info = parse_doc_info(split_records(records, "DocInfo"))
    heads = info.numberings["1"]
    assert [h.num_format for h in heads.values()] == [
        "DIGIT", "HANGUL_SYLLABLE", "CIRCLED_DIGIT", "HANGUL_PHONETIC", "ROMAN_CAPITAL", "HANGUL_JAMO", "DIGIT",
        "LATIN_SMALL", "LATIN_SMALL", "LATIN_SMALL"]
    assert heads[3] == ParaHead(start=3, num_format="CIRCLED_DIGIT", template="^3")
    assert heads[8].start == 1  # extended levels without their start numbers
    assert info.numberings["2"] == {1: ParaHead(start=1, num_format="DIGIT", template="^1.")}  # cut short
    assert (info.para_shapes[0].head, info.para_shapes[0].level, info.para_shapes[0].head_id) == (2, 1, 1)


def test_private_use_letters_inside_text_are_kept() -> None:
    texts = [p.text for p in read("ohah-hwpjs__sample-5017.hwp").paragraphs()]
    assert any("\uf53a글 워드 프로세서" in t for t in texts)


def test_depth_from_left_margin() -> None:
    depths = {p.depth for p in read("hahnlee-hwpjs__basicsReport.hwp").paragraphs()}
    assert 0 in depths and max(depths) > 0


def test_no_empty_paragraphs_and_nfc() -> None:
    import unicodedata
    for path in READABLE:
        for p in all_paragraphs(read(path.name).blocks):
            assert p.full_text.strip()
            assert unicodedata.is_normalized("NFC", p.text)


def test_provenance_everywhere() -> None:
    document = read("ohah-hwpjs__table-bug.hwp")
    for block in document.blocks:
        assert block.provenance.section == 0
        assert block.provenance.paragraph is not None
    indexes = []
    for _, table in walk_tables(document.blocks):
        assert table.provenance.table is not None
        indexes.append(table.provenance.table)
        for cell in table.cells:
            prov = cell.provenance
            assert (prov.table, prov.row, prov.col) == (table.provenance.table, cell.row, cell.col)
            for p in cell.paragraphs:
                assert p.provenance == prov
    assert indexes == list(range(17))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_pipeline_never_raises(path: Path) -> None:
    result = parse_bytes(path.read_bytes(), path.name)
    assert result.status == "failed"
    assert result.reason is not None
    assert "no pledge card" in result.reason or "encrypted" in result.reason


# ----------------------------------------------------------------------------- PARA_TEXT

def _units(*codes: int) -> bytes:
    return struct.pack(f"<{len(codes)}H", *codes)


def test_para_text_controls() -> None:
    table = _units(11) + b" lbt" + bytes(8) + _units(11)
    tab = _units(9) + bytes(12) + _units(9)
    data = "가".encode("utf-16le") + tab + "나".encode("utf-16le") + _units(10, 30, 31, 24) + table + _units(13)
    assert decode_para_text(data) == ["가", "\t", "나", "\n", " ", " ", "-", Control(11, b" lbt")]


def test_para_text_control_bytes_at_odd_offsets_are_text() -> None:
    # U+0100 then U+0000: the bytes 01 00 straddle two units and must not read as a control.
    data = _units(0x0100, 0x0041, 0x0D00) + _units(13)
    assert decode_para_text(data) == ["\u0100A\u0d00"]


def test_para_text_truncated_control_and_odd_length() -> None:
    assert decode_para_text("가".encode("utf-16le") + _units(11) + b" lb") == ["가", Control(11, b" lb")]
    assert decode_para_text(b"A\x00B") == ["A"]


# ----------------------------------------------------------------------------- hostile inputs

HOST = EXTERNAL / "ohah-hwpjs__table-bug.hwp"


def _record(tag: int, level: int, payload: bytes = b"") -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


def _paragraph(level: int, text: str = "", controls: int = 0) -> bytes:
    units = text.encode("utf-16le") + (_units(11) + b" lbt" + bytes(8) + _units(11)) * controls + _units(13)
    header = struct.pack("<IIHBBHHHI", len(units) // 2, 0, 0, 0, 0, 1, 0, 1, 0)
    return _record(0x42, level, header) + _record(0x43, level + 1, units)


def _table(level: int, rows: int, cols: int, cells: list[bytes]) -> bytes:
    """A ``tbl `` control at ``level`` (child of a paragraph); ``cells`` are each cell's paragraphs."""
    out = _record(0x47, level, b" lbt" + bytes(40))
    out += _record(0x4D, level + 1, struct.pack("<IHH", 0, rows, cols) + bytes(16))
    for n, body in enumerate(cells):
        header = struct.pack("<HHIHHHH", 1, 0, 0, n % cols, n // cols, 1, 1) + bytes(20)
        out += _record(0x48, level + 1, header) + body
    return out


def _with_stream(name: str, raw: bytes, host: Path = HOST) -> bytes:
    """The host file with one stream replaced (padded to its size, as olefile can only overwrite)."""
    buffer = io.BytesIO(host.read_bytes())
    ole = olefile.OleFileIO(buffer, write_mode=True)
    size = ole.get_size(name)
    assert len(raw) <= size, "crafted stream too large for the host"
    ole.write_stream(name, raw + bytes(size - len(raw)))
    ole.close()
    return buffer.getvalue()


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _with_section(records: bytes) -> bytes:
    return _with_stream("BodyText/Section0", _deflate(records))


def _with_flags(flags: int, version: int = 0x05010001) -> bytes:
    header = b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", version, flags)
    return _with_stream("FileHeader", header.ljust(256, b"\0"))


def _renamed(old: str, new: str) -> bytes:
    """The host with a directory entry renamed (same length), so the stream seems missing."""
    data = HOST.read_bytes()
    needle = old.encode("utf-16le")
    assert data.count(needle) == 1
    return data.replace(needle, new.encode("utf-16le"))


def _raises(data: bytes, match: str) -> ReadError:
    start = time.perf_counter()
    with pytest.raises(ReadError, match=match) as info:
        read_bytes(data)
    assert time.perf_counter() - start < 2
    return info.value


def test_crafted_section_reads() -> None:
    cell = _paragraph(2, "셀")
    records = _paragraph(0, "앞 글") + _paragraph(0, "표 앞", controls=1) + _table(1, 1, 1, [cell])
    document = read_bytes(_with_section(records))
    blocks = [b.text if isinstance(b, Paragraph) else b.cells[0].text for b in document.blocks]
    assert blocks == ["앞 글", "표 앞", "셀"]


@pytest.mark.parametrize("cut", [8, 32, 600, 3200, 32000, 48000, 63360])
def test_truncated_file(cut: int) -> None:
    _raises(HOST.read_bytes()[:cut], "corrupt|truncated")


@pytest.mark.parametrize(("name", "data", "match"), [
    ("ole-without-file-header", lambda: _renamed("FileHeader", "FileHeadeX"), "not an HWP document"),
    ("wrong-signature", lambda: _with_stream("FileHeader", b"XWP Document File".ljust(256, b"\0")),
     "not an HWP document"),
    ("missing-doc-info", lambda: _renamed("DocInfo", "DocInfX"), "missing stream DocInfo"),
    ("missing-section", lambda: _renamed("Section0", "Sectiox0"), r"missing stream BodyText/Section0"),
    ("password-flag", lambda: _with_flags(0b11), "encrypted document \\(password"),
    ("drm-flag", lambda: _with_flags(0b10001), "encrypted document \\(DRM"),
    ("hwp-3-version", lambda: _with_flags(0b1, version=0x03000000), "unsupported HWP version 3"),
    ("bad-zlib", lambda: _with_stream("BodyText/Section0", b"\xff" * 64), "bad compressed data in BodyText/Section0"),
    ("record-past-end", lambda: _with_section(_paragraph(0, "가") + struct.pack("<I", 0x43 | 4000 << 20) + b"xx"),
     r"declares 4000 bytes.*BodyText/Section0|BodyText/Section0.*declares 4000 bytes"),
    ("huge-extended-size", lambda: _with_section(struct.pack("<II", 0x43 | 0xFFF << 20, 0xFFFFFFFF)),
     "declares 4294967295 bytes"),
    ("truncated-record-header", lambda: _with_section(_paragraph(0, "가") + b"\x42\x00"), "truncated record header"),
    ("huge-table", lambda: _with_section(_paragraph(0, controls=1) + _table(1, 65535, 65535, [])), "too large"),
    ("table-without-grid", lambda: _with_section(_paragraph(0, controls=1) + _record(0x47, 1, b" lbt")),
     "table without a TABLE record"),
    ("short-cell-header", lambda: _with_section(
        _paragraph(0, controls=1) + _record(0x47, 1, b" lbt") + _record(0x4D, 2, bytes(8)) + _record(0x48, 2, b"\1")),
     "malformed table cell"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_hostile_input(name: str, data: Callable[[], bytes], match: str) -> None:
    _raises(data(), match)


def test_tables_nested_too_deeply() -> None:
    body = _paragraph(34 * 2, "바닥")
    for depth in range(33, -1, -1):
        level = depth * 2
        body = _paragraph(level, controls=1) + _table(level + 1, 1, 1, [body])
    _raises(_with_section(body), "tables nested too deeply")


def test_tables_nested_within_the_limit() -> None:
    body = _paragraph(10 * 2, "바닥")
    for depth in range(9, -1, -1):
        level = depth * 2
        body = _paragraph(level, controls=1) + _table(level + 1, 1, 1, [body])
    document = read_bytes(_with_section(body))
    assert [p for p, _ in walk_tables(document.blocks)][-1] == "0/0/0/0/0/0/0/0/0/0"


def test_truncated_compressed_stream() -> None:
    data = _deflate(random.Random(0).randbytes(4000))
    assert inflate(data, "DocInfo") == random.Random(0).randbytes(4000)
    with pytest.raises(ReadError, match="truncated compressed data in DocInfo"):
        inflate(data[:-100], "DocInfo")


def test_split_records_rejects_overrun() -> None:
    with pytest.raises(ReadError, match="in DocInfo"):
        split_records(struct.pack("<I", 0x10 | 10 << 20) + b"abc", "DocInfo")
    assert len(split_records(b"", "DocInfo")) == 0


def test_distribution_stream_without_key_record() -> None:
    with pytest.raises(ReadError, match="distribution"):
        decrypt_view_text(_record(0x42, 0, bytes(22)) + bytes(32), "ViewText/Section0")
    with pytest.raises(ReadError, match="truncated distribution header"):
        decrypt_view_text(b"\x1c", "ViewText/Section0")


def test_open_error_names_the_container() -> None:
    assert NOT_HWP.startswith("not an HWP document")
    _raises(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "corrupt or truncated OLE container")


@pytest.mark.parametrize("seed", range(4))
def test_random_damage_gives_read_error_or_document(seed: int) -> None:
    rng = random.Random(seed)
    sources = [p.read_bytes() for p in READABLE]
    for _ in range(60):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        start = time.perf_counter()
        try:
            read_bytes(bytes(data))
        except ReadError as exc:
            assert exc.reason and "\n" not in exc.reason
        assert time.perf_counter() - start < 2
