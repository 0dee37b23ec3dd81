"""The real Gangwon card gives every value of CARD-SPEC §2, with no finding and nothing unplaced."""

from __future__ import annotations

from typing import Any

import pytest

import pledgecard
from pledgecard.models import Card

from .conftest import SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"


@pytest.fixture(scope="module")
def seed() -> Card:
    cards = pledgecard.parse(SEED)
    assert len(cards) == 1
    return cards[0]


def dig(card: Card, path: str) -> Any:
    value: Any = card.model_dump(mode="json")
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


SPEC_VALUES = [
    ("schema_version", "1.1"),
    ("source.format", "txt"),
    ("kind", "도지사 공약사업 관리카드"),
    ("pledge.title", "디지털헬스케어 메카 육성"),
    ("pledge.number", "2-16"),
    ("department", "바이오헬스과"),
    ("contact.name", "변양우"),
    ("contact.phone", "3477"),
    ("cooperating_departments", []),
    ("target", "임기 이후 완료"),
    ("status", "이행 후 계속 추진"),
    ("overview.period.start", "2022"),
    ("overview.period.end", "2027"),
    ("overview.period_years", 6),
    ("overview.volume.value", 5),
    ("overview.volume.unit", "건"),
    ("overview.total_cost.won", 89_873_000_000),
    ("overview.total_cost.breakdown.0.source", "국비"),
    ("overview.total_cost.breakdown.0.won", 58_266_000_000),
    ("overview.total_cost.breakdown.1.won", 23_326_000_000),
    ("overview.total_cost.breakdown.2.category", "municipal"),
    ("overview.items.2.note", "종료"),
    ("overview.items.0.dates.0.start", "2018"),
    ("overview.items.0.amounts.0.won", 62_000_000_000),
    ("finance.unit", "백만 원"),
    ("finance.unit_won", 1_000_000),
    ("progress.0.as_of", "2024-Q4"),
    ("progress.0.cumulative", True),
    ("progress.1.as_of", "2025-03"),
    ("progress.1.cumulative", False),
    ("communication.0.channel", "계"),
    ("communication.0.text", "횟수 기재"),
    ("communication.0.count", None),
    ("communication.1.count", 3),
    ("card_id", "2-16@2025-03"),
    ("findings", []),
    ("unplaced", []),
]


@pytest.mark.parametrize(("path", "expected"), SPEC_VALUES, ids=[p for p, _ in SPEC_VALUES])
def test_seed_value(seed: Card, path: str, expected: object) -> None:
    assert dig(seed, path) == expected


@pytest.mark.parametrize(("path", "count"), [
    ("overview.items", 5), ("finance.cells", 32), ("progress", 2), ("achievements", 18),
    ("communication", 6), ("plans", 4), ("expected_effects", 2),
])
def test_seed_counts(seed: Card, path: str, count: int) -> None:
    assert len(dig(seed, path)) == count


def test_seed_items_have_their_own_period_and_cost(seed: Card) -> None:
    for item in seed.overview.items:
        assert len(item.dates) == 1 and len(item.amounts) == 1


def test_seed_dash_is_a_zero_cell(seed: Card) -> None:
    dash = [c for c in seed.finance.cells if c.raw == "-"]
    assert [(c.source, c.kind, c.won) for c in dash] == [("시군비", "after_term", 0)]


def test_seed_achievements_per_year(seed: Card) -> None:
    years = [a.year for a in seed.achievements]
    assert {y: years.count(y) for y in set(years)} == {2023: 6, 2024: 6, 2025: 6}
    first = seed.achievements[0]
    assert (first.project, first.status, len(first.details)) == ("국가혁신클러스터 사업 추진", "완료", 5)


def test_seed_channels(seed: Card) -> None:
    assert [(c.channel, c.count) for c in seed.communication] == [
        ("계", None), ("주민간담회, 공청회 등", 3), ("만족도 조사", 2), ("민간전문가 자문", 4),
        ("언론, 방송", None), ("기타", None)]
