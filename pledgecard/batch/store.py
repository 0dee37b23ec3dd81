"""Finished results on disk, keyed by content hash: what ``--resume`` skips, and what the
outputs are written from, one at a time, so that memory stays flat. Only results the same
bytes would give again are kept: a failure of the run's own limits is not."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pledgecard import __version__
from pledgecard.models import SCHEMA_VERSION, FileResult
from pledgecard.outputs.atomic import write_text_atomic

RESULTS_DIR = Path(".pledgecard") / "results"
#: Raised when what is kept changes meaning. 2: failures caused by the run's own limits
#: (memory, time) are no longer kept, so results kept before are not trusted.
STORE_REVISION = 2


def content_key(sha256: str) -> str:
    """The key of a parse of these bytes by this version of pledgecard."""
    return f"{sha256}-{__version__}-{SCHEMA_VERSION}-r{STORE_REVISION}"


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ResultStore:
    def __init__(self, out_dir: Path) -> None:
        self.root = out_dir / RESULTS_DIR
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, sha256: str) -> Path:
        return self.root / f"{content_key(sha256)}.json"

    def has(self, sha256: str) -> bool:
        return self._path(sha256).exists()

    def put_json(self, sha256: str, payload: str) -> None:
        write_text_atomic(self._path(sha256), payload)

    def get(self, sha256: str, path: str) -> FileResult:
        """The stored result of these bytes, told the path it is read from this time."""
        result = FileResult.model_validate_json(self._path(sha256).read_text(encoding="utf-8"))
        return relocate(result, path)


def relocate(result: FileResult, path: str) -> FileResult:
    if result.path == path:
        return result
    cards = [c.model_copy(update={"source": c.source.model_copy(update={"path": path})}) for c in result.cards]
    return result.model_copy(update={"path": path, "cards": cards})
