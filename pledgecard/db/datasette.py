"""Datasette metadata for ``cards.sqlite`` (``cards.metadata.json``): the tables and columns
described with their Korean labels, facets on issuer, status and year.

    datasette cards.sqlite -m cards.metadata.json
"""

from __future__ import annotations

import json
from typing import Any

from pledgecard import __version__
from pledgecard.outputs.columns import DEFINITIONS

#: The key columns the database adds to the output tables.
KEY_COLUMNS = {
    "file_key": "the source file's key: its SHA-256's first 16 hex digits (path: and its path when it "
                "could not be read)",
    "card_key": "the card's key: its file's key and its position in the file",
    "card_index": "the card's position in its file, from 0",
    "seq": "the row's place among its file's rows of this table",
}


def datasette_metadata(database: str = "cards") -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for definition in DEFINITIONS.values():
        columns = {c.name: f"{c.label}: {c.description}" for c in definition.columns}
        columns.update({k: v for k, v in KEY_COLUMNS.items() if k not in columns})
        entry: dict[str, Any] = {"title": f"{definition.name} ({definition.label})",
                                 "description": definition.description, "columns": columns}
        if definition.facets:
            entry["facets"] = list(definition.facets)
        tables[definition.name] = entry
    tables["meta"] = {"title": "meta", "description": "schema_version and the pledgecard version that made "
                      "the database", "hidden": True}
    return {
        "title": "공약사업 관리카드 (pledge management cards)",
        "description": f"Cards converted by pledgecard {__version__}: one row per card per source file; "
                       "join on card_key (or card_id across re-issues).",
        "databases": {database: {"tables": tables}},
    }


def datasette_metadata_json(database: str = "cards") -> str:
    return json.dumps(datasette_metadata(database), ensure_ascii=False, indent=1) + "\n"
