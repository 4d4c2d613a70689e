"""Schema v2 adds statements.furniture: a v1 project upgrades in place, all its statements
the article's own, and its schema is then exactly what the ladder writes (no foreign parts)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.store import schema
from app.store.database import Project

V1 = Path(__file__).parent / "data" / "schema-v1.counterclaim"


def test_a_v1_project_gains_the_furniture_column_and_nothing_else(tmp_path):
    path = tmp_path / "old.counterclaim"
    shutil.copy(V1, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        before = conn.execute("SELECT * FROM statements ORDER BY id").fetchall()
    with Project(path) as project:
        assert project.schema_version == schema.SCHEMA_VERSION >= 2
        columns = [r[1] for r in project.execute("PRAGMA table_info(statements)")]
        assert columns[-1] == "furniture"
        assert project.execute("SELECT count(*) FROM statements WHERE furniture IS NOT NULL").fetchone()[0] == 0
        after = project.execute("SELECT * FROM statements ORDER BY id").fetchall()
        assert [row[:-1] for row in after] == before
    with sqlite3.connect(path) as conn:
        assert schema.foreign_parts(conn, schema.SCHEMA_VERSION) == []
