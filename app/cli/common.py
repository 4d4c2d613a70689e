"""What every command shares: the table of commands, opening the project, and the one way
a line goes out (:func:`say`), which shows the control characters in names and paths as
escapes (``\\x1b``, ``\\n``) so user data can neither act on the terminal nor split a line;
``--json`` escapes them as JSON does."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.terminal import json_shown, shown

if TYPE_CHECKING:  # the store loads when a command opens a project, not for --version
    from app.ops.opening import Project

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func

    return register


def open_project(path: str, create: bool = False, writes: bool = False) -> Project:
    from app.ops import opening

    project = opening.open_checked(path, create=create)
    if writes and project.read_only:  # one sentence up front, not one per file or id
        project.close()
        raise project.read_only_refusal()
    note = opening.interrupted_restore(project.path)
    if note:
        say(f"counterclaim: {note}", err=True)
    return project


def say(line: str, err: bool = False) -> None:
    """Print one line to stdout (or stderr), every control character in it shown escaped."""
    print(shown(line), file=sys.stderr if err else sys.stdout)


def print_json(data) -> None:
    sys.stdout.write(json_shown(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def short(text: str, width: int = 100) -> str:
    text = shown(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"
