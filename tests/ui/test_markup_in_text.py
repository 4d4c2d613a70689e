"""Article words that look like markup are shown as words, never interpreted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from app.ops.importing import import_text
from app.store.database import Project
from app.ui import roles

SNEAKY = "The group said its fighters hit 3<5 targets & left <b>nothing</b> <script>x</script> standing."


def _as_shown(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def test_tooltips_and_titles_keep_every_character(open_window, project_path):
    with Project(project_path, create=True) as project:
        import_text(project, SNEAKY + " Officials denied it.", title="<i>Strikes</i> & <b>claims</b>")
    window = open_window(project_path)
    assert window.reader_pane.title.text() == "<i>Strikes</i> & <b>claims</b>"
    assert window.reader_pane.title.textFormat() == Qt.PlainText
    model = window.statements.model
    tip = model.data(model.index(0, model.TEXT), roles.TOOLTIP)
    assert SNEAKY in _as_shown(tip)
