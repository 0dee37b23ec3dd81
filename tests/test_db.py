"""The database outputs: cards.sqlite beside every convert, PostgreSQL with --db; one row per
card per source file, idempotent loads, whole files only, other schema versions refused."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select
from sqlalchemy.pool import NullPool

import pledgecard
from pledgecard.batch import convert_batch
from pledgecard.cli import main
from pledgecard.db import SQLITE_NAME, DatabaseLoader, DatabaseRefused, database_url, replace_history
from pledgecard.db.schema import DATABASE_SCHEMA_VERSION, FILE_TABLES
from pledgecard.outputs.columns import DEFINITIONS, TABLES
from pledgecard.outputs.frames import frames

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"
BOOKLET = SAMPLES / "booklet-two-cards" / "booklet-two-cards.txt"


def counts(target: str | Path) -> dict[str, int]:
    engine = create_engine(database_url(target), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return {name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in FILE_TABLES.items()}
    finally:
        engine.dispose()


def csv_counts(out: Path) -> dict[str, int]:
    return {name: len(frame) for name, frame in frames(out).items() if name in TABLES}


def reissue(folder: Path, name: str = "gangwon-2-16-2025-06.txt") -> Path:
    """The seed card issued again a quarter later (new bytes, new as-of date)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8").replace("《2025년 3월 현재》", "《2025년 6월 현재》")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- SQLite


def test_convert_writes_cards_sqlite_with_the_csv_rows_keys_and_meta(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_batch([SAMPLES], out, jobs=2)
    database = out / SQLITE_NAME
    assert counts(database) == csv_counts(out)
    engine = create_engine(database_url(database), poolclass=NullPool)
    with engine.connect() as connection:
        schema = inspect(connection)
        assert schema.get_pk_constraint("cards")["constrained_columns"] == ["card_key"]
        assert schema.get_pk_constraint("finance")["constrained_columns"] == ["file_key", "seq"]
        targets = {fk["referred_table"] for fk in schema.get_foreign_keys("finance")}
        assert targets == {"files", "cards"}
        indexes = {tuple(i["column_names"]) for i in schema.get_indexes("cards")}
        assert {("issuer", "pledge_number", "as_of"), ("card_id",)} <= indexes
        assert ("card_id",) in {tuple(i["column_names"]) for i in schema.get_indexes("items")}
        meta = dict(connection.exec_driver_sql("select key, value from meta").all())
    engine.dispose()
    assert meta == {"schema_version": DATABASE_SCHEMA_VERSION, "pledgecard_version": pledgecard.__version__}
    with sqlite3.connect(database) as db:
        assert db.execute("pragma foreign_key_check").fetchall() == []
        won = db.execute("select won from finance where source_path like '%gangwon-2-16.txt' and source = '국비'"
                         " and kind = 'total'").fetchone()
        assert won == (58266000000,)
        assert db.execute("select count(*) from communication where is_total").fetchone()[0] >= 1


def test_a_second_run_adds_reissued_cards_and_nothing_for_the_same_cards(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_batch([SAMPLES], out, jobs=2)
    first = counts(out / SQLITE_NAME)
    again = convert_batch([SAMPLES], out, jobs=2)
    assert counts(out / SQLITE_NAME) == first
    assert again.loaded[0][1:] == (0, 0)
    newer = reissue(tmp_path / "2025-q2")
    summary = convert_batch([newer, SEED], out, jobs=1)
    assert summary.loaded[0][1:] == (1, 1)
    grown = counts(out / SQLITE_NAME)
    assert grown["cards"] == first["cards"] + 1 and grown["finance"] == first["finance"] + 32
    with sqlite3.connect(out / SQLITE_NAME) as db:
        ids = [r[0] for r in db.execute("select card_id from cards where pledge_number = '2-16' and "
                                        "source_path like '%.txt' order by as_of")]
    assert ids == ["2-16@2025-03", "2-16@2025-06"]


def test_card_keys_are_one_per_card_per_source_file(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "same-bytes.txt"
    copy.parent.mkdir()
    shutil.copy(SEED, copy)
    out = tmp_path / "out"
    convert_batch([BOOKLET, SEED, copy], out, jobs=1)
    with sqlite3.connect(out / SQLITE_NAME) as db:
        keys = db.execute("select card_key, card_index, file_key from cards order by card_key").fetchall()
        files = db.execute("select count(*) from files").fetchone()[0]
    assert files == 2  # the same bytes under another name are the same source file
    seed_sha = pledgecard.parse_file(SEED).sha256 or ""
    booklet = [k for k in keys if not seed_sha.startswith(k[2])]
    assert [k[1] for k in booklet] == [0, 1]
    assert len({k[0] for k in keys}) == len(keys) == 3


def test_a_database_of_another_schema_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_batch([SEED], out, jobs=1)
    database = out / SQLITE_NAME
    with sqlite3.connect(database) as db:
        db.execute("update meta set value = '0.9' where key = 'schema_version'")
    db.close()
    before = database.read_bytes()
    csv_before = (out / "cards.csv").read_bytes()
    err = io.StringIO()
    assert main(["convert", str(BOOKLET), "-o", str(out), "-q"], err=err) == 2
    assert "schema_version 0.9" in err.getvalue() and DATABASE_SCHEMA_VERSION in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert database.read_bytes() == before and (out / "cards.csv").read_bytes() == csv_before


def test_a_database_pledgecard_did_not_make_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "theirs.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("create table cards (id integer)")
    db.close()
    with pytest.raises(DatabaseRefused, match="did not make"):
        DatabaseLoader(foreign)


def test_a_failed_transaction_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "cards.sqlite"
    loader = DatabaseLoader(database)
    loader.add(pledgecard.parse_file(SEED))
    loader.flush()
    loader.add(pledgecard.parse_file(BOOKLET))
    items = FILE_TABLES["items"]
    original = items.insert

    def broken() -> object:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(items, "insert", broken)
    with pytest.raises(RuntimeError):
        loader.flush()
    monkeypatch.setattr(items, "insert", original)
    loader.abort()
    assert counts(database)["files"] == 1 and counts(database)["cards"] == 1


_KILLED_LOAD = """
import os, signal, sys
import pledgecard
from pledgecard.db import load
from pledgecard.db.schema import FILE_TABLES
loader = load.DatabaseLoader(sys.argv[1])
loader.add(pledgecard.parse_file(sys.argv[2]))
loader.flush()
real = FILE_TABLES["items"].insert
def dying():
    os.kill(os.getpid(), signal.SIGKILL)  # after files, cards and finance of this batch went in
FILE_TABLES["items"].insert = dying
loader.add(pledgecard.parse_file(sys.argv[3]))
loader.flush()
"""


def test_a_killed_load_leaves_whole_files_only(tmp_path: Path) -> None:
    database = tmp_path / "cards.sqlite"
    run = subprocess.run([sys.executable, "-c", _KILLED_LOAD, str(database), str(SEED), str(BOOKLET)],
                         cwd=ROOT, capture_output=True, timeout=120)
    assert run.returncode == -9
    assert counts(database)["files"] == 1 and counts(database)["cards"] == 1
    loader = DatabaseLoader(database)  # the next load goes on from there
    loader.add(pledgecard.parse_file(BOOKLET))
    loader.close()
    assert counts(database)["cards"] == 3


def test_the_history_table_has_the_columns_of_a_history_change() -> None:
    from pledgecard.history.models import HistoryChange

    assert DEFINITIONS["history"].names == list(HistoryChange.model_fields)


def test_history_rows_replace_the_previous_ones(tmp_path: Path) -> None:
    from pledgecard.history.models import HistoryChange

    database = tmp_path / "cards.sqlite"
    change = HistoryChange(issuer="원주시", number="2-16", pledge="원주시 2-16", from_as_of="2025-Q1",
                           to_as_of="2025-Q2", code="history.total_cost", field="overview.total_cost.won",
                           before="89873000000", after="90000000000", diff_won=127000000, diff_percent=0.14)
    assert replace_history(database, [change, change.model_copy(update={"code": "history.status"})]) == 2
    assert replace_history(database, [change]) == 1
    with sqlite3.connect(database) as db:
        rows = db.execute("select pledge, code, before, after, diff_won, diff_percent from history").fetchall()
    assert rows == [("원주시 2-16", "history.total_cost", "89873000000", "90000000000", 127000000, 0.14)]


# --------------------------------------------------------------------------- PostgreSQL

#: The server the tests create their databases in (the local one over its Unix socket by default).
ADMIN_URL = os.environ.get("PLEDGECARD_TEST_POSTGRES", "postgresql:///postgres")


@pytest.fixture
def postgres() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped after it. Skipped only when no
    server can be reached, and never in CI (CI=true), where one always can."""
    admin = create_engine(database_url(ADMIN_URL), poolclass=NullPool, isolation_level="AUTOCOMMIT",
                          connect_args={"connect_timeout": 5})
    name = f"pledgecard_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # no server: skip here, fail in CI
        admin.dispose()
        message = f"no PostgreSQL server at {ADMIN_URL}: {str(exc).splitlines()[0]}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    url = database_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url.replace("postgresql+psycopg://", "postgresql://", 1)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def test_postgresql_gets_the_same_tables_and_a_second_load_adds_nothing(tmp_path: Path, postgres: str) -> None:
    out = tmp_path / "out"
    err = io.StringIO()
    assert main(["convert", str(SAMPLES), "-o", str(out), "-q", "--db", postgres], err=err) == 0, err.getvalue()
    assert counts(postgres) == counts(out / SQLITE_NAME) == csv_counts(out)
    assert main(["convert", str(SAMPLES), "-o", str(out), "-q", "--db", postgres], err=err) == 0, err.getvalue()
    assert counts(postgres) == counts(out / SQLITE_NAME)
    engine = create_engine(database_url(postgres), poolclass=NullPool)
    with engine.connect() as connection:
        keys = connection.exec_driver_sql("select card_key, won from finance order by file_key, seq").all()
    engine.dispose()
    with sqlite3.connect(out / SQLITE_NAME) as db:
        assert keys == db.execute("select card_key, won from finance order by file_key, seq").fetchall()


def test_two_converts_into_one_postgresql_database_at_once_both_land(tmp_path: Path, postgres: str) -> None:
    archives = []
    for part, names in enumerate((["gangwon-2-16", "suwon-3-07", "cp949-card"],
                                  ["booklet-two-cards", "bad-sums", "missing-parts"])):
        folder = tmp_path / f"archive-{part}"
        for name in names:
            shutil.copytree(SAMPLES / name, folder / name)
        archives.append(folder)
    runs = [subprocess.Popen([sys.executable, "-m", "pledgecard", "convert", str(archive), "-o",
                              str(tmp_path / f"out-{n}"), "-q", "-j", "1", "--db", postgres],
                             cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for n, archive in enumerate(archives)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    alone = [counts(tmp_path / f"out-{n}" / SQLITE_NAME) for n in range(2)]
    assert counts(postgres) == {name: alone[0][name] + alone[1][name] for name in FILE_TABLES}


def test_a_postgresql_database_of_another_schema_version_is_refused(tmp_path: Path, postgres: str) -> None:
    loader = DatabaseLoader(postgres)
    loader.close()
    engine = create_engine(database_url(postgres), poolclass=NullPool)
    with engine.begin() as connection:
        connection.exec_driver_sql("update meta set value = '2.0' where key = 'schema_version'")
    engine.dispose()
    err = io.StringIO()
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out"), "-q", "--db", postgres], err=err) == 2
    assert "schema_version 2.0" in err.getvalue()
    assert not (tmp_path / "out").exists()
