"""The JSON Schema of a card, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pledgecard.models import SCHEMA_VERSION, Card

SCHEMA_ID = f"https://pledgecard.invalid/schema/card-{SCHEMA_VERSION}.json"


def card_schema() -> dict[str, Any]:
    schema = Card.model_json_schema(mode="serialization")
    return {**schema, "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Pledge management card (공약사업 관리카드)"}


def card_schema_json() -> str:
    return json.dumps(card_schema(), ensure_ascii=False, indent=2) + "\n"
