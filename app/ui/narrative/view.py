"""The narrative view: one pane per chosen party, rows aligned by topic, links as curves.

    view = NarrativeView(); view.set_context(context)
    view.set_panes([party ids])  view.set_filter(NarrativeFilter(...))  view.select([ids])

Data comes from one store query (``NarrativeData.load``); filters and pane choices regroup it
in memory (``data.build``) and ``layout.lay_out`` places it. Edits (links made by dragging
one statement onto another, topics by dropping on a topic) go through undo commands.
"""

from __future__ import annotations

from html import escape
from operator import itemgetter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollBar, QSplitter, QVBoxLayout, QWidget

from app.core.matching import relation_hint
from app.core.words import SUGGESTED_MARK, counted
from app.ui import narrative_commands as commands
from app.ui.context import follow
from app.ui.errors import guarded
from app.ui.narrative import data as narrative_data
from app.ui.narrative.curves import CurveOverlay
from app.ui.narrative.data import ARTICLE, ID, PARTY, STATUS, TEXT, NarrativeData, NarrativeFilter
from app.ui.narrative.filters import FilterBar, PanesDialog, ScrollingStrip
from app.ui.narrative.layout import Metrics, lay_out
from app.ui.narrative.pane import NarrativePane

FIRST = itemgetter(0)  # a statement tuple's id
RELOAD_KINDS = ("tags", "structure", "parties", "articles", "topics", "project")


# key -> (what the desk does with the selected cards, the digit)
TAG_KEYS = {getattr(Qt, f"Key_{n}"): ("tag", n) for n in range(10)} | {
    Qt.Key_Return: ("confirm", 0), Qt.Key_Enter: ("confirm", 0), Qt.Key_Delete: ("clear", 0),
    Qt.Key_Backspace: ("clear", 0), Qt.Key_L: ("link", 0),
}
PANE_WIDTH = 220  # a pane narrower than this is no longer readable: the others scroll in


class NarrativeView(QWidget):
    selection_changed = Signal(list)  # statement ids
    activated = Signal(int, int)  # statement id, article id: show it in the article
    topic_wanted = Signal(list)  # T pressed on these statements
    menu_wanted = Signal(list, object, object)  # ids, the statement under the mouse, global pos
    suggest_wanted = Signal()  # the prompt's "Suggest topics" (the topic panel does it)
    tag_wanted = Signal(list, str, int)  # ids, "tag" (with the key 0–9) / "confirm" / "clear" / "link"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("narrativeView")
        self.context = None
        self.data: NarrativeData | None = None
        self.grid = None  # what the panes show: ``whole`` narrowed to the parties that fit
        self.whole = None
        self.placed = None
        self.party_ids: list[int] | None = None  # None: every party, in the project's order
        self.filter = NarrativeFilter()
        self.selected: list[int] = []
        self.selected_set: set[int] = set()
        self.counterpart_relations: dict[int, str] = {}
        self.panes: list[NarrativePane] = []
        self.metrics = Metrics(self.font())
        self._dirty = False

        self.filters = FilterBar(self)
        self.filters.changed.connect(self.set_filter)
        self.filters.choose_panes.connect(self.choose_panes)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("narrativePanes")
        self.splitter.setHandleWidth(46)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self._relayout_timer.start())
        self.scroll_bar = QScrollBar(Qt.Vertical, self)
        self.scroll_bar.setObjectName("narrativeScroll")
        self.scroll_bar.valueChanged.connect(self._scrolled)
        self.stage = QWidget(self)
        row = QHBoxLayout(self.stage)
        row.setContentsMargins(4, 4, 0, 4)
        row.setSpacing(2)
        row.addWidget(self.splitter, 1)
        row.addWidget(self.scroll_bar)
        self.overlay = CurveOverlay(self, self.stage)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(ScrollingStrip(self.filters, self))
        column.addWidget(self._prompt())
        column.addWidget(self.stage, 1)
        # More parties than fit: the panes that fit, and this bar to move along the others
        self.pane_bar = QScrollBar(Qt.Horizontal, self)
        self.pane_bar.setObjectName("narrativePaneScroll")
        self.pane_bar.setToolTip("More parties than fit side by side: scroll to see the others")
        self.pane_bar.valueChanged.connect(lambda _v: self.rebuild())
        self.pane_bar.hide()
        column.addWidget(self.pane_bar)

        self._relayout_timer = QTimer(self, singleShot=True, interval=0)
        self._relayout_timer.timeout.connect(self.relayout)
        self._reload_timer = QTimer(self, singleShot=True, interval=120)
        self._reload_timer.timeout.connect(self.reload)

    def _prompt(self) -> QWidget:
        """Shown while the project has no topic: every statement is under "No topic" until
        topics are suggested or made."""
        self.prompt = QWidget(self)
        self.prompt.setObjectName("narrativeNoTopicsPrompt")
        row = QHBoxLayout(self.prompt)
        row.setContentsMargins(8, 2, 8, 2)
        text = QLabel("No topics yet: each party's statements are shown by article. Suggest topics groups "
                      "them by the points in dispute, a denial beside what it denies.", self.prompt)
        text.setWordWrap(True)
        button = QPushButton("Suggest topics", self.prompt)
        button.setObjectName("narrativeSuggestTopics")
        button.clicked.connect(lambda _c=False: self.suggest_wanted.emit())
        row.addWidget(text, 1)
        row.addWidget(button)
        self.prompt.hide()
        return self.prompt

    @property
    def offset(self) -> int:
        return self.scroll_bar.value()

    def pane_layout(self, index: int):
        if self.placed is None or index >= len(self.placed.panes):
            return None
        return self.placed.panes[index]

    # -- loading ------------------------------------------------------------------------------

    def set_context(self, context) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        self.data, self.party_ids, self.selected = None, None, []
        self.selected_set, self.counterpart_relations = set(), {}
        if context is not None:
            # 100,000 statements take half a second to load: only when the tab is seen.
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True
        else:
            self._set_panes_widgets([])
            self.grid = self.placed = None

    @guarded
    def on_change(self, change) -> None:
        if self.context is None:
            return
        if change.touches(*RELOAD_KINDS):
            if self.isVisible():
                self._reload_timer.start()
            else:
                self._dirty = True
        elif change.touches("links") and self.data is not None:
            self.data.load_links(self.context.project)
            self._select(self.selected)
            self.repaint_all()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.reload()
        self._relayout_timer.start()

    def reload(self) -> None:
        self._dirty = False
        self._reload_timer.stop()
        if self.context is None:
            return
        self.data = NarrativeData.load(self.context.project)
        self.metrics.forget()  # texts may have changed (a split)
        self.filters.fill(self.data)
        self.filter = self.filters.value()
        self.rebuild()

    def chosen_party_ids(self) -> list[int]:
        known = [p.id for p in self.data.parties] if self.data else []
        if self.party_ids is None:
            return known
        return [i for i in self.party_ids if i in known]

    def rebuild(self) -> None:
        """Regroup after a filter or pane change (no query), then lay out again."""
        if self.data is None:
            return
        self.whole = narrative_data.build(self.data, self.chosen_party_ids(), self.filter)
        fit = self.panes_that_fit()
        extra = max(0, len(self.whole.columns) - fit)
        self.pane_bar.blockSignals(True)
        self.pane_bar.setRange(0, extra)
        self.pane_bar.setPageStep(max(1, fit))
        self.pane_bar.blockSignals(False)
        self.pane_bar.setVisible(extra > 0)
        self.grid = self.whole.window(self.pane_bar.value(), fit)
        self._set_panes_widgets(self.grid.columns)
        self.relayout()

    def panes_that_fit(self) -> int:
        """Panes of a readable width (``PANE_WIDTH``) side by side in the view as it is now."""
        width = self.stage.width() or self.width()
        return max(1, (width - self.scroll_bar.width() - 8) // (PANE_WIDTH + self.splitter.handleWidth()))

    def _set_panes_widgets(self, columns) -> None:
        if [(p.column, p.index) for p in self.panes] == [(c, n) for n, c in enumerate(columns)]:
            return
        sizes = self.splitter.sizes()
        for pane in self.panes:
            pane.setParent(None)
            pane.deleteLater()
        self.panes = [NarrativePane(self, column, n) for n, column in enumerate(columns)]
        for pane in self.panes:
            self.splitter.addWidget(pane)
        if len(sizes) == len(self.panes) and all(sizes):
            self.splitter.setSizes(sizes)
        else:
            self._equalize = True
        self.overlay.raise_()

    def relayout(self) -> None:
        if self.grid is None:
            return
        if getattr(self, "_equalize", False) and self.splitter.width() > 100:
            self._equalize = False
            self.splitter.setSizes([self.splitter.width() // max(1, len(self.panes))] * len(self.panes))
        widths = [max(pane.canvas.width(), 120) for pane in self.panes]
        self.placed = lay_out(self.grid, widths, self.metrics, self.data.topics_of if self.data else None)
        height = self.panes[0].canvas.height() if self.panes else 0
        self.scroll_bar.setPageStep(max(height, 1))
        self.scroll_bar.setSingleStep(self.metrics.line * 3)
        self.scroll_bar.setRange(0, max(0, self.placed.height - height))
        for c, pane in enumerate(self.panes):
            cells = [self.grid.cell(r, c) for r in range(len(self.grid.rows))]
            pane.set_count(len(set().union(*(map(FIRST, cell) for cell in cells))))
        shown = sum(len(v) for v in (self.whole or self.grid).cells.values())
        self.prompt.setVisible(self.data is not None and not self.data.topics)
        if self.data is not None and not self.data.topics:
            self.filters.summary.setText(
                f"{counted(shown, 'statement')} of the parties, by article · no topics yet: "
                "Suggest topics (Topics panel) groups them by the points in dispute")
        else:
            self.filters.summary.setText(f"{counted(len(self.grid.rows), 'topic')} · {counted(shown, 'placed statement')}")
        self.repaint_all()

    def repaint_all(self) -> None:
        for pane in self.panes:
            pane.canvas.update()
        self.overlay.setGeometry(self.splitter.geometry())
        self.overlay.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.data is not None and self.grid is not None and \
                len(self.grid.columns) != min(len(self.whole.columns), self.panes_that_fit()):
            self.rebuild()  # more or fewer panes fit now
        self._relayout_timer.start()

    def _scrolled(self, _value: int) -> None:
        self.repaint_all()

    # -- choices ------------------------------------------------------------------------------

    def set_filter(self, value: NarrativeFilter) -> None:
        self.filter = value
        self.rebuild()

    def set_panes(self, party_ids: list[int]) -> None:
        self.party_ids = list(party_ids)
        self.rebuild()

    @guarded
    def choose_panes(self) -> None:
        if self.data is None:
            return
        dialog = PanesDialog(self.data.parties, self.chosen_party_ids(), self)
        dialog.accepted.connect(lambda: self.set_panes(dialog.chosen()))
        dialog.open()

    # -- selection ------------------------------------------------------------------------------

    def _select(self, ids) -> None:
        self.selected = list(dict.fromkeys(ids))
        self.selected_set = set(self.selected)
        relations: dict[int, str] = {}
        if self.data is not None:
            for sid in self.selected:
                relations.update(self.data.counterparts(sid))
        self.counterpart_relations = {k: v for k, v in relations.items() if k not in self.selected_set}

    def select(self, ids, scroll: bool = False) -> None:
        self._select(ids)
        if scroll and self.selected:
            self.scroll_to(self.selected[0])
        self.repaint_all()

    def click(self, statement_id: int | None, add: bool = False) -> None:
        if statement_id is None:
            ids = self.selected if add else []
        elif add:
            ids = [i for i in self.selected if i != statement_id]
            if len(ids) == len(self.selected):
                ids.append(statement_id)
        else:
            ids = [statement_id]
        self.select(ids)
        self.selection_changed.emit(self.selected)

    def scroll_to(self, statement_id: int) -> None:
        if self.placed is None:
            return
        self._bring_pane_of(statement_id)
        tops = [found[0].top for found in (pl.occurrences(statement_id) for pl in self.placed.panes) if found]
        if tops:
            view_h = self.panes[0].canvas.height() if self.panes else 0
            if not self.offset <= tops[0] <= self.offset + view_h - 40:
                self.scroll_bar.setValue(max(0, tops[0] - 40))

    def _bring_pane_of(self, statement_id: int) -> None:
        """Scroll the panes sideways to the party of ``statement_id`` when it is out of view."""
        row = self.data.text_of.get(statement_id) if self.data else None
        if row is None or self.whole is None or any(c.id == row[PARTY] for c in self.grid.columns):
            return
        index = next((n for n, c in enumerate(self.whole.columns) if c.id == row[PARTY]), None)
        if index is not None:
            self.pane_bar.setValue(min(index, self.pane_bar.maximum()))  # rebuilds the panes

    def drag_ids(self, statement_id: int | None) -> list[int]:
        if statement_id is None:
            return []
        return list(self.selected) if statement_id in self.selected_set else [statement_id]

    def activate(self, statement_id: int) -> None:
        row = self.data.text_of.get(statement_id) if self.data else None
        if row is not None:
            self.activated.emit(statement_id, row[ARTICLE])

    # -- what the panes ask --------------------------------------------------------------------

    def far_links(self, pane_index: int, statement_id: int) -> list[tuple[str, str]]:
        """Links that no curve shows: to a party that is not a neighbouring pane."""
        links = self.data.links_of.get(statement_id) if self.data else None
        if not links:
            return []
        near = {self.panes[i].column.id for i in (pane_index - 1, pane_index + 1) if 0 <= i < len(self.panes)}
        names = {p.id: p.name for p in self.data.parties}
        far = []
        for link in links:
            other = self.data.text_of.get(link.other(statement_id))
            if other is not None and other[PARTY] not in near and other[PARTY] in names:
                # a suggested tag is named as one, as in every export (review of issue 12, #9)
                label = names[other[PARTY]] + (SUGGESTED_MARK if other[STATUS] == "suggested" else "")
                far.append((label, link.relation))
        return far

    def claim_sources(self, statement_id: int) -> int:
        """How many articles carry this card's claim (1: none other), when cards are grouped."""
        if self.data is None or self.filter.each_source:
            return 1
        return len({r[ARTICLE] for r in self.data.sources_of(statement_id)})

    def tooltip(self, item) -> str:
        if item.statement is None or self.data is None:
            return ""
        s = item.statement
        citation = self.data.citation(s).full()
        lines = [f"<p>{escape(s[TEXT])}</p><p><i>{escape(citation)}</i></p>"]
        if self.claim_sources(s[ID]) > 1:  # the same claim in other articles: each source
            others = [r for r in self.data.sources_of(s[ID]) if r[ID] != s[ID]]
            lines.append("<p><b>Also carried by:</b></p>" + "".join(
                f"<p>“{escape(r[TEXT][:140])}” <i>{escape(self.data.citation(r).full())}</i></p>" for r in others))
        for link in self.data.links_of.get(s[ID], ()):
            other = self.data.text_of.get(link.other(s[ID]))
            if other is not None:
                lines.append(f"<p><b>{link.relation}</b>: {escape(other[TEXT][:120])}…</p>")
        return "<qt>" + "".join(lines) + "</qt>"

    def key(self, pane_index: int, event) -> bool:
        """The reader's keys on the selected cards: 1–9 and 0 tag, Enter confirms, Delete takes
        the tag off, T files under a topic, L links the best counterclaim; J/K and ↓/↑ move."""
        key = event.key()
        plain = not event.modifiers() & ~(Qt.ShiftModifier | Qt.KeypadModifier)
        if key == Qt.Key_T and plain:
            if self.selected:
                self.topic_wanted.emit(list(self.selected))
            return True
        action = TAG_KEYS.get(key) if plain and not event.modifiers() & Qt.ShiftModifier else None
        if action is not None:
            if self.selected:
                self.tag_wanted.emit(list(self.selected), action[0], action[1])
            return True
        if key in (Qt.Key_Down, Qt.Key_Up, Qt.Key_J, Qt.Key_K):
            layout = self.pane_layout(pane_index)
            if not layout:
                return True
            step = 1 if key in (Qt.Key_Down, Qt.Key_J) else -1
            current = next((found[0] for found in map(layout.occurrences, self.selected) if found), None)
            if current is None:
                target = next((it for it in layout.visible(self.offset, self.offset + 10**9) if it.id is not None), None)
            else:
                target = layout.neighbour(current, step)
            if target is not None:
                self.click(target.id)
                self.scroll_to(target.id)
            return True
        return False

    def context_menu(self, pane_index: int, item, global_pos) -> None:
        anchor = item.id if item is not None else None
        self.menu_wanted.emit(list(self.selected), anchor, global_pos)

    # -- edits ----------------------------------------------------------------------------------

    @guarded
    def dropped(self, pane_index: int, ids: list[int], y: int, modifiers=None) -> None:
        """Statements dropped at ``y`` of a pane: on a statement, link them to it; on a topic, file them under it."""
        layout = self.pane_layout(pane_index)
        if layout is None or self.context is None:
            return
        item = layout.at(y)
        if item is not None and item.id is not None:
            if item.id in ids:
                return
            self.link_statements(ids, item.id)
            return
        r = self.placed.section_at(y)
        if r is not None and not self.grid.rows[r].untopical:
            row = self.grid.rows[r]
            commands.assign_topic(self.context, ids, row.id, row.name)

    def link_statements(self, source_ids: list[int], target_id: int, relation: str | None = None) -> None:
        texts = self.data.text_of if self.data else {}
        for source_id in source_ids:
            if source_id == target_id:
                continue
            chosen = relation
            if chosen is None:
                a, b = texts.get(source_id), texts.get(target_id)
                chosen = relation_hint(a[TEXT], b[TEXT]) if a and b else "contradicts"
            commands.link(self.context, source_id, target_id, chosen)
