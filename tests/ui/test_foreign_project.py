"""The desk refuses a project carrying its own trigger or view with the sentence, no traceback, no hang."""

from __future__ import annotations

import sqlite3
import time

import pytest

HOSTILE = {
    "trigger": ["CREATE TRIGGER wipe AFTER UPDATE ON statements BEGIN DELETE FROM articles; END"],
    "view": [
        "DROP TABLE statement_topics",
        "CREATE VIEW statement_topics AS WITH RECURSIVE r(statement_id, topic_id) AS "
        "(SELECT 1, 1 UNION ALL SELECT statement_id + 1, topic_id FROM r) SELECT * FROM r",
    ],
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_the_desk_shows_the_sentence_and_leaves_the_file_alone(kind, open_window, seeded_path, shown, monkeypatch):
    from app.ui import ask
    from app.ui.desk import open_startup_project

    path = seeded_path
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for sql in HOSTILE[kind]:
        conn.execute(sql)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    window = open_window(None)
    started = time.monotonic()
    monkeypatch.setattr(ask, "open_project_path", lambda parent, start=None: str(path))
    window.files.open()  # File › Open…
    open_startup_project(window, [str(path)])  # a double-click on the file
    assert time.monotonic() - started < 20
    errors = shown.of("error")
    assert len(errors) == 2 and all("did not write" in e for e in errors), shown
    assert window.context is None
    assert path.read_bytes() == before
