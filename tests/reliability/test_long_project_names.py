"""Any name a project can have (up to the limit SQLite's own side files leave: 247 bytes)
keeps its backups, its lock and its restore working; longer names are refused with a
sentence. Arabic letters take two bytes each, so 105 of them already make 217 bytes."""

from __future__ import annotations

import pytest

from app.core.errors import ProjectError
from app.core.filenames import NAME_MAX, byte_length, fit_name
from app.store import backups
from app.store.database import Project
from app.store.locking import ProjectLock
from app.store.sidefiles import PROJECT_NAME_MAX

SUFFIX = ".counterclaim"


def _name(total: int, letter: str) -> str:
    """A project file name of exactly `total` bytes made of `letter` (padded with ASCII)."""
    room = total - len(SUFFIX)
    stem = letter * (room // byte_length(letter))
    stem += "x" * (room - byte_length(stem))
    name = stem + SUFFIX
    assert byte_length(name) == total
    return name


VALID = [(size, letter) for size in (200, 216, 217, 230, 239, 240, 246, 247) for letter in ("ع", "a")]
TOO_LONG = [(size, letter) for size in (248, 250, 255) for letter in ("ع", "a")]


def _files(folder):
    return [p for p in folder.rglob("*")]


@pytest.mark.parametrize(("size", "letter"), VALID)
def test_backups_and_the_lock_work_for_every_valid_name(tmp_path, size, letter):
    path = tmp_path / _name(size, letter)
    with Project(path, create=True) as project:
        with project.transaction() as db:
            db["parties"].insert({"name": "Iran", "color": "#000000"})
        first = backups.take_backup(project)
        second = backups.take_backup(project)
    assert first is not None and second is not None, "a backup must be taken"
    assert backups.list_backups(path) == [second, first]
    with Project(first, read_only=True) as copy:
        assert copy.db["parties"].count == 1

    holder, other = ProjectLock(path), ProjectLock(path)
    assert holder.acquire()
    assert not other.acquire(), "a second opener must be told the project is open"
    holder.release()

    aside = backups.restore_backup(path, first)
    with Project(path) as restored, Project(aside) as replaced:
        assert restored.db["parties"].count == replaced.db["parties"].count == 1
    assert all(byte_length(p.name) <= NAME_MAX for p in _files(tmp_path))


def test_two_long_names_alike_but_for_their_end_get_their_own_backups(tmp_path):
    one, two = tmp_path / _name(247, "ع"), tmp_path / _name(247, "ع").replace("ع.", "x.")
    for path in (one, two):
        with Project(path, create=True) as project:
            backups.take_backup(project)
    assert backups.backup_dir(one) != backups.backup_dir(two)
    assert len(backups.list_backups(one)) == len(backups.list_backups(two)) == 1
    assert ProjectLock(one).path != ProjectLock(two).path


@pytest.mark.parametrize(("size", "letter"), TOO_LONG)
def test_a_name_too_long_for_a_project_is_refused_with_a_sentence(tmp_path, size, letter):
    path = tmp_path / _name(size, letter)
    with pytest.raises(ProjectError, match=f"too long.*at most {PROJECT_NAME_MAX} bytes"):
        Project(path, create=True)
    assert not path.exists()


def test_fit_name_cuts_on_a_character_boundary_and_keeps_short_names():
    assert fit_name("short", ".", ".lock") == ".short.lock"
    long = "ع" * 200
    fitted = fit_name(long, ".", ".lock")
    assert byte_length(fitted) <= NAME_MAX and fitted.endswith(".lock")
    assert fitted == fit_name(long, ".", ".lock")
    assert fitted != fit_name(long + "ب", ".", ".lock")
    fitted.encode("utf-8")  # no half letter
