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
from app.store.database import Project, write_refusal
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


class BackupNotTaken(ProjectError):
    """No backup could be taken (the sentence says why); the project itself is fine."""


def take_backup(project: Project, keep: int = KEEP) -> Path:
    """Copy the open project aside (SQLite's backup API: consistent even mid-use).

    Raises BackupNotTaken, with a sentence saying why, when no backup can be written (the
    folder's name is taken by a file, the disk is full): the caller says so but goes on, as
    a missing backup must never stop a journalist from opening their work. Raises
    DamagedProject when the copy fails its integrity check (the project itself is damaged):
    the copy is deleted and no older backup is touched.
    """
    folder = backup_dir(project.path)
    name = f"“{project.path.name}”"
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    if os.path.lexists(folder) and not folder.is_dir():
        raise BackupNotTaken(
            f"No backup of {name} was taken: “{folder.name}”, where its backups go, is a file, not a "
            "folder. Move or rename that file (it is not one of the backups) so backups can be taken again."
        )
    try:
        folder.mkdir(exist_ok=True)
        target = project.backup_copy(folder / sidefiles.backup_name(folder, project.path, stamp))
    except OSError as error:
        raise BackupNotTaken(
            f"No backup of {name} was taken: the folder “{folder.name}” beside it could not be made "
            f"({error.strerror or error}). Your work is safe; it is only not backed up this time."
        ) from error
    except ProjectError as error:
        raise BackupNotTaken(
            f"No backup of {name} was taken: {error} Your work is safe; it is only not backed up this time."
        ) from error
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
    A project reached through a symbolic link is restored where the link points (the link
    stays a link). Returns where the replaced file is kept.
    """
    project_path, backup = Path(project_path).absolute(), Path(backup)
    real = Path(os.path.realpath(project_path))
    name = f"“{project_path.name}”"
    if not is_usable(backup):
        raise ProjectError(f"The backup “{backup.name}” is damaged and cannot be restored.")
    with contextlib.suppress(OSError):
        if os.path.samefile(backup, real):
            raise ProjectError(f"“{backup.name}” is the project itself, not a backup of it; nothing was changed.")
    refusal = _why_not_replaceable(real)
    if refusal:
        raise ProjectError(f"Could not restore the backup: {name} {refusal}, so it cannot be replaced. Nothing was changed.")
    own_lock = lock is None
    lock = lock or ProjectLock(project_path)
    if not lock.acquire():
        raise ProjectError(f"{name} is open in another Counterclaim window: close it there, then restore.")
    # Whoever has the project open holds its in-use lock under the name they opened it by.
    in_use = [InUse(path) for path in dict.fromkeys((project_path, real))]
    try:
        if not all(each.exclusive() for each in in_use):
            raise ProjectError(
                f"{name} is open in another Counterclaim window or a script, which may still write to it: "
                "close it (or let the script finish), then restore. Nothing was changed."
            )
        return _replace(real, backup)
    finally:
        for each in in_use:
            each.release()
        if own_lock:
            lock.release()


def _why_not_replaceable(path: Path) -> str | None:
    """Why the file at ``path`` cannot be swapped for another, in words, or None."""
    if not path.exists():
        return None
    reason = write_refusal(path)
    if reason:
        return f"is read-only ({reason})"
    reason = write_refusal(path.parent)
    return f"is in a folder that cannot be changed ({reason})" if reason else None


def _replace(project_path: Path, backup: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = sidefiles.replaced_copy(project_path, stamp)
    staged = sidefiles.restore_staged(project_path)
    marker = sidefiles.restore_marker(project_path)
    before = _identity(project_path)
    moved: list[tuple[Path, Path]] = []
    try:
        _write_marker(marker, {"backup": str(backup.absolute()), "replaced": str(aside), "file": before})
        with contextlib.closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(str(staged))) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # the staged copy leaves no -wal/-shm
        _fsync(staged)
        if project_path.exists():
            _settle(project_path)
            moved = _keep_aside(project_path, aside)
        os.replace(staged, project_path)  # the one step that changes what the path holds
        _fsync(project_path.parent)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            staged.unlink()
        if _identity(project_path) == before:  # the project was not replaced: undo the rest
            for source, kept in moved:
                with contextlib.suppress(OSError):
                    shutil.move(str(kept), str(source))
            with contextlib.suppress(OSError):
                aside.unlink()  # a second name, or a copy, of the untouched project
        with contextlib.suppress(OSError):
            marker.unlink()
        raise ProjectError(
            f"Could not restore the backup: {getattr(error, 'strerror', None) or error}. The project is unchanged."
        ) from error
    with contextlib.suppress(OSError):
        marker.unlink()
    return aside


def _settle(project_path: Path) -> None:
    """Fold the write-ahead log into the file, so the file alone holds all of it
    (nobody else has it open: we hold it exclusively)."""
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(str(project_path))) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")


def _keep_aside(project_path: Path, aside: Path) -> list[tuple[Path, Path]]:
    """Give the current file a second name (or a copy) before the rename replaces it;
    returns the side files moved with it (from, to)."""
    try:
        os.link(project_path, aside)
    except OSError:
        shutil.copy2(project_path, aside)
        _fsync(aside)
    moved = []
    for side in ("-wal", "-shm"):  # a log SQLite could not fold in (a damaged file) goes with it
        source = Path(str(project_path) + side)
        if source.exists():
            shutil.move(str(source), str(aside) + side)
            moved.append((source, Path(str(aside) + side)))
    return moved


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
    project_path = Path(os.path.realpath(project_path))  # a restore works where a link points
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
