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
from app.ops import parties_ops, queries, statements_ops, tagging
from app.ui.context import Change, ProjectContext
from app.ui.errors import report


class OpCommand(QUndoCommand):
    """An edit with a first run, an exact undo and an exact redo."""

    def __init__(self, context: ProjectContext, text: str):
        super().__init__(text)
        self.context = context
        self.result = None
        self._pushed = False
        self._skip = False  # the stack moving back after a failed replay: nothing to replay

    # Subclasses implement these three and describe().
    def do(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def replay(self, undo: bool) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, undo: bool) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def project(self):
        return self.context.project

    def first(self) -> None:
        self.result = self.do()
        self.context.announce(self.describe(undo=False))

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
            self.replay(undo)
        except Exception as error:  # noqa: BLE001 - never let an undo crash the desk
            # The op's transaction rolled back, so the file is as it was: keep the entry
            # where it stands (a full disk now must not make the action undoable never).
            self._skip = True
            self.context.keep_index_after_failure()
            report(error, None)
            return
        self.context.announce(self.describe(undo))


class TagCommand(OpCommand):
    """Tag, confirm or clear statements (1–9, 0, Enter, Delete)."""

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
        super().__init__(context, label)
        self.ids, self.action, self.party_id = list(ids), action, party_id
        self.article_ids: list[int] = []
        self.replayed = None  # the last undo or redo's own before and after

    def do(self):
        self.article_ids = queries.articles_of(self.project, self.ids)
        if self.action == "tag":
            return tagging.tag(self.project, self.ids, self.party_id)
        if self.action == "confirm":
            return tagging.confirm(self.project, self.ids)
        return tagging.clear(self.project, self.ids)

    def replay(self, undo: bool) -> None:
        states = self.result.before if undo else self.result.after
        self.replayed = tagging.restore(self.project, states)

    def describe(self, undo: bool) -> Change:
        before, after = self.result.before, self.result.after
        pairs = list(zip(after, before)) if undo else list(zip(before, after))
        if self.replayed is not None:  # what the replay really replaced: another writer may have
            pairs = list(zip(self.replayed.before, self.replayed.after))  # retagged them since
        return Change.of(
            "tags", statements=self.ids, articles=self.article_ids, focus=self.ids, undo=undo, tag_pairs=pairs
        )


class SplitCommand(OpCommand):
    """Cut a span out of a statement into its own statement (optionally tagging it)."""

    def __init__(self, context, statement_id: int, start: int, end: int, party_id=None, status="keep"):
        super().__init__(context, "Split statement" if status == "keep" else "Split and tag statement")
        self.args = (statement_id, start, end, party_id, status)

    def do(self):
        return statements_ops.split(self.project, *self.args)

    def replay(self, undo: bool) -> None:
        statements_ops.apply(self.project, self.result, undo)

    def describe(self, undo: bool) -> Change:
        change = self.result
        focus = change.before.ids if undo else [change.focus_id]
        return Change.of(
            "structure", "tags", statements=change.statement_ids, articles=[change.article_id], focus=focus
        )


class JoinCommand(SplitCommand):
    """Join adjacent statements of one paragraph into one (undone exactly, same ids)."""

    def __init__(self, context, statement_ids: Sequence[int]):
        OpCommand.__init__(self, context, f"Join {counted(len(statement_ids), 'statement')}")
        self.ids = list(statement_ids)

    def do(self):
        return statements_ops.join(self.project, self.ids)


class TouchingCommand(OpCommand):
    """An edit through an op whose change names the statements it touched (and so, their
    articles); undo and redo replay it with the op module's ``apply``."""

    apply: Callable  # the op module's apply(project, change, undo)

    def __init__(self, context: ProjectContext, text: str, op: Callable):
        super().__init__(context, text)
        self.op = op
        self.article_ids: list[int] = []

    def do(self):
        change = self.op()
        self.article_ids = queries.articles_of(self.project, change.statement_ids)
        return change

    def replay(self, undo: bool) -> None:
        type(self).apply(self.project, self.result, undo)


class PartyCommand(TouchingCommand):
    """Any edit of the parties (add, rename, recolour, aliases, reorder, merge, delete)."""

    apply = staticmethod(parties_ops.apply)

    def describe(self, undo: bool) -> Change:
        kinds = ("parties", "tags") if self.result.statement_ids else ("parties",)
        return Change.of(*kinds, statements=self.result.statement_ids, articles=self.article_ids)
