"""An audit's parses on all cores: the same worker pool as ``convert`` (each file in isolation,
with a time and memory limit), the same results as parsing one file after another.

A file that crashes the parser, hangs or runs out of memory is a ``failed`` result with its
reason, like any file that fails to parse; the audit goes on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pledgecard.audit.sources import Parsed, ParsedResult, format_of, parse_source
from pledgecard.batch.convert import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT
from pledgecard.batch.inputs import InputItem
from pledgecard.batch.pool import Work, WorkerPool
from pledgecard.models import FileResult


def _work(with_text: bool) -> Work:
    """What a worker does with one file: parse it, and keep its text when asked. The JSON is a
    ``FileResult``'s with the text beside it; a crash's plain ``FileResult`` reads as one without."""
    def work(item: InputItem) -> tuple[str | None, str]:
        result = ParsedResult.of(parse_source(Path(item.os_path), item.path, with_text))
        return result.sha256, result.model_dump_json()
    return work


def parse_sources(sources: Sequence[Path], labels: Sequence[str], with_text: bool, jobs: int | None = None,
                  timeout: float = DEFAULT_TIMEOUT,
                  max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB) -> list[Parsed]:
    """Parse every source (``labels`` are the paths the report shows) in ``jobs`` worker processes
    (default: all cores); the results come back in the order of ``sources``."""
    payloads: dict[int, str] = {}

    def keep(index: int, _sha256: str | None, payload: str) -> None:
        payloads[index] = payload

    pairs = zip(sources, labels, strict=True)
    tasks = [(i, InputItem(path=label, file=str(path))) for i, (path, label) in enumerate(pairs)]
    pool = WorkerPool(jobs or os.cpu_count() or 1, timeout, (max_memory_mb or 0) * 2**20 or None,
                      work=_work(with_text))
    pool.run(tasks, keep)
    return [ParsedResult.model_validate_json(payloads[i]).parsed(path, with_text) if i in payloads
            else Parsed(path, format_of(path), FileResult(path=labels[i], status="failed",
                                                          reason="no result (the parse did not finish)"))
            for i, path in enumerate(sources)]
