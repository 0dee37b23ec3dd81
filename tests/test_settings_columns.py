"""A settings profile reaches the finance, 소통 and 목표달성 readers: a column or label word the
profile adds is read with that profile and not with the defaults (which are vocab.py's words).

The cards here are written for these tests; none is derived from samples/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from pledgecard import vocab
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.models import Card
from pledgecard.pipeline import parse_bytes

HEADER = "시장 공약사업 관리카드\n공약명 청년 창업 지원\n관리번호 3-02\n추진부서 일자리경제과\n"


def read(text: str, settings: ParserSettings) -> Card:
    result = parse_bytes((HEADER + text).encode("utf-8"), "profile.txt", settings=settings)
    assert len(result.cards) == 1, result.reason
    return result.cards[0]


def finance_cells(card: Card) -> list[tuple[str, str, str, int | None]]:
    return [(c.source, c.column, c.kind, c.won) for c in card.finance.cells]


def channels(card: Card) -> list[tuple[str, int | None]]:
    return [(c.channel, c.count) for c in card.communication]


def achievements(card: Card) -> list[tuple[int, str, str | None, list[str]]]:
    return [(a.year, a.project, a.status, a.details) for a in card.achievements]


@dataclass(frozen=True)
class Case:
    profile: ParserSettings
    text: str
    probe: Callable[[Card], Any]
    expected: Any


ACHIEVEMENT_ROWS = "| <2024> | | |\n| 창업공간 조성 | 완료 | 공간 3곳 조성 |\n"
ACHIEVED = [(2024, "창업공간 조성", "완료", ["공간 3곳 조성"])]

def _more_achievement_words(column: str, word: str) -> ParserSettings:
    return ParserSettings(achievement_columns={
        **DEFAULT.achievement_columns, column: (*DEFAULT.achievement_columns[column], word)})


def _flattened(first: str, last: str) -> str:
    """A 목표달성 table written one cell a line (a text dump of a drawn table), its header first."""
    return ("□ 추진실적(성과)\n《현재까지 목표달성》\n" + f"{first}\n추진상황\n{last}\n"
            + "청년 창업 지원\n<2024>\n· 창업공간 조성\n완료\n· 공간 3곳 조성\n")


def achievements_and_unplaced(card: Card) -> tuple[list[tuple[int, str, str | None, list[str]]], list[str]]:
    return achievements(card), card.unplaced


#: A word the profile adds -> the card that writes it, and what the card gives with the profile.
CASES = {
    "finance-source": Case(
        ParserSettings(finance_sources=(*DEFAULT.finance_sources, "특별교부세")),
        "□ 재원투자 실적 및 계획 (단위: 백만원)\n| 구분 | 총사업비 | 2024년 |\n| 특별교부세 | 20 | 10 |\n",
        finance_cells,
        [("특별교부세", "총사업비", "total", 20_000_000), ("특별교부세", "2024년", "year", 10_000_000)]),
    "finance-source-cell-lines": Case(
        ParserSettings(finance_sources=(*DEFAULT.finance_sources, "특별교부세")),
        "□ 재원투자 실적 및 계획 (단위: 백만원)\n구분\n총사업비\n2024년\n특별교부세\n20\n10\n",
        finance_cells,
        [("특별교부세", "총사업비", "total", 20_000_000), ("특별교부세", "2024년", "year", 10_000_000)]),
    "finance-column": Case(
        ParserSettings(finance_column_kinds={**DEFAULT.finance_column_kinds, "잔여": "after_term"}),
        "□ 재원투자 실적 및 계획 (단위: 백만원)\n| 구분 | 2024년 | 잔여 |\n| 국비 | 50 | 30 |\n",
        finance_cells,
        [("국비", "2024년", "year", 50_000_000), ("국비", "잔여", "after_term", 30_000_000)]),
    "finance-measure": Case(
        ParserSettings(finance_measures=(*DEFAULT.finance_measures, "배정")),
        "□ 재원투자 실적 및 계획 (단위: 백만원)\n| 구분 | | 2024년 |\n| 국비 | 배정 | 50 |\n",
        lambda card: [(c.source, c.measure, c.won) for c in card.finance.cells],
        [("국비", "배정", 50_000_000)]),
    "finance-row-header": Case(
        ParserSettings(finance_row_headers=("구분", "재원")),
        "□ 재원투자 실적 및 계획 (단위: 백만원)\n재원\n총사업비\n2024년\n국비\n20\n10\n",
        finance_cells,
        [("국비", "총사업비", "total", 20_000_000), ("국비", "2024년", "year", 10_000_000)]),
    "communication-channel-column": Case(
        ParserSettings(communication_row_headers=(*DEFAULT.communication_row_headers, "소통방법")),
        "□ 시민소통 실적\n| 소통방법 | 횟수 |\n| 간담회 | 3 |\n| 설명회 | 2 |\n",
        channels,
        [("간담회", 3), ("설명회", 2)]),
    "communication-label-column": Case(  # a bare year reads as a count too: only its header tells
        ParserSettings(communication_row_headers=(*DEFAULT.communication_row_headers, "실적연도")),
        "□ 시민소통 실적\n| 실적연도 | 간담회 | 설명회 |\n| 2024 | 3 | 2 |\n",
        lambda card: [(c.channel, c.count, c.year) for c in card.communication],
        [("간담회", 3, 2024), ("설명회", 2, 2024)]),
    "achievements-column": Case(
        ParserSettings(achievement_columns={
            **DEFAULT.achievement_columns, "project": (*DEFAULT.achievement_columns["project"], "세부목표")}),
        "□ 추진실적(성과)\n《현재까지 목표달성》\n| 세부목표 | 추진상황 | 추진내용 |\n" + ACHIEVEMENT_ROWS,
        achievements,
        ACHIEVED),
    "achievements-flattened-main": Case(
        _more_achievement_words("main", "핵심사업"),
        _flattened("핵심사업 목표치", "추진내용"),
        achievements_and_unplaced,
        (ACHIEVED, [])),
    "achievements-flattened-project": Case(  # without: the header line goes to unplaced
        _more_achievement_words("project", "세부목표"),
        _flattened("주요사업 세부목표", "추진내용"),
        achievements_and_unplaced,
        (ACHIEVED, [])),
    "achievements-flattened-details": Case(
        _more_achievement_words("details", "성과내용"),
        _flattened("주요사업 목표치", "성과내용"),
        achievements_and_unplaced,
        (ACHIEVED, [])),
    "achievements-heading": Case(
        ParserSettings(achievement_heading="연차별성과"),
        "□ 추진실적(성과)\n《연차별 성과》\n| 목표치 | 추진상황 | 추진내용 |\n" + ACHIEVEMENT_ROWS,
        achievements,
        ACHIEVED),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_word_the_profile_adds_is_read_with_it_and_not_without(case: Case) -> None:
    mine = read(case.text, case.profile)
    assert case.probe(mine) == case.expected
    assert mine.unplaced == []
    assert case.probe(read(case.text, DEFAULT)) != case.expected


def test_the_defaults_are_the_vocabulary() -> None:
    """vocab.py stays the one place the words are written: the defaults are its tables."""
    assert DEFAULT.finance_column_kinds == vocab.FINANCE_COLUMN_KINDS
    assert set(DEFAULT.finance_sources) == {*vocab.FUNDING_FIXED, *vocab.FUNDING_BY_LEVEL}
    assert DEFAULT.finance_measures == vocab.FINANCE_MEASURES
    assert DEFAULT.finance_row_headers == vocab.FINANCE_ROW_HEADER
    assert DEFAULT.communication_row_headers == vocab.COMMUNICATION_ROW_HEADERS
    assert DEFAULT.achievement_columns == vocab.ACHIEVEMENT_COLUMNS
    assert DEFAULT.achievement_heading == vocab.ACHIEVEMENT_HEADING


def test_derived_lookups_are_built_once_per_settings_object() -> None:
    mine = ParserSettings(finance_sources=("국비",))
    assert mine.finance_source_words is mine.finance_source_words
    assert mine.finance_source_words == frozenset({"국비"})
    assert DEFAULT.finance_source_words is not mine.finance_source_words


@pytest.mark.parametrize("bad", [
    pytest.param({"finance_column_kinds": {"잔여": "remaining"}}, id="unknown-finance-kind"),
    pytest.param({"achievement_columns": {"goal": ("목표",)}}, id="unknown-achievement-column"),
])
def test_a_profile_with_an_unknown_key_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        ParserSettings(**bad)


#: 목표달성 tables whose rows stand before any <year> row: no achievement can hold them.
ROWS_BEFORE_A_YEAR = {
    "header-not-known": ("| 세부목표 | 추진상황 | 추진내용 |\n" + ACHIEVEMENT_ROWS,
                         ["세부목표 추진상황 추진내용", "창업공간 조성 완료 공간 3곳 조성"]),
    "no-year-row": ("| 주요사업 | 목표치 | 추진상황 | 추진내용 |\n"
                    "| 창업 지원 | 창업공간 조성 | 완료 | 공간 3곳 조성 |\n",
                    ["창업 지원 창업공간 조성 완료 공간 3곳 조성"]),
}


@pytest.mark.parametrize(("table", "kept"), ROWS_BEFORE_A_YEAR.values(), ids=ROWS_BEFORE_A_YEAR.keys())
def test_achievement_rows_before_any_year_go_to_unplaced_whole(table: str, kept: list[str]) -> None:
    """Nothing lost silently: the main project, status and details of such a row too."""
    card = read("□ 추진실적(성과)\n《현재까지 목표달성》\n" + table, DEFAULT)
    assert card.achievements == []
    assert [text for text in kept if text not in card.unplaced] == []
