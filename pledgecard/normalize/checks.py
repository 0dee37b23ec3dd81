"""Findings (CARD-SPEC §4): what a card says checked against itself. Nothing is fixed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from pledgecard.models import Card, Finance, FinanceCell, Finding
from pledgecard.normalize.dates import span_years
from pledgecard.normalize.text import squash
from pledgecard.vocab import (
    PART_LABELS,
    PLANNED_MEASURE,
    REQUIRED_PARTS,
    REQUIRED_PARTS_SECOND_FAMILY,
    SECOND_FAMILY_PARTS,
)

#: Codes that say the parse itself is incomplete (the file's status becomes ``partial``).
INCOMPLETE_CODES = frozenset({"card.missing_part", "unplaced.text", "finance.unit_missing"})
_UNPLACED_PREVIEW = 80


def missing_parts(seen: set[str], headed: set[str] | None = None) -> list[Finding]:
    """A finding for each part the card's family of templates has and the card lacks.

    ``seen``: the parts the card has; ``headed``: those it heads itself (default: all). The
    family is told by the headings as written: a table the parser moved out of another part
    (a 문제점 | 대책 table under 추진실적) fills its part but does not make a card of the first
    family one of the second (which would hide the first family's missing parts)."""
    second_family = any(part in (seen if headed is None else headed) for part in SECOND_FAMILY_PARTS)
    required = REQUIRED_PARTS_SECOND_FAMILY if second_family else REQUIRED_PARTS
    return [
        Finding(code="card.missing_part", severity="warning", path=part,
                message=f"the card lacks its {PART_LABELS[part]}")
        for part in required if part not in seen
    ]


def unplaced_findings(unplaced: list[str]) -> list[Finding]:
    return [
        Finding(code="unplaced.text", severity="warning", path=f"unplaced[{i}]",
                message=f"text no field took: {text[:_UNPLACED_PREVIEW]}")
        for i, text in enumerate(unplaced)
    ]


def _in_unit(won: int, finance: Finance) -> str:
    """An amount as the table writes it, with the table's unit named: ``6,300 백만 원``."""
    unit_won = finance.unit_won
    if not unit_won:
        return f"{won:,} won"
    if won % unit_won == 0:
        return f"{won // unit_won:,} {finance.unit}"
    amount = f"{Decimal(won) / Decimal(unit_won):,f}".rstrip("0").rstrip(".")
    return f"{amount} {finance.unit}"


def _decimals(raw: str) -> int:
    """Digits after the decimal point of a table cell (``42.5`` -> 1)."""
    number = raw.replace(",", "").strip()
    return len(number.split(".", 1)[1]) if "." in number else 0


def rounding_tolerance(group: list[FinanceCell], unit_won: int | None) -> int:
    """How far a total may stray from the sum of its parts when the table rounds its amounts
    (억원 to one decimal): half the last shown digit for every rounded number summed."""
    places = max((_decimals(c.raw) for c in group), default=0)
    if not places or not unit_won:
        return 0
    return int(len(group) * unit_won // (2 * 10**places))


def _sum_mismatch(group: list[FinanceCell], is_total: Callable[[FinanceCell], bool],
                  unit_won: int | None) -> tuple[FinanceCell, int] | None:
    """``(total cell, sum of the others)`` when a row or column's total disagrees with its parts
    by more than the table's rounding."""
    total = [c for c in group if is_total(c)]
    parts = [c for c in group if not is_total(c)]
    if len(total) != 1 or not parts or total[0].won is None or any(c.won is None for c in parts):
        return None
    summed = sum(c.won or 0 for c in parts)
    if abs(summed - total[0].won) <= rounding_tolerance(group, unit_won):
        return None
    return total[0], summed


def _of(measure: str | None) -> str:
    """`` (계획)`` after a row or column of a table split into 계획 / 확보 / 집행."""
    return f" ({measure})" if measure else ""


def finance_findings(card: Card) -> list[Finding]:
    unit = card.finance.unit_won
    table = card.finance
    findings: list[Finding] = []
    rows: dict[tuple[str, str | None], list[FinanceCell]] = defaultdict(list)
    columns: dict[tuple[str, str | None], list[FinanceCell]] = defaultdict(list)
    for cell in card.finance.cells:
        rows[(cell.source, cell.measure)].append(cell)
        columns[(cell.column, cell.measure)].append(cell)
    for (source, measure), row in rows.items():
        found = _sum_mismatch(row, lambda c: c.kind == "total", unit)
        if found:
            total, summed = found
            findings.append(Finding(
                code="finance.row_sum", severity="error", path=f"finance.cells[source={source}]",
                message=f"{source}{_of(measure)}: {total.column} {_in_unit(total.won or 0, table)} ≠ sum of its "
                        f"columns {_in_unit(summed, table)} (off by {_in_unit(summed - (total.won or 0), table)})"))
    for (column, measure), cells_of_column in columns.items():
        found = _sum_mismatch(cells_of_column, lambda c: c.category == "total", unit)
        if found:
            total, summed = found
            findings.append(Finding(
                code="finance.column_sum", severity="error", path=f"finance.cells[column={column}]",
                message=f"{column}{_of(measure)}: {total.source} {_in_unit(total.won or 0, table)} ≠ sum of the "
                        f"sources {_in_unit(summed, table)} (off by {_in_unit(summed - (total.won or 0), table)})"))
    return findings + overview_vs_table(card)


def planned_cells(card: Card) -> list[FinanceCell]:
    """The cells of planned money: all of them, or the 계획 ones where the table splits
    계획 / 확보 / 집행."""
    cells = card.finance.cells
    if any(c.measure for c in cells):
        return [c for c in cells if c.measure in (PLANNED_MEASURE, None)]
    return cells


def _row_total(cells: list[FinanceCell], predicate: str) -> FinanceCell | None:
    matches = [c for c in cells if c.kind == "total" and squash(c.source) == predicate]
    return matches[0] if len(matches) == 1 else None


def overview_vs_table(card: Card) -> list[Finding]:
    cost = card.overview.total_cost
    cells = planned_cells(card)
    if cost is None or not cells:
        return []
    findings: list[Finding] = []
    grand = [c for c in cells if c.kind == "total" and c.category == "total"]
    if len(grand) == 1 and cost.won is not None and grand[0].won is not None and cost.won != grand[0].won:
        findings.append(Finding(
            code="finance.total_vs_overview", severity="error", path="overview.total_cost",
            message=f"총사업비 in 사업개요 is {cost.won:,} won but the finance table's total is "
                    f"{grand[0].won:,} won"))
    for index, funding in enumerate(cost.breakdown):
        row = _row_total(cells, squash(funding.source)) or _unique_category_total(cells, funding.category)
        if row is None or row.won is None or funding.won is None or row.won == funding.won:
            continue
        findings.append(Finding(
            code="finance.total_vs_overview", severity="error", path=f"overview.total_cost.breakdown[{index}]",
            message=f"{funding.source} in 사업개요 is {funding.won:,} won but the finance table's "
                    f"{row.source} total is {row.won:,} won"))
    return findings


def _unique_category_total(cells: list[FinanceCell], category: str) -> FinanceCell | None:
    matches = [c for c in cells if c.kind == "total" and c.category == category]
    return matches[0] if len(matches) == 1 else None


def period_findings(card: Card) -> list[Finding]:
    period, stated = card.overview.period, card.overview.period_years
    if period is None or stated is None:
        return []
    years = span_years(period)
    if years is None or years == stated:
        return []
    return [Finding(code="period.years", severity="warning", path="overview.period",
                    message=f"the period {period.text!r} spans {years} years but the card says {stated}")]


def yearly_findings(card: Card) -> list[Finding]:
    """``yearly.rate``: a cumulative rate that falls from one year to the next, or exceeds 100."""
    findings: list[Finding] = []
    previous: float | None = None
    for index, row in enumerate(card.yearly):
        if row.rate is None:
            continue
        if row.rate > 100:
            findings.append(Finding(code="yearly.rate", severity="warning", path=f"yearly[{index}].rate",
                                    message=f"{row.years.text}: a rate of {row.rate:g}% exceeds 100"))
        elif previous is not None and row.rate < previous:
            findings.append(Finding(code="yearly.rate", severity="warning", path=f"yearly[{index}].rate",
                                    message=f"{row.years.text}: the cumulative rate falls from {previous:g}% "
                                            f"to {row.rate:g}%"))
        previous = row.rate
    return findings


def check_card(card: Card) -> Card:
    """The card with the consistency findings added (a copy: the card itself is not changed)."""
    return card.model_copy(update={"findings": [*card.findings, *finance_findings(card), *period_findings(card),
                                                *yearly_findings(card)]})


def is_incomplete(card: Card) -> bool:
    return any(f.code in INCOMPLETE_CODES for f in card.findings)
