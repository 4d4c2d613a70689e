"""Every write the journalist aims at a path (Save a Copy As, an export) goes through one
check of the project's own files: the project under any name (a linked folder, ``sub/..``, a
hard link), its journal and locks, and its backups, including names Counterclaim has not
made yet (the backup folder a first open makes). A path that names no file is said plainly."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import CounterclaimError
from app.store import backups, sidefiles
from app.store.database import Project


def _party(project, name):
    with project.transaction() as db:
        db["parties"].insert({"name": name, "color": "#000000"})


@pytest.fixture
def open_project(project_path):
    with Project(project_path, create=True) as project:
        _party(project, "Iran")
    project = Project(project_path)
    yield project
    project.close()


def _other_names(path: Path, tmp_path: Path) -> dict[str, Path]:
    (path.parent / "sub").mkdir()
    link = tmp_path.parent / f"{tmp_path.name}-link"
    link.symlink_to(path.parent, target_is_directory=True)
    hard = path.parent / "hard.counterclaim"
    os.link(path, hard)
    return {"sub/..": path.parent / "sub" / ".." / path.name, "linked folder": link / path.name, "hard link": hard}


@pytest.mark.parametrize("how", ["sub/..", "linked folder", "hard link"])
def test_a_copy_is_never_saved_over_the_open_project(open_project, tmp_path, how):
    target = _other_names(open_project.path, tmp_path)[how]
    before = os.stat(open_project.path).st_ino
    with pytest.raises(CounterclaimError, match="this project itself"):
        open_project.save_copy(target)
    assert os.stat(open_project.path).st_ino == before  # no copy was renamed over it
    for n in range(300):  # the day's work goes on, into the file that is still the project
        _party(open_project, f"party {n}")
    open_project.close()
    with Project(open_project.path, read_only=True) as reopened:
        assert reopened.conn.execute("SELECT count(*) FROM parties").fetchone()[0] == 301
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("kind", ["-wal", "-shm", "lock", "backup folder", "migration backup", "a backup"])
def test_a_copy_is_never_saved_over_the_projects_own_files(open_project, kind):
    path = open_project.path
    taken = backups.take_backup(open_project)
    target = {
        "-wal": Path(f"{path}-wal"),
        "-shm": Path(f"{path}-shm"),
        "lock": sidefiles.lock_path(path),
        "backup folder": sidefiles.backup_dir(path),
        "migration backup": sidefiles.migration_backup(path, 3),
        "a backup": taken,
    }[kind]
    with pytest.raises(CounterclaimError, match="Could not save a copy as"):
        open_project.save_copy(target)
    assert backups.list_backups(path) == [taken] and backups.is_usable(taken)


def test_a_copy_elsewhere_is_saved(open_project, tmp_path):
    copy = open_project.save_copy(tmp_path / "copy.counterclaim")
    with Project(copy, read_only=True) as project:
        assert [r["name"] for r in project.db["parties"].rows] == ["Iran"]


# -- exports: names the project will use, and paths that name no file ----------------------


@pytest.fixture
def closed(project_path):
    with Project(project_path, create=True) as project:
        _party(project, "Iran")
    return project_path


@pytest.mark.parametrize("name", [
    ".investigation.counterclaim-backups",  # before: written, and every later backup failed silently
    "investigation.counterclaim.v3.bak",
    "investigation.counterclaim.v3.bak.partial",
    "investigation.replaced-20260101-120000.counterclaim",
    ".investigation.counterclaim-backups/sheet.csv",
])
def test_an_export_never_takes_a_name_the_project_will_need(closed, name, capsys):
    target = closed.parent / name
    assert main(["export", str(closed), "-f", "csv", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "would destroy it" in err and "Traceback" not in err
    assert not target.exists() or target.is_dir()
    with Project(closed) as project:
        assert backups.take_backup(project).parent == sidefiles.backup_dir(closed)


def test_a_backup_that_cannot_be_taken_says_why(closed):
    sidefiles.backup_dir(closed).write_text("someone's notes")  # a file where the folder goes
    with Project(closed) as project, pytest.raises(backups.BackupNotTaken, match="is a file, not a folder"):
        backups.take_backup(project)
    assert sidefiles.backup_dir(closed).read_text() == "someone's notes"


@pytest.mark.parametrize(("target", "words"), [
    ("", "no file name was given"),
    ("afile/x.csv", "“afile” on the way to it is a file, not a folder"),
])
def test_a_path_that_names_no_file_is_said_plainly(closed, target, words, capsys, monkeypatch):
    monkeypatch.chdir(closed.parent)
    Path("afile").write_text("notes")
    assert main(["export", str(closed), "-f", "csv", "-o", target]) == 1
    err = capsys.readouterr().err
    assert words in err and "Not a directory" not in err and "a folder has that name" not in err
    assert Path("afile").read_text() == "notes"


def test_backups_leave_no_journal_files_behind(closed):
    for _ in range(4):
        with Project(closed) as project:
            backups.take_backup(project)
        assert all(backups.is_usable(b) for b in backups.list_backups(closed))
    left = sorted(p.name for p in sidefiles.backup_dir(closed).iterdir())
    assert left and all(name.endswith(".counterclaim") for name in left), left
    assert all(sqlite3.connect(backups.backup_dir(closed) / n).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
               for n in left)
