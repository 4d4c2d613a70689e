"""What sits at a project's path is looked at before it is opened: a named pipe, a device,
an empty file, a path too long for SQLite, a disk with no room. Each gets one sentence (or,
for the full disk, a read-only open), and the project and its backups are never harmed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.errors import DamagedProject, ProjectError
from app.store import backups, statements
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]


def cli(*args, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)], cwd=REPO, capture_output=True, text=True, timeout=timeout,
    )


def _party(project, name):
    with project.transaction() as db:
        db["parties"].insert({"name": name, "color": "#000000"})


# -- anything that is not an ordinary file ------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("command", [("statements",), ("import", "SEED")])
def test_a_named_pipe_as_the_project_is_refused_at_once(tmp_path, command, seed_path):
    pipe = tmp_path / "pipe.counterclaim"
    os.mkfifo(pipe)
    args = [seed_path if a == "SEED" else a for a in command]
    done = cli(args[0], pipe, *args[1:], timeout=30)  # before: blocked forever in open()
    assert done.returncode == 1
    assert "named pipe" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_where_the_journal_goes_is_refused(tmp_path, project_path):
    with Project(project_path, create=True):
        pass
    os.mkfifo(f"{project_path}-wal")
    with pytest.raises(ProjectError, match="named pipe"):
        Project(project_path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_as_the_project_is_refused(tmp_path):
    device = tmp_path / "zero.counterclaim"
    device.symlink_to("/dev/zero")
    with pytest.raises(ProjectError, match="is a device, not a file"):
        Project(device)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_among_the_backups_does_not_hang_the_search_for_a_good_one(with_backups):
    path, _ = with_backups
    os.mkfifo(backups.backup_dir(path) / "zz-pipe.counterclaim")
    started = time.monotonic()
    newest = backups.newest_usable(path)
    assert time.monotonic() - started < 10
    assert newest is not None and newest.name != "zz-pipe.counterclaim"


# -- an empty file ------------------------------------------------------------------------


@pytest.fixture
def with_backups(project_path):
    """A project with three good backups, each holding the party Iran."""
    with Project(project_path, create=True) as project:
        _party(project, "Iran")
    for _ in range(3):
        with Project(project_path) as project:
            assert backups.take_backup(project) is not None
        time.sleep(0.01)
    return project_path, backups.list_backups(project_path)


def _parties(path):
    conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro&immutable=1", uri=True)  # writes nothing
    try:
        return [row[0] for row in conn.execute("SELECT name FROM parties")]
    finally:
        conn.close()


def test_an_emptied_project_is_damaged_and_its_backups_survive_every_open(with_backups):
    path, before = with_backups
    path.write_bytes(b"")  # a failed copy left nothing
    for _ in range(6):  # before: each open made it a new empty project and backed that up
        with pytest.raises(DamagedProject, match="empty"):
            Project(path)
        with pytest.raises(DamagedProject):
            backups.open_checked(path)
    assert path.stat().st_size == 0
    assert backups.list_backups(path) == before
    assert all(_parties(b) == ["Iran"] for b in before)
    assert backups.newest_usable(path) == before[0]


def test_the_command_line_calls_an_empty_project_damaged_and_names_its_backup(with_backups):
    path, before = with_backups
    path.write_bytes(b"")
    for command in (("statements", path), ("import", path, REPO / "README.md")):
        done = cli(*command)
        assert done.returncode == 1, done.stderr
        assert "empty" in done.stderr and before[0].name in done.stderr
    assert path.stat().st_size == 0 and backups.list_backups(path) == before


def test_an_empty_file_with_no_backups_named_for_an_import_becomes_a_project(tmp_path):
    path = tmp_path / "new.counterclaim"
    path.write_bytes(b"")  # made by `touch`, say: nothing in it to lose
    with Project(path, create=True) as project:
        assert statements.count(project) == 0
    with pytest.raises(DamagedProject):
        Project(tmp_path.joinpath("other.counterclaim").write_bytes(b"") or tmp_path / "other.counterclaim")


# -- a path too long for SQLite -----------------------------------------------------------


def _deep(tmp_path: Path, total: int) -> Path:
    folder = tmp_path
    while len(str(folder)) < total - 80:
        folder = folder / ("d" * 40)
    folder.mkdir(parents=True, exist_ok=True)
    name = "x" * (total - len(str(folder)) - 1 - len(".counterclaim")) + ".counterclaim"
    path = folder / name
    assert len(str(path)) == total
    return path


def test_a_path_too_long_for_sqlite_says_so(tmp_path):
    fits = _deep(tmp_path, 503)
    with Project(fits, create=True) as project:
        _party(project, "Iran")
    too_long = _deep(tmp_path, 530)
    with pytest.raises(ProjectError, match="path to .* is too long") as caught:
        Project(too_long, create=True)
    assert "writable" not in str(caught.value)
    assert not too_long.exists()


# -- a full disk --------------------------------------------------------------------------


def _fail_writable_open_once(monkeypatch):
    """The disk is full: the first open that would write (WAL, its index) fails as SQLite does."""
    real = Project._prepare

    def prepare(self):
        if not self.read_only:
            shm = Path(f"{self.path}-shm")
            if not shm.exists():
                shm.write_bytes(b"\0\0\0")  # the half-made index SQLite leaves
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        return real(self)

    monkeypatch.setattr(Project, "_prepare", prepare)


def test_a_full_disk_still_lets_the_project_be_read_and_leaves_nothing_beside_it(project_path, monkeypatch):
    with Project(project_path, create=True) as project:
        _party(project, "Iran")
    beside = sorted(os.listdir(project_path.parent))
    _fail_writable_open_once(monkeypatch)
    with Project(project_path) as project:  # before: "the disk … is full, could not use the project"
        assert project.read_only and "full" in project.read_only_reason
        assert [r["name"] for r in project.db["parties"].rows] == ["Iran"]
        with pytest.raises(ProjectError, match="full"):
            _party(project, "Pakistan")
    assert sorted(os.listdir(project_path.parent)) == beside
    assert _parties(project_path) == ["Iran"]


def test_a_full_disk_with_changes_waiting_in_the_log_is_still_refused(project_path, monkeypatch):
    with Project(project_path, create=True) as project:
        _party(project, "Iran")
    other = sqlite3.connect(project_path, isolation_level=None)  # a script, still open
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("INSERT INTO parties (name, color) VALUES ('Pakistan', '#000000')")
    try:
        assert Path(f"{project_path}-wal").stat().st_size > 0  # work not yet in the file itself
        _fail_writable_open_once(monkeypatch)
        with pytest.raises(ProjectError, match="full"):
            Project(project_path)
    finally:
        other.close()


def _mount_full_disk(where: Path) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    where.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True).returncode == 0


def test_on_a_really_full_disk_reads_and_exports_work(tmp_path):
    disk = tmp_path / "disk"
    if not _mount_full_disk(disk):
        pytest.skip("needs root to mount a small disk")
    try:
        path = disk / "p.counterclaim"
        with Project(path, create=True) as project:
            _party(project, "Iran")
        with open(disk / "filler", "wb") as filler, pytest.raises(OSError):
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        assert cli("parties", path).returncode == 0
        out = tmp_path / "out.csv"
        done = cli("export", path, "-f", "csv", "-o", out)
        assert done.returncode == 0, done.stderr
        assert out.exists()
        assert _parties(path) == ["Iran"]
    finally:
        subprocess.run(["umount", "-l", str(disk)])


def test_an_export_is_written_when_the_full_disk_refuses_the_journal(project_path, tmp_path, monkeypatch, capsys):
    from app.cli import main
    from app.store import database

    with Project(project_path, create=True) as project:
        _party(project, "Iran")
    real_connect = sqlite3.connect

    class NoRoomForTheIndex(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.upper().startswith("PRAGMA JOURNAL_MODE"):
                error = sqlite3.OperationalError("disk I/O error")
                error.sqlite_errorcode = sqlite3.SQLITE_IOERR_SHMSIZE
                raise error
            return super().execute(sql, *args)

    monkeypatch.setattr(database.sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=NoRoomForTheIndex, **k))
    out = tmp_path / "sheet.csv"
    assert main(["export", str(project_path), "-f", "csv", "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.exists()
    assert _parties(project_path) == ["Iran"]
