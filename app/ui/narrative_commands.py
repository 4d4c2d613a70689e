"""Undo commands for topics and links, on the project's one undo stack.

Each wraps one op from app.ops.topics_ops / links_ops (one transaction) and replays its
exact before/after on undo and redo; views refresh from the ``Changes`` the op returned.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.ops import links_ops, topics_ops
from app.ui.context import ProjectContext
from app.ui.undo_commands import OpCommand


class TopicCommand(OpCommand):
    """Any topic edit: create, rename, recolour, reorder, merge, delete, assign, unassign."""

    apply = staticmethod(topics_ops.apply)


class LinkCommand(OpCommand):
    """Make, remove or edit links between statements."""

    apply = staticmethod(links_ops.apply)


# -- the verbs the views call -----------------------------------------------------------------


def _what(ids: Sequence[int]) -> str:
    return "statement" if len(ids) == 1 else f"{len(ids)} statements"


def assign_topic(context: ProjectContext, ids: Sequence[int], topic_id: int, name: str) -> TopicCommand:
    project = context.project
    command = TopicCommand(context, f"Put {_what(ids)} under {name}", lambda: topics_ops.assign(project, ids, topic_id))
    context.run(command)
    return command


def assign_new_topic(context: ProjectContext, ids: Sequence[int], name: str) -> TopicCommand:
    project = context.project
    command = TopicCommand(
        context, f"Put {_what(ids)} under {name.strip()}", lambda: topics_ops.assign_by_name(project, ids, name)
    )
    context.run(command)
    return command


def unassign_topic(context: ProjectContext, ids: Sequence[int], topic_id: int, name: str) -> TopicCommand:
    project = context.project
    command = TopicCommand(
        context, f"Take {_what(ids)} off {name}", lambda: topics_ops.unassign(project, ids, topic_id)
    )
    context.run(command)
    return command


def link(context: ProjectContext, source_id: int, target_id: int, relation: str, note: str | None = None) -> LinkCommand:
    project = context.project
    command = LinkCommand(
        context, f"Link: {relation}", lambda: links_ops.create(project, source_id, target_id, relation, note)
    )
    context.run(command)
    return command


def unlink(context: ProjectContext, link_ids: Sequence[int]) -> LinkCommand:
    project = context.project
    text = "Remove link" if len(link_ids) == 1 else f"Remove {len(link_ids)} links"
    command = LinkCommand(context, text, lambda: links_ops.remove(project, link_ids))
    context.run(command)
    return command


def edit_link(context: ProjectContext, link_id: int, relation: str | None = None, note: str | None = None) -> LinkCommand:
    project = context.project
    command = LinkCommand(context, "Edit link", lambda: links_ops.update(project, link_id, relation, note))
    context.run(command)
    return command
