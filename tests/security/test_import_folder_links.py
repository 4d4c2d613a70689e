"""Importing a folder reads what is in the folder, nothing else: links that lead out of it,
pipes (FIFOs), sockets and devices are skipped unread and listed, one line each with the
reason; a pipe never hangs the import; links inside the folder are fine, loops are not."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.ops.importing import import_files
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "Officials in {town} said the bridge reopened on Monday. Residents disputed that claim.\n"


def _article(path: Path, town: str) -> Path:
    path.write_text(ARTICLE.format(town=town), encoding="utf-8")
    return path


@pytest.fixture
def hostile_folder(tmp_path):
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    _article(secret / "private.txt", "Secretville")
    (secret / "more").mkdir()
    _article(secret / "more" / "diary.txt", "Diaryton")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    _article(folder / "one.txt", "Oneham")
    _article(folder / "sub" / "two.txt", "Twoford")
    os.symlink(secret / "private.txt", folder / "leak.txt")  # a file outside
    os.symlink(secret / "more", folder / "leakdir")  # a folder outside
    os.symlink("../../elsewhere/private.txt", folder / "sub" / "relative-leak.txt")
    os.symlink(folder / "one.txt", folder / "sub" / "same-as-one.txt")  # inside: fine
    os.symlink(folder, folder / "sub" / "loop")  # back up: no loop
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.md"))
    yield folder
    sock.close()


def _texts(project_path: Path) -> list[str]:
    with Project(project_path) as project:
        return [r[0] for r in project.conn.execute("SELECT text FROM articles")]


def test_only_the_folders_own_files_are_imported_and_the_rest_listed(hostile_folder, project, project_path):
    report = import_files(project, [hostile_folder])
    texts = " ".join(_texts(project_path))
    assert "Oneham" in texts and "Twoford" in texts
    assert "Secretville" not in texts and "Diaryton" not in texts
    assert len(report.imported) == 2 and not report.refused
    skipped = {Path(o.source).name: o.skipped for o in report.skipped}
    assert set(skipped) == {"leak.txt", "leakdir", "relative-leak.txt", "dangling.txt", "pipe.txt", "socket.md"}
    assert "outside the folder" in skipped["leak.txt"] and "outside the folder" in skipped["leakdir"]
    assert "outside the folder" in skipped["relative-leak.txt"]
    assert "pipe" in skipped["pipe.txt"] and "socket" in skipped["socket.md"]
    assert "no longer exists" in skipped["dangling.txt"]
    for name, why in skipped.items():
        assert f"“{name}”" in why and "\n" not in why


def test_a_device_in_the_folder_is_skipped(tmp_path, project, project_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder / "one.txt", "Oneham")
    os.symlink("/dev/zero", folder / "zero.txt")  # outside, and endless
    if os.path.exists("/dev/null"):
        with contextlib.suppress(PermissionError, OSError):
            os.mknod(folder / "null.txt", 0o600 | 0o020000, os.makedev(1, 3))
    report = import_files(project, [folder])
    assert len(report.imported) == 1
    names = {Path(o.source).name: o.skipped for o in report.skipped}
    assert "zero.txt" in names
    if "null.txt" in names:
        assert "device" in names["null.txt"]


def test_the_cli_never_hangs_on_a_pipe_and_lists_each_skip_on_one_line(hostile_folder, tmp_path):
    project_path = tmp_path / "p.counterclaim"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "app", "import", str(project_path), str(hostile_folder)],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 6
    for name in ("leak.txt", "leakdir", "relative-leak.txt", "dangling.txt", "pipe.txt", "socket.md"):
        (line,) = [line for line in lines if f"“{name}”" in line]
        assert "skipped" in line
    assert "Traceback" not in done.stderr
    assert len(_texts(project_path)) == 2


def test_a_link_given_by_name_is_the_users_choice(tmp_path, project, project_path):
    """Only what a folder holds is judged: a file named on the command line is imported."""
    outside = _article(tmp_path / "outside.txt", "Chosenbury")
    link = tmp_path / "link.txt"
    os.symlink(outside, link)
    report = import_files(project, [link])
    assert len(report.imported) == 1 and "Chosenbury" in _texts(project_path)[0]


def test_a_file_swapped_for_a_pipe_after_the_check_is_refused_not_waited_on(tmp_path):
    """Between the check and the read a file can become a pipe: the read does not wait."""
    from app.core.errors import ImportRefused
    from app.io.importers._common import read_bounded

    pipe = tmp_path / "swapped.txt"
    os.mkfifo(pipe)
    with pytest.raises(ImportRefused, match="not an ordinary file"):
        read_bounded(pipe, 1024, "text files")
