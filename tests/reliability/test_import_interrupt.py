"""Ctrl-C during a long import says how many articles were saved and which was the last, and
that is exactly what the project holds; the desk's Cancel says the same."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.ops.importing import FileOutcome, ImportReport, import_files
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]
FILES = 3000


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(count):
        (folder / f"f{n:05d}.txt").write_text(
            f"Officials in town {n} said the bridge reopened. Residents of town {n} disputed it.\n",
            encoding="utf-8",
        )
    return folder


def _articles(project_path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{project_path}?mode=ro", uri=True, timeout=0.2) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c (the process group)", "sigint to the cli"])
def test_ctrl_c_mid_import_says_what_was_saved_and_the_project_agrees(tmp_path, whole_group):
    folder = _folder(tmp_path, FILES)
    project_path = tmp_path / "p.counterclaim"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(project_path), str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
        start_new_session=True,
    )
    deadline = time.monotonic() + 240
    while _articles(project_path) < 40 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the import ended before it could be interrupted"
    if whole_group:
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    found = re.search(r"stopped\. ([\d,]+) articles? (?:was|were) saved, the last from “(f\d+\.txt)”; ([\d,]+) of ([\d,]+) files", err)
    assert found, err
    saved, last, left, total = found.groups()
    saved, left, total = (int(x.replace(",", "")) for x in (saved, left, total))
    assert total == FILES and 0 < saved < FILES and saved + left == FILES
    with Project(project_path) as project:
        count = project.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        newest = project.conn.execute("SELECT source_path FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert count == saved
    assert Path(newest).name == last
    assert f"{last}: article {saved}," in out  # the per-file lines agree too


def test_the_desks_cancel_message_says_the_same(tmp_path, project):
    from app.ui.importing import summary_text

    folder = _folder(tmp_path, 40)
    calls = iter(range(10**6))
    report = import_files(project, [folder], cancelled=lambda: next(calls) > 20)
    assert report.cancelled
    count = project.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    newest = project.conn.execute("SELECT source_path FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]
    text, _details = summary_text(report)
    assert f"{count} articles were saved, the last from “{Path(newest).name}”" in text
    assert f"{40 - count} of 40 files were not imported" in text


def test_the_stopped_summary_counts_only_imported_articles():
    report = ImportReport(files=4, cancelled=True)
    report.outcomes = [
        FileOutcome(source="/a/one.txt", article_id=1, statements=2),
        FileOutcome(source="/a/two.txt", article_id=1, duplicate_of=1),
        FileOutcome(source="/a/three.txt", error="“three.txt” is empty."),
        FileOutcome(source="/a/pipe.txt", skipped="“pipe.txt” is a pipe (FIFO), not an article file, so it was skipped."),
    ]
    assert report.stopped_summary() == "1 article was saved, the last from “one.txt”; 1 of 4 files was not imported."
