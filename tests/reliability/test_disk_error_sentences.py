"""A failing disk gets the right sentence: SQLite's error code decides, its text only as a fallback.

Python's sqlite3 gives every error the code SQLite returned (``sqlite_errorcode``); the
sentence follows it, so a full disk says "is full" however SQLite worded the message, and a
write error on a disk with no room left is called what it is. The faults are faked (an
error carrying the code a real full disk gives): a real full file system needs a mount.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import namedtuple

import pytest

from app.cli import main
from app.core.errors import DamagedProject
from app.store import database
from app.store.database import Project, explain

Usage = namedtuple("Usage", "total used free")
ROOMY = Usage(10**12, 10**11, 9 * 10**11)
FULL = Usage(10**12, 10**12, 0)


def _error(code: int | None, text: str, kind=sqlite3.OperationalError) -> sqlite3.Error:
    error = kind(text)
    if code is not None:
        error.sqlite_errorcode = code
    return error


@pytest.fixture
def disk(monkeypatch):
    state = {"usage": ROOMY}
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: state["usage"])
    return state


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (sqlite3.SQLITE_FULL, "database or disk is full"),
        (sqlite3.SQLITE_FULL, "an unexpected wording"),  # the code decides, not the words
        (sqlite3.SQLITE_IOERR_SHMSIZE, "disk I/O error"),  # the -shm file could not grow: no room
        (None, "database or disk is full"),  # no code at all: the text still says it
    ],
)
def test_a_full_disk_says_the_disk_is_full(code, text, project_path, disk):
    sentence = str(explain(_error(code, text), project_path))
    assert "is full" in sentence and "disk error" not in sentence


@pytest.mark.parametrize(
    "code",
    [sqlite3.SQLITE_IOERR, sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_FSYNC, sqlite3.SQLITE_IOERR_TRUNCATE],
)
def test_a_write_error_on_a_disk_with_no_room_left_says_full(code, project_path, disk):
    disk["usage"] = FULL
    assert "is full" in str(explain(_error(code, "disk I/O error"), project_path))
    disk["usage"] = ROOMY
    sentence = str(explain(_error(code, "disk I/O error"), project_path))
    assert "disk error" in sentence and "full" not in sentence


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (sqlite3.SQLITE_BUSY, "is busy"),
        (sqlite3.SQLITE_BUSY_SNAPSHOT, "is busy"),
        (sqlite3.SQLITE_LOCKED, "is busy"),
        (sqlite3.SQLITE_READONLY, "read-only"),
        (sqlite3.SQLITE_READONLY_DBMOVED, "read-only"),
        (sqlite3.SQLITE_CANTOPEN, "cannot be opened"),
        (sqlite3.SQLITE_IOERR_READ, "disk error"),
    ],
)
def test_each_kind_of_failure_is_named_by_its_code(code, expected, project_path, disk):
    assert expected in str(explain(_error(code, "some wording SQLite may change"), project_path))


@pytest.mark.parametrize("code", [sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT_INDEX])
def test_a_damaged_file_is_named_damaged_by_its_code(code, project_path, disk):
    assert isinstance(explain(_error(code, "whatever", sqlite3.DatabaseError), project_path), DamagedProject)


class _FaultyConnection(sqlite3.Connection):
    """A connection that fails, as a full disk makes it, once armed, on the statements named."""

    armed = False
    fail_on: tuple[str, ...] = ()
    error: sqlite3.Error | None = None

    def execute(self, sql, *args):
        if self.armed and any(sql.lstrip().upper().startswith(word) for word in self.fail_on):
            raise self.error
        return super().execute(sql, *args)


@pytest.fixture
def faulty(monkeypatch):
    real_connect, real_prepare = sqlite3.connect, Project._prepare

    def prepare_then_arm(self):
        real_prepare(self)
        _FaultyConnection.armed = True

    def arm(fail_on: tuple[str, ...], error: sqlite3.Error, when: str):
        _FaultyConnection.fail_on, _FaultyConnection.error = fail_on, error
        _FaultyConnection.armed = when == "opening"
        monkeypatch.setattr(
            database.sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=_FaultyConnection, **k)
        )
        if when == "reading":
            monkeypatch.setattr(Project, "_prepare", prepare_then_arm)

    yield arm
    _FaultyConnection.armed, _FaultyConnection.fail_on, _FaultyConnection.error = False, (), None


@pytest.mark.parametrize(
    ("when", "fail_on", "code"),
    [
        ("reading", ("SELECT",), sqlite3.SQLITE_FULL),  # the export reads: the WAL index cannot grow
        ("reading", ("SELECT",), sqlite3.SQLITE_IOERR_SHMSIZE),
        ("reading", ("BEGIN",), sqlite3.SQLITE_FULL),  # the export's snapshot of the file
        # ("opening", ("PRAGMA JOURNAL_MODE",), SHMSIZE): the project now opens read-only and
        # the export is written (tests/reliability/test_open_odd_files.py, a full disk).
        ("opening", ("SELECT",), sqlite3.SQLITE_FULL),
    ],
)
def test_export_when_the_projects_own_disk_is_full_says_so(when, fail_on, code, project, tmp_path, faulty, disk, capsys):
    project.close()
    text = "database or disk is full" if code == sqlite3.SQLITE_FULL else "disk I/O error"
    faulty(fail_on, _error(code, text), when)
    out = tmp_path / "sheet.csv"
    assert main(["export", str(project.path), "-f", "csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "is full" in err and "disk error" not in err and "went wrong" not in err
    assert not out.exists()
    _FaultyConnection.armed = False
    with Project(project.path, read_only=True) as reopened:  # the project itself is untouched
        assert reopened.schema_version > 0
