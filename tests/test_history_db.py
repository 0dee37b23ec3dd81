"""``history`` and the database: the ``history`` table of ``cards.sqlite`` (and of ``--db``), and
the cards read back from a database giving the same history as the files."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pledgecard.db import database_url

from .test_db import postgres  # noqa: F401  (the fixture: a new PostgreSQL database for one test)
from .test_history import SAEBOM, run


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history-db") / "converted"
    code, _out, err = run("convert", str(SAEBOM), "-o", str(folder), "-q", "--jobs", "1")
    assert code == 0, err
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_history_of_a_convert_folder_fills_its_history_table(converted: Path, tmp_path: Path) -> None:
    assert run("history", str(converted), "-o", str(tmp_path / "out"), "-q")[0] == 0
    with sqlite3.connect(converted / "cards.sqlite") as db:
        rows = db.execute("select code, field, before, after, diff_won from history order by id").fetchall()
    written = [(r["code"], r["field"], r["before"] or None, r["after"] or None, int(r["diff_won"]) if r["diff_won"]
                else None) for r in _csv(tmp_path / "out" / "history.csv")]
    assert rows == written and len(rows) == 15
    # a second run replaces the table, never adds to it
    assert run("history", str(converted), "-o", str(tmp_path / "out"), "-q")[0] == 0
    with sqlite3.connect(converted / "cards.sqlite") as db:
        assert db.execute("select count(*) from history").fetchone()[0] == 15


def test_cards_read_back_from_the_database_give_the_same_history(converted: Path, tmp_path: Path) -> None:
    assert run("history", str(SAEBOM), "-o", str(tmp_path / "files"), "-q", "--jobs", "1")[0] == 0
    assert run("history", "--db", str(converted / "cards.sqlite"), "-o", str(tmp_path / "db"), "-q")[0] == 0
    assert (tmp_path / "files" / "history.csv").read_bytes() == (tmp_path / "db" / "history.csv").read_bytes()


@pytest.mark.parametrize("argv", [
    ["history", "-o", "OUT"],  # neither INPUT nor --db
    ["history", "--db", "NOTADB", "-o", "OUT"],  # a file that is not a database
])
def test_bad_database_use_is_usage(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "NOTADB").write_text("hello", encoding="utf-8")
    argv = [str(tmp_path / a) if a in ("OUT", "NOTADB") else a for a in argv]
    code, _out, err = run(*argv)
    assert code == 2 and err.startswith("pledgecard: ") and "Traceback" not in err
    assert not (tmp_path / "OUT").exists()


def test_postgresql_cards_give_the_history_and_get_its_table(tmp_path: Path, postgres: str) -> None:  # noqa: F811
    code, _out, err = run("convert", str(SAEBOM), "-o", str(tmp_path / "converted"), "-q", "--jobs", "1",
                          "--db", postgres)
    assert code == 0, err
    assert run("history", str(SAEBOM), "-o", str(tmp_path / "files"), "-q", "--jobs", "1")[0] == 0
    assert run("history", "--db", postgres, "-o", str(tmp_path / "pg"), "-q")[0] == 0
    assert (tmp_path / "files" / "history.csv").read_bytes() == (tmp_path / "pg" / "history.csv").read_bytes()
    engine = create_engine(database_url(postgres), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            codes = [row[0] for row in connection.execute(text("select code from history order by id"))]
    finally:
        engine.dispose()
    assert codes == [row["code"] for row in _csv(tmp_path / "pg" / "history.csv")] and len(codes) == 15
