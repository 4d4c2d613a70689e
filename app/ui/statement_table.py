"""The statement table: the current article, the whole project (lazy) or search results.

``StatementTableModel`` is a QAbstractTableModel over store listing rows. For the whole
project it fetches 500 rows at a time (canFetchMore/fetchMore) so 100,000 statements open
instantly; after a tag it re-reads only the changed rows and emits a narrow dataChanged.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ops import queries
from app.ops.queries import StatementFilter
from app.ui import explain
from app.ui import roles
from app.ops.changes import Changes
from app.ui.context import ProjectContext, follow
from app.ui.errors import guarded

ID_ROLE = roles.USER
SORT_ROLE = roles.USER + 1
ROW_ROLE = roles.USER + 2
ARTICLE_ROLE = roles.USER + 3

SCOPES = ("article", "project", "search")


class StatementTableModel(QAbstractTableModel):
    # ID: the statement's project-wide id, the one number the CLI, exports and reasons use
    ID, TEXT, PARTY, STATUS, SPEAKER, CUE, TOPICS, ARTICLE = range(8)
    HEADERS = ("ID", "Statement", "Party", "Status", "Speaker", "Cue", "Topics", "Article")
    PAGE = 500

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context: ProjectContext | None = None
        self.scope = "article"
        self.article_id: int | None = None
        self.query = ""
        self.filters = StatementFilter()
        self.rows: list[dict] = []
        self.total = 0
        self._row_of: dict[int, int] = {}
        self._fetching = False  # a page is going in: whoever asks meanwhile waits for it
        self._italic = QFont()
        self._italic.setItalic(True)
        self._dim = QColor("#8b8f96")

    # -- what to show -------------------------------------------------------------------------

    def set_context(self, context: ProjectContext | None) -> None:
        self.context = context
        self.article_id = None
        self.reload()

    def show(self, scope: str | None = None, article_id=..., query: str | None = None, filters=None) -> None:
        if scope is not None:
            self.scope = scope
        if article_id is not ...:
            self.article_id = article_id
        if query is not None:
            self.query = query
        if filters is not None:
            self.filters = filters
        self.reload()

    def _filters(self) -> StatementFilter:
        f = self.filters
        article = self.article_id if self.scope == "article" else None
        return StatementFilter(article, f.party_id, f.status, f.topic_id, f.outlet)

    def reload(self) -> None:
        self.beginResetModel()
        self.rows, self.total = [], 0
        project = self.context.project if self.context else None
        if project is not None:
            if self.scope == "article":
                if self.article_id is not None:
                    self.rows = queries.statements(project, self._filters())
                self.total = len(self.rows)
            elif self.scope == "project":
                self.total = queries.statement_count(project, self._filters())
                self.rows = queries.statements(project, self._filters(), 0, self.PAGE)
            else:
                self.rows = queries.search_listing(project, self.query, self._filters()) if self.query else []
                self.total = len(self.rows)
        self._row_of = {r["id"]: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self.scope == "project" and len(self.rows) < self.total and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        last = self.rows[-1] if self.rows else None
        after = (last["article_id"], last["start"]) if last else None
        more = queries.statements(self.context.project, self._filters(), limit=self.PAGE, after=after)
        if not more:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self._fetching = True  # a view (or qtmodeltester) told of the rows may ask for more
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            for row in more:
                self._row_of[row["id"]] = len(self.rows)
                self.rows.append(row)
            self.endInsertRows()
        finally:
            self._fetching = False

    # -- keeping up with edits ------------------------------------------------------------------

    def refresh_ids(self, ids) -> None:
        present = [i for i in ids if i in self._row_of]
        if not present or self.context is None:
            return
        for row in queries.statements_by_ids(self.context.project, present):
            index = self._row_of[row["id"]]
            self.rows[index] = row
            self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.HEADERS) - 1))

    def on_change(self, change: Changes) -> None:
        if change.touches("project"):
            self.reload()
        elif change.touches("structure"):
            if self.scope != "article" or self.article_id in change.article_ids:
                self.reload()
        elif change.touches("tags", "topics"):
            self.refresh_ids(change.statement_ids)
        if change.touches("parties") and self.rows:
            self.dataChanged.emit(self.index(0, self.PARTY), self.index(len(self.rows) - 1, self.PARTY))

    def row_of(self, statement_id: int) -> int | None:
        return self._row_of.get(statement_id)

    def ensure_loaded(self, statement_id: int) -> int | None:
        """Fetch pages until this statement is loaded (whole-project scope), or give up."""
        while statement_id not in self._row_of and self.canFetchMore():
            self.fetchMore()
        return self._row_of.get(statement_id)

    # -- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=roles.DISPLAY):
        if orientation == Qt.Horizontal and role == roles.DISPLAY:
            return self.HEADERS[section]
        if orientation == Qt.Horizontal and role == roles.TOOLTIP and section == self.ID:
            return "The statement's number in the project: the one the command line, exports and reasons use"
        return None

    _PLAIN = {SPEAKER: "speaker", CUE: "cue", TOPICS: "topics"}

    def data(self, index, role=roles.DISPLAY):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == roles.DISPLAY:
            return self._display(row, column)
        if role == ID_ROLE:
            return row["id"]
        if role == ARTICLE_ROLE:
            return row["article_id"]
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == roles.DECORATION:
            return self._decoration(row, column)
        if role == roles.FONT:
            suggested = column in (self.PARTY, self.STATUS) and row["status"] == "suggested"
            return self._italic if suggested else None
        if role == roles.ALIGNMENT and column == self.ID:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == roles.FOREGROUND:
            return self._dim if column == self.STATUS and row["status"] != "confirmed" else None
        if role == roles.TOOLTIP:
            return self._tooltip(row, column)
        return None

    def _display(self, row: dict, column: int):
        key = self._PLAIN.get(column)
        if key is not None:
            return row[key] or ""
        if column == self.ID:  # text, so no locale writes 12345 as "12,345": the CLI's number
            return str(row["id"])
        if column == self.TEXT:
            return " ".join(row["text"].split())
        if column == self.PARTY:
            return explain.tag_label(row, self.context.party(row["party_id"]) if self.context else None)
        if column == self.STATUS:
            return explain.status_label(row["status"])
        return row["article_title"] or f"Article {row['article_id']}"

    def _sort_key(self, row: dict, column: int):
        if column == self.ID:
            return row["id"]
        if column == self.TEXT:
            return (row["article_id"], row["start"])
        return (self._display(row, column) or "").casefold()

    def _decoration(self, row: dict, column: int):
        if column == self.PARTY and row["party_id"] is not None and self.context:
            party = self.context.party(row["party_id"])
            return QColor(party.color) if party else None
        return None

    def _tooltip(self, row: dict, column: int) -> str:
        party = self.context.party(row["party_id"]) if self.context else None
        tip = explain.tooltip(row, party)
        return tip if column != self.TEXT else f"<qt>{escape(row['text'])}<hr>{tip[4:]}"


class StatementFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.setFilterKeyColumn(StatementTableModel.TEXT)

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class StatementPanel(QWidget):
    """Scope and filters above the statement table."""

    selection_changed = Signal(list)  # statement ids
    statement_activated = Signal(int, int)  # statement id, article id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context: ProjectContext | None = None
        self.model = StatementTableModel(self)
        self.proxy = StatementFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.scope = QComboBox(self)
        self.scope.setObjectName("statementScope")
        for label, key in (("This article", "article"), ("Whole project", "project"), ("Search results", "search")):
            self.scope.addItem(label, key)
        self.scope.setToolTip("Which statements the table lists")
        self.party = self._combo("partyFilter", "Show only statements of this party")
        self.status = self._combo("statusFilter", "Show only confirmed, suggested or untagged statements")
        self.topic = self._combo("topicFilter", "Show only statements about this topic")
        self.outlet = self._combo("outletFilter", "Show only statements from articles of this outlet")
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("statementTextFilter")
        self.text_filter.setPlaceholderText("Filter these rows")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel(self)
        self.count.setObjectName("statementCount")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.scope, self.party, self.status, self.topic, self.outlet):
            bar.addWidget(widget)
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.count)

        self.view = QTableView(self)
        self.view.setObjectName("statementTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.ElideRight)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(StatementTableModel.TEXT, QHeaderView.Stretch)
        # Sized once for seven digits, not ResizeToContents: that re-measures every loaded row
        # on each edit (a tag in a 5,000-statement article went from 57 to 144 ms).
        header.resizeSection(StatementTableModel.ID, self.view.fontMetrics().horizontalAdvance("0000000") + 16)
        for column, width in ((2, 190), (3, 100), (4, 200), (5, 110), (6, 130), (7, 200)):
            header.resizeSection(column, width)
        self.view.verticalHeader().hide()  # row numbers would be a second numbering: the ID column is the one
        header.setHighlightSections(False)
        self.view.setColumnHidden(StatementTableModel.ARTICLE, True)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view)

        self.scope.currentIndexChanged.connect(self._filters_changed)
        for combo in (self.party, self.status, self.topic, self.outlet):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        return combo

    # -- context and filters ----------------------------------------------------------------------

    def set_context(self, context: ProjectContext | None) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        self.refresh_choices()
        self.model.set_context(context)

    def refresh_choices(self) -> None:
        """Fill the party, status, topic and outlet filters from the project."""
        project = self.context.project if self.context else None
        choices = {
            self.party: [("All parties", None), ("Narration", 0)]
            + [(p.name, p.id) for p in (self.context.parties if self.context else [])],
            self.status: [("Any status", None), ("Confirmed", "confirmed"), ("Suggested", "suggested"),
                          ("Untagged", "untagged")],
            self.topic: [("All topics", None)]
            + [(t.name, t.id) for t in (queries.topics(project) if project else [])],
            self.outlet: [("All outlets", None)]
            + [(o, o) for o in (queries.outlets(project) if project else [])],
        }
        for combo, items in choices.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, data in items:
                combo.addItem(label, data)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

    def filters(self) -> StatementFilter:
        return StatementFilter(
            None, self.party.currentData(), self.status.currentData(), self.topic.currentData(),
            self.outlet.currentData(),
        )

    def _filters_changed(self, _index=None) -> None:
        scope = self.scope.currentData()
        self.view.setColumnHidden(StatementTableModel.ARTICLE, scope == "article")
        self.model.show(scope=scope, filters=self.filters())

    def set_scope(self, scope: str) -> None:
        self.scope.setCurrentIndex(SCOPES.index(scope))  # triggers a reload when it changes

    def show_article(self, article_id: int | None) -> None:
        self.model.article_id = article_id
        if self.model.scope == "article":
            self.model.reload()

    def search(self, query: str) -> None:
        self.model.query = query
        if self.scope.currentData() != "search":
            self.set_scope("search")
        else:
            self.model.reload()

    @guarded
    def on_change(self, change: Changes) -> None:
        if change.touches("parties", "topics", "articles", "project"):
            self.refresh_choices()
        self.model.on_change(change)

    def _update_count(self, *_args) -> None:
        m = self.model
        shown = m.total if m.scope == "project" else len(m.rows)
        noun = "statement" if shown == 1 else "statements"
        where = {"article": "in this article", "project": "in the project", "search": "found"}[m.scope]
        self.count.setText(f"{shown:,} {noun} {where}")

    # -- selection ---------------------------------------------------------------------------------

    def _selection_changed(self, *_args) -> None:
        self.selection_changed.emit(self.selected_ids())

    def _activated(self, index) -> None:
        self.statement_activated.emit(index.data(ID_ROLE), index.data(ARTICLE_ROLE))

    def selected_ids(self) -> list[int]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ID_ROLE) for i in rows]

    def select_ids(self, ids, scroll: bool = True) -> None:
        """Select these statements (if listed) without announcing it back."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        first = None
        for sid in ids:
            row = self.model.row_of(sid)
            if row is None and self.model.scope == "project":
                row = self.model.ensure_loaded(sid)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue
            selection.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
            first = first or index
        model = self.view.selectionModel()
        model.blockSignals(True)
        try:
            model.select(selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            if first is not None:
                model.setCurrentIndex(first, QItemSelectionModel.NoUpdate)
        finally:
            model.blockSignals(False)
        if first is not None and scroll:
            self.view.scrollTo(first)

    def neighbour(self, statement_id: int | None, step: int) -> tuple[int, int] | None:
        """The statement ``step`` rows away in the table as shown (id, article id)."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        if statement_id is None or self.model.row_of(statement_id) is None:
            row = 0 if step > 0 else count - 1
        else:
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(statement_id), 0))
            row = index.row() + step
            if row >= count and self.model.canFetchMore():
                self.model.fetchMore()
                count = self.proxy.rowCount()
            if not 0 <= row < count:
                return None
        index = self.proxy.index(row, 0)
        return index.data(ID_ROLE), index.data(ARTICLE_ROLE)
