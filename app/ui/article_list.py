"""The article list: title, outlet, date, language and how much of each article is tagged.

The language is detected on import (app.core.language); a double-click on it corrects it, as
one undoable step (app.ops.article_edits). The filter box finds articles by it too ("fa").
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.core.language import name as language_name
from app.core.words import counted
from app.ops import article_edits, queries
from app.ui import roles
from app.ops.changes import Changes
from app.ui.context import ProjectContext, follow
from app.ui.errors import guarded, report
from app.ui.undo_commands import ArticleCommand

ID_ROLE = roles.USER
SORT_ROLE = roles.USER + 1


class ArticleListModel(QAbstractTableModel):
    TITLE, OUTLET, DATE, LANGUAGE, PROGRESS = range(5)
    HEADERS = ("Title", "Outlet", "Date", "Lang.", "Confirmed")
    TIPS = (
        "The article's headline",
        "Who published it",
        "When it was published",
        "The language it is written in, as detected on import: double-click to correct it",
        "Statements whose tag you have confirmed, of all the article's statements",
    )
    _KEYS = ("title", "outlet", "published", "language", "confirmed")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context: ProjectContext | None = None
        self.rows: list[dict] = []
        self._row_of: dict[int, int] = {}

    def set_context(self, context: ProjectContext | None) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = queries.articles(self.context.project) if self.context else []
        self._row_of = {r["id"]: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def refresh(self, article_ids) -> None:
        """Re-read these articles' rows (counts after tagging; new rows after import)."""
        if not self.context or not article_ids:
            return
        fresh = queries.articles(self.context.project, list(article_ids))
        new = [r for r in fresh if r["id"] not in self._row_of]
        for row in fresh:
            index = self._row_of.get(row["id"])
            if index is not None:
                self.rows[index] = row
                self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.HEADERS) - 1))
        if new:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for row in new:
                self._row_of[row["id"]] = len(self.rows)
                self.rows.append(row)
            self.endInsertRows()

    def apply_tag_pairs(self, article_id: int, pairs) -> bool:
        """Move one article's counts by what a tag changed, instead of recounting its
        statements (5,000 in a long article) on every key press. False if not shown."""
        index = self._row_of.get(article_id)
        if index is None:
            return False
        row = dict(self.rows[index])
        for before, after in pairs:
            for status in ("confirmed", "suggested"):
                row[status] += (after.status == status) - (before.status == status)
        self.rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.HEADERS) - 1))
        return True

    @guarded
    def on_change(self, change: Changes) -> None:
        if change.touches("project", "articles") and not change.article_ids:
            self.reload()
        elif (
            change.only_tags
            and len(change.article_ids) == 1
            and self.apply_tag_pairs(change.article_ids[0], change.tag_pairs)
        ):
            return
        elif change.touches("tags", "structure", "articles"):
            self.refresh(change.article_ids)

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    # -- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=roles.DISPLAY):
        if orientation == Qt.Horizontal:
            if role == roles.DISPLAY:
                return self.HEADERS[section]
            if role == roles.TOOLTIP:
                return self.TIPS[section]
        return None

    def data(self, index, role=roles.DISPLAY):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == roles.DISPLAY:
            return self._display(row, column)
        if role == SORT_ROLE:
            if column == self.PROGRESS:
                return (row["confirmed"] or 0) / max(1, row["statements"] or 0)
            return (row[self._KEYS[column]] or "").casefold()
        if role == ID_ROLE:
            return row["id"]
        if role == roles.FOREGROUND and column == self.PROGRESS and (row["confirmed"] or 0) < (row["statements"] or 0):
            return QColor("#8b8f96")
        if role == roles.ALIGNMENT and column == self.PROGRESS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == roles.TOOLTIP:
            if column == self.LANGUAGE:
                return f"{language_name(row['language'])}: double-click to correct it" if row["language"] \
                    else "Language not known: double-click to say which"
            return self._tooltip(row)
        if role == roles.EDIT and column == self.LANGUAGE:
            return row["language"] or ""
        return None

    def flags(self, index):
        found = super().flags(index)
        if index.isValid() and index.column() == self.LANGUAGE and self.context is not None \
                and not self.context.project.read_only:
            found |= Qt.ItemIsEditable
        return found

    def setData(self, index, value, role=roles.EDIT) -> bool:  # noqa: N802
        """A corrected language, as one undoable step."""
        if not index.isValid() or index.column() != self.LANGUAGE or role != roles.EDIT or self.context is None:
            return False
        row = self.rows[index.row()]
        if (value or "").strip() == (row["language"] or ""):
            return False
        context, article_id = self.context, row["id"]
        try:
            context.run(ArticleCommand(context, f"Set the language of {row['title'] or 'the article'}",
                                       lambda: article_edits.set_language(context.project, [article_id], value)))
        except Exception as error:  # noqa: BLE001 - a refusal is a sentence, never a crash
            report(error, None)
            return False
        return True

    def _display(self, row: dict, column: int):
        if column == self.TITLE:
            return row["title"] or f"Article {row['id']}"
        if column == self.PROGRESS:
            return f"{row['confirmed'] or 0} / {row['statements'] or 0}"
        value = row[self._KEYS[column]]
        return "" if value is None else value

    @staticmethod
    def _tooltip(row: dict) -> str:
        done = row["confirmed"] or 0
        return (
            f"{row['title'] or 'Untitled'}\n{row['outlet'] or 'Unknown outlet'}"
            f"{' · ' + row['published'] if row['published'] else ''}\n"
            f"{done} of {counted(row['statements'], 'statement')} confirmed, {row['suggested']} suggested"
        )


class ArticleFilter(QSortFilterProxyModel):
    """Case-insensitive filter on title and outlet; sorts numbers as numbers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(False)


class ArticleList(QWidget):
    """A filter box over a sortable table of articles; says which article was chosen."""

    article_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("articleFilter")
        self.filter.setPlaceholderText("Filter articles by title or outlet")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setObjectName("articleList")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        # Fixed widths: ResizeToContents would measure every row on every tag.
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(ArticleListModel.TITLE, QHeaderView.Stretch)
        metrics = self.view.fontMetrics()
        for column, sample in ((1, "World News"), (2, "2024-01-01"), (3, "Lang."), (4, "Confirmed")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 14)
        header.setHighlightSections(False)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self.article_chosen.emit(current.data(ID_ROLE))

    def select(self, article_id: int, notify: bool = False) -> None:
        """Show an article as current (without re-announcing it unless asked)."""
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filter to show it
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index == self.view.currentIndex():
            return
        self.view.selectionModel().blockSignals(not notify)
        try:
            self.view.setCurrentIndex(index)
            self.view.selectRow(index.row())
        finally:
            self.view.selectionModel().blockSignals(False)
        self.view.scrollTo(index)
