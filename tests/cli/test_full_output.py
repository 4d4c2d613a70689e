"""An output whose disk is full (``counterclaim statements P > /dev/full``) is one sentence
saying so, exit 1: not "something went wrong inside Counterclaim", and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(project_path, seed_path):
    from app.cli import main

    assert main(["import", str(project_path), str(seed_path)]) == 0
    with Project(project_path, read_only=True) as project:
        assert project.execute("SELECT count(*) FROM parties").fetchone()[0] > 0
    return project_path


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", [
    ["statements"], ["statements", "--json"], ["parties"], ["parties", "--json"], ["search", "PROJECT", "said"],
])
def test_a_full_output_disk_is_said_in_one_sentence(filled, command):
    args = [str(filled) if a == "PROJECT" else a for a in command]
    if "PROJECT" not in command:
        args.insert(1, str(filled))
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "the disk is full" in lines[0], done.stderr
    assert "went wrong" not in done.stderr and "Traceback" not in done.stderr


def test_a_full_output_in_process_is_the_same_sentence(filled, monkeypatch, capsys):
    import errno

    from app.cli import main

    class Full:
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

    monkeypatch.setattr(sys, "stdout", Full())
    assert main(["statements", str(filled)]) == 1
    assert "the disk is full" in capsys.readouterr().err
