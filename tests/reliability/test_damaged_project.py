"""A damaged page inside a project: every command says "damaged" and names the newest good
backup, and a damaged file is never copied as a backup, so good backups are never rotated out."""

from __future__ import annotations

import sqlite3

import pytest

from app.cli import main
from app.core.errors import DamagedProject
from app.store import backups, damage
from app.store.database import Project
from tests.damaging import damage_table, seed_statements


@pytest.fixture
def damaged(project_path):
    """A project with two good backups, then a damaged statements page."""
    with Project(project_path, create=True) as project:
        seed_statements(project)
        good = [backups.take_backup(project), backups.take_backup(project)]
    damage_table(project_path)
    return project_path, good


def test_a_damaged_project_is_never_backed_up_and_good_backups_survive(damaged):
    path, good = damaged
    for _ in range(backups.KEEP + 2):  # each open used to push out one good backup
        with Project(path) as project, pytest.raises(DamagedProject, match="damaged") as refused:
            backups.take_backup(project)
    assert backups.list_backups(path) == good[::-1]
    assert all(backups.is_usable(b) for b in good)
    assert good[1].name in str(refused.value), "the sentence names the newest good backup"


def test_a_backup_that_fails_integrity_check_does_not_count(damaged, tmp_path):
    path, good = damaged
    rotten = backups.backup_dir(path) / "investigation-29991231-235959-999999.counterclaim"
    rotten.write_bytes(path.read_bytes())  # newest by name, but damaged
    assert not backups.is_usable(rotten)
    assert backups.newest_usable(path) == good[1]


def test_damage_is_recognised_however_it_is_raised(damaged):
    path, _good = damaged
    with Project(path) as project, pytest.raises(sqlite3.DatabaseError) as raised:
        project.conn.execute("SELECT * FROM statements").fetchall()
    assert damage.is_damage(raised.value)
    wrapped = RuntimeError("while listing")
    wrapped.__cause__ = raised.value
    assert damage.is_damage(wrapped)
    assert not damage.is_damage(sqlite3.OperationalError("database is locked"))


@pytest.mark.parametrize(
    "command",
    [
        ["statements", "{p}"],
        ["statements", "{p}", "--json"],
        ["search", "{p}", "bridge"],
        ["export", "{p}", "-f", "csv", "-o", "{out}"],
        ["tag", "{p}", "399", "--narration"],
        ["suggest", "{p}"],
    ],
)
def test_every_command_says_damaged_and_names_the_backup(damaged, capsys, tmp_path, command):
    path, good = damaged
    before = path.read_bytes()
    args = [a.format(p=path, out=tmp_path / "out.csv") for a in command]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert "damaged" in err and good[1].name in err, err
    assert "something went wrong" not in err
    assert path.read_bytes() == before
    assert backups.list_backups(path) == good[::-1]
