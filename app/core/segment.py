"""Split article text into statements: one ``Span`` per sentence, offsets into the text.

The importer gives one paragraph per line. ``segment`` reads the text line by line and, in
each line, looks at every run of sentence-ending punctuation that is followed by whitespace
(one compiled regex). A few rules then decide whether the sentence really ends there:

* the next word starts in lower case      -> no  (``"Stop!" she shouted``, ``Well... maybe``)
* a title before the stop                 -> no  (``Mr.``, ``Gen.``, ``Lt.-Gen.``)
* ``e.g.``, ``i.e.``, ``vs.``, ``v.``       -> no
* ``No. 5``, ``Jan. 5``, ``pp. 12``        -> no  when a number follows
* ``U.S.``, ``Inc.``, initials            -> only when what follows clearly starts a sentence
                                              (``the U.S. The`` ends; ``the U.S. Senate`` and
                                              ``George W. Bush`` do not)
* ``a.m.``/``p.m.``                       -> yes, unless a weekday, month or time zone follows
* a quote, then ``Ahmed shouted.``        -> no  (a bare attribution is not a statement)
* inside a quotation still open whose    -> no  (``“Get. It. Out.”``, ``“Not today. Not ever.”``
  pieces all have at most three words           are one clipped sentence, not one-word statements)
* anything else                           -> yes

Closing quotes and brackets after the stop stay with the sentence (``law.”``), so a quote
that runs over two sentences splits with the opening quote in the first and the closing
quote in the second. ``۔`` and ``؟`` end sentences in Urdu, Persian and Arabic; scripts
without letter case are never held back by the lower-case rule.

Guarantees, for any ``str``: spans are ordered, non-overlapping, never empty, stripped of
whitespace (``str.isspace``), and never cross a line break (every break ``str.splitlines``
knows). Paragraphs are the lines that are not blank, numbered from 1, and every paragraph
has at least one span. Every non-whitespace character lies in some span except a list
marker (``•``, ``-``, ``1.``, ``(a)``) at the start of a line that has words after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.models import Span

# Every line break str.splitlines() knows, so a span can never run over a visible break.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")

_SPACE = re.compile(r"\s*")  # whitespace is what str.isspace() says, for re and str alike

# Direction marks travel with the punctuation next to them in right-to-left text.
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_OPENER_SET = frozenset("\"'“‘«‹([{¿¡" + _MARKS)
_CLOSERS = "[" + re.escape("\"'”’»›)]}" + _MARKS) + "]"
_OPENERS = "[" + re.escape("".join(sorted(_OPENER_SET))) + "]"

# A possible sentence end: a spaced ellipsis ". . ." or a run of stops, then any closing
# quotes/brackets, then whitespace. Stops at the very end of a line need no decision.
_STOP = re.compile(
    r"(?P<stop>\.(?:[ \u00a0]\.)+|[.!?…۔؟‼⁇⁈⁉]+)"
    rf"{_CLOSERS}*"
    r"(?=\s)"
)
# What follows a possible end: whitespace, opening quotes/brackets, then the next word.
_NEXT = re.compile(rf"\s*(?P<open>{_OPENERS}*)(?P<word>\w*)(?P<char>\S?)")

# A list marker at the start of a line: bullets and "1." "2)" "(3)" "a)" "(b)".
_MARKER = re.compile(
    r"\s*(?:[•◦▪▫‣●○■□►▸▶∙·*–-]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)|\([a-z]\))\s+(?=\S)"
)

# Words that precede a name: a full stop after them never ends a sentence.
_TITLES = frozenset(
    "Mr Mrs Ms Messrs Mme Dr Prof Gen Lt Col Maj Capt Cmdr Adm Brig Sgt Cpl Pvt Sen Rep Gov "
    "Pres Amb Rev Fr Hon Supt Insp Det Mt Ft".split()
)
# Lower-case abbreviations that sit inside a sentence.
_NEVER = frozenset("e.g i.e vs v cf viz".split())
# Abbreviations that come before a number: "No. 5", "Jan. 5", "pp. 12", "ca. 1900".
_BEFORE_NUMBER = frozenset(
    "No Nos no nos Art Vol vol Fig fig p pp para Ch ch Sec sec Nr approx ca est "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Abbreviations that may or may not end a sentence ("Apple Inc. said" / "Apple Inc. The").
_AMBIGUOUS = frozenset(
    "Inc Corp Ltd Co Bros Jr Sr St Ave Blvd Rd Dept Univ Gov't "
    "Calif Fla Ill Mass Mich Tex Wash Va Pa Md Ga Ariz Colo Conn Minn Tenn Ore Okla Wis Nev".split()
)
# Dotted abbreviations: U.S, U.K, U.N, a.m, p.m, D.C, Ph.D (the final dot is the stop).
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
# After a time ("at 5 p.m."), these capitalised words still belong to the time.
_TIME_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept "
    "Oct Nov Dec Eastern Central Pacific Mountain ET EST EDT CT PT PST PDT GMT BST UTC IST PKT "
    "CET CEST".split()
)
# A quote that ends with a stop, then a short attribution: '"Stop!" Ahmed shouted.' is one
# sentence, because 'Ahmed shouted.' on its own is not a statement. ('"Stop!" He said.'
# and '"Stop!" The officer shouted.' start with a sentence starter and are left alone.)
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|shouted|asked|added|replied|wrote|warned|"
    r"insisted|claimed|cried|yelled|screamed|whispered|answered|continued|explained|noted|"
    r"declared|stated|tweeted|recalled|argued|urged|demanded|exclaimed|responded|told\s+[\w'’]+)"
    r"\s*(?:[,.;!?]|$)"  # not ':' -- 'Ahmed said: "..."' opens a new sentence
)
# Words that clearly open a sentence, so an ambiguous abbreviation before them ends one.
_STARTERS = frozenset(
    "The A An This That These Those There Then Thus He She It They We I You His Her Its Their "
    "Our My Your But And Or So Yet In On At As By For From To With After Before During When "
    "While Since If Although Though However Meanwhile Moreover Also Still Now Earlier Later "
    "According Some Many Most All Both Each Such Other Another What Who Why How Where Last "
    "Mr Mrs Ms Dr".split()
)


# A closing guillemet or quote after a space, then the end or a space: it closes the sentence's quotation.
_SPACED_CLOSE = re.compile(r"[ \u00a0\u202f]+[»”](?=\s|$)")


def _span(start: int, end: int, paragraph: int) -> Span:
    """``Span(start, end, paragraph)``, without the frozen dataclass's guarded ``__init__``."""
    span = object.__new__(Span)
    d = span.__dict__
    d["start"] = start
    d["end"] = end
    d["paragraph"] = paragraph
    return span


def segment(text: str) -> list[Span]:
    """Split ``text`` into sentence spans, paragraph by paragraph (one paragraph per line)."""
    spans: list[Span] = []
    paragraph = 0
    for line in _LINE.finditer(text):
        lo, hi = line.span()
        marker = _MARKER.match(text, lo, hi)
        start = _SPACE.match(text, marker.end() if marker else lo, hi).end()
        if start == hi:
            continue  # a blank line is not a paragraph
        paragraph += 1
        quoting = _ANY_QUOTE.search(text, start, hi) is not None
        for stop in _STOP.finditer(text, start, hi):
            if _ends_sentence(text, stop, start, hi) and not (quoting and _clipped_quote(text, stop, lo, hi)):
                end = stop.end()
                spaced = _SPACED_CLOSE.match(text, end, hi) if quoting else None
                end = spaced.end() if spaced else end  # French « Rien. »: the quotation closes after a space
                spans.append(_span(start, end, paragraph))
                start = _SPACE.match(text, end, hi).end()
        if start < hi:
            end = len(text[start:hi].rstrip()) + start
            spans.append(_span(start, end, paragraph))
    return spans


def _ends_sentence(text: str, stop: re.Match[str], sentence_start: int, hi: int) -> bool:
    after = _NEXT.match(text, stop.end(), hi)
    word, first = after["word"], (after["word"][:1] or after["char"])
    if not first:
        return False  # only whitespace left: the line end closes the sentence
    if first.islower() and not word[1:2].isupper():
        return False  # lower case goes on ("iPhone" and "eBay" count as capitalised)
    mark = stop["stop"]
    if mark[0] in ".…" and first in ".…":
        return False  # a spaced ellipsis that goes on: "wait . . . ."
    begin = stop.start()
    if mark in ("...", "…", ". . .") and begin > sentence_start and text[begin - 1] in "([":
        return False  # "[…]" marks words left out, not an end
    quoted = text[stop.end() - 1] in "\"'”’»"
    speaker = word not in _STARTERS or word in _TITLES  # "Mr. Khan asked", not "He said"
    if quoted and speaker and _ATTRIBUTION.match(text, stop.end(), hi):
        return False
    if mark != ".":
        return True  # ! ? … and runs of stops end a sentence before a non-lower-case word
    return _full_stop_ends(text, begin, sentence_start, after, word, first)


def _full_stop_ends(
    text: str, begin: int, sentence_start: int, after: re.Match[str], word: str, first: str
) -> bool:
    """Whether a single full stop at ``begin``, before a word that is not lower case, ends
    the sentence: not after a list number, a title, "e.g.", "No." before a number, and after
    an initial or an ambiguous abbreviation only when a sentence clearly starts."""
    so_far = text[sentence_start:begin] if begin - sentence_start < 4 else ""
    if so_far.isdigit() or (len(so_far) == 1 and so_far.isalpha()):
        return False  # "3. Iran said", "A. The first item": a list number, not a sentence
    before = _word_before(text, begin, sentence_start)
    if before in _TITLES or before[max(before.rfind("."), before.rfind("-")) + 1 :] in _TITLES:
        return False
    if before in _NEVER:
        return False
    if before in _BEFORE_NUMBER:
        return not first.isdigit()
    if before.lower() in ("a.m", "p.m"):
        return word not in _TIME_WORDS  # "at 5 p.m. Iran's envoy" vs "at 5 p.m. Monday"
    if len(before) == 1 and before.isupper():  # an initial, or "Group B." / "posted on X."
        return bool(after["open"]) or word in _STARTERS or word in _TITLES
    if before in _AMBIGUOUS or _DOTTED.fullmatch(before):  # not titles: "U.S. Sen. Graham"
        return bool(after["open"]) or word in _STARTERS
    return True


def _clipped_quote(text: str, stop: re.Match[str], lo: int, hi: int) -> bool:
    """A stop inside a quotation still open after it, every piece of which has at most
    three words: "“Get. It. Out.”" is one sentence, clipped for effect."""
    if text[stop.end() - 1] in _CLOSE_QUOTES:
        return False  # the quotation closed with this stop
    begin = stop.start()
    near = text[max(lo, begin - 60) : begin]
    cut = max(near.rfind("."), near.rfind("!"), near.rfind("?"), near.rfind("…"), near.rfind("“"),
              near.rfind('"'), near.rfind("«"))
    if cut < 0 or near.count(" ", cut) > 3:
        return False  # this piece is longer than three words: no clipped quotation (most stops)
    lo = max(lo, begin - _QUOTE_REACH)  # a clipped quotation is short: look no further back
    opened = max(text.rfind("“", lo, begin), text.rfind("«", lo, begin))
    if opened >= 0:
        if max(text.rfind("”", opened, begin), text.rfind("»", opened, begin)) > opened:
            return False
        close = _CLOSING.search(text, stop.end(), min(hi, stop.end() + _QUOTE_REACH))
    else:
        opened = text.rfind('"', lo, begin)
        if opened < 0 or text.count('"', lo, begin) % 2 == 0:
            return False
        close = _STRAIGHT_CLOSING.search(text, stop.end(), min(hi, stop.end() + _QUOTE_REACH))
    if close is None:
        return False
    quotation = text[opened + 1 : close.start()]
    if "“" in quotation or "«" in quotation:
        return False  # another quotation opens first
    pieces = [p for p in _PIECE_BREAK.split(quotation) if p.strip()]
    return 1 < len(pieces) <= 5 and all(_SHORT_PIECE.fullmatch(p) for p in pieces)


_QUOTE_REACH = 200
_CLOSE_QUOTES = "\"”»"
_CLOSING = re.compile("[”»]")
_ANY_QUOTE = re.compile('[“«"]')
_STRAIGHT_CLOSING = re.compile('"')
# A short piece of a quotation: at most three words.
_SHORT_PIECE = re.compile(r"\s*\S+(?:\s+\S+){0,2}\s*")
_PIECE_BREAK = re.compile(r"(?<=[.!?…])\s+")


def _word_before(text: str, end: int, lo: int) -> str:
    """The word that ends at ``end``, without an opening quote or bracket in front."""
    start = text.rfind(" ", lo, end) + 1 or lo  # words end at a plain space, nearly always
    if start == end or _WORD_BREAK.search(text, start, end) is None:
        return text[start:end]
    start = end  # another space or an opener comes first: walk back to it
    while start > lo and not text[start - 1].isspace() and text[start - 1] not in _OPENER_SET:
        start -= 1
    return text[start:end]


# What ends a word for _word_before besides a plain space: other whitespace, an opener.
_WORD_BREAK = re.compile(rf"[\s{re.escape(''.join(sorted(_OPENER_SET)))}]")


def paragraphs_of(text: str, spans: Sequence[Span]) -> list[tuple[list[int], str, int]]:
    """The statements of each paragraph, in order: (span indices, the paragraph's text as its
    statements join, article offset of its first statement)."""
    out: list[tuple[list[int], str, int]] = []
    last = None
    for i, span in enumerate(spans):
        if span.paragraph != last:
            out.append(([], "", span.start))
            last = span.paragraph
        indices, body, at = out[-1]
        indices.append(i)
        out[-1] = (indices, (body + " " + text[span.start:span.end]).strip(), at)
    return out
