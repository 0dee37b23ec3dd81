"""The database tables, made from the output tables' one definition (SQLAlchemy Core, so the
same schema serves SQLite and PostgreSQL).

Keys: a source file is ``files.file_key`` (the first 16 hex digits of its SHA-256; ``path:``
and the path for a file that could not be read); a card is ``cards.card_key`` (its file's key
and its position in the file: ``3f0c9a1b2d4e5f60-0``), unique per card per source file, the
same in every run. Every other row names its file and card and its place (``seq``) among the
file's rows of that table. ``history`` rows belong to pledges, not files.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeEngine

from pledgecard.models import SCHEMA_VERSION
from pledgecard.outputs.columns import DEFINITIONS, ColumnType
from pledgecard.outputs.columns import Table as TableDefinition

#: The version of the tables a database holds (``meta.schema_version``); a database of
#: another version is refused, never altered.
DATABASE_SCHEMA_VERSION = SCHEMA_VERSION
#: How many hex digits of the file's SHA-256 its key keeps (64 bits).
KEY_DIGITS = 16

_TYPES: dict[ColumnType, type[TypeEngine[Any]]] = {
    "text": Text, "int": BigInteger, "float": Float, "bool": Boolean}

metadata = MetaData()

meta = Table("meta", metadata, Column("key", Text, primary_key=True), Column("value", Text, nullable=False))


def _columns(definition: TableDefinition) -> list[Column[object]]:
    return [Column(c.name, _TYPES[c.type], comment=c.description) for c in definition.columns]


def _files() -> Table:
    return Table("files", metadata, Column("file_key", Text, primary_key=True),
                 *_columns(DEFINITIONS["files"]), comment=DEFINITIONS["files"].description)


def _cards() -> Table:
    definition = DEFINITIONS["cards"]
    return Table("cards", metadata,
                 Column("card_key", Text, primary_key=True),
                 Column("file_key", Text, ForeignKey("files.file_key"), nullable=False),
                 Column("card_index", Integer, nullable=False),
                 *_columns(definition),
                 UniqueConstraint("file_key", "card_index"),
                 Index("ix_cards_pledge", "issuer", "pledge_number", "as_of"),
                 Index("ix_cards_card_id", "card_id"),
                 comment=definition.description)


def _card_part(name: str) -> Table:
    """A table of a card's (or a file's) parts: finance, items, findings …"""
    definition = DEFINITIONS[name]
    return Table(name, metadata,
                 Column("file_key", Text, ForeignKey("files.file_key"), nullable=False),
                 Column("seq", Integer, nullable=False),
                 Column("card_key", Text, ForeignKey("cards.card_key"), nullable=True),
                 *_columns(definition),
                 PrimaryKeyConstraint("file_key", "seq"),
                 Index(f"ix_{name}_card_id", "card_id"),
                 comment=definition.description)


def _history() -> Table:
    definition = DEFINITIONS["history"]
    return Table("history", metadata,
                 Column("id", Integer, primary_key=True, autoincrement=True),
                 *_columns(definition),
                 Index("ix_history_pledge", "issuer", "number", "from_as_of"),
                 comment=definition.description)


files = _files()
cards = _cards()
#: Every table that holds rows of input files, in the order a file's rows are inserted.
FILE_TABLES: dict[str, Table] = {"files": files, "cards": cards}
FILE_TABLES.update({name: _card_part(name) for name, d in DEFINITIONS.items()
                    if d.per_file and name not in FILE_TABLES})
history = _history()
