"""Rolling backups of a project, taken when it is opened, and restoring from them.

Backups live beside the project in a hidden folder (``.name.counterclaim-backups/``)
so they travel with it when the folder is copied, and are pruned to the newest few.
A backup counts only once SQLite's integrity_check passes on it: a damaged project is
never copied, so a good backup is never rotated out for a damaged one.

A restore holds the project's lock and replaces the file in one atomic rename, keeping
the replaced file beside it (a hard link made before the rename). If it is cut short, the
next open says what happened and names the files (``interrupted_restore``).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import shutil
import sqlite3
from pathlib import Path

from app.core.errors import DamagedProject, ProjectError
from app.store import damage, plainfile, sidefiles
from app.store.database import Project
from app.store.locking import InUse, ProjectLock

KEEP = 5


def backup_dir(project_path: Path) -> Path:
    return sidefiles.backup_dir(Path(project_path))


def list_backups(project_path: Path) -> list[Path]:
    """Backups of this project, newest first."""
    folder = backup_dir(project_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.counterclaim"), key=lambda p: p.name, reverse=True)


def take_backup(project: Project, keep: int = KEEP) -> Path | None:
    """Copy the open project aside (SQLite's backup API: consistent even mid-use).

    Returns None, without raising, when the folder is not writable: a missing backup
    must never stop a journalist from opening their work. Raises DamagedProject when the
    copy fails its integrity check (the project itself is damaged): the copy is deleted
    and no older backup is touched.
    """
    folder = backup_dir(project.path)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder.mkdir(exist_ok=True)
        target = project.backup_copy(folder / sidefiles.backup_name(folder, project.path, stamp))
    except (OSError, ProjectError):
        return None
    complaint = damage.problem(target)
    if complaint is not None:
        with contextlib.suppress(OSError):
            target.unlink()
        raise damaged_project(project.path)
    for old in list_backups(project.path)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def is_usable(path: Path) -> bool:
    """A backup we can restore: an intact SQLite file (integrity_check) that is a project."""
    return damage.problem(Path(path)) is None


def newest_usable(project_path: Path) -> Path | None:
    return next((b for b in list_backups(project_path) if is_usable(b)), None)


def when(backup: Path) -> str:
    """When a backup was taken, as a journalist reads it."""
    return _dt.datetime.fromtimestamp(Path(backup).stat().st_mtime).strftime("%d %B %Y, %H:%M")


def backup_hint(project_path: Path) -> str:
    """A sentence naming the newest good backup of a project, or saying there is none."""
    newest = newest_usable(project_path)
    if newest is None:
        return "There is no good backup of it to go back to."
    return f"Its newest good backup is “{newest.name}” from {when(newest)}, in the folder “{newest.parent.name}” beside it."


def damaged_project(project_path: Path) -> DamagedProject:
    """The sentence for a damaged project: says so, and names its newest good backup."""
    project_path = Path(project_path)
    error = DamagedProject(
        f"“{project_path.name}” is damaged: part of the file cannot be read "
        f"(a disk fault or an interrupted copy, say). {backup_hint(project_path)}"
    )
    error.names_backup = True  # type: ignore[attr-defined]
    return error


def open_checked(path, create: bool = False) -> Project:
    """Open a project for a command, refusing a damaged one (DamagedProject naming the
    newest good backup) when the quick check on opening finds damage."""
    project = Project(path, create=create)
    if damage.on_open(project.conn, project.path) is not None:
        project.close()
        raise damaged_project(project.path)
    return project


# -- restoring ----------------------------------------------------------------------------------


def restore_backup(project_path: Path, backup: Path, lock: ProjectLock | None = None) -> Path:
    """Put a backup in place of the project; the file it replaces is kept aside, never lost.

    Refused while another window or a script has the project open (its later writes would
    land in the replaced file). ``lock``: the caller's own ProjectLock, if it holds one.
    Returns where the replaced file is kept.
    """
    project_path, backup = Path(project_path).absolute(), Path(backup)
    name = f"“{project_path.name}”"
    if not is_usable(backup):
        raise ProjectError(f"The backup “{backup.name}” is damaged and cannot be restored.")
    own_lock = lock is None
    lock = lock or ProjectLock(project_path)
    if not lock.acquire():
        raise ProjectError(f"{name} is open in another Counterclaim window: close it there, then restore.")
    in_use = InUse(project_path)
    try:
        if not in_use.exclusive():
            raise ProjectError(
                f"{name} is open in another Counterclaim window or a script, which may still write to it: "
                "close it (or let the script finish), then restore. Nothing was changed."
            )
        return _replace(project_path, backup)
    finally:
        in_use.release()
        if own_lock:
            lock.release()


def _replace(project_path: Path, backup: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = sidefiles.replaced_copy(project_path, stamp)
    staged = sidefiles.restore_staged(project_path)
    marker = sidefiles.restore_marker(project_path)
    try:
        before = _identity(project_path)
        _write_marker(marker, {"backup": str(backup.absolute()), "replaced": str(aside), "file": before})
        with contextlib.closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(str(staged))) as dst:
            src.backup(dst)
        _fsync(staged)
        if project_path.exists():
            _settle(project_path)
            _keep_aside(project_path, aside)
        os.replace(staged, project_path)  # the one step that changes what the path holds
        _fsync(project_path.parent)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            staged.unlink()
        with contextlib.suppress(OSError):
            if aside.exists() and project_path.exists() and os.path.samefile(aside, project_path):
                aside.unlink()  # only a second name of the untouched project
        with contextlib.suppress(OSError):
            marker.unlink()
        raise ProjectError(f"Could not restore the backup: {getattr(error, 'strerror', None) or error}.") from error
    with contextlib.suppress(OSError):
        marker.unlink()
    return aside


def _settle(project_path: Path) -> None:
    """Fold the write-ahead log into the file, so the file alone holds all of it
    (nobody else has it open: we hold it exclusively)."""
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(str(project_path))) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")


def _keep_aside(project_path: Path, aside: Path) -> None:
    """Give the current file a second name (or a copy) before the rename replaces it."""
    try:
        os.link(project_path, aside)
    except OSError:
        shutil.copy2(project_path, aside)
        _fsync(aside)
    for side in ("-wal", "-shm"):  # a log SQLite could not fold in (a damaged file) goes with it
        source = Path(str(project_path) + side)
        if source.exists():
            shutil.move(str(source), str(aside) + side)


def _identity(path: Path) -> list[int] | None:
    """Which file is at the path (device and inode): tells, after a crash, whether the
    one rename happened."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_dev, stat.st_ino]


def _write_marker(marker: Path, info: dict) -> None:
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump(info, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def interrupted_restore(project_path: Path) -> str | None:
    """If a restore of this project was cut short (a crash, a kill), say what the project
    now is and name the files, and tidy up. Call it with the project open (a Project holds
    InUse shared, so no restore can be running at that moment)."""
    project_path = Path(project_path).absolute()
    marker, staged = sidefiles.restore_marker(project_path), sidefiles.restore_staged(project_path)
    if not marker.exists() and not staged.exists():
        return None
    info: dict = {}
    with contextlib.suppress(OSError, ValueError):
        info = json.loads(plainfile.read_text(marker))
    backup = Path(info["backup"]) if info.get("backup") else None
    aside = Path(info["replaced"]) if info.get("replaced") else None
    name = f"“{project_path.name}”"
    replaced = "file" in info and _identity(project_path) != info["file"]
    with contextlib.suppress(OSError):
        staged.unlink()
    if not replaced:  # the one rename never happened: the project is as it was before
        sentence = f"A restore of {name} from a backup was interrupted before it finished: the project is unchanged."
        with contextlib.suppress(OSError):
            if aside is not None and os.path.samefile(aside, project_path):
                aside.unlink()  # a second name of the project itself, not a copy
        if aside is not None and aside.exists():
            sentence += f" A copy of it as it was is also kept as “{aside.name}”."
        if backup is not None:
            sentence += (
                f" The backup it was restoring is “{backup.name}” in “{backup.parent.name}”; "
                "restore it again if you still want it."
            )
    else:  # the rename happened; only the tidying was cut short
        sentence = f"A restore of {name} from a backup was interrupted at its very end: the project is now the backup"
        sentence += f" “{backup.name}”." if backup is not None else "."
        if aside is not None and aside.exists():
            sentence += f" The version it replaced is kept as “{aside.name}”."
    with contextlib.suppress(OSError):
        marker.unlink()
    return sentence
