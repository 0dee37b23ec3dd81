"""Open a pledgecard database (SQLite file or PostgreSQL URL): check its version, create its
tables when it has none. A database of another ``schema_version``, or one whose tables
pledgecard did not make, is refused with a message for a person, never altered."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateIndex, CreateTable, DropIndex

from pledgecard import __version__
from pledgecard.db.schema import DATABASE_SCHEMA_VERSION, meta, metadata

#: A PostgreSQL advisory lock key (any constant): runs creating the tables at once take turns.
_SCHEMA_LOCK = 0x706C6564


class DatabaseRefused(Exception):
    """A database pledgecard will not write to, or cannot reach; the message is one line."""


def error_reason(exc: SQLAlchemyError) -> str:
    """The driver's own words for a database error, on one line."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def database_url(target: str | Path) -> URL:
    """The SQLAlchemy URL of a target: a file path is SQLite; ``postgresql://`` uses psycopg 3."""
    text = str(target)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text)))
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise DatabaseRefused(f"{text}: not a database URL ({exc})") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseRefused(f"{text}: only SQLite files and postgresql:// URLs are supported")
    return url


def shown(url: URL) -> str:
    """The URL as a message shows it: never its password."""
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def make_engine(target: str | Path, loading: bool = True) -> Engine:
    """An engine on a target; a SQLite database being loaded gets the pragmas of a load
    (write-ahead log, a larger cache); one being written afresh (a copy) keeps SQLite's
    defaults, so that readers of the finished file need nothing beside it."""
    url = database_url(target)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_pragmas if loading else _sqlite_keys)
        return engine
    return create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})


def _sqlite_keys(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA cache_size = -32768")  # 32 MiB: the indexes take keys in any order
    cursor.execute("PRAGMA synchronous = NORMAL")  # with the write-ahead log of a load (see use_wal)
    cursor.close()


def use_wal(engine: Engine) -> None:
    """Load a SQLite database through a write-ahead log: a commit appends to the log instead of
    copying pages to a journal, and is synced at checkpoints; a killed process loses nothing
    committed, a power cut at most the last commits, never the database. (Set once the database
    is known to be one to load: it is written in the file.)"""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode = WAL")


def drop_secondary_indexes(engine: Engine) -> None:
    """Drop the indexes that are not keys (a load that will be copied afresh is faster without)."""
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            for index in sorted(table.indexes, key=lambda i: str(i.name)):
                connection.execute(DropIndex(index, if_exists=True))


def check_version(connection: Connection, name: str) -> bool:
    """True when the database holds pledgecard's tables of this version, False when it holds
    none of them; raises :class:`DatabaseRefused` for any other database."""
    tables = set(inspect(connection).get_table_names())
    ours = set(metadata.tables)
    if "meta" not in tables:
        clash = sorted(tables & ours)
        if clash:
            raise DatabaseRefused(f"{name}: has tables pledgecard did not make ({', '.join(clash)}); "
                                  "load into another database")
        return False
    version = connection.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    if version != DATABASE_SCHEMA_VERSION:
        raise DatabaseRefused(f"{name}: its tables are schema_version {version}, this pledgecard writes "
                              f"{DATABASE_SCHEMA_VERSION}; it is left as it is: load into a new database "
                              "(or convert with the pledgecard that made it)")
    return True


def create_missing_tables(connection: Connection, indexes: bool = True) -> None:
    """Create the tables (and their indexes, unless told not to) the database lacks, always in
    the same order, so that the same load gives the same SQLite file byte for byte."""
    present = set(inspect(connection).get_table_names())
    for table in metadata.sorted_tables:
        if table.name in present:
            continue
        connection.execute(CreateTable(table))
        if indexes:
            create_indexes(connection, table)


def create_indexes(connection: Connection, table: Table) -> None:
    for index in sorted(table.indexes, key=lambda i: str(i.name)):
        connection.execute(CreateIndex(index))


def open_database(target: str | Path) -> Engine:
    """An engine on a checked database whose tables exist (made now if it had none)."""
    engine = make_engine(target)
    name = shown(engine.url)
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(_SCHEMA_LOCK)))
            if not check_version(connection, name):
                create_missing_tables(connection)
                connection.execute(meta.insert(), [{"key": "schema_version", "value": DATABASE_SCHEMA_VERSION},
                                                   {"key": "pledgecard_version", "value": __version__}])
            else:
                create_missing_tables(connection)  # a table this version adds to its own schema
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = error_reason(exc)
        raise DatabaseRefused(f"{name}: cannot open the database ({reason})") from None
    except DatabaseRefused:
        engine.dispose()
        raise
    return engine


def check_database(target: str | Path) -> None:
    """Refuse a database pledgecard would not write to, without changing anything in it."""
    engine = make_engine(target, loading=False)
    name = shown(engine.url)
    try:
        if engine.dialect.name == "sqlite" and not Path(engine.url.database or "").exists():
            return
        with engine.connect() as connection:
            check_version(connection, name)
    except SQLAlchemyError as exc:
        reason = error_reason(exc)
        raise DatabaseRefused(f"{name}: cannot open the database ({reason})") from None
    finally:
        engine.dispose()
