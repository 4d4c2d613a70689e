"""Topics: create, rename, recolour, reorder, merge, delete; put statements under them.

Each function is one transaction and returns ``Changes``: every topic row before and after
(None where a topic did not exist) and the (statement, topic) pairs it added and removed,
so ``apply(project, changes, undo)`` puts the file back exactly, ids included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from app.core.errors import CounterclaimError
from app.ops.changes import Changes, Pair
from app.store import articles, statements, topics
from app.store.database import Project


def _run(project: Project, edit: Callable[[], tuple[int | None, list[Pair], list[Pair]]]) -> Changes:
    """``edit`` returns the topic it is about and the pairs it added and removed."""
    with project.transaction():
        before = topics.snapshot(project)
        topic_id, added, removed = edit()
        after = topics.snapshot(project)
        statement_ids = sorted({s for s, _t in added} | {s for s, _t in removed})
        article_ids = articles.of_statements(project, statement_ids)
    ids = set(before) | set(after)
    changed = {i for i in ids if before.get(i) != after.get(i)}
    return Changes.of(
        "topics",
        statement_ids=statement_ids,
        article_ids=article_ids,
        focus_ids=statement_ids,
        topic_ids=[topic_id] if topic_id is not None else [],
        topics_added=added,
        topics_removed=removed,
        before={i: before.get(i) for i in changed},
        after={i: after.get(i) for i in changed},
    )


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    """Replay a change (redo) or put back what it replaced (undo), in one transaction."""
    rows = changes.before if undo else changes.after
    add, remove = (changes.topics_removed, changes.topics_added) if undo else (changes.topics_added, changes.topics_removed)
    with project.transaction():
        topics.put_rows(project, {i: r for i, r in rows.items() if r is not None})
        topics.remove_pairs(project, remove)
        topics.add_pairs(project, add)
        topics.put_rows(project, {i: r for i, r in rows.items() if r is None})
    return replace(changes, undo=undo)


def _check_statements(project: Project, ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise CounterclaimError("Select at least one statement first.")
    for statement_id in ids:
        statements.require(project, statement_id)
    return ids


def create(project: Project, name: str, color: str | None = None) -> Changes:
    if topics.by_name(project, name) is not None:
        raise CounterclaimError(f"There is already a topic called “{name.strip()}”.")
    return _run(project, lambda: (topics.ensure(project, name, color), [], []))


def _rows_only(topic_id: int | None, write: Callable[[], None]):
    def edit():
        write()
        return topic_id, [], []

    return edit


def rename(project: Project, topic_id: int, name: str) -> Changes:
    topics.require(project, topic_id)
    return _run(project, _rows_only(topic_id, lambda: topics.update(project, topic_id, name=name)))


def recolour(project: Project, topic_id: int, color: str) -> Changes:
    topics.require(project, topic_id)
    return _run(project, _rows_only(topic_id, lambda: topics.update(project, topic_id, color=color)))


def reorder(project: Project, ordered_ids: Sequence[int]) -> Changes:
    return _run(project, _rows_only(None, lambda: topics.set_order(project, ordered_ids)))


def delete(project: Project, topic_id: int) -> Changes:
    """Remove a topic; its statements stay, only their place under it goes."""
    topics.require(project, topic_id)

    def edit():
        removed = [(s, topic_id) for s in topics.statements_of(project, topic_id)]
        topics.put_rows(project, {topic_id: None})
        return None, [], removed

    return _run(project, edit)


def merge(project: Project, source_id: int, target_id: int) -> Changes:
    """Fold one topic into another: its statements move under the target; it goes."""
    source, target = topics.require(project, source_id), topics.require(project, target_id)
    if source.id == target.id:
        raise CounterclaimError("Choose another topic to merge into.")

    def edit():
        moving = topics.statements_of(project, source_id)
        already = set(topics.statements_of(project, target_id))
        added = [(s, target_id) for s in moving if s not in already]
        removed = [(s, source_id) for s in moving]
        topics.add_pairs(project, added)
        topics.put_rows(project, {source_id: None})
        return target_id, added, removed

    return _run(project, edit)


def assign(project: Project, statement_ids: Sequence[int], topic_id: int) -> Changes:
    """Put statements under a topic (they keep their other topics)."""
    topics.require(project, topic_id)

    def edit():
        ids = _check_statements(project, statement_ids)
        added = topics.assign(project, topic_id, ids)
        return topic_id, [(s, topic_id) for s in added], []

    return _run(project, edit)


def assign_by_name(project: Project, statement_ids: Sequence[int], name: str, color: str | None = None) -> Changes:
    """Put statements under the topic of this name, creating it if needed (one step)."""

    def edit():
        ids = _check_statements(project, statement_ids)
        topic_id = topics.ensure(project, name, color)
        added = topics.assign(project, topic_id, ids)
        return topic_id, [(s, topic_id) for s in added], []

    return _run(project, edit)


def unassign(project: Project, statement_ids: Sequence[int], topic_id: int) -> Changes:
    topics.require(project, topic_id)

    def edit():
        ids = set(statement_ids)
        present = [(s, t) for s, t in topics.pairs_of(project, list(ids)) if t == topic_id]
        topics.remove_pairs(project, present)
        return topic_id, [], present

    return _run(project, edit)
