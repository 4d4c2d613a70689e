"""Undo commands: each calls one op (one transaction) and announces what it changed.

``ProjectContext.run(command)`` calls ``first()`` (the op itself, whose refusal reaches
the user as a sentence) and then pushes the command; Qt's first ``redo()`` on push is
skipped because the work is already done. Later undo/redo replay exact before/after
states, so the ids of everything stay the same and the commands above stay valid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from app.core.words import counted
from app.ops import article_edits, parties_ops, statements_ops, tagging
from app.ops.changes import Changes
from app.ui.context import ProjectContext
from app.ui.errors import report


class OpCommand(QUndoCommand):
    """An edit with a first run, an exact undo and an exact redo.

    ``op()`` makes the edit and returns its ``Changes``, kept as ``changes``; undo and redo
    hand them to the op module's ``apply(project, changes, undo)``, which returns the Changes
    of that replay. Both are announced as the ops returned them.
    """

    apply: Callable[..., Changes]  # the op module's apply(project, changes, undo)

    def __init__(self, context: ProjectContext, text: str, op: Callable[[], Changes]):
        super().__init__(text)
        self.context = context
        self.op = op
        self.changes: Changes | None = None
        self._pushed = False
        self._skip = False  # the stack moving back after a failed replay: nothing to replay

    @property
    def project(self):
        return self.context.project

    def first(self) -> None:
        self.changes = self.op()
        self.context.announce(self.changes)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the work was done in first()
            return
        self._replay(undo=False)

    def undo(self) -> None:
        self._replay(undo=True)

    def _replay(self, undo: bool) -> None:
        if self._skip:
            self._skip = False
            return
        try:
            replayed = self.apply(self.project, self.changes, undo)
        except Exception as error:  # noqa: BLE001 - never let an undo crash the desk
            # The op's transaction rolled back, so the file is as it was: keep the entry
            # where it stands (a full disk now must not make the action undoable never).
            self._skip = True
            self.context.keep_index_after_failure()
            report(error, None)
            return
        self.context.announce(replayed)


class TagCommand(OpCommand):
    """Tag, confirm or clear statements (1–9, 0, Enter, Delete)."""

    apply = staticmethod(tagging.apply)

    def __init__(self, context: ProjectContext, ids: Sequence[int], action: str, party_id: int | None = None):
        names = {"tag": "Tag", "confirm": "Confirm", "clear": "Clear tag of"}
        count = len(ids)
        what = "statement" if count == 1 else f"{count} statements"
        label = names[action]
        if action == "tag":
            party = context.party(party_id)
            label = f"Tag {what} as {party.name if party else 'narration'}"
        else:
            label = f"{label} {what}"
        super().__init__(context, label, self._tag)
        self.ids, self.action, self.party_id = list(ids), action, party_id

    def _tag(self) -> Changes:
        if self.action == "tag":
            return tagging.tag(self.project, self.ids, self.party_id)
        if self.action == "confirm":
            return tagging.confirm(self.project, self.ids)
        return tagging.clear(self.project, self.ids)


class SplitCommand(OpCommand):
    """Cut a span out of a statement into its own statement (optionally tagging it)."""

    apply = staticmethod(statements_ops.apply)

    def __init__(self, context, statement_id: int, start: int, end: int, party_id=None, status="keep"):
        text = "Split statement" if status == "keep" else "Split and tag statement"
        args = (statement_id, start, end, party_id, status)
        super().__init__(context, text, lambda: statements_ops.split(self.project, *args))


class JoinCommand(OpCommand):
    """Join adjacent statements of one paragraph into one (undone exactly, same ids)."""

    apply = staticmethod(statements_ops.apply)

    def __init__(self, context, statement_ids: Sequence[int]):
        ids = list(statement_ids)
        super().__init__(context, f"Join {counted(len(ids), 'statement')}", lambda: statements_ops.join(self.project, ids))


class ArticleCommand(OpCommand):
    """A correction of an article's details (its language)."""

    apply = staticmethod(article_edits.apply)


class PartyCommand(OpCommand):
    """Any edit of the parties (add, rename, recolour, aliases, reorder, merge, delete)."""

    apply = staticmethod(parties_ops.apply)
