"""A project the journalist cannot (or must not) change opens read-only, and says so at open.

"Read-only" is decided honestly for every user, root included (root's writes ignore chmod):
the file, or its folder, carries no write permission for anyone (chmod a-w: marked read-only),
or the system refuses this user write access (os.access: ownership, an immutable file, a
read-only disk). Either way the file is opened read-only and nothing is written to it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat

import pytest

from app.cli import main
from app.core.errors import ProjectError
from app.ops import tagging
from app.ops.importing import import_files
from app.store.database import Project



def _seeded(path):
    article = path.parent / "article.txt"
    article.write_text(
        "By Desk\nOfficials said 40 families were moved on Monday.\nResidents disputed the figures.\n",
        encoding="utf-8",
    )
    with Project(path, create=True) as project:
        assert import_files(project, [article], outlet="World News").imported
    return path


def _state(folder):
    """Every file in the folder, with its bytes: what 'nothing was written' means."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@contextlib.contextmanager
def _without_write_bits(path):
    mode = path.stat().st_mode
    path.chmod(stat.S_IMODE(mode) & ~0o222)
    try:
        yield
    finally:
        path.chmod(stat.S_IMODE(mode))


@pytest.fixture
def seeded(project_path):
    return _seeded(project_path)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_project_opens_read_only_and_says_why(what, seeded):
    marked = seeded if what == "file" else seeded.parent
    before = _state(seeded.parent)
    with _without_write_bits(marked):
        with Project(seeded) as project:
            assert project.read_only
            assert "read-only" in project.read_only_reason and what in project.read_only_reason
            assert project.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
            ids = [r[0] for r in project.execute("SELECT id FROM statements")]
            with pytest.raises(ProjectError, match="read-only"):
                tagging.tag(project, ids[:1], None)
        with Project(seeded, create=True) as again:  # import's "open or create" too
            assert again.read_only
    assert _state(seeded.parent) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_background_reads_of_a_read_only_project_leave_nothing_behind(what, seeded):
    """The desk's export and search jobs open the project read-only on purpose: in a read-only
    folder they read the file alone (no WAL index to create), and write nothing beside it."""
    marked = seeded if what == "file" else seeded.parent
    before = _state(seeded.parent)
    with _without_write_bits(marked), Project(seeded, read_only=True) as project:
        assert project.execute("SELECT count(*) FROM statements").fetchone()[0] > 0
    assert _state(seeded.parent) == before


def test_a_file_this_user_may_not_write_opens_read_only(seeded, monkeypatch):
    """os.access says no (another owner, chattr +i, a read-only disk): read-only, for root too."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if mode & os.W_OK else real(p, mode, **k))
    with Project(seeded) as project:
        assert project.read_only and "read-only" in project.read_only_reason


def test_a_writable_project_is_not_read_only(seeded):
    with Project(seeded) as project:
        assert not project.read_only and project.read_only_reason is None


@pytest.mark.parametrize(
    "verb",
    [
        ["tag", "{p}", "1", "--narration"],
        ["topic", "{p}", "Casualties", "1"],
        ["import", "{p}", "{a}", "{b}"],  # two files, one sentence
        ["suggest", "{p}"],
        ["link", "{p}", "1", "2", "--relation", "contradicts"],
    ],
    ids=lambda v: v[0],
)
def test_the_clis_write_verbs_say_the_project_is_read_only(verb, seeded, capsys):
    extra = seeded.parent / "more.txt"
    extra.write_text("Officials said the bridge reopened. Residents disputed it.\n", encoding="utf-8")
    other = seeded.parent / "other.txt"
    other.write_text("Officials said the port reopened. Traders disputed it.\n", encoding="utf-8")
    before = _state(seeded.parent)
    with _without_write_bits(seeded):
        code = main([part.format(p=seeded, a=extra, b=other) for part in verb])
    err = capsys.readouterr().err
    assert code == 1
    assert "is read-only" in err and "file is marked read-only" in err and len(err.strip().splitlines()) == 1
    assert _state(seeded.parent) == before


def test_the_clis_reading_verbs_still_work_on_a_read_only_project(seeded, capsys):
    with _without_write_bits(seeded):
        assert main(["statements", str(seeded)]) == 0
    assert "Officials said" in capsys.readouterr().out


def test_a_read_only_file_someone_has_open_is_read_the_ordinary_way(seeded):
    """Only a file nobody has open is read as a fixed file: one in use (another account's desk,
    say) is read through its WAL, so its latest saved changes show."""
    writer = sqlite3.connect(seeded, isolation_level=None)
    try:
        writer.execute("UPDATE meta SET value = 'first' WHERE key = 'written_by'")
        with _without_write_bits(seeded), Project(seeded) as project:
            assert project.read_only
            assert project.get_meta("written_by") == "first"
            writer.execute("UPDATE meta SET value = 'second' WHERE key = 'written_by'")
            assert project.get_meta("written_by") == "second"
    finally:
        writer.close()
