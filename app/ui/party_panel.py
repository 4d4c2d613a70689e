"""The party panel: colour, name, key 1–9 and how many statements each party holds.

Every edit here (add, rename, recolour, aliases, reorder, merge, delete) is an undoable
PartyCommand calling app.ops.parties_ops.
"""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
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
from app.core.same_side import likely_target
from app.ops import parties_ops, queries
from app.ui import alias_dialog, ask
from app.ui import roles
from app.ops.changes import Changes, first
from app.ui.context import ProjectContext, follow
from app.ui.errors import guarded
from app.ui.undo_commands import PartyCommand

ID_ROLE = roles.USER


class PartyModel(QAbstractTableModel):
    KEY, NAME, COUNT = range(3)
    HEADERS = ("Key", "Party", "Count")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context: ProjectContext | None = None
        self.parties = []
        self.counts: dict = {}

    def set_context(self, context: ProjectContext | None) -> None:
        self.context = context
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self.context:
            self.parties = list(self.context.parties)
            self.counts = queries.party_counts(self.context.project)
        else:
            self.parties, self.counts = [], {}
        self.endResetModel()

    def apply_tag_pairs(self, pairs) -> None:
        """Move counts from each statement's old party to its new one (no query)."""
        for before, after in pairs:
            if before.party_id != after.party_id:
                self.counts[before.party_id] = self.counts.get(before.party_id, 0) - 1
                self.counts[after.party_id] = self.counts.get(after.party_id, 0) + 1
        if self.parties:
            self.dataChanged.emit(self.index(0, self.COUNT), self.index(len(self.parties) - 1, self.COUNT))

    def refresh_counts(self) -> None:
        if not self.context or not self.parties:
            return
        self.counts = queries.party_counts(self.context.project)
        self.dataChanged.emit(self.index(0, self.COUNT), self.index(len(self.parties) - 1, self.COUNT))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.parties)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=roles.DISPLAY):
        if orientation == Qt.Horizontal and role == roles.DISPLAY:
            return self.HEADERS[section]
        return None

    def data(self, index, role=roles.DISPLAY):
        if not index.isValid():
            return None
        party = self.parties[index.row()]
        column = index.column()
        if role == roles.DISPLAY:
            if column == self.KEY:
                return str(party.shortcut) if party.shortcut else ""
            if column == self.NAME:
                return party.name
            return self.counts.get(party.id, 0)
        if role == roles.DECORATION and column == self.NAME:
            return QColor(party.color)
        if role == roles.ALIGNMENT and column != self.NAME:
            return int(Qt.AlignCenter)
        if role == roles.TOOLTIP:
            aliases = escape(", ".join(party.aliases)) or "none yet"
            key = f"Press {party.shortcut} to tag the selected statements with it." if party.shortcut else ""
            return f"<qt><b>{escape(party.name)}</b><br>Also called: {aliases}<br>{key}</qt>"
        if role == ID_ROLE:
            return party.id
        return None


class PartyPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("partyPanel")
        self.context: ProjectContext | None = None
        self.model = PartyModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("partyList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PartyModel.KEY, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(PartyModel.NAME, QHeaderView.Stretch)
        header.setSectionResizeMode(PartyModel.COUNT, QHeaderView.ResizeToContents)
        header.setHighlightSections(False)
        self.view.doubleClicked.connect(lambda _i: self.rename())

        hint = QLabel("Keys 1–9 tag with a party, 0 marks narration, Enter confirms a suggestion.", self)
        hint.setWordWrap(True)
        hint.setObjectName("partyHint")
        hint.setStyleSheet("color: palette(placeholder-text);")

        buttons = QGridLayout()
        buttons.setSpacing(2)
        specs = [
            ("Add…", "Add a party", self.add),
            ("Rename…", "Rename the selected party", self.rename),
            ("Colour…", "Change the selected party's colour", self.recolour),
            ("Aliases…", "Other names that mean this party (one per line); used by suggestions", self.edit_aliases),
            ("Merge…", "Fold the selected party into another one", self.merge),
            ("Delete", "Remove the selected party; its statements become untagged", self.delete),
            ("▲", "Move up (its key changes with its place)", partial(self.move, -1)),
            ("▼", "Move down (its key changes with its place)", partial(self.move, 1)),
        ]
        self.buttons: dict[str, QToolButton] = {}
        for n, (label, tip, slot) in enumerate(specs):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button, n // 4, n % 4)
            self.buttons[label.strip("…")] = button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)

        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(120)
        self._counts_timer.timeout.connect(self.model.refresh_counts)

    def set_context(self, context: ProjectContext | None) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        self.model.set_context(context)

    @guarded
    def on_change(self, change: Changes) -> None:
        if change.touches("parties", "project", "articles"):
            selected = self.selected_id()
            self.model.reload()
            self.select(selected)  # (an edit here selects its own party: _run)
        elif not change.only_tags:
            if change.touches("tags", "structure"):
                self._counts_timer.start()
        else:
            self.model.apply_tag_pairs(change.tag_pairs)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, party_id: int | None) -> None:
        for row, party in enumerate(self.model.parties):
            if party.id == party_id:
                self.view.selectRow(row)
                return

    def _selected(self):
        party = self.context.party(self.selected_id()) if self.context else None
        if party is None:
            raise CounterclaimError("Select a party in the list first.")
        return party

    def _run(self, text: str, op) -> None:
        command = PartyCommand(self.context, text, op)
        self.context.run(command)
        self.select(first(command.changes.party_ids) or self.selected_id())

    # -- edits ---------------------------------------------------------------------------------------

    @guarded
    def add(self) -> None:
        if not self.context:
            return
        name = ask.text(self, "Add a party", "Name of the party (a country, a group, a person):")
        if name is None or not name.strip():
            return
        project = self.context.project
        self._run(f"Add party {name.strip()}", lambda: parties_ops.add(project, name))

    @guarded
    def rename(self) -> None:
        party = self._selected()
        name = ask.text(self, "Rename party", f"New name for “{party.name}”:", party.name)
        if name is None or name.strip() == party.name:
            return
        project = self.context.project
        self._run(f"Rename {party.name}", lambda: parties_ops.update(project, party.id, name=name))

    @guarded
    def recolour(self) -> None:
        party = self._selected()
        colour = ask.color(self, party.color, f"Colour for {party.name}")
        if colour is None or colour.lower() == party.color.lower():
            return
        project = self.context.project
        self._run(f"Recolour {party.name}", lambda: parties_ops.update(project, party.id, color=colour))

    @guarded
    def edit_aliases(self) -> None:
        party = self._selected()
        project = self.context.project
        aliases = alias_dialog.edit_aliases(self, project, party)
        if aliases is None or aliases == party.aliases:
            return
        self._run(f"Edit aliases of {party.name}", lambda: parties_ops.update(project, party.id, aliases=aliases))

    @guarded
    def merge(self) -> None:
        party = self._selected()
        others = [p for p in self.context.parties if p.id != party.id]
        if not others:
            return
        likely = likely_target((party.name, party.aliases), [(p.name, p.aliases) for p in others])
        name = ask.choose(
            self, "Merge parties", f"Fold “{party.name}” into (its statements and names go there):",
            [p.name for p in others], preselect=likely,
        )
        target = next((p for p in others if p.name == name), None)
        if target is None:
            return
        project = self.context.project
        self._run(f"Merge {party.name} into {target.name}", lambda: parties_ops.merge(project, party.id, target.id))

    @guarded
    def delete(self) -> None:
        party = self._selected()
        count = self.model.counts.get(party.id, 0)
        if count and not ask.confirm(
            self, "Delete party", f"Delete “{party.name}”? "
            + ("Its statement becomes untagged" if count == 1 else f"Its {count:,} statements become untagged")
            + " (you can undo this)."
        ):
            return
        project = self.context.project
        self._run(f"Delete party {party.name}", lambda: parties_ops.delete(project, party.id))

    @guarded
    def move(self, step: int) -> None:
        party = self._selected()
        order = [p.id for p in self.context.parties]
        i = order.index(party.id)
        j = i + step
        if not 0 <= j < len(order):
            return
        order[i], order[j] = order[j], order[i]
        project = self.context.project
        self._run(f"Move {party.name}", lambda: parties_ops.reorder(project, order))
        self.select(party.id)
