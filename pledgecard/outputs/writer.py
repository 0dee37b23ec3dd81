"""Write a batch's outputs as results stream in: per-card JSON, cards.jsonl, the CSV tables,
the JSON Schema. Memory stays flat (one result at a time); nothing is half-written: every file
is built in a staging folder and moved into place when the batch is done. The manifest
(``.pledgecard/manifest.json``) lists what the run wrote as ``convert``'s; the next run replaces
exactly that, and never deletes a file it does not list, nor one another command wrote."""

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
from pledgecard.outputs.manifest import CONVERT, WORK_DIR, record_written, written_by
from pledgecard.outputs.schema import card_schema_json
from pledgecard.outputs.tables import TABLES, csv_rows, rows_for

CARDS_DIR = "cards"
STAGING_PREFIX = "staging-"
MEMBER_SEPARATOR = "!"
_UNSAFE = re.compile(r"[^\w.\-@]+")


class CardNamer:
    """A unique, stable name for every card file: the source file's name and format
    (``NAME.txt.json``), ``NAME.txt-2.json``… for a booklet's further cards, and
    ``NAME~2.txt.json``… for another source file of the same name and format."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def names(self, result: FileResult) -> list[str]:
        if not result.cards:
            return []
        source = Path(result.path.split(MEMBER_SEPARATOR)[-1])
        stem = _UNSAFE.sub("_", source.stem) or "card"
        fmt = result.format or result.cards[0].source.format
        copy = 1
        while True:
            base = stem if copy == 1 else f"{stem}~{copy}"
            names = [f"{base}.{fmt}.json"] + [f"{base}.{fmt}-{n}.json" for n in range(2, len(result.cards) + 1)]
            if self.taken.isdisjoint(names):
                self.taken.update(names)
                return names
            copy += 1


class OutputWriter:
    """Streams results into ``out_dir``; call :meth:`close` to put the files in place."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        work = out_dir / WORK_DIR
        work.mkdir(parents=True, exist_ok=True)
        for stale in work.glob(f"{STAGING_PREFIX}*"):  # left by a killed run
            shutil.rmtree(stale, ignore_errors=True)
        self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=work))
        (self.staging / CARDS_DIR).mkdir()
        self.namer = CardNamer()
        self.kept: set[str] = set()
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
            with (self.staging / CARDS_DIR / name).open("w", encoding="utf-8", newline="") as handle:
                handle.write(card_json(card))
            self.jsonl.write(card_line(card))
        for table, writer in self.writers.items():
            writer.writerows(csv_rows(table, rows_for(table, [result])))

    def put_text(self, name: str, text: str) -> None:
        """A further output file (``name`` relative to the output folder), placed with the rest."""
        write_text_atomic(self.staging / name, text)

    def keep(self, name: str) -> None:
        """List a file written in place (a database that grows run after run) as this run's, so that
        the next run does not take it for the user's, nor this one remove it. Listed at once: a run
        killed before :meth:`close` leaves it listed too."""
        self.kept.add(name)
        record_written(self.out_dir, CONVERT, written_by(self.out_dir, CONVERT).union([name]))

    def close(self) -> list[Path]:
        """Move the finished files into place and remove what the previous run of ``convert``
        wrote and this one did not (another command's files stay); returns the aggregate files placed."""
        for handle in self.files.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        write_text_atomic(self.staging / "card.schema.json", card_schema_json())
        staged = sorted(p.relative_to(self.staging).as_posix() for p in self.staging.rglob("*") if p.is_file())
        kept = {name for name in self.kept if (self.out_dir / name).is_file()}  # a journal is gone by now
        new = sorted(kept.union(staged))
        previous = written_by(self.out_dir, CONVERT)
        # Listed before they are moved: a run killed in between leaves no file unlisted.
        record_written(self.out_dir, CONVERT, previous.union(new))
        (self.out_dir / CARDS_DIR).mkdir(exist_ok=True)
        for relative in staged:
            os.replace(self.staging / relative, self.out_dir / relative)
        for relative in sorted(previous.difference(new)):
            (self.out_dir / relative).unlink(missing_ok=True)
        record_written(self.out_dir, CONVERT, new)
        shutil.rmtree(self.staging, ignore_errors=True)
        return [self.out_dir / name for name in new if "/" not in name]

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
