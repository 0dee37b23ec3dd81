"""Write a batch's outputs as results stream in: per-card JSON, cards.jsonl, the CSV tables,
the JSON Schema. Memory stays flat (one result at a time); nothing is half-written: the
aggregate files are built beside their final place and moved in when the batch is done."""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from pledgecard.models import FileResult
from pledgecard.outputs.atomic import write_text_atomic
from pledgecard.outputs.jsonfiles import card_json, card_line
from pledgecard.outputs.schema import card_schema_json
from pledgecard.outputs.tables import TABLES, cell_value, rows_for

CARDS_DIR = "cards"
WORK_DIR = ".pledgecard"
_UNSAFE = re.compile(r"[^\w.\-@]+")


class CardNamer:
    """A unique, stable ``NAME.json`` for every card, by source file name and position."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def names(self, result: FileResult) -> list[str]:
        stem = _UNSAFE.sub("_", Path(result.path.split("!")[-1]).stem) or "card"
        out = []
        for index in range(len(result.cards)):
            base = stem if len(result.cards) == 1 else f"{stem}-{index + 1}"
            name, n = base, 1
            while name in self.taken:
                n += 1
                name = f"{base}~{n}"
            self.taken.add(name)
            out.append(f"{name}.json")
        return out


class OutputWriter:
    """Streams results into ``out_dir``; call :meth:`close` to put the files in place."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        (out_dir / WORK_DIR).mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix="staging-", dir=out_dir / WORK_DIR))
        self.namer = CardNamer()
        self.written_cards: set[str] = set()
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.jsonl = self._open("cards.jsonl", "utf-8")
        for table, columns in TABLES.items():
            handle = self._open(f"{table}.csv", "utf-8-sig")
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(columns)
            self.writers[table] = writer

    def _open(self, name: str, encoding: str) -> IO[str]:
        handle = (self.staging / name).open("w", encoding=encoding, newline="")
        self.files[name] = handle
        return handle

    def add(self, result: FileResult) -> None:
        for card, name in zip(result.cards, self.namer.names(result), strict=True):
            write_text_atomic(self.out_dir / CARDS_DIR / name, card_json(card))
            self.written_cards.add(name)
            self.jsonl.write(card_line(card))
        for table, writer in self.writers.items():
            columns = TABLES[table]
            writer.writerows([cell_value(row.get(c)) for c in columns] for row in rows_for(table, [result]))

    def close(self) -> list[Path]:
        """Move the finished files into place; drop card files no input of this batch wrote."""
        for handle in self.files.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        write_text_atomic(self.staging / "card.schema.json", card_schema_json())
        placed = []
        for path in sorted(self.staging.iterdir()):
            target = self.out_dir / path.name
            os.replace(path, target)
            placed.append(target)
        shutil.rmtree(self.staging, ignore_errors=True)
        cards_dir = self.out_dir / CARDS_DIR
        if cards_dir.exists():
            for stale in cards_dir.glob("*.json"):
                if stale.name not in self.written_cards:
                    stale.unlink()
        return placed

    def abort(self) -> None:
        for handle in self.files.values():
            handle.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def write_outputs(results: Iterable[FileResult], out_dir: Path) -> list[Path]:
    """Every output file of a batch under ``out_dir``; returns the aggregate paths written."""
    writer = OutputWriter(out_dir)
    try:
        for result in results:
            writer.add(result)
    except BaseException:
        writer.abort()
        raise
    return writer.close()
