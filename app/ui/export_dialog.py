"""File › Export…: choose a format and what to include, see the sheet, write it in the background.

The preview is the comparison grid as the HTML export draws it (first rows only, so a
huge project previews instantly). Writing runs in a ``Job`` on its own project
connection with a progress bar and Cancel; the window never freezes, and a cancelled or
failed export leaves no file behind (the exporters write to a temporary file first).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CounterclaimError
from app.core.words import counted
from app.ui import settings
from app.ui.errors import report
from app.ui.workers import Job

PREVIEW_ROWS = 12
PREVIEW_ENTRIES = 4


def _export_work(fmt: str, path: str, filters, options: dict):
    def work(project, progress, cancelled):
        from app.ops.exporting import export

        return export(project, fmt, path, filters, progress=progress, cancelled=cancelled, **options)

    return work


class ExportDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        from app.ops.exporting import formats

        self.window_ = window
        self.job: Job | None = None
        self.summary = None
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export comparison sheet")
        self.resize(1000, 640)

        self.format = QComboBox(objectName="exportFormat")
        for key, spec in formats().items():
            self.format.addItem(f"{spec.label} (.{key})" if key != "md" else f"{spec.label} (.md)", key)
        last = settings.value("export/format", "xlsx")
        self.format.setCurrentIndex(max(0, self.format.findData(last)))
        self.page_size = QComboBox(objectName="exportPageSize")
        self.page_size.addItems(["A4", "Letter"])
        self.path = QLineEdit(objectName="exportPath")
        browse = QPushButton("Choose…", objectName="exportBrowse")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Page size (PDF)", self.page_size)
        form.addRow("Save as", where)

        self.articles = self._checklist("exportArticles")
        self.parties = self._checklist("exportParties")
        self.topics = self._checklist("exportTopics")
        self.confirmed_only = QCheckBox("Confirmed tags only (leave out suggestions)", objectName="exportConfirmedOnly")
        self.include_suggested = QCheckBox("QDPX: code suggested tags too (off: only confirmed tags become codings)",
                                           objectName="exportIncludeSuggested")
        filters = QGroupBox("Include (nothing ticked in a list means all of it)")
        columns = QHBoxLayout(filters)
        for title, widget in (("Articles", self.articles), ("Parties (columns)", self.parties),
                              ("Topics (rows)", self.topics)):
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(widget)
            columns.addLayout(box)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(filters, 1)
        left_layout.addWidget(self.confirmed_only)
        left_layout.addWidget(self.include_suggested)
        self.preview = QTextBrowser(objectName="exportPreview")
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)

        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setVisible(False)
        self.status = QLabel(objectName="exportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.AcceptRole)
        self.export_button.setObjectName("exportStart")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._refresh = QTimer(self, singleShot=True, interval=250)
        self._refresh.timeout.connect(self.update_preview)
        self._fill_lists()
        self.format.currentIndexChanged.connect(self._format_changed)
        self.confirmed_only.toggled.connect(self._refresh.start)
        for widget in (self.articles, self.parties, self.topics):
            widget.itemChanged.connect(self._refresh.start)
        self._format_changed()
        self.update_preview()

    # -- choices ----------------------------------------------------------------------------------

    @staticmethod
    def _checklist(name: str) -> QListWidget:
        widget = QListWidget(objectName=name)
        widget.setMinimumWidth(150)
        return widget

    def _fill_lists(self) -> None:
        from app.ops import queries

        project = self.window_.context.project
        for row in queries.article_summaries(project):
            self._add(self.articles, f"{row['title'] or 'Article ' + str(row['id'])} — {row['outlet'] or ''}".rstrip(" —"),
                      row["id"])
        for party in queries.parties(project):
            self._add(self.parties, party.name, party.name)
        for topic in queries.topics(project):
            self._add(self.topics, topic.name, topic.name)

    @staticmethod
    def _add(widget: QListWidget, label: str, data) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Unchecked)
        widget.addItem(item)

    @staticmethod
    def _checked(widget: QListWidget) -> tuple:
        return tuple(
            widget.item(i).data(Qt.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.Checked
        )

    def filters(self):
        from app.ops.exporting import ExportFilters

        return ExportFilters(
            article_ids=self._checked(self.articles),
            party_names=self._checked(self.parties),
            topic_names=self._checked(self.topics),
            confirmed_only=self.confirmed_only.isChecked(),
        )

    @property
    def fmt(self) -> str:
        return self.format.currentData()

    def _format_changed(self) -> None:
        from app.ops.exporting import default_path

        self.page_size.setEnabled(self.fmt == "pdf")
        self.include_suggested.setEnabled(self.fmt == "qdpx")
        current = self.path.text().strip()
        folder = Path(current).parent if current else Path(settings.value("export/last_dir", "") or
                                                            self.window_.context.path.parent)
        self.path.setText(str(default_path(self.window_.context.project, self.fmt, folder)))

    def _browse(self) -> None:
        from app.ops.exporting import export_format

        suffix = export_format(self.fmt).suffix
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), f"*{suffix}")
        if chosen:
            if not chosen.lower().endswith(suffix) and not Path(chosen).exists():
                chosen += suffix
            self.path.setText(chosen)

    # -- preview ----------------------------------------------------------------------------------

    def update_preview(self) -> None:
        from app.ops.exporting import gather, preview_html

        try:
            data = gather(self.window_.context.project, self.filters())
        except CounterclaimError as error:
            self.preview.setPlainText(str(error))
            return
        grid = data.grid()
        if not (grid.rows and grid.columns):
            self.preview.setHtml("<p>No topics or parties to compare yet: put statements under topics first "
                                 "(the statement list is still exported).</p>")
            return
        shown_rows = grid.rows[:PREVIEW_ROWS]
        cells = {
            (r, c): grid.cell(r, c)[:PREVIEW_ENTRIES]
            for r in range(len(shown_rows)) for c in range(len(grid.columns))
        }
        small = replace(grid, rows=shown_rows, _cells=cells)
        more = ""
        if len(grid.rows) > PREVIEW_ROWS:
            more = f"<p><i>… and {counted(len(grid.rows) - PREVIEW_ROWS, 'more topic', 'more topics')} in the export.</i></p>"
        self.preview.setHtml(
            f"<p><b>{counted(len(data.statements), 'statement')}</b> · {counted(len(grid.columns), 'party')} · "
            f"{counted(len(grid.rows), 'topic')} · {counted(len(data.links), 'link')}</p>" + preview_html(small) + more
        )

    # -- writing ----------------------------------------------------------------------------------

    def start(self) -> None:
        if self.job is not None:
            return
        path = self.path.text().strip()
        if not path:
            report(CounterclaimError("Choose where to save the export."), self)
            return
        from app.ops.export_target import check_target

        try:  # at once, before any work: the export must never land on the open project
            check_target(self.window_.context.path, path)
        except CounterclaimError as error:
            report(error, self)
            return
        options = {"page_size": self.page_size.currentText()} if self.fmt == "pdf" else {}
        if self.fmt == "qdpx":
            options["include_suggested"] = self.include_suggested.isChecked()
        settings.set_value("export/format", self.fmt)
        settings.set_value("export/last_dir", str(Path(path).parent))
        context = self.window_.context
        work = _export_work(self.fmt, path, self.filters(), options)
        job = Job(context.path, work, "export", read_only=context.project.read_only)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = job
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(False)
        self.status.setText(f"Exporting to {Path(path).name}…")
        self.window_.jobs.start(job)

    def reject(self) -> None:
        """Cancel (or Esc) stops a running export first; pressed again once stopped, it closes."""
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.job is not None:
            self.job.cancel()
            event.ignore()
            self.status.setText("Cancelling…")
            return
        super().closeEvent(event)

    def _progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if stage:
            self.status.setText(f"Exporting: {stage}…")

    def _done(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)

    def _finished(self, summary) -> None:
        self._done()
        self.summary = summary
        text = summary.sentence() + "".join(f" {w}" for w in summary.warnings)
        self.status.setText(text)
        self.window_.statusBar().showMessage(text, 8000)
        self.accept()

    def _failed(self, error) -> None:
        self._done()
        from app.ops.exporting import ExportCancelled

        if isinstance(error, ExportCancelled):
            self.status.setText(str(error))
            return
        self.status.setText("")
        report(error, self)


def show_export_dialog(window) -> ExportDialog | None:
    """The File › Export… action: a window-modal dialog on the open project."""
    if window.context is None:
        report(CounterclaimError("Open or create a project first (File › New or File › Open)."), window)
        return None
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
