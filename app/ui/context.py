"""The open project as the desk sees it: one Project, one undo stack, one "changed" signal.

Views never re-read everything after an edit: every op returns what it changed
(``app.ops.changes.Changes``), the undo command announces it, and every view refreshes just
that. Views added later (topics, links, the narrative view) connect to
``ProjectContext.changed`` the same way. A change committed by another writer (the command
line, a second window) arrives as ``Changes.of("project")``, noticed by ``other_writers``
(app/ui/other_writers.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.ops import queries
from app.ops.changes import Changes
from app.ops.opening import Project
from app.ops.queries import Party
from app.ui.other_writers import OtherWriters

def follow(old: ProjectContext | None, new: ProjectContext | None, on_change: Callable[[Changes], None]) -> None:
    """A view's ``set_context``: stop hearing the old project's changes, hear the new one's.
    Every view connects itself so; none is told by another."""
    if old is not None:
        with contextlib.suppress(RuntimeError, TypeError):
            old.changed.disconnect(on_change)
    if new is not None:
        new.changed.connect(on_change)


class ProjectContext(QObject):
    """Owns the open Project for the UI thread. Background workers open their own."""

    changed = Signal(object)  # Changes

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self._index_to_keep: int | None = None
        self.undo_stack.indexChanged.connect(self._put_index_back)
        self._parties: list[Party] | None = None
        self._party_by_id: dict[int, Party] = {}
        self.changed.connect(self._forget_parties)
        self.other_writers = OtherWriters(project, self)
        self.other_writers.noticed.connect(lambda: self.announce(Changes.of("project")))
        self.other_writers.start()

    @property
    def path(self) -> Path:
        return self.project.path

    # -- parties are few and read everywhere: keep them at hand ---------------------------------

    def _forget_parties(self, change: Changes) -> None:
        if change.touches("parties", "project"):
            self._parties = None

    @property
    def parties(self) -> list[Party]:
        if self._parties is None:
            self._parties = queries.parties(self.project)
            self._party_by_id = {p.id: p for p in self._parties}
        return self._parties

    def party(self, party_id: int | None) -> Party | None:
        if party_id is None:
            return None
        if self._parties is None:
            self.parties  # noqa: B018 - fills the cache
        return self._party_by_id.get(party_id)

    def party_for_key(self, key: int) -> Party | None:
        return next((p for p in self.parties if p.shortcut == key), None)

    # -- edits -------------------------------------------------------------------------------

    def run(self, command: QUndoCommand) -> None:
        """Do an edit now (errors propagate to the caller) and put it on the undo stack."""
        command.first()  # type: ignore[attr-defined]
        self.undo_stack.push(command)

    def keep_index_after_failure(self) -> None:
        """Called by a command whose undo or redo failed (the file unchanged): the stack
        is about to move past it anyway, so move it straight back to where it is now.
        The command skips the replay that moving back asks of it."""
        self._index_to_keep = self.undo_stack.index()

    def _put_index_back(self, index: int) -> None:
        keep, self._index_to_keep = self._index_to_keep, None
        if keep is not None and index != keep:
            self.undo_stack.setIndex(keep)

    def announce(self, change: Changes) -> None:
        self.changed.emit(change)

    def close(self) -> None:
        self.other_writers.stop()
        self.undo_stack.clear()
        self.project.close()
