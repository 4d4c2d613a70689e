"""Rolling backups, restore, and the lock that tells a second window to stay read-only."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from app.core.errors import ProjectError
from app.store import backups
from app.store.database import Project
from app.store.locking import ProjectLock


def _add_party(project, name):
    with project.transaction() as db:
        db["parties"].insert({"name": name, "color": "#000000"})


def test_backups_are_taken_and_pruned(project):
    for index in range(backups.KEEP + 3):
        _add_party(project, f"Party {index}")
        assert backups.take_backup(project) is not None
    kept = backups.list_backups(project.path)
    assert len(kept) == backups.KEEP
    with Project(kept[0]) as newest:
        assert newest.db["parties"].count == backups.KEEP + 3


def test_restore_replaces_the_project_and_keeps_the_old_file(project_path):
    with Project(project_path, create=True) as project:
        _add_party(project, "Iran")
        backup = backups.take_backup(project)
        _add_party(project, "Pakistan")
    aside = backups.restore_backup(project_path, backup)
    with Project(project_path) as restored:
        assert [r["name"] for r in restored.db["parties"].rows] == ["Iran"]
    with Project(aside) as previous:
        assert previous.db["parties"].count == 2


def test_a_damaged_backup_is_refused(project_path, tmp_path):
    Project(project_path, create=True).close()
    bad = tmp_path / "bad.counterclaim"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="damaged"):
        backups.restore_backup(project_path, bad)
    assert project_path.read_bytes() == before


def test_second_holder_is_told_the_project_is_open(project_path):
    Project(project_path, create=True).close()
    first, second = ProjectLock(project_path), ProjectLock(project_path)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def _hold_lock(path, ready, done):
    lock = ProjectLock(path)
    lock.acquire()
    ready.set()
    done.wait(10)


def test_lock_is_seen_across_processes_and_dies_with_its_process(project_path):
    Project(project_path, create=True).close()
    ctx = multiprocessing.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(project_path), ready, done))
    holder.start()
    assert ready.wait(30)
    assert not ProjectLock(project_path).acquire()
    holder.kill()
    holder.join(10)
    lock = ProjectLock(project_path)
    assert lock.acquire(), "a killed process must not leave the project locked"
    lock.release()


def test_backup_of_a_busy_project_is_consistent(project):
    _add_party(project, "Iran")
    target = backups.take_backup(project)
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
