"""The field reference ships with the project and is generated from the models, so it cannot drift."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from pledgecard.models import Item
from pledgecard.outputs.columns import ITEMS
from pledgecard.outputs.fieldref import field_reference, main, reachable_models, type_text
from pledgecard.outputs.schema import card_schema

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "fields.md"
FIELDS = [(model, name) for model in reachable_models() for name in model.model_fields]


def test_committed_field_reference_is_what_the_generator_gives() -> None:
    assert DOC.read_text(encoding="utf-8") == field_reference(), (
        "docs/fields.md is stale: run python -m pledgecard.outputs.fieldref --write docs/fields.md")


@pytest.mark.parametrize(("model", "name"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n in FIELDS])
def test_every_field_is_described_and_in_the_reference(model: type[BaseModel], name: str) -> None:
    description = model.model_fields[name].description
    assert description, f"{model.__name__}.{name} has no description"
    section = field_reference().split(f"\n## {model.__name__}\n", 1)[1].split("\n## ", 1)[0]
    assert f"| `{name}` |" in section


@pytest.mark.parametrize(("model_name", "expected"), [
    ("Card", True), ("FinanceCell", True), ("Provenance", True), ("Rate", True), ("YearPlan", True),
    ("FileResult", True),
])
def test_reference_covers_the_contract_models(model_name: str, expected: bool) -> None:
    assert (model_name in {m.__name__ for m in reachable_models()}) is expected


@pytest.mark.parametrize(("path", "description_part", "example"), [
    (("properties", "kind"), "kind line", "도지사 공약사업 관리카드"),
    (("$defs", "Money", "properties", "won"), "whole Korean won", 62000000000),
    (("$defs", "FinanceCell", "properties", "measure"), "계획, 확보 or 집행", "확보"),
])
def test_json_schema_carries_descriptions_and_examples(path: tuple[str, ...], description_part: str,
                                                       example: object) -> None:
    node = card_schema()
    for key in path:
        node = node[key]
    assert description_part in node["description"]
    assert example in node["examples"]


@pytest.mark.parametrize(("description", "part"), [
    pytest.param(Item.model_fields["note"].description, "비고 cell", id="Item.note"),
    pytest.param(Item.model_fields["dates"].description, "date cell", id="Item.dates"),
    pytest.param(ITEMS.columns[ITEMS.names.index("note")].description, "비고 cell", id="items.csv-note"),
    pytest.param(ITEMS.columns[ITEMS.names.index("dates")].description, "date cell", id="items.csv-dates"),
])
def test_an_item_says_what_a_table_of_dated_entries_gives_it(description: str | None, part: str) -> None:
    """A dated table's row: its note is the 비고 cell and its first date the date cell (not the
    text's), in the model and in items.csv alike."""
    assert description is not None and part in description


@pytest.mark.parametrize(("annotation", "text"), [
    (str, "str"), (int | None, "int \\| null"), (list[str], "list[str]"),
])
def test_type_text(annotation: object, text: str) -> None:
    assert type_text(annotation) == text


def test_main_writes_the_reference(tmp_path: Path) -> None:
    target = tmp_path / "fields.md"
    assert main(["--write", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == field_reference()
