"""Editing parties: add, rename, recolour, aliases, reorder, merge, delete, learn.

Each function is one transaction and returns ``Changes`` holding every party row and every
touched statement tag before and after, so undo and redo (``apply``) are exact.
The keyboard slots 1–9 follow the order of the parties in the panel.

A name the journalist teaches (an alias added by hand, learned from a confirmed statement,
or kept by a merge) is recorded with where it came from (app/store/alias_origins.py), put
to work at once on the project's other suggestions (``suggesting.reassign``: confirmed tags
never move) and kept in the newsroom gazetteer for the next project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from app.core import same_side
from app.core.errors import CounterclaimError
from app.core.learning import fold
from app.ops import newsroom, suggesting
from app.ops.changes import Changes
from app.store import alias_origins, articles, parties, statements
from app.store.database import Project
from app.store.statements import TagState


def _changes(
    project: Project,
    rows: tuple[dict[int, dict | None], dict[int, dict | None]],
    tags: tuple[list[TagState], list[TagState]],
    party_id: int | None,
) -> Changes:
    """Every party row and every touched tag, before and after (inside the edit's transaction)."""
    statement_ids = [t.statement_id for t in tags[1]]
    by_id = [sorted(side, key=lambda t: t.statement_id) for side in tags]  # paired statement by statement
    return Changes.of(
        *(("parties", "tags") if statement_ids else ("parties",)),
        statement_ids=statement_ids,
        article_ids=articles.of_statements(project, statement_ids),
        party_ids=[party_id] if party_id is not None else [],
        tag_pairs=zip(*by_id, strict=True),
        before=rows[0],
        after=rows[1],
    )


def _all_ids(project: Project) -> list[int]:
    return [p.id for p in parties.all_parties(project)]


def _run(project: Project, edit: Callable[[], int | None]) -> Changes:
    """Run an edit that changes parties only (no statement tags); ``edit`` returns its party id."""
    return _run_teaching(project, edit, list)


def _run_teaching(project: Project, edit: Callable[[], int | None], taught: Callable[[], list[str]]) -> Changes:
    """``_run`` for an edit that teaches names: then the project's suggestions are put right
    for them (in articles that hold one of those names), all in the one undoable change."""
    with project.transaction():
        before = parties.rows_by_id(project, _all_ids(project))
        party_id = edit()
        names = taught()
        before_tags, after_tags = suggesting.reassign(project, names) if names else ([], [])
        after = parties.rows_by_id(project, _all_ids(project))
        for gone in set(before) - set(after):
            after[gone] = None
        for new in set(after) - set(before):
            before[new] = None
        return _changes(project, (before, after), (before_tags, after_tags), party_id)


def add(project: Project, name: str, aliases: Sequence[str] = (), color: str | None = None) -> Changes:
    def edit():
        return parties.add(project, name, aliases, color, origin="hand")

    return _run(project, edit)


def update(project: Project, party_id: int, **fields) -> Changes:
    """Rename (name=), recolour (color=) or set aliases (aliases=[...])."""
    if parties.get(project, party_id) is None:
        raise CounterclaimError("That party no longer exists.")
    allowed = {"name", "color", "aliases"}
    if set(fields) - allowed:
        raise ValueError(f"cannot change {sorted(set(fields) - allowed)} here")

    old = parties.get(project, party_id)
    new_aliases: list[str] = []

    def edit():
        parties.update(project, party_id, **fields)
        if "aliases" in fields:
            had = {fold(a) for a in old.aliases}
            new_aliases.extend(a for a in parties.get(project, party_id).aliases if fold(a) not in had)
            alias_origins.record(project, party_id, new_aliases, "hand")
        return party_id

    change = _run_teaching(project, edit, lambda: new_aliases)
    return _taught(change, [(parties.get(project, party_id).name, a) for a in new_aliases])


def _taught(change: Changes, pairs: list[tuple[str, str]]) -> Changes:
    """Keep the names in the newsroom too, and remember which, so undo takes them back."""
    kept = newsroom.remember(pairs)
    return replace(change, taught=tuple(kept)) if kept else change


def learn(project: Project, party_id: int, alias: str, statement_id: int | None = None) -> Changes:
    """Keep ``alias`` (the speaker words of a statement the journalist confirmed) as a name of
    the party, then suggest the party wherever the project's unconfirmed statements use it."""
    party = parties.get(project, party_id)
    if party is None:
        raise CounterclaimError("That party no longer exists.")
    alias = " ".join(alias.split())
    owner = parties.by_name(project, alias)
    if owner is not None:
        raise CounterclaimError(f"“{alias}” already means {owner.name}.")

    def edit():
        parties.update(project, party_id, aliases=[*party.aliases, alias])
        alias_origins.record(project, party_id, [alias], "learned", statement_id)
        return party_id

    change = _run_teaching(project, edit, lambda: [alias])
    return _taught(change, [(party.name, alias)])


def reorder(project: Project, ordered_ids: Sequence[int]) -> Changes:
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


def merge(project: Project, source_id: int, target_id: int) -> Changes:
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
        alias_origins.copy(project, source_id, target_id, source.aliases)
        alias_origins.record(project, target_id, [source.name], "merge")
        parties.set_order(project)
        # what the merged names now mean reaches the rest of the project's suggestions
        more_before, more_after = suggesting.reassign(project, [source.name, *source.aliases])
        moved = {t.statement_id for t in before_tags}
        before_tags += [t for t in more_before if t.statement_id not in moved]
        after_tags = [t for t in after_tags if t.statement_id not in {m.statement_id for m in more_after}] + more_after
        after = parties.rows_by_id(project, _all_ids(project))
        after.setdefault(source_id, None)  # (a newsroom party adopted just now may have its id)
        for new in set(after) - set(before):
            before[new] = None
        change = _changes(project, (before, after), (before_tags, after_tags), target_id)
    return _taught(change, [(target.name, n) for n in [source.name, *source.aliases]])


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


def delete(project: Project, party_id: int) -> Changes:
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
        return _changes(project, (before, after), (before_tags, after_tags), None)


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    """Put parties and tags back as they were (undo) or again as after (redo)."""
    rows = changes.before if undo else changes.after
    tags = changes.tags_before if undo else changes.tags_after
    with project.transaction():
        parties.put_rows(project, rows)
        if tags:
            statements.set_tags(project, tags)
    if changes.taught:
        (newsroom.forget if undo else newsroom.remember)(list(changes.taught))
    return replace(changes, undo=undo)
