"""Every file Counterclaim leaves beside a project is named by `sidefiles.own_files`, so an
export (or anything else that must never overwrite the project's own files) knows them all,
for short names and for long ones shortened with a hash."""

from __future__ import annotations

import pytest

from app.store import backups, sidefiles
from app.store.database import Project
from app.store.locking import ProjectLock


@pytest.mark.parametrize("stem", ["gaza", "ع" * 116])
def test_own_files_names_every_file_a_session_leaves(tmp_path, stem):
    path = tmp_path / f"{stem}.counterclaim"
    (tmp_path / "notes.txt").write_text("the journalist's own file")
    with Project(path, create=True) as project:
        backup = backups.take_backup(project)
        lock = ProjectLock(path)
        assert lock.acquire()
        left = {p for p in tmp_path.rglob("*") if p.is_file()}
        lock.release()
    backups.restore_backup(path, backup)
    left |= {p for p in tmp_path.rglob("*") if p.is_file()}

    own = sidefiles.own_files(path)
    assert left - set(own) == {tmp_path / "notes.txt"}
    assert any(what == "an earlier version of the project kept aside" for what in own.values())
