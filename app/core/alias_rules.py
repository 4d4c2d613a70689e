"""What may be a party's alias, and what may never be a party (issue 14, items 2 and 3).

An alias is learned so that later speaker words find their side. A misleading alias is worse
than none: "Doctor" learned once pulls every later "the doctor said" onto a side, "Andean
Wire" (the agency in a dateline) makes the agency a side, "Cabo Delgado" (a province) makes
the province the side of whoever was speaking about it. So an alias must be a name:

- never a common word alone (app/core/data/common_words.txt: "Leader", "Daily", "Rights"),
  nor a title or office alone, nor a surname alone that is also a common word;
- never a place inside a country (app/core/places.py) nor another country's form;
- never a clause: no commas, brackets, dashes, colons, quotation marks or digits, at most six
  words, none of them a clause word ("who", "which", "reporting", "on a visit to");
- never a dateline or a credit ("CARACAS (Agency) —", "14:45 GMT —").

Never a party: the outlet's reporters ("… reporting from …", "Reporting by …"), agencies in
datelines and credits, vague sources ("analysts", "witnesses", "one Western diplomat"), and
words that are capitalised only because they begin a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.core import gazetteer as gz
from app.core import places
from app.core.common_words import is_common
from app.core.party_words import OFFICE_ABBREVIATIONS, ORG_WORDS, TITLE_WORDS

# Lowercase words that make speaker words a clause or a description, not a name.
_CLAUSE_WORDS = frozenset(
    """who whom whose which that where when while after before since as if because although
    on in at to from with by into over about against during without under near reporting
    reported told said says say visit asked speaking writing according than like
    is are was were be been has have had will would could should may might""".split()
)
_BAD_CHARS = re.compile(r"[,()\[\]—–:;\"“”«»/|]|\d| - ")
# A leading dateline, credit or live-blog timestamp before the speaker words:
# "CARACAS (Andean Wire) — ", "NAIROBI, Kenya (Agency) — ", "14:45 GMT — ", "(Agency) - ".
_LEAD = re.compile(
    r"^(?:(?:[A-Z][A-Z .'’\-]{2,}(?:,\s*[A-Z][\w .'’\-]*?)?\s*)?(?:\([^)]{1,60}\)\s*)?"
    r"|\d{1,2}[:.]\d{2}\s*(?:[AP]\.?M\.?\s*)?(?:[A-Z]{2,4}\s*)?)[—–:-]\s+"
)
# Vague heads: a speaker that is only these (with determiners and modifiers) is no side.
VAGUE_HEADS = frozenset(
    """analyst source witness diplomat resident expert economist observer critic commentator people
    person villager local neighbour neighbor survivor relative friend colleague insider aide
    onlooker bystander passer-by passerby eyewitness official""".split()
)


def strip_lead(speaker: str) -> str:
    """Speaker words without a leading dateline, credit or timestamp."""
    if not ("-" in speaker or ":" in speaker or "—" in speaker or "–" in speaker):
        return speaker  # a lead ends in a dash or colon (_LEAD): most speakers have none
    m = _LEAD.match(speaker)
    if m and m.end() < len(speaker):
        return speaker[m.end():]
    return speaker


@lru_cache(maxsize=16384)
def is_common_name(name: str) -> bool:
    """One word that is a common word (or a title), so never a name on its own."""
    words = name.split()
    return len(words) == 1 and is_common(words[0])


@lru_cache(maxsize=16384)
def alias_ok(alias: str, own: str | None = None) -> bool:
    """Whether ``alias`` may be learned as an alias of the party ``own`` (a gazetteer
    country's forms are always fine for that country)."""
    alias = alias.strip()
    if len(alias) < 2:
        return False
    g = gz.load()
    mentions = g.find(alias)
    if own is not None and g.is_form(alias):
        return own in mentions[0].countries if mentions else False
    if _BAD_CHARS.search(alias):
        return False
    words = alias.split()
    if len(words) > 6:
        return False
    if any(w in _CLAUSE_WORDS for w in words[1:]):
        return False
    if len(words) >= 2 and _titled(words):
        return False  # "Col. Wahid", "Prof. Kavita Rao": the name is learned bare, the title is not the person
    if len(words) == 1 and (is_common(words[0]) or words[0].isupper() and len(words[0]) <= 2 and own is None):
        return False
    if all(is_common(w) or w.lower() in ("of", "the", "and", "for") for w in words):
        return False  # "Senior Colonel", "Foreign Minister", "Armed Forces": titles, not names
    if places.is_place(alias):
        return False
    others = {c for m in mentions for c in m.countries}
    # another country's form: "Spokesman Arvind Rao" is not China's
    return not (own is not None and others and own not in others)


def clean_aliases(name: str, aliases: list[str]) -> list[str]:
    """The aliases of ``name`` that cannot mislead, in order, without repeats."""
    return list(_clean(name, tuple(aliases)))


@lru_cache(maxsize=8192)
def _clean(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    seen = {name.casefold()}
    own = name if name in gz.load().countries else None
    for alias in aliases:
        key = alias.casefold()
        if key in seen:
            continue
        seen.add(key)
        if alias_ok(alias, own):
            out.append(alias)
    return tuple(out)


def _titled(words: list[str]) -> bool:
    """A title or courtesy before a capitalised name: "Mr. Khan", "Brig. Gen. Reza Ashtiani"."""
    first = words[0]
    return (first in TITLE_WORDS or first.endswith(".") and len(first) <= 5 and first[:1].isupper()) \
        and words[-1][:1].isupper() and not any(w in ORG_WORDS for w in words[1:])


@lru_cache(maxsize=8192)
def never_party(name: str) -> bool:
    """Names that are never a side: a common word, a vague source, a reporter's credit."""
    words = name.replace("’", "'").split()
    if not words:
        return True
    if len(words) == 1 and is_common(words[0]):
        return True
    if all(is_common(w) for w in words) and not any(w.strip("'") in ORG_WORDS for w in words):
        return True  # "One Western", "Parents' groups", but "World Bank" is a name
    if words[0].lower() in ("reporting", "additional", "editing", "writing", "photo", "image"):
        return True
    if len(words) == 1 and words[0] in OFFICE_ABBREVIATIONS:
        return True  # "MFA", "PM": an office, not a side
    # "Kap Choeng Hospital", "Juba Teaching Hospital": a place people work, no side
    return len(words) >= 2 and words[-1] in _CIVIL_PLACES


# Institutions whose staff are quoted as witnesses, not as a side of the dispute.
_CIVIL_PLACES = frozenset(
    "Hospital Clinic School University College Market Mosque Church Cathedral Temple Pagoda Hotel "
    "Camp Shelter Orphanage Airport Station".split()
)

# Words that name nobody in particular: titles, offices, generic bodies, vague sources,
# pronouns and sentence words. An alias the journalist is offered, made only of these (and
# determiners), is refused.
_NOBODY_WORDS = frozenset(
    """he she it they we you i him her them his its their our this that these those one who
    the a an of for to in on at by and or mr mrs ms dr sir
    doctor leader president prime minister ministry minister's spokesman spokeswoman spokesperson
    official officials officer chief head director secretary general commander governor mayor
    ambassador envoy deputy vice senior top former acting foreign defence defense interior
    government army military police navy forces office agency committee council authorities
    administration cabinet parliament embassy state statement report reports daily news times
    post press media source sources analyst analysts expert experts witness witnesses resident
    residents people group groups side sides party parties country countries nation region city
    capital security intelligence health service services department board court judge king
    queen prince people's national federal central public world international united""".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def may_be_alias(words: str) -> bool:
    """True when ``words`` (speaker words a journalist confirmed) can stand for one side
    wherever they appear: the question asked before offering them as an alias.

    Refused: nothing, a single letter, no letters at all, only common words and titles
    ("the Foreign Ministry", "Doctor", "Leader", "he"), and what is never a party (a vague
    source, a reporter's credit, an office abbreviation).
    """
    tokens = _WORD.findall(words or "")
    if not tokens or not any(c.isalpha() for c in words):
        return False
    if len(tokens) == 1 and len(tokens[0]) < 2:
        return False
    folded = [t.casefold().replace("’", "'") for t in tokens]
    if never_party(strip_lead(words.strip())) and len(tokens) == 1:
        return False
    return not all(t in _NOBODY_WORDS or t.removesuffix("'s") in _NOBODY_WORDS for t in folded)
