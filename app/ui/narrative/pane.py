"""One party's pane: its name on a coloured header, then its statements painted topic by topic.

No widget per statement: the canvas paints the items of the shared layout that cross its
viewport (a bisection) at the view's shared scroll offset, so every pane scrolls together
and 100,000 statements cost what the visible twenty cost.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QDrag, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QToolTip, QVBoxLayout, QWidget

from app.core.comparison import readable_text_color, tint
from app.core.text import is_right_to_left
from app.ui.elided import ElidedLabel
from app.core.words import SUGGESTED_MARK, counted
from app.ui.narrative.data import RELATION_COLORS, STATUS, SUGGESTED_PLACE, TEXT
from app.ui.narrative.layout import EMPTY, EMPTY_TEXT, PAD_X, PAD_Y, Item

MIME = "application/x-counterclaim-statements"


def statements_mime(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, QByteArray(json.dumps([int(i) for i in ids]).encode()))
    mime.setText(" ".join(str(i) for i in ids))
    return mime


def ids_from_mime(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(MIME)).decode())]
    except (ValueError, TypeError):
        return []


class PaneCanvas(QWidget):
    def __init__(self, pane: NarrativePane):
        super().__init__(pane)
        self.pane = pane
        self.setObjectName(f"canvas:{pane.column.name}")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(False)
        self._press: QPoint | None = None
        self._press_item: Item | None = None
        self.drop_target: Item | None = None

    @property
    def view(self):
        return self.pane.view

    def item_at(self, pos: QPoint) -> Item | None:
        layout = self.view.pane_layout(self.pane.index)
        return layout.at(pos.y() + self.view.offset) if layout else None

    def item_rect(self, item: Item) -> QRect:
        return QRect(4, item.top - self.view.offset, self.width() - 8, item.height)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802
        view, layout = self.view, self.view.pane_layout(self.pane.index)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        base = self.palette().color(QPalette.Base)
        painter.fillRect(self.rect(), base)
        if layout is None:
            return
        top, bottom = view.offset, view.offset + self.height()
        metrics = view.metrics
        for r, (s_top, s_height) in enumerate(view.placed.sections):
            if s_top + s_height < top or s_top > bottom:
                continue
            row = view.grid.rows[r]
            band = QRect(0, s_top - top, self.width(), metrics.header - 4)
            painter.fillRect(band, QColor(tint(row.color, 0.82)))
            painter.fillRect(QRect(0, band.top(), 5, band.height()), QColor(row.color))
            suggested = row.id in view.data.suggested_topics
            title = row.name + (SUGGESTED_MARK if suggested else "")
            font = metrics.title
            if suggested:  # Counterclaim's proposal, not the journalist's yet
                font = type(font)(font)
                font.setItalic(True)
            painter.setFont(font)
            painter.setPen(QColor("#202020"))
            painter.drawText(band.adjusted(PAD_X, 0, -6, 0), Qt.AlignVCenter | Qt.AlignLeft,
                             metrics.fm.elidedText(title, Qt.ElideRight, band.width() - PAD_X - 6))
        party_color = self.pane.column.color
        selected, counterparts = view.selected_set, view.counterpart_relations
        for item in layout.visible(top, bottom):
            rect = self.item_rect(item)
            if item.kind == EMPTY:
                painter.setPen(QPen(QColor("#B8B8B8"), 1, Qt.DashLine))
                painter.setBrush(Qt.NoBrush)
                painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
                painter.setFont(metrics.small)
                painter.setPen(QColor("#8A8A8A"))
                painter.drawText(rect, Qt.AlignCenter, EMPTY_TEXT)
                continue
            self._paint_statement(painter, item, rect, party_color, selected, counterparts)

    def _paint_statement(self, painter, item, rect, party_color, selected, counterparts) -> None:
        view, metrics, s = self.view, self.view.metrics, item.statement
        sid = item.id
        is_selected = sid in selected
        relation = counterparts.get(sid)
        fill = tint(party_color, 0.80 if is_selected else (0.86 if relation else 0.93))
        if item is self.drop_target:
            fill = tint(party_color, 0.7)
        painter.setBrush(QColor(fill))
        if is_selected:
            pen = QPen(self.palette().color(QPalette.Highlight), 2.5)
        elif relation:
            pen = QPen(QColor(RELATION_COLORS.get(relation, "#555")), 2.5)
        elif s[STATUS] != "confirmed":
            pen = QPen(QColor(party_color), 1, Qt.DashLine)
        else:
            pen = QPen(QColor(tint(party_color, 0.55)), 1)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 5, 5)
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 4, 4, rect.height() - 8), QColor(party_color))
        text_rect = QRect(rect.left() + PAD_X - 4, rect.top() + PAD_Y, rect.width() - 2 * PAD_X + 8,
                          rect.height() - 2 * PAD_Y - metrics.source - 3)
        painter.setFont(metrics.font)
        painter.setPen(self.palette().color(QPalette.Text))
        rtl = is_right_to_left(s[TEXT])  # an Arabic-script card reads from the right, full stop on the left
        painter.setLayoutDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
        painter.drawText(text_rect, int(Qt.TextWordWrap) | int(Qt.AlignTop | Qt.AlignLeft),  # the line's start: its right when RTL
                         s[TEXT])
        painter.setLayoutDirection(Qt.LeftToRight)
        painter.setFont(metrics.small)
        painter.setPen(QColor("#6A6A6A"))
        source = view.data.source_line(s)
        if s[STATUS] != "confirmed":
            source += " · suggested"
        if s[SUGGESTED_PLACE]:
            source += " · topic suggested"
        sources = view.claim_sources(sid)
        if sources > 1:
            source = f"×{counted(sources, 'article')} · " + source
        far = view.far_links(self.pane.index, sid)
        line = QRect(text_rect.left(), rect.bottom() - PAD_Y - metrics.source + 1, text_rect.width(), metrics.source)
        painter.drawText(line, Qt.AlignLeft | Qt.AlignVCenter, source)
        if far:
            painter.setPen(QColor(RELATION_COLORS.get(far[0][1], "#555")))
            painter.drawText(line, Qt.AlignRight | Qt.AlignVCenter, "⟷ " + ", ".join(name for name, _r in far))

    # -- mouse, keys, drag and drop -----------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.setFocus(Qt.MouseFocusReason)
        item = self.item_at(event.position().toPoint())
        self._press, self._press_item = event.position().toPoint(), item
        if event.button() == Qt.LeftButton or (event.button() == Qt.RightButton and item and item.id not in self.view.selected_set):
            add = bool(event.modifiers() & Qt.ControlModifier)
            self.view.click(item.id if item and item.id is not None else None, add)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if not (event.buttons() & Qt.LeftButton) or self._press is None or self._press_item is None:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        ids = self.view.drag_ids(self._press_item.id)
        self._press = None
        if not ids:
            return
        drag = QDrag(self)
        drag.setMimeData(statements_mime(ids))
        drag.exec(Qt.LinkAction | Qt.CopyAction, Qt.LinkAction)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        item = self.item_at(event.position().toPoint())
        if item is not None and item.id is not None:
            self.view.activate(item.id)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.view.context_menu(self.pane.index, self.item_at(event.pos()), event.globalPos())

    def wheelEvent(self, event) -> None:  # noqa: N802
        self.view.scroll_bar.event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self.view.key(self.pane.index, event):
            super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            item = self.item_at(event.pos())
            tip = self.view.tooltip(item) if item else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if ids_from_mime(event.mimeData()):
            event.setDropAction(Qt.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        item = self.item_at(event.position().toPoint())
        ids = ids_from_mime(event.mimeData())
        target = item if item is not None and item.id is not None and item.id not in ids else None
        if target is not self.drop_target:
            self.drop_target = target
            self.update()
        event.setDropAction(Qt.LinkAction)
        event.accept()

    def dragLeaveEvent(self, _event) -> None:  # noqa: N802
        self.drop_target = None
        self.update()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.drop_target = None
        ids = ids_from_mime(event.mimeData())
        pos = event.position().toPoint()
        if not ids:
            event.ignore()
            return
        event.setDropAction(Qt.LinkAction)
        event.accept()
        self.view.dropped(self.pane.index, ids, pos.y() + self.view.offset, event.modifiers())
        self.update()


class NarrativePane(QWidget):
    """The party's header and its canvas; objectName ``pane:<party name>``."""

    def __init__(self, view, column, index: int):
        super().__init__()
        self.view, self.column, self.index = view, column, index
        self.setObjectName(f"pane:{column.name}")
        self.header = ElidedLabel(column.name, self, padding=14)
        self.header.setObjectName("paneHeader")
        self.header.setAlignment(Qt.AlignCenter)
        ink = readable_text_color(column.color)
        self.header.setStyleSheet(
            f"QLabel {{ background: {column.color}; color: {ink}; font-weight: bold; padding: 6px; border-radius: 4px; }}"
        )
        self.canvas = PaneCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        self.setMinimumWidth(160)

    def set_count(self, shown: int) -> None:
        self.header.setText(f"{self.column.name}  ·  {shown:,}")
