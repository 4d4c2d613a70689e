"""Every released schema version opens in this Counterclaim with nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.store import links, schema, statements, topics
from app.store.database import Project

FIXTURES = sorted((Path(__file__).parent / "data").glob("schema-v*.counterclaim"))


def test_there_is_a_fixture_for_the_current_version():
    assert f"schema-v{schema.SCHEMA_VERSION}.counterclaim" in {p.name for p in FIXTURES}


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_released_project_opens_and_keeps_its_work(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with Project(path) as project:
        assert project.schema_version == schema.SCHEMA_VERSION
        rows = statements.detailed(project)
        assert len(rows) == 18
        assert all(r["status"] == "confirmed" for r in rows)
        assert [t.name for t in topics.all_topics(project)] == ["What was hit"]
        (link,) = links.all_links(project)
        assert link.note == "hideouts vs civilian areas"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_search_works_after_the_ladder_including_prefixes(fixture, tmp_path):
    from app.store import search

    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with Project(path) as project:
        assert [r["text"][:19] for r in search.statements(project, "hideout*")] == ["According to Pakist"]
        assert len(search.statements(project, '"terrorist hideouts"')) == 1
