"""Every sample source parses to exactly its golden file (``--regen-golden`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pledgecard.outputs import cards_json
from pledgecard.pipeline import parse_bytes

from .conftest import ROOT, SAMPLES
from .results import sound

#: The text card is each sample's source of truth; other formats are checked against it
#: by the cross-format test.
SOURCES = sorted(SAMPLES.glob("*/*.txt"))


def golden_path(source: Path) -> Path:
    return source.with_suffix(".expected.json")


def parsed_json(source: Path) -> str:
    relative = source.relative_to(ROOT).as_posix()
    result = sound(parse_bytes(source.read_bytes(), relative))
    return cards_json(result.cards)


@pytest.mark.golden
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(SAMPLES).as_posix())
def test_sample_matches_golden(source: Path, regen_golden: bool) -> None:
    got = parsed_json(source)
    golden = golden_path(source)
    if regen_golden:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file for {source.name}: run pytest --regen-golden"
    assert json.loads(got) == json.loads(golden.read_text(encoding="utf-8"))


def test_every_sample_has_a_card() -> None:
    assert len(SOURCES) >= 5
    for source in SOURCES:
        assert json.loads(parsed_json(source)), source
