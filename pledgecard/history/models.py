"""The history of a pledge across its re-issues (CARD-SPEC §6): one record per change.

A change is flat on purpose: it is one row of ``history.csv`` and of the ``history`` table
(SQLite, PostgreSQL) as it is. ``before`` and ``after`` are the values as the card model holds
them, written as text: money as whole won in digits (``89873000000``), a rate as its percent
(``72.5``), a date as its precision string (``2025-Q2``), a label as written.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pledgecard.models import Severity

ChangeCode = Literal[
    "history.status", "history.target", "history.period", "history.total_cost", "history.finance",
    "history.achievement", "history.rate", "history.gap", "history.duplicate",
]
#: Every change code, in the order of CARD-SPEC §6 (the order changes are listed in).
CHANGE_CODES: tuple[ChangeCode, ...] = (
    "history.status", "history.target", "history.period", "history.total_cost", "history.finance",
    "history.achievement", "history.rate", "history.gap", "history.duplicate",
)


class HistoryChange(BaseModel):
    """One change of a pledge from one re-issue of its card to the next (a row of ``history``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    issuer: str | None = Field(None, description="the government that issued the cards (Card.issuer, else "
                               "--issuer); null when unknown", examples=["원주시"])
    number: str | None = Field(None, description="the pledge's 관리번호; null when the cards give none",
                               examples=["3-07"])
    pledge: str = Field(description="the pledge's identity: issuer and number (the normalized title where "
                        "the number is missing)", examples=["원주시 3-07"])
    title: str | None = Field(None, description="the pledge's title on the later card", examples=["원주 미래 산업"])
    from_as_of: str | None = Field(None, description="as-of date of the earlier card (a duplicate: both cards' "
                                   "as-of)", examples=["2025-Q1"])
    to_as_of: str | None = Field(None, description="as-of date of the later card", examples=["2025-Q2"])
    code: ChangeCode = Field(description="what changed (CARD-SPEC §6)", examples=["history.total_cost"])
    severity: Severity = Field("info", description="info; warning for a falling rate, a missing quarter and "
                               "a duplicate that differs", examples=["info"])
    field: str = Field(description="the card field that changed, as a path of the card model",
                       examples=["overview.total_cost.won"])
    source: str | None = Field(None, description="history.finance: the cell's funding source (row)",
                               examples=["국비"])
    column: str | None = Field(None, description="history.finance: the cell's column (with its measure "
                               "계획/확보/집행 when the table splits them: 2025년 확보)", examples=["2025년"])
    before: str | None = Field(None, description="the value on the earlier card, as text; null when absent",
                               examples=["36000000000"])
    after: str | None = Field(None, description="the value on the later card, as text; null when absent",
                              examples=["38500000000"])
    diff_won: int | None = Field(None, description="history.total_cost and history.finance: after - before "
                                 "in won", examples=[2500000000])
    diff_percent: float | None = Field(None, description="history.total_cost and history.finance: the "
                                       "difference as a percent of before (2 decimals); history.rate: the "
                                       "change in percentage points", examples=[6.94])
    from_path: str | None = Field(None, description="the file of the earlier card",
                                  examples=["archive/2025-1/card.hwp"])
    to_path: str | None = Field(None, description="the file of the later card",
                                examples=["archive/2025-2/card.hwp"])
    message: str = Field("", description="the change in words")


class Reissue(BaseModel):
    """One re-issue of a pledge's card: what the history page shows on its timeline."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: str | None
    path: str
    status: str | None = None
    rate: float | None = None
    total_cost_won: int | None = None
    #: The finance table's total row by year: {2024: won, …} (the 계획 money where split).
    finance_by_year: dict[int, int] = Field(default_factory=dict)
    #: Further files that gave the same card (same identity and as-of).
    also_in: list[str] = Field(default_factory=list)


class PledgeHistory(BaseModel):
    """A pledge's cards by as-of date and every change between them."""

    model_config = ConfigDict(extra="forbid")

    pledge: str
    issuer: str | None = None
    number: str | None = None
    title: str | None = None
    reissues: list[Reissue] = Field(default_factory=list)
    changes: list[HistoryChange] = Field(default_factory=list)
