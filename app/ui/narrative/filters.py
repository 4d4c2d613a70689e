"""Above the panes: which parties (and in what order), and which statements to show."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.comparison import short_title
from app.core.language import name as language_name
from app.ui.narrative.data import NarrativeFilter

NO_DATE = QDate(1900, 1, 1)


class ScrollingStrip(QScrollArea):
    """Holds a row of controls that may be wider than the window: it scrolls sideways
    instead of forcing the whole desk wider (which would squeeze every dock)."""

    def __init__(self, content: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self._fit()

    def _fit(self) -> None:
        needs_bar = self.viewport().width() < self.widget().minimumSizeHint().width()
        bar = self.horizontalScrollBar().sizeHint().height() if needs_bar else 0
        self.setFixedHeight(self.widget().sizeHint().height() + bar)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()


class FilterBar(QWidget):
    changed = Signal(object)  # NarrativeFilter
    choose_panes = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("narrativeFilters")
        self.panes_button = QPushButton("Panes…", self)
        self.panes_button.setObjectName("narrativePanesButton")
        self.panes_button.setToolTip("Choose the parties shown side by side, and their order")
        self.panes_button.clicked.connect(self.choose_panes.emit)
        self.article = QComboBox(self)
        self.article.setObjectName("narrativeArticle")
        self.article.setToolTip("Only statements from this article")
        self.article.setMinimumContentsLength(12)
        self.article.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.outlet = QComboBox(self)
        self.outlet.setObjectName("narrativeOutlet")
        self.outlet.setToolTip("Only statements from articles of this outlet")
        self.language = QComboBox(self)
        self.language.setObjectName("narrativeLanguage")
        self.language.setToolTip("Only statements from articles in this language")
        self.date_from = self._date("narrativeFrom", "Only articles published on or after this day")
        self.date_to = self._date("narrativeTo", "Only articles published on or before this day")
        self.confirmed = QCheckBox("Confirmed only", self)
        self.confirmed.setObjectName("narrativeConfirmed")
        self.confirmed.setToolTip("Hide statements whose party is only a suggestion")
        self.untopical = QCheckBox("No-topic row", self)
        self.untopical.setObjectName("narrativeUntopical")
        self.untopical.setToolTip("Add a last row for statements not yet under any topic")
        self.each_source = QCheckBox("Each source", self)
        self.each_source.setObjectName("narrativeEachSource")
        self.each_source.setToolTip("Show every outlet's statement of a claim several articles carry, "
                                    "not one card marked “×N articles”")
        self.summary = QLabel(self)
        self.summary.setObjectName("narrativeSummary")
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        self.summary.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.panes_button)
        for label, widget in (("Article", self.article), ("Outlet", self.outlet), ("Language", self.language),
                              ("From", self.date_from), ("to", self.date_to)):
            layout.addWidget(QLabel(label, self))
            layout.addWidget(widget)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.untopical)
        layout.addWidget(self.each_source)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        for combo in (self.article, self.outlet, self.language):
            combo.currentIndexChanged.connect(self._emit)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._emit)
        for box in (self.confirmed, self.untopical, self.each_source):
            box.toggled.connect(self._emit)

    def _date(self, name: str, tip: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setToolTip(tip)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("any day")
        edit.setDate(NO_DATE)
        return edit

    def fill(self, data) -> None:
        """Offer the articles and outlets of the project (keeping the current choice)."""
        for combo, items in (
            (self.article, [(short_title(a.title or f"Article {a.id}", 40), a.id) for a in data.articles.values()]),
            (self.outlet, [(o, o) for o in data.outlets()]),
            (self.language, [(language_name(t), t) for t in data.languages()]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem({self.article: "All articles", self.outlet: "All outlets"}.get(combo, "All languages"), None)
            for label, value in items:
                combo.addItem(label, value)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

    def value(self) -> NarrativeFilter:
        article, outlet, language = self.article.currentData(), self.outlet.currentData(), self.language.currentData()
        start, end = self.date_from.date(), self.date_to.date()
        return NarrativeFilter(
            article_ids=frozenset([article]) if article is not None else frozenset(),
            outlets=frozenset([outlet]) if outlet is not None else frozenset(),
            languages=frozenset([language]) if language is not None else frozenset(),
            date_from=start.toString("yyyy-MM-dd") if start != NO_DATE else None,
            date_to=end.toString("yyyy-MM-dd") if end != NO_DATE else None,
            confirmed_only=self.confirmed.isChecked(),
            untopical=self.untopical.isChecked(),
            each_source=self.each_source.isChecked(),
        )

    def _emit(self, *_args) -> None:
        self.changed.emit(self.value())


class PanesDialog(QDialog):
    """Tick the parties to show; drag them (or use the arrows) into the order wanted."""

    def __init__(self, parties, chosen: list[int], parent=None):
        super().__init__(parent)
        self.setObjectName("narrativePanesDialog")
        self.setWindowTitle("Parties side by side")
        self.list = QListWidget(self)
        self.list.setObjectName("narrativePanesList")
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        order = chosen + [p.id for p in parties if p.id not in chosen]
        by_id = {p.id: p for p in parties}
        for party_id in order:
            if party_id not in by_id:
                continue
            item = QListWidgetItem(by_id[party_id].name)
            item.setData(Qt.UserRole, party_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if party_id in chosen else Qt.Unchecked)
            self.list.addItem(item)
        up, down = QPushButton("▲", self), QPushButton("▼", self)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        arrows = QVBoxLayout()
        arrows.addWidget(up)
        arrows.addWidget(down)
        arrows.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(arrows)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Parties shown as panes, left to right:", self))
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def chosen(self) -> list[int]:
        items = [self.list.item(i) for i in range(self.list.count())]
        return [i.data(Qt.UserRole) for i in items if i.checkState() == Qt.Checked]
