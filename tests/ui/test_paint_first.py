"""Paint first: the double-clicked desk shows the window it keeps before its heavy parts load,
then builds its docks and opens the project on the turn after that first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QDockWidget

from app.store.database import Project
from app.ui import desk, settings, theme
from app.ui.main_window import MainWindow

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# What the window module may load before the first paint: Qt's modules and the light desk.
PROBE = """
import json, sys
import PySide6.QtCore as core
import app.ui.desk, app.ui.main_window
print(json.dumps({"modules": sorted(sys.modules), "qt_namespace": "Qt" in vars(core)}))
"""


def test_the_window_and_its_start_import_nothing_heavy_before_the_first_paint():
    env = {**os.environ, "PYTHONPATH": REPO, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    ours = {m for m in seen["modules"] if m == "app" or m.startswith("app.")}
    assert ours <= {
        "app", "app.core", "app.core.errors", "app.core.words",
        "app.ui", "app.ui.desk", "app.ui.errors", "app.ui.main_window",
        "app.ui.settings", "app.ui.theme",
    }, sorted(ours)
    assert "sqlite3" not in seen["modules"]
    assert not seen["qt_namespace"], "PySide6's Qt namespace (20 ms of enums) was built"


def _paint_first(qtbot, args):
    """run_desk's start, without its event loop: the frame, then the contents after its paint."""
    window = MainWindow(fill=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    painted = window.geometry()
    assert not window.filled and not window.findChildren(QDockWidget) and window.context is None
    desk.AfterFirstPaint(window, lambda: desk.fill_and_open(window, args))
    window.update()
    qtbot.waitUntil(lambda: window.context is not None, timeout=10_000)
    return window, painted


def test_the_desk_paints_its_frame_then_fills_in_and_opens_the_project(qtbot, shown, seeded_path):
    window, painted = _paint_first(qtbot, [str(seeded_path)])
    try:
        assert window.geometry() == painted  # the frame does not move or grow when the docks arrive
        docks = {d.objectName() for d in window.docks}
        assert docks >= {"articlesDock", "partiesDock", "statementsDock"}
        assert window.windowTitle() == "investigation — Counterclaim"
        with Project(seeded_path, read_only=True) as project:
            statements = project.execute("SELECT count(*) FROM statements").fetchone()[0]
        assert statements > 0 and len(window.statements.model.rows) == statements
        assert len(window.reader.rows) == statements
    finally:
        window.stop_jobs()
        window.close_project()


def test_the_frame_takes_the_size_the_filled_window_needed_last_time(qtbot, shown, seeded_path):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(200, 150)  # smaller than the docks allow: the filled window is held at its minimum
    first.show()
    qtbot.waitExposed(first)
    needed = first.size()
    first.close()
    assert settings.value("window/least_size") == first.minimumSizeHint()

    window, painted = _paint_first(qtbot, [str(seeded_path)])
    try:
        assert painted.size() == needed and window.size() == needed
    finally:
        window.stop_jobs()
        window.close_project()


def test_a_window_closed_before_it_fills_in_keeps_the_saved_dock_layout(qtbot):
    state = QByteArray(b"a dock layout saved by an earlier session")
    settings.set_value("window/state", state)
    window = MainWindow(fill=False)
    qtbot.addWidget(window)
    window.show()
    window.close()  # before the turn that would build its docks
    window.stop_jobs()  # nothing to wait for: no job runner yet
    assert settings.value("window/state") == state
    assert settings.value("window/least_size") is None


def test_the_first_paint_takes_the_system_theme_remembered_and_then_checks_it(qtbot):
    app = QApplication.instance()
    palette, name = app.palette(), app.property("counterclaimTheme")
    try:
        # Offscreen Qt reports no dark desktop; the last start remembered a dark one.
        settings.set_value(desk.SYSTEM_DARK_KEY, "1")
        desk.make_application(paint_first=True)
        assert app.property("counterclaimTheme") == "dark"
        desk.confirm_system_theme(app)
        assert app.property("counterclaimTheme") == "light" and not theme.is_dark(app)
        assert settings.value(desk.SYSTEM_DARK_KEY) == "0"
        # A chosen theme is never second-guessed.
        settings.set_value("view/theme", "dark")
        desk.make_application(paint_first=True)
        desk.confirm_system_theme(app)
        assert app.property("counterclaimTheme") == "dark"
    finally:
        app.setPalette(palette)
        app.setProperty("counterclaimTheme", name)
