"""Load results into a database, file by file, from the same rows as the CSV tables.

A file already in the database (same content) adds nothing; a re-issued card (new bytes)
adds its rows. Files are inserted in batches (executemany), each batch one transaction
holding whole files, so a killed load leaves no half card and no half file. Two loads into
one PostgreSQL database at once both land: a file's row is claimed with ``ON CONFLICT DO
NOTHING``, and only the files a transaction claimed are inserted by it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from operator import itemgetter
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from pledgecard.db.compact import sorted_copy
from pledgecard.db.connect import drop_secondary_indexes, error_reason, open_database, shown, use_wal
from pledgecard.db.schema import FILE_TABLES, KEY_DIGITS, history
from pledgecard.models import FileResult
from pledgecard.outputs.columns import DEFINITIONS
from pledgecard.outputs.tables import Row, indexed_rows

#: Files per transaction, and rows: whichever comes first ends a batch.
BATCH_FILES = 200
BATCH_ROWS = 20000


def file_key(result: FileResult) -> str:
    """A file's key: the first 16 hex digits of its content's SHA-256 (64 bits; the full hash is
    in ``files.sha256``); ``path:`` and its path when it could not be read."""
    return result.sha256[:KEY_DIGITS] if result.sha256 else f"path:{result.path}"


def card_key(key: str, index: int) -> str:
    return f"{key}-{index}"


#: The database rows of one input file: by table, each row a tuple in the table's column order.
FileRows = dict[str, list[tuple[object, ...]]]


def file_rows(result: FileResult) -> FileRows:
    """Every database row of one input file, by table, with its keys."""
    key = file_key(result)
    rows: FileRows = {}
    for name in FILE_TABLES:
        values = _VALUES[name]
        if name == "files":
            rows[name] = [(key, *values(row)) for _, row in indexed_rows(name, result)]
        elif name == "cards":
            rows[name] = [(card_key(key, seq), key, seq, *values(row))
                          for seq, (_, row) in enumerate(indexed_rows(name, result))]
        else:
            rows[name] = [(key, seq, None if index is None else card_key(key, index), *values(row))
                          for seq, (index, row) in enumerate(indexed_rows(name, result))]
    return rows


#: A table's own values of a row, in its column order (every row has every column of its table).
_VALUES = {name: itemgetter(*DEFINITIONS[name].names) for name in FILE_TABLES}


def _insert_new(connection: Connection, table: Table) -> Insert:
    """An insert that skips a row whose key is taken (a file loaded by another run)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()  # type: ignore[no-any-return]


def _insert_rows(connection: Connection, table: Table, rows: list[tuple[object, ...]]) -> None:
    """Many rows at once (executemany). SQLite gets them straight from the driver, the Core
    statement compiled once; PostgreSQL through SQLAlchemy's batched multi-row inserts."""
    if connection.dialect.name == "sqlite":
        compiled = table.insert().compile(dialect=connection.dialect)
        order = [table.columns.keys().index(name) for name in compiled.positiontup or []]
        statement = str(compiled)
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(statement, [tuple(row[i] for i in order) for row in rows]
                               if order != sorted(order) else rows)
        finally:
            cursor.close()
        return
    names = table.columns.keys()
    connection.execute(table.insert(), [dict(zip(names, row, strict=True)) for row in rows])


class DatabaseWriteError(OSError):
    """A database that took the run's first rows failed on later ones (a server gone away, a
    full disk); what was committed before stays, whole files only."""


class DatabaseLoader:
    """Loads results into one database; :meth:`close` loads what is left."""

    def __init__(self, target: str | Path, compacted: bool = False) -> None:
        """``compacted``: a SQLite database that :meth:`compact_into` will copy afresh, indexes
        and all, at the end; it is loaded without its secondary indexes (faster), which the
        copy rebuilds (after a killed run they are missing until a run completes)."""
        self.engine: Engine = open_database(target)
        use_wal(self.engine)
        if compacted:
            drop_secondary_indexes(self.engine)
        self.name = str(target) if self.engine.dialect.name == "sqlite" else shown(self.engine.url)
        self.pending: list[FileRows] = []
        self.pending_keys: set[str] = set()
        self.pending_rows = 0
        self.added_files = 0
        self.added_cards = 0

    def add(self, result: FileResult) -> None:
        key = file_key(result)
        if key in self.pending_keys:  # the same bytes twice in one run: loaded once
            return
        rows = file_rows(result)
        self.pending.append(rows)
        self.pending_keys.add(key)
        self.pending_rows += sum(len(r) for r in rows.values())
        if len(self.pending) >= BATCH_FILES or self.pending_rows >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        try:
            self._load()
        except SQLAlchemyError as exc:
            raise DatabaseWriteError(f"{self.name}: {error_reason(exc)}") from None

    def _load(self) -> None:
        with self.engine.begin() as connection:
            # In key order: two runs claiming the same files at once wait for each other, never deadlock.
            files_table = FILE_TABLES["files"]
            names = files_table.columns.keys()
            files = sorted((dict(zip(names, rows["files"][0], strict=True)) for rows in self.pending),
                           key=lambda row: str(row["file_key"]))
            claimed = set(connection.execute(
                _insert_new(connection, files_table).returning(files_table.c.file_key), files).scalars())
            # In key order too: neighbouring rows go to neighbouring index pages.
            new = sorted((rows for rows in self.pending if rows["files"][0][0] in claimed),
                         key=lambda rows: str(rows["files"][0][0]))
            for name, table in FILE_TABLES.items():
                batch = [row for rows in new for row in rows[name]]
                if name != "files" and batch:
                    _insert_rows(connection, table, batch)
            self.added_files += len(new)
            self.added_cards += sum(len(rows["cards"]) for rows in new)
        self.pending, self.pending_keys, self.pending_rows = [], set(), 0

    def compact_into(self, path: Path) -> None:
        """A copy of the SQLite database at ``path``, written afresh in key order: the same rows
        give the same bytes, however they were loaded. Everything is flushed first."""
        self.flush()
        sorted_copy(self.engine, path)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.engine.dispose()

    def abort(self) -> None:
        self.pending = []
        self.engine.dispose()


def history_row(change: BaseModel | Mapping[str, Any]) -> Row:
    """A change as a row of the history table: its columns, values that are not text in
    text columns written as JSON."""
    data = change.model_dump() if isinstance(change, BaseModel) else dict(change)
    row: Row = {}
    for column in DEFINITIONS["history"].columns:
        value = data.get(column.name)
        if column.type == "text" and value is not None and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row[column.name] = value
    return row


def replace_history(target: str | Path, changes: Iterable[BaseModel | Mapping[str, Any]]) -> int:
    """Put the history of the database's pledges in its ``history`` table, replacing what was
    there, in one transaction; returns the number of rows. ``target`` is a SQLite file or a
    ``postgresql://`` URL; ``changes`` are ``pledgecard.history.models.HistoryChange`` records (or
    mappings with the table's columns)."""
    rows = [history_row(change) for change in changes]
    engine = open_database(target)
    try:
        with engine.begin() as connection:
            connection.execute(history.delete())
            if rows:
                connection.execute(history.insert(), rows)
    finally:
        engine.dispose()
    return len(rows)
