"""Rolling backups of a project, taken when it is opened, and restoring from them.

Backups live beside the project in a hidden folder (``.name.counterclaim-backups/``)
so they travel with it when the folder is copied, and are pruned to the newest few.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sqlite3
from pathlib import Path

from app.core.errors import ProjectError
from app.store.database import Project

KEEP = 5


def backup_dir(project_path: Path) -> Path:
    project_path = Path(project_path)
    return project_path.with_name(f".{project_path.name}-backups")


def list_backups(project_path: Path) -> list[Path]:
    """Backups of this project, newest first."""
    folder = backup_dir(project_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.counterclaim"), key=lambda p: p.name, reverse=True)


def take_backup(project: Project, keep: int = KEEP) -> Path | None:
    """Copy the open project aside (SQLite's backup API: consistent even mid-use).

    Returns None, without raising, when the folder is not writable: a missing backup
    must never stop a journalist from opening their work.
    """
    folder = backup_dir(project.path)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder.mkdir(exist_ok=True)
        target = project.backup_copy(folder / f"{project.path.stem}-{stamp}.counterclaim")
    except (OSError, ProjectError):
        return None
    for old in list_backups(project.path)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def is_usable(path: Path) -> bool:
    """A backup we can restore: an intact SQLite file that is a Counterclaim project."""
    try:
        with contextlib.closing(sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
            return conn.execute("PRAGMA user_version").fetchone()[0] > 0
    except sqlite3.Error:
        return False


def restore_backup(project_path: Path, backup: Path) -> Path:
    """Put a backup in place of the project; the file it replaces is kept aside, never lost.

    Returns where the replaced file was moved to.
    """
    project_path, backup = Path(project_path), Path(backup)
    if not is_usable(backup):
        raise ProjectError(f"The backup “{backup.name}” is damaged and cannot be restored.")
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = project_path.with_name(f"{project_path.stem}.replaced-{stamp}{project_path.suffix}")
    staged = project_path.with_name(project_path.name + ".restoring")
    try:
        with contextlib.closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(str(staged))) as dst:
            src.backup(dst)
        if project_path.exists():
            os.replace(project_path, aside)
            for side in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.replace(str(project_path) + side, str(aside) + side)
        os.replace(staged, project_path)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise ProjectError(f"Could not restore the backup: {getattr(error, 'strerror', None) or error}.") from error
    return aside
