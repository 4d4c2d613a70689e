"""The desk and a damaged page inside a project: it says "damaged" (never a traceback),
offers the newest good backup, and never takes a backup of the damaged file."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.errors import DamagedProject
from app.store import backups, damage
from app.ui import ask, errors
from tests.damaging import damage_table


def _count(db, path):
    return db(path, "SELECT count(*) FROM statements")[0][0]


@pytest.fixture
def with_backup(open_window, seeded_path):
    window = open_window(seeded_path)
    window.jobs.wait(10_000)
    (good,) = backups.list_backups(seeded_path)
    window.close_project()
    return window, good


def test_a_damaged_page_found_on_opening_offers_the_backup(with_backup, seeded_path, monkeypatch, db, shown):
    window, good = with_backup
    damage_table(seeded_path)
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    window.open_project(seeded_path)
    window.jobs.wait(10_000)
    assert asked and "damaged" in asked[0] and good.name in asked[0]
    assert _count(db, seeded_path) == 18
    assert damage.problem(seeded_path) is None
    kept = list(seeded_path.parent.glob("*.replaced-*.counterclaim"))
    assert len(kept) == 1 and damage.problem(kept[0]) is not None, "the damaged file is kept aside"
    assert all(backups.is_usable(b) for b in backups.list_backups(seeded_path))


def test_declining_leaves_the_damaged_file_and_the_backups_alone(with_backup, seeded_path, monkeypatch, shown):
    window, good = with_backup
    damage_table(seeded_path)
    before = seeded_path.read_bytes()
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: False)
    for _ in range(backups.KEEP + 1):
        with pytest.raises(DamagedProject, match="damaged"):
            window.open_project(seeded_path)
    window.jobs.wait(10_000)
    assert seeded_path.read_bytes() == before
    assert backups.list_backups(seeded_path) == [good]


def test_damage_too_big_to_check_on_opening_is_found_by_the_backup(with_backup, seeded_path, monkeypatch, db, shown, qtbot):
    window, good = with_backup
    damage_table(seeded_path)
    monkeypatch.setattr(damage, "QUICK_CHECK_MAX", 0)
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    window.run_guarded(lambda: window.open_project(seeded_path))  # as File › Open does
    assert all("damaged" in sentence for sentence in shown.of("error"))  # a read may meet the page first
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "damaged" in asked[0] and good.name in asked[0]
    window.jobs.wait(10_000)
    assert backups.list_backups(seeded_path)[-1] == good
    assert all(backups.is_usable(b) for b in backups.list_backups(seeded_path))
    assert _count(db, seeded_path) == 18
    assert window.context is not None and window.project_lock is not None


def test_a_damaged_page_met_by_any_read_is_a_sentence_not_a_bug(window, seeded_path, shown):
    window.jobs.wait(10_000)
    error = sqlite3.DatabaseError("database disk image is malformed")
    errors.report(error, window.statements)
    (sentence,) = shown.of("error")
    assert "damaged" in sentence and backups.list_backups(seeded_path)[0].name in sentence
    assert "Restore from Backup" in sentence
