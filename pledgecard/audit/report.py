"""The golden audit as data: pydantic models of the report and their aggregation.

Accuracy is matched leaves over compared leaves (see :mod:`pledgecard.audit.compare`), counted
per field path (indexes generalized), per section (top-level key), per format and overall.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from pledgecard import __version__
from pledgecard.audit.compare import Leaf, diff_cards
from pledgecard.audit.parallel import parse_sources
from pledgecard.audit.sources import Parsed, golden_of

MismatchKind = Literal["changed", "missing", "extra"]


class ReportModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tally(ReportModel):
    """Compared leaves, matched leaves and their ratio (1.0 when nothing was compared)."""

    leaves: int
    matched: int
    accuracy: float

    @classmethod
    def of(cls, leaves: int, matched: int) -> Tally:
        return cls(leaves=leaves, matched=matched, accuracy=matched / leaves if leaves else 1.0)


class Mismatch(ReportModel):
    """One leaf that differs: ``missing`` = in the golden only, ``extra`` = in the parse only."""

    file: str
    format: str
    card: int | None = Field(description="0-based card index in the file; null for the card count")
    card_id: str | None
    path: str
    field: str
    section: str
    kind: MismatchKind
    expected: JsonValue = None
    got: JsonValue = None


class FileAudit(ReportModel):
    path: str
    golden: str
    format: str
    status: str
    reason: str | None = None
    golden_error: str | None = None
    cards: int
    expected_cards: int
    findings: int
    unplaced: int
    mismatches: int
    tally: Tally


class Counts(ReportModel):
    files: int
    failed_files: int
    golden_errors: int
    cards: int
    expected_cards: int
    findings: int
    mismatches: int


class AuditReport(ReportModel):
    """Everything ``pledgecard audit DIR`` found; ``--json`` writes this model's dump."""

    kind: Literal["golden"] = "golden"
    version: str = __version__
    root: str
    counts: Counts
    overall: Tally
    by_format: dict[str, Tally]
    by_section: dict[str, Tally]
    by_field: dict[str, Tally]
    findings_by_code: dict[str, int] = Field(default_factory=dict)
    files: list[FileAudit]
    mismatches: list[Mismatch]


@dataclass
class AuditedFile:
    """One file's parse beside its audit (for the HTML report, which shows the cards themselves)."""

    parsed: Parsed
    audit: FileAudit
    mismatches: list[Mismatch]


@dataclass
class AuditRun:
    report: AuditReport
    files: list[AuditedFile]


def load_golden(path: Path) -> list[Any]:
    """The golden array of card dicts; raises ValueError with a reason."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read golden ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"golden is not valid JSON ({exc})") from exc
    if not isinstance(value, list) or not all(isinstance(card, dict) for card in value):
        raise ValueError("golden is not a JSON array of card objects")
    return value


class _Counter:
    """Matched/compared counts by key, in first-seen order."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, key: str, matched: bool) -> None:
        entry = self.counts.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] += int(matched)

    def tallies(self) -> dict[str, Tally]:
        return {key: Tally.of(total, ok) for key, (total, ok) in self.counts.items()}


def _card_id(cards: Sequence[Any], index: int | None) -> str | None:
    if index is None or index >= len(cards) or not isinstance(cards[index], dict):
        return None
    value = cards[index].get("card_id")
    return value if isinstance(value, str) else None


def mismatches_of(leaves: Iterable[Leaf], file: str, fmt: str, expected: Sequence[Any],
                  got: Sequence[Any]) -> list[Mismatch]:
    return [
        Mismatch(file=file, format=fmt, card=leaf.card,
                 card_id=_card_id(expected, leaf.card) or _card_id(got, leaf.card),
                 path=leaf.path, field=leaf.field, section=leaf.section,
                 kind=cast(MismatchKind, leaf.kind), expected=leaf.expected, got=leaf.got)
        for leaf in leaves if not leaf.matched
    ]


def audit_file(parsed: Parsed, label: str, golden: Path, golden_label: str) -> tuple[AuditedFile, list[Leaf]]:
    """Compare one parsed file with its golden."""
    result = parsed.result
    got = [card.model_dump(mode="json") for card in result.cards]
    findings = len(result.findings) + sum(len(card.findings) for card in result.cards)
    unplaced = sum(len(card.unplaced) for card in result.cards)
    try:
        expected = load_golden(golden)
    except ValueError as exc:
        audit = FileAudit(path=label, golden=golden_label, format=parsed.format, status=result.status,
                          reason=result.reason, golden_error=str(exc), cards=len(got), expected_cards=0,
                          findings=findings, unplaced=unplaced, mismatches=0, tally=Tally.of(0, 0))
        return AuditedFile(parsed, audit, []), []
    leaves = diff_cards(expected, got)
    mismatches = mismatches_of(leaves, label, parsed.format, expected, got)
    audit = FileAudit(path=label, golden=golden_label, format=parsed.format, status=result.status,
                      reason=result.reason, cards=len(got), expected_cards=len(expected), findings=findings,
                      unplaced=unplaced, mismatches=len(mismatches),
                      tally=Tally.of(len(leaves), sum(leaf.matched for leaf in leaves)))
    return AuditedFile(parsed, audit, mismatches), leaves


#: The order formats are listed in.
FORMAT_ORDER = ("txt", "hwp", "hwpx", "pdf")


def _in_format_order(tallies: dict[str, Tally]) -> dict[str, Tally]:
    rank = {fmt: i for i, fmt in enumerate(FORMAT_ORDER)}
    return dict(sorted(tallies.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def label_of(path: Path, root: Path, root_label: str) -> str:
    """The path a report shows: the folder as given, then the path inside it (always ``/``)."""
    inside = path.relative_to(root).as_posix()
    return f"{root_label.rstrip('/')}/{inside}" if root_label not in ("", ".") else inside


def findings_by_code(parsed: Iterable[Parsed]) -> dict[str, int]:
    """Findings of every file and card, counted by code (sorted by code)."""
    codes: Counter[str] = Counter()
    for entry in parsed:
        codes.update(f.code for f in entry.result.findings)
        codes.update(f.code for card in entry.result.cards for f in card.findings)
    return dict(sorted(codes.items()))


def run_audit(root: Path, sources: Sequence[Path], with_text: bool, root_label: str | None = None,
              jobs: int | None = None) -> AuditRun:
    """Parse every source (in ``jobs`` worker processes, default all cores), compare it with its
    golden and aggregate."""
    root_label = str(root) if root_label is None else root_label
    overall, by_format, by_section, by_field = _Counter(), _Counter(), _Counter(), _Counter()
    audited: list[AuditedFile] = []
    labels = [label_of(path, root, root_label) for path in sources]
    everything = parse_sources(sources, labels, with_text, jobs)
    for path, label, parsed in zip(sources, labels, everything, strict=True):
        golden = golden_of(path)
        entry, leaves = audit_file(parsed, label, golden, label_of(golden, root, root_label))
        audited.append(entry)
        for leaf in leaves:
            overall.add("all", leaf.matched)
            by_format.add(parsed.format, leaf.matched)
            by_section.add(leaf.section, leaf.matched)
            by_field.add(leaf.field, leaf.matched)
    mismatches = [m for entry in audited for m in entry.mismatches]
    files = [entry.audit for entry in audited]
    counts = Counts(files=len(files), failed_files=sum(f.status == "failed" for f in files),
                    golden_errors=sum(f.golden_error is not None for f in files),
                    cards=sum(f.cards for f in files), expected_cards=sum(f.expected_cards for f in files),
                    findings=sum(f.findings for f in files), mismatches=len(mismatches))
    report = AuditReport(root=root_label, counts=counts,
                         overall=overall.tallies().get("all", Tally.of(0, 0)),
                         by_format=_in_format_order(by_format.tallies()), by_section=by_section.tallies(),
                         by_field=by_field.tallies(), findings_by_code=findings_by_code(everything), files=files,
                         mismatches=mismatches)
    return AuditRun(report, audited)
