"""Where an export may go: never onto the project, its journal, lock or backups.

The check compares both names (resolved: ``..`` and symbolic links followed) and files
(device and inode: a hard link is the same file under another name), so neither a typo
(``-o project.counterclaim``) nor a link can make an export overwrite the work it came from.
Standard output is checked the same way: ``>> project.counterclaim`` is refused too.
"""

from __future__ import annotations

import os
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
    return files


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _what_it_is(project_path: Path, target_real: Path, target_stat: os.stat_result | None) -> str | None:
    files = own_files(project_path)
    for path, what in files.items():
        if Path(os.path.realpath(path)) == target_real:
            return what
    for path in _variants(project_path):
        folder = Path(os.path.realpath(sidefiles.backup_dir(path)))
        if folder in target_real.parents:
            return "inside the project's backup folder"
    if target_stat is not None and stat.S_ISREG(target_stat.st_mode):
        mine = _identity(target_stat)
        for path, what in files.items():
            try:
                if _identity(os.stat(path)) == mine:
                    return "a link to the project" if what == "the project itself" else f"a link to {what}"
            except OSError:
                continue
    return None


def check_target(project_path: str | os.PathLike, target) -> None:
    """Refuse, with a sentence, an export target that is one of the project's own files.

    ``target`` is a path or a stream with a descriptor (standard output).
    """
    project_path = Path(project_path)
    if hasattr(target, "fileno"):
        try:
            found = os.fstat(target.fileno())
        except (OSError, ValueError):
            return
        name = "standard output"
        real = None
    else:
        name = f"“{Path(target).name}”"
        real = Path(os.path.realpath(Path(target).expanduser()))
        try:
            found = os.stat(real)
        except OSError:
            found = None
    if real is None:
        if not stat.S_ISREG(found.st_mode):
            return
        mine = _identity(found)
        what = None
        for path, kind in own_files(project_path).items():
            try:
                if _identity(os.stat(path)) == mine:
                    what = kind
                    break
            except OSError:
                continue
    else:
        what = _what_it_is(project_path, real, found)
    if what:
        raise CounterclaimError(
            f"Could not export to {name}: that is {what}, and an export there would destroy it. "
            "Choose another file name; the project is unchanged."
        )
