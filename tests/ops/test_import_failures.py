"""When the project itself cannot take the import (busy, full), every file is reported, none silently."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.errors import CounterclaimError
from app.ops.importing import import_files
from app.store import links
from app.store.database import BUSY_TIMEOUT_MS


def _files(tmp_path, count):
    paths = []
    for index in range(count):
        path = tmp_path / f"a{index}.txt"
        path.write_text(f"Officials in town {index} said the bridge reopened. Residents disputed it.\n")
        paths.append(path)
    return paths


def test_a_busy_project_refuses_every_file_with_the_reason(project, project_path, tmp_path, monkeypatch):
    monkeypatch.setattr("app.store.database.BUSY_TIMEOUT_MS", 50)
    project.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(project_path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        report = import_files(project, _files(tmp_path, 3))
    finally:
        other.rollback()
        other.close()
    assert len(report.refused) == 3 and not report.imported
    assert all("busy" in o.error for o in report.refused)
    assert BUSY_TIMEOUT_MS > 50


def test_a_full_disk_is_a_sentence_not_a_traceback(project, tmp_path):
    import_files(project, _files(tmp_path, 1))
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up
    big = tmp_path / "big.txt"
    big.write_text(" ".join(f"Officials said figure {n} was wrong." for n in range(3000)))
    report = import_files(project, [big])
    (outcome,) = report.outcomes
    assert outcome.error and "full" in outcome.error
    assert project.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_relinking_two_statements_the_same_way_is_a_sentence(project, tmp_path):
    import_files(project, _files(tmp_path, 1))
    first, second = [r[0] for r in project.conn.execute("SELECT id FROM statements ORDER BY id")][:2]
    with project.transaction():
        links.add(project, first, second, "contradicts")
        other = links.add(project, first, second, "supports")
    with pytest.raises(CounterclaimError, match="already linked"), project.transaction():
        links.update(project, other, relation="contradicts")
