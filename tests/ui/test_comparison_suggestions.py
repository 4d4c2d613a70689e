"""In the comparison sheet a suggested tag looks different from a confirmed one, with a legend saying why."""

from __future__ import annotations

import pytest
from export_cases import CONFIRMED, SUGGESTED, build
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMainWindow, QStyleOptionViewItem

from app.ui.comparison_sheet import COLOR_ROLE, ENTRIES_ROLE, ComparisonSheet
from app.ui.context import ProjectContext


@pytest.fixture
def sheet(qtbot, project):
    from app.store import topics

    ids = build(project)
    with project.transaction():
        topics.assign(project, topics.ensure(project, "What was hit"), list(ids.values()))
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = ComparisonSheet(window)
    window.setCentralWidget(widget)
    widget.set_context(ProjectContext(project, window))
    window.show()
    widget.reload()
    yield widget  # the window stays referenced while the test runs
    window.close()


def _cell(sheet, text):
    model = sheet.model
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            entries = model.index(r, c).data(ENTRIES_ROLE)
            if entries and entries[0].text == text:
                return model.index(r, c)
    raise AssertionError(text)


class _Index:
    """A stand-in model index holding given entries (to paint one entry both ways)."""

    def __init__(self, entries):
        self.entries = entries

    def data(self, role=Qt.DisplayRole):
        return self.entries if role == ENTRIES_ROLE else "#1F77B4" if role == COLOR_ROLE else None


def _paint(sheet, entries) -> QImage:
    image = QImage(400, 120, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 120)
    option.font = sheet.view.font()
    painter = QPainter(image)
    sheet.view.itemDelegate().paint(painter, option, _Index(entries))
    painter.end()
    return image


def test_a_suggestion_is_labelled_and_drawn_differently(sheet):
    suggested, confirmed = _cell(sheet, SUGGESTED), _cell(sheet, CONFIRMED)
    assert "(suggested)" in suggested.data() and "(suggested)" not in confirmed.data()
    assert "(suggested)" in suggested.data(Qt.ToolTipRole)
    [entry] = suggested.data(ENTRIES_ROLE)
    delegate = sheet.view.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = sheet.view.font()
    font, _ink = delegate.entry_look(option, entry)
    assert font.italic()
    assert not delegate.entry_look(option, confirmed.data(ENTRIES_ROLE)[0])[0].italic()
    from dataclasses import replace

    as_confirmed = replace(entry, status="confirmed")
    assert _paint(sheet, [entry]) != _paint(sheet, [as_confirmed])  # not the same pixels
    assert "not yet confirmed" in sheet.legend.text() and sheet.legend.isVisible()
