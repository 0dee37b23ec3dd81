"""The output contract: the typed card of CARD-SPEC §2.

Field names here are fixed by the spec; fields may be added, never renamed without
bumping ``SCHEMA_VERSION``. Every normalized value keeps the text it came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

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
    #: 1.1: 계획, 확보 or 집행 as the table writes it when it splits planned, secured and spent money.
    measure: str | None = None
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
    """A person to ask about the pledge; ``role`` (1.1) is 담당자, 국장, 과장, 팀장 … as written."""

    role: str | None = None
    name: str | None = None
    phone: str | None = None


class Rate(Model):
    """1.1: a progress rate in percent (이행률, 추진율) with its text and as-of date."""

    percent: float
    text: str
    as_of: str | None = None


class Goal(Model):
    """1.1: a goal of 사업목표 (최종 목표, 임기 내 목표), achieved from 달성 / 미달성 when written."""

    label: str
    text: str
    achieved: bool | None = None


class YearPlan(Model):
    """1.1: a row of 연도별 추진계획 및 실적; a single year is a span with start = end."""

    years: Span
    plan: str
    result: str | None = None
    rate: float | None = None
    note: str | None = None


class Section(Model):
    """1.1: a headed part of the card that no other field takes; its text is placed, not unplaced."""

    heading: str
    items: list[Item] = Field(default_factory=list)
    text: str = ""


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
    issuer: str | None = None
    issuer_level: IssuerLevel = "unknown"
    category: str | None = None
    continuity: str | None = None
    stage: str | None = None
    progress_rate: Rate | None = None
    pledge: Pledge = Field(default_factory=Pledge)
    department: str | None = None
    contact: Contact = Field(default_factory=Contact)
    contacts: list[Contact] = Field(default_factory=list)
    cooperating_departments: list[str] = Field(default_factory=list)
    target: str | None = None
    status: str | None = None
    as_of: str | None = None
    purpose: list[Item] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    overview: Overview = Field(default_factory=Overview)
    finance: Finance = Field(default_factory=Finance)
    progress: list[ProgressBlock] = Field(default_factory=list)
    achievements: list[Achievement] = Field(default_factory=list)
    yearly: list[YearPlan] = Field(default_factory=list)
    communication: list[Channel] = Field(default_factory=list)
    plans: list[Item] = Field(default_factory=list)
    expected_effects: list[Item] = Field(default_factory=list)
    issues: list[Item] = Field(default_factory=list)
    remedies: list[Item] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
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
