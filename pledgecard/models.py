"""The output contract: the typed card of CARD-SPEC §2.

Field names here are fixed by the spec; fields may be added, never renamed without
bumping ``SCHEMA_VERSION``. Every normalized value keeps the text it came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Severity = Literal["error", "warning", "info"]
FundingCategory = Literal["national", "provincial", "municipal", "private", "other", "total"]
FinanceKind = Literal["total", "prior", "year", "after_term"]
SourceFormat = Literal["hwp", "hwpx", "pdf", "txt"]
ParseStatus = Literal["ok", "partial", "failed", "skipped"]
IssuerLevel = Literal["province", "metropolitan", "city", "county", "district", "unknown"]


class Model(BaseModel):
    """Base of every contract model: no unknown keys, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Provenance(Model):
    """Where a value came from: line (text), page (PDF), section/paragraph/table/cell (HWP)."""

    line: int | None = None
    page: int | None = None
    section: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None


class Money(Model):
    won: int | None
    text: str
    approx: bool = False


class Funding(Model):
    source: str
    category: FundingCategory
    won: int | None
    text: str


class TotalCost(Money):
    breakdown: list[Funding] = Field(default_factory=list)


class Quantity(Model):
    value: int | float | None
    unit: str
    approx: bool = False
    text: str


class Span(Model):
    """A period; dates are precision strings: 2024, 2024-04, 2024-04-05, 2024-Q4, 2024-H1."""

    start: str | None
    end: str | None
    text: str


class Item(Model):
    marker: str
    level: int
    text: str
    dates: list[Span] = Field(default_factory=list)
    amounts: list[Money] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    note: str | None = None
    children: list[Item] = Field(default_factory=list)
    provenance: Provenance | None = None


class FinanceCell(Model):
    source: str
    category: FundingCategory
    column: str
    kind: FinanceKind
    year: int | None
    won: int | None
    raw: str
    provenance: Provenance | None = None


class ProgressBlock(Model):
    heading: str
    as_of: str | None
    cumulative: bool = False
    items: list[Item] = Field(default_factory=list)


class Achievement(Model):
    year: int
    project: str
    status: str | None
    details: list[str] = Field(default_factory=list)


class Channel(Model):
    channel: str
    count: int | None
    text: str


class Finding(Model):
    code: str
    severity: Severity
    message: str
    path: str | None = None


class Source(Model):
    path: str
    format: SourceFormat
    sha256: str


class Pledge(Model):
    title: str | None = None
    number: str | None = None


class Contact(Model):
    name: str | None = None
    phone: str | None = None


class Overview(Model):
    period: Span | None = None
    period_years: int | None = None
    volume: Quantity | None = None
    total_cost: TotalCost | None = None
    items: list[Item] = Field(default_factory=list)


class Finance(Model):
    unit: str | None = None
    unit_won: int | None = None
    cells: list[FinanceCell] = Field(default_factory=list)


class Card(Model):
    schema_version: str = SCHEMA_VERSION
    card_id: str | None = None
    source: Source
    kind: str | None = None
    issuer_level: IssuerLevel = "unknown"
    pledge: Pledge = Field(default_factory=Pledge)
    department: str | None = None
    contact: Contact = Field(default_factory=Contact)
    cooperating_departments: list[str] = Field(default_factory=list)
    target: str | None = None
    status: str | None = None
    as_of: str | None = None
    overview: Overview = Field(default_factory=Overview)
    finance: Finance = Field(default_factory=Finance)
    progress: list[ProgressBlock] = Field(default_factory=list)
    achievements: list[Achievement] = Field(default_factory=list)
    communication: list[Channel] = Field(default_factory=list)
    plans: list[Item] = Field(default_factory=list)
    expected_effects: list[Item] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    unplaced: list[str] = Field(default_factory=list)


class FileResult(Model):
    """What parsing one input file gave: its cards, or why there are none."""

    path: str
    format: SourceFormat | None = None
    sha256: str | None = None
    status: ParseStatus
    reason: str | None = None
    cards: list[Card] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
