"""A second Project on a file this process already has open must not drop the first one's
locks (POSIX drops them all when any descriptor of the file is closed): else a command-line
run would think it the file's last user and delete the journal under the desk."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]


def other_process_writes(path: Path, value: str) -> None:
    subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            from app.store.database import Project
            with Project({str(path)!r}) as project:
                project.set_meta("cli", {value!r})
        """)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, check=True, timeout=60,
    )


def test_a_second_open_here_keeps_the_journal_of_the_first(project_path):
    desk = Project(project_path, create=True)
    try:
        desk.set_meta("desk", "1")
        with Project(project_path, read_only=True) as job:  # a backup job, a read by a test
            assert job.get_meta("desk") == "1"
        other_process_writes(project_path, "tagged")
        assert Path(f"{project_path}-wal").exists() and Path(f"{project_path}-shm").exists()
        assert desk.get_meta("cli") == "tagged"
        desk.set_meta("desk", "2")  # the desk's next edit lands in the file, not a deleted journal
        with Project(project_path, read_only=True) as reader:
            assert reader.get_meta("desk") == "2" and reader.get_meta("cli") == "tagged"
    finally:
        desk.close()
    with Project(project_path, read_only=True) as reader:
        assert reader.get_meta("desk") == "2"


def test_a_damaged_header_is_still_found_when_nothing_here_has_the_file(project_path):
    Project(project_path, create=True).close()
    project_path.write_bytes(b"not a database at all, just words" * 10)
    try:
        Project(project_path)
    except Exception as error:  # noqa: BLE001
        assert "not a Counterclaim project" in str(error)
    else:
        raise AssertionError("a file that is not a project opened")
