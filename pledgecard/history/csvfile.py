"""``history.csv``: one row per change, with the conventions of the other tables (UTF-8 with a
BOM for Excel, CRLF, formula-like text made safe, a missing value empty)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from pledgecard.history.models import HistoryChange
from pledgecard.outputs.tables import cell_value

#: The columns of history.csv: the change record's fields, in its order.
HISTORY_COLUMNS: list[str] = list(HistoryChange.model_fields)


def history_csv(changes: Iterable[HistoryChange]) -> str:
    """The changes as CSV text (the BOM is added when written, as for every table)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HISTORY_COLUMNS)
    for change in changes:
        values = change.model_dump()
        writer.writerow([cell_value(values[column]) for column in HISTORY_COLUMNS])
    return buffer.getvalue()
