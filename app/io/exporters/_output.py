"""Writing an export so a failure never costs the journalist the file they had.

``atomic_output(target)`` yields a binary file. Behind it:

- a regular file (new or old) is written to a short-named temporary file in the same
  folder (``.cc-XXXXXXXX.part``: any name the file system accepts as a target still fits);
  every write goes through ``os.write`` and is checked (short writes are retried), then the
  file is flushed, ``fsync``-ed and closed — all checked — and only then renamed over the
  target. On any failure the temporary file is removed and the old file is untouched.
- a device or a pipe that already exists (``/dev/null``, a FIFO) is written in place:
  it cannot be renamed over, and renaming onto a device node would destroy it.
- a stream (standard output) is written through its descriptor, also checked.

OS errors become one sentence (``the disk is full``); nothing is left for a destructor to
flush later, so no "Exception ignored" traceback can follow the sentence.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import CounterclaimError

TEMP_PREFIX = ".cc-"
TEMP_SUFFIX = ".part"


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Exports get the permissions any new file of the user's would get (read once, at import).
_FILE_MODE = 0o666 & ~_current_umask()


def reason(error: OSError) -> str:
    """An OS error in words a journalist understands."""
    if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", None):
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "Counterclaim is not allowed to write there"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    if error.errno == errno.EISDIR:
        return "a folder has that name"
    if error.errno == errno.ENOENT:
        return "the folder does not exist"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long (a file name can have at most 255 bytes)"
    if error.errno == errno.EPIPE:
        return "the program reading the output stopped"
    if error.errno == errno.EIO:
        return "the disk reported an error"
    return error.strerror or str(error)


class _Sink(io.RawIOBase):
    """Raw writes to a descriptor with ``os.write``, every byte accounted for."""

    def __init__(self, fd: int):
        super().__init__()
        self.fd = fd
        self.discard = False  # after a failure: swallow what buffers still hold, write nothing

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        if self.discard:
            return len(view)
        done = 0
        while done < len(view):
            written = os.write(self.fd, view[done:])
            if written <= 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            done += written
        return done


def _sentence(name: str, error: OSError, written_in_place: bool = False) -> CounterclaimError:
    tail = "" if written_in_place else " Nothing was written; any earlier file of that name is unchanged."
    return CounterclaimError(f"Could not export to {name}: {reason(error)}.{tail}")


def _stat(target: Path, name: str) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _sentence(name, error) from error


@contextlib.contextmanager
def atomic_output(target) -> Iterator[io.BufferedWriter]:
    """A binary file to write an export into; see the module's description."""
    if hasattr(target, "write"):
        with _write_stream(target) as out:
            yield out
        return
    target = Path(target)
    name = f"“{target.name}”"
    found = _stat(target, name)
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise CounterclaimError(f"Could not export to {name}: a folder has that name. Choose a file name.")
    if found is not None and stat.S_ISBLK(found.st_mode):
        raise CounterclaimError(f"Could not export to {name}: that is a disk device, not a file.")
    if found is not None and not stat.S_ISREG(found.st_mode):
        with _write_in_place(target, name) as out:
            yield out
        return
    real = Path(os.path.realpath(target))  # a symbolic link keeps pointing at the new export
    folder = real.parent
    if not folder.is_dir():
        raise CounterclaimError(f"Could not export to {name}: the folder {folder} does not exist.")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as error:
        raise CounterclaimError(f"Could not export to {name}: {reason(error)} ({folder}).") from error
    temp = Path(temp_name)
    sink = _Sink(fd)
    out = io.BufferedWriter(sink, buffer_size=1 << 16)
    fd_open = True
    try:
        yield out
        out.flush()
        os.fsync(fd)
        out.close()
        fd_open = False
        os.close(fd)
        os.chmod(temp, _FILE_MODE)
        os.replace(temp, real)
    except BaseException as error:
        sink.discard = True
        with contextlib.suppress(Exception):
            out.close()
        if fd_open:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _sentence(name, error) from error
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can sync a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _write_in_place(target: Path, name: str) -> Iterator[io.BufferedWriter]:
    """A device or pipe the user named: written as it is, never replaced."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise _sentence(name, error) from error
    with _checked(fd, name, close=True) as out:
        yield out


@contextlib.contextmanager
def _write_stream(stream) -> Iterator[io.BufferedWriter]:
    """Standard output (or any stream with a descriptor), written through its descriptor."""
    stream.flush()
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # a stream in memory (a test's captured output): no descriptor
        held = io.BytesIO()
        yield held
        stream.write(held.getvalue())
        stream.flush()
        return
    with _checked(fd, "standard output", close=False) as out:
        yield out


@contextlib.contextmanager
def _checked(fd: int, name: str, close: bool) -> Iterator[io.BufferedWriter]:
    sink = _Sink(fd)
    out = io.BufferedWriter(sink, buffer_size=1 << 16)
    try:
        yield out
        out.flush()
    except BaseException as error:
        sink.discard = True
        with contextlib.suppress(Exception):
            out.close()
        if close:
            with contextlib.suppress(OSError):
                os.close(fd)
        if isinstance(error, OSError) and error.errno == errno.EPIPE and not close:
            # The reader of standard output went away (``… -o - | head``): not a failure of the
            # export; the command line ends quietly, as ``cat`` does.
            raise BrokenPipeError(errno.EPIPE, "the reader of standard output stopped") from error
        if isinstance(error, OSError):
            raise CounterclaimError(f"Could not export to {name}: {reason(error)}.") from error
        raise
    out.close()
    if close:
        try:
            os.close(fd)
        except OSError as error:
            raise CounterclaimError(f"Could not export to {name}: {reason(error)}.") from error


@contextlib.contextmanager
def atomic_text(target, encoding: str = "utf-8", newline: str = "\n") -> Iterator[io.TextIOWrapper]:
    """``atomic_output`` for text: the wrapper is flushed and detached before the checks."""
    with atomic_output(target) as out:
        text = io.TextIOWrapper(out, encoding=encoding, newline=newline)
        yield text
        text.flush()
        text.detach()
