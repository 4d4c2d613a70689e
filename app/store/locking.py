"""Know who else has a project open.

Two OS advisory locks on hidden side files; the system drops them when the process ends,
however it ends, so a crash never leaves a project "stuck open":

- ``ProjectLock`` (``.name.counterclaim.lock``, exclusive): held by the desk window that
  edits the project, so a second window opens it read-only instead of editing unseen.
- ``InUse`` (``.name.counterclaim.inuse``): every open ``Project`` (a window, a background
  job, a script) holds it shared; a restore takes it exclusive, so it never replaces a file
  that anything still has open (whose later writes would land in the replaced file).

SQLite's own locking still guards every write. In a folder where the side files cannot be
created, nobody can hold them: the locks then let SQLite guard alone.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from app.store import sidefiles

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int, shared: bool = False) -> bool:
        if shared:
            return True  # Windows has no shared byte locks here; the OS refuses to replace an open file
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

else:
    import fcntl

    def _try_lock(fd: int, shared: bool = False) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class _SideLock:
    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def _take(self, shared: bool) -> bool:
        if self._fd is not None:
            return True
        try:
            # O_NONBLOCK: a named pipe put where the lock goes cannot hang the open.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o644)
        except OSError:
            return True  # a read-only folder: nobody can hold a lock there, let SQLite guard
        if not _try_lock(fd, shared):
            os.close(fd)
            return False
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


class ProjectLock(_SideLock):
    """Held by the desk while a project is open for editing."""

    def __init__(self, project_path: str | os.PathLike):
        super().__init__(sidefiles.lock_path(Path(project_path)))

    def acquire(self) -> bool:
        """True if this process now holds the project; False if another one does."""
        if self._fd is not None:
            return True
        if not self._take(shared=False):
            return False
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
                os.write(self._fd, f"{os.getpid()}\n".encode())
        return True

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


class InUse(_SideLock):
    """Shared by every open Project; exclusive only while a restore replaces the file."""

    def __init__(self, project_path: str | os.PathLike):
        super().__init__(sidefiles.in_use_path(Path(project_path)))

    def share(self, timeout_s: float) -> bool:
        """Wait (up to timeout_s) while a restore has the project; False if it still does."""
        deadline = time.monotonic() + timeout_s
        while not self._take(shared=True):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def exclusive(self) -> bool:
        """True if nothing else has the project open (this holder must not share it)."""
        return self._take(shared=False)
