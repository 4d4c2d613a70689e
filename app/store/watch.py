"""Has anyone else written to the project? The one question the desk asks between edits.

SQLite's ``PRAGMA data_version`` moves when another connection (the command line, a second
window, a background job) commits to the file, and never for this connection's own commits,
so the desk's own edits never look like someone else's. It costs a few microseconds and reads
no table, so the desk can ask it several times a second.
"""

from __future__ import annotations

import sqlite3

from app.store.database import Project


def data_version(project: Project) -> int | None:
    """The file's version as this connection last saw it, or None when it cannot be asked
    (the project was closed, the file is busy or damaged): the caller simply asks again."""
    try:
        return project.conn.execute("PRAGMA data_version").fetchone()[0]
    except sqlite3.Error:  # a closed connection raises ProgrammingError, a subclass
        return None
