"""The output tables as pandas DataFrames: one frame per table, each column typed by its
definition (won and counts nullable ``Int64``, dates the contract's strings)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pledgecard.models import Card, FileResult
from pledgecard.outputs.columns import DEFINITIONS, TABLES
from pledgecard.outputs.tables import excel_safe, rows_for

if TYPE_CHECKING:
    import pandas as pd

CardsOrFolder = Iterable[Card | FileResult] | str | Path


def frames(source: CardsOrFolder) -> dict[str, pd.DataFrame]:
    """A DataFrame per output table (``cards``, ``finance``, ``items`` …) of parsed cards, file
    results, or an output folder of ``convert`` (its CSV files)."""
    if isinstance(source, str | Path):
        return _read_folder(Path(source))
    results = _as_results(source)
    return {name: _frame(name, list(rows_for(name, results))) for name in TABLES}


def _as_results(items: Iterable[Card | FileResult]) -> list[FileResult]:
    """File results as they are; cards grouped by their source file (whose status a card alone
    does not tell: ``files.status`` is empty for them)."""
    results: list[FileResult] = []
    for is_result, group in groupby(items, key=lambda x: isinstance(x, FileResult)):
        if is_result:
            results.extend(x for x in group if isinstance(x, FileResult))
            continue
        cards = [x for x in group if isinstance(x, Card)]
        for _, same in groupby(cards, key=lambda c: (c.source.path, c.source.sha256)):
            file_cards = list(same)
            source = file_cards[0].source
            unknown: dict[str, Any] = {"status": None, "reason": None}
            results.append(FileResult.model_construct(path=source.path, format=source.format, sha256=source.sha256,
                                                      cards=file_cards, findings=[], **unknown))
    return results


def _frame(name: str, rows: list[dict[str, object]]) -> pd.DataFrame:
    import pandas as pd

    definition = DEFINITIONS[name]
    frame = pd.DataFrame(rows, columns=definition.names)
    return frame.astype(definition.dtypes())


def table_csv_dtypes(name: str) -> dict[str, str]:
    """The dtypes to read a table's CSV with: ``pd.read_csv(path, dtype=table_csv_dtypes(name))``."""
    return DEFINITIONS[name].dtypes()


def _unescaped(column: pd.Series) -> pd.Series:
    """Text as the card has it: the apostrophe the CSV put before formula-like text removed
    (only where :func:`excel_safe` would have put it, so a text that starts with one keeps it)."""
    marked = column.str.startswith("'").fillna(False).astype(bool)
    if not marked.any():
        return column
    rest = column[marked].str.slice(1)
    escaped = rest.map(lambda text: excel_safe(text) != text).astype(bool)
    result = column.copy()
    result[escaped[escaped].index] = rest[escaped]
    return result


def _read_folder(folder: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    found = {}
    for name in DEFINITIONS:
        path = folder / f"{name}.csv"
        if path.is_file():
            # Only an empty cell is missing: a text cell that says NA or null keeps its words.
            frame = pd.read_csv(path, encoding="utf-8-sig", dtype=table_csv_dtypes(name),
                                keep_default_na=False, na_values=[""])
            for column in (c.name for c in DEFINITIONS[name].columns if c.type == "text"):
                frame[column] = _unescaped(frame[column])
            found[name] = frame
    if not found:
        raise FileNotFoundError(f"{folder}: no output tables (cards.csv …) in it")
    return found
