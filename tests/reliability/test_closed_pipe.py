"""`counterclaim statements P | head -1`: a reader that stops early ends the command quietly.

No "something went wrong (BrokenPipeError)", no "Exception ignored" from Python's last flush,
for every command that prints: exit 0 or 141 (128 + SIGPIPE, what a shell tool killed by the
closed pipe reports), nothing on stderr, the project unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import parties
from app.store.database import Project
from tests.safety_article import add_article

REPO = Path(__file__).resolve().parents[2]
QUIET_EXITS = (0, 141)


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "many.counterclaim"
    with Project(path, create=True) as project:
        for article in range(6):
            add_article(
                project,
                [f"Officials in town {article} said {n} families were moved from the river bank." for n in range(500)],
                title=f"Report {article}", party="Iran",
            )
        for n in range(40):
            parties.add(project, f"Party number {n}", aliases=[f"alias {n}"])
    return path


def test_head_dash_1_on_many_statements_ends_quietly(big_project):
    """The real case: the reader takes one line and goes away while the CLI is still writing."""
    child = subprocess.Popen(
        [sys.executable, "-m", "app", "statements", str(big_project)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    first = child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read().decode("utf-8", "replace")
    code = child.wait(120)
    assert first.strip().startswith(b"1")
    assert err == "" and code in QUIET_EXITS, (code, err)


@pytest.mark.parametrize(
    "args",
    [
        ["statements", "{p}"],
        ["statements", "{p}", "--json"],
        ["search", "{p}", "families"],
        ["search", "{p}", "families", "--json"],
        ["parties", "{p}"],
        ["parties", "{p}", "--json"],
        ["tag", "{p}", "1", "--narration"],
        ["topic", "{p}", "River", "2"],
        ["link", "{p}", "1", "2"],
        ["suggest", "{p}", "--article", "1"],
        ["export", "{p}", "-f", "csv", "-o", "{out}"],
        ["import", "{p}", "{txt}"],
        ["--help"],
        ["statements", "--help"],
        ["--version"],
    ],
    ids=lambda args: " ".join(args),
)
def test_every_command_ends_quietly_on_a_closed_pipe(big_project, tmp_path, args):
    """Standard output is a pipe nobody reads any more before the command writes a byte."""
    out = tmp_path / "sheet.csv"
    txt = tmp_path / "story.txt"
    txt.write_text('"The bridge is closed," the minister said on Monday.\n', encoding="utf-8")
    argv = [a.format(p=big_project, out=out, txt=txt) for a in args]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", *argv], cwd=REPO, stdout=write_end, stderr=subprocess.PIPE, timeout=120,
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode("utf-8", "replace")
    assert err == "" and done.returncode in QUIET_EXITS, (done.returncode, err)
    with Project(big_project) as project:  # whatever the command did was saved whole
        assert project.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
