"""A mistyped or missing command never opens the desk (in a script, that hangs): only no
argument, an existing file or a path ending .counterclaim does. Anything else is "unknown
command", with the closest command suggested, exit 2 — decided without the store or Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import launch

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_desk(monkeypatch):
    """In this process, opening the desk would wait on its event loop: fail at once instead."""
    import app.ui.desk

    def refuse(args):
        raise AssertionError(f"opened the desk for {args}")

    monkeypatch.setattr(app.ui.desk, "run_desk", refuse)


@pytest.mark.parametrize(
    "args, desk",
    [
        ([], True),
        (["story.counterclaim"], True),  # a new project: the desk creates it
        (["Story.COUNTERCLAIM"], True),
        (["topicz", "p.counterclaim"], False),
        (["merge", "--help"], False),
        (["statments", "p.counterclaim"], False),
        (["notes/story"], False),
        (["story.txt"], False),  # no such file
    ],
)
def test_which_arguments_open_the_desk(args, desk):
    assert launch.opens_desk(args) is desk


def test_an_existing_file_opens_the_desk_and_a_folder_does_not(tmp_path):
    renamed = tmp_path / "story.db"
    renamed.write_bytes(b"")
    assert launch.opens_desk([str(renamed)])
    assert not launch.opens_desk([str(tmp_path)])


@pytest.mark.parametrize(
    "args, suggestion",
    [
        (["topicz", "p.counterclaim"], "topic"),
        (["statments", "p.counterclaim"], "statements"),
        (["Import", "p.counterclaim", "a.txt"], "import"),
        (["exprt"], "export"),
    ],
)
def test_a_mistyped_command_suggests_the_closest(capsys, args, suggestion):
    assert launch.main(args) == 2
    err = capsys.readouterr().err
    (line,) = err.splitlines()
    assert "unknown command" in line and f"“{suggestion}”" in line
    assert "Traceback" not in err


def test_a_command_this_version_lacks_lists_the_commands(capsys):
    assert launch.main(["merge", "--help"]) == 2
    err = capsys.readouterr().err
    assert "unknown command “merge”" in err
    for name in launch.SUBCOMMANDS:
        assert name in err


def test_a_path_that_is_no_project_says_so(capsys, tmp_path):
    assert launch.main([str(tmp_path / "notes" / "story")]) == 2
    assert "no project" in capsys.readouterr().err
    assert launch.main([str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err


def test_the_unknown_word_is_shown_escaped(capsys):
    assert launch.main(["top\x1b]0;x\x07ic"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err


def test_deciding_loads_neither_the_store_nor_qt():
    script = (
        "import sys\n"
        "from app.launch import main\n"
        "code = main(['topicz', 'p.counterclaim'])\n"
        "print(code, 'PySide6' in sys.modules, 'app.store' in sys.modules, 'sqlite_utils' in sys.modules, 'app.cli' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["2", "False", "False", "False", "False"], done.stderr


@pytest.mark.parametrize("args", [["topicz", "p.counterclaim"], ["merge", "--help"]])
def test_in_a_script_it_exits_instead_of_hanging(tmp_path, args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CACHE_HOME": str(tmp_path / "e"), "PYTHONPATH": str(REPO)}
    env.pop("COUNTERCLAIM_QUIT_AFTER_PAINT", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", *args], cwd=tmp_path, capture_output=True, text=True, timeout=30, env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"counterclaim {' '.join(args)} opened the desk and hung")
    assert done.returncode == 2
    assert "unknown command" in done.stderr
    assert not (tmp_path / "p.counterclaim").exists()
