"""The reader shows page furniture dimmed and never as a statement to tag."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor

from app.store.database import Project

PAGE = (
    "Storm surge floods the Corran waterfront\n"
    "UPDATED: 14 November 2025, 09:40 GMT\n"
    "The harbour board in Corran said on Thursday that the sea wall had failed in two places.\n"
    "Sign up for the Corran Mercury's morning newsletter.\n"
    "“We saw the water come over the wall at dawn,” said Ailsa Drummond, who runs a café on the quay.\n"
    "Photo: Rhys Penhale / Mercury Pictures\n"
    "The board said repairs would begin once the tide turned. Residents were told to avoid the quay.\n"
    "Read more: Corran council rejects flood barrier plan\n"
    "Have a tip? Contact us.\n"
    "Copyright 2025 Corran Mercury. All rights reserved."
)


def test_furniture_is_dimmed_and_not_a_statement(open_window, project_path, qtbot, tmp_path):
    from app.ops.importing import import_text

    with Project(project_path, create=True) as project:
        import_text(project, PAGE, title="Storm surge floods the Corran waterfront", outlet="Corran Mercury")
    window = open_window(project_path)
    window.resize(1400, 860)
    reader = window.reader
    spans = [(s, e) for s, e, _f in reader.furniture]
    with Project(project_path, read_only=True) as project:
        text = project.execute("SELECT text FROM articles").fetchone()[0]
    dimmed = [text[s:e] for s, e in spans]
    assert "Sign up for the Corran Mercury's morning newsletter." in dimmed
    assert "Photo: Rhys Penhale / Mercury Pictures" in dimmed
    assert not any("harbour board" in line or "Drummond" in line for line in dimmed)
    assert all(reader.statement_at(s) is None for s, _e in spans)

    # a click on a furniture line selects nothing
    window.tagging.set_selection([])
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.offsets.to_utf16(spans[1][0] + 3))
    qtbot.mouseClick(reader.viewport(), Qt.LeftButton, Qt.NoModifier, reader.cursorRect(cursor).center())
    assert window.tagging.selected == []

    # the highlighter paints exactly those characters with the dim format, halfway to the paper
    h = reader.highlighter
    assert h.dim_starts == [reader.offsets.to_utf16(s) for s, _e in spans]
    assert h.dim_ends == [reader.offsets.to_utf16(e) for _s, e in spans]
    ink = reader.palette().color(QPalette.Text)
    dim = h.dim_format.foreground().color()
    assert h.dim_format.fontItalic() and dim != ink
    out = Path(os.environ.get("COUNTERCLAIM_SHOTS", tmp_path)) / "reader-page-furniture.png"
    qtbot.wait(50)
    assert window.grab().save(str(out))
