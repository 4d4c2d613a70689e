"""The newsroom gazetteer as verbs shared by desk and CLI: where it lives, what it teaches a
project's suggestions, and keeping, exporting and importing what the journalist taught.

The desk keeps it in the user's data folder (``use``); the command line and tests name a
file with ``COUNTERCLAIM_NEWSROOM`` (which always wins) or ``--newsroom``. With neither,
there is no newsroom and suggestions use the project alone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from app.core.errors import CounterclaimError
from app.core.models import ProposedParty
from app.core.newsroom import Newsroom, NewsroomRefused
from app.store import newsroom_file, parties
from app.store.database import Project

ENV = "COUNTERCLAIM_NEWSROOM"
FILE_NAME = "newsroom.json"
_default: list[Path | None] = [None]


def use(path: str | os.PathLike | None) -> None:
    """Where this process keeps the newsroom (the desk: its data folder) unless ENV says."""
    _default[0] = Path(path) if path else None


def location() -> Path | None:
    env = os.environ.get(ENV, "").strip()
    return Path(env).expanduser() if env else _default[0]


def required_location() -> Path:
    where = location()
    if where is None:
        raise CounterclaimError(
            f"No newsroom file is set: give --newsroom FILE or set {ENV} to the file's path."
        )
    return where


def load() -> Newsroom:
    """The newsroom as it is on disk (empty when none is set or there is no file yet)."""
    where = location()
    return newsroom_file.read(where) if where is not None else Newsroom()


def edit(change: Callable[[Newsroom], object]):
    """Read, change and write the newsroom back; what ``change`` returns is returned."""
    where = required_location()
    newsroom = newsroom_file.read(where)
    result = change(newsroom)
    newsroom_file.write(where, newsroom)
    return result


def remember(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Keep (party, alias) pairs the journalist taught a project; those that were new.

    Quietly nothing without a newsroom, and never an error for the project edit that taught
    them: a newsroom that cannot be written is said by the newsroom dialog, not by tagging."""
    if location() is None or not pairs:
        return []
    try:
        return edit(lambda n: [(party, alias) for party, alias in pairs if n.remember(party, alias)])
    except (CounterclaimError, OSError):
        return []


def forget(pairs: Sequence[tuple[str, str]]) -> None:
    """Undo ``remember``: the newsroom follows the project's undo of what taught it."""
    if location() is None or not pairs:
        return
    with contextlib.suppress(CounterclaimError, OSError):
        edit(lambda n: [n.forget(party, alias) for party, alias in pairs])


def export_to(target: str | os.PathLike) -> int:
    """Write the newsroom to ``target`` (a colleague imports it); how many parties."""
    newsroom = load()
    try:
        newsroom_file.write(target, newsroom)
    except OSError as error:
        raise CounterclaimError(f"“{Path(target).name}” cannot be written: {error.strerror or error}.") from error
    return len(newsroom.entries)


def import_from(source: str | os.PathLike) -> tuple[int, int]:
    """Add a newsroom file's parties and aliases to this one: (parties, aliases) added.
    A bad file is refused with a sentence and nothing changes."""
    incoming = newsroom_file.read(source, missing_ok=False)
    return edit(lambda n: n.merge_in(incoming))


# -- what suggestions are given -------------------------------------------------------------------


def known_for(project: Project, newsroom: Newsroom | None = None) -> tuple[list[ProposedParty], dict[str, ProposedParty]]:
    """(parties suggestions are given, newsroom parties among them the project lacks by name)."""
    own = [ProposedParty(p.name, list(p.aliases)) for p in parties.all_parties(project)]
    try:
        newsroom = load() if newsroom is None else newsroom
    except NewsroomRefused:
        newsroom = Newsroom()  # a broken newsroom file must never stop an import
    if not newsroom.entries:
        return own, {}
    known, missing = newsroom.for_project(own)
    return [*known, *missing], {p.name: p for p in missing}


def adopt(project: Project, extra: dict[str, ProposedParty], used: Sequence[str | None]) -> dict[str, int]:
    """Create in the project the newsroom parties a suggestion used; their ids by name."""
    made: dict[str, int] = {}
    for name in dict.fromkeys(n for n in used if n and n in extra):
        party = extra.pop(name)
        made[name] = parties.add(project, party.name, party.aliases, origin="newsroom")
    return made

