"""The one entry point: the desk by default, the command line when given a subcommand.

Deciding which face to show must not import the command line: that pulls in the store
and sqlite-utils, and the desk should paint its window before any of that loads.
"""

from __future__ import annotations

import sys

# Kept in step with app.cli.COMMANDS by tests/cli/test_launch.py.
SUBCOMMANDS = frozenset({"import", "statements", "search", "parties", "tag", "suggest", "topic", "link", "export"})
CLI_FLAGS = frozenset({"-h", "--help", "--version", "-V"})


def wants_command_line(args: list[str]) -> bool:
    """True when the arguments ask for the command line rather than the desk."""
    return bool(args) and (args[0] in SUBCOMMANDS or args[0] in CLI_FLAGS)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_command_line(args):
        from app import cli

        return cli.main(args)
    from app.ui.desk import run_desk

    return run_desk(args)
