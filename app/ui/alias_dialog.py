"""The Aliases dialog: every other name of a party, with where each came from.

An alias is read in every later article, so the journalist sees why each is there —
suggested by Counterclaim, learned from a statement they confirmed, added by hand, brought
by the newsroom gazetteer or kept from a merge — and can add, rename or remove them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.ops import queries
from app.ui import ask


def origin_text(origin: queries.Origin | None) -> str:
    """Where an alias came from, in words."""
    if origin is None:
        return "kept from before origins were recorded"
    if origin.origin == "learned":
        where = f" {origin.statement_id}" if origin.statement_id is not None else ""
        return f"learned from statement{where}, which you confirmed"
    return {
        "suggested": "suggested by Counterclaim from an article",
        "hand": "added by hand",
        "newsroom": "from the newsroom gazetteer",
        "merge": "kept when its party was merged into this one",
    }.get(origin.origin, origin.origin)


class AliasDialog(QDialog):
    def __init__(self, parent, project, party):
        super().__init__(parent)
        self.setObjectName("aliasDialog")
        self.setWindowTitle(f"Other names for {party.name}")
        self.party = party
        self.origins = queries.alias_origins(project, party.id)

        intro = QLabel(
            f"Counterclaim suggests <b>{_escape(party.name)}</b> wherever a speaker is called one of "
            "these names. Keep only names that mean this side and nobody else.", self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("aliasTable")
        self.table.setHorizontalHeaderLabels(["Name", "Where it came from"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        for alias in party.aliases:
            self._append(alias, self.origins.get(alias.casefold()))

        add = QPushButton("Add…", self, objectName="aliasAdd")
        add.clicked.connect(self.add)
        remove = QPushButton("Remove", self, objectName="aliasRemove")
        remove.clicked.connect(self.remove)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(620, 380)

    def _append(self, alias: str, origin) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(alias)
        how = QTableWidgetItem(origin_text(origin) if origin is not False else "added by hand (now)")
        how.setFlags(how.flags() & ~Qt.ItemIsEditable)
        how.setForeground(self.palette().placeholderText())
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, how)

    def add(self) -> None:
        name = ask.text(self, "Add a name", f"Another name for {self.party.name}:")
        if name and name.strip():
            self._append(" ".join(name.split()), False)

    def remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def aliases(self) -> list[str]:
        names = (self.table.item(r, 0).text().strip() for r in range(self.table.rowCount()))
        return [n for n in names if n]


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def edit_aliases(parent, project, party) -> list[str] | None:
    """The aliases the journalist settled on, or None when they cancelled."""
    dialog = AliasDialog(parent, project, party)
    return dialog.aliases() if dialog.exec() == QDialog.Accepted else None
