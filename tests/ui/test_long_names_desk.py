"""A long project name (Arabic letters take two bytes each) keeps its backup and its lock in
the desk: a second window on it opens read-only."""

from __future__ import annotations

import pytest

from app.store import backups
from app.store.database import Project


@pytest.mark.parametrize("name", ["ع" * 117 + ".counterclaim", "a" * 234 + ".counterclaim"])  # 247 bytes
def test_a_long_name_keeps_its_backup_and_its_lock(open_window, tmp_path, name, shown):
    path = tmp_path / name
    Project(path, create=True).close()
    first = open_window(path)
    first.jobs.wait(10_000)
    assert len(backups.list_backups(path)) == 1
    second = open_window(path)
    assert first.project_lock is not None and not first.context.project.read_only
    assert second.project_lock is None and second.context.project.read_only
