"""SQLite errors are told apart by their result code (app/store/sqlite_errors.py), not by
their words: words change between SQLite versions, and unrelated errors share them."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.errors import DamagedProject
from app.store import damage, sqlite_errors
from app.store.database import explain


def _raised(sql: str, *setup: str) -> sqlite3.Error:
    conn = sqlite3.connect(":memory:")
    for statement in setup:
        conn.execute(statement)
    with pytest.raises(sqlite3.Error) as raised:
        conn.execute(sql).fetchall()
    conn.close()
    return raised.value


def test_malformed_json_is_a_mistake_not_a_damaged_file(project_path):
    error = _raised("SELECT json('{')")  # "malformed JSON": SQLITE_ERROR, though it says malformed
    assert sqlite_errors.kind(error) == sqlite_errors.MISTAKE
    assert not damage.is_damage(error)
    assert not isinstance(explain(error, project_path), DamagedProject)


def test_an_fts5_query_sqlite_cannot_parse_is_raised_as_it_is(project):
    # SQLite says "unterminated string": neither "fts5" nor "syntax error", still SQLITE_ERROR
    with pytest.raises(sqlite3.OperationalError):
        project.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?", ('"half',))


def test_a_unique_constraint_is_a_duplicate_by_its_code():
    error = _raised("INSERT INTO t VALUES (1)", "CREATE TABLE t (a UNIQUE)", "INSERT INTO t VALUES (1)")
    assert error.sqlite_errorcode == sqlite3.SQLITE_CONSTRAINT_UNIQUE
    assert sqlite_errors.kind(error) == sqlite_errors.DUPLICATE
    other = sqlite3.IntegrityError("UNIQUE words, but a foreign key failed")
    other.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
    assert sqlite_errors.kind(other) is None  # the code decides, not the words


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (sqlite3.SQLITE_CORRUPT_INDEX, sqlite_errors.DAMAGED),
        (sqlite3.SQLITE_NOTADB, sqlite_errors.DAMAGED),
        (sqlite3.SQLITE_BUSY_SNAPSHOT, sqlite_errors.BUSY),
        (sqlite3.SQLITE_IOERR_SHMSIZE, sqlite_errors.FULL),
        (sqlite3.SQLITE_IOERR_WRITE, sqlite_errors.DISK),
        (sqlite3.SQLITE_CONSTRAINT_CHECK, None),
    ],
)
def test_extended_codes_keep_their_primary_kind(code, expected):
    error = sqlite3.OperationalError("wording SQLite may change")
    error.sqlite_errorcode = code
    assert sqlite_errors.kind(error) == expected
    assert sqlite_errors.is_trouble(error) == (expected in sqlite_errors.TROUBLE)


def test_an_error_without_a_code_is_read_by_its_words():
    assert sqlite_errors.kind(sqlite3.DatabaseError("database disk image is malformed")) == sqlite_errors.DAMAGED
    assert sqlite_errors.kind(sqlite3.OperationalError("database is locked")) == sqlite_errors.BUSY
    assert sqlite_errors.kind(sqlite3.ProgrammingError("Cannot operate on a closed database.")) is None
