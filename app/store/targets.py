"""Where a file may be written: never onto the project, its journal, lock or backups.

Every writer that takes a path from the journalist (an export, Save a Copy As) asks this
one module first. It compares names (resolved: ``..`` and symbolic links followed) and
files (device and inode: a hard link is the same file under another name), and it knows
the names of the project's side files whether they exist yet or not (the backup folder a
first open would make, a migration backup), so neither a typo nor a link can make a write
destroy the work, or end its backups.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from app.core.errors import CounterclaimError
from app.store import sidefiles


def _variants(project_path: Path) -> list[Path]:
    """The project's path as given and as resolved (SQLite keeps side files by the real name)."""
    given = Path(os.path.abspath(project_path))
    real = Path(os.path.realpath(project_path))
    return [given] if given == real else [given, real]


def own_files(project_path: str | os.PathLike) -> dict[Path, str]:
    """Every file that belongs to the project, under its name as given and as resolved."""
    files: dict[Path, str] = {}
    for path in _variants(Path(project_path)):
        files.update(sidefiles.own_files(path))
        files[sidefiles.backup_dir(path)] = "the project's backup folder"
    return files


def _named_like_one(project_path: Path, target_real: Path) -> str | None:
    """A side file Counterclaim would make later, by its name alone (it need not exist)."""
    for path in _variants(project_path):
        real_folder = Path(os.path.realpath(path.parent))
        if target_real.parent != real_folder:
            continue
        name = target_real.name.removesuffix(".partial")
        stem = re.escape(path.name)
        if re.fullmatch(stem + r"\.v\d+\.bak", name):
            return "the name of one of the project's backups"
        if re.fullmatch(re.escape(path.stem) + r"\.replaced-.*" + re.escape(path.suffix), name):
            return "the name of an earlier version of the project kept aside"
    return None


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _same_file_as(project_path: Path, found: os.stat_result) -> str | None:
    if not stat.S_ISREG(found.st_mode):
        return None
    mine = _identity(found)
    for path, what in own_files(project_path).items():
        try:
            if _identity(os.stat(path)) == mine:
                return what
        except OSError:
            continue
    return None


def what_it_is(project_path: str | os.PathLike, target) -> str | None:
    """Which of the project's own files ``target`` is, in words ("the project itself"), or
    None when writing it harms nothing of the project. ``target``: a path, or a stream with a
    descriptor (standard output, checked by the file it is)."""
    project_path = Path(project_path)
    if hasattr(target, "fileno"):
        try:
            found = os.fstat(target.fileno())
        except (OSError, ValueError):
            return None
        return _same_file_as(project_path, found)
    real = Path(os.path.realpath(Path(target).expanduser()))
    files = own_files(project_path)
    for path, what in files.items():
        if Path(os.path.realpath(path)) == real:
            return what
    for path in _variants(project_path):
        if Path(os.path.realpath(sidefiles.backup_dir(path))) in real.parents:
            return "inside the project's backup folder"
    named = _named_like_one(project_path, real)
    if named:
        return named
    try:
        found = os.stat(real)
    except OSError:
        return None
    what = _same_file_as(project_path, found)
    if what is None:
        return None
    return "a link to the project" if what == "the project itself" else f"a link to {what}"


def path_problem(target) -> str | None:
    """Why a path cannot name a file to write, in words (no name at all, or a file where a
    folder on the way should be), or None."""
    if hasattr(target, "fileno"):
        return None
    text = os.fspath(target)
    if not text.strip():
        return "no file name was given"
    if text.endswith(("/", os.sep)):
        return "that names a folder, not a file"
    for folder in Path(text).expanduser().absolute().parents:
        if os.path.lexists(folder):
            if not folder.is_dir():
                return f"“{folder.name}” on the way to it is a file, not a folder"
            return None
    return None


_WRITES = {"export to": "an export", "save a copy as": "a copy"}


def check_target(project_path: str | os.PathLike, target, doing: str = "export to") -> None:
    """Refuse, with a sentence, a write that would land on one of the project's own files
    (``doing``: the start of the sentence, "export to" or "save a copy as")."""
    name = "standard output" if hasattr(target, "fileno") else f"“{Path(os.fspath(target)).name}”"
    problem = path_problem(target)
    if problem:
        raise CounterclaimError(f"Could not {doing} {name}: {problem}. Choose a file name; nothing was written.")
    what = what_it_is(project_path, target)
    if what:
        raise CounterclaimError(
            f"Could not {doing} {name}: that is {what}, and {_WRITES.get(doing, 'a file')} there would destroy it. "
            "Choose another file name; the project is unchanged."
        )
