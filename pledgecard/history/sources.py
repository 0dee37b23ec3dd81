"""Where ``history`` gets its cards: card files, folders and zip archives (parsed as ``convert``
parses them, each in a worker with a time limit), or what an earlier ``convert`` wrote
(``cards.jsonl`` in its output folder, or a ``.jsonl`` file named on the command line)."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pledgecard.batch.inputs import collect_inputs
from pledgecard.batch.issuers import IssuerChoice, issuer_for, result_with_issuer, with_issuer
from pledgecard.batch.pool import WorkerPool
from pledgecard.models import Card, FileResult

CARDS_JSONL = "cards.jsonl"
DEFAULT_TIMEOUT = 60.0


@dataclass
class LoadedCards:
    """The cards read, in input order, and the inputs that gave none (path, reason). A card read
    from JSON Lines holds only the fields history compares (:data:`COMPARED`); :meth:`full` reads
    the whole of it again when it is needed (to tell two cards of one pledge and date apart)."""

    cards: list[Card] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    #: Where a card read in part came from: id(card) -> (file, byte offset of its line, issuer given).
    lines: dict[int, tuple[Path, int, str | None]] = field(default_factory=dict)

    def full(self, card: Card) -> Card:
        where = self.lines.get(id(card))
        if where is None:
            return card
        path, offset, issuer = where
        with path.open("rb") as handle:
            handle.seek(offset)
            return with_issuer(Card.model_validate_json(handle.readline()), issuer)


#: The card fields history compares and shows; the rest (items, progress text …) is read only
#: to tell duplicates apart. ``overview`` is read without its items.
COMPARED = frozenset({"source", "card_id", "issuer", "pledge", "as_of", "status", "target", "overview", "finance",
                      "achievements", "progress_rate"})


def compared_part(data: dict[str, Any]) -> dict[str, Any]:
    part = {key: value for key, value in data.items() if key in COMPARED}
    if isinstance(part.get("overview"), dict):
        part["overview"] = {key: value for key, value in part["overview"].items() if key != "items"}
    return part


def converted_cards(path: Path) -> Path | None:
    """The JSON Lines file of cards an input stands for: a ``.jsonl`` file, or the ``cards.jsonl``
    of an output folder of ``convert``; None for anything else."""
    if path.is_dir() and (path / CARDS_JSONL).is_file():
        return path / CARDS_JSONL
    if path.is_file() and path.suffix.lower() == ".jsonl":
        return path
    return None


def _card_part(line: bytes) -> Card:
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return Card.model_validate(compared_part(data))


def read_jsonl(path: Path, loaded: LoadedCards, issuer: str | None) -> None:
    """Every card of a JSON Lines file (the fields history compares); a line that is not a card
    is a failure, not the end."""
    loaded.files += 1
    offset = 0
    with path.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            start, offset = offset, offset + len(line)
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line, start = line[len(codecs.BOM_UTF8):], start + len(codecs.BOM_UTF8)
            if not line.strip():
                continue
            try:
                card = with_issuer(_card_part(line), issuer)
            except ValidationError as exc:
                loaded.failed.append((f"{path}:{number}", f"not a card ({exc.error_count()} errors)"))
                continue
            except ValueError as exc:  # not JSON (UnicodeDecodeError and JSONDecodeError are ValueErrors)
                loaded.failed.append((f"{path}:{number}", f"not a card ({type(exc).__name__})"))
                continue
            loaded.cards.append(card)
            loaded.lines[id(card)] = (path, start, issuer)


def _parsed(inputs: Sequence[Path], choice: IssuerChoice, jobs: int | None,
            timeout: float) -> Iterator[FileResult]:
    items = [item for item in collect_inputs(inputs) if item.skip is None]
    results: dict[int, str] = {}
    tasks = list(enumerate(items))
    if tasks:
        pool = WorkerPool(min(jobs or os.cpu_count() or 1, len(tasks)), timeout, None)
        pool.run(tasks, lambda index, _sha, payload: results.__setitem__(index, payload))
    for index, item in enumerate(items):
        result = FileResult.model_validate_json(results[index]) if index in results else \
            FileResult(path=item.path, status="failed", reason="no result (the parse did not finish)")
        yield result_with_issuer(result, issuer_for(item, inputs, choice))


def load_cards(inputs: Sequence[Path], choice: IssuerChoice | None = None, jobs: int | None = None,
               timeout: float = DEFAULT_TIMEOUT) -> LoadedCards:
    """The cards of every input: those converted earlier first, then the files parsed, in the order
    given (a folder's files in name order)."""
    loaded, choice = LoadedCards(), choice or IssuerChoice()
    files = [path for path in inputs if converted_cards(path) is None]
    for path in inputs:
        jsonl = converted_cards(path)
        if jsonl is not None:
            read_jsonl(jsonl, loaded, choice.name)
    for result in _parsed(files, choice, jobs, timeout):
        loaded.files += 1
        loaded.cards.extend(result.cards)
        if not result.cards:
            loaded.failed.append((result.path, result.reason or "no pledge card found"))
    return loaded
