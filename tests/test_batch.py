"""Batch conversion: every input once, isolation (crash, hang, memory), determinism, resume."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pledgecard.batch import collect_inputs, convert_batch
from pledgecard.batch import pool as pool_module
from pledgecard.cli import main
from pledgecard.pipeline import parse_bytes

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"


def files_csv(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "files.csv").read_text(encoding="utf-8-sig"))))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".pledgecard" not in p.parts}


def test_zip_archives_folders_and_files_each_input_once(tmp_path: Path) -> None:
    archive = tmp_path / "cards.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(SEED, "2025/gangwon.txt")
        z.write(SAMPLES / "suwon-3-07" / "suwon-3-07.hwpx", "2025/suwon.hwpx")
        z.writestr("2025/readme.md", "not a card")
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "bad-sums" / "bad-sums.pdf", folder / "sub" / "bad.pdf")
    (folder / "loop").symlink_to(folder)  # a symlink loop must not trap the walk
    items = collect_inputs([archive, folder, SEED])
    assert [i.path.replace(str(tmp_path), "") for i in items] == [
        "/cards.zip!2025/gangwon.txt", "/cards.zip!2025/readme.md", "/cards.zip!2025/suwon.hwpx",
        "/folder/sub/bad.pdf", str(SEED).replace(str(tmp_path), "")]
    summary = convert_batch([archive, folder, SEED], tmp_path / "out", jobs=2)
    rows = files_csv(tmp_path / "out")
    assert len(rows) == len(items) == summary.files
    assert [r["status"] for r in rows] == ["ok", "skipped", "ok", "ok", "ok"]


def test_output_is_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    convert_batch([SAMPLES], tmp_path / "one", jobs=1)
    convert_batch([SAMPLES], tmp_path / "two", jobs=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def _hang_or_crash(data: bytes, path: str):  # type: ignore[no-untyped-def]
    name = Path(path).name
    if name == "hang.txt":
        time.sleep(60)
    if name == "crash.txt":
        os.kill(os.getpid(), signal.SIGSEGV)
    if name == "hog.txt":
        hog = bytearray(8 * 2**30)  # past the worker's memory limit
        del hog
    return parse_bytes(data, path)


def test_a_crash_a_hang_and_a_memory_hog_fail_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "parse_bytes", _hang_or_crash)  # workers fork after this
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("crash.txt", "hang.txt", "hog.txt"):
        (inputs / name).write_text(f"{name}\n", encoding="utf-8")
    shutil.copy(SEED, inputs / "seed.txt")
    started = time.monotonic()
    summary = convert_batch([inputs], tmp_path / "out", jobs=2, timeout=2, max_memory_mb=1024)
    assert time.monotonic() - started < 30
    reasons = {Path(r["path"]).name: (r["status"], r["reason"]) for r in files_csv(tmp_path / "out")}
    assert reasons["seed.txt"] == ("ok", "")
    assert reasons["hang.txt"] == ("failed", "timed out after 2 s")
    assert reasons["crash.txt"][0] == "failed" and "crashed" in reasons["crash.txt"][1]
    assert reasons["hog.txt"] == ("failed", "out of memory while parsing")
    assert summary.statuses["failed"] == 3


def test_resume_skips_what_is_done_and_gives_the_same_outputs(tmp_path: Path) -> None:
    convert_batch([SAMPLES], tmp_path / "fresh", jobs=2)
    partial = tmp_path / "resumed"
    convert_batch([SAMPLES / "gangwon-2-16"], partial, jobs=1)
    summary = convert_batch([SAMPLES], partial, jobs=2, resume=True)
    assert summary.resumed == 4  # the four formats of the seed card
    assert tree(partial) == tree(tmp_path / "fresh")


def test_a_killed_run_leaves_no_half_written_output_and_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        shutil.copy(SAMPLES / "gangwon-2-16" / "gangwon-2-16.pdf", corpus / f"card-{i:03}.pdf")
        (corpus / f"card-{i:03}.pdf").write_bytes((corpus / f"card-{i:03}.pdf").read_bytes() + b"\n%" + bytes([i]))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pledgecard", "convert", str(corpus), "-o", str(out), "--jobs", "1", "-q"]
    process = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 30
    results = out / ".pledgecard" / "results"
    while time.monotonic() < deadline and len(list(results.glob("*.json"))) < 5:
        time.sleep(0.05)
    process.kill()
    process.wait()
    assert not (out / "files.csv").exists() and not (out / "cards.jsonl").exists()
    assert not list(results.glob("*.tmp"))
    done = len(list(results.glob("*.json")))
    assert 0 < done < 60
    code = main(["convert", str(corpus), "-o", str(out), "--resume", "-q"], out=io.StringIO(), err=io.StringIO())
    assert code == 0
    assert len(files_csv(out)) == 60
    assert len((out / "cards.jsonl").read_text(encoding="utf-8").splitlines()) == 60


def test_convert_exit_codes(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["convert", str(tmp_path / "nope"), "-o", str(tmp_path / "o")], err=err) == 2
    assert "no such input" in err.getvalue()
    assert main(["convert", str(SEED), "-o", str(tmp_path / "o"), "--jobs", "0"], err=io.StringIO()) == 2
    assert main(["convert", str(SEED), "-o", str(tmp_path / "o"), "-q"], err=io.StringIO()) == 0


def test_progress_bar_on_a_terminal_and_none_elsewhere() -> None:
    from pledgecard.batch.progress import progress_bar

    stream = io.StringIO()
    with progress_bar(enabled=True, stream=stream) as tick:
        tick(3)
    assert "3file" in stream.getvalue().replace(" ", "")
    quiet = io.StringIO()
    with progress_bar(enabled=False, stream=quiet) as tick:
        tick(3)
    assert quiet.getvalue() == ""
