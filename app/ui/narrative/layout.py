"""Where everything sits in the narrative view: topic sections aligned across panes.

Every topic is a section as tall as its tallest cell, in every pane, so a topic starts at
the same height everywhere (like a diff viewer's aligned hunks). Inside a section each pane
stacks its statements (wrapped text and a source line) or one "says nothing" cell.

Heights come from the fonts: measured exactly for up to ``EXACT_LIMIT`` statements, and
estimated from the text's length beyond that (100,000 statements lay out in milliseconds;
the painter wraps and clips). Only arithmetic here, no widgets: a pane asks which items
cross its viewport with ``visible(top, bottom)`` (a bisection).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from app.ui.narrative.data import ID, TEXT, NarrativeGrid

EXACT_LIMIT = 4000
PAD_X, PAD_Y, GAP, SECTION_GAP = 12, 8, 6, 14
EMPTY_TEXT = "— says nothing on this —"

STATEMENT, EMPTY = 0, 1


@dataclass(slots=True)
class Item:
    kind: int  # STATEMENT or EMPTY
    row: int  # the topic section
    top: int
    height: int
    statement: tuple | None = None

    @property
    def id(self) -> int | None:
        return self.statement[ID] if self.statement is not None else None

    @property
    def center(self) -> int:
        return self.top + self.height // 2


@dataclass
class PaneLayout:
    items: list[Item] = field(default_factory=list)
    tops: list[int] = field(default_factory=list)
    bottoms: list[int] = field(default_factory=list)
    where: dict[int, list[int]] = field(default_factory=dict)  # statement id -> item indexes

    def visible(self, top: int, bottom: int) -> range:
        first = bisect_right(self.bottoms, top)
        last = bisect_left(self.tops, bottom)
        return range(first, max(first, last))

    def at(self, y: int) -> Item | None:
        i = bisect_right(self.tops, y) - 1
        if 0 <= i < len(self.items) and self.items[i].top <= y < self.items[i].top + self.items[i].height:
            return self.items[i]
        return None


class Metrics:
    """Fonts and the cached height of each statement's wrapped text at a width."""

    def __init__(self, font: QFont):
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        self.title = QFont(font)
        self.title.setBold(True)
        self.fm = QFontMetrics(self.font)
        self.small_fm = QFontMetrics(self.small)
        self.line = self.fm.lineSpacing()
        self.header = QFontMetrics(self.title).height() + 14
        self.source = self.small_fm.height()
        sample = "the quick brown fox, said Pakistan’s foreign ministry on Thursday; 42 people 0123"
        self.char_width = self.fm.horizontalAdvance(sample) / len(sample)
        self._width = -1
        self._heights: dict[int, int] = {}

    def text_height(self, statement: tuple, width: int, exact: bool) -> int:
        if width != self._width:
            self._width, self._heights = width, {}
        sid = statement[ID]
        h = self._heights.get(sid)
        if h is None:
            text = statement[TEXT]
            if exact:
                h = self.fm.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextWordWrap), text).height()
            else:
                lines = len(text) * self.char_width * 1.08 / max(width, 40)
                h = self.line * max(1, math.ceil(lines + (0.35 if lines > 1 else 0)))
            self._heights[sid] = h
        return h

    def item_height(self, statement: tuple, width: int, exact: bool) -> int:
        return PAD_Y + self.text_height(statement, width - 2 * PAD_X, exact) + 3 + self.source + PAD_Y

    @property
    def empty_height(self) -> int:
        return 2 * PAD_Y + self.line + 6


@dataclass
class NarrativeLayout:
    sections: list[tuple[int, int]] = field(default_factory=list)  # (top, height) per topic row
    panes: list[PaneLayout] = field(default_factory=list)
    height: int = 0

    def section_at(self, y: int) -> int | None:
        tops = [s[0] for s in self.sections]
        i = bisect_right(tops, y) - 1
        if 0 <= i < len(self.sections) and y < self.sections[i][0] + self.sections[i][1]:
            return i
        return None


def lay_out(grid: NarrativeGrid, widths: list[int], metrics: Metrics) -> NarrativeLayout:
    """Place every item of every pane; ``widths`` are the panes' widths in pixels."""
    count = sum(len(v) for v in grid.cells.values())
    exact = count <= EXACT_LIMIT
    layout = NarrativeLayout(panes=[PaneLayout() for _ in grid.columns])
    y = 0
    empty_h = metrics.empty_height
    for r in range(len(grid.rows)):
        body_top = y + metrics.header
        tallest = 0
        for c, pane in enumerate(layout.panes):
            width = widths[c] if c < len(widths) else 300
            statements = grid.cells.get((r, c))
            items, tops, bottoms, where = pane.items, pane.tops, pane.bottoms, pane.where
            at = body_top
            if not statements:
                items.append(Item(EMPTY, r, at, empty_h))
                tops.append(at)
                bottoms.append(at + empty_h)
                at += empty_h
            else:
                for s in statements:
                    h = metrics.item_height(s, width, exact)
                    where.setdefault(s[ID], []).append(len(items))
                    items.append(Item(STATEMENT, r, at, h, s))
                    tops.append(at)
                    bottoms.append(at + h)
                    at += h + GAP
                at -= GAP
            tallest = max(tallest, at - body_top)
        height = metrics.header + tallest + SECTION_GAP
        layout.sections.append((y, height))
        y += height
    layout.height = y
    return layout
