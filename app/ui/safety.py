"""Opening a project safely: one editing window per file, a backup on every open, and a way
back from a damaged file.

- A project already open for editing in another Counterclaim window (this process or
  another) opens read-only here, with a sentence saying why.
- Each time a project opens for editing, a rolling backup is taken in the background.
- A file that is damaged or not a project is never overwritten: the desk offers the newest
  usable backup, and restoring keeps the damaged file aside.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from app.core.errors import CounterclaimError, DamagedProject
from app.store import backups
from app.store.database import Project
from app.store.locking import ProjectLock
from app.ui import ask
from app.ui.workers import Job


def _when(backup: Path) -> str:
    stamp = _dt.datetime.fromtimestamp(backup.stat().st_mtime)
    return stamp.strftime("%d %B %Y, %H:%M")


def open_for_window(window, path: str | Path, create: bool) -> tuple[Project, ProjectLock | None]:
    """Open a project for a window; returns it with the lock held (None when read-only)."""
    path = Path(path).expanduser().absolute()
    try:
        project = Project(path, create=create)
    except DamagedProject as error:
        project = _offer_backup(window, path, error)
    if project.read_only:  # the file (or its folder) is read-only: say so now, not at the first edit
        ask.info(
            window,
            "Opened read-only",
            f"“{path.name}” is read-only ({project.read_only_reason}), so it is open read-only here: "
            "you can read, search and export, but not change it.",
        )
        return project, None
    lock = ProjectLock(project.path)
    if lock.acquire():
        if not create:
            window.jobs.start(Job(project.path, lambda p, _progress, _cancelled: backups.take_backup(p), "backup"))
        return project, lock
    project.close()
    ask.info(
        window,
        "Opened read-only",
        f"“{path.name}” is already open in another Counterclaim window, so it is open read-only "
        "here: you can read, search and export, but not change it. Close the other window to edit.",
    )
    return Project(path, read_only=True), None


def _offer_backup(window, path: Path, error: DamagedProject) -> Project:
    usable = [b for b in backups.list_backups(path) if backups.is_usable(b)]
    if not usable:
        raise error
    newest = usable[0]
    question = (
        f"{error} Counterclaim has a backup from {_when(newest)}. Restore it? "
        "The damaged file is kept beside it, renamed, so nothing is lost."
    )
    if not ask.confirm(window, "Restore from backup", question):
        raise error
    aside = backups.restore_backup(path, newest)
    window.statusBar().showMessage(f"Restored the backup of {_when(newest)}; the damaged file is {aside.name}", 10000)
    return Project(path)


def restore_from_backup(window) -> None:
    """File › Restore from Backup…: put an earlier state of the open project back."""
    context = window.context
    if context is None:
        raise CounterclaimError("Open a project first: backups belong to a project.")
    path = context.path
    choices = [b for b in backups.list_backups(path) if backups.is_usable(b)]
    if not choices:
        raise CounterclaimError(
            f"There are no backups of “{path.name}” yet: one is taken each time the project is opened."
        )
    labels = [_when(b) for b in choices]
    picked = ask.choose(window, "Restore from backup", "Go back to the project as it was on:", labels)
    if picked is None:
        return
    backup = choices[labels.index(picked)]
    if window.project_lock is None:
        raise CounterclaimError(f"“{path.name}” is open read-only here; restore it from the window that edits it.")
    window.close_project()
    try:
        aside = backups.restore_backup(path, backup)
    finally:
        window.open_project(path)
    window.statusBar().showMessage(
        f"Restored the backup of {picked}; the version it replaced is kept as {aside.name}", 10000
    )
