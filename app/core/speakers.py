"""Who speaks in one sentence: quotation spans, the reporting cue and the words naming the speaker.

This module looks at one statement at a time and never decides a party. It answers:

* (where the direct quotations are is ``app.core.quotes``; statements arrive with theirs);
* whether the sentence reports speech, with which cue (said, denied, according to, …) and
  which words name the speaker (``find_speech``).

Shapes it knows (S = speaker words, Q = a quotation):

    S said (that) …            S, a spokeswoman for X, said …      However, S also said …
    Q, S said.   Q, said S.    …, S said (on Monday).              The strikes, S said, hit …
    According to S, …          …, according to S.                  In a statement, S condemned …
    S told reporters …         S was quoted as saying …

A cue inside a quotation is never a cue (``“They said we lied,” she said`` speaks once), a
passive (``was denied entry``) or an infinitive (``declined to say``) is not speech, and the
subject has to look like a speaker (a name, a pronoun, or a word such as ministry, spokesman,
officials), so ``The strikes added to tensions`` stays narration.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

# --- reporting cues ------------------------------------------------------------------------

# Reporting verbs by base form. The forms are listed, not generated, so irregular ones
# (said, told, wrote) and spelling variants (criticised/criticized) are plain to see.
CUE_VERBS: dict[str, str] = {
    "say": "said says say",
    "tell": "told tells",
    "add": "added adds",
    "claim": "claimed claims",
    "deny": "denied denies",
    "accuse": "accused accuses",
    "urge": "urged urges",
    "warn": "warned warns",
    "condemn": "condemned condemns",
    "confirm": "confirmed confirms",
    "vow": "vowed vows",
    "admit": "admitted admits",
    "stress": "stressed stresses",
    "insist": "insisted insists",
    "state": "stated states",
    "announce": "announced announces",
    "assert": "asserted asserts",
    "allege": "alleged alleges",
    "argue": "argued argues",
    "acknowledge": "acknowledged acknowledges",
    "reiterate": "reiterated reiterates",
    "note": "noted notes",
    "explain": "explained explains",
    "declare": "declared declares",
    "maintain": "maintained maintains",
    "contend": "contended contends",
    "reject": "rejected rejects",
    "dismiss": "dismissed dismisses",
    "demand": "demanded demands",
    "threaten": "threatened threatens",
    "pledge": "pledged pledges",
    "promise": "promised promises",
    "blame": "blamed blames",
    "criticise": "criticised criticized criticises criticizes",
    "denounce": "denounced denounces",
    "slam": "slammed slams",
    "welcome": "welcomed welcomes",
    "describe": "described describes",
    "tweet": "tweeted tweets",
    "write": "wrote writes",
    "post": "posted",
    "report": "reported reports",
    "respond": "responded responds",
    "reply": "replied replies",
    "counter": "countered",
    "suggest": "suggested suggests",
    "caution": "cautioned cautions",
    "emphasise": "emphasised emphasized emphasises emphasizes",
    "complain": "complained complains",
    "refute": "refuted refutes",
    "dispute": "disputed disputes",
    "ask": "asked asks",
    "reveal": "revealed reveals",
    "estimate": "estimated estimates",
    "predict": "predicted predicts",
    "call": "called calls",  # only as "called for" / "called on": see _CUE
    "quote": "quoted",  # only as "quoted as saying"
}
# Verbs that are as often plain actions ("added 500 buses", "noted for its") as speech:
# they count only with a complement that reports something (that, a quote, a colon, a clause).
WEAK = frozenset(
    "added adds noted notes stated states maintained maintains described describes posted "
    "reported reports welcomed welcomes revealed reveals suggested suggests estimated estimates "
    "predicted predicts asked asks".split()
)
_FORMS = sorted({f for forms in CUE_VERBS.values() for f in forms.split()} - {"called", "calls", "quoted"}, key=len, reverse=True)
# One pass finds every candidate cue in a sentence. Multi-word cues come first so
# "called for" wins over nothing and "quoted as saying" is one cue.


def trie_pattern(words) -> str:
    """An alternation written as a trie ("sa(?:id|ys)"): the regex engine then tries one branch
    per letter instead of every word at every position (several times faster on long text)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            body = "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


_CUE = re.compile(
    r"\b(?:(?P<multi>calls? (?:for|on)|called (?:for|on)|quoted as saying)|(?P<verb>"
    + trie_pattern(_FORMS)
    + r"))\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
# "In a statement, …" / "In an interview with the BBC, …": the medium names a speech act even
# when the verb that follows is not a reporting verb ("In a statement, the army called the
# strikes …").
_MEDIUM = re.compile(
    r"^(?:In|in) (?:a|an|its|their|his|her|the) (?:(?:joint|brief|short|separate|written|later|"
    r"earlier|televised|video|late-night|rare|fresh|new|formal) )?(?:statement|communiqu[ée]|"
    r"press release|news release|post|tweet|interview|briefing|news conference|press conference|"
    r"letter|video|message|address|speech)\b[^,]{0,80},\s*"
)
# Complement that makes a weak cue speech: that-clause, quotation, colon, comma, end.
_REPORTS = re.compile(r"\s*(?:that\b|[:,“\"‘]|[.!?…]?[”\"’)]*\s*$)")
_FINITE = re.compile(r"\b(?:was|were|is|are|had|has|have|would|will|could|should|must|did|can|may|might)\b")
_PASSIVE = frozenset("was were been being is are be am".split())
_NOT_SPEECH_BEFORE = frozenset("to not never n't the a an his her its their these those such our my your "
                               "of no any".split())
# What may stand between the subject and its cue, and what may follow a sentence-final cue.
_ADVERBS = frozenset(
    "also however further furthermore later again previously earlier separately repeatedly strongly "
    "flatly firmly publicly reportedly quickly swiftly immediately categorically vehemently then too "
    "has have had only once initially subsequently privately officially explicitly bluntly simply "
    "already since similarly likewise meanwhile nonetheless".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())
_PERIODS = frozenset("week month year night weekend".split())
# Words that mark a clause, not a noun phrase: the "subject" before a cue must not hold them.
_CLAUSE_WORDS = frozenset(
    "that which who whom whose when after before while because since if although though until where "
    "than whether is are was were has have had will would can could should may might must did does do "
    "been being not there amid".split()
)
# -ed words that are adjectives in a noun phrase ("armed groups", "unnamed officials").
_ED_OK = frozenset(
    "armed unnamed alleged united concerned retired elected appointed named detained self-styled "
    "so-called exiled banned outlawed proscribed designated veteran red bed shed".split()
)
PRONOUNS = {"it": "it", "they": "they", "he": "person", "she": "person"}
# Nouns that can speak (singular forms; plurals are found by stripping "s"/"es").
SPEAKER_NOUNS = frozenset(
    """ministry government army military navy police authority administration cabinet parliament
    office department agency embassy ambassador envoy consulate council commission committee court
    spokesman spokeswoman spokesperson official officer minister president premier chancellor
    secretary chief commander general leader head director representative diplomat delegation
    prosecutor judge lawyer attorney analyst expert source witness resident survivor villager
    doctor medic group organisation organization movement party faction militant rebel separatist
    insurgent fighter force statement report communique communiqué release letter post
    broadcaster media outlet newspaper agency regime junta coalition alliance union wing unit
    campaigner activist observer monitor researcher scientist economist professor student worker
    family relative farmer people citizen official negotiator mediator mission team
    governor mayor senator lawmaker legislator king queen prince emir sheikh cleric ayatollah
    watchdog charity regulator inspector investigator police-chief sheriff
    """.split()
)
_DETERMINERS = frozenset(
    "the a an this that these those its their his her our both some many several most all other "
    "another each no but and however meanwhile yet so one two three".split()
)
_INTRO_FIRST = frozenset(
    "however meanwhile separately earlier later on in at after before during speaking asked "
    "responding writing addressing but and yet still also moreover furthermore nonetheless "
    "nevertheless instead for from with without under as since when while although though despite "
    "last this late early elsewhere today yesterday overnight hours days weeks months then thus "
    "in addition separately".split()
)
_COORDINATORS = frozenset("and but while whereas yet so".split())


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


def may_speak(text: str) -> list[int]:
    """Article offsets where a cue may start (a reporting verb, "according to"): one scan of
    the whole article, so a statement with none (and not opening "In a statement, …") is
    narration at once."""
    return _hits(text, cue_matches(text))


def _hits(text: str, cues: list[tuple[int, int, str, str | None]]) -> list[int]:
    hits = [c[0] for c in cues]
    at = text.find("ccording to")
    if at >= 0:  # the regex tried only where it can match: what finditer finds, found faster
        while at >= 0:
            if at and _ACCORDING.match(text, at - 1):
                hits.append(at - 1)
            at = text.find("ccording to", at + 1)
        hits.sort()
    return hits


def cue_matches(text: str) -> list[tuple[int, int, str, str | None]]:
    """Every reporting-cue match of an article: (start, end, words, verb or None for a
    multi-word cue). A sentence's matches are the article's that lie inside it (a cue never
    spans a sentence end), so ``find_speech`` can take them instead of searching again."""
    return [(*m.span(), *m.group(0, "verb")) for m in _CUE.finditer(text)]


class _Cue:
    """An article's cue match seen from one sentence: the parts of ``re.Match`` used here."""

    __slots__ = ("_start", "_end", "_words", "_verb")

    def __init__(self, start: int, end: int, words: str, verb: str | None) -> None:
        self._start, self._end, self._words, self._verb = start, end, words, verb

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name=0):
        return self._words if name == 0 else self._verb


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
    for m in _CUE.finditer(s) if cues is None else cues:
        if quoted(m.start()) or not _is_verb(s, m):
            continue
        speech = _subject_speech(s, m, quotes)
        if speech:
            return speech
    return _medium_speech(s) if s.startswith(("In ", "in ")) else None


def _is_verb(s: str, m: re.Match) -> bool:
    cue = m.group()
    before = s[max(0, m.start() - 80) : m.start()].rsplit(None, 2)[-2:]  # the two words before the cue
    prev = before[-1].lower().strip(",") if before else ""
    if prev in _ADVERBS and len(before) > 1:
        prev = before[-2].lower().strip(",")
    if cue == "quoted as saying":
        return prev in _PASSIVE
    if prev in _PASSIVE or prev in _NOT_SPEECH_BEFORE:
        return False  # "was denied entry", "declined to say", "the claims"
    if cue.endswith("s") and before and before[-1].endswith(("’s", "'s")):
        return False  # "Iran's claims": a noun
    if m.group("verb") in WEAK:
        rest = s[m.end() :]
        if not (_REPORTS.match(rest) or _FINITE.search(rest) or rest.lstrip().startswith(("the ", "it "))
                and " as " in rest):
            return False
    return True


def _according(s: str, m: re.Match) -> Speech | None:
    start = m.end()
    end = _np_end(s, start)
    end = _extend_appositive(s, end)
    words = s[start:end].rstrip(" ,")
    if not words or not plausible(words.split(",")[0]):
        return None
    return Speech(words, start, start + len(words), "according to", m.start(), "according")


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


def _subject_speech(s: str, m: re.Match, quotes) -> Speech | None:
    cue_start, cue_end = m.start(), m.end()
    cue = m.group()
    if not s[cue_end:].strip() and cue_start > 0:
        return None  # "Casualties disputed": a subheading, not a sentence
    clause_start = 0
    for a, b in quotes:
        if b <= cue_start:
            clause_start = b + 1  # just after the closing mark
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
            return _speech(s[head_start:end], head_start, end, cue, cue_start, how)
    if had_comma:
        return _inverted(s, cue, cue_start, cue_end)
    return None


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


def _medium_speech(s: str) -> Speech | None:
    """'In a statement, the army called the strikes …' — the medium is the cue."""
    m = _MEDIUM.match(s)
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
        if bare in _ADVERBS or bare in _DAYS:
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
    return first in _INTRO_FIRST or first.endswith("ly") or first in _DAYS


def _first_word(piece: str) -> str:
    parts = piece.split(None, 1)
    return parts[0].lower().strip(",:;“\"") if parts else ""


def _drop_intro_words(head: str) -> str:
    """'But the ministry' -> 'the ministry'; 'However Iran' -> 'Iran'."""
    while True:
        parts = head.split(None, 1)
        if len(parts) == 2 and parts[0].lower() in ("but", "and", "however", "meanwhile", "yet", "still", "so", "now"):
            head = parts[1]
        else:
            return head


def _ends_clause(s: str, cue_end: int, cue: str) -> str:
    """'final' when only a time or place phrase follows the cue, 'parenthetical' before a comma."""
    rest = s[cue_end:].strip().rstrip(".!?”\"’)").strip()
    if not rest:
        return "final"
    if rest.startswith(","):
        return "parenthetical"
    first = _first_word(rest)
    if first in ("on", "in", "at", "late", "early", "last", "this", "earlier", "later", "during", "via", "through") \
            or first in _DAYS:
        if not _FINITE.search(rest) and " that " not in f" {rest} " and len(rest.split()) <= 10:
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
        if bare[0].isupper() and not (i == 0 and bare.lower() in _DETERMINERS):
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
