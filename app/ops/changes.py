"""What an op changed: one ``Changes`` value returned by every op that writes.

The desk's views read it to refresh only what concerns them (app/ui/context.py carries it
on one signal); the undo stack keeps it and hands it back to the op module's
``apply(project, changes, undo)``, which writes ``before`` (undo) or ``after`` (redo) and
returns the Changes of that replay. A change committed by another writer is
``Changes.of("project")``: anything may have changed, views re-read what they show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the desk imports this before its first paint: keep it light)
    from app.store.statements import TagState

# What a change may touch. "structure" means statements were added or removed (a split):
# views showing those articles reload them rather than patching rows.
KINDS = ("tags", "structure", "parties", "articles", "topics", "links", "project")

Pair = tuple[int, int]  # (statement id, topic id): one row of a statement's topics


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str]
    article_ids: tuple[int, ...] = ()
    statement_ids: tuple[int, ...] = ()
    party_ids: tuple[int, ...] = ()  # the party the edit was about (new, renamed, merged into)
    topic_ids: tuple[int, ...] = ()  # the topic the edit was about
    link_ids: tuple[int, ...] = ()
    focus_ids: tuple[int, ...] = ()  # what to select after the change (or after undoing it)
    # (TagState before, TagState after) of every retagged statement: with kinds {"tags"} alone,
    # counts are updated from these without re-counting 100,000 statements.
    tag_pairs: tuple[tuple[TagState, TagState], ...] = ()
    topics_added: tuple[Pair, ...] = ()
    topics_removed: tuple[Pair, ...] = ()
    taught: tuple[tuple[str, str], ...] = ()  # (party, alias) the newsroom kept from this edit
    undo: bool = False  # this is an undo's replay
    # The rows as they were and are (party or topic rows by id, links by id, a statements
    # Snapshot): what apply() writes back. Views never read them.
    before: Any = field(default=None, compare=False, repr=False)
    after: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        unknown = set(self.kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown change kinds {unknown}")

    @classmethod
    def of(cls, *kinds: str, **fields) -> Changes:
        """``Changes.of("articles", article_ids=ids)``; id fields may be any sequence."""
        ids = {k: tuple(v) for k, v in fields.items() if k.endswith("_ids") or k in _TUPLES}
        return cls(frozenset(kinds), **{**fields, **ids})

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds.intersection(kinds))

    @property
    def only_tags(self) -> bool:
        """Only tags changed and their pairs are known: counts can be patched, not re-read."""
        return self.kinds == {"tags"} and bool(self.tag_pairs)

    @property
    def tags_before(self) -> list[TagState]:
        return [b for b, _ in self.tag_pairs]

    @property
    def tags_after(self) -> list[TagState]:
        return [a for _, a in self.tag_pairs]


_TUPLES = {"tag_pairs", "topics_added", "topics_removed", "taught"}


def first(ids: tuple[int, ...]) -> int | None:
    return ids[0] if ids else None
