"""The project file: tables, rules, versions and the migration ladder."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.errors import ProjectError
from app.store import schema
from app.store.database import Project

TABLES = {"articles", "statements", "parties", "topics", "statement_topics", "links", "statements_fts", "articles_fts"}


def test_new_project_has_the_documented_tables(project):
    names = set(project.db.table_names())
    assert names >= TABLES
    columns = {c.name for c in project.db["statements"].columns}
    assert {"id", "article_id", "start", "end", "text", "paragraph", "kind", "speaker", "cue",
            "party_id", "status", "confidence", "note"} <= columns


def test_file_settings(project, project_path):
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


def _article(project, text="Hello world.", sha="x"):
    with project.transaction() as db:
        table = db["articles"]
        table.insert({"title": "t", "format": "txt", "text": text, "sha256": sha, "imported_at": "now"})
        return table.last_pk


def test_article_text_cannot_change(project):
    aid = _article(project)
    with pytest.raises(ProjectError, match="cannot change"), project.transaction():
        project.conn.execute("UPDATE articles SET text = 'other' WHERE id = ?", (aid,))
    assert project.db["articles"].get(aid)["text"] == "Hello world."


def test_foreign_keys_are_enforced_and_cascade(project):
    aid = _article(project)
    with pytest.raises(ProjectError, match="FOREIGN KEY"), project.transaction():
        project.conn.execute(
            'INSERT INTO statements (article_id, start, "end", text, paragraph) VALUES (999, 0, 5, "Hello", 1)'
        )
    with project.transaction():
        project.conn.execute(
            'INSERT INTO statements (article_id, start, "end", text, paragraph) VALUES (?, 0, 12, "Hello world.", 1)',
            (aid,),
        )
        project.conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    assert project.db["statements"].count == 0


def test_statement_fts_follows_edits(project):
    aid = _article(project, "Iran condemned the strikes.")
    with project.transaction():
        project.conn.execute(
            'INSERT INTO statements (article_id, start, "end", text, paragraph) VALUES (?, 0, 27, "Iran condemned the strikes.", 1)',
            (aid,),
        )
    hits = project.conn.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'condemned'").fetchall()
    assert len(hits) == 1
    with project.transaction():
        project.conn.execute("DELETE FROM statements")
    assert project.conn.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'condemned'").fetchone()[0] == 0


def test_a_failed_transaction_leaves_nothing(project):
    with pytest.raises(RuntimeError), project.transaction() as db:
        db["parties"].insert({"name": "Iran", "color": "#000000"})
        raise RuntimeError("boom")
    assert project.db["parties"].count == 0


def test_newer_file_is_refused_and_untouched(project_path):
    Project(project_path, create=True).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="newer version of Counterclaim"):
        Project(project_path)
    assert project_path.read_bytes() == before


def test_plain_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.counterclaim"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not a Counterclaim project"):
        Project(path)


@pytest.mark.parametrize("content", [b"PK\x03\x04 this is a zip", b"hello, I am text" * 20])
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "broken.counterclaim"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not a Counterclaim project"):
        Project(path)
    assert path.read_bytes() == content


def test_missing_project_without_create(tmp_path):
    with pytest.raises(ProjectError, match="no project"):
        Project(tmp_path / "nope.counterclaim")


def test_folder_is_refused(tmp_path):
    with pytest.raises(ProjectError, match="folder"):
        Project(tmp_path, create=True)


def test_migration_ladder_backs_up_then_upgrades(project_path, monkeypatch):
    with Project(project_path, create=True) as project, project.transaction() as db:
        db["parties"].insert({"name": "Iran", "color": "#123456"})

    current = schema.SCHEMA_VERSION

    def to_next(db):
        db["parties"].add_column("emblem", str)

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, to_next])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    with Project(project_path) as project:
        assert project.schema_version == current + 1
        assert "emblem" in {c.name for c in project.db["parties"].columns}
        assert project.db["parties"].count == 1
    backup = project_path.with_name(f"{project_path.name}.v{current}.bak")
    assert backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == current


def test_a_failing_migration_changes_nothing(project_path, monkeypatch):
    Project(project_path, create=True).close()

    def broken(db):
        db["parties"].add_column("emblem", str)
        raise RuntimeError("half-way")

    current = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    with pytest.raises(RuntimeError):
        Project(project_path)
    monkeypatch.undo()
    with Project(project_path) as project:
        assert project.schema_version == current
        assert "emblem" not in {c.name for c in project.db["parties"].columns}


def test_read_only_refuses_writes(project_path):
    Project(project_path, create=True).close()
    with (
        Project(project_path, read_only=True) as project,
        pytest.raises(ProjectError, match="read-only"),
        project.transaction(),
    ):
        pass


def test_backup_copy_is_a_whole_project(project, tmp_path):
    _article(project)
    copy = project.backup_copy(tmp_path / "copy.counterclaim")
    with Project(copy) as other:
        assert other.db["articles"].count == 1
    assert not (tmp_path / "copy.counterclaim.partial").exists()
