"""Every key the desk acts on is in Help › Keyboard Shortcuts, found in the code, not listed by hand.

The first test reads app/ui for each ``Qt.Key_…`` a key handler compares (reader, table,
search box, narrative panes, suggestions, topic picker) and looks for that key in the help;
Escape (clear the search, drop the selected words in the reader) was missing.
"""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel

from app.ui.help import key_text

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
# The arrows are drawn as arrows in the help.
GLYPHS = {"Key_Down": "↓", "Key_Up": "↑", "Key_Left": "←", "Key_Right": "→"}
KEY = re.compile(r"\bQt\.(Key_[A-Za-z0-9]+)\b")


def _help_text(window) -> str:
    from html import unescape

    window.actions["shortcuts"].trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    text = dialog.findChild(QLabel, "helpText").text()
    dialog.close()
    return unescape(text)


def _keys_in_the_code() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in UI.rglob("*.py"):
        if path.name == "help.py":
            continue
        for name in KEY.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, set()).add(str(path.relative_to(UI)))
    return found


def test_the_code_scan_finds_the_keys_it_should():
    found = _keys_in_the_code()
    for name in ("Key_Escape", "Key_T", "Key_L", "Key_J", "Key_K", "Key_Return", "Key_Delete"):
        assert name in found, name


def test_every_key_a_handler_acts_on_is_in_the_help(window):
    text = _help_text(window)
    missing = []
    for name, where in sorted(_keys_in_the_code().items()):
        shown = GLYPHS.get(name) or key_text(QKeySequence(getattr(Qt, name)))
        if not re.search(r"(?<![\w])" + re.escape(shown) + r"(?![\w])", text):
            missing.append((name, shown, sorted(where)))
    assert not missing, missing


def test_escape_says_what_it_does(window):
    text = _help_text(window)
    line = next(line for line in re.split(r"</tr>", text) if re.search(r"\bEsc\b", line))
    assert "search" in line and "reader" in line
