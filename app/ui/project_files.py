"""Projects: File › New, Open, Open Recent and Save As; the recent list lives in settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.core.errors import CounterclaimError
from app.ops.opening import SUFFIX
from app.ui import ask, settings
from app.ui.errors import guarded


class ProjectFiles(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.fill_recent()

    def _start_dir(self) -> str:
        context = self.window_.context
        return str(settings.start_dir("projects", context.path.parent if context else None))

    @guarded
    def new(self) -> None:
        path = ask.new_project_path(self.window_, self._start_dir())
        if not path:
            return
        path = Path(path)
        settings.remember_dir("projects", path.parent)
        if path.exists():
            raise CounterclaimError(
                f"“{path.name}” already exists. Open it with File › Open, or choose another name."
            )
        self.window_.open_project(path, create=True)

    @guarded
    def open(self) -> None:
        path = ask.open_project_path(self.window_, self._start_dir())
        if path:
            settings.remember_dir("projects", Path(path).parent)
            self.window_.open_project(path)

    @guarded
    def open_recent(self, path: str) -> None:
        if not Path(path).exists():
            settings.remove_recent(path)
            self.fill_recent()
            raise CounterclaimError(f"{path} is no longer there; it has been taken off the recent list.")
        self.window_.open_project(path)

    @guarded
    def save_as(self) -> None:
        context = self.window_.context
        if context is None:
            raise CounterclaimError("There is no project open to save.")
        path = ask.save_as_path(self.window_, self._start_dir())
        if not path:
            return
        target = Path(path)
        settings.remember_dir("projects", target.parent)
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        if target.absolute() == context.path:
            return  # the project's own name: every change is already saved there
        context.project.save_copy(target)  # refuses the project under any other name, and its side files
        self.window_.statusBar().showMessage(f"Saved a copy as {target}", 6000)
        settings.add_recent(target)
        self.fill_recent()

    @guarded
    def restore_backup(self) -> None:
        from app.ui import safety

        safety.restore_from_backup(self.window_)

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_projects()
        for n, path in enumerate(recent, 1):
            label = f"&{n} {Path(path).stem}" if n < 10 else Path(path).stem
            action = QAction(label, self.recent_menu)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_recent(p))
            self.recent_menu.addAction(action)
        if not recent:
            empty = self.recent_menu.addAction("No recent projects")
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction("Clear the list")
            clear.triggered.connect(self._clear)

    def _clear(self) -> None:
        settings.set_value("projects/recent", [])
        self.fill_recent()
