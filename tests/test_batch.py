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

from pledgecard import pipeline
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
    assert reasons["hog.txt"] == ("failed", "out of memory (limit 1024 MiB)")
    assert summary.statuses["failed"] == 3
    blame = {Path(r["path"]).name: r["error_class"] for r in files_csv(tmp_path / "out")}
    assert (blame["seed.txt"], blame["hang.txt"], blame["crash.txt"], blame["hog.txt"]) == (
        "", "input", "internal", "input")  # a crash is pledgecard's to fix; the run's limits are the file's


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


# --- Never destroy what the user has -------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` (``.pledgecard`` too), folders as None."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def test_a_usage_error_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_batch([SEED], out, jobs=1)
    before = snapshot(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    err = io.StringIO()
    assert main(["convert", str(empty), "-o", str(out), "-q"], err=err) == 2
    assert "no input files found" in err.getvalue()
    assert main(["convert", str(tmp_path / "mistyped"), "-o", str(out), "-q"], err=io.StringIO()) == 2
    assert snapshot(out) == before
    assert main(["convert", str(empty), "-o", str(tmp_path / "new"), "-q"], err=io.StringIO()) == 2
    assert not (tmp_path / "new").exists()


def test_a_folder_with_files_pledgecard_did_not_write_is_refused_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "cards").mkdir(parents=True)
    (out / "cards" / "mine.json").write_text("{}", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(out)
    err = io.StringIO()
    assert main(["convert", str(SEED), "-o", str(out), "-q"], err=err) == 2
    assert "cards/mine.json" in err.getvalue() and "--force" in err.getvalue()
    assert snapshot(out) == before
    assert main(["convert", str(SEED), "-o", str(out), "-q", "--force"], err=io.StringIO()) == 0
    assert (out / "files.csv").exists() and (out / "cards" / "gangwon-2-16.txt.json").exists()
    assert (out / "cards" / "mine.json").read_text(encoding="utf-8") == "{}"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    # a forced run does not adopt them: the next run is refused again
    assert main(["convert", str(SEED), "-o", str(out), "-q"], err=io.StringIO()) == 2


def test_a_second_run_replaces_what_the_first_run_wrote(tmp_path: Path) -> None:
    from pledgecard.outputs.manifest import written_files

    out = tmp_path / "out"
    convert_batch([SAMPLES], out, jobs=2)
    first = written_files(out)
    assert {"files.csv", "cards.jsonl", "card.schema.json", "cards/suwon-3-07.pdf.json"} <= first
    assert first == set(tree(out))
    err = io.StringIO()
    assert main(["convert", str(SEED), "-o", str(out), "-q"], err=err) == 0, err.getvalue()
    assert sorted(p.name for p in (out / "cards").iterdir()) == ["gangwon-2-16.txt.json"]
    assert written_files(out) == set(tree(out))
    assert len(files_csv(out)) == 1


@pytest.mark.parametrize("trouble", ["memory", "time"])
def test_resume_parses_again_what_failed_for_the_runs_own_limits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: str) -> None:
    flag = tmp_path / "trouble"
    flag.touch()
    real = pipeline.read_document

    def troubled(path: Path, data: bytes):  # type: ignore[no-untyped-def]
        if flag.exists() and trouble == "memory":
            bytearray(8 * 2**30)
        if flag.exists() and trouble == "time":
            time.sleep(60)
        return real(path, data)

    monkeypatch.setattr(pipeline, "read_document", troubled)  # inside the parse's own error guard
    out = tmp_path / "out"
    first = convert_batch([SEED], out, jobs=1, timeout=2, max_memory_mb=1024)
    assert first.statuses["failed"] == 1
    flag.unlink()
    again = convert_batch([SEED], out, jobs=1, timeout=2, max_memory_mb=1024, resume=True)
    assert (again.resumed, again.statuses["failed"]) == (0, 0)


_POISONED = False


def _memory_trouble(path: Path, data: bytes):  # type: ignore[no-untyped-def]
    """Stands in for pipeline.read_document: what running out of memory looks like."""
    global _POISONED
    name = path.name
    if name == "a-hog.txt":  # a failed import under the limit leaves the worker broken
        _POISONED = True
        bytearray(8 * 2**30)
    if name == "c-native.txt":  # a native library aborts with its own message on stderr
        sys.stderr.write("Traceback (most recent call last):\n  a Python traceback\n")
        sys.stderr.flush()
        os.write(2, b"memory allocation of 1073741824 bytes failed\nstack backtrace:\n   0: rust_oom\n")
        os.abort()
    if name == "d-exit.txt":
        os._exit(3)
    if _POISONED:
        raise LookupError("unknown encoding: cp949")
    return real_read_document(path, data)


real_read_document = pipeline.read_document


def test_running_out_of_memory_is_one_clear_reason_and_never_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pipeline, "read_document", _memory_trouble)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a-hog.txt", "c-native.txt", "d-exit.txt"):
        (inputs / name).write_text(f"{name}\n", encoding="utf-8")
    shutil.copy(SAMPLES / "cp949-card" / "cp949-card.txt", inputs / "b-cp949.txt")
    out = tmp_path / "out"
    code = main(["convert", str(inputs), "-o", str(out), "-q", "--jobs", "1", "--max-memory-mb", "1024"],
                out=io.StringIO(), err=io.StringIO())
    assert code == 1
    reasons = {Path(r["path"]).name: (r["status"], r["reason"]) for r in files_csv(out)}
    assert reasons["a-hog.txt"] == ("failed", "out of memory (limit 1024 MiB)")
    assert reasons["b-cp949.txt"] == ("ok", "")
    assert reasons["c-native.txt"] == ("failed", "out of memory (limit 1024 MiB)")
    assert reasons["d-exit.txt"] == ("failed", "the parser crashed (exit code 3)")
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "memory allocation" not in captured.err
    assert "stack backtrace" not in captured.err


@pytest.mark.parametrize(("code", "limit"), [(None, None), (None, 2**30), (1, None), (-11, 2**30)])
def test_a_crash_reason_never_says_none(code: int | None, limit: int | None) -> None:
    reason = pool_module._crash_reason(code, limit, "")
    assert "None" not in reason and reason.startswith("the parser crashed")


def cp949_zip(path: Path, name: str, data: bytes) -> None:
    """A zip whose member name is CP949 bytes with the UTF-8 flag clear, as Windows tools write."""
    raw = name.encode("cp949")
    placeholder = b"q" * len(raw)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(placeholder.decode("ascii"), data)
    blob = path.read_bytes()
    assert blob.count(placeholder) == 2  # the local header and the central directory
    path.write_bytes(blob.replace(placeholder, raw))


def test_zip_member_names_in_cp949_are_read_as_korean(tmp_path: Path) -> None:
    archive = tmp_path / "cards.zip"
    cp949_zip(archive, "2025/강원 카드.txt", SEED.read_bytes())
    assert zipfile.ZipFile(archive).infolist()[0].flag_bits & 0x800 == 0
    items = collect_inputs([archive])
    assert [i.path for i in items] == [f"{archive}!2025/강원 카드.txt"]
    convert_batch([archive], tmp_path / "out", jobs=1)
    (row,) = files_csv(tmp_path / "out")
    assert row["path"] == f"{archive}!2025/강원 카드.txt" and row["status"] in ("ok", "partial")
    assert [p.name for p in (tmp_path / "out" / "cards").iterdir()] == ["강원_카드.txt.json"]


def test_the_same_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEED.parent)
    summary = convert_batch([SEED, Path(SEED.name), Path(".") / SEED.name, SEED], tmp_path / "out", jobs=1)
    assert summary.files == 1 and len(files_csv(tmp_path / "out")) == 1
    assert len(collect_inputs([SEED.parent, SEED])) == len(collect_inputs([SEED.parent]))


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_says_how_to_resume(tmp_path: Path, signum: int, code: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pdf = (SAMPLES / "gangwon-2-16" / "gangwon-2-16.pdf").read_bytes()
    for i in range(60):
        (corpus / f"card-{i:03}.pdf").write_bytes(pdf + b"\n%" + bytes([i]))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pledgecard", "convert", str(corpus), "-o", str(out), "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    results = out / ".pledgecard" / "results"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(results.glob("*.json"))) < 3:
        time.sleep(0.05)
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == code
    assert "--resume" in err and "Traceback" not in err
    assert not (out / "files.csv").exists()


def test_a_file_name_that_is_not_utf8_is_read_and_labelled(tmp_path: Path) -> None:
    """A CP949 file name on a UTF-8 system (the file system hands it over with lone surrogates)
    is one row among the others, labelled readably; it never stops the batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    card = (SAMPLES / "missing-parts" / "missing-parts.txt").read_bytes()
    (folder / "plain.txt").write_bytes(card)
    with open(os.fsencode(folder) + b"/\xb0\xa1.txt", "wb") as handle:  # 가 in CP949
        handle.write(card)
    code = main(["convert", str(folder), "-o", str(tmp_path / "out"), "-q", "--jobs", "1"])
    rows = files_csv(tmp_path / "out")
    assert code == 0
    assert sorted(row["path"].rsplit("/", 1)[-1] for row in rows) == sorted(["plain.txt", "\\xb0\\xa1.txt"])
    assert {row["status"] for row in rows} == {"partial"}
