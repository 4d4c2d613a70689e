"""Wires the narratives issue into the desk: the narrative view and comparison sheet as tabs,
the topic panel and counterclaim suggestions as docks, T for topics, context menus on the
statement table and the reader, and drags from the table. ``install(window)`` is the one call
main_window makes; ``set_context`` follows the open project.
"""

from __future__ import annotations


from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication, QMenu

from app.core.errors import CounterclaimError
from app.core.matching import relation_hint
from app.ops import queries
from app.ops.queries import RELATIONS
from app.ui import ask
from app.ui import narrative_commands as commands
from app.ui.comparison_sheet import ComparisonSheet
from app.ui.errors import guarded
from app.ui.narrative import NarrativeView
from app.ui.narrative.pane import statements_mime
from app.ui.suggestions_panel import SuggestionsPanel
from app.ui.topic_panel import TopicPanel
from app.ui.topic_picker import TopicPicker


class NarrativeDesk(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.context = None
        self.last_menu: QMenu | None = None
        self.picker: TopicPicker | None = None
        self.view = NarrativeView(window)
        self.sheet = ComparisonSheet(window)
        self.topics = TopicPanel(window.jobs, window, selection=self.selected_statements)
        self.suggestions = SuggestionsPanel(window.jobs, window)
        window.add_view(self.view, "Narratives")
        window.add_view(self.sheet, "Comparison sheet")
        self.topics_dock = window.add_dock("topicsDock", "Topics", self.topics, Qt.RightDockWidgetArea)
        self.suggestions_dock = window.add_dock(
            "suggestionsDock", "Counterclaims", self.suggestions, Qt.RightDockWidgetArea
        )
        # A tabbed dock coming to the front is not a show event: tell the panel itself.
        self.suggestions_dock.visibilityChanged.connect(lambda seen: seen and self.suggestions.shown())
        parties_dock = next((d for d in window.docks if d.objectName() == "partiesDock"), None)
        if parties_dock is not None:  # one calm column on the right: Parties | Topics | Counterclaims
            window.tabifyDockWidget(parties_dock, self.topics_dock)
            window.tabifyDockWidget(self.topics_dock, self.suggestions_dock)
            parties_dock.raise_()
        self.view.activated.connect(self.jump)
        self.view.selection_changed.connect(self._narrative_selected)
        self.view.topic_wanted.connect(self.pick_topic)
        self.view.suggest_wanted.connect(self._suggest_topics)
        self.view.tag_wanted.connect(self.tag_selected)
        self.sheet.view.installEventFilter(self)
        self.sheet.view.selectionModel().selectionChanged.connect(lambda *_: self._sheet_selected())
        self.view.menu_wanted.connect(lambda ids, anchor, pos: self.menu(ids, anchor, pos, from_view=True))
        window.tagging.selection_changed.connect(self._desk_selected)
        for widget in (window.reader, window.statements.view):
            widget.installEventFilter(self)
            widget.setContextMenuPolicy(Qt.CustomContextMenu)
        window.reader.customContextMenuRequested.connect(lambda pos: self._desk_menu(window.reader, pos))
        window.statements.view.customContextMenuRequested.connect(
            lambda pos: self._desk_menu(window.statements.view, pos)
        )
        # Kept here so the filter never asks a half-destroyed window for them.
        self._reader, self._table = window.reader, window.statements.view
        self._viewport = self._table.viewport()
        self._viewport.installEventFilter(self)
        self._press = None

    def set_context(self, context) -> None:
        self.context = context
        for part in (self.view, self.sheet, self.topics, self.suggestions):
            part.set_context(context)  # each connects itself to the context's changes

    # -- selection and jumps ---------------------------------------------------------------------

    # -- the reader's keys in the narrative panes and the sheet ---------------------------------

    @guarded
    def tag_selected(self, ids: list[int], action: str, key: int = 0) -> None:
        """1–9/0, Enter, Delete and L on statements selected outside the reader."""
        from app.ui.undo_commands import TagCommand

        if not ids or self.context is None:
            return
        if action == "link":
            self.window_.tagging.set_selection(ids[:1], scroll=False)
            self.link_suggested()
            return
        party_id = None
        if action == "tag" and key:
            party = self.context.party_for_key(key)
            if party is None:
                raise CounterclaimError(f"No party is on key {key} yet: add one in the party panel.")
            party_id = party.id
        self.context.run(TagCommand(self.context, ids, action, party_id))

    def _sheet_ids(self) -> list[int]:
        from app.ui.comparison_sheet import ALL_ENTRIES_ROLE

        ids: list[int] = []
        for index in self.sheet.view.selectionModel().selectedIndexes():
            ids += [e.statement_id for e in index.data(ALL_ENTRIES_ROLE) or ()]
        return list(dict.fromkeys(ids))

    def _sheet_selected(self) -> None:
        ids = self._sheet_ids()
        if ids:  # one selection across the views: the sheet's cells are their statements
            self.window_.tagging.set_selection(ids, scroll=False)

    def _sheet_key(self, event) -> bool:
        from app.ui.narrative.view import TAG_KEYS

        plain = not event.modifiers() & ~Qt.KeypadModifier
        key = event.key()
        if key == Qt.Key_T and plain and self._sheet_ids():
            self.pick_topic(self._sheet_ids())
            return True
        action = TAG_KEYS.get(key) if plain else None
        if action is None:
            return False
        self.tag_selected(self._sheet_ids(), action[0], action[1])
        return True

    def _suggest_topics(self) -> None:
        self.topics_dock.show()
        self.topics_dock.raise_()
        self.topics.suggest()

    def selected_statements(self) -> list[int]:
        """What the journalist has selected: in the narrative view if it is in front, else the desk."""
        if self.window_.views.currentWidget() is self.view and self.view.selected:
            return list(self.view.selected)
        return list(self.window_.tagging.selected) or list(self.view.selected)

    def _narrative_selected(self, ids: list[int]) -> None:
        self.suggestions.follow(ids[0] if ids else None)
        if ids:  # one selection across the views
            self.window_.tagging.set_selection(ids, scroll=False)

    def _desk_selected(self, ids: list[int]) -> None:
        self.suggestions.follow(ids[0] if ids else None)
        self.view.select(ids)

    def jump(self, statement_id: int, article_id: int) -> None:
        """Show a statement in the article reader (double-click in the narrative view)."""
        window = self.window_
        window.tagging.go_to(statement_id, article_id)
        window.views.setCurrentWidget(window.reader_pane)
        window.reader.scroll_to(statement_id)

    # -- keys, drags and menus on the desk's own widgets -------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if self.context is None:
            return False
        if obj is self.sheet.view and event.type() == QEvent.KeyPress:
            return self._sheet_key(event)
        if event.type() == QEvent.KeyPress and (obj is self._reader or obj is self._table):
            plain = not event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier)
            if event.key() == Qt.Key_T and plain:
                if self.window_.tagging.selected:
                    self.pick_topic(list(self.window_.tagging.selected))
                return True
            if event.key() == Qt.Key_L and plain and not event.modifiers() & Qt.ShiftModifier:
                self.link_suggested()
                return True
        if obj is self._viewport:
            return self._table_drag(event)
        return False

    def _table_drag(self, event) -> bool:
        """Drag selected rows of the statement table onto a topic or a narrative pane."""
        table = self.window_.statements
        if event.type() == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            index = table.view.indexAt(event.position().toPoint())
            selected = index.isValid() and table.view.selectionModel().isRowSelected(index.row(), index.parent())
            self._press = event.position().toPoint() if selected and not event.modifiers() else None
            return False
        if (
            event.type() == QEvent.MouseMove
            and self._press is not None
            and event.buttons() & Qt.LeftButton
            and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()
        ):
            self._press = None
            ids = table.selected_ids()
            if ids:
                drag = QDrag(table.view)
                drag.setMimeData(statements_mime(ids))
                drag.exec(Qt.LinkAction | Qt.CopyAction, Qt.LinkAction)
                return True
        if event.type() == QEvent.MouseButtonRelease:
            self._press = None
        return False

    @guarded
    def pick_topic(self, ids: list[int]) -> TopicPicker | None:
        if self.context is None or not ids:
            return None
        self.picker = TopicPicker(self.context, ids, self.window_)
        self.picker.show()
        self.picker.line.setFocus()
        return self.picker

    # -- the Tag menu's topic and link entries ---------------------------------------------------

    def _selection(self, at_least: int = 1) -> list[int]:
        ids = list(self.window_.tagging.selected) if self.context is not None else []
        if len(ids) < at_least:
            if at_least == 1:
                raise CounterclaimError("Select a statement first: click it in the article or the table.")
            raise CounterclaimError(
                "Select two or more statements first (Ctrl + click): the ones selected first are "
                "linked to the one selected last."
            )
        return ids

    @guarded
    def topic_for_selection(self) -> None:
        self.pick_topic(self._selection())

    @guarded
    def link_suggested(self) -> None:
        """Link the selected statement to the counterclaim highlighted in the Counterclaims panel."""
        statement_id = self._selection()[0]
        panel = self.suggestions
        self.suggestions_dock.show()
        self.suggestions_dock.raise_()
        fresh = panel.shown_for != statement_id
        if fresh:
            panel.show_for(statement_id)
        if panel.index is None:
            raise CounterclaimError(
                "Counterclaims for this statement are still being found; press L again in a moment."
            )
        if not panel.candidates:
            raise CounterclaimError(
                "No statement of another party seems to answer this one. To link two statements by "
                "hand, select both and choose Tag › Link Selected Statements."
            )
        row = max(panel.list.currentRow(), 0)
        if fresh:  # nothing highlighted by the user yet: the best one not linked already
            row = next((i for i, c in enumerate(panel.candidates) if not c[3]), row)
            panel.list.setCurrentRow(row)
        if panel.candidates[row][3]:
            raise CounterclaimError("The highlighted counterclaim is already linked to this statement.")
        panel.accept(row)

    @guarded
    def link_selected(self) -> None:
        """Link the statements selected first to the one selected last, with a relation asked for."""
        ids = self._selection(at_least=2)
        *sources, target = ids
        texts = {r["id"]: r["text"] for r in queries.statement_details(self.context.project, ids=ids)}
        hint = relation_hint(texts.get(sources[0], ""), texts.get(target, ""))
        what = "the first statement" if len(sources) == 1 else f"the first {len(sources)} statements"
        relation = ask.choose(
            self.window_, "Link statements", f"How does {what} relate to the one selected last?",
            list(RELATIONS), preselect=RELATIONS.index(hint) if hint in RELATIONS else None,
        )
        if relation is None:
            return
        for source_id in sources:
            commands.link(self.context, source_id, target, relation)

    def _desk_menu(self, widget, pos) -> None:
        ids = list(self.window_.tagging.selected)
        reader = self.window_.reader
        base = None
        if widget is reader:
            row = reader.statement_at(reader.offsets.to_code_point(reader.cursorForPosition(pos).position()))
            if row is not None and row["id"] not in ids:
                ids = [row["id"]]
            base = reader.createStandardContextMenu()
        # Scroll areas report the position in their viewport's coordinates.
        self.menu(ids, None, widget.viewport().mapToGlobal(pos), base=base)

    def menu(self, ids: list[int], anchor: int | None, global_pos, from_view: bool = False, base=None) -> QMenu | None:
        if self.context is None:
            return None
        menu = base or QMenu(self.window_)
        menu.setObjectName("statementMenu")
        if base is not None:
            menu.addSeparator()
        targets = ids if anchor is None or anchor in ids else [anchor]
        if anchor is not None and ids and anchor not in ids:
            sub = menu.addMenu("Link selected to this")
            for relation in RELATIONS:
                action = sub.addAction(relation)
                action.setObjectName(f"link_{relation}")
                action.triggered.connect(lambda _c=False, r=relation: self._link(ids, anchor, r))
        if targets:
            self._topic_items(menu, targets)
            self._link_items(menu, targets[0])
            if from_view:
                menu.addAction("Show in article", lambda: self.view.activate(targets[0]))
            menu.addAction("Suggest counterclaims", lambda: self._suggest(targets[0]))
        self.last_menu = menu
        menu.popup(global_pos)
        return menu

    def _topic_items(self, menu: QMenu, ids: list[int]) -> None:
        project = self.context.project
        pairs = set(queries.topic_pairs(project, ids))
        menu.addAction("Put under topic…\tT", lambda: self.pick_topic(ids))
        sub = menu.addMenu("Topics")
        for topic in queries.topics(project):
            action = sub.addAction(topic.name)
            action.setCheckable(True)
            under = all((sid, topic.id) in pairs for sid in ids)
            action.setChecked(under)
            action.triggered.connect(lambda _c=False, t=topic, u=under: self._toggle_topic(ids, t, u))

    def _link_items(self, menu: QMenu, statement_id: int) -> None:
        found = queries.links_of(self.context.project, [statement_id])
        if not found:
            return
        others = {r["id"]: r for r in queries.statement_details(
            self.context.project, ids=[l.target_id if l.source_id == statement_id else l.source_id for l in found])}
        sub = menu.addMenu(f"Links ({len(found)})")
        for link in found:
            other = others.get(link.target_id if link.source_id == statement_id else link.source_id)
            label = f"{link.relation}: {other['party'] or 'narration'} — {other['text'][:50]}…" if other else link.relation
            entry = sub.addMenu(label)
            for relation in RELATIONS:
                action = entry.addAction(f"Make it “{relation}”")
                action.setCheckable(True)
                action.setChecked(relation == link.relation)
                action.triggered.connect(lambda _c=False, l=link, r=relation: self._edit_link(l.id, relation=r))
            entry.addAction("Note…", lambda l=link: self._note(l))
            entry.addAction("Remove link", lambda l=link: self._unlink(l.id))

    @guarded
    def _link(self, ids, anchor, relation) -> None:
        self.view.link_statements(ids, anchor, relation)

    @guarded
    def _toggle_topic(self, ids, topic, under: bool) -> None:
        if under:
            commands.unassign_topic(self.context, ids, topic.id, topic.name)
        else:
            commands.assign_topic(self.context, ids, topic.id, topic.name)

    @guarded
    def _edit_link(self, link_id: int, relation: str) -> None:
        commands.edit_link(self.context, link_id, relation=relation)

    @guarded
    def _note(self, link) -> None:
        note = ask.text(self.window_, "Note on the link", "Why are these linked?", link.note or "")
        if note is not None and note != (link.note or ""):
            commands.edit_link(self.context, link.id, note=note)

    @guarded
    def _unlink(self, link_id: int) -> None:
        commands.unlink(self.context, [link_id])

    def _suggest(self, statement_id: int) -> None:
        self.suggestions_dock.show()
        self.suggestions_dock.raise_()
        self.suggestions.show_for(statement_id)
        self.suggestions.list.setFocus()


def install(window) -> NarrativeDesk:
    return NarrativeDesk(window)
