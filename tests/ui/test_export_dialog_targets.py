"""The export dialog refuses the open project (and its journal, lock, backups, links to it) as the target."""

from __future__ import annotations

import hashlib
import os
import re
import zipfile

import pytest
from export_cases import build
from PySide6.QtWidgets import QMainWindow

from app.store import backups
from app.ui.context import ProjectContext
from app.ui.workers import JobRunner


class _Window(QMainWindow):
    def __init__(self, project):
        super().__init__()
        self.context = ProjectContext(project, self)
        self.jobs = JobRunner(self)


@pytest.fixture
def window(qtbot, project):
    build(project)
    backups.take_backup(project)
    w = _Window(project)
    qtbot.addWidget(w)
    yield w
    w.jobs.cancel_all()
    w.jobs.wait(10_000)


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", ["project", "-wal", "backup", "hard link"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf", "qdpx"])
def test_the_dialog_refuses_the_projects_own_files(window, qtbot, shown, fmt, kind):
    from app.ui.export_dialog import show_export_dialog

    path = window.context.path
    target = {
        "project": path,
        "-wal": path.with_name(path.name + "-wal"),
        "backup": backups.list_backups(path)[0] if backups.list_backups(path) else path,
    }.get(kind)
    if kind == "hard link":
        target = path.with_name("copy.counterclaim")
        os.link(path, target)
    before = _digest(path.parent)
    dialog = show_export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    errors = shown.of("error")
    assert errors and "an export there would destroy it" in errors[-1]
    assert _digest(path.parent) == before
    assert dialog.summary is None and dialog.export_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize("ticked", [False, True])
def test_qdpx_codes_suggestions_only_when_ticked(window, qtbot, shown, tmp_path, ticked):
    from app.ui.export_dialog import show_export_dialog

    dialog = show_export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.include_suggested.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("qdpx"))
    assert dialog.include_suggested.isEnabled() and not dialog.include_suggested.isChecked()  # off by default
    dialog.include_suggested.setChecked(ticked)
    out = tmp_path / "desk.qdpx"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    with zipfile.ZipFile(out) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    code = re.search(r'<Code guid="([^"]+)" name="Pakistan"', qde).group(1)
    assert (f'targetGUID="{code}"' in qde) == ticked
