"""Editing parties: add, rename, recolour, aliases, reorder, merge, delete.

Each function is one transaction and returns a ``PartyChange`` holding every party row
and every touched statement tag before and after, so undo and redo are exact.
The keyboard slots 1–9 follow the order of the parties in the panel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core import same_side
from app.core.errors import CounterclaimError
from app.store import parties, statements
from app.store.database import Project
from app.store.statements import TagState


@dataclass(frozen=True)
class PartyChange:
    before: dict[int, dict | None]
    after: dict[int, dict | None]
    before_tags: list[TagState] = field(default_factory=list)
    after_tags: list[TagState] = field(default_factory=list)
    party_id: int | None = None  # the party the edit was about (new, renamed, merged into)

    @property
    def statement_ids(self) -> list[int]:
        return [t.statement_id for t in self.after_tags]


def _all_ids(project: Project) -> list[int]:
    return [p.id for p in parties.all_parties(project)]


def _run(project: Project, edit: Callable[[], int | None]) -> PartyChange:
    """Run an edit that changes parties only (no statement tags); ``edit`` returns its party id."""
    with project.transaction():
        before = parties.rows_by_id(project, _all_ids(project))
        party_id = edit()
        after = parties.rows_by_id(project, _all_ids(project))
        for gone in set(before) - set(after):
            after[gone] = None
        for new in set(after) - set(before):
            before[new] = None
    return PartyChange(before, after, [], [], party_id)


def add(project: Project, name: str, aliases: Sequence[str] = (), color: str | None = None) -> PartyChange:
    def edit():
        return parties.add(project, name, aliases, color)

    return _run(project, edit)


def update(project: Project, party_id: int, **fields) -> PartyChange:
    """Rename (name=), recolour (color=) or set aliases (aliases=[...])."""
    if parties.get(project, party_id) is None:
        raise CounterclaimError("That party no longer exists.")
    allowed = {"name", "color", "aliases"}
    if set(fields) - allowed:
        raise ValueError(f"cannot change {sorted(set(fields) - allowed)} here")

    def edit():
        parties.update(project, party_id, **fields)
        return party_id

    return _run(project, edit)


def reorder(project: Project, ordered_ids: Sequence[int]) -> PartyChange:
    """Put the parties in this order (ids left out keep their place after the given ones)."""
    def edit():
        parties.set_order(project, ordered_ids)
        return None

    return _run(project, edit)


def _moving_tags(project: Project, source_id: int, target_id: int | None) -> tuple[list[TagState], list[TagState]]:
    before = statements.with_party(project, source_id)
    after = [
        TagState(s.statement_id, target_id, s.status if target_id is not None else None) for s in before
    ]
    return before, after


def merge(project: Project, source_id: int, target_id: int) -> PartyChange:
    """Fold one party into another: its statements, name and aliases go to the target."""
    if source_id == target_id:
        raise CounterclaimError("Choose two different parties to merge.")
    with project.transaction():
        source, target = parties.get(project, source_id), parties.get(project, target_id)
        if source is None or target is None:
            raise CounterclaimError("That party no longer exists.")
        before = parties.rows_by_id(project, _all_ids(project))
        before_tags, after_tags = _moving_tags(project, source_id, target_id)
        statements.set_tags(project, after_tags)
        parties.delete(project, source_id)
        parties.update(project, target_id, aliases=[*target.aliases, source.name, *source.aliases])
        parties.set_order(project)
        after = parties.rows_by_id(project, _all_ids(project))
        after[source_id] = None
    return PartyChange(before, after, before_tags, after_tags, target_id)


def learn_aliases(project: Project, party_id: int, aliases: Sequence[str]) -> bool:
    """Add the aliases a suggestion found to a party (inside the caller's transaction).
    Nothing is merged: a name that is also another party stays that party's, and
    ``proposed_merges`` then proposes the merge for the journalist to confirm. True when an
    alias was added."""
    party = parties.get(project, party_id)
    if party is None:
        return False
    have = {a.casefold() for a in (party.name, *party.aliases)}
    new = [a for a in aliases if a.strip() and a.casefold() not in have]
    if new:
        parties.update(project, party_id, aliases=[*party.aliases, *new])
    return bool(new)


@dataclass(frozen=True)
class MergeProposal:
    """Party ``source`` is most likely the same side as ``target``: ``because`` says why."""

    source_id: int
    source: str
    target_id: int
    target: str
    because: str


def proposed_merges(project: Project) -> list[MergeProposal]:
    """Merges the project's parties suggest, none of them done: a party whose name another
    party has learned as an alias ("Rajesh Kumar" after a later article's "India's defence
    minister Rajesh Kumar" taught India the name). The desk's Merge and ``counterclaim
    parties --merges`` show them; ``merge`` does one when the journalist confirms it."""
    rows = parties.all_parties(project)
    found = same_side.proposed_merges([(p.name, p.aliases) for p in rows])
    return [MergeProposal(rows[s].id, rows[s].name, rows[t].id, rows[t].name, why) for s, t, why in found]


def delete(project: Project, party_id: int) -> PartyChange:
    """Remove a party; its statements become untagged."""
    with project.transaction():
        if parties.get(project, party_id) is None:
            raise CounterclaimError("That party no longer exists.")
        before = parties.rows_by_id(project, _all_ids(project))
        before_tags, after_tags = _moving_tags(project, party_id, None)
        statements.set_tags(project, after_tags)
        parties.delete(project, party_id)
        parties.set_order(project)
        after = parties.rows_by_id(project, _all_ids(project))
        after[party_id] = None
    return PartyChange(before, after, before_tags, after_tags, None)


def apply(project: Project, change: PartyChange, undo: bool) -> None:
    """Put parties and tags back as they were (undo) or again as after (redo)."""
    rows = change.before if undo else change.after
    tags = change.before_tags if undo else change.after_tags
    with project.transaction():
        parties.put_rows(project, rows)
        if tags:
            statements.set_tags(project, tags)
