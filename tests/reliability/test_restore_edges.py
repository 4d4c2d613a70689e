"""A restore writes over the project, so it is checked like every other write: through a
symbolic link it restores the file the link points to (the link stays a link); a project
that cannot be replaced (read-only, immutable) is refused before anything is written; a
restore that fails half-way leaves no copy or journal behind and the project as it was."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.errors import ProjectError
from app.store import backups
from app.store.database import Project


def _party(project, name):
    with project.transaction() as db:
        db["parties"].insert({"name": name, "color": "#000000"})


def _parties(path) -> list[str]:
    with Project(path, read_only=True) as project:
        return [r["name"] for r in project.db["parties"].rows]


@pytest.fixture
def linked(tmp_path):
    (tmp_path / "usb").mkdir()
    (tmp_path / "docs").mkdir()
    real = tmp_path / "usb" / "g.counterclaim"
    link = tmp_path / "docs" / "g.counterclaim"
    with Project(real, create=True) as project:
        _party(project, "Iran")
    link.symlink_to(real)
    with Project(link) as project:
        backup = backups.take_backup(project)
        _party(project, "Pakistan")
    return link, real, backup


def test_a_project_reached_by_a_link_is_restored_where_the_link_points(linked):
    link, real, backup = linked
    aside = backups.restore_backup(link, backup)
    assert link.is_symlink() and Path(os.readlink(link)) == real  # before: the link became a file
    assert _parties(real) == ["Iran"]  # before: the real file kept the state being undone
    assert aside.parent == real.parent and _parties(aside) == ["Iran", "Pakistan"]
    assert backups.interrupted_restore(link) is None


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def with_backup(project_path):
    with Project(project_path, create=True) as project:
        _party(project, "Iran")
        backup = backups.take_backup(project)
        _party(project, "Pakistan")
    return project_path, backup


def test_a_read_only_project_is_refused_before_anything_is_written(with_backup):
    path, backup = with_backup
    before = _files(path.parent)
    path.chmod(0o444)
    try:
        with pytest.raises(ProjectError, match="is read-only .* Nothing was changed"):
            backups.restore_backup(path, backup)
    finally:
        path.chmod(0o644)
    assert _files(path.parent) == before
    assert _parties(path) == ["Iran", "Pakistan"]


def test_an_immutable_project_is_refused_and_nothing_is_left_beside_it(with_backup):
    path, backup = with_backup
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("needs chattr and root")
    before = _files(path.parent)
    try:
        with pytest.raises(ProjectError, match="Nothing was changed"):
            backups.restore_backup(path, backup)
    finally:
        subprocess.run(["chattr", "-i", str(path)])
    assert _files(path.parent) == before  # before: a full .replaced-… copy and its -wal/-shm
    assert _parties(path) == ["Iran", "Pakistan"]


def test_a_restore_that_fails_at_the_rename_leaves_the_project_and_its_journal_in_place(with_backup, monkeypatch):
    path, backup = with_backup
    from app.store.locking import ProjectLock

    with ProjectLock(path):
        pass  # its lock file, which stays by design
    Path(f"{path}-wal").write_bytes(b"")  # a journal SQLite could not fold in: moved aside with the file
    monkeypatch.setattr(backups, "_settle", lambda project_path: None)
    before = _files(path.parent)
    monkeypatch.setattr(backups, "_keep_aside", _copying_keep_aside(backups._keep_aside))
    real_replace = os.replace

    def refuse(src, dst):
        if Path(dst) == path:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real_replace(src, dst)

    monkeypatch.setattr(backups.os, "replace", refuse)
    with pytest.raises(ProjectError, match="The project is unchanged"):
        backups.restore_backup(path, backup)
    assert _files(path.parent) == before  # before: the copy kept aside and the journal, moved
    assert _parties(path) == ["Iran", "Pakistan"]


def _copying_keep_aside(real):
    def keep(project_path, aside):  # as on a disk where a second name cannot be made
        link = os.link
        os.link = lambda *a: (_ for _ in ()).throw(OSError(errno.EPERM, "no links here"))
        try:
            return real(project_path, aside)
        finally:
            os.link = link
    return keep
