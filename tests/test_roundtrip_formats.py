"""Issue 8 across formats: golden cards written as HWP, HWPX and PDF by other producers
(``tests/data/roundtrip/manifest.json``: file, producer, style, source golden card) parse to
the same card as the text rendering of the same style.

Compared as in ``tests/roundtrip.py`` (no ``source``/``provenance``, no raw text of re-written
amounts). ``KNOWN_GAPS`` lists each file the readers do not read the same yet, with the first
differing field; each is ``xfail(strict=True)``. The files are rebuilt by
``python tools/make_fixtures.py --roundtrip``; this test never needs the producers.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pledgecard.models import Card
from tools.render import Style, render_bytes
from tools.render.diff import first_difference

from .conftest import DATA, ROOT
from .roundtrip import assert_round_trip, comparable, parse_rendering

FOLDER = DATA / "roundtrip"
MANIFEST: list[dict[str, Any]] = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))

#: LibreOffice breaks Hangul between any two syllables, and writes no space glyph at the end
#: of a line when the space does not fit before the edge: ``전문인력 양성`` and ``전문인력양성``
#: in the same cell are laid out glyph for glyph alike (``력`` ends about 2 pt short of the edge,
#: short of a space's 2.8 pt and of ``양``'s 9.4 pt), so no geometry says which was written.
_LIBREOFFICE_SPACE = ("LibreOffice PDF: a space that does not fit at the end of a full line is not written, and "
                      "Hangul breaks between syllables, so the two texts are laid out alike ({})")

#: file -> why its parse differs from the text rendering's today (the first differing field).
KNOWN_GAPS: dict[str, str] = {
    "gangwon-2-16-1.libreoffice.pdf": _LIBREOFFICE_SPACE.format("achievements[4].project '전문인력양성'"),
}
#: file -> why its parse differs from the card the renderer wrote (a gap of the text reader too,
#: or of this file's reader).
KNOWN_CARD_GAPS: dict[str, str] = {**KNOWN_GAPS}


def golden(entry: dict[str, Any]) -> Card:
    cards = json.loads((ROOT / entry["golden"]).read_text(encoding="utf-8"))
    return Card.model_validate(cards[entry["card"]])


def _cases(gaps: dict[str, str]) -> list[Any]:
    return [pytest.param(entry, id=entry["file"], marks=[pytest.mark.xfail(strict=True, reason=gaps[entry["file"]])]
                         if entry["file"] in gaps else []) for entry in MANIFEST]


def _binary(entry: dict[str, Any]) -> Card:
    cards = parse_rendering((FOLDER / entry["file"]).read_bytes(), entry["file"])
    assert len(cards) == 1, f"{entry['file']}: {len(cards)} cards"
    return cards[0]


@pytest.mark.parametrize("entry", _cases(KNOWN_GAPS))
def test_binary_parses_as_its_text_rendering(entry: dict[str, Any]) -> None:
    style = Style(**entry["style"])
    text = parse_rendering(render_bytes(golden(entry), style), "card.txt")
    assert len(text) == 1
    want, got = comparable(text[0], style), comparable(_binary(entry), style)
    assert got == want, first_difference(want, got)


@pytest.mark.parametrize("entry", _cases(KNOWN_CARD_GAPS))
def test_binary_parses_to_the_card(entry: dict[str, Any]) -> None:
    style = Style(**entry["style"])
    assert_round_trip(golden(entry), style, (FOLDER / entry["file"]).read_bytes(), entry["file"])


def test_manifest_names_every_file_and_two_producers_per_format() -> None:
    files = {p.name for p in FOLDER.iterdir() if p.suffix in (".hwp", ".hwpx", ".pdf")}
    assert files == {entry["file"] for entry in MANIFEST}
    producers: dict[str, set[str]] = {}
    for entry in MANIFEST:
        producers.setdefault(entry["format"], set()).add(entry["producer"])
    assert len(producers["hwpx"]) >= 2 and len(producers["pdf"]) >= 2 and producers["hwp"]
    assert set(KNOWN_GAPS) | set(KNOWN_CARD_GAPS) <= {entry["file"] for entry in MANIFEST}
