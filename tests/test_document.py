"""The document model's shared constructors: built without a second validation, they must be
indistinguishable from validated construction (values, fields set, dumps, equality)."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from pledgecard.extract.document import (
    INVALID_UNICODE,
    Cell,
    Document,
    Paragraph,
    Table,
    at_cell,
    cell,
    paragraph,
    provenance,
    valid_unicode,
    with_valid_unicode,
)
from pledgecard.models import Provenance
from pledgecard.pipeline import parse_bytes

from .conftest import SAMPLES

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
    ({"text": "참고자료", "provenance": Provenance(section=0), "outline": 1},
     {"text": "참고자료", "bullet": None, "depth": 0, "outline": 1, "provenance": Provenance(section=0)}),
    ({"text": "사업개요", "bullet": "\ufffd", "provenance": Provenance(line=9), "gap": 3},
     {"text": "사업개요", "bullet": "\ufffd", "depth": 0, "gap": 3, "provenance": Provenance(line=9)}),
]


@pytest.mark.parametrize(("helper_args", "fields"), PARAGRAPHS, ids=["defaults", "bulleted", "outline", "gap"])
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


# ----------------------------------------------------------------------------- values a user receives

def test_a_provenance_changed_by_a_user_leaves_later_parses_alone() -> None:
    other = SAMPLES / "suwon-3-07" / "suwon-3-07.txt"
    before = parse_bytes(other.read_bytes(), "other.txt").model_dump()
    card = parse_bytes((SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt").read_bytes(), "first.txt").cards[0]
    received = [item.provenance for block in card.progress for item in block.items]
    received += [finance_cell.provenance for finance_cell in card.finance.cells]
    assert received
    for where in received:
        with contextlib.suppress(ValidationError):  # frozen: the readers share provenances
            where.line = -1  # type: ignore[misc,union-attr]
    assert parse_bytes(other.read_bytes(), "other.txt").model_dump() == before


# ----------------------------------------------------------------------------- valid Unicode only

LONE_HIGH, LONE_LOW, PAIR = "\ud83d", "\udf00", "\ud83d\ude00"
UNICODE_CASES = [
    ("가나", "가나", 0),
    (f"가{LONE_LOW}나", "가\ufffd나", 1),
    (f"{LONE_HIGH}", "\ufffd", 1),
    (f"a{PAIR}b", "a\U0001f600b", 0),  # a pair handed on as two units is its one character
    (f"{LONE_LOW}{PAIR}{LONE_HIGH}", "\ufffd\U0001f600\ufffd", 2),
    ("이미 \ufffd 있음", "이미 \ufffd 있음", 0),
]


@pytest.mark.parametrize(("text", "valid", "replaced"), UNICODE_CASES)
def test_valid_unicode(text: str, valid: str, replaced: int) -> None:
    assert valid_unicode(text) == (valid, replaced)
    valid.encode("utf-8")


def test_every_text_of_a_document_is_made_valid_with_a_finding() -> None:
    inner = Table(rows=1, cols=1, cells=[cell(0, 0, LONE_LOW, [paragraph(LONE_LOW)], _WHERE)])
    outer = Table(rows=1, cols=1, cells=[cell(0, 0, f"{LONE_HIGH} x", [paragraph("x", LONE_HIGH)], _WHERE,
                                              tables=[inner])])
    document = Document(path="d.pdf", format="pdf", blocks=[paragraph(f"a{PAIR}"), outer])
    fixed = with_valid_unicode(document)
    fixed.model_dump_json()
    assert fixed.paragraphs()[0].text == "a\U0001f600"
    assert [f.code for f in fixed.findings] == [INVALID_UNICODE]
    assert "4 invalid" in fixed.findings[0].message
    clean = Document(path="c.pdf", format="pdf", blocks=[paragraph("가")])
    assert with_valid_unicode(clean).findings == []


def _plain_grid(table: Table) -> list[list[Cell | None]]:
    """Every position each cell covers, set one by one (the later cell wins)."""
    grid: list[list[Cell | None]] = [[None] * table.cols for _ in range(table.rows)]
    for c in table.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                if 0 <= r < table.rows and 0 <= k < table.cols:
                    grid[r][k] = c
    return grid


_SMALL = st.integers(min_value=-2, max_value=6)
_CELLS = st.lists(st.tuples(_SMALL, _SMALL, st.integers(0, 3), st.integers(0, 3)), max_size=12)


@settings(max_examples=300, derandomize=True)
@given(st.integers(0, 5), st.integers(0, 5), _CELLS)
def test_grid_places_every_cell_where_it_spans(rows: int, cols: int, spans: list[tuple[int, int, int, int]]) -> None:
    cells = [Cell(row=r, col=c, rowspan=rs, colspan=cs, text=f"{i}") for i, (r, c, rs, cs) in enumerate(spans)]
    table = Table(rows=rows, cols=cols, cells=cells)
    assert table.grid() == _plain_grid(table)
