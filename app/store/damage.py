"""Telling a damaged project file from every other failure.

SQLite reports a damaged page only when a query reaches it ("database disk image is
malformed", SQLITE_CORRUPT), so damage can surface from any read, anywhere. ``is_damage``
recognises it however it was raised or wrapped; ``problem`` checks a whole file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from app.store import plainfile, sqlite_errors

QUICK_CHECK_MAX = 256 * 1024 * 1024  # quick_check reads the whole file: ~0.1 s for 80 MB, warm


def is_damage(error: BaseException | None) -> bool:
    """True if this error (or one it was raised from) is SQLite finding the file damaged."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, sqlite3.DatabaseError) and sqlite_errors.kind(error) == sqlite_errors.DAMAGED:
            return True
        error = error.__cause__ or error.__context__
    return False


def check(conn: sqlite3.Connection, thorough: bool = True) -> str | None:
    """None if the file behind this connection is intact, else SQLite's first complaint."""
    pragma = "integrity_check(1)" if thorough else "quick_check(1)"
    try:
        result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if result == "ok" else str(result)


def problem(path: Path, thorough: bool = True) -> str | None:
    """Check a file that is not open (a backup, say): None if it is an intact project.
    Only an ordinary file is opened (a named pipe would block the check forever)."""
    other = plainfile.what_it_is(Path(path))
    if other:
        return f"it is {other}, not a file"
    try:
        with contextlib.closing(sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)) as conn:
            complaint = check(conn, thorough)
            if complaint is None and conn.execute("PRAGMA user_version").fetchone()[0] <= 0:
                return "not a Counterclaim project"
            return complaint
    except sqlite3.Error as error:
        return str(error)


def on_open(conn: sqlite3.Connection, path: Path) -> str | None:
    """The cheap check on opening (SQLite's quick_check, for files up to QUICK_CHECK_MAX):
    None if nothing is wrong or the file is too big to check quickly."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return None
    return check(conn, thorough=False) if size <= QUICK_CHECK_MAX else None
