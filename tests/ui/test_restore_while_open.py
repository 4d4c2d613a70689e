"""File › Restore from Backup is refused, with a sentence, while a script or another window
has the project open; the window keeps editing and nothing is changed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from app.store import backups
from app.ui import ask

REPO = Path(__file__).resolve().parents[2]


def test_restore_is_refused_while_a_script_has_the_project_open(window, seeded_path, monkeypatch, db, shown):
    window.jobs.wait(10_000)
    assert backups.list_backups(seeded_path)
    monkeypatch.setattr(ask, "choose", lambda parent, title, label, options: options[0])
    script = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from app.store.database import Project
            with Project({str(seeded_path)!r}) as project:
                print("open", flush=True)
                sys.stdin.readline()
                project.set_meta("script", "was here")
        """)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert script.stdout.readline().strip() == "open"
        window.actions["restore_backup"].trigger()
        assert any("open in another Counterclaim window or a script" in t for t in shown.of("error"))
        script.stdin.write("go\n")
        script.stdin.flush()
    finally:
        script.communicate(timeout=30)
    assert db(seeded_path, "SELECT value FROM meta WHERE key = 'script'") == [("was here",)]
    assert not list(seeded_path.parent.glob("*.replaced-*"))
    assert window.context is not None and window.project_lock is not None and not window.context.project.read_only


def test_restore_is_refused_while_another_window_reads_it(open_window, seeded_path, monkeypatch, shown):
    first = open_window(seeded_path)
    first.jobs.wait(10_000)
    second = open_window(seeded_path)
    assert second.context.project.read_only
    monkeypatch.setattr(ask, "choose", lambda parent, title, label, options: options[0])
    first.actions["restore_backup"].trigger()
    assert any("open in another Counterclaim window" in t for t in shown.of("error"))
    assert not list(seeded_path.parent.glob("*.replaced-*"))
    assert first.project_lock is not None


def test_the_desk_explains_an_interrupted_restore(open_window, seeded_path, shown, db):
    from app.store.database import Project

    with Project(seeded_path) as project:
        backup = backups.take_backup(project)
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, signal
            from pathlib import Path
            from app.store import backups
            real = os.replace
            def replace(src, dst):
                if Path(dst) == Path({str(seeded_path)!r}):
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(src, dst)
            os.replace = replace
            backups.restore_backup(Path({str(seeded_path)!r}), Path({str(backup)!r}))
        """)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60,
    )
    assert child.returncode == -9
    window = open_window(seeded_path)
    (note,) = [t for t in shown.of("info") if "interrupted" in t]
    assert "unchanged" in note and backup.name in note
    assert window.project_lock is not None
    assert db(seeded_path, "SELECT count(*) FROM statements")[0][0] == 18
