"""``history.csv``: one row per change, written from the ``history`` table's one definition
(``pledgecard/outputs/columns.py``) like every other table: UTF-8 with a BOM for Excel (added
when written), CRLF, formula-like text made safe, a missing value empty."""

from __future__ import annotations

from collections.abc import Iterable

from pledgecard.history.models import HistoryChange
from pledgecard.outputs.columns import DEFINITIONS
from pledgecard.outputs.tables import rows_to_csv

#: The columns of history.csv and of the history table.
HISTORY_COLUMNS: list[str] = DEFINITIONS["history"].names


def history_csv(changes: Iterable[HistoryChange]) -> str:
    """The changes as CSV text with its header (the BOM is added when written)."""
    return rows_to_csv("history", (change.model_dump() for change in changes))
