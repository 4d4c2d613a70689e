"""The newsroom gazetteer dialog: the parties and aliases Counterclaim learned across
projects, to read, add, rename, remove, export for a colleague and import from one.

Every edit is written to the newsroom file at once (app/ops/newsroom.py); a refusal is a
sentence and leaves the file as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from app.core.errors import CounterclaimError
from app.core.newsroom import NewsroomRefused
from app.ops import newsroom
from app.ui import ask
from app.ui.errors import guarded

PARTY_ROLE = Qt.UserRole + 1
ALIAS_ROLE = Qt.UserRole + 2


class NewsroomDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("newsroomDialog")
        self.setWindowTitle("Newsroom gazetteer")
        where = newsroom.location()
        intro = QLabel(
            "Names you taught Counterclaim in any project. Every project's suggestions use them; "
            "a tag you confirmed is never changed by them. Export the list for a colleague, or "
            "import theirs.", self)
        intro.setWordWrap(True)
        self.where = QLabel(f"Kept in {where}" if where else "No newsroom file: nothing is kept.", self)
        self.where.setObjectName("newsroomLocation")
        self.where.setTextFormat(Qt.PlainText)
        self.where.setStyleSheet("color: palette(placeholder-text);")
        self.where.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("newsroomTree")
        self.tree.setHeaderLabels(["Party and its names"])
        self.tree.setRootIsDecorated(True)

        grid = QGridLayout()
        specs = [
            ("Add party…", self.add_party), ("Add name…", self.add_alias), ("Rename…", self.rename),
            ("Remove", self.remove), ("Import…", self.import_file), ("Export…", self.export_file),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for n, (label, slot) in enumerate(specs):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _c=False, s=slot: s())
            grid.addWidget(button, n // 3, n % 3)
            self.buttons[label.strip("…")] = button
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(grid)
        layout.addWidget(self.where)
        layout.addWidget(close)
        self.resize(560, 520)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Show the file as it is now, with ``select`` (a party's name) or the same party current."""
        select = select or self._selected()[0]
        self.tree.clear()
        try:
            entries = newsroom.load().entries
        except NewsroomRefused as error:
            self.where.setText(str(error))
            entries = []
        for entry in sorted(entries, key=lambda e: e.name.casefold()):
            top = QTreeWidgetItem([f"{entry.name}  ({len(entry.aliases)} name{'s' if len(entry.aliases) != 1 else ''})"])
            top.setData(0, PARTY_ROLE, entry.name)
            for alias in entry.aliases:
                child = QTreeWidgetItem([alias])
                child.setData(0, PARTY_ROLE, entry.name)
                child.setData(0, ALIAS_ROLE, alias)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            if select is not None and entry.name == select:
                self.tree.setCurrentItem(top)
        self.tree.expandAll()
        writable = newsroom.location() is not None
        for button in self.buttons.values():
            button.setEnabled(writable)

    def _selected(self) -> tuple[str | None, str | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        return item.data(0, PARTY_ROLE), item.data(0, ALIAS_ROLE)

    def _need_party(self) -> tuple[str, str | None]:
        party, alias = self._selected()
        if party is None:
            raise CounterclaimError("Select a party (or one of its names) in the list first.")
        return party, alias

    @guarded
    def add_party(self) -> None:
        name = ask.text(self, "Add a party", "Name of the party:")
        if name and name.strip():
            entry = newsroom.edit(lambda n: n.add_party(name))
            self.reload(entry.name)

    @guarded
    def add_alias(self) -> None:
        party, _alias = self._need_party()
        alias = ask.text(self, "Add a name", f"Another name for {party}:")
        if alias and alias.strip():
            newsroom.edit(lambda n: n.add_alias(party, alias))
            self.reload()

    @guarded
    def rename(self) -> None:
        party, _alias = self._need_party()
        name = ask.text(self, "Rename party", f"New name for {party} (the old one stays a name of it):", party)
        if name and name.strip() and name.strip() != party:
            newsroom.edit(lambda n: n.rename(party, name))
            self.reload(" ".join(name.split()))

    @guarded
    def remove(self) -> None:
        party, alias = self._need_party()
        what = f"“{alias}” from {party}" if alias else f"{party} and all its names"
        if ask.confirm(self, "Remove from the newsroom", f"Remove {what}? Projects keep the names they have."):
            newsroom.edit(lambda n: n.remove(party, alias))
            self.reload()

    @guarded
    def export_file(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, "Export the newsroom", "newsroom.json", "Newsroom (*.json)")
        if path:
            count = newsroom.export_to(path)
            ask.info(self, "Newsroom exported", f"Wrote {count} part{'y' if count == 1 else 'ies'} to {path}.")

    @guarded
    def import_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, "Import a newsroom", "", "Newsroom (*.json)")
        if path:
            parties, aliases = newsroom.import_from(path)
            self.reload()
            ask.info(self, "Newsroom imported",
                     f"Learned {parties} new part{'y' if parties == 1 else 'ies'} and "
                     f"{aliases} name{'' if aliases == 1 else 's'}.")
