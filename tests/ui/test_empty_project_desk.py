"""A project emptied to 0 bytes (a failed copy, ``> file``) is damaged in the desk too: it
offers the newest good backup, never opens the file as a new empty project, and so never
pushes the good backups out with backups of nothing."""

from __future__ import annotations

import time

import pytest

from app.core.errors import DamagedProject
from app.store import backups
from app.ui import ask


@pytest.fixture
def three_backups(open_window, seeded_path):
    window = open_window(seeded_path)
    for _ in range(3):
        window.open_project(seeded_path)
        window.jobs.wait(10_000)
        time.sleep(0.01)
    window.close_project()
    assert len(backups.list_backups(seeded_path)) >= 3
    return window, backups.list_backups(seeded_path)


def _statements(db, path):
    return db(path, "SELECT count(*) FROM statements")[0][0]


def test_declining_the_backup_leaves_the_empty_file_and_every_backup(three_backups, seeded_path, monkeypatch, shown):
    window, before = three_backups
    seeded_path.write_bytes(b"")
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    for _ in range(5):  # before: each open made a new empty project and backed it up
        with pytest.raises(DamagedProject, match="empty"):
            window.open_project(seeded_path)
        window.jobs.wait(10_000)
    assert asked and "empty" in asked[0] and backups.when(before[0]) in asked[0]
    assert seeded_path.stat().st_size == 0
    assert backups.list_backups(seeded_path) == before


def test_accepting_restores_the_newest_good_backup(three_backups, seeded_path, monkeypatch, db, shown):
    window, before = three_backups
    seeded_path.write_bytes(b"")
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: True)
    window.open_project(seeded_path)
    window.jobs.wait(10_000)
    assert _statements(db, seeded_path) == 18
    kept = list(seeded_path.parent.glob("*.replaced-*.counterclaim"))
    assert len(kept) == 1 and kept[0].stat().st_size == 0, "the empty file is kept aside"
