"""Kill the process mid-work: the file stays intact, and everything committed is there."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.core.segment import segment
from app.store import articles, statements
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]

IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.ops.importing import import_files
    from app.store.database import Project

    folder, project_path = Path(sys.argv[1]), sys.argv[2]
    files = sorted(folder.glob("*.txt"))

    def committed(count):
        print(count, flush=True)  # this many files are safely on disk

    with Project(project_path, create=True) as project:
        import_files(project, files, committed=committed)
    print("finished", flush=True)
    """
)

TAGGER = textwrap.dedent(
    """
    import sys
    from app.ops import tagging
    from app.store.database import Project

    with Project(sys.argv[1]) as project:
        ids = [r[0] for r in project.conn.execute("SELECT id FROM statements ORDER BY id")]
        for sid in ids:
            tagging.tag(project, [sid], None)
            print(sid, flush=True)
    print("finished", flush=True)
    """
)


def _articles(folder: Path, count: int) -> None:
    for index in range(count):
        body = "\n".join(
            f"Officials in district {index} said on Monday that {p} people were moved. "
            f"“We are doing all we can,” the mayor said. Residents disputed the figure {index}-{p}."
            for p in range(1, 16)
        )
        (folder / f"a{index:04}.txt").write_text(f"By Desk {index}\n{body}\n", encoding="utf-8")


def _run_until(script: str, args: list[str], lines_wanted: int) -> list[str]:
    """Start a child, read its lines, SIGKILL it once it has printed enough."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    seen: list[str] = []
    deadline = time.monotonic() + 120
    try:
        for line in child.stdout:
            seen.append(line.strip())
            if len(seen) >= lines_wanted or time.monotonic() > deadline:
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    return seen


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_during_a_batch_import_of_500_articles(tmp_path, project_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    _articles(folder, 500)
    seen = _run_until(IMPORTER, [str(folder), str(project_path)], lines_wanted=1)
    assert "finished" not in seen, "the kill must land mid-import for this test to mean anything"
    committed = max(int(x) for x in seen if x.isdigit())
    assert _integrity(project_path) == "ok"
    with Project(project_path) as project:
        stored = articles.all_articles(project)
        assert committed <= len(stored) < 500
        for article in stored:  # nothing half-written: each article has all its statements
            rows = statements.for_article(project, article.id)
            assert [(s.start, s.end) for s in rows] == [(s.start, s.end) for s in segment(article.text)]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_during_a_tagging_burst(tmp_path, project_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    _articles(folder, 30)
    from app.ops.importing import import_files

    with Project(project_path, create=True) as project:
        import_files(project, sorted(folder.glob("*.txt")))
    seen = _run_until(TAGGER, [str(project_path)], lines_wanted=120)
    assert "finished" not in seen
    tagged = [int(x) for x in seen if x.isdigit()]
    assert _integrity(project_path) == "ok"
    with Project(project_path) as project:
        confirmed = {r[0] for r in project.execute("SELECT id FROM statements WHERE status = 'confirmed'")}
    assert set(tagged) <= confirmed
    assert len(confirmed) <= len(tagged) + 1  # at most the one in flight when killed
