"""Tagging: the journalist says which party a statement speaks for.

Every function is one transaction and returns ``Changes`` whose ``tag_pairs`` hold the tag
states before and after, so the desk's undo stack can put them back exactly (``apply``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.errors import CounterclaimError
from app.core.learning import alias_to_offer
from app.ops.changes import Changes
from app.store import articles, parties, statements
from app.store.database import Project
from app.store.statements import TagState


def _apply(project: Project, ids: Sequence[int], make) -> Changes:
    if not ids:
        raise CounterclaimError("Select at least one statement first.")
    with project.transaction():
        furniture = statements.furniture_among(project, ids)
        if furniture:
            raise CounterclaimError(
                f"Statement {furniture[0]} is a line of the web page around the article (a link, a "
                "credit, a call to subscribe), not anyone's statement, so it cannot be tagged."
            )
        before = statements.tag_states(project, ids)
        after = [make(state) for state in before]
        statements.set_tags(project, after)
        article_ids = articles.of_statements(project, ids)
    ids = tuple(ids)
    return Changes.of(
        "tags", statement_ids=ids, article_ids=article_ids, focus_ids=ids, tag_pairs=zip(before, after)
    )


def tag(project: Project, ids: Sequence[int], party_id: int | None) -> Changes:
    """Confirm statements as said by a party (None: the outlet's own narration)."""
    if party_id is not None and parties.get(project, party_id) is None:
        raise CounterclaimError("That party no longer exists.")
    return _apply(project, ids, lambda s: TagState(s.statement_id, party_id, "confirmed"))


def tag_by_name(project: Project, ids: Sequence[int], name: str | None) -> Changes:
    party_id = parties.require(project, name).id if name else None
    return tag(project, ids, party_id)


def confirm(project: Project, ids: Sequence[int]) -> Changes:
    """Accept the suggestions as they stand."""
    return _apply(project, ids, lambda s: TagState(s.statement_id, s.party_id, "confirmed"))


def clear(project: Project, ids: Sequence[int]) -> Changes:
    """Take the tag off: no party, no status, as if never suggested."""
    return _apply(project, ids, lambda s: TagState(s.statement_id, None, None))


def restore(project: Project, states: Sequence[TagState]) -> Changes:
    """Write tag states back as they were (undo) or again (redo)."""
    by_id = {s.statement_id: s for s in states}
    with project.transaction():
        gone = statements.missing(project, list(by_id)) if by_id else []
        if gone:  # joined or split since by another window or the command line
            raise CounterclaimError(
                f"Statement {gone[0]} is no longer in the project (another window or the "
                "command line changed it since), so this step cannot be undone or redone; "
                "nothing was changed."
            )
        return _apply(project, list(by_id), lambda s: by_id[s.statement_id])


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    """Undo (or redo) a tagging exactly: what the replay itself replaced (another writer may
    have retagged them since) is in the Changes it returns."""
    states = changes.tags_before if undo else changes.tags_after
    replayed = restore(project, states)
    return replace(replayed, statement_ids=changes.statement_ids, focus_ids=changes.focus_ids, undo=undo)


@dataclass(frozen=True)
class AliasOffer:
    """Speaker words a confirmed tag taught: "Add “alias” as an alias of party?"."""

    statement_id: int
    party_id: int
    party_name: str
    alias: str


def alias_offer(project: Project, change: Changes) -> AliasOffer | None:
    """What the journalist's tag teaches, if anything: the speaker words of a statement they
    put on a party Counterclaim had not suggested for it, when those words are not a name of
    that party yet (nor of another). A suggestion simply accepted teaches nothing."""
    everyone = None
    for before, after in change.tag_pairs:
        if after.party_id is None or after.status != "confirmed" or before.party_id == after.party_id:
            continue
        statement = statements.get(project, after.statement_id)
        if statement is None or not statement.speaker or statement.carried_from is not None:
            continue
        everyone = everyone or parties.all_parties(project)
        party = next((p for p in everyone if p.id == after.party_id), None)
        if party is None:
            continue
        others = [n for p in everyone if p.id != party.id for n in (p.name, *p.aliases)]
        alias = alias_to_offer(statement.speaker, [party.name, *party.aliases], others)
        if alias is not None:
            return AliasOffer(statement.id, party.id, party.name, alias)
    return None
