"""The topic panel: what the parties disagree about, in the order the sheet shows it.

Add, rename, recolour, merge, delete, reorder (▲ ▼) — each an undoable TopicCommand.
Drop statements on a topic (from the narrative panes or the statement table) to file them
under it; T on selected statements opens the quick picker (app.ui.topic_picker).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CounterclaimError
from app.ops import queries, topics_ops
from app.ops.changes import first
from app.ui import ask, roles
from app.ui import narrative_commands as commands
from app.ui.context import follow
from app.ui.errors import guarded
from app.ui.narrative.pane import ids_from_mime
from app.ui.narrative_commands import TopicCommand

ID_ROLE = roles.USER


class TopicModel(QAbstractTableModel):
    NAME, COUNT = range(2)
    HEADERS = ("Topic", "Statements")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context = None
        self.topics = []
        self.counts: dict[int, int] = {}

    def reload(self) -> None:
        self.beginResetModel()
        if self.context is not None:
            self.topics = queries.topics(self.context.project)
            self.counts = queries.topic_counts(self.context.project)
        else:
            self.topics, self.counts = [], {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.topics)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=roles.DISPLAY):  # noqa: N802
        return self.HEADERS[section] if orientation == roles.HORIZONTAL and role == roles.DISPLAY else None

    def data(self, index, role=roles.DISPLAY):
        if not index.isValid():
            return None
        topic = self.topics[index.row()]
        if role == roles.DISPLAY:
            return topic.name if index.column() == self.NAME else self.counts.get(topic.id, 0)
        if role == roles.DECORATION and index.column() == self.NAME:
            return QColor(topic.color)
        if role == roles.ALIGNMENT and index.column() == self.COUNT:
            return int(Qt.AlignCenter)
        if role == roles.TOOLTIP:
            return f"{topic.name}: drop statements here to put them under it"
        if role == ID_ROLE:
            return topic.id
        return None


class TopicTable(QTableView):
    """Accepts statements dropped on a topic row."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def _ids(self, event) -> list[int]:
        return ids_from_mime(event.mimeData())

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._ids(event):
            event.setDropAction(Qt.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if self._ids(event) and index.isValid():
            self.setCurrentIndex(index)
            event.setDropAction(Qt.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        ids = self._ids(event)
        if not ids or not index.isValid():
            event.ignore()
            return
        event.setDropAction(Qt.LinkAction)
        event.accept()
        self.panel.drop_on(index.row(), ids)


class TopicPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("topicPanel")
        self.context = None
        self.model = TopicModel(self)
        self.view = TopicTable(self)
        self.view.setObjectName("topicList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TopicModel.NAME, QHeaderView.Stretch)
        header.setSectionResizeMode(TopicModel.COUNT, QHeaderView.ResizeToContents)
        self.view.doubleClicked.connect(lambda _i: self.rename())
        buttons = QGridLayout()
        buttons.setSpacing(2)
        specs = [
            ("Add…", "Add a topic", self.add),
            ("Rename…", "Rename the selected topic", self.rename),
            ("Colour…", "Change the selected topic's colour", self.recolour),
            ("Merge…", "Fold the selected topic into another one", self.merge),
            ("Delete", "Remove the selected topic (its statements stay)", self.delete),
            ("▲", "Move up", partial(self.move, -1)),
            ("▼", "Move down", partial(self.move, 1)),
        ]
        self.buttons: dict[str, QToolButton] = {}
        for n, (label, tip, slot) in enumerate(specs):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button, n // 4, n % 4)
            self.buttons[label.strip("…")] = button
        hint = QLabel("T puts the selected statements under a topic; or drop them on one here.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)

    def set_context(self, context) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        self.model.context = context
        self.model.reload()

    @guarded
    def on_change(self, change) -> None:
        if change.touches("topics", "structure", "project"):
            current = self.selected_id()
            self.model.reload()
            self.select(first(change.topic_ids) or current)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def select(self, topic_id: int | None) -> None:
        for row, topic in enumerate(self.model.topics):
            if topic.id == topic_id:
                self.view.selectRow(row)
                return

    def _selected(self):
        topic = next((t for t in self.model.topics if t.id == self.selected_id()), None)
        if topic is None or self.context is None:
            raise CounterclaimError("Select a topic in the list first.")
        return topic

    def _run(self, text: str, op) -> None:
        self.context.run(TopicCommand(self.context, text, op))

    @guarded
    def drop_on(self, row: int, ids: list[int]) -> None:
        topic = self.model.topics[row]
        commands.assign_topic(self.context, ids, topic.id, topic.name)

    @guarded
    def add(self) -> None:
        if self.context is None:
            return
        name = ask.text(self, "Add a topic", "What the parties disagree about (a short question or phrase):")
        if name and name.strip():
            project = self.context.project
            self._run(f"Add topic {name.strip()}", lambda: topics_ops.create(project, name))

    @guarded
    def rename(self) -> None:
        topic = self._selected()
        name = ask.text(self, "Rename topic", f"New name for “{topic.name}”:", topic.name)
        if name and name.strip() != topic.name:
            project = self.context.project
            self._run(f"Rename {topic.name}", lambda: topics_ops.rename(project, topic.id, name))

    @guarded
    def recolour(self) -> None:
        topic = self._selected()
        colour = ask.color(self, topic.color, f"Colour for {topic.name}")
        if colour and colour.lower() != topic.color.lower():
            project = self.context.project
            self._run(f"Recolour {topic.name}", lambda: topics_ops.recolour(project, topic.id, colour))

    @guarded
    def merge(self) -> None:
        topic = self._selected()
        others = [t for t in self.model.topics if t.id != topic.id]
        if not others:
            return
        # No topic is a likelier target than another: the user picks one, nothing is preselected.
        name = ask.choose(self, "Merge topics", f"Fold “{topic.name}” into:", [t.name for t in others], preselect=None)
        target = next((t for t in others if t.name == name), None)
        if target is not None:
            project = self.context.project
            self._run(f"Merge {topic.name} into {target.name}", lambda: topics_ops.merge(project, topic.id, target.id))

    @guarded
    def delete(self) -> None:
        topic = self._selected()
        count = self.model.counts.get(topic.id, 0)
        if count and not ask.confirm(self, "Delete topic", f"Delete “{topic.name}”? " + (
                "Its statement stays, only its place under it goes" if count == 1
                else f"Its {count:,} statements stay, only their place under it goes") + " (you can undo this)."):
            return
        project = self.context.project
        self._run(f"Delete topic {topic.name}", lambda: topics_ops.delete(project, topic.id))

    @guarded
    def move(self, step: int) -> None:
        topic = self._selected()
        order = [t.id for t in self.model.topics]
        i = order.index(topic.id)
        j = i + step
        if not 0 <= j < len(order):
            return
        order[i], order[j] = order[j], order[i]
        project = self.context.project
        self._run(f"Move {topic.name}", lambda: topics_ops.reorder(project, order))
        self.select(topic.id)
