"""The quick topic picker (T): type to filter, Enter files the selected statements under it.

A name that matches no topic creates it. A topic all of them are already under is ticked;
choosing it again takes them off it. Shown with ``show()`` (not exec), so tests drive it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from app.ops import queries
from app.ui import narrative_commands as commands
from app.ui.errors import guarded


class TopicPicker(QDialog):
    def __init__(self, context, ids: list[int], parent=None):
        super().__init__(parent, Qt.Popup if parent is not None else Qt.Dialog)
        self.setObjectName("topicPicker")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.context, self.ids = context, list(ids)
        self.topics = queries.topics(context.project)
        pairs = queries.topic_pairs(context.project, self.ids)
        self.all_under = {
            t.id for t in self.topics if all((sid, t.id) in set(pairs) for sid in self.ids)
        }
        what = "statement" if len(self.ids) == 1 else f"{len(self.ids)} statements"
        self.label = QLabel(f"Put {what} under…", self)
        self.line = QLineEdit(self)
        self.line.setObjectName("topicPickerText")
        self.line.setPlaceholderText("Type a topic (a new name creates it)")
        self.list = QListWidget(self)
        self.list.setObjectName("topicPickerList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.label)
        layout.addWidget(self.line)
        layout.addWidget(self.list)
        self.line.textChanged.connect(self._filter)
        self.line.returnPressed.connect(self.choose)
        self.list.itemActivated.connect(lambda _i: self.choose())
        self.resize(340, 300)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.list.clear()
        needle = text.strip().casefold()
        for topic in self.topics:
            if needle and needle not in topic.name.casefold():
                continue
            mark = "✓ " if topic.id in self.all_under else "   "
            item = QListWidgetItem(mark + topic.name)
            item.setData(Qt.UserRole, topic.id)
            self.list.addItem(item)
        if needle and not any(t.name.casefold() == needle for t in self.topics):
            item = QListWidgetItem(f"＋ New topic “{text.strip()}”")
            item.setData(Qt.UserRole, None)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Down, Qt.Key_Up) and self.line.hasFocus():
            step = 1 if event.key() == Qt.Key_Down else -1
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
            return
        super().keyPressEvent(event)

    @guarded
    def choose(self) -> None:
        item = self.list.currentItem()
        text = self.line.text().strip()
        topic_id = item.data(Qt.UserRole) if item is not None else None
        if topic_id is None and text:
            commands.assign_new_topic(self.context, self.ids, text)
        elif topic_id is not None:
            name = next(t.name for t in self.topics if t.id == topic_id)
            if topic_id in self.all_under:
                commands.unassign_topic(self.context, self.ids, topic_id, name)
            else:
                commands.assign_topic(self.context, self.ids, topic_id, name)
        self.accept()
