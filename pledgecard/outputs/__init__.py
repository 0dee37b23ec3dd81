"""Stage 3: JSON per card, JSON Lines, CSV tables (UTF-8 with BOM), JSON Schema."""

from pledgecard.outputs.jsonfiles import card_json, cards_json
from pledgecard.outputs.schema import card_schema, card_schema_json
from pledgecard.outputs.tables import TABLES, to_csv
from pledgecard.outputs.writer import write_outputs

__all__ = ["TABLES", "card_json", "card_schema", "card_schema_json", "cards_json", "to_csv", "write_outputs"]
