"""What a statement is about, as a weighted bag of features for grouping by topic.

The words come from ``app.core.matching.analysis`` (stems, names, places, numbers, stance
concepts), read from the statement *without its speaker and cue*: "Kigali denied it" is about
what Kigali denies, not about Kigali. Each feature weighs its rarity in the project (idf)
times its kind; a party's own names weigh little, since every statement of that side has them.

A statement rarely says everything it is about on its own: the second line of a quotation,
"Kigali denied it.", "That is a lie." So each statement also takes in a share of its
neighbours in the same paragraph, and a short one a share of the statement before it (what
it answers).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.core.language import primary
from app.core.matching.analysis import analyse, stem
from app.core.multilingual.sides import fold

Vector = dict[str, float]

KIND_WEIGHT = {"e": 1.6, "p": 1.6, "#": 1.1, "c": 0.5}
PARTY_FORM_WEIGHT = 0.35  # a party's own name: who speaks, not what about
NEIGHBOUR_SHARE = 0.35  # of each other statement of the same paragraph and side
ANSWER_SHARE = 0.7  # of the statement before, for a statement that says little on its own
SHORT = 2  # features a statement needs to stand on its own
GENERIC_WEIGHT = 0.3
# Words every story has, whatever it is about: time, counting, talk about talking. They may
# still tip a close call, but never make a topic.
GENERIC = frozenset(
    stem(w) for w in """
    year years month months week weeks day days today yesterday tomorrow night nights morning
    afternoon evening hour hours time times monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    last next first second third later earlier recent recently early late ago since still
    people person asked ask asking answer answered question questions call called calls
    want wants wanted need needs make made take taken give given go going went come came
    say tell speak spoke spoken talk told comment comments interview news conference briefing
    post posted video published report reported reports official officials spokesperson
    part way thing things number side sides place put set know known think see seen show shows
    new old many much several few well good great long""".split()
)


@dataclass(frozen=True)
class TopicItem:
    """A statement as topic suggestion reads it."""

    id: int
    text: str
    party: str | None = None
    article_id: int | None = None
    paragraph: int = 0
    speaker: str | None = None
    cue: str | None = None
    language: str | None = None  # the article's (BCP 47): its function words say nothing


def content(item: TopicItem) -> str:
    """The statement's words without who said it and the verb saying so."""
    text = item.text
    for words in (item.speaker, item.cue):
        if words and len(words) < len(text):
            text = text.replace(words, " ", 1)
    return text


def _content_terms(item: TopicItem) -> dict[str, str]:
    """The matcher's features of what the statement says, its language's function words left
    out (the matcher's own stop words are English: "في", "و", "dans" would name a topic)."""
    terms = analyse(content(item)).terms
    stops = function_words(item.language)
    if not stops:
        return terms
    return {k: v for k, v in terms.items() if k[1:2] == ":" or fold(v) not in stops}


EVERYWHERE = 0.2  # a word in this share of a language's statements is one of its function words


def _drop_everywhere_words(items: Sequence[TopicItem], raw: list[dict[str, str]]) -> None:
    """For a language without a list (Urdu), its words in nearly every statement ("کے", "میں")."""
    by_language: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        tag = primary(item.language)
        if tag and tag != "en" and not function_words(tag):
            by_language.setdefault(tag, []).append(i)
    for members in by_language.values():
        if len(members) < 10:
            continue
        counts: dict[str, int] = {}
        for i in members:
            for key in raw[i]:
                counts[key] = counts.get(key, 0) + 1
        common = {k for k, n in counts.items() if n > EVERYWHERE * len(members) and k[1:2] != ":"}
        for i in members:
            raw[i] = {k: v for k, v in raw[i].items() if k not in common}


@lru_cache(maxsize=32)
def function_words(language: str | None) -> frozenset[str]:
    """The function words of a language from the stop-words package (none for English, whose
    the matcher knows, or a language it has no list for)."""
    tag = primary(language)
    if not tag or tag == "en":
        return frozenset()
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    if tag not in LANGUAGE_MAPPING:
        return frozenset()
    return frozenset(fold(w) for w in get_stop_words(tag))  # "أن" and the list's "ان" alike


def _kind(key: str) -> float:
    if key[:1] == "#":
        return KIND_WEIGHT["#"]
    if key[1:2] == ":":
        return KIND_WEIGHT.get(key[0], 1.0)
    return 1.0


@dataclass
class Features:
    """Every statement's vector (unit length, shared features only) and what each key reads as."""

    vectors: list[Vector]  # in the order of the items
    surfaces: dict[str, str]  # feature key -> how the text writes it (first seen)
    df: dict[str, int]  # statements with each feature
    idf: dict[str, float]


def read(items: Sequence[TopicItem], party_forms: frozenset[str] = frozenset()) -> Features:
    """The features of ``items``, which are in reading order (article, then position).

    ``party_forms`` are the parties' names and aliases, case-folded."""
    raw: list[dict[str, str]] = [_content_terms(item) for item in items]
    _drop_everywhere_words(items, raw)
    df: dict[str, int] = {}
    for terms in raw:
        for key in terms:
            df[key] = df.get(key, 0) + 1
    n = len(items)
    idf = {key: math.log((n + 1) / (count + 0.5)) for key, count in df.items()}
    written: dict[str, dict[str, int]] = {}
    own: list[Vector] = []
    for terms in raw:
        vector: Vector = {}
        for key, surface in terms.items():
            seen = written.setdefault(key, {})
            seen[surface] = seen.get(surface, 0) + 1
            if df[key] < 2:
                continue  # shared with nothing: it cannot bring two statements together
            weight = idf[key] * _kind(key)
            if surface.casefold() in party_forms or key[2:] in party_forms:
                weight *= PARTY_FORM_WEIGHT
            elif key in GENERIC or key[:1] == "#" and len(key) == 2:  # "one", "five": counting, not a subject
                weight *= GENERIC_WEIGHT
            vector[key] = weight
        own.append(vector)
    vectors = [_unit(v) for v in _with_context(items, own)]
    return Features(vectors, {key: _usual(seen) for key, seen in written.items()}, df, idf)


def _usual(seen: dict[str, int]) -> str:
    """How the text usually writes a feature; lower case when it is written so anywhere
    ("Shelling" opening a sentence is "shelling"), a name as written."""
    lower = [w for w in seen if w.islower()]
    return lower[0] if lower else max(seen, key=lambda w: (seen[w], w))


def _with_context(items: Sequence[TopicItem], own: list[Vector]) -> list[Vector]:
    out: list[Vector] = []
    for i, item in enumerate(items):
        vector = dict(own[i])
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(items) and _same_paragraph(items[i], items[j]) and items[j].party == item.party:
                _add(vector, own[j], NEIGHBOUR_SHARE)
        if len(own[i]) <= SHORT and i > 0 and items[i - 1].article_id == item.article_id:
            _add(vector, own[i - 1], ANSWER_SHARE)  # "Kigali denied it."
        out.append(vector)
    return out


def _same_paragraph(a: TopicItem, b: TopicItem) -> bool:
    return a.article_id == b.article_id and a.paragraph == b.paragraph


def _add(into: Vector, other: Vector, share: float) -> None:
    for key, weight in other.items():
        into[key] = into.get(key, 0.0) + weight * share


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Both of unit length."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[k] for k, w in a.items() if k in b)
