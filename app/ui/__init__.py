"""The desk (Qt). See qt_guard for why it is imported first."""

from app.ui import qt_guard as _qt_guard

_qt_guard.install()
