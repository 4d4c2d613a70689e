"""Which project files this process has open through SQLite, so none is read around it.

POSIX drops every lock a process holds on a file as soon as the process closes *any*
descriptor of that file, SQLite's own locks included. A Project that read a file's header
with ``os.open``/``os.close`` while another Project in the same process (the desk, with a
backup job or a second window beside it) had the file open would silently drop the desk's
locks: the next command-line run would then think it was the file's last user, fold the
journal in and delete it under the desk, whose later edits would be lost. So the header is
read only when no Project here has that file open; SQLite checked it when one opened it.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

_open: Counter[tuple[int, int]] = Counter()
_lock = threading.Lock()  # background jobs open and close projects on their own threads


def _key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def is_open(path: Path) -> bool:
    key = _key(path)
    with _lock:
        return key is not None and _open[key] > 0


def opened(path: Path) -> tuple[int, int] | None:
    """Count a Project opened on ``path``; returns what to hand to ``closed``."""
    key = _key(path)
    if key is not None:
        with _lock:
            _open[key] += 1
    return key


def closed(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _lock:
        _open[key] -= 1
        if _open[key] <= 0:
            del _open[key]
