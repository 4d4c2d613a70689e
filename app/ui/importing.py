"""Loading articles: File › Import, drag and drop, and Paste as new article.

Imports run in a background Job (their own Project connection) with a progress dialog and
Cancel; whatever was refused is listed in one summary at the end, never one popup per file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog

from app.core.errors import CounterclaimError
from app.core.words import counted
from app.ops import queries
from app.ui import ask, settings
from app.ui.errors import guarded, report
from app.ui.workers import Job


def _import_files(paths):
    def work(project, progress, cancelled):
        from app.ops.importing import import_files

        return import_files(project, paths, progress=progress, cancelled=cancelled)

    return work


def _import_text(details):
    def work(project, progress, cancelled):
        from app.ops.importing import import_text

        progress(0, 1, "pasted text")
        report_ = import_text(
            project, details.text, title=details.title, outlet=details.outlet,
            published=details.published, language=details.language,
        )
        progress(1, 1, "")
        return report_

    return work


def summary_text(report) -> tuple[str, str | None]:
    """One message for a whole import: what came in, what was already there, what was refused."""
    imported, duplicates, refused = report.imported, report.duplicates, report.refused
    lines = []
    n = len(imported)
    statements = sum(o.statements for o in imported)
    if n:
        lines.append(f"Imported {counted(n, 'article')} ({counted(statements, 'statement')}).")
    else:
        lines.append("No new articles were imported.")
    if report.new_parties:
        lines.append("New parties suggested: " + ", ".join(report.new_parties) + ".")
    if duplicates:
        lines.append(f"{len(duplicates)} already in the project (skipped).")
    if report.cancelled:
        lines.append(f"The import was cancelled: {report.stopped_summary()} The articles saved are kept.")
    if refused:
        lines.append(f"{len(refused)} could not be imported.")
    if report.skipped:
        lines.append(f"{len(report.skipped)} left out of the folders unread (links out of them, pipes, devices).")
    if report.warned:
        lines.append(f"{len(report.warned)} imported with a note to read.")
    details = None
    notes = [f"• {Path(o.source).name}: {o.error}" for o in refused]
    notes += [f"• {o.skipped}" for o in report.skipped]
    notes += [f"• {warning}" for o in report.warned for warning in o.warnings]
    if notes:
        details = "\n".join(notes)
        lines.append(details)
    return "\n".join(lines), details


class ImportController(QObject):
    """Runs imports for the window; ``finished`` carries the ImportReport."""

    finished = Signal(object)

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.last_report = None
        self.last_summary: str | None = None
        self.show_new = False  # after this import, show its (first) article even if one is open

    @property
    def busy(self) -> bool:
        return self.job is not None

    # -- entry points -------------------------------------------------------------------------------

    @guarded
    def import_dialog(self) -> None:
        self._need_project()
        paths = ask.import_paths(self.window_, str(settings.start_dir("import")))
        if paths:
            settings.remember_dir("import", Path(paths[0]).parent)
            self.import_paths(paths)

    @guarded
    def paste(self) -> None:
        self._need_project()
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            raise CounterclaimError("The clipboard holds no text to import. Copy an article first.")
        outlets = queries.outlets(self.window_.context.project)
        details = ask.article_details(self.window_, text, outlets, settings.value("paste/last_outlet", None))
        if details is None:
            return
        settings.set_value("paste/last_outlet", details.outlet)
        self.start(_import_text(details), "Importing the pasted article…")
        self.show_new = True  # the pasted article is the one the user wants to read next

    def import_paths(self, paths) -> None:
        paths = [str(p) for p in paths]
        if not paths:
            return
        self.start(_import_files(paths), f"Importing {len(paths)} item{'s' if len(paths) != 1 else ''}…")

    def _need_project(self) -> None:
        context = self.window_.context
        if context is None:
            raise CounterclaimError("Open or create a project first (File › New or File › Open).")
        if context.project.read_only_reason:  # the file itself is read-only
            raise context.project.read_only_refusal()
        if context.project.read_only:
            raise CounterclaimError(
                f"“{context.path.name}” is open read-only here because another Counterclaim window is "
                "editing it; import articles in that window."
            )

    # -- the job ----------------------------------------------------------------------------------------

    def start(self, work, label: str) -> None:
        if self.job is not None:
            raise CounterclaimError("An import is already running; wait for it or cancel it.")
        self._need_project()
        job = Job(self.window_.context.path, work, "import")
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = job
        dialog = QProgressDialog(label, "Cancel", 0, 0, self.window_)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle("Import")
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        self.progress = dialog
        self.window_.statusBar().showMessage(label)
        self.window_.jobs.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if name:
            self.progress.setLabelText(f"Importing {name} ({done + 1} of {total})…")

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.job = None

    def _finished(self, result) -> None:
        self._close_progress()
        self.last_report = result
        ids = [o.article_id for o in result.imported]
        show_new, self.show_new = self.show_new, False
        if self.window_.context is not None:
            self.window_.context.announce(result.changes)
            # a paste shows its article, or the one already holding that text
            shown = ids or ([o.duplicate_of for o in result.duplicates] if show_new else [])
            if shown and (show_new or self.window_.current_article_id is None):
                self.window_.show_article(shown[0])
        text, details = summary_text(result)
        self.last_summary = text
        self.window_.statusBar().showMessage(text.splitlines()[0], 8000)
        if result.refused or result.duplicates or result.cancelled or result.skipped or result.warned or not result.imported:
            ask.info(self.window_, "Import finished", text, details)
        self.finished.emit(result)

    def _failed(self, error) -> None:
        self._close_progress()
        self.show_new = False
        self.window_.statusBar().clearMessage()
        report(error, self.window_)
        self.finished.emit(None)

    # -- drag and drop ----------------------------------------------------------------------------------

    @staticmethod
    def dropped_paths(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]
