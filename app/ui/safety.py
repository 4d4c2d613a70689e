"""Opening a project safely: one editing window per file, a backup on every open, and a way
back from a damaged file.

- A project already open for editing in another Counterclaim window (this process or
  another) opens read-only here, with a sentence saying why.
- Each time a project opens for editing, a rolling backup is taken in the background; it
  counts only if its integrity check passes, so a damaged file never replaces a good backup.
- A file found damaged (on opening, by the backup's check, or by any later read) is never
  overwritten: the desk says so and offers the newest good backup; restoring keeps the
  damaged file aside.
- A restore holds the project's lock and is refused while anything else has the file open;
  an interrupted one is explained (which file is which) the next time the project opens.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import CounterclaimError, DamagedProject
from app.ops import opening
from app.ops.opening import Project, ProjectLock
from app.ui import ask
from app.ui.workers import Job


def _when(backup: Path) -> str:
    return opening.backup_time(backup)


def open_for_window(window, path: str | Path, create: bool) -> tuple[Project, ProjectLock | None]:
    """Open a project for a window; returns it with the lock held (None when read-only)."""
    path = Path(path).expanduser().absolute()
    try:
        project = opening.open_checked(path, create=create)
    except DamagedProject as error:
        project = _offer_backup(window, path, error)
    note = opening.interrupted_restore(project.path)
    if note:
        ask.info(window, "A restore was interrupted", note)
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
            job = Job(project.path, lambda p, _progress, _cancelled: opening.take_backup(p), "backup")
            job.signals.failed.connect(lambda error, w=window, p=project.path: _backup_failed(w, p, error))
            window.jobs.start(job)
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
    newest = opening.newest_backup(path)
    if newest is None:
        raise error
    question = (
        f"{error} Restore the backup from {_when(newest)}? "
        "The damaged file is kept beside it, renamed, so nothing is lost."
    )
    if not ask.confirm(window, "Restore from backup", question):
        raise error
    aside = opening.restore_backup(path, newest)
    window.statusBar().showMessage(f"Restored the backup of {_when(newest)}; the damaged file is {aside.name}", 10000)
    return Project(path)


def _backup_failed(window, path: Path, error: BaseException) -> None:
    """The background backup found the open project damaged: say so, offer the newest good backup."""
    if isinstance(error, opening.BackupNotTaken):  # the work goes on; the journalist is told
        ask.info(window, "No backup was taken", str(error))
        return
    if not isinstance(error, DamagedProject):
        return  # a backup that could not be written never stops the journalist's work
    newest = opening.newest_backup(path)
    if newest is None or window.context is None or window.context.path != path or window.project_lock is None:
        ask.error(window, str(error))
        return
    question = (
        f"{error} Restore the backup from {_when(newest)} now? "
        "The damaged file is kept beside it, renamed, so nothing is lost."
    )
    if ask.confirm(window, "Restore from backup", question):
        _restore_into_window(window, newest, _when(newest), "the damaged file")


def damaged_sentence(error: BaseException, window) -> str | None:
    """For the desk's error reporting: a damaged file found by any read, as a sentence
    naming the newest good backup (None for every other error)."""
    if isinstance(error, CounterclaimError) or not opening.is_damage(error):
        return None  # a refusal is already its own sentence (and may be about another file)
    if window is not None and not hasattr(window, "context") and hasattr(window, "window"):
        window = window.window()  # a panel of the main window
    context = getattr(window, "context", None)
    if context is None:
        return "The project is damaged: part of the file cannot be read. Open it again to restore a backup."
    return f"{opening.damaged_project(context.path)} Use File › Restore from Backup… to go back to it."


def restore_from_backup(window) -> None:
    """File › Restore from Backup…: put an earlier state of the open project back."""
    context = window.context
    if context is None:
        raise CounterclaimError("Open a project first: backups belong to a project.")
    path = context.path
    choices = opening.backups_to_restore(path)
    if not choices:
        raise CounterclaimError(
            f"There are no backups of “{path.name}” yet: one is taken each time the project is opened."
        )
    labels = [_when(b) for b in choices]
    picked = ask.choose(window, "Restore from backup", "Go back to the project as it was on:", labels)
    if picked is None:
        return
    if window.project_lock is None:
        raise CounterclaimError(f"“{path.name}” is open read-only here; restore it from the window that edits it.")
    _restore_into_window(window, choices[labels.index(picked)], picked, "the version it replaced")


def _restore_into_window(window, backup: Path, label: str, replaced: str) -> None:
    """Close the window's project but keep its lock, restore, and open the project again."""
    path = window.context.path
    if not window.jobs.wait(30_000):
        raise CounterclaimError("Wait for the work in progress to finish, then restore.")
    lock, window.project_lock = window.project_lock, None
    window.close_project()  # its connection closes; the lock stays ours during the restore
    try:
        aside = opening.restore_backup(path, backup, lock=lock)
    finally:
        lock.release()
        window.open_project(path)
    window.statusBar().showMessage(f"Restored the backup of {label}; {replaced} is kept as {aside.name}", 10000)
