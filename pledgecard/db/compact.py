"""A SQLite database copied afresh in key order: the same rows give the same file, byte for
byte, however many runs loaded them and in what order (``convert`` puts this copy in place,
like its other outputs)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, MetaData, insert, select

from pledgecard.db.connect import create_indexes, create_missing_tables, make_engine
from pledgecard.db.schema import metadata

#: The name the copy is attached under while rows are copied into it.
_COPY = "compact_copy"


def sorted_copy(engine: Engine, path: Path) -> None:
    """Copy every table of the SQLite database of ``engine`` into a new database at ``path``,
    each table's rows in the order of its primary key."""
    fresh = make_engine(path, loading=False)
    try:
        with fresh.begin() as connection:
            create_missing_tables(connection, indexes=False)  # built at the end, from sorted rows
    finally:
        fresh.dispose()
    copies = MetaData()
    with engine.connect() as connection:
        # ATTACH outside a transaction (the driver begins one at the first insert only).
        connection.exec_driver_sql(f"ATTACH DATABASE ? AS {_COPY}", (str(path),))
        # A new file in the staging folder: a run killed now throws it away, so no journal, and
        # one fsync at the end instead of one per page.
        connection.exec_driver_sql(f"PRAGMA {_COPY}.journal_mode = OFF")
        connection.exec_driver_sql(f"PRAGMA {_COPY}.synchronous = OFF")
        try:
            for table in metadata.sorted_tables:
                copy = table.to_metadata(copies, schema=_COPY)
                order = list(table.primary_key.columns)
                connection.execute(insert(copy).from_select(list(table.columns.keys()),
                                                            select(table).order_by(*order)))
            connection.commit()
        finally:
            connection.exec_driver_sql(f"DETACH DATABASE {_COPY}")
    fresh = make_engine(path, loading=False)
    try:
        with fresh.begin() as connection:
            for table in metadata.sorted_tables:
                create_indexes(connection, table)
    finally:
        fresh.dispose()
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
