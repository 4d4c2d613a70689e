"""Who speaks in one sentence: quotation spans, the reporting cue and the words naming the speaker.

This module looks at one statement at a time and never decides a party. It answers:

* (where the direct quotations are is ``app.core.quotes``; statements arrive with theirs;
  where the reporting cues are and whether one is a verb there is ``app.core.cues``);
* whether the sentence reports speech, with which cue (said, denied, according to, …) and
  which words name the speaker (``find_speech``).

Shapes it knows (S = speaker words, Q = a quotation):

    S said (that) …            S, a spokeswoman for X, said …      However, S also said …
    Q, S said.   Q, said S.    …, S said (on Monday).              The strikes, S said, hit …
    According to S, …          …, according to S.                  In a statement, S condemned …
    S told reporters …         S was quoted as saying …            S called X a Y / described X as Y
    CITY, Oct 3 (Agency) – S said …  (the dateline is skipped: ``app.core.openers``)
    Asked whether …, S said …        As S noted, …                    While conceding …, S said …
    S, asked about …, said …   (the aside is not the speaker)     S did X but said …
    In his view / words / telling, …  According to him, …  (the pronoun is the speaker)
    X says …; Y calls for …    (two voices in one statement: neither)

A cue inside a quotation is never a cue (``“They said we lied,” she said`` speaks once), a
passive (``was denied entry``) or an infinitive (``declined to say``) is not speech, and the
subject has to look like a speaker (a name, a pronoun, or a word such as ministry, spokesman,
officials), so ``The strikes added to tensions`` stays narration.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from app.core.cues import (  # noqa: F401  (may_speak, _hits: the names this module always had)
    _ACCORDING,
    _FINITE,
    _STANCE_PRONOUN,
    OBJECT_PRONOUNS,
    _Cue,
    _cue_re,
    _hits,
    _is_verb,
    cue_matches,
    may_speak,
)
from app.core.openers import dateline_end
from app.core.speech_words import (  # noqa: F401  (PRONOUNS is read from here by parties)
    _ADVERBS,
    _DAYS,
    _PERIODS,
    _CLAUSE_WORDS,
    _ED_OK,
    PRONOUNS,
    SPEAKER_NOUNS,
    _INTRO_FIRST,
    _NOT_A_NAME,
    _COORDINATORS,
)

# "In a statement, …" / "In an interview with the BBC, …": the medium names a speech act even
# when the verb that follows is not a reporting verb ("In a statement, the army called the
# strikes …").
_MEDIUM = re.compile(
    r"^(?:In|in) (?:a|an|its|their|his|her|the) (?:(?:joint|brief|short|separate|written|later|"
    r"earlier|televised|video|late-night|rare|fresh|new|formal) )?(?:statement|communiqu[ée]|"
    r"press release|news release|post|tweet|interview|briefing|news conference|press conference|"
    r"letter|video|message|address|speech)\b[^,]{0,80},\s*"
)
@dataclass(frozen=True)
class Speech:
    """Reported speech found in one sentence. Offsets are relative to the sentence."""

    speaker: str
    start: int
    end: int
    cue: str
    cue_start: int
    how: str  # subject | inverted | according | final | parenthetical | medium


def _speech(speaker: str, start: int, end: int, cue: str, cue_start: int, how: str) -> Speech:
    """``Speech(...)`` without the frozen dataclass's guarded ``__init__``: one per cued sentence."""
    sp = object.__new__(Speech)
    d = sp.__dict__
    d["speaker"], d["start"], d["end"], d["cue"], d["cue_start"], d["how"] = speaker, start, end, cue, cue_start, how
    return sp


def find_speech(s: str, quotes: list[tuple[int, int]], cues=None) -> Speech | None:
    """The first reporting cue of ``s`` that has a speaker, or None (narration).

    ``quotes`` are the quotation spans relative to ``s``; ``cues``, if given, the sentence's
    cue matches from ``cue_matches`` (sentence offsets), so the sentence is not searched again.
    """
    def quoted(pos: int) -> bool:
        return any(a <= pos < b for a, b in quotes)

    if "ccording to" in s:
        for m in _ACCORDING.finditer(s):
            if not quoted(m.start()):
                speech = _according(s, m)
                if speech:
                    return speech
    lead = dateline_end(s) if s[:2].isupper() or s[:1] == "(" or ":" in s[:60] else 0
    stance = None
    for m in _cue_re().finditer(s) if cues is None else cues:
        if m.start() < lead or quoted(m.start()):
            continue
        words = m.group()
        if words[:3].lower() in ("in ", "by ") and words[3:].split(" ", 1)[0] in _STANCE_PRONOUN:
            stance = stance or m
            continue
        if not _is_verb(s, m, quotes):
            continue
        speech = _subject_speech(s, m, quotes, lead)
        if speech:
            return None if ";" in s[speech.cue_start :] and _two_voices(s, speech, quotes) else speech
    if s.startswith(("In ", "in "), lead):
        speech = _medium_speech(s, lead)
        if speech:
            return speech
    if stance is not None:
        words = stance.group()
        pronoun = _STANCE_PRONOUN[words[3:].split(" ", 1)[0]]
        return _speech(pronoun, stance.start(), stance.end(), words.lower(), stance.start(), "stance")
    return None


def _two_voices(s: str, speech: Speech, quotes) -> bool:
    """'India says the talks were useful; Beijing calls for sincerity': two speakers, each in
    its own clause, in one statement (a headline, mostly). It speaks for neither."""
    at = s.find(";", speech.cue_start)
    while at >= 0 and any(a <= at < b for a, b in quotes):
        at = s.find(";", at + 1)
    if at < 0:
        return False
    rest = s[at + 1 :]
    offset = at + 1 + len(rest) - len(rest.lstrip())
    other = find_speech(rest.lstrip(), [(a - offset, b - offset) for a, b in quotes if a >= offset])
    return other is not None and other.speaker.lower() not in PRONOUNS and other.speaker != speech.speaker


def _according(s: str, m: re.Match) -> Speech | None:
    start = m.end()
    end = _np_end(s, start)
    end = _extend_appositive(s, end)
    words = s[start:end].rstrip(" ,")
    if not words or not (plausible(words.split(",")[0]) or words.lower() in OBJECT_PRONOUNS):
        return None
    if _DATA_SOURCE.search(words.split(",")[0]):
        return None  # "according to United Nations figures": where a number comes from, not speech
    return Speech(words, start, start + len(words), "according to", m.start(), "according")


_DATA_SOURCE = re.compile(r"\b(?:figures|data|estimates?|statistics|tall(?:y|ies)|counts?|records|"
                          r"census|surveys?|polls?|maps?|satellite (?:images|imagery))$")


def _np_end(s: str, start: int) -> int:
    """End of a noun phrase that runs until punctuation, a quotation or a clause."""
    m = _NP_STOP.search(s, start)
    return m.start() if m else len(s.rstrip(" .!?"))


# A noun phrase after "according to" or after an inverted cue ends at punctuation or where a
# clause begins ("according to the army, which…" / "according to officials who spoke…").
_NP_STOP = re.compile(r"[,;:.!?()“”\"]|\s(?:that|which|who|and said|as)\s|\s[-–—]\s|[.!?]?\s*$")


def _extend_appositive(s: str, end: int) -> int:
    """Take ", a spokeswoman for the army," into the speaker when it follows a name."""
    m = _APPOSITIVE.match(s, end)
    if m and _has_speaker_noun(m.group("app")):
        return m.end("app")
    return end


_APPOSITIVE = re.compile(r",\s+(?P<app>(?:a|an|the|[A-Z][\w’']*’s|[A-Z][\w’']*'s)\s[^,;:.!?“”\"]{1,80}?)(?=\s*(?:[,;:.!?]|$))")


def _subject_speech(s: str, m: re.Match, quotes, lead: int = 0) -> Speech | None:
    cue_start, cue_end = m.start(), m.end()
    cue = m.group()
    if not s[cue_end:].strip() and cue_start > 0:
        return None  # "Casualties disputed": a subheading, not a sentence
    clause_start = lead  # after a dateline ("MANILA, March 5 – ")
    for _a, b in quotes:
        if b <= cue_start:
            clause_start = b + 1  # just after the closing mark
    clause_start = _clause_start(s, clause_start, cue_start)
    left = s[clause_start:cue_start]
    if cue == "quoted as saying":
        left = re.sub(r"\s+(?:was|were|is|are)\s*$", " ", left)
    core, had_comma = _strip_trailing(left)
    pieces = _pieces(core, clause_start)
    if not pieces:
        return _inverted(s, cue, cue_start, cue_end)
    # only a subject of several pieces looks at what follows the cue
    final = _ends_clause(s, cue_end, cue) if len(pieces) > 1 else ""
    for start, end, how in _subject_candidates(pieces, had_comma, final):
        words = s[start:end]
        head = words.split(",")[0]
        head_start = start
        trimmed = _drop_intro_words(head)
        head_start += len(head) - len(trimmed)
        if _np_ok(trimmed):
            end = _without_aside(s, head_start, end)
            return _speech(s[head_start:end], head_start, end, cue, cue_start, how)
    if had_comma:
        return _inverted(s, cue, cue_start, cue_end)
    if core.endswith((" and", " but", " but also", " and also")):
        return _coordinated(s, pieces, cue, cue_start)
    return None


def _clause_start(s: str, start: int, cue_start: int) -> int:
    """Where the clause of the cue begins: after a semicolon or a colon ("Insurgents attack a
    town; army says …", "'We eat once a day': the city under siege as …"), and after a
    subordinating "as"/"while" with no comma before the cue ("… as army and RSF trade blame")."""
    at = max(s.rfind(";", start, cue_start), s.rfind(": ", start, cue_start))
    if at >= 0:
        start = at + 1
    last = None
    if " as " in s or " while " in s or " whereas " in s:  # most sentences have none: no search
        for last in _SUBORDINATOR.finditer(s, start, cue_start):  # noqa: B007 - the last one is wanted
            pass
    if last is not None and "," not in s[last.end():cue_start]:
        start = last.end()
    return start


_SUBORDINATOR = re.compile(r"(?<!such)(?<!well)\s(?:as|while|whereas)\s(?!well\b|much\b|many\b|far\b|long\b|soon\b)")


# An aside after the speaker's name, not part of it: "Menon, asked about the talks, said",
# "The navy, speaking through a spokesman, said", "Roe, on a visit to Oslo, said".
_ASIDE = re.compile(r",\s+(?:[a-z]+(?:ed|ing)|on|in|at|during|after|before|while|when|for|from|like|as|"
                    r"speaking|answering|asked|pressed|quoted|writing)\b")


def _without_aside(s: str, start: int, end: int) -> int:
    if s.find(",", start, end) < 0:
        return end
    m = _ASIDE.search(s, start, end)
    if m is None or not _np_ok(s[start : m.start()]):
        return end
    return m.start()


def _coordinated(s: str, pieces, cue: str, cue_start: int) -> Speech | None:
    """'Kuppet, a smaller union, has not joined the strike but said …': the subject of the
    first verb is the subject of the second. Its noun phrase is the clause's first words."""
    k = 0
    while k < len(pieces) - 1 and _is_intro(pieces[k][2]):
        k += 1
    start = pieces[k][0]
    end = start
    for w in _WORD.finditer(s, start, pieces[k][1]):
        word = w.group().lower()
        if word in _CLAUSE_WORDS or word in _COORDINATORS or word.endswith("ed") and word not in _ED_OK:
            break  # the first verb: "boarded", "has"
        end = w.end()
    if s.startswith(")", end):
        end += 1
    words = s[start:end]
    if not words or len(words.split()) > 12 or not _np_ok(_drop_intro_words(words)):
        return None
    return _speech(words, start, end, cue, cue_start, "coordinated")


def _subject_candidates(pieces, had_comma: bool, final: str):
    """Where the subject may start, most likely first: (start, end, how)."""
    end = pieces[-1][1]
    k = 0
    while k < len(pieces) - 1 and _is_intro(pieces[k][2]):
        k += 1
    if had_comma or len(pieces) == 1 or k == len(pieces) - 1:
        yield pieces[k][0], end, "subject"
    last = pieces[-1]
    if len(pieces) > 1 and (final or _first_word(last[2]) in _COORDINATORS):
        if had_comma and len(pieces) > 2:
            yield pieces[-2][0], end, final or "subject"
        yield last[0], end, final or "subject"


def _inverted(s: str, cue: str, cue_start: int, cue_end: int) -> Speech | None:
    """'“…,” said Jane Roe, a spokeswoman for the army.'"""
    m = re.match(r"\s+", s[cue_end:])
    start = cue_end + (m.end() if m else 0)
    tail = s[start:].rstrip(" .!?”\"’)")
    if not tail or tail.startswith(("that ", "“", '"')):
        return None
    head = tail.split(",")[0]
    head = _strip_trailing(head)[0]
    if not _np_ok(head) or len(tail.split()) > 20 or _first_word(head) in PRONOUNS and head.lower() not in PRONOUNS:
        return None
    words = tail if "," in tail else head
    return Speech(words, start, start + len(words), cue, cue_start, "inverted")


def _medium_speech(s: str, lead: int = 0) -> Speech | None:
    """'In a statement, the army called the strikes …' — the medium is the cue."""
    m = _MEDIUM.match(s, lead)
    if not m:
        return None
    start = m.end()
    end = start
    for w in _WORD.finditer(s, start):
        word = w.group()
        if word[0].isupper() or word.lower() in _NP_WORDS or word.endswith(("’s", "'s")):
            end = w.end()
        else:
            break
    words = s[start:end]
    if not words or not _np_ok(words):
        return None
    cue = s[m.start() : m.end()].split(",")[0].strip()
    return Speech(words, start, end, cue, m.start(), "medium")


_WORD = re.compile(r"[\w’'.\-]+")
_NP_WORDS = SPEAKER_NOUNS | frozenset(
    "the a an of for foreign interior defence defense state media armed security public relations "
    "senior top local regional federal national military's army's".split()
)


def _strip_trailing(left: str) -> tuple[str, bool]:
    """Drop adverbs and time phrases between subject and cue; say whether a comma was there.

    Only the last few words can go: they are split off alone, and the whole text only when
    that many go (the same answer, without splitting a long clause into words every time).
    """
    stripped = left.rstrip()
    tail = stripped.rsplit(" ", _TAIL_WORDS)
    if len(tail) <= _TAIL_WORDS:
        return _strip_words(tail)
    core, had_comma = _strip_words(tail[1:])
    if core.count(" ") >= 1:  # two words or more were left: nothing before them was looked at
        return tail[0] + " " + core, had_comma
    return _strip_words(stripped.split(" "))


_TAIL_WORDS = 8
# A lower-case "-ly" word between subject and cue is an adverb ("Kyiv rarely comments"), except
# the nouns that end so and may speak or name one ("the family said", "an ally said").
_LY_ADVERB = re.compile(r"(?!(?:ally|family|assembly|rally|supply|reply|monopoly|anomaly|belly|"
                        r"bully|tally|homily|folly|holly|gully|lily|jelly)$)[a-z]{3,}ly")


def _strip_words(words: list[str]) -> tuple[str, bool]:
    had_comma = False
    while words:
        last = words[-1]
        if not last:
            words.pop()
            continue
        bare = last.rstrip(",").lower()
        if last.endswith(","):
            had_comma = True
            words[-1] = last = last[:-1]
            if not last:
                words.pop()
            continue
        if bare in _ADVERBS or bare in _DAYS or _LY_ADVERB.fullmatch(last):
            words.pop()
            if len(words) >= 1 and words[-1].lower() in ("on", "last", "late", "early", "earlier", "later", "this"):
                words.pop()
            continue
        if bare in _PERIODS and len(words) >= 2 and words[-2].lower() in ("last", "this"):
            del words[-2:]
            continue
        break
    return " ".join(words), had_comma


def _pieces(core: str, offset: int) -> list[tuple[int, int, str]]:
    """Split at commas outside brackets: (start, end, text) with sentence offsets, blanks dropped."""
    if "," not in core:  # one piece (brackets or not), the most common subject
        stripped = core.strip()
        if not stripped:
            return []
        a = offset + len(core) - len(core.lstrip())
        return [(a, a + len(stripped), stripped)]
    out = []
    depth = 0
    start = 0
    if "(" not in core and "[" not in core:  # the common case: every comma splits
        for part in core.split(","):
            out.append((start, start + len(part)))
            start += len(part) + 1
        return _kept(core, out, offset)
    for i, ch in enumerate(core):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == "," and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(core)))
    return _kept(core, out, offset)


def _kept(core: str, out: list[tuple[int, int]], offset: int) -> list[tuple[int, int, str]]:
    pieces = []
    for a, b in out:
        piece = core[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            pieces.append((offset + a, offset + a + len(stripped), stripped))
    return pieces


def _is_intro(piece: str) -> bool:
    first = _first_word(piece)
    return first in _INTRO_FIRST or first.endswith("ly") or first in _DAYS or bool(_PARTICIPIAL.match(piece))


# A participle clause before the speaker: "Pressed on whether …, she said", "Questioned by
# reporters, …", "Speaking at a rally, …", "Conceding that …, …".
_PARTICIPIAL = re.compile(
    r"[A-Z][a-z]+(?:ed|ing)\s+(?:on|by|about|whether|if|to|at|in|after|for|over|during|that|with|"
    r"from|outside|before|the|a|an|his|her|their|its)\b"
)


def _first_word(piece: str) -> str:
    parts = piece.split(None, 1)
    return parts[0].lower().strip(",:;“\"") if parts else ""


def _drop_intro_words(head: str) -> str:
    """'But the ministry' -> 'the ministry'; 'However Iran' -> 'Iran'."""
    while True:
        parts = head.split(None, 1)
        if len(parts) == 2 and parts[0].lower() in ("but", "and", "however", "meanwhile", "yet", "still", "so", "now", "as"):
            head = parts[1]
            continue
        m = _LATER.match(head)
        if m is None or m.end() == len(head):
            return head
        head = head[m.end():]  # "Hours later Ferrada", "Two days later the ministry"


# A time phrase before the subject with no comma after it: "Hours later", "A day later".
_LATER = re.compile(r"(?:(?:A|An|One|Two|Three|Four|Five|Several|Some|Few)\s+)?(?:[Mm]inutes|[Hh]ours|"
                    r"[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Mm]oments|[Yy]ears?)\s+(?:later|earlier)\s+")


def _ends_clause(s: str, cue_end: int, cue: str) -> str:
    """'final' when only a time or place phrase follows the cue, 'parenthetical' before a comma."""
    rest = s[cue_end:].strip().rstrip(".!?”\"’)").strip()
    if not rest:
        return "final"
    if rest.startswith(","):
        return "parenthetical"
    first = _first_word(rest)
    if (first in ("on", "in", "at", "late", "early", "last", "this", "earlier", "later", "during", "via", "through")
            or first in _DAYS) \
            and not _FINITE.search(rest) and " that " not in f" {rest} " and len(rest.split()) <= 10:
        return "final"
    if cue in ("told", "tells") and len(rest.split()) <= 8 and not _FINITE.search(rest) and " that " not in f" {rest} ":
        return "final"
    return ""


@lru_cache(maxsize=16384)
def _np_ok(head: str) -> bool:
    """Does ``head`` look like a noun phrase that can speak?

    A relative clause on a person is allowed ("a commander who gave his name as Aslam"); it
    is judged on the words before "who".
    """
    words = head.split()
    if "who" in words[1:]:
        cut = words.index("who")
        if len(words) - cut > 12:
            return False
        words = words[:cut]
        head = " ".join(words)
    if not words or len(words) > 14:
        return False
    for w in words:
        bare = w.strip(",;:()“”\"‘’").lower()
        if bare in _CLAUSE_WORDS:
            return False
        if w[:1].islower() and bare.endswith("ed") and "-" not in bare and bare not in _ED_OK:
            return False
    return plausible(head)


def plausible(head: str) -> bool:
    """A name, a pronoun or a noun that can speak ("the ministry", "witnesses")."""
    words = head.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    for i, w in enumerate(words):
        bare = w.strip(",;:()“”\"‘’")
        if not bare:
            continue
        if bare[0].isupper() and not (i == 0 and bare.lower() in _NOT_A_NAME):
            return True
        if _singular(bare.lower().removesuffix("’s").removesuffix("'s")) in SPEAKER_NOUNS:
            return True
    return False


def _has_speaker_noun(phrase: str) -> bool:
    return any(_singular(w.strip(",.").lower()) in SPEAKER_NOUNS for w in phrase.split()[:6])


def _singular(word: str) -> str:
    if word in SPEAKER_NOUNS:
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix):
            cand = word[: -len(suffix)] + repl
            if cand in SPEAKER_NOUNS:
                return cand
    return word


def singular(word: str) -> str:
    return _singular(word.lower())
