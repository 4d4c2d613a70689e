"""The article files inside a folder, and what was left out of it and why.

Importing a folder reads what is in it, nothing else: a link that leads out of the folder
(to a file or a folder elsewhere) is skipped, and so are pipes (FIFOs), sockets and devices —
reading a pipe waits forever, a device never ends. Each is listed with the reason. Links
that stay inside the folder are followed, each file and folder once (a link back up is no
loop). Nothing here opens a file: ``lstat``/``stat`` only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ._common import quoted


def walk(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files under ``folder`` with one of ``suffixes`` (sorted), and (path, why) skipped."""
    root = Path(os.path.realpath(folder))
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen_dirs = {root}
    seen_files: set[str] = set()
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            skipped.append((current, f"The folder {quoted(current)} could not be opened, so it was skipped."))
            continue
        for entry in entries:
            path = Path(entry.path)
            why, target = _judge(path, root, suffixes)
            if why:
                skipped.append((path, why))
            elif target is None:
                continue
            elif target.is_dir():
                if target not in seen_dirs:
                    seen_dirs.add(target)
                    pending.append(path)
            elif str(target) not in seen_files:
                seen_files.add(str(target))
                files.append(path)
    return sorted(files), sorted(skipped)


def _judge(path: Path, root: Path, suffixes: tuple[str, ...]) -> tuple[str | None, Path | None]:
    """(a reason to skip, None) or (None, the real path to take) or (None, None): not an article."""
    name = quoted(path)
    try:
        link = path.is_symlink()
        st = os.stat(path)  # follows a link: what it leads to
    except FileNotFoundError:
        return (f"{name} is a link to something that no longer exists, so it was skipped.", None) if link else (None, None)
    except OSError:
        return f"{name} could not be looked at, so it was skipped.", None
    real = Path(os.path.realpath(path))
    if link and real != root and root not in real.parents:
        return f"{name} is a link to something outside the folder, so it was skipped.", None
    if stat.S_ISDIR(st.st_mode):
        return None, real
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
            else "a socket" if stat.S_ISSOCK(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "not an ordinary file"
        )
        return f"{name} is {kind}, not an article file, so it was skipped.", None
    if path.suffix.lower() not in suffixes:
        return None, None
    return None, real
