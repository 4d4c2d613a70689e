"""Every question the desk asks the user, in one place.

The desk calls these through the module (``ask.text(...)``), so tests replace them with
monkeypatch and no dialog ever blocks a test. Messages (errors, the import summary)
open window-modal without blocking, so even an unpatched call never stops a test.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

PROJECT_FILTER = "Counterclaim projects (*.counterclaim);;All files (*)"
IMPORT_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.docx *.odt *.pdf);;All files (*)"
)

# The message boxes currently on screen (kept alive until closed; tests inspect them).
open_messages: list[QMessageBox] = []


def _dir(start: str | None) -> str:
    from app.ui import settings

    return start or str(settings.documents_dir())


def open_project_path(parent: QWidget, start: str | None = None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", _dir(start), PROJECT_FILTER)
    return path or None


def new_project_path(parent: QWidget, start: str | None = None, title: str = "New project") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, _dir(start), PROJECT_FILTER)
    if path and not path.endswith(".counterclaim"):
        path += ".counterclaim"
    return path or None


def save_as_path(parent: QWidget, start: str | None = None) -> str | None:
    return new_project_path(parent, start, "Save a copy of the project as")


def import_paths(parent: QWidget, start: str | None = None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import articles", _dir(start), IMPORT_FILTER)
    return list(paths)


def article_details(parent: QWidget, text_: str, outlets: list[str], last_outlet: str | None = None):
    """Paste as New Article: the text with its title, outlet, date and language, or None."""
    from app.ui.paste_dialog import PasteDialog

    dialog = PasteDialog(parent, text_, outlets, last_outlet)
    return dialog.details() if dialog.exec() == QDialog.Accepted else None


def text(parent: QWidget, title: str, label: str, default: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=default)
    return value if ok else None


def color(parent: QWidget, initial: str, title: str = "Choose a colour") -> str | None:
    chosen = QColorDialog.getColor(QColor(initial), parent, title)
    return chosen.name() if chosen.isValid() else None


class ChoiceDialog(QDialog):
    """One of ``options``, starting on ``preselect`` or, when that is None, on none at all:
    OK stays disabled until the user picks one (no arbitrary first entry taken by Enter)."""

    PLACEHOLDER = "Choose…"

    def __init__(self, parent, title: str, label: str, options: list[str], preselect: int | None = 0):
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.options = list(options)
        self.combo = QComboBox(self)
        self.combo.setObjectName("choiceCombo")
        self.combo.addItems(self.options)
        self.combo.setPlaceholderText(self.PLACEHOLDER)
        self.combo.setCurrentIndex(preselect if preselect is not None and 0 <= preselect < len(self.options) else -1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.combo.currentIndexChanged.connect(lambda _i: self._enable())
        layout = QVBoxLayout(self)
        text = QLabel(label, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.combo)
        layout.addWidget(self.buttons)
        self._enable()

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.Ok)

    def _enable(self) -> None:
        self.ok_button.setEnabled(self.combo.currentIndex() >= 0)

    def value(self) -> str | None:
        i = self.combo.currentIndex()
        return self.options[i] if i >= 0 else None


def choose(parent: QWidget, title: str, label: str, options: list[str], preselect: int | None = 0) -> str | None:
    dialog = ChoiceDialog(parent, title, label, options, preselect)
    return dialog.value() if dialog.exec() == QDialog.Accepted else None


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.Yes


def _show(parent: QWidget | None, icon, title: str, text_: str, details: str | None = None) -> QMessageBox:
    box = QMessageBox(icon, title, text_, QMessageBox.Ok, parent)
    box.setObjectName("messageBox")
    if details:
        box.setDetailedText(details)
    open_messages.append(box)
    box.finished.connect(lambda _=0, b=box: open_messages.remove(b) if b in open_messages else None)
    box.open()
    return box


def error(parent: QWidget | None, sentence: str) -> QMessageBox:
    """A refusal the user can act on: the sentence is the whole message."""
    return _show(parent, QMessageBox.Warning, "Counterclaim", sentence)


def bug(parent: QWidget | None, details: str) -> QMessageBox:
    """Something went wrong that is not the user's doing."""
    return _show(
        parent,
        QMessageBox.Critical,
        "Counterclaim",
        "Something went wrong. Your project is safe: every change is saved the moment it is made.\n"
        "If it happens again, please report it with the details below.",
        details,
    )


def info(parent: QWidget | None, title: str, text_: str, details: str | None = None) -> QMessageBox:
    return _show(parent, QMessageBox.Information, title, text_, details)
