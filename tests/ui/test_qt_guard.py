"""Void Qt calls must not wear None away (PySide6 abi3 wheels on Python 3.11)."""

import sys

from PySide6.QtCore import QObject

import app.ui  # noqa: F401 - installs the guard
from app.ui import qt_guard


def test_many_void_calls_leave_none_alive():
    assert qt_guard.installed()
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(50_000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) > 1 << 20 or sys.version_info >= (3, 12)
    assert before - sys.getrefcount(None) < 1 << 30
