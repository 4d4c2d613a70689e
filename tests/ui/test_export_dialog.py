"""File › Export…: the dialog previews the grid, exports in the background, and cancels cleanly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from seed_tagging import PARTY_ORDER, TOPIC_ORDER

from app.ui.context import ProjectContext
from app.ui.workers import JobRunner


class _Window(QMainWindow):
    """What the dialog needs from the main window: the open project and the job runner."""

    def __init__(self, project):
        super().__init__()
        self.context = ProjectContext(project, self)
        self.jobs = JobRunner(self)


@pytest.fixture
def window(qtbot, seed_project):
    project, _ = seed_project
    w = _Window(project)
    qtbot.addWidget(w)
    yield w
    w.jobs.cancel_all()
    w.jobs.wait(10_000)


def _dialog(window):
    from app.ui.export_dialog import show_export_dialog

    dialog = show_export_dialog(window)
    assert dialog is not None and dialog.objectName() == "exportDialog"
    return dialog


def _tick(widget, label: str) -> None:
    for i in range(widget.count()):
        if widget.item(i).text() == label:
            widget.item(i).setCheckState(Qt.Checked)
            return
    raise AssertionError(label)


def test_preview_shows_the_grid_and_follows_the_filters(window, qtbot, shown):
    dialog = _dialog(window)
    html = dialog.preview.toHtml()
    for name in (*PARTY_ORDER, *TOPIC_ORDER):
        assert name in html
    assert "World News, 2024-01-18" in html
    _tick(dialog.findChild(type(dialog.parties), "exportParties"), "Iran")
    qtbot.waitUntil(lambda: "Baloch separatists" not in dialog.preview.toHtml(), timeout=3000)
    assert "It also warned Pakistan" in dialog.preview.toHtml()
    assert "The foreign ministry also said" not in dialog.preview.toHtml()  # Pakistan's column is gone
    dialog.reject()


def test_export_runs_in_the_background_and_reports(window, qtbot, tmp_path, shown):
    dialog = _dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.path.setText(str(tmp_path / "desk.xlsx"))
    _tick(dialog.topics, "What was hit")
    dialog.export_button.click()
    assert dialog.job is not None  # off the UI thread
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert (tmp_path / "desk.xlsx").is_file()
    assert dialog.summary.topics == 1 and dialog.summary.parties == 3
    assert "Wrote desk.xlsx" in window.statusBar().currentMessage()


def test_pdf_export_from_the_desk(window, qtbot, tmp_path, shown):
    dialog = _dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.page_size.isEnabled()
    dialog.page_size.setCurrentText("Letter")
    dialog.path.setText(str(tmp_path / "desk.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert (tmp_path / "desk.pdf").read_bytes().startswith(b"%PDF")


def test_a_failure_is_one_sentence_and_no_file(window, qtbot, tmp_path, shown):
    dialog = _dialog(window)
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(folder))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert any("a folder has that name" in s for s in shown.of("error"))
    assert dialog.export_button.isEnabled()


def test_file_menu_export_opens_the_dialog(open_window, project_path, seed_path, qtbot, tmp_path):
    from seed_tagging import build_seed

    from app.store.database import Project
    from app.ui.export_dialog import ExportDialog

    with Project(project_path, create=True) as project:
        build_seed(project, seed_path.parent)
    main = open_window(project_path)
    action = main.actions["export"]
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = main.findChild(ExportDialog, "exportDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.path.setText(str(tmp_path / "from-menu.html"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "from-menu.html").exists(), timeout=20_000)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=5_000)


def test_cancel_stops_the_export_and_leaves_no_file(window, qtbot, tmp_path, shown, monkeypatch):
    import threading

    from app.io.exporters import csv_export

    release = threading.Event()
    original = csv_export.write

    def slow(data, path, progress=None, cancelled=None):
        release.wait(10)  # hold the job until the test has pressed Cancel
        return original(data, path, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(csv_export, "write", slow)
    dialog = _dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(tmp_path / "stopped.csv"))
    dialog.export_button.click()
    dialog.reject()  # the Cancel button while running: stop, stay open
    assert dialog.isVisible() and "Cancelling" in dialog.status.text()
    release.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "cancelled" in dialog.status.text()
    assert not (tmp_path / "stopped.csv").exists()
    assert not shown.of("error")
