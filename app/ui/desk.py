"""Starting the desk: the application, its settings and icon, and which project to open.

``counterclaim PROJECT`` opens that project; with no argument the last project opens, and
on the very first run a sample project made from the bundled seed article, with its
suggestions shown, so a new user sees the point at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.core.errors import CounterclaimError
from app.ui import settings

#: Whether the desktop was dark at the last start: the palette of the next start's first paint.
SYSTEM_DARK_KEY = "view/system_dark"
SAMPLE_NAME = "Sample — Pakistan and Iran strikes.counterclaim"
#: What a citation of the sample article says (the file itself is plain text with no headline,
#: so its title would be the file name and its byline the "By World News DESK" line).
SAMPLE_ARTICLE = {
    "title": "Pakistan launches air strikes on Baloch militants in Iran",
    "outlet": "World News",
    "byline": "World News staff",
    "published": "2024-01-18",
    "language": "en",
}


def sample_project_path() -> Path:
    return settings.data_dir() / SAMPLE_NAME


def create_sample_project(path: Path | None = None) -> Path:
    """Import the bundled seed article into a new project (once); returns its path."""
    from dataclasses import replace

    from app.ops.importing import import_document, read_document
    from app.resources import resource_path
    from app.ops.opening import Project

    path = path or sample_project_path()
    if path.exists():
        return path
    partial = path.with_name(path.name + ".creating")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    with Project(partial, create=True) as project:
        doc = replace(read_document(resource_path("sample", "seed-article.txt")), **SAMPLE_ARTICLE)
        report = import_document(project, doc)
        if report.refused:
            raise CounterclaimError(f"The sample article could not be imported: {report.refused[0].error}")
        project.set_meta("sample", "1")
    partial.rename(path)
    return path


def startup_project(args: list[str]) -> tuple[Path | None, bool]:
    """The project to open and whether to create it: argument, else last, else the sample."""
    paths = [a for a in args if not a.startswith("-")]
    if paths:
        path = Path(paths[0]).expanduser()
        return path, not path.exists() and path.suffix == ".counterclaim"
    last = settings.last_project()
    if last and Path(last).exists():
        return Path(last), False
    if settings.value("desk/first_run_done", "") != "1":
        settings.set_value("desk/first_run_done", "1")
        return create_sample_project(), False
    return None, False


def build_window(args: list[str]):
    """The main window for these arguments (also what tests and the screenshot script use)."""
    from app.ui.main_window import MainWindow

    window = MainWindow()
    open_startup_project(window, args)
    return window


def open_startup_project(window, args: list[str]) -> None:
    from app.ui import errors

    try:
        path, create = startup_project(args)
        if path is not None:
            window.open_project(path, create=create)
    except Exception as error:  # noqa: BLE001 - the window opens anyway, with the reason shown
        errors.report(error, window)


def make_application(argv: list[str] | None = None, paint_first: bool = False) -> QApplication:
    """The application with its names, icon and theme; ``paint_first`` (the double-clicked
    desk) takes whether the desktop is dark from the last start, checked after the paint."""
    app = QApplication.instance()
    if app is None:
        # Fractional scaling as the screen asks (Qt 6's default, said for any Qt): through the
        # variable, as touching the Qt.* enums costs 20 ms before the first paint.
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
        app = QApplication(argv or [sys.argv[0]])
    settings.configure_application()
    app.setApplicationDisplayName("Counterclaim")
    app.setDesktopFileName("counterclaim")
    from app.ui import theme
    from app.ui.main_window import app_icon

    app.setWindowIcon(app_icon())
    name = str(settings.value("view/theme", "system"))
    dark = None if name in ("light", "dark") else system_dark(app, remembered=paint_first)
    theme.apply_theme(app, name, dark)
    return app


def system_dark(app: QApplication, remembered: bool = False) -> bool:
    """Whether the desktop asks for dark colours; with ``remembered``, the answer kept from
    the last start (asking Qt builds its enums, 20 ms before the first paint). An answer
    asked of Qt is kept for the next start."""
    from app.ui import theme

    kept = settings.value(SYSTEM_DARK_KEY)
    if remembered and kept in ("0", "1"):
        return kept == "1"
    dark = theme.system_is_dark(app)
    if kept != ("1" if dark else "0"):
        settings.set_value(SYSTEM_DARK_KEY, "1" if dark else "0")
    return dark


def confirm_system_theme(app: QApplication) -> None:
    """After the first paint: ask Qt after all, and change palette if the desktop changed."""
    from app.ui import theme

    name = str(settings.value("view/theme", "system"))
    if name in ("light", "dark"):
        return
    dark = system_dark(app)
    if app.property("counterclaimTheme") != ("dark" if dark else "light"):
        theme.apply_theme(app, name, dark)


class FileOpenHandler(QObject):
    """A project double-clicked while the desk runs (macOS sends a QFileOpenEvent)."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.FileOpen and event.file():
            from app.ui import errors

            try:
                self.window_.open_project(event.file())
            except Exception as error:  # noqa: BLE001
                errors.report(error, self.window_)
            return True
        return False


def run_desk(args: list[str]) -> int:
    from app.ui import errors
    from app.ui.main_window import MainWindow

    app = make_application([sys.argv[0], *args], paint_first=True)
    # Paint first: the window the journalist keeps shows at once, at its final size and in
    # the theme's colours; its docks and menus are built on the turn after that first paint,
    # then the project opens (on a first run, the sample is made), instead of a blank screen.
    window = MainWindow(fill=False)
    errors.install_excepthook(lambda: window)
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    window.show()
    AfterFirstPaint(window, lambda: fill_and_open(window, args))
    code = app.exec()
    window.stop_jobs()  # a backup or index still running must finish before Python exits
    return code


def fill_and_open(window, args: list[str]) -> None:
    """After the first paint: build the window's contents, then open the startup project."""
    if not window.isVisible():  # closed before the event loop came round
        return
    confirm_system_theme(QApplication.instance())
    window.fill_in()
    open_startup_project(window, args)


class AfterFirstPaint(QObject):
    """Run a callback once, on the turn of the event loop after a widget first paints."""

    def __init__(self, widget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False
