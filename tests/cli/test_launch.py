"""One program, both faces: which arguments open the desk and which run the command line."""

from __future__ import annotations

import pytest

from app import cli, launch


def test_the_launcher_knows_every_subcommand():
    assert set(cli.COMMANDS) == launch.SUBCOMMANDS


@pytest.mark.parametrize(
    "args, command_line",
    [
        ([], False),
        (["story.counterclaim"], False),
        (["import", "p.counterclaim", "a.txt"], True),
        (["--version"], True),
        (["-h"], True),
        (["export", "p.counterclaim", "--format", "csv", "-o", "x.csv"], True),
    ],
)
def test_arguments_choose_the_face(args, command_line):
    assert launch.wants_command_line(args) is command_line


def test_the_command_line_never_loads_qt():
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from app.launch import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "False"
