"""Vague sources: speakers who speak for no side ("analysts", "witnesses", "a person familiar
with the talks", "one Western diplomat", "parents' groups", "a woman who fled the town").

Their statements stay the outlet's narration, and they are never proposed as parties, unless
the words name a side: "sources in the defence ministry", "a source close to the Kremlin",
"Ruritanian military sources", "experts at the interior ministry" are that side's (the party
resolver reads which). Two kinds of head noun:

* anonymous insiders (source, insider, diplomat, person familiar with …): a side is named by a
  state body (ministry, army, presidency, …) or by a country (its name, capital, demonym, body);
* outsiders (analyst, expert, witness, resident, passer-by, a man, a woman, …): they never
  speak for a country by being from it ("Indian analysts", "truck drivers from Poland"); only a
  state body in the words ("analysts at the defence ministry") gives them a side.

``vague(words)`` answers for one speaker's words; it is cached, speakers repeat.
"""

from __future__ import annotations

import re
from functools import lru_cache

INSIDERS = frozenset("source insider diplomat person interlocutor".split())
OUTSIDERS = frozenset(
    """analyst expert observer commentator pundit economist strategist academic scholar researcher
    witness eyewitness resident villager local onlooker bystander passer-by passerby neighbour
    neighbor survivor man woman boy girl mother father parent relative shopkeeper trader vendor
    driver passenger fisherman farmer pensioner media newspaper outlet blogger""".split()
)
# Heads whose own modifier may be an outsider: "parents' groups", "a residents' association".
_GROUP_HEADS = frozenset("group association committee network forum".split())
# State bodies: any of them in the words ties the source to a side.
_BODIES = re.compile(
    r"\b(?:ministry|ministries|government|army|military|navy|police|presidency|president's|"
    r"administration|cabinet|embassy|office|department|security|intelligence|defen[cs]e|"
    r"armed forces|border guard|coast guard|prosecutor|parliament|junta|regime|command|headquarters|state|"
    r"Kremlin|Pentagon|White House|Foreign Office|State Department)\b",
    re.IGNORECASE,
)
# Where the head noun phrase ends: "sources | in the ministry", "a person | familiar with".
_HEAD_END = re.compile(
    r"\s*(?:,|\(|\b(?:in|at|from|with|within|inside|close|closer|near|familiar|who|whom|that|of|on|for|"
    r"to|among|across|around|briefed|knowledgeable|speaking|involved|aware)\b).*$"
)
_POSSESSIVE = re.compile(r"(?:['’]s?)$")


@lru_cache(maxsize=8192)
def vague(words: str) -> bool:
    """Do these speaker words name a source of no side?"""
    name, comma, aside = words.partition(", ")
    if comma and name[:1].isupper() and " " in name and _bystander(aside):
        return True  # "Jane Roe, a shopkeeper in the town", "Jo Doe, who runs a bakery"
    head_phrase = _HEAD_END.sub("", words).strip()
    parts = head_phrase.split()
    if not parts:
        return False
    if parts[0][:1].isupper():  # a sentence's first word is capitalised: "Witnesses told …"
        parts[0] = parts[0][0].lower() + parts[0][1:]
    head = _singular(parts[-1].lower())
    if parts[-1][:1].isupper():
        return False  # a name: "Marcia Fredericks", "the Kenya National Union of Teachers"
    if any(p[:1].isupper() and not _modifier(p, i) for i, p in enumerate(parts[:-1])):
        return False  # "the KNUT leader", "Guyana's farmers"
    if head in _GROUP_HEADS:
        outsiders = [p for p in parts[:-1] if _singular(_POSSESSIVE.sub("", p.lower())) in OUTSIDERS]
        return bool(outsiders) and not _BODIES.search(words)
    if head in OUTSIDERS:
        return not _BODIES.search(words)
    if head in INSIDERS:
        return not (_BODIES.search(words) or _country_in(words))
    return False


# "chair of a parents' association", "a spokeswoman for the residents": the role goes, the body stays.
_ROLE_OF = re.compile(r"^(?:(?:the|a|an)\s+)?(?:chair|chairman|chairwoman|head|member|leader|founder|secretary|"
                      r"president|spokesman|spokeswoman|spokesperson|organiser|organizer)\s+(?:of|for)\s+")
# "who runs a grocery", "who fled the town": what a bystander does.
_BYSTANDER_DOES = re.compile(r"^who\s+(?:runs|owns|sells|works|lives|drives|farms|fled|lost|keeps|teaches|"
                             r"studies|trades|survived|witnessed|saw)\b")


def _bystander(aside: str) -> bool:
    if _BODIES.search(aside):
        return False
    if _BYSTANDER_DOES.match(aside):
        return True
    return vague(_ROLE_OF.sub("", aside))


def _modifier(word: str, i: int) -> bool:
    """Capitalised words that do not make a name: a sentence's first word, Western, European…"""
    bare = word.strip(",.;:").lower()
    return bare in _OPENERS or bare in _PLAIN_ADJECTIVES


_OPENERS = frozenset("a an the one two three some several many most other another few".split())
_PLAIN_ADJECTIVES = frozenset(
    "western eastern european arab asian african latin local foreign independent senior junior "
    "regional international social".split()
)


def _country_in(words: str) -> bool:
    from app.core.gazetteer import load

    return bool(load().find(words))


def _singular(word: str) -> str:
    word = word.strip(",.;:()“”\"")
    irregular = {"people": "person", "men": "man", "women": "woman", "passers-by": "passer-by",
                 "fishermen": "fisherman", "children": "child"}
    if word in irregular:
        return irregular[word]
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and (cand := word[: -len(suffix)] + repl) and \
                (cand in OUTSIDERS or cand in INSIDERS or cand in _GROUP_HEADS):
            return cand
    return word
