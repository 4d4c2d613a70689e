"""Help › Keyboard shortcuts and Help › About (non-blocking dialogs)."""

from __future__ import annotations

import sqlite3
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app import __version__
from app.store import schema

SHORTCUTS = [
    ("Tagging", None),
    ("1 – 9", "Tag the selected statements with the party on that key"),
    ("0", "Mark the selected statements as narration (the outlet's own voice)"),
    ("Enter", "Confirm the suggested tag"),
    ("Delete", "Take the tag off"),
    ("Select words, then 1 – 9 / 0", "Make the selected words a statement of their own and tag it"),
    ("Ctrl + click", "Add a statement to the selection (Shift/Ctrl + click in the table too)"),
    ("Moving", None),
    ("J  /  K", "Next / previous statement"),
    ("↓ →  /  ↑ ←", "Next / previous statement in the article"),
    ("Ctrl + F", "Search all statements"),
    ("Editing", None),
    ("Ctrl + Z", "Undo"),
    ("Ctrl + Shift + Z", "Redo"),
    ("Project", None),
    ("Ctrl + N / Ctrl + O", "New / open project"),
    ("Ctrl + I", "Import articles (or drop files and folders on the window)"),
    ("Ctrl + Shift + V", "Paste the clipboard as a new article"),
    ("Ctrl + Shift + S", "Save a copy of the project (every change is already saved)"),
]


def _dialog(parent, name: str, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    label = QLabel(html, dialog)
    label.setTextFormat(Qt.RichText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setObjectName("helpText")
    buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(buttons)
    dialog.open()
    return dialog


def shortcuts_html() -> str:
    rows = []
    for key, what in SHORTCUTS:
        if what is None:
            rows.append(f"<tr><td colspan=2 style='padding-top:10px'><b>{key}</b></td></tr>")
        else:
            rows.append(f"<tr><td style='padding-right:18px'><tt>{key}</tt></td><td>{what}</td></tr>")
    return "<table>" + "".join(rows) + "</table>"


def show_shortcuts(parent) -> QDialog:
    return _dialog(parent, "shortcutsDialog", "Keyboard shortcuts", shortcuts_html())


def about_html(project_path=None, project_schema: int | None = None) -> str:
    project = (
        f"<p>Project file: <tt>{project_path}</tt><br>Project file version: {project_schema}</p>"
        if project_path
        else "<p>No project open.</p>"
    )
    return (
        f"<h3>Counterclaim {__version__}</h3>"
        "<p>Compare the competing narratives inside news coverage, offline.</p>"
        f"{project}"
        f"<p>Reads project files up to version {schema.SCHEMA_VERSION}.<br>"
        f"Python {sys.version.split()[0]} · Qt for Python {pyside_version} · SQLite {sqlite3.sqlite_version}</p>"
    )


def show_about(parent, context=None) -> QDialog:
    path = context.path if context else None
    version = context.project.schema_version if context else None
    return _dialog(parent, "aboutDialog", "About Counterclaim", about_html(path, version))
