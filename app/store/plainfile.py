"""Only ordinary files are opened as projects, backups or a restore's record.

A named pipe (FIFO) blocks whoever opens it until another program writes to it, and a
device or socket is not a file at all: opened as a project, any of them hangs the desk or a
script forever. So each is looked at first (``os.stat``, which never blocks) and refused in a
sentence; the file is then opened with ``O_NONBLOCK``, so even one swapped in between the
look and the open cannot hang, and it is checked once more on the open descriptor.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def not_a_file(mode: int) -> str | None:
    """What a non-regular file is, in words (None for an ordinary file)."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "not an ordinary file")


def what_it_is(path: Path) -> str | None:
    """None for an ordinary file (or none at all); else what is there instead, in words."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return not_a_file(mode)


def read_head(path: Path, size: int) -> tuple[bytes, str | None]:
    """The first ``size`` bytes of an ordinary file, never blocking: (bytes, None), or
    (b"", what it is) when it is not an ordinary file. OSError as open raises it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        other = not_a_file(os.fstat(fd).st_mode)
        if other:
            return b"", other
        return os.read(fd, size), None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int = 1 << 20) -> str:
    """A small ordinary text file (a restore's record), never blocking; OSError if it is not one."""
    data, other = read_head(path, limit)
    if other:
        raise OSError(f"{path} is {other}")
    return data.decode("utf-8")
