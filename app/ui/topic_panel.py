"""The topic panel: what the parties disagree about, in the order the sheet shows it.

Add, rename, recolour, merge, delete, reorder (▲ ▼) — each an undoable TopicCommand.
Drop statements on a topic (from the narrative panes or the statement table) to file them
under it; T on selected statements opens the quick picker (app.ui.topic_picker).

Suggest topics groups the project's statements by the points in dispute, off the UI thread
(``app.ops.topic_suggesting``); a suggested topic is listed in italics, "(suggested)", with
what its statements share as its tooltip, until the journalist accepts it (it and its
statements become theirs), rejects it, renames, merges or splits it — each undoable.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CounterclaimError
from app.core.words import SUGGESTED_MARK, counted
from app.ops import queries, topic_suggesting, topics_ops
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
        self.offered: dict[int, int] = {}  # statements suggested into each topic
        self._italic = QFont()
        self._italic.setItalic(True)

    def reload(self) -> None:
        self.beginResetModel()
        if self.context is not None:
            self.topics = queries.topics(self.context.project)
            self.counts = queries.topic_counts(self.context.project)
            self.offered = queries.topic_suggestion_counts(self.context.project)
        else:
            self.topics, self.counts, self.offered = [], {}, {}
        self.endResetModel()

    def count_text(self, topic) -> str:
        offered = self.offered.get(topic.id, 0)
        if topic.suggested:
            return str(offered)
        mine = self.counts.get(topic.id, 0)
        return f"{mine} + {offered}?" if offered else str(mine)

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
            if index.column() == self.COUNT:
                return self.count_text(topic)
            return topic.name + (SUGGESTED_MARK if topic.suggested else "")
        if role == roles.DECORATION and index.column() == self.NAME:
            return QColor(topic.color)
        if role == roles.ALIGNMENT and index.column() == self.COUNT:
            return int(Qt.AlignCenter)
        if role == roles.FONT and topic.suggested:
            return self._italic
        if role == roles.FOREGROUND and topic.suggested:
            return QColor("#5A5A5A")
        if role == roles.TOOLTIP:
            return self.tooltip(topic)
        if role == ID_ROLE:
            return topic.id
        return None

    def tooltip(self, topic) -> str:
        if topic.suggested:
            return (f"Suggested by Counterclaim: {counted(self.offered.get(topic.id, 0), 'statement')} that "
                    f"{topic.shares.replace('shares: ', 'share ') or 'are alike'}. Accept it to make it yours; "
                    "rename, merge, split or reject it.")
        offered = self.offered.get(topic.id, 0)
        extra = f" Counterclaim suggests {counted(offered, 'more statement')} for it: Accept adds them." if offered else ""
        return f"{topic.name}: drop statements here to put them under it.{extra}"


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
    def __init__(self, jobs=None, parent=None, selection=None):
        super().__init__(parent)
        self.setObjectName("topicPanel")
        self.context = None
        self.jobs = jobs  # background work (app.ui.workers.JobRunner); None: suggest in place
        self.selection = selection or (lambda: [])  # the statements selected in the desk
        self.job = None
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
            ("Accept", "Make the selected suggestion yours: the topic and the statements suggested for it", self.accept),
            ("Reject", "Turn the selected suggestion down (its statements stay, under no topic)", self.reject),
            ("Split…", "Move the statements selected in the desk into a new topic of their own", self.split),
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
        suggest_row = QHBoxLayout()
        self.suggest_button = QToolButton(self)
        self.suggest_button.setObjectName("suggestTopics")
        self.suggest_button.setText("Suggest topics")
        self.suggest_button.setToolTip("Group the project's statements by the points in dispute (your topics are kept)")
        self.suggest_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.suggest_button.clicked.connect(lambda _c=False: self.suggest())
        self.how_many = QSpinBox(self)
        self.how_many.setObjectName("suggestHowMany")
        self.how_many.setRange(0, 50)
        self.how_many.setSpecialValueText("auto")
        self.how_many.setSuffix(" topics")
        self.how_many.setToolTip("About how many new topics to suggest (auto: by the size of the project)")
        suggest_row.addWidget(self.suggest_button, 1)
        suggest_row.addWidget(self.how_many)
        self.status = QLabel("T puts the selected statements under a topic; or drop them on one here.", self)
        self.status.setObjectName("topicStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(suggest_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

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

    # -- suggestions ------------------------------------------------------------------------

    @guarded
    def suggest(self) -> None:
        """Work the suggestions out off the UI thread, then store them in one undoable step."""
        if self.context is None or self.job is not None:
            return
        count = self.how_many.value() or None
        if self.context.project.read_only:
            raise CounterclaimError("This project is open read-only: topics cannot be suggested in it.")
        if self.jobs is None:
            project = self.context.project
            self._store(lambda: topic_suggesting.suggest(project, count))
            return
        from app.ui.workers import Job

        def work(project, _progress, cancelled):
            return topic_suggesting.suggest_apart(project.path, count, cancelled)

        self.job = Job(self.context.path, work, "topic suggestions", read_only=True)
        self.job.signals.finished.connect(self._planned)
        self.job.signals.failed.connect(self._failed)
        self.suggest_button.setEnabled(False)
        self.status.setText("Grouping the statements by what they are about…")
        self.jobs.start(self.job)

    def _planned(self, changes) -> None:
        self.job = None
        self.suggest_button.setEnabled(True)
        if self.context is not None and changes is not None:
            self.run_guarded(lambda: self._store(lambda: changes))  # written already: onto the undo stack

    def _failed(self, error) -> None:
        self.job = None
        self.suggest_button.setEnabled(True)
        self.status.setText("Topics could not be suggested: " + (str(error) if isinstance(error, CounterclaimError)
                            else "something went wrong; nothing was changed."))

    @guarded
    def run_guarded(self, work) -> None:
        work()

    def _store(self, suggest) -> None:
        """Run ``suggest`` (it returns the Changes of storing the suggestions) as one undoable step."""
        command = TopicCommand(self.context, "Suggest topics", suggest)
        self.context.run(command)
        after = command.changes.after if command.changes is not None else None
        if after is None:
            return
        made = sum(1 for row in after.rows.values() if row is not None and row.suggested)
        confirmed = {i for i, row in after.rows.items() if row is not None and not row.suggested}
        into = sum(1 for _s, topic_id, _score in after.suggestions if topic_id not in after.rows or topic_id in confirmed)
        if made or into:
            extra = f", and {counted(into, 'statement')} for your topics" if into else ""
            self.status.setText(f"Suggested {counted(made, 'topic')}{extra}. Accept, rename, merge, "
                                "split or reject each; Edit ▸ Undo takes them all back.")
        else:
            self.status.setText("Nothing to suggest: too few statements say what they are about.")

    @guarded
    def accept(self) -> None:
        topic = self._selected()
        if not topic.suggested and not self.model.offered.get(topic.id):
            raise CounterclaimError(f"“{topic.name}” is yours already; nothing is suggested for it.")
        project = self.context.project
        self._run(f"Accept {topic.name}", lambda: topics_ops.accept(project, topic.id))

    @guarded
    def reject(self) -> None:
        topic = self._selected()
        if not topic.suggested and not self.model.offered.get(topic.id):
            raise CounterclaimError(f"“{topic.name}” is yours, not a suggestion: Delete removes it.")
        project = self.context.project
        self._run(f"Reject {topic.name}", lambda: topics_ops.reject(project, topic.id))

    @guarded
    def split(self) -> None:
        topic = self._selected()
        ids = list(self.selection())
        if not ids:
            raise CounterclaimError(f"Select the statements of “{topic.name}” to move, in the narrative view or the table.")
        name = ask.text(self, "Split topic", f"Move {counted(len(ids), 'selected statement')} of “{topic.name}” "
                        "into a new topic called:")
        if name and name.strip():
            project = self.context.project
            self._run(f"Split {topic.name}", lambda: topics_ops.split(project, topic.id, ids, name))

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
