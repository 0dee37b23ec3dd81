"""The HWPX reader: real files (tables, nesting, text boxes, encryption), every body feature
on a small hand-written package, and hostile packages built here (entities, zip bombs, …).

The external files and their provenance are in ``tests/data/external/hwpx/`` (SOURCES.md);
table grids are compared with goldens (``--regen-golden`` rewrites them). The hand-written
package is ``tests/data/hwpx/features/`` (its XML parts, zipped by the tests).
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from pledgecard.extract import ReadError, read_document, sniff_format
from pledgecard.extract.document import Document, Paragraph, Table
from pledgecard.extract.hwp.reader import HwpReader
from pledgecard.extract.hwpx import package, safexml
from pledgecard.extract.hwpx.reader import HwpxReader
from pledgecard.extract.hwpx.safexml import keep_only, parse_children
from pledgecard.extract.numbering import format_number
from pledgecard.pipeline import NO_CARD, parse_bytes

from .blocks import all_paragraphs, dump_grids, grids, walk_tables
from .conftest import DATA

EXTERNAL = DATA / "external" / "hwpx"
EXTERNAL_HWP = DATA / "external" / "hwp"
FEATURES = DATA / "hwpx" / "features"
FILES = sorted(EXTERNAL.glob("*.hwpx"))
PASSWORD = "ohah-hwpjs__password-12345.hwpx"
READABLE = [p for p in FILES if p.name != PASSWORD]
ENCRYPTED = "encrypted document (password-protected HWPX)"
#: A hostile input must fail this fast.
FAST_SECONDS = 1.0

NS = ('xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"')
SECTION = f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}><hp:p><hp:run><hp:t>본문</hp:t></hp:run></hp:p></hs:sec>'


def read(name: str) -> Document:
    path = EXTERNAL / name
    return HwpxReader().read(path, path.read_bytes())


def read_bytes(data: bytes) -> Document:
    return HwpxReader().read(Path("x.hwpx"), data)


def build(parts: dict[str, str | bytes], mimetype: bytes | None = package.MIMETYPE,
          mimetype_method: int = zipfile.ZIP_STORED) -> bytes:
    """An HWPX zip: the ``mimetype`` entry first (stored, as OWPML writes it), then ``parts``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=mimetype_method)
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def section(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{body}</hs:sec>'


def para(text: str, extra: str = "") -> str:
    return f"<hp:p><hp:run><hp:t>{text}</hp:t>{extra}</hp:run></hp:p>"


def features() -> bytes:
    return build({path.relative_to(FEATURES).as_posix(): path.read_bytes()
                  for path in sorted(FEATURES.rglob("*")) if path.is_file() and path.name != "mimetype"})


def failure(data: bytes) -> str:
    """The reason a package is refused; it must come fast and as a ReadError."""
    start = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read_bytes(data)
    assert time.perf_counter() - start < FAST_SECONDS
    reason = caught.value.reason
    assert "\n" not in reason
    return reason


# ----------------------------------------------------------------------------- goldens

# ----------------------------------------------------------------------------- real files

@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_reads_or_says_encrypted(path: Path) -> None:
    data = path.read_bytes()
    assert sniff_format(data) == "hwpx"
    if path.name == PASSWORD:
        with pytest.raises(ReadError, match="encrypted") as caught:
            read_document(path, data)
        assert caught.value.reason == ENCRYPTED
        return
    document = read_document(path, data)
    assert document.format == "hwpx"
    assert document.blocks
    assert all(p.text for p in all_paragraphs(document.blocks))


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
    ("ohah-hwpjs__table-bug.hwpx", 17, 143, 5),
    ("ohah-hwpjs__noori.hwpx", 5, 1, 0),
    ("ohah-hwpjs__table.hwpx", 1, 2, 0),
    ("ohah-hwpjs__sample-5017.hwpx", 3, 0, 0),
    ("neolord0-hwpxlib__20230728-gangbuk-rfp.hwpx", 44, 120, 4),
    ("neolord0-hwpxlib__20230818-data-standard.hwpx", 8, 21, 5),
])
def test_table_counts(name: str, tables: int, merged: int, nested: int) -> None:
    found = list(walk_tables(read(name).blocks))
    assert len(found) == tables
    assert sum(1 for _, t in found for c in t.cells if c.rowspan > 1 or c.colspan > 1) == merged
    assert sum(1 for path, _ in found if "/" in path) == nested


def test_span_geometry() -> None:
    (table,) = read("ohah-hwpjs__table.hwpx").tables()
    assert (table.rows, table.cols) == (2, 3)
    spans = {(c.row, c.col): (c.rowspan, c.colspan) for c in table.cells}
    assert spans == {(0, 0): (1, 1), (0, 1): (1, 1), (0, 2): (2, 1), (1, 0): (1, 2)}
    assert table.grid()[1][2] is table.grid()[0][2]


def test_header_table_with_colspan_and_square_bullets() -> None:
    document = read("ohah-hwpjs__noori.hwpx")
    rows = document.tables()[0].row_texts()
    assert rows[0][0] == "보도일시" and rows[0][1] == rows[0][3]
    assert [rows[1][0], rows[1][2]] == ["배포일시", "담당부서"]
    squares = [p for p in document.paragraphs() if p.bullet == "□"]
    assert len(squares) == 4
    assert squares[0].text.startswith("과학기술정보통신부")


def test_text_box_paragraph_is_kept_in_the_body() -> None:
    document = read("ohah-hwpjs__table-bug.hwpx")
    assert "주제" in [p.text for p in document.paragraphs()]


def test_nested_tables_stay_in_their_cell() -> None:
    document = read("ohah-hwpjs__table-bug.hwpx")
    outer = document.tables()[7]
    holders = [c for c in outer.cells if c.tables]
    assert [(c.row, c.col, len(c.tables)) for c in holders] == [(0, 1, 1), (1, 1, 1), (4, 0, 2)]
    assert len(document.tables()) == 17 - 5


def test_automatic_numbers_are_written_out() -> None:
    texts = [p.text for p in all_paragraphs(read("ohah-hwpjs__table-bug.hwpx").blocks)]
    assert [t for t in texts if re.match(r"\d\. (이름|주민등록번호|계좌번호|연락처)", t)] == [
        "1. 이름:", "2. 주민등록번호:", "3. 계좌번호:        은행", "4. 연락처:"]


def test_multi_paragraph_cell_joins_with_newlines() -> None:
    cell = read("ohah-hwpjs__sample-5017.hwpx").tables()[0].grid()[1][1]
    assert cell is not None
    assert cell.text == "B10\nB11"
    assert [p.text for p in cell.paragraphs] == ["B10", "B11"]


def test_text_around_tables_keeps_reading_order() -> None:
    blocks = read("ohah-hwpjs__sample-5017.hwpx").blocks
    kinds = [b.text if isinstance(b, Paragraph) else f"<{b.rows}x{b.cols}>" for b in blocks]
    start = kinds.index("표")
    assert kinds[start:start + 4] == ["표", "<2x2>", "표끝", "<1x1>"]


def test_provenance_on_every_block_and_cell() -> None:
    document = read("ohah-hwpjs__table-bug.hwpx")
    for paragraph in all_paragraphs(document.blocks):
        assert paragraph.provenance.section == 0 and paragraph.provenance.paragraph is not None
    for _, table in walk_tables(document.blocks):
        assert table.provenance.table is not None and table.provenance.paragraph is not None
        for cell in table.cells:
            assert (cell.provenance.table, cell.provenance.row, cell.provenance.col) == (
                table.provenance.table, cell.row, cell.col)
    indices = [t.provenance.table or 0 for _, t in walk_tables(document.blocks)]
    assert sorted(indices) == list(range(17))  # every table, nested ones too, in document order


def test_sections_in_spine_order() -> None:
    sections = {p.provenance.section for p in read("neolord0-hwpxlib__20230728-gangbuk-rfp.hwpx").paragraphs()}
    assert sections == {0, 1, 2}


@pytest.mark.parametrize("name", ["noori", "table", "sample-5017", "table-bug"])
def test_same_tables_as_the_hwp_twin(name: str) -> None:
    hwp = EXTERNAL_HWP / f"ohah-hwpjs__{name}.hwp"
    if not hwp.exists():
        pytest.skip("no HWP twin")
    twin = HwpReader().read(hwp, hwp.read_bytes())
    assert grids(read(f"ohah-hwpjs__{name}.hwpx").blocks) == grids(twin.blocks)


@pytest.mark.parametrize("name", ["noori", "table", "table-bug"])
def test_same_paragraphs_as_the_hwp_twin(name: str) -> None:
    hwp = EXTERNAL_HWP / f"ohah-hwpjs__{name}.hwp"
    if not hwp.exists():
        pytest.skip("no HWP twin")
    twin = HwpReader().read(hwp, hwp.read_bytes())
    ours = read(f"ohah-hwpjs__{name}.hwpx")
    assert [(p.bullet, p.text) for p in all_paragraphs(ours.blocks)] == [
        (p.bullet, p.text) for p in all_paragraphs(twin.blocks)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_pipeline_never_raises(path: Path) -> None:
    result = parse_bytes(path.read_bytes(), path.name)
    assert result.status == "failed"
    assert result.reason == (ENCRYPTED if path.name == PASSWORD else NO_CARD)
    assert "no pledge card" in NO_CARD


# ----------------------------------------------------------------------------- features

@pytest.fixture(scope="module")
def feature_blocks() -> list[Paragraph | Table]:
    return read_bytes(features()).blocks


def _texts(blocks: list[Paragraph | Table]) -> list[str]:
    return [b.full_text if isinstance(b, Paragraph) else f"<table {b.provenance.table}>" for b in blocks]


def test_features_in_reading_order(feature_blocks: list[Paragraph | Table]) -> None:
    assert _texts(feature_blocks) == [
        "I. 사업 개요",  # outline numbering
        "□ 추진 배경",  # automatic bullet, private-use glyph mapped
        "1. 첫째 항목", "가. 하위 항목", "2. 둘째 항목",  # paragraph numbering
        "기간 2024 년 한글 읍·면 둘째", "셋째 줄",  # tab, fixed space, NFC, interpunct; line break
        "본문",  # notes, header, footer and hidden comment left out
        "표 앞", "표 1 사업비", "<table 0>", "표 뒤",  # text split by the table, caption on top
        "글상자 본문",  # text box in a grouped shape; its alternative text left out
        "스위치 본문",  # one branch of hp:switch
        "그림 설명",  # picture caption
        "- 끝 문단",  # an image bullet has no glyph: the typed dash stays the bullet
        "3. 셋째 항목",  # numbering runs on across sections, other prefixes and namespace
        "<table 2>",
    ]


def test_features_bullets_and_depth(feature_blocks: list[Paragraph | Table]) -> None:
    paragraphs = [b for b in feature_blocks if isinstance(b, Paragraph)]
    by_text = {p.text: p for p in paragraphs}
    assert (by_text["추진 배경"].bullet, by_text["추진 배경"].depth) == ("□", 2)  # HwpUnitChar case
    assert by_text["가. 하위 항목"].depth == 1
    assert (by_text["끝 문단"].bullet, by_text["끝 문단"].depth) == ("-", 0)


def test_features_outline_level(feature_blocks: list[Paragraph | Table]) -> None:
    """Only the outline paragraph (hh:heading type="OUTLINE" level="0") has an outline level."""
    levels = {p.full_text: p.outline for p in all_paragraphs(feature_blocks)}
    assert levels.pop("I. 사업 개요") == 1
    assert set(levels.values()) == {None}  # bullets and paragraph numbers are no outline


_HEADING_PR = '<hh:paraPr id="{id}"><hh:heading type="{type}" idRef="{ref}" level="{level}"/></hh:paraPr>'
#: paraPr id -> (heading type, level): outline levels 0, 2 and 6, a paragraph number, none.
_PARA_PRS = {"1": ("OUTLINE", 0), "2": ("OUTLINE", 2), "3": ("OUTLINE", 6), "4": ("NUMBER", 1), "5": ("NONE", 0)}


def _outline_package() -> bytes:
    pr = "".join(_HEADING_PR.format(id=i, type=t, ref="0" if t == "OUTLINE" else "1", level=level)
                 for i, (t, level) in _PARA_PRS.items())
    header = ('<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head">'
              f'<hh:refList><hh:paraProperties itemCnt="5">{pr}</hh:paraProperties></hh:refList></hh:head>')
    body = "".join(f'<hp:p paraPrIDRef="{i}"><hp:run><hp:t>문단 {i}<hp:lineBreak/>둘째 줄 {i}</hp:t></hp:run></hp:p>'
                   for i in [*_PARA_PRS, "9"])
    cell = ('<hp:p><hp:run><hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList>'
            '<hp:p paraPrIDRef="2"><hp:run><hp:t>셀 개요</hp:t></hp:run></hp:p>'
            '</hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>')
    return build({"Contents/header.xml": header, "Contents/section0.xml": section(body + cell)})


def test_outline_level_from_the_paragraph_properties() -> None:
    """hh:heading type="OUTLINE" level="N" is outline level N + 1, on every line of the paragraph,
    in table cells too; a paragraph number, no heading and an unknown paraPr are no outline."""
    paragraphs = all_paragraphs(read_bytes(_outline_package()).blocks)
    assert [(p.text, p.outline) for p in paragraphs] == [
        ("문단 1", 1), ("둘째 줄 1", 1), ("문단 2", 3), ("둘째 줄 2", 3), ("문단 3", 7), ("둘째 줄 3", 7),
        ("문단 4", None), ("둘째 줄 4", None), ("문단 5", None), ("둘째 줄 5", None),
        ("문단 9", None), ("둘째 줄 9", None), ("셀 개요", 3)]


OUTLINE = DATA / "outline"
OUTLINE_MANIFEST = json.loads((OUTLINE / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", [e for e in OUTLINE_MANIFEST if e["file"].endswith(".hwpx")],
                         ids=lambda e: e["file"])
def test_outline_headings_written_by_python_hwpx(entry: dict[str, object]) -> None:
    """The card's headings are 개요 1 paragraphs (none in the plain variant); nothing else is."""
    name = str(entry["file"])
    paragraphs = all_paragraphs(read_document(OUTLINE / name, (OUTLINE / name).read_bytes()).blocks)
    outlined = [p.text for p in paragraphs if p.outline is not None]
    assert {p.outline for p in paragraphs} == ({None} if entry["variant"] == "plain" else {None, 1})
    if entry["variant"] == "glyphless":
        assert outlined[-1] == "참고자료" and len(outlined) == 7
    elif entry["variant"] == "numbered":
        assert outlined[-1] == "7. 참고자료" and len(outlined) == 7


def test_features_table_cells(feature_blocks: list[Paragraph | Table]) -> None:
    table = next(b for b in feature_blocks if isinstance(b, Table))
    assert (table.rows, table.cols) == (2, 2)
    cells = {(c.row, c.col): c for c in table.cells}
    assert (cells[0, 0].rowspan, cells[0, 0].text) == (2, "구분")
    assert cells[0, 1].text == "□ 첫 줄\n- 둘째 줄"
    assert [(p.bullet, p.text) for p in cells[0, 1].paragraphs] == [("□", "첫 줄"), ("-", "둘째 줄")]
    holder = cells[1, 1]
    assert holder.text == "안쪽 표:\n셀 글상자"  # the text box's paragraph stays in its cell
    (nested,) = holder.tables
    assert [c.text for c in nested.cells] == ["가", "나"]
    assert nested.provenance.table == 1
    assert nested.cells[1].provenance.model_dump(exclude_none=True) == {
        "section": 0, "paragraph": 7, "table": 1, "row": 0, "col": 1}
    assert holder.provenance.model_dump(exclude_none=True) == {
        "section": 0, "paragraph": 7, "table": 0, "row": 1, "col": 1}


def test_features_provenance(feature_blocks: list[Paragraph | Table]) -> None:
    where = [(b.provenance.section, b.provenance.paragraph) for b in feature_blocks]
    assert where[0] == (0, 0)
    assert where[-3] == (0, 12)  # the dropped empty paragraph 11 still counts
    assert where[-2:] == [(1, 0), (1, 1)]
    last = feature_blocks[-1]
    assert isinstance(last, Table) and last.provenance.table == 2
    assert all(b.provenance.line is None and b.provenance.page is None for b in feature_blocks)


def test_left_out_text_is_nowhere(feature_blocks: list[Paragraph | Table]) -> None:
    everything = " ".join(p.text for p in all_paragraphs(feature_blocks))
    for hidden in ("각주", "미주", "머리말", "꼬리말", "숨은 설명", "그림입니다", "사각형입니다"):
        assert hidden not in everything


def test_sections_without_spine_in_numeric_order() -> None:
    parts: dict[str, str | bytes] = {f"Contents/section{n}.xml": section(para(f"구역{n}")) for n in (10, 2, 0, 1)}
    assert [p.text for p in read_bytes(build(parts)).paragraphs()] == ["구역0", "구역1", "구역2", "구역10"]


def test_spine_order_wins() -> None:
    hpf = ('<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>'
           '<opf:item id="a" href="Contents/section1.xml"/><opf:item id="b" href="section0.xml"/>'
           '</opf:manifest><opf:spine><opf:itemref idref="a"/><opf:itemref idref="b"/></opf:spine></opf:package>')
    parts: dict[str, str | bytes] = {"Contents/content.hpf": hpf, "Contents/section0.xml": section(para("영")),
                                     "Contents/section1.xml": section(para("일"))}
    document = read_bytes(build(parts))
    assert [(p.text, p.provenance.section) for p in document.paragraphs()] == [("일", 0), ("영", 1)]


@pytest.mark.parametrize(("n", "num_format", "text"), [
    (1, "DIGIT", "1"), (3, "HANGUL_SYLLABLE", "다"), (15, "HANGUL_SYLLABLE", "가"), (2, "CIRCLED_DIGIT", "②"),
    (21, "CIRCLED_DIGIT", "21"), (4, "ROMAN_CAPITAL", "IV"), (9, "ROMAN_SMALL", "ix"), (2, "LATIN_SMALL", "b"),
    (3, "HANGUL_JAMO", "ㄷ"), (1, "CIRCLED_HANGUL_SYLLABLE", "㉮"), (5, "UNKNOWN_FORMAT", "5"),
])
def test_number_formats(n: int, num_format: str, text: str) -> None:
    assert format_number(n, num_format) == text


def test_header_lists_fall_back_to_the_whole_part() -> None:
    header = (b'<hh:head xmlns:hh="urn:h"><hh:refList><hh:bullets><hh:bullet id="1" char="-"/>'
              b"</hh:bullets></hh:refList></hh:head>")
    cut = parse_children(header, "h", b"head", (b"bullets",))
    assert [e.tag for e in cut] == ["{urn:h}bullets"]
    whole = parse_children(header, "h", b"head", (b"paraProperties",))
    assert [e.tag for e in whole] == ["{urn:h}refList"]



KEEP_CASES = [
    pytest.param(b'<l><h:p id="0">a</h:p><h:p id="1">b</h:p><h:p id="2"/></l>', {"1"},
                 b'<l><h:p id="1">b</h:p></l>', id="unused-dropped"),
    pytest.param(b"<l><p id='3' x=\"1\"/><p id='4'>x</p></l>", {"3"}, b"<l><p id='3' x=\"1\"/></l>",
                 id="single-quotes-and-empty-element"),
    pytest.param(b'<l><p a-id="1" id="2">x</p><p xid="1">y</p></l>', {"1"}, b"<l></l>",
                 id="only-the-id-attribute-counts"),
    pytest.param(b'<l><p id="1">x</p><pp id="1">y</pp><p2 id="9"/></l>', set(),
                 b'<l><pp id="1">y</pp><p2 id="9"/></l>', id="other-names-kept"),
    pytest.param(b'<l><p id="1"><p id="2"/>x</p></l>', {"2"}, b'<l><p id="1"><p id="2"/>x</p></l>',
                 id="nested-left-whole"),
    pytest.param(b'<l><p id="1">x</l>', set(), b'<l><p id="1">x</l>', id="no-end-left-whole"),
]


@pytest.mark.parametrize(("data", "ids", "expected"), KEEP_CASES)
def test_keep_only_leaves_out_the_unused_elements(data: bytes, ids: set[str], expected: bytes) -> None:
    assert keep_only(data, b"p", frozenset(ids)) == expected


@pytest.mark.parametrize("path", [*READABLE, *sorted(Path(DATA).parent.parent.glob("samples/*/*.hwpx"))],
                         ids=lambda p: p.name)
def test_reading_only_the_used_paragraph_properties_changes_nothing(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The header's paragraph properties no paragraph names are left out; the document is the same."""
    data = path.read_bytes()
    fast = HwpxReader().read(path, data)
    monkeypatch.setattr(safexml, "keep_only", lambda cut, name, ids: cut)
    assert HwpxReader().read(path, data) == fast

# ----------------------------------------------------------------------------- sniffing

def test_sniff() -> None:
    plain = build({"Contents/section0.xml": SECTION})
    assert HwpxReader.sniff(plain[:4096])
    assert HwpxReader.sniff(build({"Contents/section0.xml": SECTION}, mimetype_method=zipfile.ZIP_DEFLATED))
    assert not HwpxReader.sniff(build({"Contents/section0.xml": SECTION}, mimetype=b"application/zip"))
    docx = build({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}, mimetype=None)
    assert not HwpxReader.sniff(docx)
    assert sniff_format(docx) != "hwpx"
    assert not HwpxReader.sniff(b"PK\x03\x04")
    assert not HwpxReader.sniff(b"%PDF-1.7")


# ----------------------------------------------------------------------------- hostile packages

XXE = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
       f'<hs:sec {NS}><hp:p><hp:run><hp:t>&e;</hp:t></hp:run></hp:p></hs:sec>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + f']><hs:sec {NS}><hp:p><hp:run><hp:t>&lol9;</hp:t></hp:run></hp:p></hs:sec>')


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["external-entity", "billion-laughs"])
def test_dtd_and_entities_are_refused(xml: str) -> None:
    reason = failure(build({"Contents/section0.xml": xml}))
    assert reason == "unsafe XML in Contents/section0.xml (DTD/entity declarations are refused)"


@pytest.mark.parametrize("part", ["Contents/header.xml", "Contents/content.hpf"])
def test_dtd_in_other_parts_is_refused(part: str) -> None:
    reason = failure(build({part: XXE, "Contents/section0.xml": SECTION}))
    assert reason == f"unsafe XML in {part} (DTD/entity declarations are refused)"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_dtd_in_utf16_or_utf32_is_refused(encoding: str) -> None:
    xml = XXE.replace('version="1.0"?>', f'version="1.0" encoding="{encoding.upper()}"?>', 1)
    reason = failure(build({"Contents/section0.xml": xml.encode(encoding)}))
    assert reason.startswith("unsafe XML in Contents/section0.xml")


def test_utf16_section_reads() -> None:
    data = SECTION.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert [p.text for p in read_bytes(build({"Contents/section0.xml": data})).paragraphs()] == ["본문"]


def test_undeclared_entity_is_malformed() -> None:
    reason = failure(build({"Contents/section0.xml": section(para("&e;"))}))
    assert reason.startswith("malformed XML in Contents/section0.xml (undefined entity")


def _raw_zip(name: str, payload: bytes, size: int, method: int = zipfile.ZIP_DEFLATED, crc: int = 0) -> bytes:
    """A one-entry zip (after a stored ``mimetype``) written by hand, ``size`` claimed as is."""
    entries = [(b"mimetype", package.MIMETYPE, len(package.MIMETYPE), zipfile.ZIP_STORED,
                zlib.crc32(package.MIMETYPE)), (name.encode(), payload, size, method, crc)]
    body, central = b"", b""
    for entry_name, data, entry_size, entry_method, entry_crc in entries:
        offset = len(body)
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, entry_method, 0, 0, entry_crc, len(data),
                            entry_size, len(entry_name), 0) + entry_name + data
        central += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, entry_method, 0, 0, entry_crc, len(data),
                               entry_size, len(entry_name), 0, 0, 0, 0, 0, offset) + entry_name
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 2, 2, len(central), len(body), 0)
    return body + central + end


def test_zip_bomb_part_is_refused() -> None:
    """300 MiB of zeros in about 300 KiB, refused from its size without inflating it."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeezer.compress(bytes(1 << 20)) + squeezer.flush(zlib.Z_FULL_FLUSH)
    payload = block * 300 + squeezer.flush(zlib.Z_FINISH)
    reason = failure(_raw_zip("Contents/section0.xml", payload, 300 << 20))
    assert reason == "a part inflates past the size cap (possible zip bomb): Contents/section0.xml"


def test_part_larger_than_its_header_says_is_corrupt() -> None:
    data = section(para("가" * 10000)).encode()
    payload = zlib.compress(data)[2:-4]
    reason = failure(_raw_zip("Contents/section0.xml", payload, 100, crc=zlib.crc32(data)))
    assert reason.startswith("corrupt part Contents/section0.xml in the HWPX package")


def test_part_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PART_BYTES", 1 << 20)
    parts: dict[str, str | bytes] = {"Contents/section0.xml": section(para("가" * (1 << 19)))}
    assert failure(build(parts)) == "a part inflates past the size cap (possible zip bomb): Contents/section0.xml"


def test_total_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 3 << 20)
    big = section(para("가" * 400_000))  # 1.2 MB each
    parts: dict[str, str | bytes] = {f"Contents/section{n}.xml": big for n in range(4)}
    assert failure(build(parts)) == "a part inflates past the size cap (possible zip bomb): Contents/section2.xml"


def test_encrypted_manifest() -> None:
    manifest = ('<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<odf:file-entry full-path="Contents/section0.xml"><odf:encryption-data checksum="x">'
                '<odf:algorithm algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>'
                "</odf:encryption-data></odf:file-entry></odf:manifest>")
    assert failure(build({"META-INF/manifest.xml": manifest, "Contents/section0.xml": b"\x8f\x02ciphertext"})) \
        == ENCRYPTED


def test_zip_level_encryption() -> None:
    data = bytearray(build({"Contents/section0.xml": SECTION}))
    central = data.index(b"PK\x01\x02", data.index(b"Contents/section0.xml"))
    data[central + 8] |= 0x1  # general purpose flag: encrypted
    assert failure(bytes(data)) == ENCRYPTED


@pytest.mark.parametrize("data", [
    pytest.param(b"PK\x03\x04" + bytes(200), id="zeros"),
    pytest.param(b"PK\x03\x04" + bytes(range(256)) * 4, id="garbage"),
    pytest.param(build({"Contents/section0.xml": SECTION})[:120], id="truncated"),
])
def test_corrupt_zip(data: bytes) -> None:
    assert failure(data).startswith("corrupt HWPX package (not a readable zip")


def test_corrupt_part_data() -> None:
    data = bytearray(build({"Contents/section0.xml": section(para("가" * 2000))}))
    start = data.index(b"Contents/section0.xml") + len("Contents/section0.xml")
    data[start + 10:start + 30] = bytes(20)
    assert failure(bytes(data)).startswith("corrupt part Contents/section0.xml in the HWPX package")


def test_not_hwpx_zip() -> None:
    docx = build({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}, mimetype=None)
    assert failure(docx) == "not an HWPX document (missing part Contents/section0.xml)"


def test_missing_section() -> None:
    assert failure(build({"Contents/header.xml": "<hh:head xmlns:hh='urn:h'/>"})) \
        == "not an HWPX document (missing part Contents/section0.xml)"


def test_spine_names_a_missing_section() -> None:
    hpf = ('<opf:package xmlns:opf="urn:o"><opf:manifest><opf:item id="s" href="Contents/section1.xml"/>'
           '</opf:manifest><opf:spine><opf:itemref idref="s"/></opf:spine></opf:package>')
    reason = failure(build({"Contents/content.hpf": hpf, "Contents/section0.xml": SECTION}))
    assert reason == "missing part Contents/section1.xml (listed in Contents/content.hpf)"


@pytest.mark.parametrize(("part", "xml"), [
    ("Contents/section0.xml", f"<hs:sec {NS}><hp:p><hp:run>"),
    ("Contents/section0.xml", "not xml at all"),
    ("Contents/section0.xml", b"\xff\xfe\x00"),
    ("Contents/header.xml", "<hh:head><unclosed>"),
])
def test_malformed_xml(part: str, xml: str | bytes) -> None:
    parts: dict[str, str | bytes] = {"Contents/section0.xml": SECTION, part: xml}
    assert failure(build(parts)).startswith(f"malformed XML in {part} (")


def test_deep_nesting_is_refused() -> None:
    depth = 400
    cell_open = '<hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList><hp:p><hp:run>'
    cell_close = '</hp:run></hp:p></hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/></hp:tc></hp:tr></hp:tbl>'
    body = f"<hp:p><hp:run>{cell_open * depth}<hp:t>바닥</hp:t>{cell_close * depth}</hp:run></hp:p>"
    assert "nested too deeply" in failure(build({"Contents/section0.xml": section(body)}))


def test_shallow_nesting_reads() -> None:
    cell_open = '<hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList><hp:p><hp:run>'
    cell_close = '</hp:run></hp:p></hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/></hp:tc></hp:tr></hp:tbl>'
    body = f"<hp:p><hp:run>{cell_open * 20}<hp:t>바닥</hp:t>{cell_close * 20}</hp:run></hp:p>"
    found = list(walk_tables(read_bytes(build({"Contents/section0.xml": section(body)})).blocks))
    assert len(found) == 20
    assert found[-1][1].cells[0].text == "바닥"


def test_huge_declared_table_is_refused() -> None:
    body = ('<hp:p><hp:run><hp:tbl rowCnt="100000" colCnt="100000"><hp:tr><hp:tc><hp:subList/>'
            '<hp:cellAddr colAddr="0" rowAddr="0"/></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>')
    assert failure(build({"Contents/section0.xml": section(body)})).startswith("table too large")


def test_bad_numbers_in_attributes_do_not_crash() -> None:
    body = ('<hp:p paraPrIDRef="x"><hp:run><hp:tbl rowCnt="two" colCnt="-3"><hp:tr><hp:tc><hp:subList>'
            '<hp:p><hp:run><hp:t>칸</hp:t></hp:run></hp:p></hp:subList><hp:cellAddr colAddr="?" rowAddr="-1"/>'
            '<hp:cellSpan colSpan="0" rowSpan="abc"/></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>')
    (table,) = read_bytes(build({"Contents/section0.xml": section(body)})).tables()
    assert (table.rows, table.cols) == (1, 1)
    assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells] == [(0, 0, 1, 1, "칸")]


def test_damaged_files_only_ever_give_read_errors() -> None:
    rng = random.Random(20240611)
    sources = [(EXTERNAL / "ohah-hwpjs__table.hwpx").read_bytes(), features()]
    for n in range(150):
        data = bytearray(sources[n % 2])
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if n % 5 == 0:
            del data[rng.randrange(len(data)):]
        with contextlib.suppress(ReadError):  # any other exception fails the test
            read_bytes(bytes(data))
