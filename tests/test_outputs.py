"""Output files: Excel-safe CSV cells, JSON not ASCII-escaped, item paths."""

from __future__ import annotations

import pytest

import pledgecard
from pledgecard.normalize.checks import INCOMPLETE_CODES
from pledgecard.outputs import card_json, to_csv
from pledgecard.outputs.tables import excel_safe, rows_for

from .conftest import SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+82", "'+82"), ("@SUM", "'@SUM"), ("-cmd", "'-cmd"),
    ("-", "-"), ("-5", "-5"), ("- 항목", "- 항목"), ("국비", "국비"), (3, 3),
])
def test_excel_safe(value: object, expected: object) -> None:
    assert excel_safe(value) == expected


def test_card_json_keeps_korean() -> None:
    (card,) = pledgecard.parse(SEED)
    text = card_json(card)
    assert "디지털헬스케어" in text and "\\u" not in text


def test_items_table_has_every_item_with_its_path() -> None:
    result = pledgecard.parse_file(SEED)
    rows = list(rows_for("items", [result]))
    paths = [r["path"] for r in rows]
    assert "overview.items[2]" in paths
    assert "progress[0].items[0].children[1].children[0]" in paths
    assert len(rows) == len(set(paths))
    header = to_csv("items", [result]).splitlines()[0]
    assert header.startswith("card_id,source_path,section,path")


def test_files_row_of_a_partial_file_names_the_findings_that_made_it_partial() -> None:
    result = pledgecard.parse_file(SAMPLES / "missing-parts" / "missing-parts.txt")
    assert result.status == "partial"
    (row,) = rows_for("files", [result])
    codes = sorted({f.code for c in result.cards for f in c.findings if f.code in INCOMPLETE_CODES})
    assert codes and row["reason"] == "incomplete: " + ", ".join(codes)


def test_files_row_of_a_complete_file_has_no_reason() -> None:
    result = pledgecard.parse_file(SAMPLES / "suwon-3-07" / "suwon-3-07.txt")
    (row,) = rows_for("files", [result])
    assert (row["status"], row["reason"]) == ("ok", None)
