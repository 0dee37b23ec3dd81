"""``pledgecard audit --self``: what a parse can say about itself, without golden files.

Findings by code, text no field took (``unplaced``) as a share of the source text, cards that
lack a part (``card.missing_part``) and the files' statuses. Characters are counted without
whitespace and box-drawing lines (``┏━┯━┓``), in the source text and in the unplaced pieces alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pledgecard import __version__
from pledgecard.audit.parallel import parse_sources
from pledgecard.audit.report import ReportModel, label_of
from pledgecard.audit.sources import Parsed, printed_chars

STATUSES = ("ok", "partial", "failed")
MISSING_PART = "card.missing_part"


class MissingPart(ReportModel):
    file: str
    card: int
    card_id: str | None
    title: str | None
    part: str | None
    message: str


class SelfFile(ReportModel):
    path: str
    format: str
    status: str
    reason: str | None = None
    cards: int
    findings: int
    findings_by_code: dict[str, int]
    unplaced: int
    source_chars: int
    unplaced_chars: int
    unplaced_share: float
    text_error: str | None = None


class SelfCounts(ReportModel):
    files: int
    cards: int
    findings: int
    cards_with_missing_parts: int


class SelfReport(ReportModel):
    """Everything ``pledgecard audit --self DIR`` found; ``--json`` writes this model's dump."""

    kind: Literal["self"] = "self"
    version: str = __version__
    root: str
    counts: SelfCounts
    statuses: dict[str, int]
    findings_by_code: dict[str, int]
    source_chars: int
    unplaced_chars: int
    unplaced_share: float
    files: list[SelfFile]
    missing_parts: list[MissingPart]


@dataclass
class CheckedFile:
    parsed: Parsed
    check: SelfFile


@dataclass
class SelfRun:
    report: SelfReport
    files: list[CheckedFile]


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def check_file(parsed: Parsed, label: str) -> tuple[SelfFile, list[MissingPart]]:
    result = parsed.result
    codes = Counter(f.code for f in result.findings)
    codes.update(f.code for card in result.cards for f in card.findings)
    source_chars = parsed.source_chars
    unplaced_chars = sum(printed_chars(piece) for card in result.cards for piece in card.unplaced)
    missing = [
        MissingPart(file=label, card=i, card_id=card.card_id, title=card.pledge.title, part=finding.path,
                    message=finding.message)
        for i, card in enumerate(result.cards) for finding in card.findings if finding.code == MISSING_PART
    ]
    entry = SelfFile(path=label, format=parsed.format, status=result.status, reason=result.reason,
                     cards=len(result.cards), findings=sum(codes.values()),
                     findings_by_code=dict(sorted(codes.items())),
                     unplaced=sum(len(card.unplaced) for card in result.cards), source_chars=source_chars,
                     unplaced_chars=unplaced_chars, unplaced_share=share(unplaced_chars, source_chars),
                     text_error=parsed.text_error)
    return entry, missing


def run_selfcheck(root: Path, sources: Sequence[Path], root_label: str | None = None,
                  jobs: int | None = None) -> SelfRun:
    """Parse every source (in ``jobs`` worker processes, default all cores) and say what the
    parses say about themselves."""
    root_label = str(root) if root_label is None else root_label
    checked: list[CheckedFile] = []
    missing: list[MissingPart] = []
    labels = [label_of(path, root, root_label) for path in sources]
    for label, parsed in zip(labels, parse_sources(sources, labels, with_text=True, jobs=jobs), strict=True):
        entry, lacks = check_file(parsed, label)
        checked.append(CheckedFile(parsed, entry))
        missing.extend(lacks)
    files = [c.check for c in checked]
    codes: Counter[str] = Counter()
    for entry in files:
        codes.update(entry.findings_by_code)
    statuses = Counter(f.status for f in files)
    source_chars = sum(f.source_chars for f in files)
    unplaced_chars = sum(f.unplaced_chars for f in files)
    counts = SelfCounts(files=len(files), cards=sum(f.cards for f in files), findings=sum(codes.values()),
                        cards_with_missing_parts=len({(m.file, m.card) for m in missing}))
    report = SelfReport(root=root_label, counts=counts,
                        statuses={s: statuses.get(s, 0) for s in (*STATUSES, *sorted(set(statuses) - set(STATUSES)))},
                        findings_by_code=dict(sorted(codes.items())), source_chars=source_chars,
                        unplaced_chars=unplaced_chars, unplaced_share=share(unplaced_chars, source_chars),
                        files=files, missing_parts=missing)
    return SelfRun(report, checked)
