"""The command line: the same verbs as the desk, for newsroom scripts.

One module per group of commands (reads, edits, exchange), the grammar in parser, what they
share in common; every command reaches the project through app.ops, never the store.
Refusals are one sentence on stderr and a non-zero exit; a traceback only ever appears with
COUNTERCLAIM_DEBUG=1. Every line goes out through :func:`common.say`, which shows control
characters escaped. A reader that goes away (``| head -1``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import errno
import functools
import os
import sys
from collections.abc import Callable

from app.cli import edits, exchange, reads, topics  # noqa: F401  (each registers its commands)
from app.cli.common import COMMANDS, say
from app.cli.parser import build_parser, normalise_tag_args
from app.core.errors import CounterclaimError

__all__ = ["COMMANDS", "build_parser", "main"]


def _damage_sentence(error: BaseException, args: argparse.Namespace) -> str | None:
    """A damaged project, whatever read found it: say so and name the newest good backup."""
    from app.ops import opening

    return opening.damage_sentence(error, getattr(args, "project", None))


def _quiet_on_closed_pipe(main_func: Callable[..., int]) -> Callable[..., int]:
    """A reader that goes away (``counterclaim statements P | head -1``) ends the command
    quietly, as it ends ``cat``: no message, exit 141 (128 + SIGPIPE). An output whose disk
    is full (``> /dev/full``) is one sentence saying so, exit 1."""

    @functools.wraps(main_func)
    def run(argv: list[str] | None = None) -> int:
        try:
            try:
                return main_func(argv)
            finally:
                sys.stdout.flush()  # a closed pipe shows here, not in Python's own last flush
        except BrokenPipeError:
            _drop_pending_output()
            return 141
        except OSError as error:
            if error.errno not in _NO_ROOM:
                raise
            _drop_pending_output()
            say(f"counterclaim: {_NO_ROOM_SENTENCE}", err=True)
            return 1

    return run


# The output's disk is full (``counterclaim statements P > /dev/full``, a full quota).
_NO_ROOM = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_ROOM_SENTENCE = (
    "the disk is full, so the output could not be written (or not all of it). "
    "Make room on the disk and run the command again; the project is unchanged."
)


def _drop_pending_output() -> None:
    """What is still buffered for stdout goes to /dev/null, so Python's exit says nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is no file (a test's capture)
        pass


@_quiet_on_closed_pipe
def main(argv: list[str] | None = None) -> int:
    args_list = normalise_tag_args(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command](args)
    except CounterclaimError as error:
        say(f"counterclaim: {_damage_sentence(error, args) or error}", err=True)
        return 1
    except KeyboardInterrupt:
        say("counterclaim: stopped.", err=True)
        return 130
    except BrokenPipeError:
        raise
    except OSError as error:
        if error.errno in _NO_ROOM:
            raise  # the output's disk is full: said by _quiet_on_closed_pipe, after its last flush
        return _bug(error, args)
    except Exception as error:  # a bug: say so plainly, keep the traceback for debugging
        return _bug(error, args)


def _bug(error: Exception, args: argparse.Namespace) -> int:
    damaged = _damage_sentence(error, args)
    if damaged:
        say(f"counterclaim: {damaged}", err=True)
        return 1
    if os.environ.get("COUNTERCLAIM_DEBUG"):
        raise error
    say(
        f"counterclaim: something went wrong inside Counterclaim ({type(error).__name__}: {error}). "
        "Nothing half-done was saved. Set COUNTERCLAIM_DEBUG=1 to see details for a bug report.",
        err=True,
    )
    return 3
