"""The output contract: the typed card of CARD-SPEC §2.

Field names here are fixed by the spec; fields may be added, never renamed without
bumping ``SCHEMA_VERSION``. Every normalized value keeps the text it came from.
Each field's description and examples are the contract's words: ``docs/fields.md`` and the
JSON Schema are generated from them (``python -m pledgecard.outputs.fieldref``).
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
#: Why a file failed: ``input`` when its bytes are to blame (damaged, encrypted, not a card),
#: ``internal`` when pledgecard broke on it (a bug to report, with the file).
ErrorClass = Literal["input", "internal"]

_DATE = "a precision date: 2024, 2024-04, 2024-04-05, 2024-Q4 or 2024-H1"


class Model(BaseModel):
    """Base of every contract model: no unknown keys, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Provenance(Model):
    """Where a value came from: line (text), page (PDF), section/paragraph/table/cell (HWP)."""

    # Frozen: the readers share one provenance between the blocks (and parses) that come from
    # the same place, so one that a user could change would change other cards' too.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=True)

    line: int | None = Field(None, description="line of a text dump, from 1", examples=[23])
    page: int | None = Field(None, description="page of a PDF, from 1", examples=[2])
    section: int | None = Field(None, description="section of an HWP/HWPX document, from 0", examples=[0])
    paragraph: int | None = Field(None, description="paragraph in its HWP/HWPX section, from 0", examples=[14])
    table: int | None = Field(None, description="table in the document, from 0", examples=[0])
    row: int | None = Field(None, description="the cell's row in its table's grid, from 0", examples=[2])
    col: int | None = Field(None, description="the cell's column in its table's grid, from 0", examples=[1])


class Money(Model):
    """An amount: whole Korean won and the text it came from."""

    won: int | None = Field(description="whole Korean won (exact decimal arithmetic); null when the text "
                            "gives no amount", examples=[62000000000])
    text: str = Field(description="the amount as written", examples=["620억 원"])
    approx: bool = Field(False, description="the text says the amount is approximate (여, 약)")


class Funding(Model):
    """One source of a total cost's breakdown (국비, 도비, …)."""

    source: str = Field(description="the funding source as written", examples=["국비"])
    category: FundingCategory = Field(description="the source's category, decided by the issuer's level "
                                      "(시비 is provincial on a metropolitan city's card, municipal on a city's)",
                                      examples=["national"])
    won: int | None = Field(description="whole Korean won; a breakdown without units takes the total's unit",
                            examples=[58266000000])
    text: str = Field(description="the part of the text it came from", examples=["국비 58,266"])


class TotalCost(Money):
    """총사업비: an amount with its breakdown by funding source."""

    breakdown: list[Funding] = Field(default_factory=list, description="the amounts by funding source "
                                     "given in parentheses after the total")


class Quantity(Model):
    """A counted amount with its unit (사업량, 2만 9천여 명)."""

    value: int | float | None = Field(description="the number; null when the text gives none", examples=[29000])
    unit: str = Field(description="the unit as written", examples=["명"])
    approx: bool = Field(False, description="the text says the number is approximate (여, 약)")
    text: str = Field(description="the quantity as written", examples=["2만 9천여 명"])


class Span(Model):
    """A period; dates are precision strings: 2024, 2024-04, 2024-04-05, 2024-Q4, 2024-H1."""

    start: str | None = Field(description=f"first date, {_DATE}", examples=["2018"])
    end: str | None = Field(description=f"last date, {_DATE}; null for an open end (‘23.~)", examples=["2027"])
    text: str = Field(description="the period as written", examples=["’18~’27년"])


class Item(Model):
    """A bulleted line of the card with the values found in it and the lines nested under it."""

    marker: str = Field(description="the bullet glyph as written (□ ◦ - * …)", examples=["-"])
    level: int = Field(description="nesting depth, from the glyph and the indentation", examples=[2])
    text: str = Field(description="the line's text without its marker",
                      examples=["디지털헬스케어 기반 국가혁신클러스터 육성 추진(’18~’27년, 620억 원)"])
    dates: list[Span] = Field(default_factory=list, description="the periods and dates in the text; in a table "
                              "of dated entries (or its rows written a line each) the first is the row's date "
                              "cell (or leading date), which the text does not hold")
    amounts: list[Money] = Field(default_factory=list, description="the amounts of money in the text")
    quantities: list[Quantity] = Field(default_factory=list, description="the counted amounts in the text")
    note: str | None = Field(None, description="a trailing note in parentheses (종료, 완료), kept in the text too; "
                             "in a table of dated entries, the row's 비고 cell as written, in its place "
                             "(an empty or - 비고 cell leaves the trailing note)", examples=["종료"])
    children: list[Item] = Field(default_factory=list, description="the items nested under this one")
    provenance: Provenance | None = Field(None, description="where the item came from")


class FinanceCell(Model):
    """One cell of the 재원투자 table: a funding source's amount in one column."""

    source: str = Field(description="the row's funding source as written (계 for the total row)",
                        examples=["국비"])
    category: FundingCategory = Field(description="the source's category (total for 계)", examples=["national"])
    column: str = Field(description="the column's heading as written", examples=["2022년"])
    kind: FinanceKind = Field(description="total (총사업비, 총액, 계), prior (기투자), year, after_term "
                              "(임기이후, 임기후, 향후)", examples=["year"])
    year: int | None = Field(description="the column's year when kind is year", examples=[2022])
    won: int | None = Field(description="whole Korean won (the table's unit applied); a dash is 0",
                            examples=[7519000000])
    raw: str = Field(description="the cell as written", examples=["7,519"])
    measure: str | None = Field(None, description="1.1: 계획, 확보 or 집행 as the table writes it when it splits "
                                "planned, secured and spent money; null when it does not", examples=["확보"])
    provenance: Provenance | None = Field(None, description="where the cell came from")


class ProgressBlock(Model):
    """A block of 추진실적 under one as-of heading."""

    heading: str = Field(description="the block's heading as written", examples=["기 추진실적 : ’24. 4분기 기준 누계"])
    as_of: str | None = Field(description=f"the heading's as-of date, {_DATE}", examples=["2024-Q4"])
    cumulative: bool = Field(False, description="the heading says the figures are cumulative (누계)")
    items: list[Item] = Field(default_factory=list, description="the block's items")


class Achievement(Model):
    """A row of the 목표달성 table of one year."""

    year: int = Field(description="the year of the table", examples=[2023])
    project: str = Field(description="the project as written", examples=["국가혁신클러스터 사업 추진"])
    status: str | None = Field(description="완료, 추진중, 미착수, 종료, 정상추진, 부진 or 보류; null when the cell "
                               "is empty", examples=["완료"])
    details: list[str] = Field(default_factory=list, description="the row's detail lines",
                               examples=[["클러스터 내 기업유치(8개사)"]])
    main_project: str | None = Field(default=None, description="1.1: the 주요사업 cell the row stands under, as "
                                     "written (often the pledge's title); null where the table has no such column",
                                     examples=["디지털헬스케어 메카 육성"])


class Channel(Model):
    """A column of the 소통 실적 table."""

    channel: str = Field(description="the channel as written", examples=["주민간담회, 공청회 등"])
    count: int | None = Field(description="the count; null for 다수, 수시 or an unfilled cell", examples=[3])
    text: str = Field(description="the cell as written", examples=["3"])
    year: int | None = Field(default=None, description="1.1: the year of the row, where the table gives a row "
                             "per year (2024년 | 3 | 2 …); null otherwise", examples=[2024])


class Finding(Model):
    """A disagreement the parse found in the card or a part it could not place (CARD-SPEC §4)."""

    code: str = Field(description="what was checked", examples=["finance.row_sum"])
    severity: Severity = Field(description="error, warning or info", examples=["warning"])
    message: str = Field(description="what disagrees, in words")
    path: str | None = Field(None, description="the part of the card it concerns", examples=["finance"])


class Source(Model):
    """The file a card came from."""

    path: str = Field(description="the file's path as given", examples=["samples/gangwon-2-16/gangwon-2-16.txt"])
    format: SourceFormat = Field(description="hwp, hwpx, pdf or txt, sniffed from the bytes", examples=["txt"])
    sha256: str = Field(description="SHA-256 of the file's bytes, in hex")


class Pledge(Model):
    """The pledge's name and number."""

    title: str | None = Field(None, description="공약명", examples=["디지털헬스케어 메카 육성"])
    number: str | None = Field(None, description="관리번호", examples=["2-16"])


class Contact(Model):
    """A person to ask about the pledge; ``role`` (1.1) is 담당자, 국장, 과장, 팀장 … as written."""

    role: str | None = Field(None, description="1.1: 담당자, 국장, 과장, 팀장 … as written", examples=["담당자"])
    name: str | None = Field(None, description="the person's name", examples=["변양우"])
    phone: str | None = Field(None, description="the phone number as written", examples=["3477"])


class Rate(Model):
    """1.1: a progress rate in percent (이행률, 추진율) with its text and as-of date."""

    percent: float = Field(description="the rate in percent", examples=[72.5])
    text: str = Field(description="the rate as written", examples=["72.5%"])
    as_of: str | None = Field(None, description=f"the rate's as-of date when stated, {_DATE}", examples=["2025-Q2"])


class Goal(Model):
    """1.1: a goal of 사업목표 (최종 목표, 임기 내 목표), achieved from 달성 / 미달성 when written."""

    label: str = Field(description="the goal's label as written", examples=["임기 내 목표"])
    text: str = Field(description="the goal as written")
    achieved: bool | None = Field(None, description="true for 달성, false for 미달성, null when not written")


class YearPlan(Model):
    """1.1: a row of 연도별 추진계획 및 실적; a single year is a span with start = end."""

    years: Span = Field(description="the row's year or period (a single year: start = end)")
    plan: str = Field(description="추진계획 as written")
    result: str | None = Field(None, description="추진실적 as written; null for an empty or - cell")
    rate: float | None = Field(None, description="추진율 or 누적추진율 in percent; null for an empty or - cell, "
                               "a cell that states none (없음, 해당없음), or a cell that is no rate (추진중: its "
                               "text goes to unplaced)",
                               examples=[40.0])
    note: str | None = Field(None, description="비고 as written; null for an empty or - cell")


class Section(Model):
    """1.1: a headed part of the card that no other field takes; its text is placed, not unplaced."""

    heading: str = Field(description="the part's heading as written", examples=["주민참여 방안"])
    items: list[Item] = Field(default_factory=list, description="the part's bulleted items")
    text: str = Field("", description="the part's text that is not in items")


class Overview(Model):
    """사업개요: period, volume, total cost and the main items."""

    period: Span | None = Field(None, description="사업기간")
    period_years: int | None = Field(None, description="the number of years the card states with the period "
                                     "((6년간)); checked against the span", examples=[6])
    volume: Quantity | None = Field(None, description="사업량")
    total_cost: TotalCost | None = Field(None, description="총사업비 with its breakdown by funding source")
    items: list[Item] = Field(default_factory=list, description="주요내용: the main items, each with its own "
                              "period and cost")


class Finance(Model):
    """재원투자 실적 및 계획: the finance table, one cell per source and column."""

    unit: str | None = Field(None, description="the table's unit as written", examples=["백만 원"])
    unit_won: int | None = Field(None, description="the unit in won", examples=[1000000])
    cells: list[FinanceCell] = Field(default_factory=list, description="every cell, row by row")


class Card(Model):
    """One pledge management card (공약사업 관리카드). Every key is present; an unknown value is null
    or [], never invented."""

    schema_version: str = Field(SCHEMA_VERSION, description="the contract's version", examples=["1.1"])
    card_id: str | None = Field(None, description="the pledge number plus the card's as-of date when it has one",
                                examples=["2-16@2025-03"])
    source: Source = Field(description="the file the card came from")
    kind: str | None = Field(None, description="the kind line as written, without a running header's date",
                             examples=["도지사 공약사업 관리카드"])
    issuer: str | None = Field(None, description="1.1: the government that issued the card, from the kind line "
                               "or header when they name one", examples=["원주시"])
    issuer_level: IssuerLevel = Field("unknown", description="the issuer's level of government; decides the "
                                      "category of each funding source", examples=["province"])
    category: str | None = Field(None, description="1.1: 분야 as written")
    continuity: str | None = Field(None, description="1.1: 신규 or 계속 as written", examples=["계속"])
    stage: str | None = Field(None, description="1.1: 추진단계 as written")
    progress_rate: Rate | None = Field(None, description="1.1: 이행률 or 추진율 of the whole pledge")
    pledge: Pledge = Field(default_factory=Pledge, description="the pledge's title and number")
    department: str | None = Field(None, description="추진부서 as written", examples=["바이오헬스과"])
    contact: Contact = Field(default_factory=Contact, description="the working-level contact (담당, 담당자), "
                             "else the last one named")
    contacts: list[Contact] = Field(default_factory=list, description="1.1: every person the card names "
                                    "(국장, 과장, 팀장, 담당)")
    cooperating_departments: list[str] = Field(default_factory=list, description="협조부서; [] when the card "
                                               "says -", examples=[["보건정책과"]])
    target: str | None = Field(None, description="실천목표 or 완료시기 as written", examples=["임기 이후 완료"])
    status: str | None = Field(None, description="추진상황 as written", examples=["이행 후 계속 추진"])
    as_of: str | None = Field(None, description=f"the latest as-of date of the progress blocks, {_DATE}",
                              examples=["2025-03"])
    purpose: list[Item] = Field(default_factory=list, description="1.1: 사업목적, 추진배경, 필요성")
    goals: list[Goal] = Field(default_factory=list, description="1.1: 사업목표 (최종 목표, 임기 내 목표)")
    overview: Overview = Field(default_factory=Overview, description="사업개요")
    finance: Finance = Field(default_factory=Finance, description="재원투자 실적 및 계획")
    progress: list[ProgressBlock] = Field(default_factory=list, description="추진실적, one block per as-of heading")
    achievements: list[Achievement] = Field(default_factory=list, description="the 목표달성 rows of every year")
    yearly: list[YearPlan] = Field(default_factory=list, description="1.1: 연도별 추진계획 및 실적")
    communication: list[Channel] = Field(default_factory=list, description="도민소통 실적: the 계 column and "
                                         "each channel")
    plans: list[Item] = Field(default_factory=list, description="향후계획")
    expected_effects: list[Item] = Field(default_factory=list, description="기대효과")
    issues: list[Item] = Field(default_factory=list, description="1.1: 문제점, 쟁점사항, 애로사항")
    remedies: list[Item] = Field(default_factory=list, description="1.1: 대책, 해소방안, 건의사항")
    sections: list[Section] = Field(default_factory=list, description="1.1: headed parts no other field takes; "
                                    "their text is placed, not unplaced")
    findings: list[Finding] = Field(default_factory=list, description="what the checks found (CARD-SPEC §4)")
    unplaced: list[str] = Field(default_factory=list, description="source text that no field took; empty when "
                                "the parse is complete")


class FileResult(Model):
    """What parsing one input file gave: its cards, or why there are none."""

    path: str = Field(description="the input's path as given (a zip member: archive.zip!folder/card.hwp)")
    format: SourceFormat | None = Field(None, description="the sniffed format; null when unknown")
    sha256: str | None = Field(None, description="SHA-256 of the file's bytes, in hex")
    status: ParseStatus = Field(description="ok, partial (a card lacks a part or has unplaced text), failed or "
                                "skipped")
    reason: str | None = Field(None, description="why the file failed or was skipped, in one line")
    error_class: ErrorClass | None = Field(None, description="for a failed file: input (its bytes are to blame) "
                                           "or internal (pledgecard broke on it: a bug to report)")
    cards: list[Card] = Field(default_factory=list, description="the file's cards, in order")
    findings: list[Finding] = Field(default_factory=list, description="findings about the file as a whole")
