"""The curves between neighbouring panes: one cubic Bézier per link, coloured by relation.

contradicts: red, solid · supports: green, solid · responds-to: grey, dashed.

The overlay lies over the splitter and lets the mouse through. It only looks at the items
that cross the viewport (and their links), so it draws in the time of the visible rows.
``link_geometry()`` says what it would draw: tests and scripts count curves with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from app.ui.narrative.data import RELATION_COLORS

STYLES = {"contradicts": Qt.SolidLine, "supports": Qt.SolidLine, "responds-to": Qt.DashLine}


@dataclass(frozen=True)
class Curve:
    link_id: int
    relation: str
    left_id: int  # the statement in the left pane
    right_id: int
    left_pane: int
    start: QPointF  # overlay coordinates: right edge of the left item
    end: QPointF  # left edge of the right item
    highlighted: bool = False

    def path(self) -> QPainterPath:
        path = QPainterPath(self.start)
        dx = (self.end.x() - self.start.x()) * 0.55
        path.cubicTo(QPointF(self.start.x() + dx, self.start.y()), QPointF(self.end.x() - dx, self.end.y()), self.end)
        return path


class CurveOverlay(QWidget):
    def __init__(self, view, parent: QWidget):
        super().__init__(parent)
        self.view = view
        self.setObjectName("narrativeCurves")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.last_drawn: list[Curve] = []

    def link_geometry(self) -> list[Curve]:
        """The curves for the rows now in view."""
        view = self.view
        if view.placed is None or view.data is None:
            return []
        panes = view.panes
        curves: list[Curve] = []
        top = view.offset
        for left in range(len(panes) - 1):
            right = left + 1
            la, ra = view.placed.panes[left], view.placed.panes[right]
            lc, rc = panes[left].canvas, panes[right].canvas
            height = lc.height()
            seen: set[tuple[int, int]] = set()
            candidates: list = []
            for pane_layout, side in ((la, 0), (ra, 1)):
                for item in pane_layout.visible(top - 200, top + height + 200):
                    if item.id is not None:
                        candidates.append((item, side))
            right_party = panes[right].column.id
            left_party = panes[left].column.id
            for item, side in candidates:
                for link in view.data.links_of.get(item.id, ()):
                    other = link.other(item.id)
                    other_row = view.data.text_of.get(other)
                    if other_row is None:
                        continue
                    if other_row[1] != (right_party if side == 0 else left_party):
                        continue
                    lid, rid = (item.id, other) if side == 0 else (other, item.id)
                    for l_item, r_item in self._pairs(la.occurrences(lid), ra.occurrences(rid)):
                        key = (link.id, l_item.row)
                        if key in seen:
                            continue
                        seen.add(key)
                        start = lc.mapTo(self.parentWidget(), lc.item_rect(l_item).topRight())
                        end = rc.mapTo(self.parentWidget(), rc.item_rect(r_item).topLeft())
                        start = QPointF(start.x() + 1, start.y() + min(l_item.height / 2, 28))
                        end = QPointF(end.x() - 1, end.y() + min(r_item.height / 2, 28))
                        lit = bool(view.selected_set & {lid, rid})
                        curves.append(Curve(link.id, link.relation, lid, rid, left, start, end, lit))
        return curves

    @staticmethod
    def _pairs(lefts, rights):
        """Join the occurrences under the same topic; failing that, the first of each."""
        pairs = [(li, ri) for li in lefts for ri in rights if li.row == ri.row]
        if not pairs and lefts and rights:
            pairs = [(lefts[0], rights[0])]
        return pairs

    def paintEvent(self, _event) -> None:  # noqa: N802
        curves = self.link_geometry()
        self.last_drawn = curves
        if not curves:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        view = self.view
        if view.panes:
            first = view.panes[0].canvas
            origin = first.mapTo(self.parentWidget(), first.rect().topLeft())
            painter.setClipRect(0, origin.y(), self.width(), first.height())
        for curve in sorted(curves, key=lambda c: c.highlighted):
            color = QColor(RELATION_COLORS.get(curve.relation, "#555555"))
            if not curve.highlighted and view.selected_set:
                color.setAlpha(150)
            pen = QPen(color, 3.2 if curve.highlighted else 2.2, STYLES.get(curve.relation, Qt.SolidLine))
            pen.setCapStyle(Qt.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(curve.path())
            painter.setBrush(color)
            painter.setPen(Qt.NoPen)
            for point in (curve.start, curve.end):
                painter.drawEllipse(point, 3.5, 3.5)
