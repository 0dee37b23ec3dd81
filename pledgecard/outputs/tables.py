"""The rows of the output tables (CARD-SPEC §5), one row per thing, keyed by ``card_id``,
and their CSV text (Excel-safe). The tables and their columns are defined once, in
:mod:`pledgecard.outputs.columns`."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from pledgecard.models import Card, FileResult, Item, Money, Quantity, Span
from pledgecard.normalize.checks import INCOMPLETE_CODES
from pledgecard.outputs.columns import DEFINITIONS, TABLES, ColumnType
from pledgecard.vocab import FUNDING_FIXED

__all__ = ["TABLES", "cell_value", "csv_rows", "excel_safe", "indexed_rows", "rows_for", "to_csv"]

Row = dict[str, object]
#: A leading character that makes Excel read a cell as a formula.
_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")
#: The labels of a total (계, 합계 …): the 소통 column that counts every channel.
TOTAL_LABELS = frozenset(word for word, category in FUNDING_FIXED.items() if category == "total")


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


def _number(value: object) -> object:
    """A number as a CSV cell: a whole number without ``.0``; None empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _boolean(value: object) -> object:
    return "" if value is None else ("true" if value else "false")


_CELL: dict[ColumnType, Callable[[object], object]] = {
    "text": cell_value, "int": _number, "float": _number, "bool": _boolean}


def csv_rows(name: str, rows: Iterable[Row]) -> Iterator[list[object]]:
    """The CSV cells of rows of one table, in its column order, each by its column's type."""
    cells = [(c.name, _CELL[c.type]) for c in DEFINITIONS[name].columns]
    for row in rows:
        yield [cell(row.get(column)) for column, cell in cells]


def _joined(separator: str, parts: Iterable[str]) -> str | None:
    """Parts in one cell; None (an empty cell, NULL) when there are none."""
    return separator.join(parts) or None


def _span(span: Span) -> str:
    return f"{span.start or ''}..{span.end or ''}" if span.start != span.end else span.start or ""


def _money(amounts: list[Money]) -> str | None:
    return _joined("; ", ("" if m.won is None else str(m.won) for m in amounts))


def _quantities(quantities: list[Quantity]) -> str | None:
    return _joined("; ", (f"{q.value}{q.unit}" for q in quantities))


def card_row(card: Card) -> Row:
    o = card.overview
    return {
        "card_id": card.card_id, "source_path": card.source.path, "source_format": card.source.format,
        "source_sha256": card.source.sha256, "kind": card.kind, "issuer_level": card.issuer_level,
        "pledge_number": card.pledge.number, "pledge_title": card.pledge.title,
        "department": card.department, "contact_name": card.contact.name,
        "contact_phone": card.contact.phone,
        "cooperating_departments": _joined("; ", card.cooperating_departments),
        "target": card.target, "status": card.status, "as_of": card.as_of,
        "period_start": o.period.start if o.period else None, "period_end": o.period.end if o.period else None,
        "period_text": o.period.text if o.period else None, "period_years": o.period_years,
        "volume_value": o.volume.value if o.volume else None, "volume_unit": o.volume.unit if o.volume else None,
        "volume_text": o.volume.text if o.volume else None,
        "total_cost_won": o.total_cost.won if o.total_cost else None,
        "total_cost_text": o.total_cost.text if o.total_cost else None,
        "finance_unit": card.finance.unit, "finance_unit_won": card.finance.unit_won,
        "findings": len(card.findings), "unplaced": len(card.unplaced),
        "issuer": card.issuer, "category": card.category, "continuity": card.continuity, "stage": card.stage,
        "progress_rate": card.progress_rate.percent if card.progress_rate else None,
    }


def walk_items(items: list[Item], path: str) -> Iterator[tuple[str, Item]]:
    for index, item in enumerate(items):
        here = f"{path}[{index}]"
        yield here, item
        yield from walk_items(item.children, f"{here}.children")


def item_sections(card: Card) -> Iterator[tuple[str, list[Item]]]:
    yield "purpose", card.purpose
    yield "overview.items", card.overview.items
    for index, block in enumerate(card.progress):
        yield f"progress[{index}].items", block.items
    yield "plans", card.plans
    yield "expected_effects", card.expected_effects
    yield "issues", card.issues
    yield "remedies", card.remedies
    for index, section in enumerate(card.sections):
        yield f"sections[{index}].items", section.items


def item_rows(card: Card) -> Iterator[Row]:
    for section, items in item_sections(card):
        for path, item in walk_items(items, section):
            yield {"card_id": card.card_id, "source_path": card.source.path, "section": section, "path": path,
                   "level": item.level, "marker": item.marker, "text": item.text, "note": item.note,
                   "dates": _joined("; ", (_span(s) for s in item.dates)), "amounts_won": _money(item.amounts),
                   "quantities": _quantities(item.quantities)}


def file_reason(result: FileResult) -> str | None:
    """Why a file failed or was skipped; for a ``partial`` file, the findings that made it so."""
    if result.reason or result.status != "partial":
        return result.reason
    codes = sorted({f.code for card in result.cards for f in card.findings if f.code in INCOMPLETE_CODES})
    return "incomplete: " + ", ".join(codes) if codes else None


def indexed_rows(name: str, result: FileResult) -> Iterator[tuple[int | None, Row]]:
    """The rows one input file gives a table, each with the position of its card in the file
    (from 0; None for a row of the file itself)."""
    if name == "files":
        yield None, {"path": result.path, "format": result.format, "sha256": result.sha256,
                     "status": result.status, "reason": file_reason(result), "cards": len(result.cards),
                     "error_class": result.error_class}
        return
    if name == "findings":
        for finding in result.findings:
            yield None, {"card_id": None, "source_path": result.path, **finding.model_dump()}
    for index, card in enumerate(result.cards):
        for row in _card_rows(name, card):
            yield index, row


def rows_for(name: str, results: Iterable[FileResult]) -> Iterator[Row]:
    for result in results:
        for _, row in indexed_rows(name, result):
            yield row


def _card_rows(name: str, card: Card) -> Iterator[Row]:
    key: Row = {"card_id": card.card_id, "source_path": card.source.path}
    if name == "cards":
        yield card_row(card)
    elif name == "finance":
        for cell in card.finance.cells:
            yield {**key, **cell.model_dump(exclude={"provenance"})}
    elif name == "items":
        yield from item_rows(card)
    elif name == "achievements":
        for row in card.achievements:
            yield {**key, "year": row.year, "project": row.project, "status": row.status,
                   "details": _joined(" | ", row.details)}
    elif name == "communication":
        for channel in card.communication:
            yield {**key, **channel.model_dump(), "is_total": channel.channel in TOTAL_LABELS}
    elif name == "findings":
        for finding in card.findings:
            yield {**key, **finding.model_dump()}
    else:
        yield from _card_rows_1_1(name, card, key)


def _card_rows_1_1(name: str, card: Card, key: Row) -> Iterator[Row]:
    if name == "contacts":
        for contact in card.contacts:
            yield {**key, **contact.model_dump()}
    elif name == "goals":
        for goal in card.goals:
            yield {**key, **goal.model_dump()}
    elif name == "yearly":
        for plan in card.yearly:
            yield {**key, "start": plan.years.start, "end": plan.years.end, "years_text": plan.years.text,
                   "plan": plan.plan, "result": plan.result, "rate": plan.rate, "note": plan.note}
    elif name == "sections":
        for section in card.sections:
            yield {**key, "heading": section.heading, "text": section.text, "items": len(section.items)}


def to_csv(name: str, results: Iterable[FileResult]) -> str:
    """One table as CSV text (the BOM is added when written)."""
    return rows_to_csv(name, rows_for(name, results))


def rows_to_csv(name: str, rows: Iterable[Row]) -> str:
    """Rows of one table (``history`` too) as CSV text with its header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DEFINITIONS[name].names)
    writer.writerows(csv_rows(name, rows))
    return buffer.getvalue()
