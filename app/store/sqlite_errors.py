"""What kind of SQLite failure an error is, told by SQLite's result code.

SQLite's wording changes between versions; its codes do not (Python 3.11+ puts them on
every error as ``sqlite_errorcode``). The message is read only for an error that carries no
code: one the sqlite3 module makes itself, or a test's hand-made one.
"""

from __future__ import annotations

import sqlite3

FULL, BUSY, READ_ONLY, DAMAGED, CANNOT_OPEN, DISK = "full", "busy", "read-only", "damaged", "cannot open", "disk"
DUPLICATE = "duplicate"  # a UNIQUE or PRIMARY KEY constraint
MISTAKE = "mistake"  # SQLITE_ERROR: the statement itself is wrong (a syntax or FTS5 query error)
# The file or the disk failed, not the statement: these get a sentence the journalist can act on.
TROUBLE = frozenset({FULL, BUSY, READ_ONLY, DAMAGED, CANNOT_OPEN, DISK})

_EXTENDED = {
    sqlite3.SQLITE_IOERR_SHMSIZE: FULL,  # the WAL index could not grow: no room for it
    sqlite3.SQLITE_CONSTRAINT_UNIQUE: DUPLICATE,
    sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY: DUPLICATE,
}
_PRIMARY = {
    sqlite3.SQLITE_ERROR: MISTAKE,
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_BUSY: BUSY,
    sqlite3.SQLITE_LOCKED: BUSY,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: DISK,
}
_WORDS = (  # for an error without a code only; the first match wins
    (("locked", "busy"), BUSY),
    (("disk is full",), FULL),
    (("readonly", "read-only"), READ_ONLY),
    (("not a database", "malformed", "corrupt"), DAMAGED),
    (("unable to open",), CANNOT_OPEN),
    (("disk i/o",), DISK),
    (("unique constraint",), DUPLICATE),
    (("fts5", "syntax error"), MISTAKE),
)


def kind(error: BaseException) -> str | None:
    """One of the kinds above, or None for any other failure."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        text = str(error).lower()
        return next((k for words, k in _WORDS if any(w in text for w in words)), None)
    return _EXTENDED.get(code) or _PRIMARY.get(code & 0xFF)  # the low byte: an extended code's primary


def is_trouble(error: BaseException) -> bool:
    """True when the file or the disk failed (not the statement): worth a sentence, not a bug report."""
    return kind(error) in TROUBLE
