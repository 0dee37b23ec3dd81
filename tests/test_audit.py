"""``pledgecard audit``: the leaf diff, the golden audit, the self-check, and the HTML report
(checked in a real headless browser when chromium is installed)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from pledgecard.audit.command import threshold
from pledgecard.audit.compare import Leaf, diff, diff_cards, generalize, leaves, same, section_of
from pledgecard.audit.report import AuditReport
from pledgecard.audit.selfcheck import SelfReport
from pledgecard.cli import main

from .conftest import SAMPLES

SEED = "gangwon-2-16"
SEED_TITLE = "디지털헬스케어 메카 육성"
CHROMIUM = shutil.which("chromium")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def copy_sample(root: Path, name: str, suffixes: tuple[str, ...] = (".txt",)) -> Path:
    """One sample folder (the given formats and the golden) under ``root``."""
    folder = root / name
    folder.mkdir(parents=True)
    for suffix in (*suffixes, ".expected.json"):
        shutil.copy(SAMPLES / name / f"{name}{suffix}", folder)
    return folder / f"{name}.expected.json"


# --- the leaf diff and its paths ------------------------------------------------------------

@pytest.mark.parametrize(("path", "field"), [
    ("pledge.title", "pledge.title"),
    ("achievements#len", "achievements#len"),
    ("progress[0].items[12].dates[3].start", "progress[].items[].dates[].start"),
    ("progress[1].items#len", "progress[].items#len"),
    ("overview.total_cost.breakdown[2].won", "overview.total_cost.breakdown[].won"),
    ("cooperating_departments[0]", "cooperating_departments[]"),
    ("cards#len", "cards#len"),
])
def test_generalize(path: str, field: str) -> None:
    assert generalize(path) == field


@pytest.mark.parametrize(("path", "section"), [
    ("pledge.title", "pledge"), ("finance.cells[0].won", "finance"), ("achievements#len", "achievements"),
    ("cooperating_departments[1]", "cooperating_departments"), ("card_id", "card_id"), ("cards#len", "cards"),
    ("unplaced[0]", "unplaced"),
])
def test_section_of(path: str, section: str) -> None:
    assert section_of(path) == section


@pytest.mark.parametrize(("value", "expected"), [
    ({"a": 1}, [("a", 1)]),
    ({"a": {"b": None, "c": "x"}}, [("a.b", None), ("a.c", "x")]),
    ({"l": []}, [("l#len", 0)]),
    ({"l": [{"t": 1}, {"t": 2}]}, [("l#len", 2), ("l[0].t", 1), ("l[1].t", 2)]),
    ({"l": [[1], []]}, [("l#len", 2), ("l[0]#len", 1), ("l[0][0]", 1), ("l[1]#len", 0)]),
    ({"source": {"path": "x"}, "i": {"provenance": {"line": 3}, "t": "y"}}, [("i.t", "y")]),
])
def test_leaves(value: Any, expected: list[tuple[str, Any]]) -> None:
    assert list(leaves(value)) == expected


@pytest.mark.parametrize(("a", "b", "equal"), [
    (1, 1, True), (1, 1.0, True), (3.6, 3.6, True), (True, 1, False), (0, False, False), (None, None, True),
    ("1", 1, False), ("", None, False), ("가", "가", True), (True, True, True),
])
def test_same(a: Any, b: Any, equal: bool) -> None:
    assert same(a, b) is equal


def _bad(expected: Any, got: Any) -> list[tuple[str, str, Any, Any]]:
    return [(leaf.path, leaf.kind, leaf.expected, leaf.got) for leaf in diff(expected, got) if not leaf.matched]


@pytest.mark.parametrize(("expected", "got", "mismatches"), [
    ({"a": 1, "b": "x"}, {"a": 1, "b": "x"}, []),
    ({"a": 1}, {"a": 2}, [("a", "changed", 1, 2)]),
    ({"a": {"b": 1}}, {"a": {"b": 1}, "source": {"path": "other"}}, []),
    ({"i": {"t": 1, "provenance": {"line": 1}}}, {"i": {"t": 1, "provenance": {"line": 9}}}, []),
    ({"l": [1, 2]}, {"l": [1]}, [("l#len", "changed", 2, 1), ("l[1]", "missing", 2, None)]),
    ({"l": [1]}, {"l": [1, {"x": 5, "y": 6}]},
     [("l#len", "changed", 1, 2), ("l[1].x", "extra", None, 5), ("l[1].y", "extra", None, 6)]),
    ({"p": None}, {"p": {"start": "2024"}}, [("p", "missing", None, None), ("p.start", "extra", None, "2024")]),
    ({"a": 1}, {}, [("a", "missing", 1, None)]),
    ({}, {"a": [1]}, [("a#len", "extra", None, 1), ("a[0]", "extra", None, 1)]),
])
def test_diff(expected: Any, got: Any, mismatches: list[tuple[str, str, Any, Any]]) -> None:
    assert _bad(expected, got) == mismatches


def test_diff_counts_every_leaf_once() -> None:
    golden = json.loads((SAMPLES / SEED / f"{SEED}.expected.json").read_text(encoding="utf-8"))
    result = diff_cards(golden, golden)
    assert all(leaf.matched for leaf in result)
    assert len(result) == 1 + sum(len(list(leaves(card))) for card in golden)


def test_diff_cards_missing_card_counts_all_its_leaves() -> None:
    card = {"pledge": {"title": "t", "number": "1"}, "plans": []}
    result = diff_cards([card, card], [card])
    bad = [leaf for leaf in result if not leaf.matched]
    assert bad[0] == Leaf(None, "cards#len", "changed", 2, 1)
    assert [(leaf.card, leaf.path, leaf.kind) for leaf in bad[1:]] == [
        (1, "pledge.title", "missing"), (1, "pledge.number", "missing"), (1, "plans#len", "missing")]


@pytest.mark.parametrize(("text", "value"), [
    ("0.995", 0.995), ("99.5", 0.995), ("99.5%", 0.995), (" 99.5 % ", 0.995), ("1", 1.0), ("100", 1.0),
    ("100%", 1.0), ("0", 0.0), ("0.5%", 0.005),
])
def test_min_accuracy_forms(text: str, value: float) -> None:
    assert threshold(text) == pytest.approx(value)


# --- the audit over the samples -------------------------------------------------------------

@pytest.fixture(scope="module")
def samples_audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, dict[str, Any], Path]:
    """One audit of a copy of samples/ with --json and --html, shared by the tests below."""
    root = tmp_path_factory.mktemp("audit")
    shutil.copytree(SAMPLES, root / "samples")
    report_json, report_html = root / "report.json", root / "report.html"
    code, out, _err = run("audit", str(root / "samples"), "--json", str(report_json), "--html", str(report_html))
    return code, out, json.loads(report_json.read_text(encoding="utf-8")), report_html


def test_audit_samples_txt_is_exact(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    code, out, report, _html = samples_audit
    assert code == 0
    assert report["by_format"]["txt"] == {"leaves": report["by_format"]["txt"]["leaves"],
                                          "matched": report["by_format"]["txt"]["leaves"], "accuracy": 1.0}
    assert report["by_format"]["txt"]["leaves"] > 1000
    assert not [m for m in report["mismatches"] if m["format"] == "txt"]
    for line in ("overall", "by format", "by section", "  txt "):
        assert line in out


def test_audit_reports_every_format(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    _code, out, report, _html = samples_audit
    present = {p.suffix.lstrip(".") for p in SAMPLES.glob("*/*.*") if p.suffix in (".txt", ".hwp", ".hwpx", ".pdf")}
    assert set(report["by_format"]) == present
    for fmt, tally in report["by_format"].items():
        assert 0 <= tally["accuracy"] <= 1 and tally["leaves"] > 0
        assert f"  {fmt} " in out
    audited = [p for p in SAMPLES.glob("*/*.*")
               if p.suffix.lstrip(".") in present and p.with_name(p.stem + ".expected.json").is_file()]
    assert report["counts"]["files"] == len(audited)  # every source with a golden beside it


def test_audit_json_has_sections_fields_and_files(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    _code, _out, report, _html = samples_audit
    AuditReport.model_validate(report)
    assert {"overall", "by_format", "by_section", "by_field", "files", "mismatches", "counts"} <= set(report)
    assert {"cards", "pledge", "overview", "finance", "progress", "achievements", "communication", "plans",
            "expected_effects", "findings", "unplaced"} <= set(report["by_section"])
    assert {"progress[].items[].dates[].start", "achievements#len", "finance.cells[].won"} <= set(report["by_field"])
    assert "source" not in report["by_section"] and not any("provenance" in k for k in report["by_field"])
    overall = report["overall"]
    assert overall["leaves"] == sum(t["leaves"] for t in report["by_format"].values())
    assert overall["leaves"] == sum(t["leaves"] for t in report["by_section"].values())
    assert overall["matched"] == sum(f["tally"]["matched"] for f in report["files"])


def test_tampered_golden_gives_exactly_that_mismatch(tmp_path: Path) -> None:
    golden = copy_sample(tmp_path, SEED)
    cards = json.loads(golden.read_text(encoding="utf-8"))
    cards[0]["pledge"]["title"] = "틀린 제목"
    golden.write_text(json.dumps(cards, ensure_ascii=False), encoding="utf-8")
    report_json = tmp_path / "r.json"
    code, out, err = run("audit", str(tmp_path), "--json", str(report_json))
    assert code == 0 and err == ""
    report = json.loads(report_json.read_text(encoding="utf-8"))
    assert [(m["path"], m["field"], m["section"], m["kind"], m["expected"], m["got"], m["card"])
            for m in report["mismatches"]] == [
        ("pledge.title", "pledge.title", "pledge", "changed", "틀린 제목", SEED_TITLE, 0)]
    assert report["mismatches"][0]["file"].endswith(f"{SEED}.txt")
    assert report["overall"]["matched"] == report["overall"]["leaves"] - 1
    assert report["by_field"]["pledge.title"] == {"leaves": 1, "matched": 0, "accuracy": 0.0}
    assert "pledge.title [changed]" in out and "틀린 제목" in out and SEED_TITLE in out

    code, _out, err = run("audit", str(tmp_path), "--min-accuracy", "1")
    assert code == 1 and err.count("\n") == 1 and "below the minimum" in err
    assert run("audit", str(tmp_path), "--min-accuracy", "99.99%")[0] == 1
    assert run("audit", str(tmp_path), "--min-accuracy", "0.99")[0] == 0


def test_untampered_passes_min_accuracy_100(tmp_path: Path) -> None:
    copy_sample(tmp_path, SEED)
    code, out, _err = run("audit", str(tmp_path), "--min-accuracy", "100")
    assert code == 0 and "mismatches: none" in out


def test_shorter_golden_list_counts_extra_leaves(tmp_path: Path) -> None:
    golden = copy_sample(tmp_path, SEED)
    cards = json.loads(golden.read_text(encoding="utf-8"))
    dropped = cards[0]["achievements"].pop()
    golden.write_text(json.dumps(cards, ensure_ascii=False), encoding="utf-8")
    report_json = tmp_path / "r.json"
    run("audit", str(tmp_path), "--json", str(report_json))
    mismatches = json.loads(report_json.read_text(encoding="utf-8"))["mismatches"]
    n = len(cards[0]["achievements"])
    assert mismatches[0]["path"] == "achievements#len"
    assert (mismatches[0]["expected"], mismatches[0]["got"]) == (n, n + 1)
    assert {m["kind"] for m in mismatches[1:]} == {"extra"}
    assert all(m["path"].startswith(f"achievements[{n}]") for m in mismatches[1:])
    assert len(mismatches) - 1 == len(list(leaves(dropped)))


def test_failed_parse_is_all_mismatch_with_its_reason(tmp_path: Path) -> None:
    golden = copy_sample(tmp_path, SEED)
    (tmp_path / SEED / f"{SEED}.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 64)
    report_json = tmp_path / "r.json"
    code, out, _err = run("audit", str(tmp_path), "--json", str(report_json))
    assert code == 0
    report = json.loads(report_json.read_text(encoding="utf-8"))
    pdf = next(f for f in report["files"] if f["format"] == "pdf")
    assert pdf["status"] == "failed" and pdf["reason"]
    assert pdf["tally"]["matched"] == 0
    expected_leaves = 1 + sum(len(list(leaves(c))) for c in json.loads(golden.read_text(encoding="utf-8")))
    assert pdf["tally"]["leaves"] == pdf["mismatches"] == expected_leaves
    assert report["by_format"]["pdf"]["accuracy"] == 0.0 and report["by_format"]["txt"]["accuracy"] == 1.0
    assert f"failed: {pdf['path']}: {pdf['reason']}" in out


def test_unreadable_golden_fails_the_gate(tmp_path: Path) -> None:
    golden = copy_sample(tmp_path, SEED)
    golden.write_text("{not json", encoding="utf-8")
    code, out, _err = run("audit", str(tmp_path))
    assert code == 0 and "golden unreadable" in out
    assert run("audit", str(tmp_path), "--min-accuracy", "0")[0] == 1


@pytest.mark.parametrize(("argv", "ours"), [
    (["audit", "{tmp}/nope"], True),
    (["audit", "{tmp}"], True),  # no golden beside any source
    (["audit", "{tmp}/file.txt"], True),
    (["audit", "--self", "{tmp}/nope"], True),
    (["audit", "--self", "{tmp}", "--min-accuracy", "0.9"], True),
    (["audit", "{tmp}", "--min-accuracy", "abc"], False),  # argparse's own message
    (["audit", "{tmp}", "--min-accuracy", "150"], False),
    (["audit"], False),
], ids=["no-folder", "no-goldens", "a-file", "self-no-folder", "self-with-threshold", "bad-threshold", "over-100",
        "no-dir"])
def test_bad_usage_exits_2(tmp_path: Path, argv: list[str], ours: bool) -> None:
    (tmp_path / "file.txt").write_text("memo\n", encoding="utf-8")
    code, out, err = run(*(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 2 and out == "" and "Traceback" not in err
    if ours:
        assert err.count("\n") == 1 and err.startswith("pledgecard: ")


# --- the self-check ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def self_audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any], Path]:
    root = tmp_path_factory.mktemp("self")
    report_json, report_html = root / "self.json", root / "self.html"
    code, out, err = run("audit", "--self", str(SAMPLES), "--json", str(report_json), "--html", str(report_html))
    assert code == 0, err
    return out, json.loads(report_json.read_text(encoding="utf-8")), report_html


def test_self_seed_has_no_unplaced_text(self_audit: tuple[str, dict[str, Any], Path]) -> None:
    out, report, _html = self_audit
    SelfReport.model_validate(report)
    seed = [f for f in report["files"] if f["path"].endswith(f"{SEED}/{SEED}.txt")]
    assert len(seed) == 1 and seed[0]["source_chars"] > 1000
    assert seed[0]["unplaced_chars"] == 0 and seed[0]["unplaced_share"] == 0.0 and seed[0]["status"] == "ok"
    assert report["unplaced_chars"] == sum(f["unplaced_chars"] for f in report["files"])
    assert "unplaced text:" in out and "findings by code:" in out


def test_self_lists_missing_parts(self_audit: tuple[str, dict[str, Any], Path]) -> None:
    out, report, _html = self_audit
    golden = json.loads((SAMPLES / "missing-parts" / "missing-parts.expected.json").read_text(encoding="utf-8"))
    parts = [f["path"] for f in golden[0]["findings"] if f["code"] == "card.missing_part"]
    assert parts  # finance, communication, plans, effects
    got = [m["part"] for m in report["missing_parts"] if m["file"].endswith("missing-parts/missing-parts.txt")]
    assert got == parts
    assert report["findings_by_code"]["card.missing_part"] >= len(parts)
    assert report["statuses"]["partial"] >= 1
    assert "cards with missing parts:" in out and "missing-parts.txt card 1" in out


def test_self_measures_unplaced_text(tmp_path: Path) -> None:
    text = (SAMPLES / "missing-parts" / "missing-parts.txt").read_text(encoding="utf-8")
    odd = "이 줄은 어느 필드에도 들어가지 않는 <b>메모</b>입니다"
    (tmp_path / "odd.txt").write_text(text.replace("□ 추진실적(성과)", f"{odd}\n\n□ 추진실적(성과)"), encoding="utf-8")
    report_json, report_html = tmp_path / "r.json", tmp_path / "r.html"
    code, _out, _err = run("audit", "--self", str(tmp_path), "--json", str(report_json), "--html", str(report_html))
    assert code == 0
    report = json.loads(report_json.read_text(encoding="utf-8"))
    assert report["unplaced_chars"] == len(odd.replace(" ", ""))
    assert report["unplaced_share"] == pytest.approx(report["unplaced_chars"] / report["source_chars"])
    assert report["findings_by_code"]["unplaced.text"] == 1
    page = report_html.read_text(encoding="utf-8")
    assert '<mark title="unplaced: no field took this text">이 줄은 어느 필드에도 들어가지 않는 &lt;b&gt;메모' in page
    assert "<b>메모</b>" not in page


# --- the HTML report --------------------------------------------------------------------------

def test_html_is_self_contained(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    page = samples_audit[3].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "Noto Sans CJK KR" in page and "NanumGothic" in page
    for external in ("<link", "<script", "src=", "@import", "url(", "http://", "https://"):
        assert external not in page
    assert SEED_TITLE in page and 'data-format="txt"' in page


def test_html_escapes_and_highlights_mismatches(tmp_path: Path) -> None:
    golden = copy_sample(tmp_path, SEED)
    cards = json.loads(golden.read_text(encoding="utf-8"))
    cards[0]["pledge"]["title"] = "<script>alert(1)</script>"
    golden.write_text(json.dumps(cards, ensure_ascii=False), encoding="utf-8")
    report_html = tmp_path / "r.html"
    assert run("audit", str(tmp_path), "--html", str(report_html))[0] == 0
    page = report_html.read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<tr class="kind-changed" data-path="pledge.title">' in page
    assert '<dd class="bad" title="differs from the golden">' + SEED_TITLE in page


class _Collector(HTMLParser):
    """Every element with a ``data-*`` attribute, with the id of the table it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append(values.get("id", ""))
        if any(k.startswith("data-") for k in values) or "id" in values:
            self.elements.append((self.tables[-1] if self.tables else "", {"tag": tag, **values}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            self.tables.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def browser(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)")
def test_html_report_in_a_real_browser(samples_audit: tuple[int, str, dict[str, Any], Path],
                                       tmp_path: Path) -> None:
    _code, _out, report, page = samples_audit
    loaded = browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert len(loaded.stdout) > 10_000 and "</html>" in loaded.stdout
    dom = _Collector()
    dom.feed(loaded.stdout)
    assert SEED_TITLE in "".join(dom.text)  # Korean survived the browser's decoding

    def shown(table: str, attr: str) -> dict[str, float]:
        return {a[attr]: float(a["data-accuracy"]) for t, a in dom.elements if t == table and attr in a}

    overall = next(a for _t, a in dom.elements if a.get("id") == "overall")
    assert float(overall["data-accuracy"]) == report["overall"]["accuracy"]
    assert int(overall["data-leaves"]) == report["overall"]["leaves"]
    assert shown("by-format", "data-format") == {k: t["accuracy"] for k, t in report["by_format"].items()}
    assert shown("by-section", "data-section") == {k: t["accuracy"] for k, t in report["by_section"].items()}
    assert shown("by-field", "data-field") == {k: t["accuracy"] for k, t in report["by_field"].items()}
    assert shown("files", "data-file") == {f["path"]: f["tally"]["accuracy"] for f in report["files"]}
    counts = {a["data-count"]: a for _t, a in dom.elements if "data-count" in a}
    assert set(counts) >= {"files", "cards", "findings", "mismatches"}

    png = tmp_path / "report.png"
    shot = browser(f"--screenshot={png}", "--window-size=1200,1600", page.as_uri(), profile=tmp_path / "profile")
    assert shot.returncode == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)")
def test_self_html_report_in_a_real_browser(self_audit: tuple[str, dict[str, Any], Path], tmp_path: Path) -> None:
    _out, report, page = self_audit
    loaded = browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    dom = _Collector()
    dom.feed(loaded.stdout)
    share = next(a for _t, a in dom.elements if a.get("id") == "unplaced-share")
    assert float(share["data-share"]) == report["unplaced_share"]
    files = {a["data-file"]: float(a["data-share"]) for t, a in dom.elements if t == "files" and "data-file" in a}
    assert files == {f["path"]: f["unplaced_share"] for f in report["files"]}
    parts = [a["data-part"] for t, a in dom.elements if t == "missing-parts" and "data-part" in a]
    assert parts == [m["part"] for m in report["missing_parts"]]


# --- the source pane, fonts, findings by code, caps, workers and --fail-on ----------------------

#: Measures the page in the browser and leaves the answers on <body> as data attributes.
MEASURE = """<script>
(function () {
  const b = document.body.dataset, pres = [...document.querySelectorAll('pre.source')];
  const boxed = pres.find(p => p.textContent.includes('\u250f'));
  b.bodyFont = getComputedStyle(document.body).fontFamily;
  b.sourceFont = pres.length ? getComputedStyle(pres[0]).fontFamily : '';
  b.whiteSpace = pres.map(p => getComputedStyle(p).whiteSpace).join(' ');
  if (boxed) {
    boxed.closest('details').open = true;
    b.scrollsSideways = String(boxed.scrollWidth > boxed.clientWidth);
    const text = boxed.firstChild.textContent;
    const longest = text.split('\\n').reduce((a, l) => l.length > a.length ? l : a);
    const range = document.createRange(), at = text.indexOf(longest);
    range.setStart(boxed.firstChild, at); range.setEnd(boxed.firstChild, at + longest.length);
    b.longestLineRects = String(new Set([...range.getClientRects()].map(r => Math.round(r.top))).size);
  }
})();
</script>"""

KOREAN_FONT_NAMES = ("Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans CJK KR", "NanumGothic")


def _measured(page: Path, tmp_path: Path) -> dict[str, str]:
    copy = tmp_path / "measured.html"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    loaded = browser("--window-size=1200,1600", "--dump-dom", copy.as_uri(), profile=tmp_path / "profile")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    dom = _Collector()
    dom.feed(loaded.stdout)
    return next(a for _t, a in dom.elements if a["tag"] == "body")


@pytest.mark.parametrize("font", KOREAN_FONT_NAMES)
@pytest.mark.parametrize("rule", ["body {", ".source {"])
def test_page_names_korean_fonts_of_every_desktop(samples_audit: tuple[int, str, dict[str, Any], Path],
                                                  rule: str, font: str) -> None:
    page = samples_audit[3].read_text(encoding="utf-8")
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    declaration = css.split(rule, 1)[1].split("}", 1)[0]
    assert f'"{font}"' in declaration.split("font-family:", 1)[1]


def test_source_pane_css_does_not_wrap(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    page = samples_audit[3].read_text(encoding="utf-8")
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    source = css.split(".source {", 1)[1].split("}", 1)[0]
    assert "white-space: pre;" in source and "overflow: auto" in source and "break-all" not in source


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)")
def test_source_pane_in_a_real_browser(samples_audit: tuple[int, str, dict[str, Any], Path],
                                       tmp_path: Path) -> None:
    body = _measured(samples_audit[3], tmp_path)
    assert set(body["data-white-space"].split()) == {"pre"}
    assert body["data-scrolls-sideways"] == "true"  # the box-drawn table is wider than its pane
    assert body["data-longest-line-rects"] == "1"  # ... and its longest line stays one line
    for font in KOREAN_FONT_NAMES:
        assert font in body["data-body-font"] and font in body["data-source-font"]


def test_golden_audit_counts_findings_by_code(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    _code, out, report, page = samples_audit
    codes = report["findings_by_code"]
    assert codes and list(codes) == sorted(codes)
    assert sum(codes.values()) == report["counts"]["findings"]
    assert {"finance.row_sum", "card.missing_part"} <= set(codes)
    assert "findings by code:" in out and all(f"  {code} " in out for code in codes)
    assert 'id="findings-by-code"' in page.read_text(encoding="utf-8")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)")
def test_golden_findings_table_in_a_real_browser(samples_audit: tuple[int, str, dict[str, Any], Path],
                                                 tmp_path: Path) -> None:
    _code, _out, report, page = samples_audit
    loaded = browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    dom = _Collector()
    dom.feed(loaded.stdout)
    shown = {a["data-code"]: int(a["data-count"]) for t, a in dom.elements
             if t == "findings-by-code" and "data-code" in a}
    assert shown == report["findings_by_code"]


def _huge_card_file(folder: Path, copies: int) -> Path:
    """A booklet of ``copies`` seed cards (over 200 kB), with its parse as golden."""
    seed = (SAMPLES / SEED / f"{SEED}.txt").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "huge.txt"
    path.write_text("\n".join([seed] * copies), encoding="utf-8")
    code, out, _err = run("parse", str(path))
    assert code == 0 and len(json.loads(out)) == copies
    (folder / "huge.expected.json").write_text(out, encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", [(), ("--self",)], ids=["golden", "self"])
def test_html_caps_a_huge_source(tmp_path: Path, mode: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    import pledgecard.audit.html as report_html
    monkeypatch.setattr(report_html, "MAX_CARDS_PER_FILE", 10)
    source = _huge_card_file(tmp_path / "in", copies=30)
    size = source.stat().st_size
    assert size > 250_000
    page_path, report_json = tmp_path / "r.html", tmp_path / "r.json"
    code, _out, err = run("audit", *mode, str(tmp_path / "in"), "--html", str(page_path), "--json", str(report_json))
    assert code == 0, err
    page = page_path.read_text(encoding="utf-8")
    pre = page.split('<pre class="source">', 1)[1].split("</pre>", 1)[0]
    assert len(pre.encode("utf-8")) < 230_000  # 200 kB of text, escaped
    assert int(page.split('data-cut="', 1)[1].split('"', 1)[0]) > 250_000  # the whole text's size
    assert "source text cut: the first 200 kB of" in page
    assert "… and 20 more cards, not shown" in page
    report = json.loads(report_json.read_text(encoding="utf-8"))
    if mode:  # the share still counts the whole source
        seed_chars = report["files"][0]["source_chars"] / 30
        assert seed_chars == int(seed_chars) > 1000
    else:
        assert report["overall"]["accuracy"] == 1.0 and report["counts"]["cards"] == 30


def test_small_source_is_not_cut(samples_audit: tuple[int, str, dict[str, Any], Path]) -> None:
    page = samples_audit[3].read_text(encoding="utf-8")
    assert "data-cut=" not in page and "more cards, not shown" not in page


def _audit_json(tmp_path: Path, *argv: str) -> dict[str, Any]:
    report_json = tmp_path / f"r{len(list(tmp_path.iterdir()))}.json"
    code, _out, err = run("audit", *argv, "--json", str(report_json))
    assert code == 0, err
    return json.loads(report_json.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mode", [(), ("--self",)], ids=["golden", "self"])
def test_jobs_give_the_same_report(tmp_path: Path, mode: tuple[str, ...]) -> None:
    one = _audit_json(tmp_path, *mode, str(SAMPLES), "--jobs", "1")
    two = _audit_json(tmp_path, *mode, str(SAMPLES), "-j", "2")
    assert one == two and one["counts"]["files"] >= 24


def test_audit_uses_the_batch_worker_pool_on_all_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pledgecard.audit.parallel as parallel
    seen: list[int] = []

    class Recording(parallel.WorkerPool):
        def __init__(self, jobs: int, *args: Any, **kwargs: Any) -> None:
            seen.append(jobs)
            super().__init__(jobs, *args, **kwargs)

    monkeypatch.setattr(parallel, "WorkerPool", Recording)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 3)
    copy_sample(tmp_path, SEED)
    assert run("audit", str(tmp_path))[0] == 0
    assert run("audit", "--self", str(tmp_path), "--jobs", "2")[0] == 0
    assert seen == [3, 2]


def test_a_crashing_parse_is_a_failed_file_not_a_failed_audit(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import pledgecard.audit.parallel as parallel
    real = parallel.parse_source

    def crashing(path: Path, label: str, with_text: bool) -> Any:
        if path.suffix == ".hwpx":
            os._exit(3)  # in the worker process
        return real(path, label, with_text)

    monkeypatch.setattr(parallel, "parse_source", crashing)
    copy_sample(tmp_path, SEED, (".txt", ".hwpx"))
    report = _audit_json(tmp_path, "--self", str(tmp_path), "--jobs", "2")
    statuses = {f["format"]: (f["status"], f["reason"]) for f in report["files"]}
    assert statuses["txt"] == ("ok", None)
    assert statuses["hwpx"][0] == "failed" and "the parser crashed (exit code 3" in statuses["hwpx"][1]


@pytest.mark.parametrize(("mode", "fail_on", "broken", "code"), [
    (("--self",), None, True, 0),
    (("--self",), "failed", True, 1),
    (("--self",), "failed", False, 0),
    (("--self",), "partial", False, 1),  # missing-parts is partial
    ((), "failed", True, 1),
    ((), "failed", False, 0),
])
def test_fail_on(tmp_path: Path, mode: tuple[str, ...], fail_on: str | None, broken: bool, code: int) -> None:
    copy_sample(tmp_path, SEED, (".txt", ".pdf"))
    copy_sample(tmp_path, "missing-parts") if fail_on == "partial" else None
    if broken:
        (tmp_path / SEED / f"{SEED}.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 64)
    argv = [*mode, str(tmp_path), *(["--fail-on", fail_on] if fail_on else [])]
    got, out, err = run("audit", *argv)
    assert got == code and out
    if code:
        assert err.count("\n") == 1 and err.startswith("pledgecard: ") and f"(--fail-on {fail_on})" in err
    else:
        assert err == ""


@pytest.mark.parametrize("argv", [["--jobs", "0"], ["--jobs", "x"], ["--fail-on", "sometimes"]])
def test_bad_jobs_or_fail_on_is_usage(tmp_path: Path, argv: list[str]) -> None:
    copy_sample(tmp_path, SEED)
    code, out, _err = run("audit", str(tmp_path), *argv)
    assert code == 2 and out == ""
