"""Opening a project and keeping it safe, for the desk and the command line alike: the
checked open, the one-editor lock, rolling backups and restores, and the sentence for a
damaged file. Each verb is a thin call into app/store, which owns the file."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import DamagedProject
from app.store import backups, damage
from app.store.backups import BackupNotTaken
from app.store.database import SUFFIX, Project
from app.store.locking import ProjectLock
from app.store.schema import SCHEMA_VERSION

# The open project, its lock, and what a backup that could not be taken raises: the names
# the desk and the CLI hold or catch; SCHEMA_VERSION is the newest file version read.
__all__ = [
    "SCHEMA_VERSION",
    "SUFFIX",
    "BackupNotTaken",
    "Project",
    "ProjectLock",
    "backup_time",
    "backups_to_restore",
    "damage_sentence",
    "damaged_project",
    "interrupted_restore",
    "is_damage",
    "newest_backup",
    "open_checked",
    "restore_backup",
    "take_backup",
]


def open_checked(path: str | Path, create: bool = False) -> Project:
    """Open a project, refusing a damaged one (DamagedProject naming the newest good backup)."""
    return backups.open_checked(path, create=create)


def interrupted_restore(path: str | Path) -> str | None:
    """What an interrupted restore left (which file is which), or None."""
    return backups.interrupted_restore(Path(path))


def take_backup(project: Project) -> Path:
    """The rolling backup taken each time a project opens for editing."""
    return backups.take_backup(project)


def newest_backup(path: str | Path) -> Path | None:
    """The newest backup that passes its integrity check, or None."""
    return backups.newest_usable(Path(path))


def backups_to_restore(path: str | Path) -> list[Path]:
    """The project's backups that can be restored, newest first."""
    return [b for b in backups.list_backups(Path(path)) if backups.is_usable(b)]


def backup_time(backup: Path) -> str:
    """When a backup was taken, as a journalist reads it."""
    return backups.when(backup)


def restore_backup(path: str | Path, backup: Path, lock: ProjectLock | None = None) -> Path:
    """Put a backup in place of the project; returns where the replaced file was kept."""
    return backups.restore_backup(Path(path), backup, lock=lock)


def damaged_project(path: str | Path) -> DamagedProject:
    """The error for a damaged project, naming its newest good backup."""
    return backups.damaged_project(Path(path))


def is_damage(error: BaseException | None) -> bool:
    """True if this error (or one it came from) is SQLite finding the file damaged."""
    return damage.is_damage(error)


def damage_sentence(error: BaseException, path: str | Path | None) -> str | None:
    """The command line's sentence for a damaged project, whatever read found it: says so and
    names the newest good backup (None when the error is not damage or names no project).
    The desk offers the restore itself instead."""
    if path is None or not (isinstance(error, DamagedProject) or damage.is_damage(error)):
        return None
    if getattr(error, "names_backup", False):
        sentence = str(error)
    elif isinstance(error, DamagedProject):  # found on opening: its own sentence says what is wrong
        sentence = f"{error} {backups.backup_hint(path)}"
    else:
        sentence = str(backups.damaged_project(path))
    if backups.newest_usable(path) is not None:
        sentence += " Open the project in the Counterclaim desk to restore it (the damaged file is kept)."
    return sentence
