"""``pledgecard history -o DIR`` follows ``convert``'s rules for its output folder, and
``history.html`` holds at most ``--max-html-pledges`` timelines, saying so on the page and on stderr.

The folder: what a run wrote is listed in ``DIR/.pledgecard/manifest.json`` and the next run
replaces only that; a folder holding files pledgecard did not write (a ``history.csv`` of the
user's own among them) is refused, exit 2, touching nothing, unless ``--force``, which writes
beside them and keeps them; a usage error touches nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from pathlib import Path

import pytest

from pledgecard.history.page import DEFAULT_MAX_PLEDGES, pledge_section, render_history_html
from pledgecard.history.timeline import Histories, build_histories
from pledgecard.models import Card
from pledgecard.outputs.jsonfiles import card_line
from pledgecard.outputs.manifest import manifest_path, written_files
from pledgecard.pipeline import parse

from .test_history import SAEBOM, run

MINE = "내 메모\n".encode()


@cache
def pledge_cards(pledges: int) -> tuple[Card, ...]:
    """The five re-issues of saebom-3-07 as ``pledges`` pledges (numbers 3-01, 3-02 …)."""
    cards = [card for path in sorted(SAEBOM.glob("*.txt")) for card in parse(path)]
    return tuple(card.model_copy(update={"pledge": card.pledge.model_copy(update={"number": f"3-{n:02}"})})
                 for n in range(1, pledges + 1) for card in cards)


def jsonl(folder: Path, pledges: int = 1) -> Path:
    path = folder / "in" / "cards.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(card_line(card) for card in pledge_cards(pledges)), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (pledgecard's own folder too) with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the output folder --------------------------------------------------------------------------

def test_a_run_lists_its_files_and_the_next_replaces_them(tmp_path: Path) -> None:
    cards, out = jsonl(tmp_path), tmp_path / "out"
    assert run("history", str(cards), "-o", str(out), "-q") == (0, "", "")
    assert written_files(out) == {"history.csv", "history.html"}
    first = snapshot(out)
    assert run("history", str(cards), "-o", str(out), "-q") == (0, "", "")  # its own files: not refused
    assert snapshot(out) == first


@pytest.mark.parametrize("name", ["history.csv", "history.html", "notes.txt", "sub/history.csv"])
def test_a_folder_with_files_of_the_users_is_refused_and_left_as_it_was(tmp_path: Path, name: str) -> None:
    cards, out = jsonl(tmp_path), tmp_path / "out"
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(MINE)
    code, _out, err = run("history", str(cards), "-o", str(out), "-q")
    assert code == 2
    assert err.startswith(f"pledgecard: {out}: holds files pledgecard did not write ({name})") and "--force" in err
    assert snapshot(out) == {name: MINE}  # no manifest, no history file: nothing touched
    assert not manifest_path(out).parent.exists()


def test_a_users_history_csv_beside_an_earlier_run_is_refused(tmp_path: Path) -> None:
    """A folder the tool wrote before, where the user has since put files of their own."""
    cards, out = jsonl(tmp_path), tmp_path / "out"
    assert run("history", str(cards), "-o", str(out), "-q")[0] == 0
    (out / "history.csv").unlink()
    (out / "History.CSV").write_bytes(MINE)  # not the tool's name, whatever the file system says
    before = snapshot(out)
    code, _out, err = run("history", str(cards), "-o", str(out), "-q")
    assert code == 2 and "(History.CSV)" in err
    assert snapshot(out) == before


def test_force_writes_beside_the_users_files_and_keeps_them(tmp_path: Path) -> None:
    cards, out = jsonl(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "history.csv").write_bytes(MINE)
    (out / "notes.txt").write_bytes(MINE)
    assert run("history", str(cards), "-o", str(out), "-q", "--force")[0] == 0
    assert (out / "notes.txt").read_bytes() == MINE  # kept
    assert (out / "history.csv").read_bytes().startswith(b"\xef\xbb\xbfissuer,")  # same name: overwritten
    assert written_files(out) == {"history.csv", "history.html"}  # notes.txt is still the user's
    code, _out, err = run("history", str(cards), "-o", str(out), "-q")  # and still refused without --force
    assert code == 2 and "(notes.txt)" in err


def test_into_a_convert_folder_its_files_are_kept_and_both_listed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("convert", str(SAEBOM), "-o", str(out), "-q", "--jobs", "1")[0] == 0
    converted = written_files(out)
    assert "cards.jsonl" in converted and "history.csv" not in converted
    files = snapshot(out)
    assert run("history", str(out), "-o", str(out), "-q")[0] == 0
    assert written_files(out) == converted | {"history.csv", "history.html"}
    after = snapshot(out)
    untouched = [name for name in files if name.split("/")[0] != ".pledgecard" and name != "cards.sqlite"]
    assert [after[name] for name in untouched] == [files[name] for name in untouched]  # the database gets its
    # history table (README), the manifest its two names; every other file of convert's is as it was


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["IN", "--jobs", "0"], id="jobs"),
        pytest.param(["IN", "--timeout", "0"], id="timeout"),
        pytest.param(["IN", "--max-html-pledges", "-1"], id="negative-cap"),
        pytest.param(["IN", "--max-html-pledges", "some"], id="word-cap"),
        pytest.param(["NOWHERE"], id="no-such-input"),
        pytest.param([], id="no-input"),
        pytest.param(["IN", "--bogus"], id="unknown-option"),
    ],
)
@pytest.mark.parametrize("earlier", [False, True], ids=["new-folder", "earlier-run"])
def test_a_usage_error_touches_nothing(tmp_path: Path, argv: list[str], earlier: bool) -> None:
    cards, out = jsonl(tmp_path), tmp_path / "out"
    if earlier:
        assert run("history", str(cards), "-o", str(out), "-q")[0] == 0
    before = snapshot(out) if earlier else None
    args = [str(cards) if a == "IN" else str(tmp_path / "nowhere") if a == "NOWHERE" else a for a in argv]
    assert run("history", *args, "-o", str(out), "-q")[0] == 2
    assert (snapshot(out) if earlier else out.exists()) == (before if earlier else False)


# --- the size of history.html -------------------------------------------------------------------

def _sections(html: str) -> list[str]:
    return re.findall(r'<section class="pledge" id="p\d+" data-pledge="([^"]+)"', html)


def _rows(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-pledge="([^"]+)"[^>]* data-timeline="(yes|no)"', html))


@cache
def histories(pledges: int) -> Histories:
    return build_histories(pledge_cards(pledges))


@pytest.mark.parametrize(
    ("pledges", "cap", "shown"),
    [
        pytest.param(3, None, 3, id="no-cap"),
        pytest.param(3, 3, 3, id="cap-equal"),
        pytest.param(3, 10, 3, id="cap-above"),
        pytest.param(3, 2, 2, id="cap-below"),
        pytest.param(3, 0, 0, id="index-only"),
    ],
)
def test_page_holds_the_first_timelines_and_names_every_pledge(pledges: int, cap: int | None, shown: int) -> None:
    html = render_history_html(histories(pledges), cap)
    names = [f"새봄시 3-{n:02}" for n in range(1, pledges + 1)]
    assert _sections(html) == names[:shown]
    assert _rows(html) == {name: "yes" if n < shown else "no" for n, name in enumerate(names)}  # every pledge
    assert html.count("(timeline not on this page: history.csv)") == pledges - shown
    assert re.search(r'data-changes="45"', html)  # the counts are of every change, shown or not
    note = re.search(r'<p id="cut"[^>]*data-shown="(\d+)" data-left-out="(\d+)" data-changes-left-out="(\d+)">'
                     r"(.*?)</p>", html)
    if shown == pledges:
        assert note is None
    else:
        assert note is not None
        assert note.groups()[:3] == (str(shown), str(pledges - shown), str(15 * (pledges - shown)))
        assert f"first {shown} of {pledges} pledges" in note[4] and names[shown] in note[4]
        assert "history.csv" in note[4] and f"--max-html-pledges {cap}" in note[4]


def test_the_default_cap_keeps_the_page_to_a_few_megabytes() -> None:
    """Each timeline of the sample pledge (five re-issues, fifteen changes) is some kilobytes; the
    default number of them stays under 8 MB (2,500 pledges uncapped were 21 MB)."""
    section = max(len(pledge_section(p, n).encode()) for n, p in enumerate(histories(3).pledges))
    assert section > 2_000 and DEFAULT_MAX_PLEDGES * section < 8 * 2**20
    assert DEFAULT_MAX_PLEDGES >= 100


def test_cli_says_what_the_page_left_out_and_the_csv_has_every_change(tmp_path: Path) -> None:
    cards, out = jsonl(tmp_path, pledges=3), tmp_path / "out"
    code, _out, err = run("history", str(cards), "-o", str(out), "-q", "--max-html-pledges", "1")
    assert code == 0
    assert err == ("pledgecard: history.html shows the timelines and charts of 1 of 3 pledges "
                   "(--max-html-pledges 1); the other 2, from 새봄시 3-02 on, are named in its index only; "
                   "history.csv has every change (--max-html-pledges all for every timeline)\n")
    rows = list(csv.DictReader(io.StringIO((out / "history.csv").read_text(encoding="utf-8-sig"))))
    assert sorted({r["pledge"] for r in rows}) == ["새봄시 3-01", "새봄시 3-02", "새봄시 3-03"] and len(rows) == 45
    html = (out / "history.html").read_text(encoding="utf-8")
    assert _sections(html) == ["새봄시 3-01"] and 'data-left-out="2"' in html


@pytest.mark.parametrize("cap", [["--max-html-pledges", "all"], ["--max-html-pledges", "3"], []])
def test_cli_says_nothing_when_the_page_has_every_timeline(tmp_path: Path, cap: list[str]) -> None:
    cards, out = jsonl(tmp_path, pledges=3), tmp_path / "out"
    assert run("history", str(cards), "-o", str(out), "-q", *cap) == (0, "", "")
    assert len(_sections((out / "history.html").read_text(encoding="utf-8"))) == 3


def test_the_summary_and_the_notice_both_go_to_stderr(tmp_path: Path) -> None:
    code, _out, err = run("history", str(jsonl(tmp_path, pledges=2)), "-o", str(tmp_path / "out"),
                          "--max-html-pledges", "0")
    assert code == 0 and "10 cards of 2 pledges: 30 changes" in err
    assert err.endswith("(--max-html-pledges all for every timeline)\n") and "0 of 2 pledges" in err
    assert json.loads(manifest_path(tmp_path / "out").read_text(encoding="utf-8"))["files"] == \
        ["history.csv", "history.html"]
