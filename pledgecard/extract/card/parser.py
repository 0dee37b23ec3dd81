"""The card parser: a format-neutral document in, typed cards out (before the checks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast, get_args

from pledgecard.extract.card.communication import read_communication
from pledgecard.extract.card.dated import is_dated_header, is_dated_table, items_of_dated_lines, items_of_dated_table
from pledgecard.extract.card.finance import read_finance
from pledgecard.extract.card.goals import read_goals
from pledgecard.extract.card.header import read_header
from pledgecard.extract.card.identity import contacts_of, issuer_name
from pledgecard.extract.card.issues import read_issues
from pledgecard.extract.card.items import build_items, stamp
from pledgecard.extract.card.layout import CardLayout, Section, block_text, split_cards
from pledgecard.extract.card.overview import read_overview
from pledgecard.extract.card.progress import read_progress
from pledgecard.extract.card.reroute import reroute_tables
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.card.yearly import read_yearly
from pledgecard.extract.document import Block, Document, Paragraph, Table
from pledgecard.models import Card, Finding, IssuerLevel, Item, Pledge, ProgressBlock, Source
from pledgecard.models import Section as ExtraSection
from pledgecard.normalize import issuer_level, parse_as_of, parse_rate
from pledgecard.normalize.checks import missing_parts, unplaced_findings
from pledgecard.normalize.text import close_spaced
from pledgecard.vocab import EMPTY_VALUES, HEADER_LABELS

_LIST_SEPARATORS = (",", "，", "、", "/", "·", "ㆍ")


@dataclass
class _Parts:
    findings: list[Finding] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    fields: dict[str, Any] = field(default_factory=dict)


def parse_cards(document: Document, source: Source, settings: ParserSettings = DEFAULT,
                issuer: str | None = None) -> list[Card]:
    """The cards of a document; ``issuer`` names the government where a card names none."""
    return [parse_layout(layout, source, issuer, settings) for layout in split_cards(document, settings)]


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


def parse_layout(layout: CardLayout, source: Source, issuer: str | None = None,
                 settings: ParserSettings = DEFAULT) -> Card:
    """One card from its parts; the Card is built once, from everything read."""
    headed = {section.key for section in layout.sections}  # the parts the card heads itself
    layout = reroute_tables(layout, settings)  # a table under another part's heading goes to the part it names
    parts = _Parts()
    header = read_header(layout.header, settings)
    values = header.values
    parts.unplaced.extend(header.leftovers)
    if header.values or header.people:
        parts.seen.add("header")
    kind = close_spaced(layout.kind_text) if layout.kind_text else None
    if kind:
        parts.seen.add("kind")
    context = " ".join([values.get("department", ""), values.get("title", "")]
                       + [block_text(b) for s in layout.section("finance") for b in s.blocks])
    level = issuer_level(kind, context)
    for section in layout.sections:
        _read_section(section, level, parts, settings)
    contact, contacts = contacts_of(header.people, _value(values, "contact_name"), _value(values, "contact_phone"),
                                    _label("contact_name"))
    rate_value = values.get("progress_rate")
    rate_findings: list[Finding] = []
    progress_rate = (parse_rate(f"{_label('progress_rate')} {rate_value}", rate_findings)
                     if rate_value is not None else None)
    parts.findings.extend(stamp(rate_findings, "progress_rate"))
    unplaced = [text for text in parts.unplaced if text.strip()]
    findings = parts.findings + missing_parts(parts.seen, headed) + unplaced_findings(unplaced)
    return Card(
        source=source, kind=kind, issuer=issuer_name(kind) or _value(values, "issuer") or issuer,
        issuer_level=_issuer(level), category=_value(values, "category"),
        continuity=_value(values, "continuity"), stage=_value(values, "stage"), progress_rate=progress_rate,
        pledge=Pledge(title=_value(values, "title"), number=_value(values, "number")),
        department=_value(values, "department"), contact=contact, contacts=contacts,
        cooperating_departments=split_list(values.get("cooperating", "")),
        target=_value(values, "target"), status=_value(values, "status"),
        findings=findings, unplaced=unplaced, **parts.fields,
    )


def _label(key: str) -> str:
    """The canonical label of a header field (담당자 for the contact)."""
    return HEADER_LABELS[key][0]


def _issuer(level: str) -> IssuerLevel:
    return cast(IssuerLevel, level) if level in get_args(IssuerLevel) else "unknown"


def _read_section(section: Section, issuer: str, parts: _Parts, settings: ParserSettings = DEFAULT) -> None:
    parts.seen.add(section.key)
    blocks = section.blocks
    fields = parts.fields
    rest: list[str]
    key = section.key
    if key == "overview":
        fields["overview"], rest = read_overview(blocks, issuer, parts.findings)
    elif key == "finance":
        fields["finance"], rest = read_finance(blocks, section.heading, issuer, parts.findings, settings=settings)
    elif key == "progress":
        blocks, dated = _dated_items(blocks, "progress[0].items", parts)
        progress, achievements, rest = read_progress(blocks, parts.findings, section.heading, settings=settings)
        if dated:
            if progress:
                progress[0].items.extend(dated)
            else:
                as_of, cumulative = parse_as_of(section.heading)
                progress.append(ProgressBlock(heading="", as_of=as_of, cumulative=cumulative, items=dated))
        fields.setdefault("progress", []).extend(progress)
        fields.setdefault("achievements", []).extend(achievements)
    elif key == "communication":
        channels, rest = read_communication(blocks, settings=settings)
        fields.setdefault("communication", []).extend(channels)
    elif key in ("plans", "effects", "purpose"):
        path = {"plans": "plans", "effects": "expected_effects", "purpose": "purpose"}[key]
        blocks, dated = _dated_items(blocks, path, parts)
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        fields.setdefault(path, []).extend(build_items(paragraphs, path, parts.findings) + dated)
        rest = [block_text(b) for b in blocks if not isinstance(b, Paragraph)]
    elif key == "goals":
        goals, rest = read_goals(blocks)
        fields.setdefault("goals", []).extend(goals)
    elif key == "yearly":
        yearly, rest = read_yearly(blocks, parts.findings)
        fields.setdefault("yearly", []).extend(yearly)
    elif key == "issues":
        issues, remedies, rest = read_issues(blocks, parts.findings)
        fields.setdefault("issues", []).extend(issues)
        fields.setdefault("remedies", []).extend(remedies)
    else:
        rest = _extra_section(section, parts)
    parts.unplaced.extend(rest)


def _dated_items(blocks: list[Block], path: str, parts: _Parts) -> tuple[list[Block], list[Item]]:
    """The blocks that are not tables of dated entries, and the items of those tables (real
    tables, or flattened a row per line under their ``일자 추진내용`` line); what of a table's
    cells no item takes (another column, a date that does not read) goes to ``unplaced``."""
    findings = parts.findings
    kept: list[Block] = []
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, Table) and is_dated_table(block):
            found, rest = items_of_dated_table(block, path, findings)
            items.extend(found)
            parts.unplaced.extend(rest)
        else:
            kept.append(block)
    if any(isinstance(b, Paragraph) and is_dated_header(b) for b in kept):
        paragraphs = [b for b in kept if isinstance(b, Paragraph)]
        left, found = items_of_dated_lines(paragraphs, path, findings)
        items.extend(found)
        kept = [b for b in kept if not isinstance(b, Paragraph) or b in left]
    return kept, items


def _extra_section(section: Section, parts: _Parts) -> list[str]:
    """A headed part no field takes: kept whole in ``sections`` (its text placed, not unplaced)."""
    sections = parts.fields.setdefault("sections", [])
    path = f"sections[{len(sections)}]"
    paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)]
    items = build_items(paragraphs, f"{path}.items", parts.findings)
    text = "\n".join(block_text(b) for b in section.blocks if not isinstance(b, Paragraph))
    sections.append(ExtraSection(heading=close_spaced(section.heading), items=items, text=text))
    parts.findings.append(Finding(code="card.extra_section", severity="info", path=path,
                                  message=f"a headed part no field takes went to sections: {section.heading}"))
    return []
