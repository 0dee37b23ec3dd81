"""소통 tables as issuers lay them out: a 계 column last or first, a label column (구분 | 횟수),
a row per year, a channel per row. Tables are built cell by cell (see ``blocks.table``)."""

from __future__ import annotations

from pledgecard.extract.card.communication import channels_of_table

from .blocks import table


def channels(*rows: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.channel, c.count, c.year) for c in channels_of_table(table(*rows))]


def test_horizontal_with_a_label_column_and_the_total_last() -> None:
    assert channels("구 분 | 주민설명회 | 설문조사 | 계", "횟 수 | 2 | 1 | 3") == [
        ("주민설명회", 2, None), ("설문조사", 1, None), ("계", 3, None)]


def test_the_total_first_with_its_placeholder() -> None:
    assert channels("계 | 간담회 | 언론보도", "횟수 기재 | 3 | 수시") == [
        ("계", None, None), ("간담회", 3, None), ("언론보도", None, None)]


def test_a_row_per_year_keeps_every_year() -> None:
    assert channels("연도 | 간담회 | 계", "2024년 | 2 | 2", "2025년 | 1 | 1") == [
        ("간담회", 2, 2024), ("계", 2, 2024), ("간담회", 1, 2025), ("계", 1, 2025)]


def test_a_channel_per_row_under_a_header() -> None:
    assert channels("구분 | 횟수", "간담회 | 2", "설문조사 | -", "계 | 2") == [
        ("간담회", 2, None), ("설문조사", 0, None), ("계", 2, None)]
