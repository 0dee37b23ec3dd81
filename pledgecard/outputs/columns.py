"""Every output table defined once (CARD-SPEC §5): its columns, their types, what they mean.

The CSV files, the SQLite and PostgreSQL tables, the pandas frames and the Datasette
metadata are all made from these definitions; nothing else names a table's columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: A column's type: text, a whole number (won, counts, years), a decimal number, true/false.
ColumnType = Literal["text", "int", "float", "bool"]

#: The pandas dtype of each column type (nullable: a missing value is <NA>, never 1.0 or NaN).
PANDAS_DTYPES: dict[ColumnType, str] = {"text": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    label: str  # the Korean label a reader of the cards knows
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    label: str
    description: str
    columns: tuple[Column, ...]
    #: Columns Datasette offers as facets.
    facets: tuple[str, ...] = ()
    #: Rows come from one input file at a time (every table but history).
    per_file: bool = True

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def dtypes(self) -> dict[str, str]:
        """The pandas dtypes of the columns (for ``pd.read_csv(..., dtype=...)``)."""
        return {c.name: PANDAS_DTYPES[c.type] for c in self.columns}


def _t(name: str, label: str, description: str) -> Column:
    return Column(name, "text", label, description)


def _i(name: str, label: str, description: str) -> Column:
    return Column(name, "int", label, description)


_CARD = (_t("card_id", "카드 ID", "the pledge number plus the card's as-of date (2-16@2025-03)"),
         _t("source_path", "원본 파일", "the input file the card came from"))

CARDS = Table("cards", "공약사업 관리카드", "one row per card per source file", (
    *_CARD,
    _t("source_format", "파일 형식", "hwp, hwpx, pdf or txt"),
    _t("source_sha256", "파일 해시", "SHA-256 of the source file"),
    _t("kind", "카드 종류", "the kind line as written"),
    _t("issuer_level", "기관 수준", "province, metropolitan, city, county, district or unknown"),
    _t("pledge_number", "관리번호", "the pledge's number"),
    _t("pledge_title", "공약명", "the pledge's title"),
    _t("department", "추진부서", "the department in charge"),
    _t("contact_name", "담당자", "the working-level contact's name"),
    _t("contact_phone", "연락처", "the contact's phone as written"),
    _t("cooperating_departments", "협조부서", "cooperating departments, separated by '; '"),
    _t("target", "실천목표", "실천목표 or 완료시기 as written"),
    _t("status", "추진상황", "추진상황 as written"),
    _t("as_of", "기준일", "the card's as-of date (2025-03, 2024-Q4)"),
    _t("period_start", "사업기간 시작", "first date of 사업기간"),
    _t("period_end", "사업기간 끝", "last date of 사업기간; empty for an open end"),
    _t("period_text", "사업기간", "사업기간 as written"),
    _i("period_years", "사업연수", "the number of years the card states with the period"),
    Column("volume_value", "float", "사업량", "the number of 사업량"),
    _t("volume_unit", "사업량 단위", "the unit of 사업량"),
    _t("volume_text", "사업량 원문", "사업량 as written"),
    _i("total_cost_won", "총사업비(원)", "총사업비 in won"),
    _t("total_cost_text", "총사업비 원문", "총사업비 as written"),
    _t("finance_unit", "재원 단위", "the finance table's unit as written"),
    _i("finance_unit_won", "재원 단위(원)", "the finance table's unit in won"),
    _i("findings", "검증 결과 수", "how many findings the card has"),
    _i("unplaced", "미배치 수", "how many pieces of text no field took"),
    _t("issuer", "발행 기관", "1.1: the government that issued the card"),
    _t("category", "분야", "1.1: 분야 as written"),
    _t("continuity", "신규/계속", "1.1: 신규 or 계속 as written"),
    _t("stage", "추진단계", "1.1: 추진단계 as written"),
    Column("progress_rate", "float", "이행률", "1.1: 이행률 or 추진율 of the whole pledge, in percent"),
), facets=("issuer", "status", "issuer_level", "source_format"))

FINANCE = Table("finance", "재원투자 실적 및 계획", "one row per cell of the finance table", (
    *_CARD,
    _t("source", "재원", "the funding source as written (계 for the total row)"),
    _t("category", "재원 구분", "national, provincial, municipal, private, other or total"),
    _t("column", "열", "the column's heading as written"),
    _t("kind", "열 종류", "total, prior, year or after_term"),
    _i("year", "연도", "the column's year"),
    _i("won", "금액(원)", "the amount in won"),
    _t("raw", "원문", "the cell as written"),
    _t("measure", "계획/확보/집행", "1.1: 계획, 확보 or 집행 when the table splits them"),
), facets=("year", "category", "kind"))

ITEMS = Table("items", "항목", "every bulleted line of the card with its section path", (
    *_CARD,
    _t("section", "부분", "the part of the card (overview.items, plans …)"),
    _t("path", "경로", "the item's path in the card JSON"),
    _i("level", "수준", "nesting depth"),
    _t("marker", "기호", "the bullet glyph"),
    _t("text", "내용", "the line's text"),
    _t("note", "비고", "a trailing note in parentheses (종료, 완료), kept in the text too; in a table of dated "
                     "entries, the row's 비고 cell in its place"),
    _t("dates", "기간", "the periods and dates in the text, start..end, separated by '; '; in a table of dated "
                      "entries the first is the row's date cell"),
    _t("amounts_won", "금액(원)", "the amounts in won, separated by '; '"),
    _t("quantities", "수량", "the counted amounts, separated by '; '"),
), facets=("section",))

ACHIEVEMENTS = Table("achievements", "목표달성", "the 목표달성 rows of every year", (
    *_CARD,
    _i("year", "연도", "the year of the table"),
    _t("project", "사업", "the project as written"),
    _t("status", "추진상황", "완료, 추진중, 미착수, 종료, 정상추진, 부진 or 보류"),
    _t("details", "추진내용", "the detail lines, separated by ' | '"),
), facets=("year", "status"))

COMMUNICATION = Table("communication", "소통 실적", "one row per column of the 소통 table", (
    *_CARD,
    _t("channel", "채널", "the channel as written"),
    _i("count", "횟수", "the count; empty for 다수, 수시 or an unfilled cell"),
    _t("text", "원문", "the cell as written"),
    Column("is_total", "bool", "계", "true for the 계 (total) column"),
), facets=("channel",))

FINDINGS = Table("findings", "검증 결과", "what the checks found (CARD-SPEC §4); a file's own have no card", (
    *_CARD,
    _t("code", "코드", "what was checked"),
    _t("severity", "심각도", "error, warning or info"),
    _t("message", "내용", "what disagrees, in words"),
    _t("path", "위치", "the part of the card it concerns"),
), facets=("code", "severity"))

FILES = Table("files", "입력 파일", "every input file with its status", (
    _t("path", "경로", "the input's path as given (archive.zip!folder/card.hwp)"),
    _t("format", "형식", "the sniffed format"),
    _t("sha256", "해시", "SHA-256 of the file's bytes"),
    _t("status", "상태", "ok, partial, failed or skipped"),
    _t("reason", "사유", "why it failed, was skipped, or is partial"),
    _i("cards", "카드 수", "how many cards it gave"),
    _t("error_class", "오류 구분", "for a failed file: input (its bytes, or the run's limits) or internal "
       "(pledgecard broke on it: a bug to report)"),
), facets=("status", "format", "error_class"))

CONTACTS = Table("contacts", "담당자", "1.1: every person a card names", (
    *_CARD,
    _t("role", "직위", "담당자, 국장, 과장, 팀장 … as written"),
    _t("name", "이름", "the person's name"),
    _t("phone", "연락처", "the phone number as written"),
), facets=("role",))

GOALS = Table("goals", "사업목표", "1.1: the goals of 사업목표", (
    *_CARD,
    _t("label", "구분", "최종 목표, 임기 내 목표 … as written"),
    _t("text", "목표", "the goal as written"),
    Column("achieved", "bool", "달성", "true for 달성, false for 미달성, empty when not written"),
), facets=("label", "achieved"))

YEARLY = Table("yearly", "연도별 추진계획 및 실적", "1.1: one row per year or period", (
    *_CARD,
    _t("start", "시작", "the row's first date (a single year: start = end)"),
    _t("end", "끝", "the row's last date"),
    _t("years_text", "연도", "the row's year or period as written"),
    _t("plan", "추진계획", "추진계획 as written"),
    _t("result", "추진실적", "추진실적 as written"),
    Column("rate", "float", "추진율", "추진율 in percent"),
    _t("note", "비고", "비고 as written"),
), facets=("start",))

SECTIONS = Table("sections", "기타 항목", "1.1: headed parts of a card that no other field takes", (
    *_CARD,
    _t("heading", "제목", "the part's heading as written"),
    _t("text", "내용", "the part's text that is not in items"),
    _i("items", "항목 수", "how many items it has (in items.csv, section sections[N].items)"),
), facets=("heading",))

#: The columns of pledgecard.history.models.HistoryChange, in its order (tests/test_db.py checks that
#: they stay the same).
HISTORY = Table("history", "변경 이력", "1.1: what changed between re-issues of a pledge (CARD-SPEC §6)", (
    _t("issuer", "발행 기관", "the government that issued the cards"),
    _t("number", "관리번호", "the pledge's number"),
    _t("pledge", "공약", "the pledge's identity: issuer and number (else the normalized title)"),
    _t("title", "공약명", "the pledge's title on the later card"),
    _t("from_as_of", "이전 기준일", "as-of date of the earlier card"),
    _t("to_as_of", "이후 기준일", "as-of date of the later card"),
    _t("code", "코드", "what changed: history.status, history.total_cost …"),
    _t("severity", "심각도", "info; warning for a falling rate, a missing quarter, a differing duplicate"),
    _t("field", "항목", "the card field that changed, as a path of the card model"),
    _t("source", "재원", "history.finance: the cell's funding source"),
    _t("column", "열", "history.finance: the cell's column"),
    _t("before", "이전", "the value on the earlier card, as text"),
    _t("after", "이후", "the value on the later card, as text"),
    _i("diff_won", "차이(원)", "after - before in won (total cost, finance)"),
    Column("diff_percent", "float", "차이(%)", "the difference in percent (a rate: percentage points)"),
    _t("from_path", "이전 파일", "the file of the earlier card"),
    _t("to_path", "이후 파일", "the file of the later card"),
    _t("message", "내용", "the change in words"),
), facets=("issuer", "code", "severity"), per_file=False)

#: Every table, in the order they are written.
DEFINITIONS: dict[str, Table] = {t.name: t for t in (
    CARDS, FINANCE, ITEMS, ACHIEVEMENTS, COMMUNICATION, FINDINGS, FILES, CONTACTS, GOALS, YEARLY, SECTIONS,
    HISTORY)}
#: The tables every convert writes, from each input file: name -> column names.
TABLES: dict[str, list[str]] = {t.name: t.names for t in DEFINITIONS.values() if t.per_file}
