"""The newsroom gazetteer: parties and aliases a journalist taught Counterclaim, kept across
projects, as plain data. Reading and writing the file is app/store/newsroom_file.py's job.

    {"format": "counterclaim-newsroom", "format_version": 1,
     "parties": [{"name": "Russia", "aliases": ["the Kremlin", "Dmitry Peskov"]}]}

An alias belongs to one party only; names are compared as attribution compares them
(case, apostrophes and a leading article do not count).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.alias_rules import may_be_alias
from app.core.words import counted
from app.core.errors import CounterclaimError
from app.core.learning import fold
from app.core.models import ProposedParty

FORMAT = "counterclaim-newsroom"
FORMAT_VERSION = 1
MAX_PARTIES = 20_000
MAX_ALIASES = 2_000
MAX_NAME = 200


class NewsroomRefused(CounterclaimError):
    """A newsroom file that cannot be read or imported; nothing was changed."""


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Newsroom:
    entries: list[Entry] = field(default_factory=list)

    # -- looking up ----------------------------------------------------------------------------

    def find(self, name: str) -> Entry | None:
        """The entry with this name or alias."""
        key = fold(name)
        for entry in self.entries:
            if key == fold(entry.name) or key in {fold(a) for a in entry.aliases}:
                return entry
        return None

    # -- editing (each returns a sentence for the journalist) -----------------------------------

    def add_party(self, name: str) -> Entry:
        name = _clean(name, "A party needs a name.")
        if self.find(name) is not None:
            raise CounterclaimError(f"The newsroom already knows “{name}”.")
        entry = Entry(name)
        self.entries.append(entry)
        return entry

    def remember(self, party: str, alias: str) -> bool:
        """Keep ``alias`` for ``party`` (added if new); False when it teaches nothing or clashes."""
        party, alias = party.strip(), alias.strip()
        if not party or not alias or not may_be_alias(alias):
            return False
        if self.find(alias) is not None:
            return False  # known already, for this party or (then left alone) for another
        entry = self.find(party) or self.add_party(party)
        entry.aliases.append(alias)
        return True

    def forget(self, party: str, alias: str) -> bool:
        """Take back what ``remember`` kept (an undo); a party left with no names goes too."""
        entry = self.find(party)
        if entry is None or fold(alias) not in {fold(a) for a in entry.aliases}:
            return False
        entry.aliases = [a for a in entry.aliases if fold(a) != fold(alias)]
        if not entry.aliases:
            self.entries.remove(entry)
        return True

    def add_alias(self, party: str, alias: str) -> None:
        alias = _clean(alias, "An alias needs some words.")
        entry = self._require(party)
        if not may_be_alias(alias):
            raise CounterclaimError(f"“{alias}” is too common a word to mean one side; it was not added.")
        holder = self.find(alias)
        if holder is not None:
            raise CounterclaimError(f"“{alias}” already means {holder.name} in the newsroom.")
        entry.aliases.append(alias)

    def remove(self, party: str, alias: str | None = None) -> None:
        """Remove one alias of a party, or the party with all its aliases."""
        entry = self._require(party)
        if alias is None:
            self.entries.remove(entry)
            return
        kept = [a for a in entry.aliases if fold(a) != fold(alias)]
        if len(kept) == len(entry.aliases):
            raise CounterclaimError(f"{entry.name} has no alias “{alias}” in the newsroom.")
        entry.aliases = kept

    def rename(self, party: str, new_name: str) -> None:
        entry = self._require(party)
        new_name = _clean(new_name, "A party needs a name.")
        clash = self.find(new_name)
        if clash is not None and clash is not entry:
            raise CounterclaimError(f"The newsroom already knows “{new_name}” (as {clash.name}).")
        old = entry.name
        entry.name = new_name
        entry.aliases = [a for a in entry.aliases if fold(a) != fold(new_name)]
        if fold(old) != fold(new_name):
            entry.aliases.insert(0, old)  # what it was called still means it

    def merge_in(self, other: Newsroom) -> tuple[int, int]:
        """Add a colleague's newsroom to this one: (parties added, aliases added). An alias
        this newsroom gives another party stays that party's."""
        parties = aliases = 0
        for incoming in other.entries:
            entry = self.find(incoming.name)
            if entry is None:
                entry = Entry(incoming.name)
                self.entries.append(entry)
                parties += 1
            for alias in incoming.aliases:
                if self.find(alias) is None:
                    entry.aliases.append(alias)
                    aliases += 1
        return parties, aliases

    def _require(self, party: str) -> Entry:
        entry = self.find(party)
        if entry is None:
            raise CounterclaimError(f"The newsroom knows no party “{party}”.")
        return entry

    # -- what a project's suggestions are given ---------------------------------------------------

    def for_project(self, parties: Sequence[ProposedParty]) -> tuple[list[ProposedParty], list[ProposedParty]]:
        """(the project's parties with the newsroom's aliases added, the newsroom's parties the
        project lacks). A newsroom party joins the project party its name means; the project's
        own names always win: a newsroom alias some project party answers to is never given
        to another."""
        taken = {fold(n): p.name for p in parties for n in [p.name, *p.aliases]}
        extra_aliases: dict[str, list[str]] = {}
        missing: list[ProposedParty] = []
        for entry in self.entries:
            free = [a for a in entry.aliases if fold(a) not in taken]
            owner = taken.get(fold(entry.name))
            if owner is not None:  # the project has this side: it answers to the newsroom's names too
                extra_aliases.setdefault(owner, []).extend(free)
            else:  # a side the project lacks, with the names no project party answers to
                missing.append(ProposedParty(entry.name, free))
        known = [
            ProposedParty(p.name, [*p.aliases, *extra_aliases.get(p.name, [])]) if p.name in extra_aliases else p
            for p in parties
        ]
        return known, missing

    # -- the file's structure --------------------------------------------------------------------

    def to_document(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "parties": [{"name": e.name, "aliases": list(e.aliases)} for e in self.entries],
        }


def _clean(text: str, empty: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise CounterclaimError(empty)
    if len(text) > MAX_NAME:
        raise CounterclaimError(f"“{text[:40]}…” is longer than any name of a party ({MAX_NAME} characters).")
    return text


def _plain(value) -> bool:
    return isinstance(value, str) and value.strip() != "" and len(value) <= MAX_NAME and value.isprintable()


def from_document(document, name: str = "the file") -> Newsroom:
    """Check a newsroom structure; refuse it with a sentence naming the first problem."""

    def refuse(why: str) -> NewsroomRefused:
        return NewsroomRefused(f"“{name}” is not a newsroom file Counterclaim can use: {why} Nothing was changed.")

    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise refuse("its “format” is not “counterclaim-newsroom”.")
    version = document.get("format_version")
    if type(version) is not int or version < 1:
        raise refuse("it has no format version.")
    if version > FORMAT_VERSION:
        raise refuse(f"it was written by a newer Counterclaim (format {version}; this one reads {FORMAT_VERSION}).")
    items = document.get("parties")
    if not isinstance(items, list):
        raise refuse("it has no “parties” list.")
    if len(items) > MAX_PARTIES:
        raise refuse(f"it holds more than {counted(MAX_PARTIES, 'party')}.")
    newsroom = Newsroom()
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not _plain(item.get("name")):
            raise refuse(f"party {i} has no name (or one with control characters, or over {MAX_NAME} characters).")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or len(aliases) > MAX_ALIASES or not all(_plain(a) for a in aliases):
            raise refuse(f"the aliases of “{item['name'][:60]}” are not a list of names.")
        party = " ".join(item["name"].split())
        if newsroom.find(party) is not None:
            raise refuse(f"“{party[:60]}” is there twice (as a party or as an alias).")
        entry = Entry(party)
        newsroom.entries.append(entry)
        for alias in aliases:
            alias = " ".join(alias.split())
            holder = newsroom.find(alias)
            if holder is not None and holder is not entry:
                raise refuse(f"“{alias[:60]}” is an alias of both {holder.name[:60]} and {party[:60]}.")
            if holder is None:
                entry.aliases.append(alias)
    return newsroom
