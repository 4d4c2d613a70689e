"""`counterclaim export P -f csv -o - | head` ends as quietly as `counterclaim statements P | head`.

A reader that goes away is no failure of the export: no "Could not export to standard output"
sentence, nothing on stderr, exit 0 or 141 (128 + SIGPIPE), in every format, whether the pipe
closed before the first byte or while the export was being written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.io.exporters import FORMATS
from app.store.database import Project
from tests.safety_article import add_article

REPO = Path(__file__).resolve().parents[2]
QUIET_EXITS = (0, 141)
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "many.counterclaim"
    with Project(path, create=True) as project:
        for article in range(4):
            add_article(
                project,
                [f"Officials in town {article} said {n} families were moved from the river bank." for n in range(500)],
                title=f"Report {article}", party="Iran",
            )
    return path


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_to_a_pipe_closed_before_the_first_byte_is_quiet(big_project, fmt):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", "export", str(big_project), "-f", fmt, "-o", "-"],
            cwd=REPO, stdout=write_end, stderr=subprocess.PIPE, timeout=120, env=ENV,
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode("utf-8", "replace")
    assert err == "" and done.returncode in QUIET_EXITS, (done.returncode, err)


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_export_piped_into_head_is_quiet(big_project, fmt):
    """The reader takes the first line and goes away while the export is still writing."""
    child = subprocess.Popen(
        [sys.executable, "-m", "app", "export", str(big_project), "-f", fmt, "-o", "-"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
    )
    first = child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read().decode("utf-8", "replace")
    code = child.wait(120)
    assert first.strip()
    assert err == "" and code in QUIET_EXITS, (code, err)
