"""Which parties the speakers stand for: proposing new parties, and each statement's party.

    propose_parties(text, attributions, existing=()) -> list[ProposedParty]
        the NEW sides the speakers speak for: countries with capital, demonym and bodies,
        organisations with acronyms, groups named with their members, people.
    assign_parties(text, attributions, parties) -> list[Attribution]
        copies with party and confidence filled, and the reason extended.

``attributions`` come from ``app.core.attribution.analyse`` (or anything of the same shape:
speaker words, kind, carried_from, and optionally ``speaker_at``, the article offset of the
speaker words). Resolution of speaker words to sides is ``app.core.parties``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence

from app.core import gazetteer as gz
from app.core.alias_rules import clean_aliases, never_party
from app.core.common_words import is_common
from app.core.continuation import NARRATION_UNSURE
from app.core.models import Attribution, ProposedParty
from app.core.parties import Entity, Resolution, Resolver, own_words, resolver_for

__all__ = ["assign_parties", "folded", "party_key", "propose_parties"]


def propose_parties(
    text: str, attributions: Sequence[Attribution], existing: Sequence[ProposedParty] = ()
) -> list[ProposedParty]:
    """New parties, then (under an existing party's own name) the aliases an existing party
    learns from this article: "Foreign Minister Hugh Bascom" folded into Guyana gives Guyana
    "Hugh Bascom". A name already a party of its own is still offered to the side this
    article ties it to, so the two share it and ``same_side.proposed_merges`` proposes the
    merge; nothing is merged here.

    Never proposed: a person named with no office and no side (a shopkeeper, a parent), a
    common word, a vague source; never learned: an alias that could mislead
    (``alias_rules.alias_ok``).
    """
    resolver = resolver_for(text)
    key = party_key(existing)
    known = _alias_index(existing, key)
    names, taken, aliased = _name_sets(key)
    proposed: list[tuple[Entity, set[str]]] = []
    learned: dict[str, list[str]] = {}
    merged: set[int] = set()
    for _a, res in _resolutions(resolver, attributions):
        if res is None or res.coordinated or id(res) in merged or not res.entities:
            continue  # the same answer twice adds nothing
        merged.add(id(res))
        entity = res.entities[0]
        if entity.kind == "person" and entity.bystander or never_party(entity.name):
            continue  # a bystander named with what they do, a word: not a side
        aliases = clean_aliases(entity.name, entity.aliases)
        party, new = _existing_side(entity, [entity.name, *aliases], known, names, resolver.gaz)
        if party is not None:
            # a form another party has already (an alias two parties share names neither) is
            # not learned again; a party's own name is, so the two are proposed for merging
            new = [n for n in new if _fold(n) not in taken or _fold(n) in names and _fold(n) not in aliased]
            if new and entity.kind != "person":
                bucket = learned.setdefault(party, [])
                bucket.extend(n for n in new if n not in bucket)
        elif _fold(entity.name) not in taken:  # an alias two parties share makes no party (the store refuses it)
            _merge_into(proposed, Entity(entity.name, entity.kind, aliases, entity.how, entity.confidence))
    out = [ProposedParty(e.name, list(e.aliases)) for e, _ in proposed]
    out += [ProposedParty(name, aliases) for name, aliases in learned.items()]
    return out


def _existing_side(entity: Entity, forms: list[str], known: dict[str, str], names: dict[str, str], gaz):
    """The existing party ``entity`` is, and the forms it does not know yet; (None, []) when
    it is new. A new country keeps a person it takes in as a party of their own, to merge."""
    hits = [known[f] for f in map(_fold, forms) if f in known] if known else []
    if hits and entity.kind == "country" and _fold(entity.name) not in names \
            and not any(gaz.is_form(h) for h in hits):
        hits = []
    if not hits:
        return None, []
    party = names.get(_fold(entity.name)) or hits[0]
    new = [n for n in forms if _fold(n) not in known or known[_fold(n)] != party]
    new = [n for n in new if _fold(n) != _fold(party) and (_fold(n) not in known or _fold(n) in names)]
    return party, new


def assign_parties(
    text: str, attributions: Sequence[Attribution], parties: Sequence[ProposedParty]
) -> list[Attribution]:
    resolver = resolver_for(text)
    key = party_key(parties)
    index = _alias_index(parties, key)
    scanner = None

    def scan(words: str) -> list[str]:
        # built on first use: most articles place every speaker without it
        nonlocal scanner
        if scanner is None:
            scanner = _alias_scanner(parties, resolver, key)
        return scanner(words)

    out: list[Attribution] = list(attributions)
    roots = dict(_resolutions(resolver, attributions, keyed=True))
    for i, a in enumerate(attributions):
        if a.carried_from is None:
            out[i] = _assign_root(a, roots.get(i), index, scan)
    for i, a in enumerate(attributions):
        if a.carried_from is not None:
            out[i] = _assign_carried(i, out, attributions)
    return out


def _resolutions(resolver: Resolver, attributions: Sequence[Attribution], keyed: bool = False):
    """(attribution or index, Resolution) for every statement that names its own speaker."""
    for i, a in enumerate(attributions):
        if a.speaker is None or a.carried_from is not None or a.kind == "narration":
            continue
        if _credit(a):
            continue  # "X's Jane Roe, reporting from …", "Reporting by …": the outlet's own people
        res = resolver.resolve(a.speaker, getattr(a, "speaker_at", None))
        yield (i if keyed else a), res


def _credit(a: Attribution) -> bool:
    return _credit_words(a.cue or "", a.speaker)


@lru_cache(maxsize=4096)
def _credit_words(cue: str, speaker: str) -> bool:
    """Cue and speaker words repeat (the same "said", the same speaker): read once."""
    return cue.lower().startswith(("reporting", "additional reporting", "writing by", "editing by")) or \
        speaker.lower().startswith(("reporting by", "additional reporting", "editing by", "writing by")) or \
        bool(_OWN_REPORTER.search(speaker))


_COORDINATED = re.compile(r"\s(?:and|or|&)\s|\bboth\b")
# The outlet's own people: "Our correspondent Ana Roe", "our reporter in Kyiv", "X's Jane Roe,
# reporting from …", "a Daily Post correspondent".
_OWN_REPORTER = re.compile(
    r"^(?:[Oo]ur|[Tt]his (?:paper|newspaper|outlet|station|agency)['’]s)\s+(?:[a-z]+\s+)?"
    r"(?:correspondents?|reporters?|journalists?|team|staff|crew|stringers?)\b"
    r"|,\s+reporting from\b|^(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w.]*\s+){1,3}(?:correspondent|reporter)\b"
)


def _assign_root(a: Attribution, res: Resolution | None, index, scan) -> Attribution:
    if a.kind == "narration":  # analyse already said how sure it is; frozen, so share it
        return a if a.party is None else _updated(a, party=None)
    if a.speaker is None or res is None:
        return _updated(a, party=None, confidence=NARRATION_UNSURE)
    parties = []
    for entity in res.entities:
        party = _party_for(entity, index)
        if party and party not in [p for p, _ in parties]:
            parties.append((party, entity))
    if not parties:
        hits = scan(own_words(a.speaker))
        if len(hits) == 1 and not _COORDINATED.search(a.speaker):  # "army and RSF": both, not one
            return _updated(a, party=hits[0], confidence=0.7,
                           reason=f"{a.reason}; “{a.speaker}” contains an alias of {hits[0]}")
        return _updated(a, party=None, confidence=0.3,
                       reason=f"{a.reason}; no party known for “{a.speaker}”")
    if len(parties) > 1 and res.coordinated:
        names = " and ".join(p for p, _ in parties)
        return _updated(a, party=None, confidence=0.4,
                       reason=f"{a.reason}; “{a.speaker}” names several parties ({names})")
    party, entity = parties[0]
    confidence = entity.confidence * (0.7 if len(parties) > 1 else 1.0)
    why = f"“{a.speaker}” matches {party}"
    if entity.how == "tie":
        why += f" (the article ties {entity.evidence})"
    return _updated(a, party=party, confidence=round(confidence, 2), reason=f"{a.reason}; {why}")


def _assign_carried(i: int, out: list[Attribution], original: Sequence[Attribution]) -> Attribution:
    """Follow carried_from to the statement that named the speaker; inherit its party."""
    a = original[i]
    j, factor, seen = a.carried_from, 0.9, {i}
    while j is not None and original[j].carried_from is not None and j not in seen:
        seen.add(j)
        factor *= 0.95
        j = original[j].carried_from
    if j is None or j in seen:
        return _updated(a, party=None, confidence=0.3)
    parent = out[j]
    if parent.party is None:
        return _updated(a, party=None, confidence=0.3, reason=f"{a.reason}; that speaker has no party")
    confidence = round(max(0.3, parent.confidence * factor), 2)
    return _updated(a, party=parent.party, confidence=confidence,
                   reason=f"{a.reason}; statement {j + 1} is {parent.party}")


def _updated(a: Attribution, **changes) -> Attribution:
    """``dataclasses.replace`` for the fields assignment changes, without its introspection or
    the frozen dataclass's guarded ``__init__``: a copy of the instance dict, then the changes.
    Works for ``Attribution`` and every subclass that adds plain fields (analyse's
    ``StatementAttribution`` with its span and speaker offset)."""
    new = _new(type(a))
    d = new.__dict__
    d.update(a.__dict__)
    d.update(changes)
    return new


_new = object.__new__


def _party_for(entity: Entity, index: dict[str, str]) -> str | None:
    party = index.get(_fold(entity.name))
    if party:
        return party
    for alias in entity.aliases:
        party = index.get(_fold(alias))
        if party:
            return party
    return None


def party_key(parties: Sequence[ProposedParty]) -> tuple:
    """The parties by value: attribution gives the same answer for the same key (the caches
    here, and an import deciding whether a worker's answer still holds, both key on it)."""
    return tuple((p.name, tuple(p.aliases)) for p in parties)


def _alias_index(parties: Sequence[ProposedParty], key: tuple | None = None) -> dict[str, str]:
    """Folded name or alias -> party name; an alias two parties share belongs to neither.

    The same parties come back article after article during an import: the index is kept
    for the last few party lists (by value, so an edited alias makes a new one). Read only.
    """
    if key is None:
        key = party_key(parties)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = _build_alias_index(parties)
        while len(_INDEXES) > 8:
            del _INDEXES[next(iter(_INDEXES))]
    return index


_INDEXES: dict[tuple, dict[str, str]] = {}
_SCANNERS: dict[tuple, object] = {}


def _build_alias_index(parties: Sequence[ProposedParty]) -> dict[str, str]:
    index: dict[str, str] = {}
    shared: set[str] = set()
    for p in parties:
        for key in _folded_names(p.name, tuple(p.aliases)):
            if key in index and index[key] != p.name:
                shared.add(key)
            index.setdefault(key, p.name)
    for key in shared:
        index.pop(key, None)
    for key, party in _surnames(parties).items():  # "Peskov said" after "Dmitry Peskov" was learned
        if key not in index and key not in shared:
            index[key] = party
    for p in parties:  # a party's own name always wins
        index[_fold(p.name)] = p.name
    return index


def _surnames(parties: Sequence[ProposedParty]) -> dict[str, str]:
    """Folded surname -> party, for the people a party has learned by full name ("Dmitry
    Peskov"): the project then knows "Peskov" alone. Never a common word, never a surname two
    parties' people share."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for p in parties:
        for key in _party_surnames(tuple(p.aliases)):
            if out.setdefault(key, p.name) != p.name:
                clash.add(key)
    for key in clash:
        del out[key]
    return out


@lru_cache(maxsize=8)
def _name_sets(key: tuple) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """For the parties of ``key``: folded name -> name, every folded form, the folded aliases
    (forms that are some party's alias, not its name). Kept like the alias index."""
    names = {_fold(name): name for name, _ in key}
    taken = frozenset(k for name, aliases in key for k in _folded_names(name, aliases))
    aliased = frozenset(k for name, aliases in key for k in _folded_names(name, aliases)[1:])
    return names, taken, aliased


# One party's share of the indexes, kept by its names: during an import the same parties come
# back article after article, one or two of them with a new alias.
@lru_cache(maxsize=4096)
def _folded_names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in map(_fold, (name, *aliases)) if k)


@lru_cache(maxsize=4096)
def _party_surnames(aliases: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for alias in aliases:
        words = alias.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            continue
        last = words[-1]
        if len(last) < 3 or is_common(last) or not last[1:].islower() or gz.load().is_form(alias) \
                or any(is_common(w) for w in words[:-1]):
            continue
        out.append(_fold(last))
    return tuple(out)


@lru_cache(maxsize=4096)
def _scanned_names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The folded names of one party the gazetteer does not know (those the scanner looks for)."""
    g = gz.load()
    return tuple(_fold(a) for a in (name, *aliases) if a and len(a) >= 2 and not g.is_form(a))


def _alias_scanner(parties: Sequence[ProposedParty], resolver: Resolver, key: tuple | None = None):
    """Finds party aliases the gazetteer does not know (added by the journalist) in speaker words.

    Plain substring search over the folded words, longest alias first, then a word-boundary
    check: no regex to compile per article, and a speaker is a few words long. Depends only
    on the parties and the (fixed) gazetteer, so it is kept like the alias index.
    """
    if key is None:
        key = party_key(parties)
    scan = _SCANNERS.get(key)
    if scan is None:
        scan = _SCANNERS[key] = _build_alias_scanner(parties, resolver)
        while len(_SCANNERS) > 8:
            del _SCANNERS[next(iter(_SCANNERS))]
    return scan


def _build_alias_scanner(parties: Sequence[ProposedParty], resolver: Resolver):
    table: dict[str, str] = {}
    for p in parties:
        for key in _scanned_names(p.name, tuple(p.aliases)):
            table.setdefault(key, p.name)
    ordered = sorted(table, key=len, reverse=True)

    def scan(words: str) -> list[str]:
        folded = _fold(words)
        hits: list[str] = []
        for alias in ordered:
            at = folded.find(alias)
            while at >= 0:
                end = at + len(alias)
                if (at == 0 or not folded[at - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                    if table[alias] not in hits:
                        hits.append(table[alias])
                    break
                at = folded.find(alias, at + 1)
        return hits

    return scan


def _merge_into(proposed: list[tuple[Entity, set[str]]], entity: Entity) -> None:
    """Add ``entity`` to the proposals, merging every proposal that shares a name with it.

    A person proposed on their own ("Mr. Mujahid") is absorbed by the side a later mention
    ties them to ("Zabihullah Mujahid, the Taliban’s chief spokesman"): the side keeps its name.
    """
    keys = {_fold(n) for n in [entity.name, *entity.aliases]}
    overlapping = [k for k, (_, other_keys) in enumerate(proposed) if keys & other_keys]
    new = (Entity(entity.name, entity.kind, list(entity.aliases), entity.how, entity.confidence), keys)
    if not overlapping:
        proposed.append(new)
        return
    group = [proposed[k] for k in overlapping] + [new]
    keeper = next((g for g in group if g[0].kind != "person"), group[0])
    for other in group:
        if other is not keeper:
            keeper[0].add(other[0].name, *other[0].aliases)
            keeper[1].update(other[1])
    at = overlapping[0]
    for k in reversed(overlapping):
        del proposed[k]
    proposed.insert(at, keeper)


def folded(name: str) -> str:
    """A name as parties are compared: case, apostrophes and a leading article folded away."""
    return _fold(name)


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    name = name.replace("’", "'").strip().casefold()
    for det in ("the ", "a ", "an "):
        if name.startswith(det):
            name = name[len(det) :]
    return name
