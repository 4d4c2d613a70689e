"""The one entry point: the desk by default, the command line when given a subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app import cli

    if cli.wants_command_line(args):
        return cli.main(args)
    from app.ui.desk import run_desk

    return run_desk(args)
