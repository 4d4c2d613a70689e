"""The names of the files Counterclaim keeps beside a project: its locks, its backups and
the files of a restore. Each stays within the file system's name limit for any name a
project can have, so a long (say, Arabic) project name never silently loses its backups
or its lock: a name that would be too long is shortened with a hash of the whole name."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import ProjectError
from app.core.filenames import NAME_MAX, byte_length, fit_name

# SQLite names its own side files after the project ("-journal" is the longest), and
# cannot create a project whose journal name would be too long.
SQLITE_ROOM = len("-journal")
PROJECT_NAME_MAX = NAME_MAX - SQLITE_ROOM
SQLITE_PATH_MAX = 511  # SQLite's unix VFS refuses longer paths (MAX_PATHNAME, 512 with its NUL)
_PARTIAL_ROOM = len(".partial")  # Project.backup_copy writes "<target>.partial" first


def check_project_name(path: Path) -> None:
    """Refuse, with a sentence, a project name too long for SQLite's own side files."""
    size = byte_length(Path(path).name)
    if size > PROJECT_NAME_MAX:
        raise ProjectError(
            f"The project name “{Path(path).name}” is too long: {size} bytes, and a project's "
            f"file name can have at most {PROJECT_NAME_MAX} bytes (about {PROJECT_NAME_MAX // 2} "
            "Arabic or Cyrillic letters). Choose a shorter name."
        )


def _beside(path: Path, prefix: str, suffix: str, limit: int = NAME_MAX) -> Path:
    path = Path(path)
    return path.with_name(fit_name(path.name, prefix, suffix, limit))


def lock_path(project_path: Path) -> Path:
    """The desk's "open for editing in a window" lock."""
    return _beside(project_path, ".", ".lock")


def in_use_path(project_path: Path) -> Path:
    """Held (shared) by everything that has the project open, so a restore can tell."""
    return _beside(project_path, ".", ".inuse")


def backup_dir(project_path: Path) -> Path:
    return _beside(project_path, ".", "-backups")


def backup_name(folder: Path, project_path: Path, stamp: str) -> str:
    """A backup's file name inside its folder, with room left for its .partial and -journal,
    both in the name and in the whole path (a long project name is in the path twice)."""
    path_room = SQLITE_PATH_MAX - byte_length(str(Path(folder).absolute())) - 1 - _PARTIAL_ROOM - SQLITE_ROOM
    try:
        return fit_name(Path(project_path).stem, "", f"-{stamp}.counterclaim", min(PROJECT_NAME_MAX - _PARTIAL_ROOM, path_room))
    except ValueError as error:
        raise ProjectError(f"The folder {folder} is too deep for a backup beside the project.") from error


def migration_backup(project_path: Path, version: int) -> Path:
    return _beside(project_path, "", f".v{version}.bak", PROJECT_NAME_MAX - _PARTIAL_ROOM)


def restore_staged(project_path: Path) -> Path:
    """The backup's copy being prepared; it becomes the project in one rename."""
    return _beside(project_path, ".", ".restoring", PROJECT_NAME_MAX)


def restore_marker(project_path: Path) -> Path:
    """Says a restore is under way (which backup, where the replaced file goes)."""
    return _beside(project_path, ".", ".restore.json")


def replaced_copy(project_path: Path, stamp: str) -> Path:
    """Where the file a restore replaces is kept (openable as a project itself)."""
    path = Path(project_path)
    return path.with_name(fit_name(path.stem, "", f".replaced-{stamp}{path.suffix}", PROJECT_NAME_MAX))



SQLITE_JOURNALS = ("-wal", "-shm", "-journal")


def own_files(project_path: Path) -> dict[Path, str]:
    """Every file beside the project that is part of it, each with what it is (in words).

    One list, built from the names above, so whatever must never be overwritten (an export
    target, say) is named by the same code that names the files."""
    path = Path(project_path)
    files = {path: "the project itself"}
    for side in SQLITE_JOURNALS:
        files[Path(f"{path}{side}")] = f"the project's journal ({path.name}{side})"
    files[lock_path(path)] = "the project's lock file"
    files[in_use_path(path)] = "the project's lock file"
    files[restore_staged(path)] = "a backup being restored"
    files[restore_marker(path)] = "the record of a restore under way"
    folder = path.parent
    if folder.is_dir():
        migration = migration_backup(path, 0).name.rsplit(".v0.bak", 1)[0]
        # A stamp as long as a real one ("20260101-120000"), so a shortened name is cut alike.
        replaced = replaced_copy(path, "\0" * len("YYYYMMDD-HHMMSS")).name.split("\0", 1)[0]
        for found in folder.iterdir():
            name = found.name
            if name.startswith(migration) and name.endswith(".bak") and name != path.name:
                files[found] = "one of the project's backups"
            elif name.startswith(replaced) and name != path.name:
                files[found] = "an earlier version of the project kept aside"
    backups = backup_dir(path)
    if backups.is_dir():
        for found in backups.iterdir():
            files[found] = "one of the project's backups"
    return files


# The longest project path SQLite can open: its journal's path ("<project>-journal") must fit too.
PROJECT_PATH_MAX = SQLITE_PATH_MAX - SQLITE_ROOM


def check_project_path(path: Path) -> None:
    """Refuse, with a sentence, a project path too long for SQLite (as given or resolved)."""
    size = max(byte_length(str(Path(path).absolute())), byte_length(os.path.realpath(path)))
    if size > PROJECT_PATH_MAX:
        raise ProjectError(
            f"The path to “{Path(path).name}” is too long: {size} bytes with its folders, and "
            f"SQLite, which Counterclaim stores projects with, opens paths of at most {PROJECT_PATH_MAX} "
            "bytes. Move the project to a folder nearer the top of the disk, or give it a shorter name."
        )
