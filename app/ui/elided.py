"""A label that shrinks with its window instead of widening it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    """A one-line label that never widens its pane: too long, it ends in "…" and the whole
    text is its tooltip."""

    def __init__(self, text: str = "", parent=None, padding: int = 0):
        super().__init__(text, parent)
        self.full = text
        self.padding = padding  # what a stylesheet adds inside the label
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802
        self.full = text
        self._fit()

    def text(self) -> str:
        """The whole text, as set (what is drawn may end in "…")."""
        return self.full

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin() - self.padding
        shown = self.fontMetrics().elidedText(self.full, Qt.ElideRight, max(room, 20))
        super().setText(shown)
        self.setToolTip(self.full if shown != self.full else "")
