"""An export never lands on the project: not on the file, its journal, lock or backups, nor a link to them.

Every format, every way of naming the project's own files (the path itself, a hard link,
a symbolic link, a new file inside the backup folder), through ops, the command line and
standard output redirected onto the project. The project's bytes are compared before and after.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_cases import build

from app.cli import main
from app.core.errors import CounterclaimError
from app.io.exporters import FORMATS
from app.ops.exporting import export
from app.store import backups
from app.store.database import Project
from app.store.locking import ProjectLock

REPO = Path(__file__).resolve().parents[2]


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file beside the project (side files and backups too), by content."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def guarded(project):
    build(project)
    assert backups.take_backup(project) is not None
    lock = ProjectLock(project.path)
    assert lock.acquire()
    project.execute("SELECT count(*) FROM statements").fetchone()  # the -wal and -shm exist while open
    yield project
    lock.release()


def _target(project, kind: str) -> Path:
    path = project.path
    if kind == "project":
        return path
    if kind in ("-wal", "-shm"):
        return Path(str(path) + kind)
    if kind == "lock":
        return ProjectLock(path).path
    if kind == "backup":
        return backups.list_backups(path)[0]
    if kind == "new file in the backup folder":
        return backups.backup_dir(path) / "sheet.csv"
    if kind == "hard link":
        link = path.with_name("alias.csv")
        os.link(path, link)
        return link
    if kind == "symlink":
        link = path.with_name("pointer.csv")
        link.symlink_to(path)
        return link
    if kind == "symlink to the backup":
        link = path.with_name("old.csv")
        link.symlink_to(backups.list_backups(path)[0])
        return link
    if kind == "relative path with ..":
        return path.parent / "sub" / ".." / path.name
    raise AssertionError(kind)


KINDS = ("project", "-wal", "-shm", "lock", "backup", "new file in the backup folder", "hard link", "symlink",
         "symlink to the backup", "relative path with ..")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_format_writes_over_the_projects_own_files(guarded, fmt, kind):
    (guarded.path.parent / "sub").mkdir(exist_ok=True)
    target = _target(guarded, kind)
    before = _fingerprint(guarded.path.parent)
    with pytest.raises(CounterclaimError, match="project") as caught:
        export(guarded, fmt, target)
    message = str(caught.value)
    assert "Choose another file" in message and "\n" not in message
    assert _fingerprint(guarded.path.parent) == before
    assert guarded.execute("SELECT count(*) FROM statements").fetchone()[0] == 2


def test_the_command_line_refuses_the_project_as_output(project_path, capsys):
    with Project(project_path, create=True) as project:
        build(project)
    before = _fingerprint(project_path.parent)
    for fmt in sorted(FORMATS):
        code = main(["export", str(project_path), "-f", fmt, "-o", str(project_path)])
        out, err = capsys.readouterr()
        assert code == 1, (fmt, out, err)
        assert err.startswith("counterclaim: ") and "the project itself" in err and "Traceback" not in err
        assert _fingerprint(project_path.parent) == before, fmt
    with Project(project_path) as project:
        assert project.execute("SELECT count(*) FROM statements").fetchone()[0] == 2


def test_standard_output_appended_onto_the_project_is_refused(project_path):
    with Project(project_path, create=True) as project:
        build(project)
    before = project_path.read_bytes()
    with open(project_path, "ab") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "app", "export", str(project_path), "-f", "csv", "-o", "-"],
            stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=60, cwd=REPO,
        )
    assert result.returncode == 1, result.stderr
    assert "the project itself" in result.stderr and "Traceback" not in result.stderr
    assert project_path.read_bytes() == before
