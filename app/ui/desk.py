"""Starting the desk: the application, its settings and icon, and which project to open.

``counterclaim PROJECT`` opens that project; with no argument the last project opens, and
on the very first run a sample project made from the bundled seed article, with its
suggestions shown, so a new user sees the point at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.core.errors import CounterclaimError
from app.ui import settings

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


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or [sys.argv[0]])
    settings.configure_application()
    app.setApplicationDisplayName("Counterclaim")
    app.setDesktopFileName("counterclaim")
    from app.ui import theme
    from app.ui.main_window import app_icon

    app.setWindowIcon(app_icon())
    theme.apply_theme(app, str(settings.value("view/theme", "system")))
    return app


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

    app = make_application([sys.argv[0], *args])
    window = MainWindow()
    errors.install_excepthook(lambda: window)
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    window.show()
    # Paint the window first, then open the project (and on a first run build the sample):
    # the journalist sees Counterclaim at once instead of waiting on a blank screen.
    AfterFirstPaint(window, lambda: window.isVisible() and open_startup_project(window, args))
    code = app.exec()
    window.jobs.cancel_all()  # a backup or index still running must finish before Python exits
    window.jobs.wait(10_000)
    return code


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
