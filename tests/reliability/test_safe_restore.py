"""Restoring a backup is safe: refused while a script has the project open (its later writes
would land in the replaced file), one atomic rename (a kill at any point leaves a project at
the path), and an interrupted restore is explained, naming the files, on the next open."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import ProjectError
from app.store import backups, sidefiles
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]


def _parties(path) -> list[str]:
    with Project(path, read_only=True) as project:
        return [r["name"] for r in project.db["parties"].rows]


def _add_party(project, name):
    with project.transaction() as db:
        db["parties"].insert({"name": name, "color": "#000000"})


@pytest.fixture
def with_backup(project_path):
    with Project(project_path, create=True) as project:
        _add_party(project, "Iran")
        backup = backups.take_backup(project)
        _add_party(project, "Pakistan")
    return project_path, backup


def _child(code: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_restore_is_refused_while_a_script_has_the_project_open(with_backup):
    path, backup = with_backup
    script = _child(f"""
        import sys
        from app.store.database import Project
        with Project({str(path)!r}) as project:
            print("open", flush=True)
            sys.stdin.readline()
            with project.transaction() as db:
                db["parties"].insert({{"name": "Added by the script", "color": "#000000"}})
            print("saved", flush=True)
    """)
    try:
        assert script.stdout.readline().strip() == "open"
        with pytest.raises(ProjectError, match="open in another Counterclaim window or a script"):
            backups.restore_backup(path, backup)
        script.stdin.write("go\n")
        script.stdin.flush()
        assert script.stdout.readline().strip() == "saved"
    finally:
        script.communicate(timeout=30)
    assert _parties(path) == ["Iran", "Pakistan", "Added by the script"], "the acknowledged write is in the project"
    assert not list(path.parent.glob("*.replaced-*"))
    assert backups.restore_backup(path, backup)  # once the script is done, the restore goes ahead
    assert _parties(path) == ["Iran"]


_KILL_BEFORE = """
    import os, signal
    from pathlib import Path
    from app.store import backups
    real = os.replace
    def replace(src, dst):
        if Path(dst) == Path({path!r}):
            os.kill(os.getpid(), signal.SIGKILL)  # the power goes at the critical moment
        return real(src, dst)
    os.replace = replace
    backups.restore_backup(Path({path!r}), Path({backup!r}))
"""

_KILL_AFTER = """
    import os, signal
    from pathlib import Path
    from app.store import backups
    real = os.replace
    def replace(src, dst):
        real(src, dst)
        if Path(dst) == Path({path!r}):
            os.kill(os.getpid(), signal.SIGKILL)
    os.replace = replace
    backups.restore_backup(Path({path!r}), Path({backup!r}))
"""


def test_a_restore_killed_before_its_rename_leaves_the_project_as_it_was(with_backup, capsys):
    path, backup = with_backup
    child = _child(_KILL_BEFORE.format(path=str(path), backup=str(backup)))
    child.communicate(timeout=60)
    assert child.returncode == -9
    assert _parties(path) == ["Iran", "Pakistan"], "a project is at the path, unchanged"
    code = main(["parties", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and "Pakistan" in out
    assert "interrupted" in err and "unchanged" in err and backup.name in err
    assert not sidefiles.restore_staged(path).exists() and not sidefiles.restore_marker(path).exists()
    main(["parties", str(path)])
    assert "interrupted" not in capsys.readouterr().err, "said once"


def test_a_restore_killed_after_its_rename_names_both_files(with_backup, capsys):
    path, backup = with_backup
    child = _child(_KILL_AFTER.format(path=str(path), backup=str(backup)))
    child.communicate(timeout=60)
    assert child.returncode == -9
    assert _parties(path) == ["Iran"]
    (aside,) = path.parent.glob("*.replaced-*.counterclaim")
    assert _parties(aside) == ["Iran", "Pakistan"], "the replaced version is kept"
    code = main(["parties", str(path)])
    err = capsys.readouterr().err
    assert code == 0 and "interrupted" in err and backup.name in err and aside.name in err


def test_a_restore_keeps_writes_still_in_the_write_ahead_log(with_backup):
    path, backup = with_backup
    crashed = _child(f"""
        import os, signal
        from app.store.database import Project
        project = Project({str(path)!r})
        with project.transaction() as db:
            db["parties"].insert({{"name": "Only in the log", "color": "#000000"}})
        os.kill(os.getpid(), signal.SIGKILL)  # a crash: the write is only in the -wal file
    """)
    crashed.communicate(timeout=60)
    assert Path(str(path) + "-wal").stat().st_size > 0
    aside = backups.restore_backup(path, backup)
    assert _parties(aside) == ["Iran", "Pakistan", "Only in the log"]
    assert _parties(path) == ["Iran"]


def test_a_project_is_never_opened_while_a_restore_holds_it(with_backup, monkeypatch):
    from app.store import database
    from app.store.locking import InUse

    path, _backup = with_backup
    restoring = InUse(path)
    assert restoring.exclusive()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    try:
        with pytest.raises(ProjectError, match="being restored"):
            Project(path)
    finally:
        restoring.release()
    Project(path).close()
