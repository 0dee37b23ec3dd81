"""A progress bar on a terminal (tqdm), nothing otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


@contextmanager
def progress_bar(enabled: bool, stream: TextIO, total: int | None = None) -> Iterator[Callable[[int], None]]:
    if not enabled:
        yield lambda n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, file=stream, unit="file", dynamic_ncols=True) as bar:
        yield bar.update
