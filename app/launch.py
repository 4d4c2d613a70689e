"""The one entry point: the desk by default, the command line when given a subcommand.

Deciding which face to show must not import the command line: that pulls in the store
and sqlite-utils, and the desk should paint its window before any of that loads.

Only no argument, an existing file or a path ending ``.counterclaim`` opens the desk. Any
other word (``counterclaim topicz P``, ``counterclaim merge --help``) is an unknown command,
said on stderr with the closest command, exit 2: opening the desk for it would, in a script,
wait forever on a window nobody sees. Before Qt starts, ``app.qt_libs`` checks that a window
can open at all (a display, the X11 libraries) and says in a sentence what is missing.
"""

from __future__ import annotations

import os
import sys

# Kept in step with app.cli.COMMANDS by tests/cli/test_launch.py.
SUBCOMMANDS = frozenset(
    {"import", "statements", "search", "parties", "tag", "suggest", "join", "topic", "topics", "counterclaims", "claims",
     "link", "export",
     "newsroom"}
)
CLI_FLAGS = frozenset({"-h", "--help", "--version", "-V"})
PROJECT_SUFFIX = ".counterclaim"


def wants_command_line(args: list[str]) -> bool:
    """True when the arguments ask for the command line rather than the desk."""
    return bool(args) and (args[0] in SUBCOMMANDS or args[0] in CLI_FLAGS or args[0].startswith("-"))


def opens_desk(args: list[str]) -> bool:
    """True for no argument, an existing file, or a project path (new or not)."""
    if not args:
        return True
    first = os.path.expanduser(args[0])
    return first.lower().endswith(PROJECT_SUFFIX) or os.path.isfile(first)


def unknown_command(word: str) -> str:
    """The sentence for a first argument that is neither a command nor a project."""
    import difflib

    from app.core.terminal import shown

    path = os.path.expanduser(word)
    if os.path.isdir(path):
        return f"counterclaim: {shown(word)} is a folder, not a project (a project is one .counterclaim file)."
    if os.sep in word or (os.altsep and os.altsep in word) or "." in word:
        return f"counterclaim: there is no project at {shown(word)} (a project's name ends in .counterclaim)."
    commands = sorted(SUBCOMMANDS)
    close = difflib.get_close_matches(word.lower(), commands, n=1)
    hint = f"did you mean “{close[0]}”? " if close else ""
    return (
        f"counterclaim: unknown command “{shown(word)}”; {hint}the commands are "
        f"{', '.join(commands)} (counterclaim --help says more)."
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_command_line(args):
        from app import cli

        return cli.main(args)
    if not opens_desk(args):
        print(unknown_command(args[0]), file=sys.stderr)
        return 2
    from app import qt_libs

    refusal = qt_libs.desk_refusal(dict(os.environ))
    if refusal:  # Qt itself would abort with a core dump, naming at most one library
        print(refusal, file=sys.stderr)
        return 1
    from app.ui.desk import run_desk

    return run_desk(args)
