"""The CSV tables of CARD-SPEC §5: one row per thing, keyed by ``card_id``, Excel-safe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from pledgecard.models import Card, FileResult, Item, Money, Quantity, Span
from pledgecard.normalize.checks import INCOMPLETE_CODES

Row = dict[str, object]
#: A leading character that makes Excel read a cell as a formula.
_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


TABLES: dict[str, list[str]] = {
    "cards": ["card_id", "source_path", "source_format", "source_sha256", "kind", "issuer_level",
              "pledge_number", "pledge_title", "department", "contact_name", "contact_phone",
              "cooperating_departments", "target", "status", "as_of", "period_start", "period_end",
              "period_text", "period_years", "volume_value", "volume_unit", "volume_text",
              "total_cost_won", "total_cost_text", "finance_unit", "finance_unit_won",
              "findings", "unplaced"],
    "finance": ["card_id", "source_path", "source", "category", "column", "kind", "year", "won", "raw"],
    "items": ["card_id", "source_path", "section", "path", "level", "marker", "text", "note", "dates", "amounts_won",
              "quantities"],
    "achievements": ["card_id", "source_path", "year", "project", "status", "details"],
    "communication": ["card_id", "source_path", "channel", "count", "text"],
    "findings": ["card_id", "source_path", "code", "severity", "message", "path"],
    "files": ["path", "format", "sha256", "status", "reason", "cards"],
}


def excel_safe(value: object) -> object:
    """Strings Excel would run as formulas get a leading apostrophe; others pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    if isinstance(value, str) and len(value) > 1 and value[0] == "-" and not value[1].isdigit() \
            and not value[1].isspace():
        return "'" + value
    return value


_RISKY_FIRST = frozenset("=+@\t\r-")


def cell_value(value: object) -> object:
    """A value as written to a CSV cell: None empty, formula-like strings made safe."""
    if value is None:
        return ""
    if isinstance(value, str) and value and value[0] in _RISKY_FIRST:
        return excel_safe(value)
    return value


def _span(span: Span) -> str:
    return f"{span.start or ''}..{span.end or ''}" if span.start != span.end else span.start or ""


def _money(amounts: list[Money]) -> str:
    return "; ".join("" if m.won is None else str(m.won) for m in amounts)


def _quantities(quantities: list[Quantity]) -> str:
    return "; ".join(f"{q.value}{q.unit}" for q in quantities)


def card_row(card: Card) -> Row:
    o = card.overview
    return {
        "card_id": card.card_id, "source_path": card.source.path, "source_format": card.source.format,
        "source_sha256": card.source.sha256, "kind": card.kind, "issuer_level": card.issuer_level,
        "pledge_number": card.pledge.number, "pledge_title": card.pledge.title,
        "department": card.department, "contact_name": card.contact.name,
        "contact_phone": card.contact.phone,
        "cooperating_departments": "; ".join(card.cooperating_departments),
        "target": card.target, "status": card.status, "as_of": card.as_of,
        "period_start": o.period.start if o.period else None, "period_end": o.period.end if o.period else None,
        "period_text": o.period.text if o.period else None, "period_years": o.period_years,
        "volume_value": o.volume.value if o.volume else None, "volume_unit": o.volume.unit if o.volume else None,
        "volume_text": o.volume.text if o.volume else None,
        "total_cost_won": o.total_cost.won if o.total_cost else None,
        "total_cost_text": o.total_cost.text if o.total_cost else None,
        "finance_unit": card.finance.unit, "finance_unit_won": card.finance.unit_won,
        "findings": len(card.findings), "unplaced": len(card.unplaced),
    }


def walk_items(items: list[Item], path: str) -> Iterator[tuple[str, Item]]:
    for index, item in enumerate(items):
        here = f"{path}[{index}]"
        yield here, item
        yield from walk_items(item.children, f"{here}.children")


def item_sections(card: Card) -> Iterator[tuple[str, list[Item]]]:
    yield "overview.items", card.overview.items
    for index, block in enumerate(card.progress):
        yield f"progress[{index}].items", block.items
    yield "plans", card.plans
    yield "expected_effects", card.expected_effects


def item_rows(card: Card) -> Iterator[Row]:
    for section, items in item_sections(card):
        for path, item in walk_items(items, section):
            yield {"card_id": card.card_id, "source_path": card.source.path, "section": section, "path": path,
                   "level": item.level, "marker": item.marker, "text": item.text, "note": item.note,
                   "dates": "; ".join(_span(s) for s in item.dates), "amounts_won": _money(item.amounts),
                   "quantities": _quantities(item.quantities)}


def file_reason(result: FileResult) -> str | None:
    """Why a file failed or was skipped; for a ``partial`` file, the findings that made it so."""
    if result.reason or result.status != "partial":
        return result.reason
    codes = sorted({f.code for card in result.cards for f in card.findings if f.code in INCOMPLETE_CODES})
    return "incomplete: " + ", ".join(codes) if codes else None


def rows_for(name: str, results: Iterable[FileResult]) -> Iterator[Row]:
    for result in results:
        if name == "files":
            yield {"path": result.path, "format": result.format, "sha256": result.sha256,
                   "status": result.status, "reason": file_reason(result), "cards": len(result.cards)}
            continue
        if name == "findings":
            for finding in result.findings:
                yield {"card_id": None, "source_path": result.path, **finding.model_dump()}
        for card in result.cards:
            yield from _card_rows(name, card)


def _card_rows(name: str, card: Card) -> Iterator[Row]:
    key = card.card_id
    origin = card.source.path
    if name == "cards":
        yield card_row(card)
    elif name == "finance":
        for cell in card.finance.cells:
            yield {"card_id": key, "source_path": origin, **cell.model_dump(exclude={"provenance"})}
    elif name == "items":
        yield from item_rows(card)
    elif name == "achievements":
        for row in card.achievements:
            yield {"card_id": key, "source_path": origin, "year": row.year, "project": row.project,
                   "status": row.status, "details": " | ".join(row.details)}
    elif name == "communication":
        for channel in card.communication:
            yield {"card_id": key, "source_path": origin, **channel.model_dump()}
    elif name == "findings":
        for finding in card.findings:
            yield {"card_id": key, "source_path": card.source.path, **finding.model_dump()}


def to_csv(name: str, results: Iterable[FileResult]) -> str:
    """One table as CSV text (the BOM is added when written)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = TABLES[name]
    writer.writerow(columns)
    writer.writerows([cell_value(row.get(c)) for c in columns] for row in rows_for(name, results))
    return buffer.getvalue()
