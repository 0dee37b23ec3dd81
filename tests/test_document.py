"""The document model's shared constructors: built without a second validation, they must be
indistinguishable from validated construction (values, fields set, dumps, equality)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from pledgecard.extract.document import Cell, Paragraph, Table, at_cell, cell, paragraph, provenance
from pledgecard.models import Provenance

_WHERE = Provenance(line=3, table=1, row=2, col=0)
_PARAGRAPH = Paragraph(text="사업기간", bullet="◦", depth=1, provenance=Provenance(line=3))
_INNER = Table(rows=1, cols=1, cells=[Cell(row=0, col=0, text="x", provenance=_WHERE)])


def _same(built: BaseModel, validated: BaseModel) -> None:
    assert type(built) is type(validated)
    assert built == validated
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_dump_json() == validated.model_dump_json()
    assert list(built.__dict__) == list(validated.__dict__)
    assert built.__pydantic_extra__ == validated.__pydantic_extra__
    assert built.__pydantic_private__ == validated.__pydantic_private__


PARAGRAPHS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"text": "본문"}, {"text": "본문", "bullet": None, "depth": 0, "provenance": Provenance()}),
    ({"text": "사업기간", "bullet": "◦", "depth": 1, "provenance": Provenance(line=3)},
     {"text": "사업기간", "bullet": "◦", "depth": 1, "provenance": Provenance(line=3)}),
]


@pytest.mark.parametrize(("helper_args", "fields"), PARAGRAPHS, ids=["defaults", "bulleted"])
def test_paragraph_helper_equals_validated(helper_args: dict[str, Any], fields: dict[str, Any]) -> None:
    _same(paragraph(**helper_args), Paragraph(**fields))


CELLS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"row": 2, "col": 0, "text": "", "paragraphs": [], "provenance": _WHERE},
     {"row": 2, "col": 0, "rowspan": 1, "colspan": 1, "text": "", "paragraphs": [], "provenance": _WHERE}),
    ({"row": 2, "col": 0, "text": "◦ 사업기간", "paragraphs": [_PARAGRAPH], "provenance": _WHERE,
      "rowspan": 2, "colspan": 3},
     {"row": 2, "col": 0, "rowspan": 2, "colspan": 3, "text": "◦ 사업기간", "paragraphs": [_PARAGRAPH],
      "provenance": _WHERE}),
    ({"row": 0, "col": 1, "text": "", "paragraphs": [], "provenance": _WHERE, "tables": [_INNER]},
     {"row": 0, "col": 1, "rowspan": 1, "colspan": 1, "text": "", "paragraphs": [], "tables": [_INNER],
      "provenance": _WHERE}),
]


@pytest.mark.parametrize(("helper_args", "fields"), CELLS, ids=["empty", "spanning", "nested-table"])
def test_cell_helper_equals_validated(helper_args: dict[str, Any], fields: dict[str, Any]) -> None:
    _same(cell(**helper_args), Cell(**fields))


def test_cells_do_not_share_their_default_tables_list() -> None:
    first = cell(0, 0, "", [], _WHERE)
    second = cell(0, 1, "", [], _WHERE)
    first.tables.append(_INNER)
    assert second.tables == []


def test_built_models_still_validate_on_dump_and_copy() -> None:
    built = cell(1, 1, "◦ 사업기간", [_PARAGRAPH], _WHERE)
    assert Cell.model_validate(built.model_dump()) == built
    assert built.model_copy(update={"row": 4}).row == 4


def test_provenances_are_shared_and_at_cell_keeps_the_origin() -> None:
    assert provenance(line=7) is provenance(line=7)
    origin = provenance(page=2, table=1)
    assert at_cell(origin, 3, 4) == Provenance(page=2, table=1, row=3, col=4)
