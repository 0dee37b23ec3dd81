"""``convert``: every input parsed in isolation (in parallel), results kept on disk by
content hash, then the outputs written from them in input order, one at a time.

Same inputs give byte-identical outputs whatever ``jobs`` is; a killed run leaves no
half-written output, and ``resume`` picks up where it stopped. A run that has nothing to do,
or would overwrite files pledgecard did not write, is refused before it touches anything.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pledgecard.batch.inputs import InputItem, collect_inputs, read_item
from pledgecard.batch.issuers import IssuerChoice, issuer_for, result_with_issuer
from pledgecard.batch.pool import WorkerPool, failed
from pledgecard.batch.store import ResultStore, file_sha256
from pledgecard.db import (
    METADATA_NAME,
    SQLITE_NAME,
    DatabaseLoader,
    DatabaseRefused,
    check_database,
    datasette_metadata_json,
)
from pledgecard.models import FileResult
from pledgecard.outputs.manifest import foreign_files
from pledgecard.outputs.writer import OutputWriter

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_MEMORY_MB = 4096
Progress = Callable[[int], None]
#: How many of the files pledgecard did not write a refusal names.
FOREIGN_SHOWN = 3


class ConvertRefused(Exception):
    """A run refused before it touched anything: nothing to convert, or an output folder
    holding files pledgecard did not write. The message is one line for a person."""


def check_output_folder(out_dir: Path, force: bool) -> None:
    """Refuse an output folder that holds files pledgecard did not write, unless forced."""
    foreign = [] if force else foreign_files(out_dir)
    if foreign:
        shown = ", ".join(foreign[:FOREIGN_SHOWN]) + (f" and {len(foreign) - FOREIGN_SHOWN} more"
                                                      if len(foreign) > FOREIGN_SHOWN else "")
        raise ConvertRefused(f"{out_dir}: holds files pledgecard did not write ({shown}); choose another "
                             "output folder, or add --force to write beside them (they are kept)")


@dataclass
class BatchSummary:
    files: int = 0
    cards: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    resumed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: What each database took: (its name, files added, cards added); a file already there adds nothing.
    loaded: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.cards += len(result.cards)
        self.statuses[result.status] += 1
        self.findings.update(f.code for c in result.cards for f in c.findings)
        self.findings.update(f.code for f in result.findings)
        if result.status == "failed":
            self.failures.append((result.path, result.reason or ""))

    def text(self) -> str:
        counts = ", ".join(f"{self.statuses.get(s, 0)} {s}" for s in ("ok", "partial", "failed", "skipped"))
        lines = [f"{self.files} files, {self.cards} cards: {counts} in {self.seconds:.1f} s"
                 + (f" ({self.resumed} resumed)" if self.resumed else "")]
        lines += [f"  {code}: {n}" for code, n in sorted(self.findings.items())]
        lines += [f"  failed: {path}: {reason}" for path, reason in self.failures]
        lines += [f"  {name}: {files} new files, {cards} new cards" for name, files, cards in self.loaded]
        return "\n".join(lines) + "\n"


def _hash(item: InputItem) -> str | None:
    try:
        return file_sha256(read_item(item))
    except (OSError, ValueError, RuntimeError):
        return None


def convert_batch(
    inputs: Sequence[Path],
    out_dir: Path,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    resume: bool = False,
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB,
    progress: Progress | None = None,
    force: bool = False,
    issuer: IssuerChoice | None = None,
    database: str | None = None,
) -> BatchSummary:
    """Convert every input under ``out_dir``, loading the cards into ``out_dir/cards.sqlite``
    and into ``database`` (a PostgreSQL URL) when given; returns what happened. Raises
    :class:`ConvertRefused` (having touched nothing) when there is no input, when ``out_dir``
    holds files pledgecard did not write and ``force`` is not given, or when a database is
    of another schema version or cannot be reached."""
    started = time.perf_counter()
    items = collect_inputs(inputs)
    if not items:
        raise ConvertRefused("no input files found")
    check_output_folder(out_dir, force)
    targets: list[str | Path] = [out_dir / SQLITE_NAME, *([database] if database else [])]
    try:
        for target in targets:
            check_database(target)
    except DatabaseRefused as exc:
        raise ConvertRefused(str(exc)) from None
    store = ResultStore(out_dir)
    hashes: list[str | None] = []
    direct: dict[int, FileResult] = {}
    todo: list[tuple[int, InputItem]] = []
    summary = BatchSummary()
    for index, item in enumerate(items):
        # Only a resumed run needs the hash before the parse; otherwise the worker's is used.
        sha = _hash(item) if resume and not item.skip else None
        hashes.append(sha)
        if item.skip:
            direct[index] = FileResult(path=item.path, status="skipped", reason=item.skip)
        elif resume and sha is not None and store.has(sha):
            summary.resumed += 1
            if progress:
                progress(1)
        else:
            todo.append((index, item))

    def on_result(index: int, result_sha: str | None, payload: str) -> None:
        sha = hashes[index]
        if result_sha is not None and sha in (None, result_sha):
            store.put_json(result_sha, payload)
            hashes[index] = result_sha
        else:  # a crash or time-out says nothing of the bytes: hash them here (rare)
            result = FileResult.model_validate_json(payload)
            sha = sha or _hash(items[index])
            direct[index] = result if result.sha256 or sha is None else result.model_copy(update={"sha256": sha})
        if progress:
            progress(1)

    WorkerPool(jobs or os.cpu_count() or 1, timeout, (max_memory_mb or 0) * 2**20 or None).run(todo, on_result)
    writer = OutputWriter(out_dir)
    loaders: list[DatabaseLoader] = []
    try:
        for name in (SQLITE_NAME, f"{SQLITE_NAME}-wal", f"{SQLITE_NAME}-shm", f"{SQLITE_NAME}-journal"):
            writer.keep(name)
        loaders = [DatabaseLoader(target, compacted=target == targets[0]) for target in targets]
        for index, item in enumerate(items):
            result = _final(index, item, hashes[index], direct, store)
            if issuer:  # after the store: a kept result is the file's own, whatever the user says
                result = result_with_issuer(result, issuer_for(item, inputs, issuer))
            summary.add(result)
            writer.add(result)
            for loader in loaders:
                loader.add(result)
        # The database in place has grown file by file; the copy staged here replaces it with the rest.
        loaders[0].compact_into(writer.staging / SQLITE_NAME)
        for loader in loaders:
            loader.close()
            summary.loaded.append((loader.name, loader.added_files, loader.added_cards))
        writer.put_text(METADATA_NAME, datasette_metadata_json(Path(SQLITE_NAME).stem))
    except BaseException as exc:
        writer.abort()
        for loader in loaders:
            loader.abort()
        if isinstance(exc, DatabaseRefused):
            raise ConvertRefused(str(exc)) from None
        raise
    writer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _final(index: int, item: InputItem, sha: str | None, direct: dict[int, FileResult],
           store: ResultStore) -> FileResult:
    if index in direct:
        return direct[index]
    if sha is not None and store.has(sha):
        return store.get(sha, item.path)
    return failed(item, "no result (the parse did not finish)", sha, error_class=None)
