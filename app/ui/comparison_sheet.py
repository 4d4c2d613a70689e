"""The comparison sheet: topics down, parties across, each cell its statements with citations.

The grid is the exports' own (``app.ops.queries.comparison(...).grid()`` built by
``app.core.comparison.build_grid``), so what the journalist reads here is what the export
writes. A cell shows at most ``CELL_LIMIT`` statements and says how many more there are.
A suggestion (a party nobody has confirmed) is drawn in grey italics and labelled
"(suggested)", as in every export, so it never passes for a confirmed tag. A claim several
articles carry (app.ops.claims) is one entry marked "×N articles", every source in its
tooltip; the exports keep one entry, and one citation, per source.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.comparison import readable_text_color, tint
from app.core.text import is_right_to_left
from app.core.words import SUGGESTED_MARK, counted
from app.ops import queries
from app.ui import roles
from app.ui.context import follow
from app.ui.elided import ElidedLabel
from app.ui.narrative.data import CLAIMS_UP_TO
from app.ui.errors import guarded

CELL_LIMIT = 12
COLUMN_WIDTH = 230  # the narrowest a party's column is readable at
LEGEND = "Grey italics, “(suggested)”: a party Counterclaim suggested, not yet confirmed."
EMPTY_TEXT = "— says nothing on this —"
ENTRIES_ROLE = roles.USER + 1  # the entries drawn: one per claim several articles carry
COLOR_ROLE = roles.USER + 2
ALL_ENTRIES_ROLE = roles.USER + 3  # every statement of the cell, each source of a claim too


def is_suggested(entry) -> bool:
    return entry.status == "suggested"


def label(entry) -> str:
    return SUGGESTED_MARK if is_suggested(entry) else ""


class ComparisonModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = None
        self.shown: dict[tuple[int, int], list] = {}  # cell -> entries drawn (a claim once)
        self.also: dict[int, list] = {}  # statement id -> the other sources of its claim in its cell

    def set_grid(self, grid, claim_of: dict[int, tuple[int, ...]] | None = None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.shown, self.also = {}, {}
        if grid is not None and claim_of:
            for r in range(len(grid.rows)):
                for c in range(len(grid.columns)):
                    self._group(r, c, grid.cell(r, c), claim_of)
        self.endResetModel()

    def _group(self, r: int, c: int, entries, claim_of) -> None:
        """One entry per claim several articles carry, at its first source in the cell."""
        first: dict[tuple[int, ...], object] = {}
        shown = []
        for e in entries:
            claim = claim_of.get(e.statement_id)
            if claim is None:
                shown.append(e)
            elif claim in first:
                self.also.setdefault(first[claim].statement_id, []).append(e)
            else:
                first[claim] = e
                shown.append(e)
        if len(shown) != len(entries):
            self.shown[(r, c)] = shown

    def sources(self, entry) -> int:
        """How many articles carry this entry's claim in its cell (1: only its own)."""
        return 1 + len({o.citation.article_id for o in self.also.get(entry.statement_id, ())})

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.columns)

    def headerData(self, section, orientation, role=roles.DISPLAY):  # noqa: N802
        if self.grid is None:
            return None
        item = self.grid.columns[section] if orientation == roles.HORIZONTAL else self.grid.rows[section]
        if role in (roles.DISPLAY, roles.TOOLTIP):  # the tooltip: the whole name, when the header elides it
            return item.name
        if role == COLOR_ROLE:
            return item.color
        return None

    def data(self, index, role=roles.DISPLAY):
        if not index.isValid() or self.grid is None:
            return None
        every = self.grid.cell(index.row(), index.column())
        entries = self.shown.get((index.row(), index.column()), every)
        if role == ENTRIES_ROLE:
            return entries
        if role == ALL_ENTRIES_ROLE:
            return every
        if role == roles.DISPLAY:
            if not entries:
                return EMPTY_TEXT
            return "\n".join(f"{e.text} ({self.citation_line(e)})" for e in entries)
        if role == COLOR_ROLE:
            return self.grid.columns[index.column()].color
        if role == roles.TOOLTIP and entries:
            return "<qt>" + "".join(
                f"<p>{escape(e.text)}<br><i>{escape(e.citation.full())}</i>{escape(label(e))}</p>"
                + "".join(f"<p>&nbsp;&nbsp;also: “{escape(o.text[:140])}” <i>{escape(o.citation.full())}</i></p>"
                          for o in self.also.get(e.statement_id, ()))
                for e in entries
            ) + "</qt>"
        return None

    def citation_line(self, entry) -> str:
        line = entry.citation.short() + label(entry)
        n = self.sources(entry)
        return f"×{counted(n, 'article')} · {line}" if n > 1 else line


class ColouredHeader(QHeaderView):
    """Section headers filled with the party's (or topic's) colour."""

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802
        model = self.model()
        colour = model.headerData(section, self.orientation(), COLOR_ROLE) if model else None
        text = model.headerData(section, self.orientation(), roles.DISPLAY) if model else ""
        painter.save()
        if self.orientation() == Qt.Horizontal:
            fill, ink = QColor(colour or "#888888"), QColor(readable_text_color(colour or "#888888"))
        else:
            fill, ink = QColor(tint(colour or "#888888", 0.82)), QColor("#202020")
        painter.fillRect(rect.adjusted(0, 0, -1, -1), fill)
        if self.orientation() == Qt.Vertical:
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height() - 1), QColor(colour or "#888888"))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(ink)
        flags = Qt.AlignCenter if self.orientation() == Qt.Horizontal else Qt.AlignLeft | Qt.AlignTop
        painter.drawText(rect.adjusted(12, 8, -8, -8), int(flags) | int(Qt.TextWordWrap), text or "")
        painter.restore()

    def sectionSizeFromContents(self, section: int) -> QSize:  # noqa: N802
        size = super().sectionSizeFromContents(section)
        return QSize(size.width() + 16, size.height() + 14)


class CellDelegate(QStyledItemDelegate):
    """Each statement wrapped, its citation beneath in small grey; silence in grey italics."""

    PAD = 8

    def _fonts(self, option):
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        return option.font, small

    def entry_look(self, option, entry) -> tuple[QFont, QColor]:
        """The font and ink of a statement's words: grey italics for a suggestion."""
        font = QFont(self._fonts(option)[0])
        if is_suggested(entry):
            font.setItalic(True)
            return font, QColor("#5A5A5A")
        return font, QColor("#1A1A1A")

    def _blocks(self, option, entries, width):
        _font, small = self._fonts(option)
        sfm = QFontMetrics(small)
        blocks = []
        for entry in entries[:CELL_LIMIT]:
            fm = QFontMetrics(self.entry_look(option, entry)[0])
            text_h = fm.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextWordWrap), entry.text).height()
            blocks.append((entry, text_h, sfm.height()))
        return blocks

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        entries = index.data(ENTRIES_ROLE) or ()
        width = max(120, option.rect.width() or 260) - 2 * self.PAD
        view = self.parent()
        if isinstance(view, QTableView):
            width = max(120, view.columnWidth(index.column()) - 2 * self.PAD - 6)
        height = self.PAD
        for _entry, text_h, cite_h in self._blocks(option, entries, width):
            height += text_h + cite_h + 12
        if len(entries) > CELL_LIMIT:
            height += QFontMetrics(option.font).height() + 4
        return QSize(width, max(height + self.PAD, 48))

    @staticmethod
    def _citation_line(index, entry) -> str:
        model = index.model() if hasattr(index, "model") else None
        return model.citation_line(entry) if isinstance(model, ComparisonModel) else entry.citation.short() + label(entry)

    def paint(self, painter: QPainter, option, index) -> None:
        entries = index.data(ENTRIES_ROLE) or ()
        colour = index.data(COLOR_ROLE) or "#888888"
        _font, small = self._fonts(option)
        rect = option.rect
        painter.save()
        painter.fillRect(rect, QColor("#FFFFFF"))
        if not entries:
            painter.setFont(small)
            painter.setPen(QColor("#8A8A8A"))
            painter.drawText(rect, Qt.AlignCenter, EMPTY_TEXT)
            painter.restore()
            return
        width = rect.width() - 2 * self.PAD - 6
        y = rect.top() + self.PAD
        for entry, text_h, cite_h in self._blocks(option, entries, width):
            block = QRect(rect.left() + 4, y - 4, rect.width() - 8, text_h + cite_h + 8)
            painter.fillRect(block, QColor(tint(colour, 0.92)))
            painter.fillRect(QRect(block.left(), block.top(), 3, block.height()), QColor(colour))
            words_font, ink = self.entry_look(option, entry)
            painter.setFont(words_font)
            painter.setPen(ink)
            rtl = is_right_to_left(entry.text)
            painter.setLayoutDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
            painter.drawText(QRect(rect.left() + self.PAD + 6, y, width, text_h),
                             int(Qt.TextWordWrap) | int(Qt.AlignLeft), entry.text)  # the start: right when RTL
            painter.setLayoutDirection(Qt.LeftToRight)
            painter.setFont(small)
            painter.setPen(QColor("#6A6A6A"))
            painter.drawText(QRect(rect.left() + self.PAD + 6, y + text_h + 1, width, cite_h),
                             Qt.AlignLeft | Qt.AlignVCenter, self._citation_line(index, entry))
            y += text_h + cite_h + 12
        if len(entries) > CELL_LIMIT:
            painter.setFont(small)
            painter.setPen(QColor("#6A6A6A"))
            painter.drawText(QRect(rect.left() + self.PAD, y, width, 20), Qt.AlignLeft,
                             f"… and {len(entries) - CELL_LIMIT:,} more")
        painter.restore()


class ComparisonSheet(QWidget):
    """objectName ``comparisonSheet``: the table view of the topic × party grid."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("comparisonSheetPanel")
        self.context = None
        self._dirty = False
        self.model = ComparisonModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("comparisonSheet")
        self.view.setModel(self.model)
        self.view.setHorizontalHeader(ColouredHeader(Qt.Horizontal, self.view))
        self.view.setVerticalHeader(ColouredHeader(Qt.Vertical, self.view))
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QTableView.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(80)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.verticalHeader().setFixedWidth(190)
        self.view.setVerticalScrollMode(QTableView.ScrollPerPixel)
        self.view.setGridStyle(Qt.SolidLine)
        self.confirmed = QCheckBox("Confirmed only", self)
        self.confirmed.setObjectName("comparisonConfirmed")
        self.untopical = QCheckBox("No-topic row", self)
        self.untopical.setObjectName("comparisonUntopical")
        self.summary = ElidedLabel("", self)
        self.summary.setObjectName("comparisonSummary")
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        self.legend = ElidedLabel(LEGEND, self)
        self.legend.setObjectName("comparisonLegend")
        self.legend.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        for box in (self.confirmed, self.untopical):
            box.toggled.connect(lambda _c: self.reload())
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.confirmed)
        bar.addWidget(self.untopical)
        bar.addWidget(self.legend, 1)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.reload)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self.view.resizeRowsToContents())

    def _fit_columns(self) -> None:
        """Columns share the width while each stays readable (``COLUMN_WIDTH``); with more
        parties than that allows, each keeps that width and the sheet scrolls sideways."""
        header = self.view.horizontalHeader()
        count = self.model.columnCount()
        room = self.view.viewport().width()
        if count and count * COLUMN_WIDTH > room:
            header.setSectionResizeMode(QHeaderView.Interactive)
            header.setDefaultSectionSize(COLUMN_WIDTH)
            for c in range(count):
                header.resizeSection(c, COLUMN_WIDTH)
        else:
            header.setSectionResizeMode(QHeaderView.Stretch)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def set_context(self, context) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        if context is None or self.isVisible():
            self.reload()
        else:
            self.model.set_grid(None)
            self._dirty = True  # built when the tab is first seen

    @guarded
    def on_change(self, change) -> None:
        if self.context is None or not change.touches("tags", "structure", "parties", "articles", "topics", "project"):
            return
        if self.isVisible():
            self._timer.start()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        self._dirty = False
        if self.context is None:
            self.model.set_grid(None)
            return
        data = queries.comparison(self.context.project, confirmed_only=self.confirmed.isChecked())
        no_topics = not data.topics and not data.suggested_topics
        # before any topic exists, every statement in the "No topic" row: never a blank sheet
        grid = data.grid(include_untopical=self.untopical.isChecked() or no_topics)
        claim_of = {}
        if grid.statement_count <= CLAIMS_UP_TO:
            for claim in queries.claims(self.context.project):
                claim_of.update(dict.fromkeys(claim.statement_ids, claim.statement_ids))
        self.model.set_grid(grid, claim_of)
        self._fit_columns()
        empty = sum(1 for r in range(len(grid.rows)) for c in range(len(grid.columns)) if grid.is_empty(r, c))
        if no_topics:
            self.summary.setText(f"{counted(grid.statement_count, 'statement')} of {counted(len(grid.columns), 'party')} · "
                                 "no topics yet: Suggest topics (Topics panel) groups them by the points in dispute")
        else:
            self.summary.setText(
                f"{counted(len(grid.rows), 'topic')} × {counted(len(grid.columns), 'party')} · "
                f"{counted(grid.statement_count, 'statement')} · {counted(empty, 'empty cell')}"
            )
        self.view.resizeRowsToContents()
