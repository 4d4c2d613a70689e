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
from dataclasses import dataclass
from operator import itemgetter

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from app.ui.narrative.data import ID, TEXT, NarrativeGrid

EXACT_LIMIT = 4000
PAD_X, PAD_Y, GAP, SECTION_GAP = 12, 8, 6, 14
EMPTY_TEXT = "— says nothing on this —"

STATEMENT, EMPTY = 0, 1
FIRST = itemgetter(ID)


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


class PaneLayout:
    """One pane's items, made section by section only when asked (visible, or searched)."""

    def __init__(self, owner: NarrativeLayout, column: int):
        self.owner, self.column = owner, column
        self._sections: dict[int, list[Item]] = {}
        self._index: dict[int, dict[int, Item]] = {}

    def section_items(self, r: int) -> list[Item]:
        items = self._sections.get(r)
        if items is None:
            items = self._sections[r] = self.owner.make_items(r, self.column)
        return items

    def visible(self, top: int, bottom: int) -> list[Item]:
        found: list[Item] = []
        owner = self.owner
        first = max(0, bisect_right(owner.section_tops, top) - 1)
        for r in range(first, len(owner.sections)):
            s_top, _h = owner.sections[r]
            if s_top >= bottom:
                break
            items = self.section_items(r)
            tops = [it.top for it in items]
            lo = max(0, bisect_right(tops, top) - 1)
            hi = bisect_left(tops, bottom)
            found += [it for it in items[lo:hi] if it.top + it.height > top]
        return found

    def at(self, y: int) -> Item | None:
        r = self.owner.section_at(y)
        if r is None:
            return None
        items = self.section_items(r)
        i = bisect_right([it.top for it in items], y) - 1
        if 0 <= i < len(items) and items[i].top <= y < items[i].top + items[i].height:
            return items[i]
        return None

    def occurrences(self, statement_id: int) -> list[Item]:
        """Where a statement sits in this pane (once per topic it is under)."""
        found = []
        for r in self.owner.rows_of(statement_id):
            index = self._index.get(r)
            if index is None:
                index = self._index[r] = {it.id: it for it in self.section_items(r) if it.id is not None}
            if statement_id in index:
                found.append(index[statement_id])
        return found

    def neighbour(self, item: Item, step: int) -> Item | None:
        """The next (or previous) statement in this pane, across sections."""
        r = item.row
        items = [it for it in self.section_items(r) if it.id is not None]
        i = next((n for n, it in enumerate(items) if it is item), None)
        if i is not None and 0 <= i + step < len(items):
            return items[i + step]
        r += step
        while 0 <= r < len(self.owner.sections):
            items = [it for it in self.section_items(r) if it.id is not None]
            if items:
                return items[0] if step > 0 else items[-1]
            r += step
        return None

    def all_items(self) -> list[Item]:
        return [it for r in range(len(self.owner.sections)) for it in self.section_items(r)]


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
        self._by_width: dict[int, dict[int, int]] = {}

    def heights_at(self, width: int) -> dict[int, int]:
        """Item heights by statement id at a pane width (a few widths are remembered)."""
        known = self._by_width.get(width)
        if known is None:
            if len(self._by_width) > 12:
                self._by_width.clear()
            known = self._by_width[width] = {}
        return known

    def forget(self) -> None:
        self._by_width.clear()

    def text_height(self, statement: tuple, width: int, exact: bool) -> int:
        text = statement[TEXT]
        if exact:
            return self.fm.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextWordWrap), text).height()
        lines = len(text) * self.char_width * 1.08 / max(width, 40)
        return self.line * max(1, math.ceil(lines + (0.35 if lines > 1 else 0)))

    def item_height(self, statement: tuple, width: int, exact: bool) -> int:
        return PAD_Y + self.text_height(statement, width - 2 * PAD_X, exact) + 3 + self.source + PAD_Y

    @property
    def empty_height(self) -> int:
        return 2 * PAD_Y + self.line + 6


class NarrativeLayout:
    """Section tops and heights for every topic; a ``PaneLayout`` per pane makes the items."""

    def __init__(self, grid: NarrativeGrid, widths: list[int], metrics: Metrics, topics_of=None):
        self.grid, self.widths, self.metrics = grid, widths, metrics
        self.topics_of = topics_of or {}  # statement id -> topic ids (None: no topic)
        self.exact = sum(len(v) for v in grid.cells.values()) <= EXACT_LIMIT
        self.row_of_topic = {row.id: r for r, row in enumerate(grid.rows)}
        self.sections: list[tuple[int, int]] = []
        self.section_tops: list[int] = []
        self.panes = [PaneLayout(self, c) for c in range(len(grid.columns))]
        self.height = 0

    def heights(self, c: int) -> dict[int, int]:
        return self.metrics.heights_at(self.widths[c] if c < len(self.widths) else 300)

    def cell_height(self, r: int, c: int) -> int:
        statements = self.grid.cells.get((r, c))
        if not statements:
            return self.metrics.empty_height
        known = self.heights(c)
        try:
            total = sum(map(known.__getitem__, map(FIRST, statements)))
        except KeyError:  # first time at this width: measure what is new
            width = self.widths[c] if c < len(self.widths) else 300
            measure, exact = self.metrics.item_height, self.exact
            for s in statements:
                if s[ID] not in known:
                    known[s[ID]] = measure(s, width, exact)
            total = sum(map(known.__getitem__, map(FIRST, statements)))
        return total + GAP * (len(statements) - 1)

    def make_items(self, r: int, c: int) -> list[Item]:
        top = self.sections[r][0] + self.metrics.header
        statements = self.grid.cells.get((r, c))
        if not statements:
            return [Item(EMPTY, r, top, self.metrics.empty_height)]
        known, items = self.heights(c), []
        for s in statements:
            h = known[s[ID]]
            items.append(Item(STATEMENT, r, top, h, s))
            top += h + GAP
        return items

    def rows_of(self, statement_id: int) -> list[int]:
        rows = self.row_of_topic
        return sorted({rows[t] for t in self.topics_of.get(statement_id, ()) if t in rows})

    def section_at(self, y: int) -> int | None:
        i = bisect_right(self.section_tops, y) - 1
        if 0 <= i < len(self.sections) and y < self.sections[i][0] + self.sections[i][1]:
            return i
        return None


def lay_out(grid: NarrativeGrid, widths: list[int], metrics: Metrics, topics_of=None) -> NarrativeLayout:
    """Size every topic section (the tallest of its cells); items are made when shown."""
    layout = NarrativeLayout(grid, widths, metrics, topics_of)
    y = 0
    columns = range(len(grid.columns))
    for r in range(len(grid.rows)):
        tallest = max((layout.cell_height(r, c) for c in columns), default=0)
        height = metrics.header + tallest + SECTION_GAP
        layout.sections.append((y, height))
        layout.section_tops.append(y)
        y += height
    layout.height = y
    return layout
