"""Links between statements: one contradicts, supports or responds to another.

Each function is one transaction and returns ``Changes`` (each touched link before and
after, None where it did not exist) so undo and redo put back the same rows and ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.core.errors import CounterclaimError
from app.ops.changes import Changes
from app.store import links, statements
from app.store.database import Project
from app.store.records import Link


def _changes(before: dict[int, Link | None], after: dict[int, Link | None]) -> Changes:
    """Each touched link before and after (None where it did not exist)."""
    ids = set()
    for row in (*before.values(), *after.values()):
        if row is not None:
            ids.update((row.source_id, row.target_id))
    statement_ids = sorted(ids)
    return Changes.of(
        "links",
        statement_ids=statement_ids,
        focus_ids=statement_ids,
        link_ids=sorted(after),
        before=before,
        after=after,
    )


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    with project.transaction():
        links.put_rows(project, changes.before if undo else changes.after)
    return replace(changes, undo=undo)


def create(
    project: Project, source_id: int, target_id: int, relation: str = "contradicts", note: str | None = None
) -> Changes:
    with project.transaction():
        statements.require(project, source_id)
        statements.require(project, target_id)
        reverse = [
            l for l in links.of_statements(project, [source_id])
            if l.relation == relation and (l.source_id, l.target_id) == (target_id, source_id)
        ]
        if reverse:
            raise CounterclaimError(f"Statements {source_id} and {target_id} are already linked that way.")
        link_id = links.add(project, source_id, target_id, relation, (note or "").strip() or None)
        row = links.get(project, link_id)
    return _changes({link_id: None}, {link_id: row})


def remove(project: Project, link_ids: Sequence[int]) -> Changes:
    with project.transaction():
        before = {i: links.get(project, i) for i in dict.fromkeys(link_ids)}
        gone = [i for i, row in before.items() if row is None]
        if gone:
            raise CounterclaimError("That link no longer exists.")
        for link_id in before:
            links.delete(project, link_id)
    return _changes(before, {i: None for i in before})


def update(project: Project, link_id: int, relation: str | None = None, note: str | None = None) -> Changes:
    """Change a link's relation or note."""
    with project.transaction():
        before = links.get(project, link_id)
        if before is None:
            raise CounterclaimError("That link no longer exists.")
        links.update(project, link_id, relation, note)
        after = links.get(project, link_id)
    return _changes({link_id: before}, {link_id: after})
