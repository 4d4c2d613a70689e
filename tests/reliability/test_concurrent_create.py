"""Eight processes importing into a project that does not exist yet: every one succeeds.

The file is created, and its schema written, under SQLite's write lock: the version is
read again once the lock is held, so a process that lost the race finds the schema the
winner wrote instead of writing it a second time ("table meta already exists").
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from app.store import schema

REPO = Path(__file__).resolve().parents[2]
PROCESSES = 8

# Everything heavy is imported before the start line, so the eight race at the open itself.
IMPORTER = textwrap.dedent(
    """
    import os, sys, time
    from app.cli import main
    import app.ops.importing, app.store.database, sqlite_utils  # noqa: F401
    go = sys.argv[1]
    while not os.path.exists(go):
        time.sleep(0.001)
    sys.exit(main(["import", sys.argv[2], sys.argv[3]]))
    """
)


def _article(folder: Path, index: int) -> Path:
    path = folder / f"town{index}.txt"
    path.write_text(
        f"By Desk\nOfficials in town {index} said {index + 3} families were moved on Monday.\n"
        f"Residents of town {index} disputed the figures.\n",
        encoding="utf-8",
    )
    return path


def test_eight_processes_importing_into_a_new_project_all_succeed(tmp_path):
    project = tmp_path / "new.counterclaim"
    go = tmp_path / "go"
    folder = tmp_path / "in"
    folder.mkdir()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(go), str(project), str(_article(folder, i))],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for i in range(PROCESSES)
    ]
    time.sleep(3)  # let every child reach the start line
    go.touch()
    results = [(child.wait(300), *child.communicate()) for child in children]
    failures = [err for code, _out, err in results if code != 0]
    assert not failures, failures
    with sqlite3.connect(project) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == PROCESSES
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'created_at'").fetchone()[0] == 1
