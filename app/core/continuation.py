"""Who speaks in each statement of an article, and whom a statement without a speaker continues.

    analyse(text, spans) -> list[Attribution]
        kind (quote / reported / narration), speaker words, cue, quotation spans, and
        carried_from when a statement continues an earlier speaker ("It urged…",
        "The statement added…", "The ministry also said…", a quotation running on).

Sentence by sentence, ``app.core.speakers`` finds the cue and the speaker words; this module
links them: pronouns and definite descriptions to the speaker they continue, quotations to the
statement where they close. It never decides a party (``app.core.attribution`` does).

Statement numbers in reasons are 1-based (as the desk shows them); ``carried_from`` is a
0-based index into the same list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Sequence

from app.core.interviews import answers
from app.core.releases import in_full
from app.core.models import Attribution, Span
from app.core.mentions import subject_person
from app.core.quotes import QuoteIndex
from app.core.vague import vague
from app.core.cues import OBJECT_PRONOUNS, _Cue, _hits, cue_matches
from app.core.speakers import PRONOUNS, Speech, find_speech, singular

__all__ = ["StatementAttribution", "analyse", "NARRATION_SURE", "NARRATION_UNSURE", "VAGUE"]

# ``speaker_class`` of a statement whose speaker speaks for no side (``app.core.vague``).
VAGUE = "vague"


@dataclass(frozen=True)
class StatementAttribution(Attribution):
    """An ``Attribution`` that remembers where its statement and speaker words are.

    ``span`` and ``speaker_at`` (article offset of the speaker words) let party assignment
    read the article around the speaker ("the army" -> the army the article named last).
    Plain ``Attribution`` objects work too, with ties resolved article-wide.

    ``speaker_class`` is ``VAGUE`` ("vague") when the speaker is a source of no side
    ("analysts", "witnesses", "a person familiar with …"), or continues one: such a statement is
    the outlet's narration (kind "narration", no party), and its speaker words are never a party.
    """

    span: Span | None = None
    speaker_at: int | None = None
    speaker_class: str | None = None


_new = object.__new__


def _made(kind, speaker, cue, party, confidence, quotes, carried_from, reason, span, speaker_at,
          speaker_class=None):
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
    d["speaker_class"] = speaker_class
    return a


# How sure "no party" is: no cue at all, or quotation marks / a speaker we could not place.
NARRATION_SURE, NARRATION_UNSURE = 0.8, 0.5

# Words that continue whoever spoke last, whatever their number: "The statement added…".
_CONTINUATION_NOUNS = frozenset(
    "statement report communique communiqué release letter post message tweet video document reply response "
    "note readout transcript remarks comments account submission filing notice".split()
)
# "Its statement", "Their reply": the speaker's own words, whoever spoke last.
_POSSESSIVE_TEXT = re.compile(r"^(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z][\w\-]*\s+){0,2}(?P<head>[a-z][\w\-]*)$")
# Generic heads that continue an earlier speaker with the same head: "The ministry also said…".
_PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officer minister president premier chancellor
    secretary chief commander general leader head director representative diplomat ambassador envoy
    prosecutor judge lawyer attorney analyst expert source witness resident survivor villager doctor
    medic campaigner activist observer researcher scientist economist professor student worker farmer
    negotiator mediator man woman governor mayor senator lawmaker legislator king queen prince emir
    sheikh cleric ayatollah inspector investigator""".split()
)
_ORG_GENERIC = frozenset(
    "group organisation organization movement outfit faction militia coalition alliance union federation "
    "association league bloc front network body".split()
)
# "Spokesman Arvind Rao", "A spokeswoman", "Its spokesman, Colonel Li": a spokesperson of no
# body named speaks for the body that spoke just before.
_BARE_SPOKES = re.compile(r"^(?:(?:[Aa]n?|[Ii]ts|[Tt]heir)\s+)?(?:(?:chief|senior|deputy)\s+)?[Ss]pokes(?:man|woman|person)"
                          r"(?:\s*,?\s+(?:[A-Z][\w.’'\-]*\s*)+)?$")
# "A department spokesman", "an army official", "a ministry source": someone of a body that spoke.
_OF_BODY = re.compile(r"^(?:[Aa]n?|[Oo]ne)\s+(?:senior\s+|other\s+)?(?P<body>[a-z]+)\s+"
                      r"(?:spokes(?:man|woman|person)|official|officer|representative|statement)$")
_DEFINITE = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w\-’']*\s+){0,3}(?P<head>[a-z][\w\-]*)$")
_PLURAL_START = re.compile(r"^(?:[Bb]oth|[Tt]hey)\b|\b(?:and|&)\b")
_OWNER = re.compile(r"^[Tt]he\s+(?:[a-z]+\s+)?(?P<owner>[a-z]+)[’']s\s")
_HEAD_CUT = re.compile(r"\s*(?:,|\(|\b(?:of|for|from|at|to|in|with|on|who|which)\b).*$")


# --- analyse ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    span: Span
    speech: Speech | None
    quotes: list[tuple[int, int]]  # article offsets, clipped to the statement
    quote_led: bool  # starts with, or inside, a quotation
    cue_outside: bool = False  # a cue word outside the quotations (even if no speaker was found)
    para: int = 0  # the paragraph as a reader counts them: page lines between do not count
    sentence: str = ""  # the statement's text, kept when it was read for a speaker


@dataclass(slots=True)
class _Said:
    """What analyse knows about a statement that has a speaker."""

    index: int
    paragraph: int
    root: int  # the statement whose words named the speaker
    klass: str  # person | plural | thing | org | any
    head: str  # head noun of the root speaker ("ministry"), "" for names
    root_words: str
    vague: bool = False  # a source of no side: what continues it is narration too
    mention_at: int | None = None  # a person named in a narration sentence (article offset)


def analyse(text: str, spans: Sequence[Span]) -> list[Attribution]:
    quotes = QuoteIndex(text)
    cues = cue_matches(text)
    hits = _hits(text, cues)
    cue_starts = [c[0] for c in cues]
    found = [_find(text, span, quotes, hits, cues, cue_starts) for span in spans]
    _reader_paragraphs(text, found)
    said: list[_Said] = []  # statements with a speaker, in order
    out: list[Attribution] = []
    for i, f in enumerate(found):
        attribution, info = _attribute(i, f, found, said, out, quotes)
        out.append(attribution)
        if info is None and f.speech is None and not f.quote_led and attribution.kind == "narration" \
                and _person_follows(found, i):
            info = _mention(i, f, text, said)
        if info is not None:
            said.append(info)
    for i, (words, at) in answers(text, spans).items():
        a = out[i]
        if a.kind == "narration" or a.speaker is None or not _names_someone(a.speaker):
            # "The Thai side. We have the times …": the interviewee's answer, cue or not
            out[i] = _made("reported", words, None, None, 0.0, a.quotes, None,
                           f"an answer in a question-and-answer interview with {words}", spans[i], at)
    for i, (words, at) in in_full(text, spans).items():
        a = out[i]
        if _NO_COMMENT.search(text, spans[i].start, spans[i].end):
            continue  # "The RSF did not reply.": who did not answer, not what the issuer claims
        if a.kind == "narration" or a.speaker is None or _speaks_for_issuer(a.speaker, words):
            # "The Ministry wishes to inform …" in a release printed whole: the issuer's
            out[i] = _made("reported", words, None, None, 0.0, a.quotes, None,
                           f"a statement of {words}, printed in full", spans[i], at)
    return out


def _speaks_for_issuer(speaker: str, issuer: str) -> bool:
    """Inside a release: "we", "the Company", "Cordillera", "Jane Roe, President and CEO"."""
    low = speaker.lower()
    if low in PRONOUNS or low in ("we", "us") or _GENERIC_SELF.fullmatch(speaker) or not _names_someone(speaker):
        return True  # "we", "the Company", "the Ministry": how a release names its issuer
    if set(speaker.replace(",", " ").split()) & set(issuer.replace(",", " ").split()) - _SMALL_WORDS:
        return True
    _, _, described = speaker.partition(", ")
    return bool(described) and bool(_OFFICER.match(described))


_SMALL_WORDS = frozenset("The the of for and a an".split())
_NONSTATE_GENERIC = frozenset("union group movement party front alliance coalition organisation organization "
                              "federation association militia faction outfit".split())
_STATE_BODY_WORD = re.compile(r"\b(?:Ministry|ministry|Government|government|Army|army|Police|police|Department|"
                              r"Cabinet|Presidency|Parliament|Embassy)\b")
_NO_COMMENT = re.compile(r"\b(?:did not|didn['’]t|has not|have not|had not|could not be|declined to|refused to)\s+"
                         r"(?:reply|respond|comment|be reached|reached)")
_GENERIC_SELF = re.compile(r"(?:[Tt]he|[Oo]ur) [A-Z][a-z]+")
# An officer of the issuer, named in a release with their title only: "President and CEO".
_OFFICER = re.compile(r"(?:(?:Senior|Executive|Vice|Deputy|Chief|Managing|General)\s+)*(?:President|Chair|"
                      r"Chairman|Chairwoman|Director|Officer|CEO|Manager|Spokes\w+|Secretary|Head)\b")


def _names_someone(speaker: str) -> bool:
    """Speaker words that name a speaker ("Thailand", "the foreign ministry"), not "Every army"."""
    first = speaker.split()[0].lower() if speaker.split() else ""
    return first not in _UNNAMED_FIRST and speaker.lower() not in PRONOUNS


_UNNAMED_FIRST = frozenset("every each no some any all many most few".split())


def _reader_paragraphs(text: str, found: list[_Found]) -> None:
    """Number paragraphs as a reader carries a speaker over them: a line that is not prose (a
    link, a heading, a "Read more: …" or "Share this story" line, with no sentence end and no
    speaker) sits between two paragraphs without separating them."""
    n, last, prose = 0, None, True
    for k, f in enumerate(found):
        p = f.span.paragraph
        if p != last:
            if last is not None and prose:
                n += 1
            last, prose = p, _prose(text, found, k)
        f.para = n


def _prose(text: str, found: list[_Found], k: int) -> bool:
    p = found[k].span.paragraph
    group = []
    while k < len(found) and found[k].span.paragraph == p:
        group.append(found[k])
        k += 1
    if len(group) > 2 or any(g.speech is not None or g.quotes for g in group):
        return True
    return text[group[-1].span.start : group[-1].span.end].rstrip()[-1:] in ".!?”\"’)…"


def _person_follows(found: list[_Found], i: int) -> bool:
    """Does one of the next two statements speak as "he"/"she" or open with a quotation? Only
    then is a narration sentence read for the person it names."""
    for g in found[i + 1 : i + 3]:
        if g.quote_led or g.speech is not None and g.speech.speaker.lower() in _PERSONAL:
            return True
    return False


_PERSONAL = frozenset("he she him her".split())


def _mention(i: int, f: _Found, text: str, said: list[_Said]) -> _Said | None:
    """A person named as the subject of a narration sentence ("Kumar was more specific."):
    the next "he said" or quotation is theirs. A name an earlier speaker had continues that
    speaker; a new one is read as speaker words where the pronoun is."""
    span = subject_person(text[f.span.start : f.span.end])
    if span is None:
        return None
    words = text[f.span.start + span[0] : f.span.start + span[1]]
    names = {w for w in words.replace("’s", " ").replace("'s", " ").split() if w[:1].isupper()}
    for s in reversed(said):
        if s.paragraph < f.para - 1:
            break  # named long before: read by name where it is
        if s.klass in ("person", "any") and s.mention_at is None and names & set(s.root_words.split()):
            return _Said(s.index, f.para, s.root, "person", s.head, s.root_words, s.vague)
    return _Said(i, f.para, i, "person", _head_of(words), words, False, f.span.start + span[0])


def _named_by_mention(i, f: _Found, j: _Said, kind: str, cue, quotes_t, pronoun: str):
    """The statement after a narration sentence that named a person: theirs, by name."""
    words = j.root_words
    reason = f"“{pronoun}” is {words}, named in statement {j.index + 1}"
    info = _Said(i, f.para, i, "person", j.head, words)
    return _made(kind, words, cue, None, 0.0, quotes_t, None, reason, f.span, j.mention_at), info


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
    return _Found(span, speech, inside, quote_led, cue_outside, 0, sentence)


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
        if ref != "pronoun" and ref != "continuation" and vague(words):
            info = _Said(i, f.para, i, _class_of(words), _head_of(words), words, True)
            reason = f"speaker “{words}”, cue “{sp.cue}”: a source of no side, so the outlet’s narration"
            return _made("narration", words, sp.cue, None, NARRATION_UNSURE, quotes_t, None, reason,
                         f.span, at, VAGUE), info
        if ref == "named":
            info = _Said(i, f.para, i, _class_of(words), _head_of(words), words)
            reason = f"speaker “{words}”, cue “{sp.cue}”"
            return _made(kind, words, sp.cue, None, 0.0, quotes_t, None, reason,
                                        f.span, at), info
        j = None if ref == "definite" and _placed(f, found, sp) else _antecedent(ref, words, f.para, said, i)
        if j is None and ref in ("definite", "of-body", "spokesperson"):  # "the army" with no earlier army: a speaker of its own
            info = _Said(i, f.para, i, _class_of(words), _head_of(words), words)
            reason = f"speaker “{words}”, cue “{sp.cue}”"
            return _made(kind, words, sp.cue, None, 0.0, quotes_t, None, reason,
                                        f.span, at), info
        if j is None:
            reason = f"“{words} {sp.cue}”, but no earlier speaker in reach"
            return _made(kind, words, sp.cue, None, 0.0, quotes_t, None, reason,
                                        f.span, at), None
        if j.mention_at is not None:
            return _named_by_mention(i, f, j, kind, sp.cue, quotes_t, f"{words} {sp.cue}")
        info = _continue(i, f, j.root, said, j)
        reason = f"continues the speaker of statement {j.index + 1} (“{words} {sp.cue}”)"
        if j.vague:
            return _made("narration", words, sp.cue, None, NARRATION_UNSURE, quotes_t, j.index,
                         f"{reason}: a source of no side", f.span, at, VAGUE), info
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


def _placed(f: _Found, found, sp: Speech) -> bool:
    """'In Baku, the defence ministry said …': a country, capital or demonym before the
    definite speaker places it there; it is not the ministry that spoke before."""
    if sp.start < 4:
        return False
    from app.core.gazetteer import load

    return bool(load().find(f.sentence[: sp.start]))


def _continue(i, f: _Found, root: int, said: list[_Said], parent: _Said) -> _Said:
    return _Said(i, f.para, root, parent.klass, parent.head, parent.root_words, parent.vague)


def _quotation(i, f: _Found, found, said: list[_Said], quotes: QuoteIndex):
    """A statement that is (part of) a quotation with no cue of its own."""
    quotes_t = tuple(f.quotes)
    first = quotes.containing(f.quotes[0][0])
    opened_before = first is not None and first[0] < f.span.start
    if opened_before and said and said[-1].index == i - 1:
        j = said[-1]
        reason = f"the quotation of statement {i} runs on; continues its speaker"
        return _carried(i, f, j, reason, quotes_t), _continue(i, f, j.root, said, j)
    if opened_before and i and found[i - 1].span.start <= first[0]:
        # it opened in the statement before, whose speaker was not found: not an earlier one's
        return _made("quote", None, None, None, NARRATION_UNSURE, quotes_t, None,
                     f"the quotation of statement {i} runs on; its speaker was not recognised",
                     f.span, None), None
    if first is not None and first[1] > f.span.end:  # runs on: attributed where it closes?
        for k in range(i + 1, min(len(found), i + 12)):
            g = found[k]
            if g.span.start > first[1]:
                break
            if g.speech is not None and g.span.start + g.speech.cue_start >= first[1] \
                    and _reference(g.speech.speaker) == "named":
                words = g.speech.speaker
                if vague(words):
                    info = _Said(i, f.para, k, _class_of(words), _head_of(words), words, True)
                    reason = f"the quotation closes in statement {k + 1}, where “{words}”, a source of no side, speaks"
                    return _made("narration", words, g.speech.cue, None, NARRATION_UNSURE, quotes_t, None,
                                 reason, f.span, g.span.start + g.speech.start, VAGUE), info
                info = _Said(i, f.para, k, _class_of(words), _head_of(words), words)
                reason = f"the quotation is attributed where it closes, in statement {k + 1} (“{words}”)"
                return _made("quote", words, g.speech.cue, None, 0.0, quotes_t, k, reason,
                                            f.span, g.span.start + g.speech.start), info
            if g.speech is None and g.cue_outside and g.span.start < first[1] <= g.span.end:
                # '“…,” a voice on the radio said': attributed where it closes, to someone unknown
                return _made("quote", None, None, None, NARRATION_UNSURE, quotes_t, None,
                             f"the quotation closes in statement {k + 1}, attributed to a speaker not recognised",
                             f.span, None), None
    j = _last_in_reach(f.para, said)
    if j is not None and j.mention_at is not None:
        return _named_by_mention(i, f, j, "quote", None, quotes_t, "the quotation")
    if j is None:
        return _made("quote", None, None, None, 0.0, quotes_t, None,
                                    "a quotation with no speaker in reach", f.span, None), None
    reason = f"a quotation with no cue; continues the speaker of statement {j.index + 1}"
    return _carried(i, f, j, reason, quotes_t), _continue(i, f, j.root, said, j)


def _carried(i, f: _Found, j: _Said, reason: str, quotes_t) -> StatementAttribution:
    if j.vague:
        return _made("narration", j.root_words, None, None, NARRATION_UNSURE, quotes_t, j.index,
                     f"{reason}: a source of no side", f.span, None, VAGUE)
    return _made("quote", j.root_words, None, None, 0.0, quotes_t, j.index, reason, f.span, None)


@lru_cache(maxsize=8192)
def _reference(words: str) -> str:
    """How speaker words refer: named, pronoun, continuation ("The statement"), definite ("the ministry")."""
    low = words.lower()
    if low in PRONOUNS or low in OBJECT_PRONOUNS:
        return "pronoun"
    m = _OF_BODY.match(words)
    if m and _is_body(m.group("body")):
        return "of-body"
    if _BARE_SPOKES.match(words):
        return "spokesperson"
    m = _POSSESSIVE_TEXT.match(words)
    if m and singular(m.group("head")) in _CONTINUATION_NOUNS:
        return "continuation"
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
                    "commission", "committee", "court", "guard", "service"}


def _antecedent(ref: str, words: str, paragraph: int, said: list[_Said], index: int = -1) -> _Said | None:
    """The earlier speaker that speaker words referring by ``ref`` continue, or None."""
    return _ANTECEDENTS.get(ref, _definite_antecedent)(words, paragraph, said, index)


def _continued_antecedent(words: str, paragraph: int, said: list[_Said], index: int) -> _Said | None:
    """"the embassy's statement": the embassy, if it spoke; else the last speaker in reach."""
    owner = _OWNER.match(words)
    if owner:
        hit = _last_body(singular(owner.group("owner")), said)
        if hit is not None:
            return hit
    return _last_in_reach(paragraph, said, mentions=False)


def _pronoun_antecedent(words: str, paragraph: int, said: list[_Said], index: int) -> _Said | None:
    low = words.lower()
    want = PRONOUNS[OBJECT_PRONOUNS.get(low, low)]
    accept = {"it": ("thing", "org", "any"), "they": ("plural",), "person": ("person", "any")}[want]
    hit = _last_in_reach(paragraph, said, accept)
    if hit is None and want == "they":
        hit = _last_in_reach(paragraph, said, ("org",))  # "The BLA said … They said"
    return hit


def _spokesperson_antecedent(words: str, paragraph: int, said: list[_Said], index: int) -> _Said | None:
    """"A spokesman said": the body that spoke in the statement just before, if one did."""
    last = said[-1] if said else None
    ok = last is not None and last.index == index - 1 and last.mention_at is None and not last.vague
    return last if ok and last.klass in ("org", "thing", "plural") else None


def _of_body_antecedent(words: str, paragraph: int, said: list[_Said], index: int) -> _Said | None:
    """The body must have spoken: otherwise a speaker of its own."""
    return _last_body(_OF_BODY.match(words).group("body"), said)


def _definite_antecedent(words: str, paragraph: int, said: list[_Said], index: int) -> _Said | None:
    """"the ministry": the last ministry that spoke, however far back."""
    head = singular(_DEFINITE.match(words).group("head"))
    for s in reversed(said):
        if s.head == head or head in _nouns_in(s.root_words):
            return s
        if head in _ORG_GENERIC and s.klass in ("org", "plural") and s.head in _ORG_GENERIC | {""} \
                and not (head in _NONSTATE_GENERIC and _STATE_BODY_WORD.search(s.root_words)):
            return s  # "the group" after "The BLA said"; not "the union" after "The Ministry of Health said"
    return None


def _last_body(body: str, said: list[_Said]) -> _Said | None:
    return next((s for s in reversed(said) if s.mention_at is None and body in _nouns_in(s.root_words)), None)


_ANTECEDENTS = {
    "continuation": _continued_antecedent, "pronoun": _pronoun_antecedent,
    "spokesperson": _spokesperson_antecedent, "of-body": _of_body_antecedent,
}


@lru_cache(maxsize=8192)
def _nouns_in(words: str) -> frozenset[str]:
    """Singular lowercase words of speaker words: does "the spokesman" continue them?"""
    return frozenset(singular(w.strip(",.;:()").removesuffix("’s").removesuffix("'s")) for w in words.lower().split())


def _last_in_reach(paragraph: int, said: list[_Said], accept=None, mentions: bool = True) -> _Said | None:
    """The latest speaker in this paragraph or the one before, of a class in ``accept``."""
    for s in reversed(said):
        if s.paragraph < paragraph - 1:
            return None
        if (accept is None or s.klass in accept) and (mentions or s.mention_at is None):
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
    low = OBJECT_PRONOUNS.get(low, low)
    if low in PRONOUNS:
        return {"it": "thing", "they": "plural", "person": "person"}[PRONOUNS[low]]
    head_phrase = _HEAD_CUT.sub("", words).strip()
    if _PLURAL_START.search(head_phrase):
        return "plural"
    if " " not in head_phrase and head_phrase[:1].isupper() and head_phrase.lower() != singular(head_phrase):
        return _class_of(head_phrase.lower())  # "Observers said …": a plural noun, capitalised first
    if _TITLED.search(head_phrase):
        return "person"  # "China's navy spokesman Li Wei", "Venezuela's vice-president"
    head = _head_of(words)
    if head:
        last = head_phrase.split()[-1].lower()
        if head in _PERSON_NOUNS:
            return "person" if last.removesuffix("’s").removesuffix("'s") == head else "plural"
        if last != head or last in ("police", "people", "authorities"):
            return "plural"
        return "thing"
    caps = [w for w in head_phrase.split() if w[:1].isupper()]
    if len(caps) >= 2 and not _ORGISH.search(head_phrase):
        return "person" if not _gazetteer_hit(head_phrase) else "thing"
    if len(caps) == 1 and not _gazetteer_hit(head_phrase):
        return "any"
    return "org" if _ORGISH.search(head_phrase) else "thing"


# A person noun (the last part of a hyphenated one too) then, at the end, nothing or a name.
_TITLED = re.compile(
    r"(?:^|[\s\-])(?:" + "|".join(sorted(_PERSON_NOUNS, key=len, reverse=True)) + r")(?:\s+(?:[A-Z][\w.’'\-]*\s*)+)?$"
)
_ORGISH = re.compile(r"\b(?:Army|Front|Party|Movement|Organi[sz]ation|Council|Watch|International|Nations|"
                     r"Agency|Committee|Commission|Union|Brigades?|Forces?|Guards?|Corps|Group|Ministry|"
                     r"Department|Office|Authority|Government|[A-Z]{2,})\b")


def _gazetteer_hit(words: str) -> bool:
    from app.core.gazetteer import load

    return bool(load().find(words))
