"""The format benchmark's bookkeeping (no timing is asserted: numbers come from a fake run), and
what the shipped docs may say: no machine paths, no development history, small modules."""

from __future__ import annotations

import io
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from formats.contenders import FIRST_SAMPLES, Contender, Item, collect  # noqa: E402
from formats.report import Report, print_ratios, ratios  # noqa: E402
from formats.timing import Result  # noqa: E402

KEYS = ("ours", "reader", "pdfplumber", "pyhwp_events", "pyhwp_models", "zip_xml", "kordoc")


def _fake_run(times: dict[tuple[str, str], float], missing: dict[str, str]) -> Report:
    """Two sample cards in txt/hwp/hwpx/pdf; ``times[(fmt, key)]`` seconds per file for every file."""
    field_ = [Contender(key, key, ("txt", "hwp", "hwpx", "pdf"), unavailable=missing.get(key)) for key in KEYS]
    items, results = [], []
    for fmt in ("txt", "hwp", "hwpx", "pdf"):
        for stem in ("a", "b"):
            items.append(Item(ROOT / "samples" / stem / f"{stem}.{fmt}", fmt, "samples", b"", 1))
            results.append({key: Result(reason=missing[key]) if key in missing else
                            Result(times=[times.get((fmt, key), 0.010)]) for key in KEYS})
    return Report(items, field_, results, "median")


def _printed(report: Report) -> dict[str, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        print_ratios(ratios(report))
    lines = out.getvalue().splitlines()[1:]
    return {re.split(r"\s{2,}", line.strip())[0]: line for line in lines}


@pytest.mark.parametrize(("name", "times", "shown"), [
    ("text parse vs our HWPX parse of the same cards", {("txt", "ours"): 0.002, ("hwpx", "ours"): 0.005}, "2.50x"),
    ("PDF parse vs pdfplumber text+tables", {("pdf", "ours"): 0.020, ("pdf", "pdfplumber"): 0.090}, "4.50x"),
    ("PDF parse vs kordoc", {("pdf", "ours"): 0.020, ("pdf", "kordoc"): 0.050}, "2.50x"),
    ("HWPX parse vs kordoc", {("hwpx", "ours"): 0.010, ("hwpx", "kordoc"): 0.030}, "3.00x"),
    ("HWP parse vs pyhwp event walk", {("hwp", "ours"): 0.004, ("hwp", "pyhwp_events"): 0.052}, "13.00x"),
    ("HWP parse vs kordoc", {("hwp", "ours"): 0.004, ("hwp", "kordoc"): 0.002}, "0.50x"),
])
def test_every_reported_ratio_is_printed(name: str, times: dict[tuple[str, str], float], shown: str) -> None:
    line = _printed(_fake_run(times, {}))[name]
    assert f" {shown} " in line and "2 of 2 files" in line


def test_kordoc_not_run_is_said_and_skipped() -> None:
    reason = "n/a: not installed (run `npm ci` in bench/kordoc)"
    printed = _printed(_fake_run({}, {"kordoc": reason}))
    for name in ("PDF parse vs kordoc", "HWPX parse vs kordoc", "HWP parse vs kordoc"):
        assert " n/a " in printed[name] and reason in printed[name]
    assert " 1.00x " in printed["PDF parse vs pdfplumber text+tables"]


SHIPPED_TEXT = [ROOT / "README.md", BENCH / "README.md", *sorted((ROOT / "docs").glob("*.md")),
                *sorted(BENCH.glob("*.py")), *sorted((BENCH / "formats").glob("*.py"))]


@pytest.mark.parametrize("path", SHIPPED_TEXT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_machine_paths_or_development_history(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.findall(r"(?<![\w.])/(?:work|home|tmp|root|Users)/", text), "a machine's absolute path"
    history = (r"\bthe issue\b|\bissue's\b|\bissue (?:machine|targets?|filer)\b|\.\./shared/"
               r"|\bmachines? (?:here )?differ|\banother issue\b")
    assert not re.findall(history, text, flags=re.IGNORECASE), "development history"


@pytest.mark.parametrize("path", [BENCH / "bench_formats.py", *sorted((BENCH / "formats").glob("*.py"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_bench_modules_are_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400


def test_the_first_samples_are_the_issues_files() -> None:
    """``--samples first`` times the six samples the issue's figures were measured on, in every format."""
    items = [item for item in collect(False, FIRST_SAMPLES) if item.group == "samples"]
    assert {item.path.parent.name for item in items} == set(FIRST_SAMPLES)
    assert {item.fmt for item in items} == {"txt", "hwp", "hwpx", "pdf"}
    assert len(items) == 4 * len(FIRST_SAMPLES)
    with pytest.raises(SystemExit, match="no such sample: nowhere"):
        collect(False, ("nowhere",))


def test_the_instruction_count_runs_the_parse_it_counts() -> None:
    """``bench_instructions.py`` counts one warm-up and N rounds of every file of a format (under
    valgrind, not run here): the workload parses each file, and ``first`` picks the six."""
    import bench_instructions

    first = bench_instructions.files("txt", FIRST_SAMPLES)
    assert {p.parent.name for p in first} == set(FIRST_SAMPLES)
    assert len(bench_instructions.files("hwpx", None)) == len(list((ROOT / "samples").glob("*/*.expected.json")))
    bench_instructions.workload(1, [str(first[0])])
