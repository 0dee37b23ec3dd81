"""pledgecard: Korean pledge management cards (공약사업 관리카드) into typed data.

>>> import pledgecard
>>> cards = pledgecard.parse("samples/gangwon-2-16/gangwon-2-16.txt")
>>> tables = pledgecard.frames(cards)  # a pandas DataFrame per output table
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pledgecard.models import SCHEMA_VERSION, Card, FileResult
from pledgecard.pipeline import parse, parse_file

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SCHEMA_VERSION", "Card", "FileResult", "frames", "parse", "parse_file"]
__version__ = "0.1.0"


def frames(source: Iterable[Card | FileResult] | str | Path) -> dict[str, pd.DataFrame]:
    """A pandas DataFrame per output table (cards, finance, items …) of parsed cards or file
    results, or of a ``convert`` output folder; won and counts are nullable Int64, dates the
    contract's strings. (pandas is imported only when this is called.)"""
    from pledgecard.outputs.frames import frames as make_frames

    return make_frames(source)
