"""Noticing other writers: the command line or a second window changes the open project.

``OtherWriters`` asks SQLite every ``INTERVAL_MS`` whether another connection has committed
to the file (``app.ops.queries.data_version``; one pragma, no query when nothing changed)
and emits ``noticed`` when one has. The project context turns that into one ``project``
change, which every view already answers by re-reading what it shows; the current article,
the selected statements and the undo stack stay as they are.

The desk's own edits never move the version (they are this connection's). Its own background
writer (an import, on a connection of its own) does, so polling is held while one runs and
the import's own announcement refreshes the views; the one check after it may reload once more.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.ops import queries
from app.ops.queries import Project

INTERVAL_MS = 300  # an outside change shows within a second, timer and reload included


class OtherWriters(QObject):
    noticed = Signal()

    def __init__(self, project: Project, parent: QObject | None = None, interval_ms=INTERVAL_MS):
        super().__init__(parent)
        self.project: Project | None = project
        self._seen = queries.data_version(project)
        self._held: Callable[[], bool] = lambda: False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        if self.project is not None:
            self.timer.start()

    def stop(self) -> None:
        """The project is closing: no check runs on it again."""
        self.timer.stop()
        self.project = None

    def hold_while(self, busy: Callable[[], bool]) -> None:
        """Skip checks while ``busy()``: the desk's own background writer is at work."""
        self._held = busy

    def check(self) -> bool:
        """True (and ``noticed`` emitted) if another connection committed since the last check."""
        if self.project is None or self._held():
            return False
        version = queries.data_version(self.project)
        if version is None or version == self._seen:
            return False
        self._seen = version
        self.noticed.emit()
        return True
