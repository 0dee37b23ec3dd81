"""The output tables in a database: SQLite (``DIR/cards.sqlite``, written by every convert)
and PostgreSQL on request (``--db postgresql://USER@HOST/DB``), one schema for both."""

from pledgecard.db.connect import DatabaseRefused, check_database, database_url, open_database
from pledgecard.db.datasette import datasette_metadata, datasette_metadata_json
from pledgecard.db.load import DatabaseLoader, replace_history
from pledgecard.db.schema import DATABASE_SCHEMA_VERSION

#: The database every ``convert -o DIR`` writes, and its Datasette metadata, in DIR.
SQLITE_NAME = "cards.sqlite"
METADATA_NAME = "cards.metadata.json"

__all__ = ["DATABASE_SCHEMA_VERSION", "METADATA_NAME", "SQLITE_NAME", "DatabaseLoader", "DatabaseRefused",
           "check_database", "database_url", "datasette_metadata", "datasette_metadata_json", "open_database",
           "replace_history"]
