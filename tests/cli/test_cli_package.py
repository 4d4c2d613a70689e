"""The command line as a package (one module per group of commands): every way in still
starts it, and each group registers its commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__, cli

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["app", "app.cli"])
def test_python_dash_m_runs_the_command_line(tmp_path, module):
    env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", module, "--version"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Counterclaim {__version__}"


def test_each_group_of_commands_registers_its_own():
    groups = {name: func.__module__ for name, func in cli.COMMANDS.items()}
    assert groups == {
        "statements": "app.cli.reads", "search": "app.cli.reads", "parties": "app.cli.reads",
        "tag": "app.cli.edits", "suggest": "app.cli.edits", "join": "app.cli.edits",
        "topic": "app.cli.edits", "link": "app.cli.edits",
        "import": "app.cli.exchange", "export": "app.cli.exchange", "newsroom": "app.cli.exchange",
        "topics": "app.cli.topics", "counterclaims": "app.cli.topics", "claims": "app.cli.topics",
    }


def test_asking_the_version_loads_no_store():
    script = (
        "import sys\n"
        "from app.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('app.store' in sys.modules, 'sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.split()[-2:] == ["False", "False"], done.stderr
