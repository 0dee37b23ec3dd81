"""Write a batch's outputs: per-card JSON, cards.jsonl, the CSV tables, the JSON Schema."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pledgecard.models import FileResult
from pledgecard.outputs.atomic import write_text_atomic
from pledgecard.outputs.jsonfiles import card_json, card_line
from pledgecard.outputs.schema import card_schema_json
from pledgecard.outputs.tables import TABLES, to_csv

CARDS_DIR = "cards"
_UNSAFE = re.compile(r"[^\w.\-@]+")


def card_file_names(results: Sequence[FileResult]) -> list[list[str]]:
    """A unique, stable ``NAME.json`` for every card, by source file name and position."""
    taken: set[str] = set()
    names: list[list[str]] = []
    for result in results:
        stem = _UNSAFE.sub("_", Path(result.path).stem) or "card"
        per_file = []
        for index, _card in enumerate(result.cards):
            base = stem if len(result.cards) == 1 else f"{stem}-{index + 1}"
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}~{n}"
            taken.add(name)
            per_file.append(f"{name}.json")
        names.append(per_file)
    return names


def write_outputs(results: Sequence[FileResult], out_dir: Path) -> list[Path]:
    """Every output file of a batch under ``out_dir``; returns the paths written."""
    written: list[Path] = []

    def put(relative: str, text: str, encoding: str = "utf-8") -> None:
        path = out_dir / relative
        write_text_atomic(path, text, encoding)
        written.append(path)

    for result, names in zip(results, card_file_names(results), strict=True):
        for card, name in zip(result.cards, names, strict=True):
            put(f"{CARDS_DIR}/{name}", card_json(card))
    put("cards.jsonl", "".join(card_line(c) for r in results for c in r.cards))
    for table in TABLES:
        put(f"{table}.csv", to_csv(table, results), encoding="utf-8-sig")
    put("card.schema.json", card_schema_json())
    return written
