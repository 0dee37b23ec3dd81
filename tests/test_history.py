"""``pledgecard history`` (CARD-SPEC §6): a pledge's cards by as-of date and what changed.

The sample ``samples-history/saebom-3-07`` is one pledge re-issued over five quarters with one
quarter missing and one quarter sent twice with different content; its changes were written
by hand in ``history.expected.json`` (not from pledgecard's output) and must come out exactly.
The other tests are tables of one change each, made from a card by changing one value.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pledgecard.batch.inputs import InputItem
from pledgecard.batch.issuers import IssuerChoice, folder_issuer, issuer_for
from pledgecard.cli import main
from pledgecard.history.compare import card_deltas
from pledgecard.history.csvfile import HISTORY_COLUMNS
from pledgecard.history.identity import pledge_id
from pledgecard.history.models import CHANGE_CODES, HistoryChange
from pledgecard.history.timeline import build_histories, natural_key
from pledgecard.models import Card, FinanceCell, Pledge, ProgressBlock, Rate, Source
from pledgecard.pipeline import parse

from .conftest import ROOT, SAMPLES

HISTORY_SAMPLES = ROOT / "samples-history"
SAEBOM = HISTORY_SAMPLES / "saebom-3-07"
SUWON_TXT = SAMPLES / "suwon-3-07" / "suwon-3-07.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@cache
def saebom_cards() -> tuple[Card, ...]:
    return tuple(card for path in sorted(SAEBOM.glob("*.txt")) for card in parse(path))


def _expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAEBOM / "history.expected.json").read_text(encoding="utf-8"))
    return data


def _projected(change: HistoryChange, keys: list[str]) -> dict[str, Any]:
    values = change.model_dump()
    out = {k: values[k] for k in keys if k in values}
    for key in ("from_path", "to_path"):
        if key in keys and out[key] is not None:
            out[key] = Path(out[key]).name
    if "missing" in keys:
        out["missing"] = [q for q in change.message.replace(",", " ").split() if "-Q" in q]
    return out


# --- the hand-written sample ------------------------------------------------------------------

def test_sample_covers_every_change_code() -> None:
    assert {c["code"] for c in _expected()["changes"]} == set(CHANGE_CODES)


def test_sample_history_is_the_hand_written_one() -> None:
    expected = _expected()
    histories = build_histories(saebom_cards())
    assert [p.pledge for p in histories.pledges] == [expected["pledge"]]
    pledge = histories.pledges[0]
    assert [r.as_of for r in pledge.reissues] == expected["reissues"]
    assert len(pledge.changes) == len(expected["changes"])
    for change, wanted in zip(pledge.changes, expected["changes"], strict=True):  # in timeline order
        assert _projected(change, list(wanted)) == wanted


def test_sample_changes_are_in_timeline_order() -> None:
    changes = build_histories(saebom_cards()).pledges[0].changes
    order = [c.to_as_of or "" for c in changes]
    assert order == sorted(order)


def test_history_command_writes_csv_and_html(tmp_path: Path) -> None:
    code, _out, err = run("history", str(SAEBOM), "-o", str(tmp_path / "out"))
    assert code == 0, err
    raw = (tmp_path / "out" / "history.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the BOM and CRLF of every table
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == HISTORY_COLUMNS
    assert len(rows) == len(_expected()["changes"])
    total = next(r for r in rows if r["code"] == "history.total_cost")
    assert (total["before"], total["after"], total["diff_won"], total["diff_percent"]) == \
        ("12500000000", "13100000000", "600000000", "4.8")
    assert "history.gap: 1" in err and "5 cards of 1 pledges" in err
    assert (tmp_path / "out" / "history.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_history_of_a_convert_output_is_the_same(tmp_path: Path) -> None:
    """The cards.jsonl of an earlier convert gives the same history as the files themselves."""
    assert run("convert", str(SAEBOM), "-o", str(tmp_path / "converted"), "-q", "--jobs", "1")[0] == 0
    assert run("history", str(SAEBOM), "-o", str(tmp_path / "a"), "-q", "--jobs", "1")[0] == 0
    assert run("history", str(tmp_path / "converted"), "-o", str(tmp_path / "b"), "-q")[0] == 0
    assert (tmp_path / "a" / "history.csv").read_bytes() == (tmp_path / "b" / "history.csv").read_bytes()
    # written into the convert output, the history files are pledgecard's own: a next convert is not refused
    assert run("history", str(tmp_path / "converted"), "-o", str(tmp_path / "converted"), "-q")[0] == 0
    assert run("convert", str(SAEBOM), "-o", str(tmp_path / "converted"), "-q", "--jobs", "1")[0] == 0


def test_same_card_in_every_format_is_one_reissue(tmp_path: Path) -> None:
    """The four formats of one sample give the same card: one re-issue, the others beside it, no change."""
    folder = tmp_path / "suwon"
    shutil.copytree(SAMPLES / "suwon-3-07", folder, ignore=shutil.ignore_patterns("*.json", "*.md"))
    histories = build_histories(c for path in sorted(folder.iterdir()) for c in parse(path))
    (pledge,) = histories.pledges
    assert pledge.changes == []
    assert len(pledge.reissues) == 1 and len(pledge.reissues[0].also_in) == 3


# --- one change at a time ---------------------------------------------------------------------

def _card(**update: Any) -> Card:
    base = parse(SUWON_TXT)[0]
    return base.model_copy(update=update)


def _with_cell(card: Card, source: str, column: str, won: int) -> Card:
    cells = [c.model_copy(update={"won": won}) if (c.source, c.column) == (source, column) else c
             for c in card.finance.cells]
    return card.model_copy(update={"finance": card.finance.model_copy(update={"cells": cells})})


def _rate(percent: float) -> Rate:
    return Rate(percent=percent, text=f"{percent}%")


CHANGES: list[tuple[str, dict[str, Any], dict[str, Any], tuple[str, str, str | None, str | None, str]]] = [
    ("status", {"status": "정상 추진"}, {"status": "부진"}, ("history.status", "status", "정상 추진", "부진", "info")),
    ("target", {"target": "임기 내 완료"}, {"target": "임기 이후 완료"},
     ("history.target", "target", "임기 내 완료", "임기 이후 완료", "info")),
    ("rate up", {"progress_rate": _rate(40.0)}, {"progress_rate": _rate(45.5)},
     ("history.rate", "progress_rate.percent", "40.0", "45.5", "info")),
    ("rate down", {"progress_rate": _rate(45.5)}, {"progress_rate": _rate(40.0)},
     ("history.rate", "progress_rate.percent", "45.5", "40.0", "warning")),
    ("rate first stated", {}, {"progress_rate": _rate(10.0)},
     ("history.rate", "progress_rate.percent", None, "10.0", "info")),
    ("nothing", {}, {}, ("", "", None, None, "")),
]


@pytest.mark.parametrize(("before", "after", "expected"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_one_change(before: dict[str, Any], after: dict[str, Any],
                    expected: tuple[str, str, str | None, str | None, str]) -> None:
    deltas = card_deltas(_card(**before), _card(**after))
    got = [(d.code, d.field, None if d.before is None else str(d.before), None if d.after is None else str(d.after),
            d.severity) for d in deltas]
    assert got == ([expected] if expected[0] else [])


def test_period_end_moved() -> None:
    base = _card()
    assert base.overview.period is not None
    later = base.overview.period.model_copy(update={"end": "2027-06"})
    moved = base.model_copy(update={"overview": base.overview.model_copy(update={"period": later})})
    (delta,) = card_deltas(base, moved)
    assert (delta.code, delta.field, delta.before, delta.after) == ("history.period", "overview.period.end",
                                                                     "2026-12", "2027-06")


def test_finance_cell_with_won_and_percent() -> None:
    base = _card()
    (delta,) = card_deltas(base, _with_cell(base, "국비", "2024년", 1_500_000_000))
    assert (delta.code, delta.source, delta.column, delta.before, delta.after, delta.diff_won, delta.diff_percent) \
        == ("history.finance", "국비", "2024년", 1_200_000_000, 1_500_000_000, 300_000_000, 25.0)


def test_finance_cell_added_has_no_before() -> None:
    base = _card()
    extra = FinanceCell(source="국비", category="national", column="2027년", kind="year", year=2027, won=5, raw="5")
    grown = base.model_copy(update={"finance": base.finance.model_copy(update={"cells": [*base.finance.cells, extra]})})
    (delta,) = card_deltas(base, grown)
    assert (delta.column, delta.before, delta.after, delta.diff_won) == ("2027년", None, 5, None)


def test_achievement_status() -> None:
    base = _card()
    rows = [a.model_copy(update={"status": "완료"}) if a.project == "스마트 주차안내 시스템 구축" else a
            for a in base.achievements]
    (delta,) = card_deltas(base, base.model_copy(update={"achievements": rows}))
    assert (delta.code, delta.field, delta.before, delta.after) == \
        ("history.achievement", "achievements[2024/스마트 주차안내 시스템 구축].status", "미착수", "완료")


# --- the timeline: order, gaps, duplicates, identity --------------------------------------------

def _issue(as_of: str | None, path: str, number: str | None = "1-01", issuer: str | None = "가람시",
           title: str | None = "가람 공약", status: str = "정상 추진") -> Card:
    blocks = [ProgressBlock(heading=as_of, as_of=as_of)] if as_of else []
    return Card(source=Source(path=path, format="txt", sha256="0" * 64), issuer=issuer, status=status,
                pledge=Pledge(title=title, number=number), progress=blocks, as_of=as_of)


GAPS = [
    (["2024-Q4", "2025-Q1"], []),
    (["2024-12", "2025-06"], ["2025-Q1"]),
    (["2024-Q3", "2025-Q3"], ["2024-Q4", "2025-Q1", "2025-Q2"]),
    (["2025-01", "2025-03"], []),  # two issues in one quarter: nothing missing
    (["2024-12-31", "2025-04-01"], ["2025-Q1"]),
]


@pytest.mark.parametrize(("dates", "missing"), GAPS)
def test_gaps(dates: list[str], missing: list[str]) -> None:
    changes = build_histories(_issue(d, f"{d}.txt") for d in dates).pledges[0].changes
    gaps = [c for c in changes if c.code == "history.gap"]
    assert [q for c in gaps for q in c.message.split(": ", 1)[1].split(", ")] == missing
    assert all(c.severity == "warning" for c in gaps)


def test_cards_are_ordered_by_as_of_not_by_file() -> None:
    cards = [_issue("2025-Q1", "b.txt", status="부진"), _issue("2024-Q4", "a.txt"), _issue(None, "c.txt")]
    (pledge,) = build_histories(cards).pledges
    assert [r.as_of for r in pledge.reissues] == [None, "2024-Q4", "2025-Q1"]
    status = next(c for c in pledge.changes if c.code == "history.status")
    assert (status.from_as_of, status.to_as_of, status.before, status.after) == ("2024-Q4", "2025-Q1", "정상 추진",
                                                                                 "부진")


def test_quarter_and_month_of_it_are_one_date() -> None:
    cards = [_issue("2025-Q1", "a.txt"), _issue("2025-03", "b.txt")]
    (pledge,) = build_histories(cards).pledges
    (duplicate,) = pledge.changes
    assert duplicate.code == "history.duplicate" and "as_of" in duplicate.field


@pytest.mark.parametrize(("a", "b", "pledges"), [
    (dict(issuer="가람시"), dict(issuer="나래군"), ["가람시 1-01", "나래군 1-01"]),  # one number, two governments
    (dict(issuer=None), dict(issuer=None), ["1-01"]),
    (dict(number=None, title="가람  공약"), dict(number=None, title="가람 공약"), ["가람시 가람 공약"]),
    (dict(number=None, title=None), dict(), ["가람시 1-01"]),  # no number, no title: left out
])
def test_identity(a: dict[str, Any], b: dict[str, Any], pledges: list[str]) -> None:
    histories = build_histories([_issue("2025-Q1", "a.txt", **a), _issue("2025-Q2", "b.txt", **b)])
    assert [p.pledge for p in histories.pledges] == pledges
    assert len(histories.unidentified) == (1 if a.get("title", 1) is None else 0)


def test_pledges_in_natural_number_order() -> None:
    assert sorted(["3-10", "10-1", "3-7"], key=natural_key) == ["3-7", "3-10", "10-1"]
    histories = build_histories(_issue("2025-Q1", f"{n}.txt", number=n) for n in ("2-10", "2-9", "1-01"))
    assert [p.number for p in histories.pledges] == ["1-01", "2-9", "2-10"]


def test_pledge_id_of_a_parsed_card() -> None:
    who = pledge_id(saebom_cards()[0])
    assert who is not None and who.text == "새봄시 3-07"


# --- issuers ------------------------------------------------------------------------------------

def _write_card(path: Path, kind: str = "시장 공약사업 관리카드") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = SUWON_TXT.read_text(encoding="utf-8").replace("시장 공약사업 관리카드", kind, 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_issuer_option_fills_only_cards_that_name_none(tmp_path: Path) -> None:
    plain, named = _write_card(tmp_path / "a.txt"), _write_card(tmp_path / "b.txt", "새봄시장 공약사업 관리카드")
    assert json.loads(run("parse", str(plain), "--issuer", "수원시")[1])[0]["issuer"] == "수원시"
    assert json.loads(run("parse", str(plain))[1])[0]["issuer"] is None
    assert json.loads(run("parse", str(named), "--issuer", "수원시")[1])[0]["issuer"] == "새봄시"


@pytest.mark.parametrize(("relative", "issuer"), [
    ("원주시/2025-1/card.txt", "원주시"),
    ("원주시/card.txt", "원주시"),
    ("card.txt", None),  # straight under the input folder: --issuer, else none
])
def test_folder_issuer(tmp_path: Path, relative: str, issuer: str | None) -> None:
    root = tmp_path / "archive"
    path = _write_card(root / relative)
    item = InputItem(path=str(path), file=str(path))
    assert folder_issuer(item, [root]) == issuer
    assert issuer_for(item, [root], IssuerChoice(name="기본시", from_folder=True)) == (issuer or "기본시")


def test_folder_issuer_inside_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "cards.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("원주시/a.txt", "x")
    item = InputItem(path=f"{archive}!원주시/a.txt", file=str(archive), member="원주시/a.txt")
    assert folder_issuer(item, []) == "원주시"


def test_convert_and_history_take_issuers_from_folders(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _write_card(root / "원주시" / "a.txt")
    _write_card(root / "수원시" / "b.txt")
    _write_card(root / "c.txt", "새봄시장 공약사업 관리카드")  # names its own
    _write_card(root / "d.txt")  # straight under the input folder: --issuer
    code, _out, err = run("convert", str(root), "-o", str(tmp_path / "out"), "-q", "--jobs", "1",
                          "--issuer-from-folder", "--issuer", "기본시")
    assert code == 0, err
    issuers = {json.loads(line)["source"]["path"][len(str(root)) + 1:]: json.loads(line)["issuer"]
               for line in (tmp_path / "out" / "cards.jsonl").read_text().splitlines()}
    assert issuers == {"원주시/a.txt": "원주시", "수원시/b.txt": "수원시", "c.txt": "새봄시", "d.txt": "기본시"}
    assert run("history", str(root), "-o", str(tmp_path / "h"), "-q", "--jobs", "1", "--issuer-from-folder")[0] == 0
    rows = (tmp_path / "h" / "history.html").read_text(encoding="utf-8")
    assert all(f'data-pledge="{who} 3-07"' in rows for who in ("원주시", "수원시", "새봄시"))
    assert 'data-pledge="3-07"' in rows  # d.txt: no issuer said


# --- bad input, CSV safety ------------------------------------------------------------------------

def test_no_such_input_is_usage(tmp_path: Path) -> None:
    code, _out, err = run("history", str(tmp_path / "nothing"), "-o", str(tmp_path / "out"))
    assert code == 2 and "no such input" in err and not (tmp_path / "out").exists()


def test_no_card_found(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("안녕하세요", encoding="utf-8")
    code, _out, err = run("history", str(tmp_path / "notes.txt"), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 1 and "no pledge card found" in err and "Traceback" not in err


def test_a_bad_line_of_cards_jsonl_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [c.model_dump_json() for c in saebom_cards()]
    (tmp_path / "cards.jsonl").write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    code, _out, err = run("history", str(tmp_path / "cards.jsonl"), "-o", str(tmp_path / "out"))
    assert code == 1 and "cards.jsonl:2: not a card" in err and "5 cards of 1 pledges" in err


def test_csv_cells_are_excel_safe(tmp_path: Path) -> None:
    cards = [_issue("2025-Q1", "a.txt", status="=HYPERLINK(1)"), _issue("2025-Q2", "b.txt", status="@부진")]
    lines = "\n".join(c.model_dump_json() for c in cards)
    (tmp_path / "cards.jsonl").write_text(lines, encoding="utf-8")
    assert run("history", str(tmp_path / "cards.jsonl"), "-o", str(tmp_path / "out"), "-q")[0] == 0
    row = next(csv.DictReader(io.StringIO((tmp_path / "out" / "history.csv").read_text(encoding="utf-8-sig"))))
    assert (row["before"], row["after"]) == ("'=HYPERLINK(1)", "'@부진")


def test_duplicates_in_cards_jsonl_are_told_apart_by_every_field(tmp_path: Path) -> None:
    """cards.jsonl is read in part (the fields history compares); two cards of one date are compared whole."""
    card = saebom_cards()[0]
    same = card.model_copy(update={"source": card.source.model_copy(update={"path": "copy.txt"})})
    other = card.model_copy(update={"plans": card.plans[:1],
                                    "source": card.source.model_copy(update={"path": "other.txt"})})
    text = "\ufeff" + "".join(c.model_dump_json() + "\n" for c in (card, same, other))
    (tmp_path / "cards.jsonl").write_text(text, encoding="utf-8")
    assert run("history", str(tmp_path / "cards.jsonl"), "-o", str(tmp_path / "out"), "-q")[0] == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "history.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["code"], r["field"], r["to_path"]) for r in rows] == [("history.duplicate", "plans#len", "other.txt")]
    assert 'also in copy.txt' in (tmp_path / "out" / "history.html").read_text(encoding="utf-8")


def test_bench_runs_and_reports_the_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    """bench/bench_history.py on a few pledges (its timing is not asserted here)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_history", ROOT / "bench" / "bench_history.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["--pledges", "2"])
    printed = capsys.readouterr().out
    assert "8 cards of 2 pledges, 28 changes" in printed and "history / parse = " in printed


def test_the_history_table_is_defined_from_the_change_record() -> None:
    """history.csv and the history table have one definition, and it holds every field of a change."""
    assert list(HistoryChange.model_fields) == HISTORY_COLUMNS
