"""pandas: pledgecard.frames() of cards and of an output folder, and CSV columns that read back
with their types (issue 9: integers stay integers, 계 marked in communication.csv)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import pledgecard
from pledgecard.batch import convert_batch
from pledgecard.models import Channel
from pledgecard.outputs.columns import DEFINITIONS, TABLES
from pledgecard.outputs.tables import csv_rows, rows_to_csv

from .conftest import SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frames") / "out"
    convert_batch([SAMPLES], out, jobs=2)
    return out


def test_frames_of_cards_are_typed_by_the_table_definitions() -> None:
    tables = pledgecard.frames(pledgecard.parse(SEED))
    assert set(tables) == set(TABLES)
    finance = tables["finance"]
    assert (str(finance["won"].dtype), str(finance["year"].dtype)) == ("Int64", "Int64")
    assert finance.loc[(finance["source"] == "국비") & (finance["kind"] == "total"), "won"].tolist() == [58266000000]
    cards = tables["cards"]
    assert str(cards["total_cost_won"].dtype) == "Int64" and cards["total_cost_won"].tolist() == [89873000000]
    assert cards["as_of"].tolist() == ["2025-03"] and str(cards["as_of"].dtype) == "string"
    assert cards["period_start"].tolist() == ["2022"]  # a date is the contract's string, not a number
    assert cards["issuer"].isna().all()  # null is <NA>, not None or NaN
    assert str(tables["communication"]["count"].dtype) == "Int64"


def test_frames_of_a_folder_read_its_csv_files_with_the_same_types(converted: Path) -> None:
    from_folder = pledgecard.frames(converted)
    from_results = pledgecard.frames([pledgecard.parse_file(p) for p in _converted_order(converted)])
    for name in ("cards", "finance", "achievements", "communication"):
        assert dict(from_folder[name].dtypes) == dict(from_results[name].dtypes) == {
            c: pd.api.types.pandas_dtype(t) for c, t in DEFINITIONS[name].dtypes().items()}
        pd.testing.assert_frame_equal(from_folder[name], from_results[name], check_exact=True)


def _converted_order(out: Path) -> list[Path]:
    """The input files of the converted folder that gave cards, in its order."""
    files = pledgecard.frames(out)["files"]
    return [Path(p) for p, n in zip(files["path"], files["cards"], strict=True) if n]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_csv_reads_back_with_its_dtypes(converted: Path, name: str) -> None:
    definition = DEFINITIONS[name]
    frame = pd.read_csv(converted / f"{name}.csv", encoding="utf-8-sig", dtype=definition.dtypes())
    assert list(frame.columns) == definition.names
    for column in definition.columns:
        if column.type == "int":
            assert str(frame[column.name].dtype) == "Int64"
    raw = pd.read_csv(converted / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for column in (c.name for c in definition.columns if c.type == "int"):
        assert not raw[column].str.contains(r"\.", regex=True).any(), f"{name}.{column} has a decimal point"


@pytest.mark.parametrize(("column", "value", "cell"), [
    ("won", 7519000000, "7519000000"), ("won", 7519000000.0, "7519000000"), ("won", None, ""),
    ("year", 2022, "2022"), ("raw", "-", "-"), ("raw", "=1+1", "'=1+1"), ("raw", None, ""),
])
def test_csv_cells_by_column_type(column: str, value: object, cell: str) -> None:
    (row,) = csv_rows("finance", [{column: value}])
    assert str(row[DEFINITIONS["finance"].names.index(column)]) == cell


def test_communication_says_which_row_is_the_total() -> None:
    tables = pledgecard.frames(pledgecard.parse(SEED))
    communication = tables["communication"]
    assert str(communication["is_total"].dtype) == "boolean"
    assert communication.loc[communication["is_total"], "channel"].tolist() == ["계"]
    assert communication["is_total"].sum() == 1
    text = rows_to_csv("communication", [{"channel": "계", "is_total": True}, {"channel": "언론", "is_total": False},
                                         {"channel": "x"}])
    frame = pd.read_csv(io.StringIO(text), dtype=DEFINITIONS["communication"].dtypes())
    assert frame["is_total"].tolist() == [True, False, pd.NA]


def test_a_channel_named_like_a_total_is_one_whatever_its_spelling() -> None:
    card = pledgecard.parse(SEED)[0]
    card = card.model_copy(update={"communication": [Channel(channel="합계", count=3, text="3")]})
    assert pledgecard.frames([card])["communication"]["is_total"].tolist() == [True]


def test_frames_of_a_folder_give_text_without_the_csv_apostrophe(tmp_path: Path) -> None:
    texts = ["=1+1", "-cmd", "'quoted", "- 항목", "plain", None]
    rows = [{"card_id": "1-01", "source_path": "x.txt", "section": "plans", "path": f"plans[{n}]", "level": 1,
             "marker": "-", "text": text} for n, text in enumerate(texts)]
    (tmp_path / "items.csv").write_text(rows_to_csv("items", rows), encoding="utf-8-sig")
    assert "'=1+1" in (tmp_path / "items.csv").read_text(encoding="utf-8-sig")
    frame = pledgecard.frames(tmp_path)["items"]
    assert frame["text"].tolist() == ["=1+1", "-cmd", "'quoted", "- 항목", "plain", pd.NA]


def test_frames_of_a_folder_without_tables_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no output tables"):
        pledgecard.frames(tmp_path)
