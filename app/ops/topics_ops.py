"""Topics: create, rename, recolour, reorder, merge, split, delete; put statements under them;
and Counterclaim's suggested topics: accept, reject (``app/ops/topic_suggesting.py`` makes them).

Each function is one transaction and returns ``Changes``: every topic row before and after
(None where a topic did not exist), the (statement, topic) pairs it added and removed, and the
suggestions of the topics it touched, so ``apply(project, changes, undo)`` puts the file back
exactly, ids included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from app.core.errors import CounterclaimError
from app.ops.changes import Changes, Pair
from app.store import articles, statements, topic_suggestions, topics
from app.store.database import Project


@dataclass(frozen=True)
class TopicState:
    """What undo writes back: topic rows by id, and the suggestions of ``suggested_in``."""

    rows: dict
    suggested_in: tuple[int, ...] = ()
    suggestions: tuple[topic_suggestions.Suggestion, ...] = ()


def recorded(project: Project, edit: Callable[[], tuple[int | None, list[Pair], list[Pair]]],
         suggested_in: Callable[[], Sequence[int]] | None = None) -> Changes:
    """``edit`` returns the topic it is about and the pairs it added and removed;
    ``suggested_in`` the topics whose suggestions it may change (read before and after)."""
    with project.transaction():
        before = topics.snapshot(project)
        touched = tuple(suggested_in()) if suggested_in else ()
        old = topic_suggestions.of_topics(project, list(touched))
        topic_id, added, removed = edit()
        after = topics.snapshot(project)
        touched = tuple(dict.fromkeys([*touched, *(suggested_in() if suggested_in else ())]))
        new = topic_suggestions.of_topics(project, list(touched))
        statement_ids = sorted({s for s, _t in added} | {s for s, _t in removed}
                               | {r[0] for r in old} ^ {r[0] for r in new})
        article_ids = articles.of_statements(project, statement_ids)
    ids = set(before) | set(after)
    changed = {i for i in ids if before.get(i) != after.get(i)}
    return Changes.of(
        "topics",
        statement_ids=statement_ids,
        article_ids=article_ids,
        focus_ids=sorted({s for s, _t in added} | {s for s, _t in removed}),
        topic_ids=[topic_id] if topic_id is not None else [],
        topics_added=added,
        topics_removed=removed,
        before=TopicState({i: before.get(i) for i in changed}, touched, tuple(old)),
        after=TopicState({i: after.get(i) for i in changed}, touched, tuple(new)),
    )


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    """Replay a change (redo) or put back what it replaced (undo), in one transaction."""
    state: TopicState = changes.before if undo else changes.after
    other: TopicState = changes.after if undo else changes.before
    add, remove = (changes.topics_removed, changes.topics_added) if undo else (changes.topics_added, changes.topics_removed)
    with project.transaction():
        topics.put_rows(project, {i: r for i, r in state.rows.items() if r is not None})
        topics.remove_pairs(project, remove)
        topics.add_pairs(project, add)
        topic_suggestions.remove(project, other.suggestions)
        topic_suggestions.add(project, state.suggestions)
        topics.put_rows(project, {i: r for i, r in state.rows.items() if r is None})
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
    return recorded(project, lambda: (topics.ensure(project, name, color), [], []))


def _rows_only(topic_id: int | None, write: Callable[[], None]):
    def edit():
        write()
        return topic_id, [], []

    return edit


def rename(project: Project, topic_id: int, name: str) -> Changes:
    topics.require(project, topic_id)
    return recorded(project, _rows_only(topic_id, lambda: topics.update(project, topic_id, name=name)))


def recolour(project: Project, topic_id: int, color: str) -> Changes:
    topics.require(project, topic_id)
    return recorded(project, _rows_only(topic_id, lambda: topics.update(project, topic_id, color=color)))


def reorder(project: Project, ordered_ids: Sequence[int]) -> Changes:
    return recorded(project, _rows_only(None, lambda: topics.set_order(project, ordered_ids)))


def delete(project: Project, topic_id: int) -> Changes:
    """Remove a topic; its statements stay, only their place under it goes."""
    topics.require(project, topic_id)

    def edit():
        removed = [(s, topic_id) for s in topics.statements_of(project, topic_id)]
        topics.put_rows(project, {topic_id: None})
        return None, [], removed

    return recorded(project, edit, lambda: [topic_id])


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
        held = already | {s for s, _ in added}
        topic_suggestions.add(project, [(s, target_id, score) for s, _t, score in
                                        topic_suggestions.of_topics(project, [source_id]) if s not in held])
        topics.put_rows(project, {source_id: None})
        return target_id, added, removed

    return recorded(project, edit, lambda: [source_id, target_id])


def assign(project: Project, statement_ids: Sequence[int], topic_id: int) -> Changes:
    """Put statements under a topic (they keep their other topics)."""
    topics.require(project, topic_id)

    def edit():
        ids = _check_statements(project, statement_ids)
        added = topics.assign(project, topic_id, ids)
        return topic_id, [(s, topic_id) for s in added], []

    return recorded(project, edit)


def assign_by_name(project: Project, statement_ids: Sequence[int], name: str, color: str | None = None) -> Changes:
    """Put statements under the topic of this name, creating it if needed (one step)."""

    def edit():
        ids = _check_statements(project, statement_ids)
        topic_id = topics.ensure(project, name, color)
        added = topics.assign(project, topic_id, ids)
        return topic_id, [(s, topic_id) for s in added], []

    return recorded(project, edit)


def unassign(project: Project, statement_ids: Sequence[int], topic_id: int) -> Changes:
    topics.require(project, topic_id)

    def edit():
        ids = set(statement_ids)
        present = [(s, t) for s, t in topics.pairs_of(project, list(ids)) if t == topic_id]
        topics.remove_pairs(project, present)
        return topic_id, [], present

    return recorded(project, edit)


# -- suggestions ------------------------------------------------------------------------------


def accept(project: Project, topic_id: int, statement_ids: Sequence[int] | None = None) -> Changes:
    """Make a suggestion the journalist's: a suggested topic becomes confirmed with the
    statements suggested into it; for a confirmed topic, the statements suggested into it
    (or only ``statement_ids`` of them) go under it."""
    topics.require(project, topic_id)

    def edit():
        offered = topic_suggestions.of_topics(project, [topic_id])
        wanted = set(statement_ids) if statement_ids is not None else None
        taking = [r for r in offered if wanted is None or r[0] in wanted]
        if statement_ids is not None and not taking:
            raise CounterclaimError("None of those statements is suggested for this topic.")
        topics.set_status(project, topic_id, "confirmed")
        added = topics.assign(project, topic_id, [r[0] for r in taking])
        topic_suggestions.remove(project, taking)
        return topic_id, [(s, topic_id) for s in added], []

    return recorded(project, edit, lambda: [topic_id])


def reject(project: Project, topic_id: int, statement_ids: Sequence[int] | None = None) -> Changes:
    """Turn a suggestion down: a suggested topic goes with its suggestions (the statements
    stay, under no topic); for a confirmed topic, the statements suggested into it (or only
    ``statement_ids``) are no longer offered. What the journalist made is never touched."""
    topic = topics.require(project, topic_id)

    def edit():
        offered = topic_suggestions.of_topics(project, [topic_id])
        wanted = set(statement_ids) if statement_ids is not None else None
        dropping = [r for r in offered if wanted is None or r[0] in wanted]
        topic_suggestions.remove(project, dropping)
        if topic.suggested and (wanted is None or len(dropping) == len(offered)):
            topics.put_rows(project, {topic_id: None})
            return None, [], []
        return topic_id, [], []

    return recorded(project, edit, lambda: [topic_id])


def split(project: Project, topic_id: int, statement_ids: Sequence[int], name: str) -> Changes:
    """Move statements of a topic into a new topic of their own (suggested if the topic was,
    with the same explanation): one point in dispute that turned out to be two."""
    source = topics.require(project, topic_id)
    if topics.by_name(project, name) is not None:
        raise CounterclaimError(f"There is already a topic called “{name.strip()}”.")
    new_id: list[int] = []

    def edit():
        ids = set(_check_statements(project, statement_ids))
        confirmed = [s for s in topics.statements_of(project, topic_id) if s in ids]
        offered = [r for r in topic_suggestions.of_topics(project, [topic_id]) if r[0] in ids]
        if not confirmed and not offered:
            raise CounterclaimError(f"None of those statements is under {source.name}.")
        target = topics.ensure(project, name, None,
                               source.shares if source.suggested else None)
        new_id.append(target)
        topics.assign(project, target, confirmed)
        topics.remove_pairs(project, [(s, topic_id) for s in confirmed])
        topic_suggestions.remove(project, offered)
        topic_suggestions.add(project, [(s, target, score) for s, _t, score in offered])
        return target, [(s, target) for s in confirmed], [(s, topic_id) for s in confirmed]

    return recorded(project, edit, lambda: [topic_id, *new_id])
