"""Tagging at the speed of reading: keys, selection and moving from statement to statement.

One controller serves the reader and the statement table (it is their event filter):

    1–9      tag the selected statements with the party in that slot
    0        mark them narration (the outlet's own voice)
    Enter    confirm the suggestion as it stands
    Delete   take the tag off
    J / K    next / previous statement (and ↓ → / ↑ ← in the reader)

With part of a sentence selected in the reader, 1–9 or 0 first makes that span a statement
of its own (a quote inside a sentence) and tags it, as one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal

from app.core.errors import CounterclaimError
from app.ops.changes import Changes
from app.ui.errors import report
from app.ui.undo_commands import JoinCommand, SplitCommand, TagCommand

DIGITS = {getattr(Qt, f"Key_{n}"): n for n in range(10)}
NEXT_KEYS = {Qt.Key_J}
PREVIOUS_KEYS = {Qt.Key_K}
READER_NEXT = {Qt.Key_Down, Qt.Key_Right}
READER_PREVIOUS = {Qt.Key_Up, Qt.Key_Left}


class TaggingController(QObject):
    selection_changed = Signal(list)

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.reader = window.reader_pane.reader
        self.table = window.statements
        self.selected: list[int] = []
        self.advance = True  # after tagging one statement, move to the next
        self.reader.installEventFilter(self)
        self.table.view.installEventFilter(self)
        self.reader.statement_clicked.connect(self._reader_clicked)
        self.table.selection_changed.connect(self._table_selected)
        self.table.statement_activated.connect(lambda sid, aid: self.go_to(sid, aid))

    @property
    def context(self):
        return self.window_.context

    # -- selection ------------------------------------------------------------------------------

    def set_selection(self, ids, scroll: bool = True, source=None) -> None:
        self.selected = list(dict.fromkeys(ids))
        if source is not self.reader:
            self.reader.select_ids(self.selected, scroll)
        else:
            self.reader.select_ids(self.selected, scroll=False)
        if source is not self.table:
            self.table.select_ids(self.selected, scroll)
        self.selection_changed.emit(self.selected)

    def _reader_clicked(self, statement_id: int, add: bool) -> None:
        if add:
            ids = [i for i in self.selected if i != statement_id]
            if len(ids) == len(self.selected):
                ids.append(statement_id)
        else:
            ids = [statement_id]
        self.set_selection(ids, source=self.reader)

    def _table_selected(self, ids: list[int]) -> None:
        if not ids:
            return
        model = self.table.model
        row = model.row_of(ids[0])
        article_id = model.rows[row]["article_id"] if row is not None else None
        if article_id is not None and article_id != self.window_.current_article_id:
            self.window_.show_article(article_id, sync_table=False)
        self.set_selection(ids, source=self.table)

    def go_to(self, statement_id: int, article_id: int | None = None) -> None:
        """Show a statement in its article and select it (search results, undo, J/K)."""
        if article_id is not None and article_id != self.window_.current_article_id:
            self.window_.show_article(article_id, select=[statement_id])
        else:
            self.set_selection([statement_id])

    def move(self, step: int, source=None) -> None:
        current = self.selected[-1 if step > 0 else 0] if self.selected else None
        if source is self.table.view:
            found = self.table.neighbour(current, step)
            if found:
                self.go_to(*found)
            return
        rows = self.reader.rows
        if not rows:
            return
        if current is None or self.reader.row(current) is None:
            target = rows[0] if step > 0 else rows[-1]
        else:
            i = rows.index(self.reader.row(current)) + step
            if not 0 <= i < len(rows):
                return
            target = rows[i]
        self.reader.clear_text_selection()
        self.set_selection([target["id"]])

    # -- keys ---------------------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.KeyPress or self.context is None:
            return False
        mods = event.modifiers() & ~Qt.KeypadModifier
        if mods & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            return False
        key = event.key()
        shifted = bool(mods & Qt.ShiftModifier)
        try:
            if key in DIGITS and not shifted:
                self.tag_key(DIGITS[key], from_reader=obj is self.reader)
            elif key in (Qt.Key_Return, Qt.Key_Enter) and not shifted:
                self.confirm()
            elif key in (Qt.Key_Delete, Qt.Key_Backspace) and not shifted:
                self.clear()
            elif key in NEXT_KEYS and not shifted:
                self.move(1, obj)
            elif key in PREVIOUS_KEYS and not shifted:
                self.move(-1, obj)
            elif obj is self.reader and not shifted and key in READER_NEXT | READER_PREVIOUS:
                self.move(1 if key in READER_NEXT else -1, obj)
            elif key == Qt.Key_Escape and obj is self.reader:
                self.reader.clear_text_selection()
            else:
                return False
        except Exception as error:  # noqa: BLE001 - a refusal is a sentence, never a crash
            report(error, self.window_)
        return True

    def _party_for(self, key: int):
        if key == 0:
            return None
        party = self.context.party_for_key(key)
        if party is None:
            raise CounterclaimError(f"No party is on key {key} yet: add one in the party panel.")
        return party.id

    def tag_key(self, key: int, from_reader: bool = False) -> None:
        party_id = self._party_for(key)
        span = self.reader.selected_span() if from_reader else None
        if span is not None:
            touched = self.reader.statements_in(*span)
            if len(touched) == 1 and self._is_part(touched[0], *span):
                row = touched[0]
                command = SplitCommand(self.context, row["id"], span[0], span[1], party_id, "confirmed")
                try:
                    self.context.run(command)
                except CounterclaimError:
                    # the selection is the whole statement after all: tag it as it is
                    self._tag([row["id"]], party_id)
                self.reader.clear_text_selection()
                return
            self.reader.clear_text_selection()
            if touched:
                self._tag([r["id"] for r in touched], party_id, advance=False)
            return
        if not self.selected:
            raise CounterclaimError("Select a statement first: click it in the article or the table.")
        self._tag(self.selected, party_id)

    @staticmethod
    def _is_part(row: dict, start: int, end: int) -> bool:
        text = row["text"]
        s, e = max(start, row["start"]) - row["start"], min(end, row["end"]) - row["start"]
        inner = text[s:e].strip()
        return bool(inner) and inner != text.strip()

    def _tag(self, ids, party_id, advance: bool = True) -> None:
        self.context.run(TagCommand(self.context, ids, "tag", party_id))
        if advance and self.advance and len(ids) == 1:
            self.move(1)

    def confirm(self) -> None:
        if not self.selected:
            raise CounterclaimError("Select a statement first: click it in the article or the table.")
        ids = list(self.selected)
        self.context.run(TagCommand(self.context, ids, "confirm"))
        if self.advance and len(ids) == 1:
            self.move(1)

    def join(self) -> None:
        """Join the selected statements (or those the selected text touches) into one."""
        span = self.reader.selected_span()
        ids = [r["id"] for r in self.reader.statements_in(*span)] if span is not None else list(self.selected)
        if len(ids) < 2:
            raise CounterclaimError(
                "Select two or more adjacent statements first (Ctrl+click them, or select text across them)."
            )
        self.context.run(JoinCommand(self.context, ids))
        self.reader.clear_text_selection()

    def clear(self) -> None:
        if not self.selected:
            raise CounterclaimError("Select a statement first: click it in the article or the table.")
        self.context.run(TagCommand(self.context, self.selected, "clear"))

    # -- after every edit ----------------------------------------------------------------------------

    def on_change(self, change: Changes) -> None:
        if change.touches("project"):  # re-read from the file: keep what is still there
            listed = self.table.model.row_of
            kept = [i for i in self.selected if self.reader.row(i) is not None or listed(i) is not None]
            self.set_selection(kept, scroll=False)
            return
        if change.focus_ids or change.touches("structure"):
            focus = list(change.focus_ids)
            if focus:
                articles = change.article_ids
                if articles and articles[0] != self.window_.current_article_id:
                    self.window_.show_article(articles[0], select=focus)
                else:
                    self.set_selection(focus)
