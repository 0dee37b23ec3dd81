"""The card parser: a format-neutral document in, typed cards out (before the checks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast, get_args

from pledgecard.extract.card.communication import read_communication
from pledgecard.extract.card.finance import read_finance
from pledgecard.extract.card.header import read_header
from pledgecard.extract.card.items import build_items
from pledgecard.extract.card.layout import CardLayout, Section, block_text, split_cards
from pledgecard.extract.card.overview import read_overview
from pledgecard.extract.card.progress import read_progress
from pledgecard.extract.document import Document, Paragraph
from pledgecard.models import Card, Contact, Finding, IssuerLevel, Pledge, Source
from pledgecard.normalize import issuer_level
from pledgecard.normalize.checks import missing_parts, unplaced_findings
from pledgecard.normalize.text import close_spaced
from pledgecard.vocab import EMPTY_VALUES

_LIST_SEPARATORS = (",", "，", "、", "/", "·", "ㆍ")


@dataclass
class _Parts:
    findings: list[Finding] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    fields: dict[str, Any] = field(default_factory=dict)


def parse_cards(document: Document, source: Source) -> list[Card]:
    return [parse_layout(layout, source) for layout in split_cards(document)]


def split_list(value: str) -> list[str]:
    """``도시계획과, 교통정책과`` -> two names; ``-`` -> []."""
    if value.strip() in EMPTY_VALUES or not value.strip():
        return []
    parts = [value]
    for separator in _LIST_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [p.strip() for p in parts if p.strip() and p.strip() not in EMPTY_VALUES]


def _value(values: dict[str, str], key: str) -> str | None:
    value = values.get(key)
    if value is None or not value.strip() or value.strip() in EMPTY_VALUES:
        return None
    return close_spaced(value)


def parse_layout(layout: CardLayout, source: Source) -> Card:
    """One card from its parts; the Card is built once, from everything read."""
    parts = _Parts()
    header = read_header(layout.header)
    values = header.values
    parts.unplaced.extend(header.leftovers)
    if header.values:
        parts.seen.add("header")
    kind = close_spaced(layout.kind_text) if layout.kind_text else None
    if kind:
        parts.seen.add("kind")
    context = " ".join([values.get("department", ""), values.get("title", "")]
                       + [block_text(b) for s in layout.section("finance") for b in s.blocks])
    issuer = issuer_level(kind, context)
    for section in layout.sections:
        _read_section(section, issuer, parts)
    unplaced = [text for text in parts.unplaced if text.strip()]
    findings = parts.findings + missing_parts(parts.seen) + unplaced_findings(unplaced)
    return Card(
        source=source, kind=kind, issuer_level=_issuer(issuer),
        pledge=Pledge(title=_value(values, "title"), number=_value(values, "number")),
        department=_value(values, "department"),
        contact=Contact(name=_value(values, "contact_name"), phone=_value(values, "contact_phone")),
        cooperating_departments=split_list(values.get("cooperating", "")),
        target=_value(values, "target"), status=_value(values, "status"),
        findings=findings, unplaced=unplaced, **parts.fields,
    )


def _issuer(level: str) -> IssuerLevel:
    return cast(IssuerLevel, level) if level in get_args(IssuerLevel) else "unknown"


def _read_section(section: Section, issuer: str, parts: _Parts) -> None:
    parts.seen.add(section.key)
    blocks = section.blocks
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    fields = parts.fields
    rest: list[str]
    if section.key == "overview":
        fields["overview"], rest = read_overview(blocks, issuer, parts.findings)
    elif section.key == "finance":
        fields["finance"], rest = read_finance(blocks, section.heading, issuer, parts.findings)
    elif section.key == "progress":
        progress, achievements, rest = read_progress(blocks, parts.findings)
        fields.setdefault("progress", []).extend(progress)
        fields.setdefault("achievements", []).extend(achievements)
    elif section.key == "communication":
        channels, rest = read_communication(blocks)
        fields.setdefault("communication", []).extend(channels)
    elif section.key in ("plans", "effects"):
        path = "plans" if section.key == "plans" else "expected_effects"
        fields.setdefault(path, []).extend(build_items(paragraphs, path, parts.findings))
        rest = [block_text(b) for b in blocks if not isinstance(b, Paragraph)]
    else:
        rest = [section.heading_block.full_text] + [block_text(b) for b in blocks]
    parts.unplaced.extend(rest)
