"""The main test of the format readers: every sample card gives the same JSON from its text,
HWP, HWPX and PDF versions, except where the value came from (``source``, ``provenance``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pledgecard.pipeline import parse_bytes

from .conftest import ROOT, SAMPLES
from .results import sound

FORMATS = ("hwp", "hwpx", "pdf")
CASES = [(source, fmt) for source in sorted(SAMPLES.glob("*/*.txt")) for fmt in FORMATS
         if source.with_suffix(f".{fmt}").exists()]


def without_origin(value: Any) -> Any:
    """The value with every ``source`` and ``provenance`` key left out, at any depth."""
    if isinstance(value, dict):
        return {k: without_origin(v) for k, v in value.items() if k not in ("source", "provenance")}
    if isinstance(value, list):
        return [without_origin(v) for v in value]
    return value


def cards_of(path: Path) -> list[Any]:
    result = sound(parse_bytes(path.read_bytes(), path.relative_to(ROOT).as_posix()))
    assert result.cards, f"{path.name}: {result.reason}"
    return [without_origin(card.model_dump(mode="json")) for card in result.cards]


@pytest.mark.parametrize(("source", "fmt"), CASES, ids=[f"{s.stem}.{f}" for s, f in CASES])
def test_same_cards_in_every_format(source: Path, fmt: str) -> None:
    expected = cards_of(source)
    got = cards_of(source.with_suffix(f".{fmt}"))
    assert got == expected


def test_every_sample_exists_in_every_format() -> None:
    assert len(CASES) == 3 * len(list(SAMPLES.glob("*/*.txt")))
