"""Bad input: each gives a clear status and reason, no traceback, no hang, and the rest of a
batch still converts. The corpus is generated here, from the samples and a few builders."""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pledgecard.batch import convert_batch
from pledgecard.extract import read_document
from pledgecard.extract.text.decode import nearly_utf8
from pledgecard.pipeline import parse_bytes, parse_file

from .conftest import DATA, SAMPLES
from .results import sound
from .test_hwp_reader import _paragraph, _with_section
from .test_hwpx_reader import build, para, section

#: One parse of a damaged file must end within this (seconds); it is a bound, not a timing.
BOUND_SECONDS = 10.0
SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*/*") if p.suffix in (".txt", ".hwp", ".hwpx", ".pdf"))


def zip_bomb() -> bytes:
    """An HWPX whose section inflates to 300 MiB from a few hundred KiB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/hwp+zip")
        with archive.open("Contents/section0.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (4 * 2**20)
            for _ in range(75):
                part.write(chunk)
    return buffer.getvalue()


def nested_tables(depth: int) -> bytes:
    cell = para("안")
    for _ in range(depth):
        cell = ('<hp:p><hp:run><hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList>'
                f'{cell}</hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/>'
                '<hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>')
    return build({"Contents/section0.xml": section(cell)})


def big_pdf(pages: int) -> bytes:
    source = pdfium.PdfDocument(SAMPLES / "gangwon-2-16" / "gangwon-2-16.pdf")
    target = pdfium.PdfDocument.new()
    while len(target) < pages:
        target.import_pages(source)
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()


XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><hs:sec>&e;</hs:sec>'
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><l>&d;</l>')


def corpus(folder: Path) -> dict[str, str]:
    """Writes the bad-input corpus; returns each file's expected status."""
    rng = random.Random(7)
    files: dict[str, bytes] = {f"empty{ext}": b"" for ext in (".txt", ".hwp", ".hwpx", ".pdf")}
    files.update({f"random{ext}": rng.randbytes(4096) for ext in (".txt", ".hwp", ".hwpx", ".pdf")})
    files["not-a-card.txt"] = "2025년 3월 정례회의 회의록\n참석자: 기획조정실장 외 5명\n".encode()
    files["password.hwp"] = (DATA / "external" / "hwp" / "ohah-hwpjs__password-12345.hwp").read_bytes()
    files["password.hwpx"] = (DATA / "external" / "hwpx" / "ohah-hwpjs__password-12345.hwpx").read_bytes()
    files["password.pdf"] = (DATA / "pdf" / "password.pdf").read_bytes()
    files["scan.pdf"] = (DATA / "pdf" / "image-only.pdf").read_bytes()
    files["bomb.hwpx"] = zip_bomb()
    files["xxe.hwpx"] = build({"Contents/section0.xml": XXE})
    files["laughs.hwpx"] = build({"Contents/section0.xml": LAUGHS})
    files["nested.hwpx"] = nested_tables(200)
    files["archive-300-pages.pdf"] = big_pdf(300)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    expected = dict.fromkeys(files, "failed")
    expected["archive-300-pages.pdf"] = "ok"
    return expected


def test_a_batch_of_samples_and_bad_input_lists_every_input_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    expected = corpus(bad)
    good = tmp_path / "samples"
    shutil.copytree(SAMPLES, good)
    out = tmp_path / "out"
    summary = convert_batch([good, bad], out, jobs=2, timeout=60)
    rows = list(csv.DictReader(io.StringIO((out / "files.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == summary.files == len({r["path"] for r in rows})
    assert len(rows) == len(list(good.rglob("*.*"))) + len(expected)
    by_name = {Path(r["path"]).name: r for r in rows}
    assert not [r for r in rows if r["reason"].startswith("internal error")]
    for name, status in expected.items():
        row = by_name[name]
        assert row["status"] == status, (name, row["reason"])
        assert status == "ok" or (row["reason"] and "Traceback" not in row["reason"] and "\n" not in row["reason"])
    assert by_name["password.hwp"]["reason"] == "encrypted document (password-protected HWP)"
    assert by_name["password.hwpx"]["reason"] == "encrypted document (password-protected HWPX)"
    assert by_name["password.pdf"]["reason"] == "encrypted document (password-protected PDF)"
    assert "OCR" in by_name["scan.pdf"]["reason"]
    assert "zip bomb" in by_name["bomb.hwpx"]["reason"]
    assert "DTD" in by_name["xxe.hwpx"]["reason"] and "DTD" in by_name["laughs.hwpx"]["reason"]
    assert "no pledge card" in by_name["not-a-card.txt"]["reason"]
    assert int(by_name["archive-300-pages.pdf"]["cards"]) == 60
    for source in SAMPLE_FILES:
        assert by_name[source.name]["status"] in ("ok", "partial")


def damaged(data: bytes, seed: int) -> list[bytes]:
    """The file cut at several offsets, and with bytes flipped at several places."""
    rng = random.Random(seed)
    cuts = [data[: int(len(data) * share)] for share in (0.02, 0.1, 0.33, 0.5, 0.77, 0.99)]
    flips = []
    for _ in range(6):
        copy = bytearray(data)
        for _ in range(8):
            copy[rng.randrange(len(copy))] ^= 1 << rng.randrange(8)
        flips.append(bytes(copy))
    return cuts + flips


@pytest.mark.parametrize("source", SAMPLE_FILES, ids=lambda p: p.name)
def test_truncated_and_flipped_samples_never_raise_or_hang(source: Path) -> None:
    # seeded by the name's CRC, not hash(): str hashes differ from run to run (PYTHONHASHSEED)
    for n, data in enumerate(damaged(source.read_bytes(), zlib.crc32(source.name.encode()))):
        started = time.monotonic()
        result = sound(parse_bytes(data, f"{source.name}#{n}"))
        assert time.monotonic() - started < BOUND_SECONDS
        assert result.status in ("ok", "partial", "failed")
        assert result.cards or (result.reason and "\n" not in result.reason)


# ----------------------------------------------------------------------------- internal errors

def _broken_parser(*args: object, **kwargs: object) -> list[object]:
    raise ValueError("a bug\nover two lines")


def test_a_parser_crash_is_an_internal_error_not_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pledgecard.extract.card.parser.split_cards", _broken_parser)
    result = parse_bytes((SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt").read_bytes(), "card.txt")
    assert (result.status, result.error_class) == ("failed", "internal")
    assert result.reason == "internal error while parsing (ValueError: a bug over two lines)"
    with pytest.raises(AssertionError, match="internal error"):
        sound(result)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (bytes(range(256)) * 8, "unknown format"),
    ("2025년 3월 정례회의 회의록\n".encode(), "no pledge card"),
    ((DATA / "pdf" / "password.pdf").read_bytes(), "encrypted"),
], ids=["empty", "binary", "no-card", "encrypted"])
def test_bad_input_is_an_input_error(data: bytes, reason: str) -> None:
    result = parse_bytes(data, "bad")
    assert (result.status, result.error_class) == ("failed", "input")
    assert result.reason is not None and reason in result.reason


def test_a_card_is_no_error() -> None:
    result = parse_bytes((SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt").read_bytes(), "card.txt")
    assert (result.status, result.error_class) == ("ok", None)


# ----------------------------------------------------------------------------- found by the fuzz (bench/fuzz.py)

def _cut_after(sample: str, text: str) -> bytes:
    card = (SAMPLES / sample / f"{sample}.txt").read_text(encoding="utf-8")
    return card[: card.index(text) + len(text)].encode()


#: (name, bytes, a finding code the result must carry or None): each once ended in an internal error.
FUZZ_FINDS: list[tuple[str, Callable[[], bytes], str | None]] = [
    # a PDF text layer (a ToUnicode map) that gives lone UTF-16 surrogates: the card's JSON failed
    ("lone-surrogate.pdf", lambda: (DATA / "pdf" / "lone-surrogate.pdf").read_bytes(), "text.invalid_unicode"),
    # an achievement table cut after a year heading: a year block with no rows stopped the table builder
    ("year-block-without-rows.txt", lambda: _cut_after("gangwon-2-16", "<2023> (23년 목표 달성 \n\n여부 작성)\n"),
     None),
    # a 소통 table cut inside its top rule: a box of two columns and no row stopped the channel reader
    ("box-without-rows.txt", lambda: _cut_after("bad-sums", "도민소통 실적\n\n┏━━━━┯" + "━" * 23 + "┯━━━"), None),
]


@pytest.mark.parametrize(("name", "data", "code"), FUZZ_FINDS, ids=[f[0] for f in FUZZ_FINDS])
def test_inputs_the_fuzz_found_end_in_a_status(name: str, data: Callable[[], bytes], code: str | None) -> None:
    result = sound(parse_bytes(data(), name))
    assert result.cards
    assert code is None or code in {f.code for f in result.findings}


@pytest.mark.parametrize("name", [b"card\xff.txt", "카드.txt".encode("cp949")], ids=["0xff", "cp949"])
def test_a_file_name_that_is_not_utf8_gives_a_result_that_serializes(tmp_path: Path, name: bytes) -> None:
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), name)))
    path.write_bytes((SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt").read_bytes())
    result = sound(parse_file(path))
    assert result.cards and result.path.endswith(name.decode("utf-8", "backslashreplace"))
    assert result.cards[0].source.path == result.path
    result.cards[0].model_dump_json()


def _utf8_with_bad_bytes(count: int) -> bytes:
    """The seed card in UTF-8 with ``count`` bytes of its second half's Korean text made 0xFF."""
    data = bytearray((SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt").read_bytes())
    korean = [i for i in range(len(data) // 2, len(data)) if data[i] >= 0xE0]
    for i in korean[:: len(korean) // count][:count]:
        data[i] = 0xFF
    return bytes(data)


@pytest.mark.parametrize("count", [1, 3, 12])
def test_utf8_with_a_few_bad_bytes_keeps_its_card_and_says_so(count: int) -> None:
    result = sound(parse_bytes(_utf8_with_bad_bytes(count), "damaged.txt"))
    assert [card.pledge.number for card in result.cards] == ["2-16"]
    # a Korean character is three bytes: its lead byte gone, all three are bad, each one U+FFFD
    assert [f.message.split()[0] for f in result.findings if f.code == "text.invalid_unicode"] == [str(3 * count)]


def test_legacy_korean_text_is_not_taken_for_damaged_utf8() -> None:
    cp949 = (SAMPLES / "cp949-card" / "cp949-card.txt").read_bytes()
    assert nearly_utf8(cp949) is None
    damaged = cp949[:-200] + b"\xff" + cp949[-199:]
    result = sound(parse_bytes(damaged, "cp949-damaged.txt"))
    assert not any(f.code == "text.invalid_unicode" for f in result.findings)


def test_a_lone_surrogate_in_hwp_text_is_replaced_with_a_finding() -> None:
    records = _paragraph(0, "가X나").replace("X".encode("utf-16le"), b"\x00\xd8")  # U+D800 alone
    document = read_document(Path("lone.hwp"), _with_section(records))
    assert "가\ufffd나" in [p.text for p in document.paragraphs()]
    assert [f.code for f in document.findings] == ["text.invalid_unicode"]
    document.model_dump_json()
