"""The plain-text summary tables ``pledgecard audit`` prints on stdout."""

from __future__ import annotations

from collections.abc import Iterable

from pledgecard.audit.page import jsonish, pct, share_pct
from pledgecard.audit.report import AuditReport, Tally
from pledgecard.audit.selfcheck import SelfReport

_PREVIEW = 60


def _short(value: object) -> str:
    text = jsonish(value)
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def _tally_lines(title: str, tallies: Iterable[tuple[str, Tally]], width: int) -> list[str]:
    lines = [title]
    for key, t in tallies:
        lines.append(f"  {key:<{width}}  {pct(t.accuracy):>9}  {t.matched:>8,} / {t.leaves:<8,}"
                     f"  {t.leaves - t.matched:>6,} mismatched")
    return lines


def _codes_lines(codes: dict[str, int]) -> list[str]:
    return ["findings by code:" if codes else "findings by code: none",
            *(f"  {code:<28} {n:>5}" for code, n in codes.items())]


def audit_summary(report: AuditReport, show: int) -> str:
    """Overall, per format, per section, the fields below 100 %, the first ``show`` mismatches and
    the files that failed."""
    c = report.counts
    lines = [f"pledgecard audit: {report.root}: {c.files} files, {c.cards} cards parsed "
             f"({c.expected_cards} in goldens), {c.findings} findings, {c.failed_files} failed"]
    weak = sorted(((k, t) for k, t in report.by_field.items() if t.matched < t.leaves), key=lambda kt: kt[1].accuracy)
    width = max([8, *(len(k) for k in report.by_section), *(len(k) for k, _ in weak)])
    lines += _tally_lines("overall", [("all", report.overall)], width)
    lines += _tally_lines("by format", report.by_format.items(), width)
    lines += _tally_lines("by section", report.by_section.items(), width)
    if weak:
        lines += _tally_lines("fields below 100 %", weak, width)
    if report.mismatches:
        shown = report.mismatches[:show] if show >= 0 else report.mismatches
        more = f" (first {len(shown)}; all of them with --json)" if len(shown) < len(report.mismatches) else ""
        lines.append(f"mismatches: {len(report.mismatches)}{more}")
        for m in shown:
            card = "" if m.card is None else f" card {m.card + 1}"
            expected = "(absent)" if m.kind == "extra" else _short(m.expected)
            got = "(absent)" if m.kind == "missing" else _short(m.got)
            lines.append(f"  {m.file}{card}: {m.path} [{m.kind}] expected {expected} got {got}")
    else:
        lines.append("mismatches: none")
    lines += _codes_lines(report.findings_by_code)
    for f in report.files:
        if f.status == "failed":
            lines.append(f"failed: {f.path}: {f.reason}")
        if f.golden_error:
            lines.append(f"golden unreadable: {f.golden}: {f.golden_error}")
    return "\n".join(lines) + "\n"


def self_summary(report: SelfReport) -> str:
    c = report.counts
    lines = [f"pledgecard audit --self: {report.root}: {c.files} files, {c.cards} cards, {c.findings} findings",
             "statuses: " + ", ".join(f"{n} {s}" for s, n in report.statuses.items()),
             f"unplaced text: {report.unplaced_chars:,} of {report.source_chars:,} source characters "
             f"({share_pct(report.unplaced_share)}; whitespace and box lines not counted)"]
    lines += _codes_lines(report.findings_by_code)
    width = max([4, *(len(f.path) for f in report.files)])
    lines.append("files:")
    for f in report.files:
        lines.append(f"  {f.path:<{width}}  {f.status:<8} {f.cards:>2} cards {f.findings:>3} findings  "
                     f"unplaced {f.unplaced_chars:>5,} / {f.source_chars:<6,} {share_pct(f.unplaced_share):>8}"
                     + (f"  {f.reason}" if f.reason else ""))
    if report.missing_parts:
        lines.append(f"cards with missing parts: {c.cards_with_missing_parts}")
        lines += [f"  {m.file} card {m.card + 1} ({m.card_id or m.title or '?'}): {m.part}: {m.message}"
                  for m in report.missing_parts]
    else:
        lines.append("cards with missing parts: none")
    return "\n".join(lines) + "\n"
