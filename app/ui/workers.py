"""Background work off the UI thread: each job opens its own Project on the same file.

A ``Job`` runs ``work(project, progress, cancelled)`` in Qt's thread pool and reports
through signals that arrive on the UI thread: ``progress(done, total, label)``,
``finished(result)`` or ``failed(error)``. ``cancel()`` asks it to stop between steps.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.ops.opening import Project

Work = Callable[[Project, Callable[[int, int, str], None], Callable[[], bool]], object]


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception, with its traceback text in .details


class Job(QRunnable):
    def __init__(self, project_path: Path, work: Work, name: str = "job", read_only: bool = False):
        super().__init__()
        self.read_only = read_only  # a job for a read-only window must not write either
        self.setAutoDelete(False)  # the desk keeps it until its signals are delivered
        self.project_path = Path(project_path)
        self.work = work
        self.name = name
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # in a pool thread
        try:
            with Project(self.project_path, read_only=self.read_only) as project:
                result = self.work(project, self._progress, self._cancel.is_set)
        except Exception as error:  # noqa: BLE001 - reported on the UI thread
            error.details = traceback.format_exc()  # type: ignore[attr-defined]
            self.done.set()
            self._emit(self.signals.failed, error)
            return
        self.done.set()
        self._emit(self.signals.finished, result)

    def _progress(self, done: int, total: int, label: str) -> None:
        self._emit(self.signals.progress, done, total, label)

    @staticmethod
    def _emit(signal, *args) -> None:
        with contextlib.suppress(RuntimeError):  # the window that asked is gone (the desk is closing): nobody to tell
            signal.emit(*args)


class JobRunner(QObject):
    """Starts jobs and keeps them alive until they report back."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.active: list[Job] = []

    def start(self, job: Job) -> Job:
        self.active.append(job)
        job.signals.finished.connect(self._forget)
        job.signals.failed.connect(self._forget)
        self.pool.start(job)
        return job

    def _forget(self, _result=None) -> None:
        signals = self.sender()
        self.active = [j for j in self.active if j.signals is not signals]

    @property
    def busy(self) -> bool:
        return bool(self.active)

    def cancel_all(self) -> None:
        for job in list(self.active):
            job.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
