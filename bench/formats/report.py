"""What the format benchmark prints and writes: per-format tables, the external documents, and
the ratios against baselines measured in the same run (> 1: ours is faster)."""

from __future__ import annotations

import platform
import subprocess
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from formats.contenders import FORMATS, ROOT, Contender, Item
from formats.timing import Result
from pledgecard.pipeline import NO_CARD


@dataclass
class Row:
    contender: Contender
    ok: int
    total: int
    seconds: float
    cards: int

    @property
    def files_per_s(self) -> float | None:
        return self.ok / self.seconds if self.ok and self.seconds > 0 else None

    @property
    def cards_per_s(self) -> float | None:
        return self.cards / self.seconds if self.cards and self.seconds > 0 else None


@dataclass
class Ratio:
    value: float | None
    common: int
    total: int


class Report:
    def __init__(self, items: list[Item], field_: list[Contender], results: list[dict[str, Result]], stat: str):
        self.items, self.field, self.results, self.stat = items, field_, results, stat

    def indexes(self, group: str, fmt: str | None = None) -> list[int]:
        return [i for i, item in enumerate(self.items) if item.group == group and fmt in (None, item.fmt)]

    def time(self, i: int, key: str) -> float | None:
        result = self.results[i].get(key)
        return None if result is None else result.value(self.stat)

    def row(self, contender: Contender, files: list[int]) -> Row:
        good = [(i, v) for i in files if (v := self.time(i, contender.key)) is not None]
        return Row(contender, len(good), len(files), sum(v for _, v in good), sum(self.items[i].cards for i, _ in good))

    def ratio(self, mine: str, other: str, files: list[int]) -> Ratio:
        """Throughput of ``mine`` over ``other`` on the files both processed (> 1: ``mine`` is faster)."""
        return self._ratio([(self.time(i, mine), self.time(i, other)) for i in files])

    def format_ratio(self, key: str, fmt: str, other_fmt: str) -> Ratio:
        """``key`` on the ``fmt`` samples over ``key`` on the same cards in ``other_fmt`` (> 1: ``fmt`` is faster)."""
        others = {self.items[i].path.stem: i for i in self.indexes("samples", other_fmt)}
        mine = self.indexes("samples", fmt)
        return self._ratio([(self.time(i, key), self.time(others[self.items[i].path.stem], key)
                             if self.items[i].path.stem in others else None) for i in mine])

    @staticmethod
    def _ratio(pairs: list[tuple[float | None, float | None]]) -> Ratio:
        common = [(a, b) for a, b in pairs if a is not None and b is not None]
        if not common:
            return Ratio(None, 0, len(pairs))
        return Ratio(sum(b for _, b in common) / sum(a for a, _ in common), len(common), len(pairs))

    def failures(self, group: str) -> list[tuple[str, str, str, list[str]]]:
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for i in self.indexes(group):
            item = self.items[i]
            for contender in self.field:
                result = self.results[i].get(contender.key)
                if result is not None and result.reason is not None:
                    grouped.setdefault((item.fmt, contender.label, result.reason), []).append(item.name)
        return [(fmt, label, reason, names) for (fmt, label, reason), names in grouped.items()]

    def get(self, key: str) -> Contender:
        return next(c for c in self.field if c.key == key)


def fmt_num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def fmt_ratio(ratio: Ratio) -> str:
    if ratio.value is None:
        return "—"
    return f"{ratio.value:.2f}x" + ("*" if ratio.common < ratio.total else "")


def contender_rows(report: Report, fmt: str, files: list[int]) -> list[tuple[Contender, Row, Ratio, Ratio]]:
    rows = []
    for contender in report.field:
        if fmt not in contender.formats or not files:
            continue
        row = report.row(contender, files)
        plain = Ratio(None, 0, len(files))
        if contender.key in ("ours", "reader"):
            rows.append((contender, row, plain, plain))
        else:
            rows.append((contender, row, report.ratio("ours", contender.key, files),
                         report.ratio("reader", contender.key, files)))
    return rows


HEADER = f"{'format':<6}  {'contender':<26} {'ok':>5} {'ms/file':>9} {'files/s':>9} {'cards/s':>9} " \
         f"{'parse/this':>10} {'reader/this':>11}"


def print_samples(report: Report) -> None:
    files = report.indexes("samples")
    if not files:
        print("No sample cards found under samples/.")
        return
    per_fmt = {fmt: report.indexes("samples", fmt) for fmt in FORMATS}
    counts = ", ".join(f"{fmt} {len(ix)} files / {sum(report.items[i].cards for i in ix)} cards"
                       for fmt, ix in per_fmt.items() if ix)
    print(f"Card samples ({counts})")
    print(HEADER)
    for fmt, ix in per_fmt.items():
        for contender, row, parse_ratio, reader_ratio in contender_rows(report, fmt, ix):
            ms = row.seconds / row.ok * 1000 if row.ok else None
            print(f"{fmt:<6}  {contender.label:<26} {f'{row.ok}/{row.total}':>5} {fmt_num(ms, 2):>9} "
                  f"{fmt_num(row.files_per_s):>9} {fmt_num(row.cards_per_s):>9} "
                  f"{fmt_ratio(parse_ratio):>10} {fmt_ratio(reader_ratio):>11}")
    print_failures(report, "samples")


def print_external(report: Report) -> None:
    files = report.indexes("external")
    if not files:
        print("\nExternal documents: none found (tests/data/external).")
        return
    print("\nExternal documents (not cards: parse_bytes reads the whole document, then ends in"
          f" \"{NO_CARD.split(' (')[0]}\")")
    print(f"{'file':<27} {'contender':<26} {'ok':>5} {'ms/file':>9} {'files/s':>9} {'parse/this':>10} "
          f"{'reader/this':>11}")
    for i in files:
        item = report.items[i]
        for contender, row, parse_ratio, reader_ratio in contender_rows(report, item.fmt, [i]):
            ms = row.seconds * 1000 if row.ok else None
            print(f"{item.name:<27} {contender.label:<26} {f'{row.ok}/{row.total}':>5} {fmt_num(ms, 2):>9} "
                  f"{fmt_num(row.files_per_s):>9} {fmt_ratio(parse_ratio):>10} {fmt_ratio(reader_ratio):>11}")
    print_failures(report, "external")


def print_failures(report: Report, group: str) -> None:
    failures = report.failures(group)
    if failures:
        print("  failed or not run (left out of ratios; * above = ratio over the files both processed):")
    for fmt, label, reason, names in failures:
        which = names[0] if len(names) == 1 else f"{len(names)} files"
        print(f"    {fmt:<5} {label:<26} {which}: {reason}")
    for i in report.indexes(group):
        for contender in report.field:
            result = report.results[i].get(contender.key)
            if result is not None and result.note:
                print(f"  note: {report.items[i].name}, {contender.label}: {result.note}")


@dataclass(frozen=True)
class RatioSpec:
    """A ratio the bench reports: ``mine`` over ``baseline`` on the ``fmt`` files of ``groups``, or
    (``baseline_fmt``) ``mine`` on ``fmt`` over ``mine`` on the same cards in ``baseline_fmt``."""

    name: str
    fmt: str
    baseline: str
    groups: tuple[str, ...] = ("samples",)
    mine: str = "ours"
    baseline_fmt: str | None = None
    headline: bool = True


RATIOS: tuple[RatioSpec, ...] = (
    RatioSpec("PDF parse vs pdfplumber text+tables", "pdf", "pdfplumber"),
    RatioSpec("PDF parse vs kordoc", "pdf", "kordoc"),
    RatioSpec("HWPX parse vs kordoc", "hwpx", "kordoc"),
    # pyhwp's event walk fails on most generated sample HWPs (paragraphs without a character
    # shape), so this ratio also counts the real HWP documents, where it runs
    RatioSpec("HWP parse vs pyhwp event walk", "hwp", "pyhwp_events", ("samples", "external")),
    RatioSpec("HWP parse vs kordoc", "hwp", "kordoc"),
    RatioSpec("text parse vs our HWPX parse of the same cards", "txt", "ours", baseline_fmt="hwpx"),
    RatioSpec("HWPX parse vs zipfile+ElementTree alone", "hwpx", "zip_xml", headline=False),
    RatioSpec("HWP parse vs pyhwp modelevents (a cheaper walk)", "hwp", "pyhwp_models", headline=False),
    RatioSpec("HWP parse vs pyhwp event walk, external documents", "hwp", "pyhwp_events", ("external",),
              headline=False),
)


@dataclass
class Measured:
    spec: RatioSpec
    ratio: Ratio
    detail: str

    @property
    def value(self) -> str:
        return "n/a" if self.ratio.value is None else f"{self.ratio.value:.2f}x"


def measure_ratio(report: Report, spec: RatioSpec) -> Measured:
    if spec.baseline_fmt is not None:
        ratio = report.format_ratio(spec.mine, spec.fmt, spec.baseline_fmt)
        files = report.indexes("samples", spec.fmt)
        lost = [r for i in files if (r := report.results[i][spec.mine].reason)]
    else:
        files = [i for group in spec.groups for i in report.indexes(group, spec.fmt)]
        ratio = report.ratio(spec.mine, spec.baseline, files)
        lost = [r for i in files for key in (spec.mine, spec.baseline) if (r := report.results[i][key].reason)]
    if not files:
        return Measured(spec, ratio, "no files")
    detail = f"{ratio.common} of {ratio.total} files"
    if lost:
        detail += f" (left out: {'; '.join(sorted(set(lost)))})"
    return Measured(spec, ratio, detail)


def ratios(report: Report) -> list[Measured]:
    return [measure_ratio(report, spec) for spec in RATIOS]


def print_ratios(found: list[Measured]) -> None:
    print("\nRatios against baselines measured in this run (baseline's time / ours; > 1: ours faster)")
    for measured in found:
        kind = "" if measured.spec.headline else "  (also)"
        print(f"  {measured.spec.name + kind:<58} {measured.value:>8}  {measured.detail}")


def versions(kordoc_version: str, node: str) -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in ("pdfplumber", "pdfminer.six", "pyhwp", "pypdfium2", "olefile", "pledgecard"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    found["kordoc"] = kordoc_version
    found["node"] = node
    return found


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pledgecard"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in pledgecard/" if dirty else "")


def to_json(report: Report, found: list[Measured], meta: dict[str, Any]) -> dict[str, Any]:
    files = []
    for item, results in zip(report.items, report.results, strict=True):
        files.append({
            "path": item.shown, "format": item.fmt, "group": item.group, "bytes": len(item.data),
            "cards": item.cards,
            "contenders": {key: {"ok": r.reason is None, "reason": r.reason, "note": r.note or None,
                                 "seconds": r.value(report.stat), "runs_s": r.times}
                           for key, r in results.items()},
        })
    summary = []
    for group in ("samples", "external"):
        for fmt in FORMATS:
            ix = report.indexes(group, fmt)
            for contender, row, parse_ratio, reader_ratio in contender_rows(report, fmt, ix):
                summary.append({
                    "group": group, "format": fmt, "contender": contender.key, "label": contender.label,
                    "ok": row.ok, "files": row.total, "seconds": row.seconds, "files_per_s": row.files_per_s,
                    "cards_per_s": row.cards_per_s,
                    "parse_ratio": parse_ratio.value, "reader_ratio": reader_ratio.value,
                    "ratio_files": parse_ratio.common,
                })
    return {"meta": meta, "summary": summary, "files": files,
            "ratios": [{"name": m.spec.name, "headline": m.spec.headline, "ratio": m.ratio.value,
                        "files": m.ratio.common, "of": m.ratio.total, "detail": m.detail} for m in found]}
