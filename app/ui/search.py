"""The search box (Ctrl+F): full-text search over every statement, as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit


class SearchBox(QLineEdit):
    """Emits ``search(text)`` after a short pause in typing, or at once on Enter."""

    search = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText("Search statements  (Ctrl+F)")
        self.setToolTip(
            "Full-text search over every statement: words, \"exact phrases\", OR, NOT, prefix*.\n"
            "Results appear in the statement table; narrow them with its party, status, topic and outlet filters."
        )
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setMaximumWidth(520)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._fire)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self._fire)

    def _fire(self) -> None:
        self._timer.stop()
        self.search.emit(self.text().strip())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self.clear()
            self.search.emit("")
            return
        super().keyPressEvent(event)
