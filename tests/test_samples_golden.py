"""Every sample source parses to exactly its golden file (``--regen-golden`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pledgecard.outputs import cards_json
from pledgecard.pipeline import parse_bytes

from .conftest import ROOT, SAMPLES

SOURCE_SUFFIXES = (".txt", ".hwp", ".hwpx", ".pdf")
SOURCES = sorted(p for p in SAMPLES.rglob("*") if p.suffix in SOURCE_SUFFIXES)


def golden_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}{source.suffix.replace('.', '_')}.expected.json") \
        if source.suffix != ".txt" else source.with_suffix(".expected.json")


def parsed_json(source: Path) -> str:
    relative = source.relative_to(ROOT).as_posix()
    result = parse_bytes(source.read_bytes(), relative)
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
