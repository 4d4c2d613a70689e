"""Nothing in a project file is ever run: a file whose schema is not the one Counterclaim writes
is refused at open, before any of its triggers or views can run, and opening takes seconds at most.

The schema a file must carry is the one this version's migration ladder writes for the file's
version (tables, triggers, views and indexes, by name and by SQL); the released fixtures in
tests/store/data still open (tests/store/test_schema_fixtures.py).
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import ForeignProject, ProjectError
from app.ops.importing import import_files
from app.store import database
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "resources" / "sample" / "seed-article.txt"

ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"

# Each: the SQL a hand (or an attacker) adds to a real project, and a word the refusal names.
FOREIGN = {
    "a trigger that wipes the articles": (
        ["CREATE TRIGGER wipe AFTER UPDATE ON statements BEGIN DELETE FROM articles; END"],
        "wipe",
    ),
    "a view in place of a table, endless": (
        [
            "DROP TABLE statement_topics",
            "CREATE VIEW statement_topics AS WITH RECURSIVE r(statement_id, topic_id) AS "
            "(SELECT 1, 1 UNION ALL SELECT statement_id + 1, topic_id FROM r) SELECT * FROM r",
        ],
        "statement_topics",
    ),
    "a view of its own": ([f"CREATE VIEW busy AS {ENDLESS}"], "busy"),
    "a table of its own": (["CREATE TABLE notes (x)"], "notes"),
    "an altered index": (
        ["DROP INDEX statements_by_party", "CREATE INDEX statements_by_party ON statements(party_id, status)"],
        "statements_by_party",
    ),
    "an index of its own, on an expression": (
        ["CREATE INDEX slow ON statements(length(text))"],
        "slow",
    ),
    "its own trigger in place of ours": (
        [
            'DROP TRIGGER "statements_au"',
            'CREATE TRIGGER "statements_au" AFTER UPDATE ON statements BEGIN DELETE FROM links; END',
        ],
        "statements_au",
    ),
    "a safeguard removed": (["DROP TRIGGER articles_text_immutable"], "articles_text_immutable"),
}


def _hostile(path: Path, sql: list[str]) -> Path:
    with Project(path, create=True) as project:
        assert import_files(project, [SEED], outlet="World News").imported
    conn = sqlite3.connect(path, isolation_level=None)
    with contextlib.closing(conn):
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in sql:
            conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _bytes_of(path: Path) -> bytes:
    return path.read_bytes()


@pytest.fixture(params=list(FOREIGN), ids=list(FOREIGN))
def hostile(request, tmp_path):
    sql, named = FOREIGN[request.param]
    return _hostile(tmp_path / "sent.counterclaim", sql), named


def test_the_store_refuses_a_foreign_schema_and_changes_nothing(hostile):
    path, named = hostile
    before = _bytes_of(path)
    started = time.monotonic()
    for read_only in (False, True):
        with pytest.raises(ForeignProject) as refused:
            Project(path, read_only=read_only)
        assert named in str(refused.value) and "\n" not in str(refused.value)
    assert time.monotonic() - started < 10
    assert _bytes_of(path) == before


def test_tag_through_the_cli_refuses_and_the_articles_remain(tmp_path, capsys):
    path = _hostile(tmp_path / "sent.counterclaim", FOREIGN["a trigger that wipes the articles"][0])
    assert main(["tag", str(path), "1", "--narration"]) == 1
    err = capsys.readouterr().err
    assert "wipe" in err and "went wrong" not in err and len(err.strip().splitlines()) == 1
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with contextlib.closing(conn):
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert conn.execute("SELECT status FROM statements WHERE id = 1").fetchone()[0] != "confirmed"


@pytest.mark.parametrize("verb", [["statements"], ["search", "hideout"], ["export", "-f", "csv"]])
def test_an_endless_view_does_not_hang_the_cli(verb, tmp_path):
    path = _hostile(tmp_path / "sent.counterclaim", FOREIGN["a view in place of a table, endless"][0])
    args = [verb[0], str(path), *verb[1:]]
    if verb[0] == "export":
        args += ["-o", str(tmp_path / "out.csv")]
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 1, done.stderr
    assert "statement_topics" in done.stderr and "went wrong" not in done.stderr
    assert not (tmp_path / "out.csv").exists()


def test_every_query_made_while_opening_is_bounded_in_time(project_path, monkeypatch):
    """Should any query on open ever run something slow, it is stopped within the bound."""
    with Project(project_path, create=True):
        pass
    monkeypatch.setattr(database, "OPEN_SECONDS", 0.5)
    checked = Project._checked_version

    def slow_check(self):
        self.conn.execute(f"{ENDLESS} LIMIT -1").fetchall()  # stands for a hostile query
        return checked(self)

    monkeypatch.setattr(Project, "_checked_version", slow_check)
    started = time.monotonic()
    with pytest.raises(ProjectError, match="too long"):
        Project(project_path)
    assert time.monotonic() - started < 5


def test_the_bound_is_lifted_once_the_project_is_open(project_path, monkeypatch):
    monkeypatch.setattr(database, "OPEN_SECONDS", 0.05)
    with Project(project_path, create=True) as project:
        time.sleep(0.1)
        # a long but finite query the journalist asked for is not cut short after open
        assert project.conn.execute(f"{ENDLESS} LIMIT 300000").fetchall()[-1] == (300000,)


def test_a_project_this_version_wrote_opens_with_its_statistics(project_path):
    """PRAGMA optimize (run on close) may add SQLite's own statistics table: still ours."""
    with Project(project_path, create=True) as project:
        import_files(project, [SEED], outlet="World News")
        project.conn.execute("ANALYZE")
    with Project(project_path) as project:
        assert project.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


@pytest.mark.parametrize(
    "sql",
    [
        f"CREATE VIEW articles AS {ENDLESS}",
        "CREATE TABLE t (x); CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN DELETE FROM t; END",
    ],
    ids=["a view", "a table with a trigger"],
)
def test_a_file_without_a_version_is_never_built_on(sql, tmp_path, capsys):
    """A SQLite file with no Counterclaim version is only ever made a project when it is empty."""
    path = tmp_path / "new.counterclaim"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.executescript(sql)
    before = _bytes_of(path)
    article = tmp_path / "a.txt"
    article.write_text("Officials said the bridge reopened. Residents disputed it.\n", encoding="utf-8")
    assert main(["import", str(path), str(article)]) == 1
    err = capsys.readouterr().err
    assert "not a Counterclaim project" in err or "did not write" in err
    assert _bytes_of(path) == before
