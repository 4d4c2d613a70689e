"""A first-paint probe for the bundled programs, used by the start-up benchmark and smoke tests.

With ``COUNTERCLAIM_BENCH_FIRST_PAINT=1`` the program prints one line on stdout when its first
window has been painted::

    COUNTERCLAIM_FIRST_PAINT 1764000000.123456      (time.time() at the end of that paint)

and with ``COUNTERCLAIM_QUIT_AFTER_PAINT=1`` (or the bench variable) it then closes its windows
and quits through the normal path, so the exit code says whether the desk shut down cleanly.
It quits one turn later than it reports: the work the program queued for after its first
paint runs first (the desk builds its docks and opens the project then), so a smoke test
sees that work done, and fail, too.

It needs no change to the desk: ``install()`` wraps ``QApplication.exec`` so that, once the
event loop starts, an application-wide event filter watches for the first ``Paint`` of a
visible top-level window, and reports on the next turn of the loop (after that window's
children have painted in the same pass). Nothing is installed unless a variable is set.
"""

from __future__ import annotations

import os
import sys
import time

BENCH_ENV = "COUNTERCLAIM_BENCH_FIRST_PAINT"
QUIT_ENV = "COUNTERCLAIM_QUIT_AFTER_PAINT"
MARKER = "COUNTERCLAIM_FIRST_PAINT"


def requested() -> bool:
    return os.environ.get(BENCH_ENV) == "1" or os.environ.get(QUIT_ENV) == "1"


def parse(output: str) -> float | None:
    """The timestamp from a program's stdout, or None when it never painted."""
    for line in output.splitlines():
        if line.startswith(MARKER + " "):
            return float(line.split()[1])
    return None


def install() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec

    class _Probe(QObject):
        def __init__(self, app) -> None:
            super().__init__(app)
            self.app = app
            self.seen = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and obj.isWidgetType()
                and obj.isWindow()
                and obj.isVisible()
            ):
                self.seen = True
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            stamp = time.time()
            if sys.stdout is not None:
                print(f"{MARKER} {stamp:.6f}", flush=True)
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.finish)  # after what was queued for after the paint

        def finish(self) -> None:
            self.app.closeAllWindows()
            self.app.quit()

    def exec_with_probe(*_args):
        app = QApplication.instance()
        if app is not None:
            app._counterclaim_first_paint = _Probe(app)  # kept alive with the application
            app.installEventFilter(app._counterclaim_first_paint)
        return original_exec()

    QApplication.exec = exec_with_probe
