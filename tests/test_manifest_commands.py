"""``convert`` and ``history`` share an output folder's manifest (``DIR/.pledgecard/manifest.json``),
which says which command wrote each file: a run replaces only its own command's earlier files and
keeps the other's, listed (so they are not taken for the user's either). A manifest of format 1
(no command named) still reads: its files are ``convert``'s, but for ``history.csv`` and
``history.html``, which only ``history`` writes. A file no run wrote is still refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pledgecard import __version__
from pledgecard.history.command import OUTPUT_FILES
from pledgecard.outputs.manifest import (
    CONVERT,
    FORMAT_1_HISTORY_FILES,
    HISTORY,
    manifest_path,
    owners,
    record_written,
    written_by,
)

from .conftest import SAMPLES
from .test_history import SAEBOM, run

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"
HISTORY_FILES = set(OUTPUT_FILES)
MINE = "내 메모\n".encode()


def outputs(folder: Path) -> dict[str, bytes]:
    """Every output file under ``folder`` with its bytes (pledgecard's own folder left out)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != ".pledgecard"}


def everything(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def convert(source: Path, out: Path, *more: str) -> tuple[int, str, str]:
    return run("convert", str(source), "-o", str(out), "-q", "--jobs", "1", *more)


def history(source: Path, out: Path, *more: str) -> tuple[int, str, str]:
    return run("history", str(source), "-o", str(out), "-q", *more)


def as_format_1(out: Path) -> None:
    """The manifest as pledgecard wrote it before it named the command (e9932f1)."""
    files = sorted(json.loads(manifest_path(out).read_text(encoding="utf-8"))["files"])
    manifest_path(out).write_text(json.dumps({"pledgecard": "0.1.0", "files": files}, indent=1) + "\n",
                                  encoding="utf-8")


# --- one command's files survive the other's runs ------------------------------------------------

@pytest.mark.parametrize("old_manifest", [False, True], ids=["format-2", "format-1"])
def test_convert_keeps_what_history_wrote_and_replaces_its_own(tmp_path: Path, old_manifest: bool) -> None:
    out = tmp_path / "out"
    assert convert(SAEBOM, out)[0] == 0
    converted = written_by(out, CONVERT)
    assert history(out, out)[0] == 0  # the cards.jsonl of the convert just run
    kept = {name: (out / name).read_bytes() for name in HISTORY_FILES}
    if old_manifest:
        as_format_1(out)
    assert convert(SEED, out) == (0, "", "")  # history's files are not foreign: not refused
    assert {name: (out / name).read_bytes() for name in HISTORY_FILES} == kept  # byte-identical
    assert written_by(out, HISTORY) == HISTORY_FILES  # and still listed as history's
    now = written_by(out, CONVERT)
    assert "cards/gangwon-2-16.txt.json" in now and not any("saebom" in name for name in now)
    gone = converted - now
    assert gone and all(name.startswith("cards/") and not (out / name).exists() for name in gone)
    assert set(outputs(out)) == now | HISTORY_FILES  # nothing else left behind, nothing unlisted


def test_history_keeps_what_convert_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert history(SAEBOM, out)[0] == 0
    first_history = {name: (out / name).read_bytes() for name in HISTORY_FILES}
    assert convert(SEED, out) == (0, "", "")
    assert {name: (out / name).read_bytes() for name in HISTORY_FILES} == first_history
    converted = {name: data for name, data in outputs(out).items() if name not in HISTORY_FILES}
    assert "cards.jsonl" in converted and "cards/gangwon-2-16.txt.json" in converted
    assert history(SAEBOM, out) == (0, "", "")  # convert's files are not foreign: not refused
    after = outputs(out)
    assert {name: after[name] for name in converted} == converted  # every file of convert's as it was
    assert set(after) == set(converted) | HISTORY_FILES
    assert written_by(out, CONVERT) == set(converted) and written_by(out, HISTORY) == HISTORY_FILES


def test_a_history_run_into_a_format_1_folder_keeps_convert_s_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert convert(SEED, out)[0] == 0
    as_format_1(out)  # a folder convert wrote before the manifest named the command
    before = outputs(out)
    assert history(SAEBOM, out) == (0, "", "")
    after = outputs(out)
    assert {name: after[name] for name in before} == before
    assert written_by(out, CONVERT) == set(before) and written_by(out, HISTORY) == HISTORY_FILES
    assert json.loads(manifest_path(out).read_text(encoding="utf-8"))["format"] == 2  # rewritten as format 2


# --- the user's files are still refused ------------------------------------------------------------

@pytest.mark.parametrize("old_manifest", [False, True], ids=["format-2", "format-1"])
@pytest.mark.parametrize("command", ["convert", "history"])
@pytest.mark.parametrize("name", ["notes.txt", "cards/mine.json", "History.csv"])
def test_a_users_file_beside_both_commands_files_is_refused(
        tmp_path: Path, command: str, name: str, old_manifest: bool) -> None:
    out = tmp_path / "out"
    assert convert(SEED, out)[0] == 0
    assert history(SAEBOM, out)[0] == 0
    if old_manifest:
        as_format_1(out)
    (out / name).write_bytes(MINE)
    before = everything(out)
    code, _out, err = (convert(SEED, out) if command == "convert" else history(SAEBOM, out))
    assert code == 2 and f"holds files pledgecard did not write ({name})" in err and "--force" in err
    assert everything(out) == before


def test_force_keeps_the_users_file_and_the_other_commands(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert history(SAEBOM, out)[0] == 0
    (out / "notes.txt").write_bytes(MINE)
    kept = {name: (out / name).read_bytes() for name in [*HISTORY_FILES, "notes.txt"]}
    assert convert(SEED, out, "--force")[0] == 0
    assert {name: (out / name).read_bytes() for name in kept} == kept
    assert "notes.txt" not in owners(out)  # still the user's: the next run is refused again
    assert convert(SEED, out)[0] == 2


# --- reading the manifest ----------------------------------------------------------------------------

CARDS = ["cards.jsonl", "cards/a.txt.json", "files.csv"]


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        pytest.param({"pledgecard": "0.1.0", "files": CARDS}, dict.fromkeys(CARDS, CONVERT), id="format-1-convert"),
        pytest.param({"pledgecard": "0.1.0", "files": [*CARDS, "history.csv", "history.html"]},
                     {**dict.fromkeys(CARDS, CONVERT), "history.csv": HISTORY, "history.html": HISTORY},
                     id="format-1-both"),
        pytest.param({"pledgecard": "0.1.0", "files": ["history.csv", "history.html"]},
                     dict.fromkeys(["history.csv", "history.html"], HISTORY), id="format-1-history"),
        pytest.param({"format": 2, "files": ["cards.jsonl", "history.csv"],
                      "commands": {"history": ["history.csv"]}},
                     {"cards.jsonl": CONVERT, "history.csv": HISTORY}, id="format-2-no-command-is-convert's"),
        pytest.param({"format": 2, "files": ["cards/history.csv"], "commands": {}},
                     {"cards/history.csv": CONVERT}, id="format-2-unplaced"),
        pytest.param({"format": 2, "files": ["a.csv"], "commands": {"report": ["a.csv", "b.csv"]}},
                     {"a.csv": "report", "b.csv": "report"}, id="another-command"),
        pytest.param({"files": ["../up", "/abs", "", 3, ".pledgecard/x", "ok.csv"],
                      "commands": {"history": ["../h", None], "convert": "x.csv"}},
                     {"ok.csv": CONVERT}, id="bad-entries-left-out"),
        pytest.param(["cards.jsonl"], {}, id="not-an-object"),
    ],
)
def test_owners_of_a_manifest(tmp_path: Path, manifest: Any, expected: dict[str, str]) -> None:
    manifest_path(tmp_path).parent.mkdir()
    manifest_path(tmp_path).write_text(json.dumps(manifest), encoding="utf-8")
    assert owners(tmp_path) == expected


def test_no_manifest_or_an_unreadable_one_lists_nothing(tmp_path: Path) -> None:
    assert owners(tmp_path) == {}
    manifest_path(tmp_path).parent.mkdir()
    manifest_path(tmp_path).write_text("{not json", encoding="utf-8")
    assert owners(tmp_path) == {}


def test_recording_one_commands_files_keeps_the_others(tmp_path: Path) -> None:
    record_written(tmp_path, CONVERT, ["cards.jsonl", "cards/a.json"])
    record_written(tmp_path, HISTORY, ["history.csv", "history.html"])
    record_written(tmp_path, CONVERT, ["cards.jsonl", "cards/b.json"])
    assert json.loads(manifest_path(tmp_path).read_text(encoding="utf-8")) == {
        "pledgecard": __version__,
        "format": 2,
        "files": ["cards.jsonl", "cards/b.json", "history.csv", "history.html"],  # every file, as format 1
        "commands": {"convert": ["cards.jsonl", "cards/b.json"], "history": ["history.csv", "history.html"]},
    }
    record_written(tmp_path, HISTORY, ["cards.jsonl"])  # a file it overwrote is its now
    assert owners(tmp_path) == {"cards.jsonl": HISTORY, "cards/b.json": CONVERT}


def test_the_format_1_history_names_are_the_history_commands() -> None:
    assert FORMAT_1_HISTORY_FILES == HISTORY_FILES
