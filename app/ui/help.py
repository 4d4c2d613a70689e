"""Help › Keyboard shortcuts and Help › About (non-blocking dialogs)."""

from __future__ import annotations

import sqlite3
import sys
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout

from app import __version__
from app.ops import opening

# What is done with the mouse or only inside one widget: no action carries these.
GESTURES = [
    ("Select words, then 1 – 9 / 0", "Make the selected words a statement of their own and tag it", None),
    ("Ctrl + click", "Add a statement to the selection", "Shift/Ctrl + click in the table too"),
    ("↓ →  /  ↑ ←", "Next / previous statement in the article", None),
    ("Enter", "Link the highlighted counterclaim", "in the Counterclaims panel, like L"),
    ("Esc", "Clear the search box and its results", "in the reader: unselect the selected words (the selected statements stay)"),
    ("Drop files or folders", "Import them into the open project", None),
]
Row = tuple[str, str | None, str | None]  # (keys, what, detail); a heading is (title, None, None)


def keys_of(action: QAction) -> list[QKeySequence]:
    """An action's keys: its shortcuts, or the reading keys a Tag-menu entry carries."""
    keys = [k for k in action.shortcuts() if not k.isEmpty()]
    return keys or [QKeySequence(k) for k in (action.property("keys") or [])]


def key_text(key: QKeySequence) -> str:
    """"Ctrl + Shift + Z": the key as this system names it, spaced for reading."""
    return key.toString(QKeySequence.NativeText).replace("+", " + ")


def _label(action: QAction) -> str:
    return action.text().split("\t")[0].replace("&", "").rstrip("…")


def shortcut_rows(window) -> list[Row]:
    """A row for every action in the window's menus that has a key, menu by menu under a
    heading, then the gestures: one source of truth, the actions (label as in the menu, its
    tip as the detail)."""
    rows: list[Row] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        found = _menu_rows(menu)
        if found:
            rows.append((menu.title().replace("&", ""), None, None))
            rows += found
    rows.append(("With the mouse, and inside panels", None, None))
    rows += GESTURES
    return rows


def _menu_rows(menu) -> list[Row]:
    """The rows of one menu (and its submenus); the parties' keys 1–9 share one row."""
    rows: list[Row] = []
    parties: list[tuple[str, str]] = []
    at = None
    for action in menu.actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu())
            continue
        keys = keys_of(action)
        if not keys or action.isSeparator():
            continue
        if action.objectName().startswith("tag_party_"):
            at = len(rows) if at is None else at
            parties.append((key_text(keys[0]), _label(action)))
            continue
        label, tip = _label(action), action.statusTip()
        rows.append((" / ".join(key_text(k) for k in keys), label, tip if tip.casefold() != label.casefold() else None))
    if parties:
        keys = parties[0][0] if len(parties) == 1 else f"{parties[0][0]} – {parties[-1][0]}"
        names = " · ".join(f"{key} {name}" for key, name in parties)
        rows.insert(at, (keys, "Tag the selected statements with the party on that key", names))
    return rows


def _dialog(parent, name: str, title: str, html: str, scroll: bool = False) -> QDialog:
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
    if scroll:  # long enough to need it on a small screen
        area = QScrollArea(dialog)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.NoFrame)
        area.setWidget(label)
        label.setMargin(4)
        layout.addWidget(area)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() * 0.85 if screen is not None else 700
        label.setFixedWidth(600)
        dialog.resize(640, int(min(label.heightForWidth(600) + 70, room)))
    else:
        layout.addWidget(label)
    layout.addWidget(buttons)
    dialog.open()
    return dialog


def shortcuts_html(window) -> str:
    rows = []
    for key, what, detail in shortcut_rows(window):
        if what is None:
            rows.append(f"<tr><td colspan=2 style='padding-top:10px'><b>{escape(key)}</b></td></tr>")
        else:
            more = f"<br><span style='color: #808080'>{escape(detail)}</span>" if detail else ""
            rows.append(
                f"<tr><td style='padding-right:18px'><tt>{escape(key)}</tt></td><td>{escape(what)}{more}</td></tr>"
            )
    return "<table>" + "".join(rows) + "</table>"


def show_shortcuts(window) -> QDialog:
    """Help › Keyboard Shortcuts, made from the window's actions as they are now."""
    from app.ui import actions

    actions.fill_tag_menu(window)  # the parties' keys as they are now
    return _dialog(window, "shortcutsDialog", "Keyboard shortcuts", shortcuts_html(window), scroll=True)


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
        f"<p>Reads project files up to version {opening.SCHEMA_VERSION}.<br>"
        f"Python {sys.version.split()[0]} · Qt for Python {pyside_version} · SQLite {sqlite3.sqlite_version}</p>"
    )


def show_about(parent, context=None) -> QDialog:
    path = context.path if context else None
    version = context.project.schema_version if context else None
    return _dialog(parent, "aboutDialog", "About Counterclaim", about_html(path, version))
