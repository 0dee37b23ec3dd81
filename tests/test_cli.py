"""The CLI, in-process: exit codes, one-line errors, never a traceback, every output file."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pledgecard.cli import main
from pledgecard.outputs import TABLES

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err, inp=io.BytesIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_parse_prints_a_json_array_of_cards() -> None:
    code, out, err = run("parse", str(SEED))
    assert code == 0 and err == ""
    cards = json.loads(out)
    assert [c["pledge"]["number"] for c in cards] == ["2-16"]


BAD_INPUTS = {
    "empty.txt": b"",
    "garbage.txt": bytes(range(256)) * 4,
    "minutes.txt": "회의록\n참석자: 홍길동\n".encode(),
    "fake.pdf": b"%PDF-1.4\n" + b"\x00" * 64,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_parse_bad_input_exits_1_with_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    code, out, err = run("parse", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err


@pytest.mark.parametrize("target", ["missing.txt", "."], ids=["no-such-file", "a-folder"])
def test_parse_unreadable_path(tmp_path: Path, target: str) -> None:
    code, _out, err = run("parse", str(tmp_path / target))
    assert code == 1 and err.count("\n") == 1


def test_bad_usage_exits_2() -> None:
    assert run("frobnicate")[0] == 2
    assert run("convert")[0] == 2


def test_schema_is_json_schema_of_the_card() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"].startswith("Pledge management card")
    assert {"pledge", "finance", "findings", "unplaced"} <= set(schema["properties"])


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} lacks the UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_convert_writes_every_output(tmp_path: Path) -> None:
    bad = tmp_path / "in" / "broken.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01garbage")
    out = tmp_path / "out"
    code, _, err = run("convert", str(SAMPLES), str(bad), "-o", str(out))
    assert code == 1, err  # one input failed; the rest is still written
    files = read_csv(out / "files.csv")
    statuses = {Path(r["path"]).name: r["status"] for r in files}
    assert statuses["broken.txt"] == "failed" and statuses["gangwon-2-16.txt"] == "ok"
    assert statuses["README.md"] == "skipped"
    assert len(files) == len({r["path"] for r in files})
    for table in TABLES:
        assert (out / f"{table}.csv").exists()
    cards = read_csv(out / "cards.csv")
    assert len(cards) == len((out / "cards.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(list((out / "cards").glob("*.json"))) == len(cards)
    finance = [r for r in read_csv(out / "finance.csv") if r["source_path"].endswith("gangwon-2-16.txt")]
    assert len(finance) == 32
    assert "failed" in err and "broken.txt" in err


def test_convert_all_ok_exits_0(tmp_path: Path) -> None:
    code, _, _ = run("convert", str(SEED), "-o", str(tmp_path), "--quiet")
    assert code == 0
    card = json.loads((tmp_path / "cards" / "gangwon-2-16.txt.json").read_text(encoding="utf-8"))
    assert card["pledge"]["title"] == "디지털헬스케어 메카 육성"


def test_convert_is_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        run("convert", str(SAMPLES), "-o", str(tmp_path / name), "--quiet")
    for first in sorted((tmp_path / "a").rglob("*")):
        if first.is_file():
            assert first.read_bytes() == (tmp_path / "b" / first.relative_to(tmp_path / "a")).read_bytes()


def test_python_dash_m_works_the_same() -> None:
    done = subprocess.run([sys.executable, "-m", "pledgecard", "parse", str(SEED)],
                          capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0
    assert json.loads(done.stdout.decode("utf-8"))[0]["pledge"]["number"] == "2-16"


EXTERNAL = sorted((ROOT / "tests" / "data" / "external").glob("*/*.hwp*"))


@pytest.mark.parametrize("path", EXTERNAL, ids=lambda p: p.name)
def test_parse_on_documents_that_are_not_cards_invents_none(path: Path) -> None:
    code, out, err = run("parse", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(path) in err
    assert "no pledge card" in err or "encrypted document" in err


def office_file(path: Path, part: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return path


@pytest.mark.parametrize(("name", "part", "what"), [
    ("minutes.docx", "word/document.xml", "a Word file (.docx), not a pledge card"),
    ("budget.xlsx", "xl/workbook.xml", "an Excel file (.xlsx), not a pledge card"),
])
def test_parse_names_word_and_excel_files(tmp_path: Path, name: str, part: str, what: str) -> None:
    code, _out, err = run("parse", str(office_file(tmp_path / name, part)))
    assert code == 1 and err == f"pledgecard: {tmp_path / name}: {what}\n"


def test_parse_of_a_zip_of_cards_points_to_convert(tmp_path: Path) -> None:
    archive = tmp_path / "cards.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(SEED, "2025/gangwon.txt")
    code, _out, err = run("parse", str(archive))
    assert code == 1 and err.count("\n") == 1
    assert f"pledgecard convert {archive} -o DIR" in err


def test_parse_dash_reads_standard_input() -> None:
    code, out, err = run("parse", "-", stdin=SEED.read_bytes())
    assert code == 0 and err == ""
    assert [c["pledge"]["number"] for c in json.loads(out)] == ["2-16"]
    code, out, err = run("parse", "-", stdin=b"")
    assert code == 1 and out == "" and err == "pledgecard: <stdin>: empty file\n"


def test_parse_dash_on_the_real_standard_input() -> None:
    done = subprocess.run([sys.executable, "-m", "pledgecard", "parse", "-"], input=SEED.read_bytes(),
                          capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))[0]["pledge"]["number"] == "2-16"


def test_convert_that_cannot_write_its_outputs_exits_3(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _out, err = run("convert", str(SEED), "-o", str(blocker / "out"), "-q")
    assert code == 3
    assert err.startswith(f"pledgecard: {blocker / 'out'}: cannot write outputs (") and err.count("\n") == 1


def test_convert_names_card_files_by_source_name_and_format(tmp_path: Path) -> None:
    booklet = SAMPLES / "booklet-two-cards"
    (tmp_path / "again").mkdir()
    shutil.copy(booklet / "booklet-two-cards.txt", tmp_path / "again" / "booklet-two-cards.txt")
    code, _, err = run("convert", str(booklet / "booklet-two-cards.txt"), str(booklet / "booklet-two-cards.pdf"),
                       str(tmp_path / "again"), "-o", str(tmp_path / "out"), "-q")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out" / "cards").iterdir()) == [
        "booklet-two-cards.pdf-2.json", "booklet-two-cards.pdf.json",
        "booklet-two-cards.txt-2.json", "booklet-two-cards.txt.json",
        "booklet-two-cards~2.txt-2.json", "booklet-two-cards~2.txt.json"]
