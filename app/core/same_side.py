"""Which party another one most likely belongs with (the Merge dialog's preselection).

Two parties are on the same side when their names and aliases resolve to the same country
or organisation ("Pakistani military" and "Pakistan" through the gazetteer: demonym,
capital, state body), else when they share a distinctive word ("Baloch separatists" and
"Balochistan Liberation Army"), never a generic one ("army", "ministry", "the"). When no
party qualifies, or two qualify equally, there is no answer: better an empty choice than
a confident wrong side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core import gazetteer
from app.core.parties import BODY_NOUNS, ORG_WORDS, STATE_WORDS, TITLE_WORDS, Resolver

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_STOP = frozenset(
    """the a an of for and or in on at to by with from its their his her our side group groups
    people official officials spokesman spokeswoman spokesperson source sources""".split()
)
# Words that name a kind of actor, not which one: sharing "separatists" or "forces" says
# nothing about the side ("Russian-backed separatists" are not "Baloch separatist groups").
_KINDS = frozenset(
    """separatist rebel militant militia insurgent fighter force group movement army government
    official authority troop soldier guerrilla jihadist extremist terrorist gunman protester protestor
    activist demonstrator resident civilian witness leader commander member supporter loyalist
    opposition regime junta faction wing unit cell organisation organization coalition alliance camp
    administration ministry military police navy agency office spokesman spokesperson spokeswoman
    national federal central regional provincial local state armed backed allied aligned linked led run
    pro anti islamic islamist muslim arab liberation front popular democratic revolutionary resistance
    republican people united free new northern southern eastern western north south east west""".split()
)
SIDE_WEIGHT = 10  # one shared country or organisation outweighs any number of shared words
PREFIX_MIN = 5  # "Baloch" matches "Balochistan"; "Iran" does not match "Iranian" this way

Party = tuple[str, Sequence[str]]  # (name, aliases)


def likely_target(source: Party, candidates: Sequence[Party]) -> int | None:
    """The index in ``candidates`` of the party ``source`` most likely belongs with, or None."""
    claim = [k for k, c in enumerate(candidates) if _key(source[0]) in {_key(a) for a in _forms(c)[1:]}]
    if len(claim) == 1:  # a suggestion taught that party this one's name: the proposed merge
        return claim[0]
    resolver = Resolver("")
    source_sides, source_words = _sides(resolver, source), _words(source)
    scores = []
    for candidate in candidates:
        shared = len(source_sides & _sides(resolver, candidate))
        words = _shared_words(source_words, _words(candidate))
        scores.append(shared * SIDE_WEIGHT + words)
    if not scores:
        return None
    best = max(scores)
    if best <= 0 or scores.count(best) > 1:
        return None
    return scores.index(best)


def _forms(party: Party) -> list[str]:
    name, aliases = party
    return [f for f in (name, *aliases) if isinstance(f, str) and f.strip()]


def _sides(resolver: Resolver, party: Party) -> set[str]:
    found: set[str] = set()
    for form in _forms(party):
        for entity in resolver.resolve(form).entities:
            if entity.kind in ("country", "org", "group"):
                found.add(entity.name.casefold())
    return found


def _stem(word: str) -> str:
    """The singular a generic word is listed under: "authorities" → "authority", "gunmen" → "gunman"."""
    word = word.casefold().replace("’", "'").removesuffix("'s").removesuffix("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_GENERIC = frozenset(
    _stem(w) for w in (*_STOP, *_KINDS, *(w.casefold() for w in (*ORG_WORDS, *STATE_WORDS, *TITLE_WORDS, *BODY_NOUNS)))
)


def _generic(word: str) -> bool:
    """True when a word (each part of "Russian-backed") says only what kind of actor, or where."""
    places = gazetteer.load()
    parts = [p for p in re.split(r"[-‐‑]", word) if p]
    return all(len(p) < 3 or _stem(p) in _GENERIC or places.is_form(p) for p in parts)


def _words(party: Party) -> set[str]:
    """Distinctive words; country words are left to ``_sides``, which knows that the
    "Pakistani Taliban" do not speak for Pakistan."""
    places = gazetteer.load()
    words = set()
    for form in _forms(party):
        for match in _WORD.finditer(form):
            if places.is_form(match.group()):
                continue
            word = match.group().casefold().replace("’", "'").removesuffix("'s")
            if len(word) >= 3 and not _generic(match.group()):
                words.add(word)
    return words


def _shared_words(a: set[str], b: set[str]) -> int:
    shared = 0
    for word in a:
        if word in b or any(_prefix(word, other) for other in b):
            shared += 1
    return shared


def _prefix(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= PREFIX_MIN and long_.startswith(short)


def proposed_merges(parties: Sequence[Party]) -> list[tuple[int, int, str]]:
    """(source index, target index, why) for each party whose name another party has as an
    alias: the suggestion found the two to be one side and taught the target the name.
    A party two others both claim is left alone (no answer beats a wrong one)."""
    owners: dict[str, list[int]] = {}
    for k, party in enumerate(parties):
        for alias in _forms(party)[1:]:
            owners.setdefault(_key(alias), []).append(k)
    out = []
    for k, party in enumerate(parties):
        claim = [t for t in owners.get(_key(party[0]), []) if t != k]
        if len(claim) == 1:
            target = claim[0]
            out.append((k, target, f"{parties[target][0]} has “{party[0]}” as an alias"))
    return out


def _key(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).casefold()
    return name.removeprefix("the ")
