"""Know when another Counterclaim window already has a project open.

An OS advisory lock on a hidden side file (``.name.counterclaim.lock``): the system drops it
when the process ends, however it ends, so a crash never leaves a project "stuck open".
SQLite's own locking still guards every write; this lock only tells the desk to open a
second copy read-only instead of letting two windows edit the same file unseen.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class ProjectLock:
    """Held by the desk while a project is open for editing."""

    def __init__(self, project_path: str | os.PathLike):
        project_path = Path(project_path)
        self.path = project_path.with_name(f".{project_path.name}.lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True if this process now holds the project; False if another one does."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True  # a read-only folder: nobody can hold a lock there, let SQLite guard
        if not _try_lock(fd):
            os.close(fd)
            return False
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None
        # The side file stays: unlinking it would let two later openers lock two files.

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> "ProjectLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
