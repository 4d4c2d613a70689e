"""Who says what: attribution per statement, proposed parties, and the party of each statement.

    analyse(text, spans) -> list[Attribution]
        kind (quote / reported / narration), speaker words, cue, quotation spans, and
        carried_from when a statement continues an earlier speaker ("It urged…",
        "The statement added…", "The ministry also said…", a quotation running on).
    propose_parties(text, attributions, existing=()) -> list[ProposedParty]
        the NEW sides the speakers speak for: countries with capital, demonym and bodies,
        organisations with acronyms, groups named with their members, people.
    assign_parties(text, attributions, parties) -> list[Attribution]
        copies with party and confidence filled, and the reason extended.
        (Both live in ``app.core.proposing``; re-exported here.)
    suggest(text, spans, existing=()) -> (new parties, attributions)
        all three.

Narration stays narration: "Pakistan on Thursday launched air strikes…" names a country as
the subject of an action, not a speaker; only reporting cues make speech. When unsure the
answer is no party, at low confidence, never a guess dressed up as certainty.

Statement numbers in reasons are 1-based (as the desk shows them); ``carried_from`` is a
0-based index into the same list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from app.core.models import Attribution, ProposedParty, Span
from app.core.proposing import assign_parties, propose_parties
from app.core.quotes import QuoteIndex
from app.core.speakers import (
    PRONOUNS,
    Speech,
    _Cue,
    _hits,
    cue_matches,
    find_speech,
    singular,
)

__all__ = [
    "StatementAttribution",
    "analyse",
    "assign_parties",
    "propose_parties",
    "suggest",
]


@dataclass(frozen=True)
class StatementAttribution(Attribution):
    """An ``Attribution`` that remembers where its statement and speaker words are.

    ``span`` and ``speaker_at`` (article offset of the speaker words) let party assignment
    read the article around the speaker ("the army" -> the army the article named last).
    Plain ``Attribution`` objects work too, with ties resolved article-wide.
    """

    span: Span | None = None
    speaker_at: int | None = None


_new = object.__new__


def _made(kind, speaker, cue, party, confidence, quotes, carried_from, reason, span, speaker_at):
    """``StatementAttribution(...)`` with the same fields, made without the frozen dataclass's
    ``__init__`` (one guarded ``object.__setattr__`` per field): a third of the cost, and
    analyse and assign make one per statement each."""
    a = _new(StatementAttribution)
    d = a.__dict__
    d["kind"] = kind
    d["speaker"] = speaker
    d["cue"] = cue
    d["party"] = party
    d["confidence"] = confidence
    d["quotes"] = quotes
    d["carried_from"] = carried_from
    d["reason"] = reason
    d["span"] = span
    d["speaker_at"] = speaker_at
    return a


# How sure "no party" is: no cue at all, or quotation marks / a speaker we could not place.
NARRATION_SURE, NARRATION_UNSURE = 0.8, 0.5

# Words that continue whoever spoke last, whatever their number: "The statement added…".
_CONTINUATION_NOUNS = frozenset(
    "statement report communique communiqué release letter post message tweet video document".split()
)
# Generic heads that continue an earlier speaker with the same head: "The ministry also said…".
_PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officer minister president premier chancellor
    secretary chief commander general leader head director representative diplomat ambassador envoy
    prosecutor judge lawyer attorney analyst expert source witness resident survivor villager doctor
    medic campaigner activist observer researcher scientist economist professor student worker farmer
    negotiator mediator man woman governor mayor senator lawmaker legislator king queen prince emir
    sheikh cleric ayatollah inspector investigator""".split()
)
_ORG_GENERIC = frozenset("group organisation organization movement outfit faction militia coalition alliance".split())
_DEFINITE = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w\-’']*\s+){0,3}(?P<head>[a-z][\w\-]*)$")
_PLURAL_START = re.compile(r"^(?:[Bb]oth|[Tt]hey)\b|\b(?:and|&)\b")
_HEAD_CUT = re.compile(r"\s*(?:,|\(|\b(?:of|for|from|at|to|in|with|on|who|which)\b).*$")


# --- analyse ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    span: Span
    speech: Speech | None
    quotes: list[tuple[int, int]]  # article offsets, clipped to the statement
    quote_led: bool  # starts with, or inside, a quotation
    cue_outside: bool = False  # a cue word outside the quotations (even if no speaker was found)


@dataclass(slots=True)
class _Said:
    """What analyse knows about a statement that has a speaker."""

    index: int
    paragraph: int
    root: int  # the statement whose words named the speaker
    klass: str  # person | plural | thing | org | any
    head: str  # head noun of the root speaker ("ministry"), "" for names
    root_words: str


def analyse(text: str, spans: Sequence[Span]) -> list[Attribution]:
    quotes = QuoteIndex(text)
    cues = cue_matches(text)
    hits = _hits(text, cues)
    cue_starts = [c[0] for c in cues]
    found = [_find(text, span, quotes, hits, cues, cue_starts) for span in spans]
    said: list[_Said] = []  # statements with a speaker, in order
    out: list[Attribution] = []
    for i, f in enumerate(found):
        attribution, info = _attribute(i, f, found, said, out, quotes)
        out.append(attribution)
        if info is not None:
            said.append(info)
    return out


def _find(text: str, span: Span, quotes: QuoteIndex, hits: list[int], cues=None, cue_starts=None) -> _Found:
    inside = quotes.within(span.start, span.end)
    k = bisect.bisect_left(hits, span.start)
    if (k == len(hits) or hits[k] >= span.end) and not text.startswith(("In ", "in "), span.start):
        # no cue word at all: narration, fast
        return _Found(span, None, inside, bool(inside) and inside[0][0] - span.start <= 1)
    cue_outside = False
    while k < len(hits) and hits[k] < span.end:
        if not any(a <= hits[k] < b for a, b in inside):
            cue_outside = True
            break
        k += 1
    quote_led = bool(inside) and inside[0][0] - span.start <= 1
    if not cue_outside and not text.startswith(("In ", "in "), span.start):
        return _Found(span, None, inside, quote_led)  # cue words only inside quotations
    sentence = text[span.start : span.end]
    relative = [(a - span.start, b - span.start) for a, b in inside]
    mine = None
    if cues is not None and _apart(text, span):  # the article's matches are the sentence's
        lo = bisect.bisect_left(cue_starts, span.start)
        hi = bisect.bisect_left(cue_starts, span.end, lo)
        at = span.start
        mine = [_Cue(a - at, b - at, words, verb) for a, b, words, verb in cues[lo:hi]]
        if mine and mine[-1].end() > len(sentence):
            mine = None
    speech = find_speech(sentence, relative, mine)
    return _Found(span, speech, inside, quote_led, cue_outside)


def _apart(text: str, span: Span) -> bool:
    """No word character joins the span to the text around it (segment's spans never do),
    so a regex word boundary at its ends is the same in the article and in the sentence."""
    before = text[span.start - 1] if span.start > 0 else " "
    after = text[span.end] if span.end < len(text) else " "
    return not (before.isalnum() or before == "_" or after.isalnum() or after == "_")


def _attribute(i, f: _Found, found, said: list[_Said], out, quotes: QuoteIndex):
    """One statement's attribution and, when it has a speaker, what later ones may continue."""
    quotes_t = tuple(f.quotes)
    kind = "quote" if quotes_t else "reported"
    sp = f.speech
    if sp is not None:
        words = sp.speaker
        at = f.span.start + sp.start
        ref = _reference(words)
        if ref == "named":
            info = _Said(i, f.span.paragraph, i, _class_of(words), _head_of(words), words)
            reason = f"speaker “{words}”, cue “{sp.cue}”"
            return _made(kind, words, sp.cue, None, 0.0, quotes_t, None, reason,
                                        f.span, at), info
        j = _antecedent(ref, words, f.span.paragraph, said)
        if j is None and ref == "definite":  # "the army" with no earlier army: a speaker of its own
            info = _Said(i, f.span.paragraph, i, _class_of(words), _head_of(words), words)
            reason = f"speaker “{words}”, cue “{sp.cue}”"
            return _made(kind, words, sp.cue, None, 0.0, quotes_t, None, reason,
                                        f.span, at), info
        if j is None:
            reason = f"“{words} {sp.cue}”, but no earlier speaker in reach"
            return _made(kind, words, sp.cue, None, 0.0, quotes_t, None, reason,
                                        f.span, at), None
        info = _continue(i, f, j.root, said, j)
        reason = f"continues the speaker of statement {j.index + 1} (“{words} {sp.cue}”)"
        return _made(kind, words, sp.cue, None, 0.0, quotes_t, j.index, reason,
                                    f.span, at), info
    if f.quote_led and not f.cue_outside:
        return _quotation(i, f, found, said, quotes)
    if f.quote_led:  # '“…,” a commander who … said': attributed, to someone we cannot name
        return _made("quote", None, None, None, NARRATION_UNSURE, tuple(f.quotes), None,
                                    "a quotation attributed to a speaker not recognised", f.span, None), None
    if quotes_t:
        reason, confidence = "quotation marks, but no one is reported speaking", NARRATION_UNSURE
    else:
        reason, confidence = "no reporting cue: the outlet’s narration", NARRATION_SURE
    return _made("narration", None, None, None, confidence, quotes_t, None, reason, f.span,
                                None), None


def _continue(i, f: _Found, root: int, said: list[_Said], parent: _Said) -> _Said:
    return _Said(i, f.span.paragraph, root, parent.klass, parent.head, parent.root_words)


def _quotation(i, f: _Found, found, said: list[_Said], quotes: QuoteIndex):
    """A statement that is (part of) a quotation with no cue of its own."""
    quotes_t = tuple(f.quotes)
    first = quotes.containing(f.quotes[0][0])
    opened_before = first is not None and first[0] < f.span.start
    if opened_before and said and said[-1].index == i - 1:
        j = said[-1]
        reason = f"the quotation of statement {i} runs on; continues its speaker"
        return _carried(i, f, j, reason, quotes_t), _continue(i, f, j.root, said, j)
    if first is not None and first[1] > f.span.end:  # runs on: attributed where it closes?
        for k in range(i + 1, min(len(found), i + 12)):
            g = found[k]
            if g.span.start > first[1]:
                break
            if g.speech is not None and g.span.start + g.speech.cue_start >= first[1] \
                    and _reference(g.speech.speaker) == "named":
                words = g.speech.speaker
                info = _Said(i, f.span.paragraph, k, _class_of(words), _head_of(words), words)
                reason = f"the quotation is attributed where it closes, in statement {k + 1} (“{words}”)"
                return _made("quote", words, g.speech.cue, None, 0.0, quotes_t, k, reason,
                                            f.span, g.span.start + g.speech.start), info
    j = _last_in_reach(f.span.paragraph, said)
    if j is None:
        return _made("quote", None, None, None, 0.0, quotes_t, None,
                                    "a quotation with no speaker in reach", f.span, None), None
    reason = f"a quotation with no cue; continues the speaker of statement {j.index + 1}"
    return _carried(i, f, j, reason, quotes_t), _continue(i, f, j.root, said, j)


def _carried(i, f: _Found, j: _Said, reason: str, quotes_t) -> StatementAttribution:
    return _made("quote", j.root_words, None, None, 0.0, quotes_t, j.index, reason, f.span, None)


def _reference(words: str) -> str:
    """How speaker words refer: named, pronoun, continuation ("The statement"), definite ("the ministry")."""
    low = words.lower()
    if low in PRONOUNS:
        return "pronoun"
    m = _DEFINITE.match(words)
    if m and not any(ch.isupper() for ch in words[1:]):
        head = singular(m.group("head"))
        if head in _CONTINUATION_NOUNS:
            return "continuation"
        if head in _PERSON_NOUNS or head in _ORG_GENERIC or _is_body(head):
            return "definite"
    return "named"


def _is_body(head: str) -> bool:
    return head in {"ministry", "government", "army", "military", "navy", "police", "authority",
                    "administration", "cabinet", "embassy", "office", "department", "agency",
                    "force", "regime", "junta", "wing", "parliament", "presidency", "council",
                    "commission", "committee", "court"}


def _antecedent(ref: str, words: str, paragraph: int, said: list[_Said]) -> _Said | None:
    if ref == "continuation":
        return _last_in_reach(paragraph, said)
    if ref == "pronoun":
        want = PRONOUNS[words.lower()]
        accept = {"it": ("thing", "org", "any"), "they": ("plural",), "person": ("person", "any")}[want]
        hit = _last_in_reach(paragraph, said, accept)
        if hit is None and want == "they":
            hit = _last_in_reach(paragraph, said, ("org",))  # "The BLA said … They said"
        return hit
    head = singular(_DEFINITE.match(words).group("head"))
    for s in reversed(said):  # "the ministry" -> the last ministry that spoke, however far back
        if s.head == head or head in _nouns_in(s.root_words):
            return s
        if head in _ORG_GENERIC and s.klass in ("org", "plural") and s.head in _ORG_GENERIC | {""}:
            return s
    return None


@lru_cache(maxsize=8192)
def _nouns_in(words: str) -> frozenset[str]:
    """Singular lowercase words of speaker words: does "the spokesman" continue them?"""
    return frozenset(singular(w.strip(",.;:()").removesuffix("’s").removesuffix("'s")) for w in words.lower().split())


def _last_in_reach(paragraph: int, said: list[_Said], accept=None) -> _Said | None:
    """The latest speaker in this paragraph or the one before, of a class in ``accept``."""
    for s in reversed(said):
        if s.paragraph < paragraph - 1:
            return None
        if accept is None or s.klass in accept:
            return s
    return None


@lru_cache(maxsize=8192)
def _head_of(words: str) -> str:
    head = _HEAD_CUT.sub("", words).strip()
    last = head.split()[-1] if head.split() else ""
    return singular(last.removesuffix("’s").removesuffix("'s")) if last.islower() else ""


@lru_cache(maxsize=8192)
def _class_of(words: str) -> str:
    """person | plural | thing | org | any — what a pronoun may later refer to."""
    low = words.lower()
    if low in PRONOUNS:
        return {"it": "thing", "they": "plural", "person": "person"}[PRONOUNS[low]]
    head_phrase = _HEAD_CUT.sub("", words).strip()
    if _PLURAL_START.search(head_phrase):
        return "plural"
    head = _head_of(words)
    if head:
        if head in _PERSON_NOUNS:
            return "person"
        last = head_phrase.split()[-1].lower()
        if last != head or last in ("police", "people", "authorities"):
            return "plural"
        return "thing"
    caps = [w for w in head_phrase.split() if w[:1].isupper()]
    if len(caps) >= 2 and not _ORGISH.search(head_phrase):
        return "person" if not _gazetteer_hit(head_phrase) else "thing"
    if len(caps) == 1 and not _gazetteer_hit(head_phrase):
        return "any"
    return "org" if _ORGISH.search(head_phrase) else "thing"


_ORGISH = re.compile(r"\b(?:Army|Front|Party|Movement|Organi[sz]ation|Council|Watch|International|Nations|"
                     r"Agency|Committee|Commission|Union|Brigades?|Forces?|Guards?|Corps|Group|Ministry|"
                     r"Department|Office|Authority|Government|[A-Z]{2,})\b")


def _gazetteer_hit(words: str) -> bool:
    from app.core.gazetteer import load

    return bool(load().find(words))


# --- suggest ---------------------------------------------------------------------------------


def suggest(
    text: str, spans: Sequence[Span], existing: Sequence[ProposedParty] = ()
) -> tuple[list[ProposedParty], list[Attribution]]:
    attributions = analyse(text, spans)
    new = propose_parties(text, attributions, existing)
    return new, assign_parties(text, attributions, [*existing, *new])
