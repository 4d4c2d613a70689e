"""What a statement is about, as features an inverted index can hold.

``analyse(text)`` reads a statement once and returns an :class:`Analysis`:

* ``terms``: feature key -> the words in the text that gave it (for reasons a journalist reads).
  Keys are interned strings of five kinds:

  ========================  ==================================================================
  ``strik``                 a content word, lower-cased and lightly stemmed (stop words dropped;
                            hyphenated words also give their parts: "cross-border" -> "border")
  ``e:balochistan …``       a name of two or more capitalised words or acronyms
  ``p:sistan-o-baluchistan``  a place: a name after "in/at/near/from…" or before "province/region…"
  ``#2``                    a number, in digits or words ("two", "2", "1,200" -> ``#1200``)
  ``c:targets``             a concept: a stance axis or synonym group from :mod:`.cues`,
                            and ``c:count`` for an amount of people ("two people")
  ========================  ==================================================================

* ``poles``: ``"axis:pole"`` -> the cue that put the statement there ("targets:civilians" ->
  "civilian"); only for the stance axes.
* ``quantity``: the first amount of people, as written ("number of terrorists"), or None.

Pure, stdlib only, and quick: each distinct word is looked at once and remembered, so the
work per statement is a dictionary look-up per word plus a few cue checks.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from app.core.matching import cues

__all__ = ["Analysis", "analyse", "stem", "stance_pairs"]

# Numbers ("1,200", "3.5") and words (letters, with inner hyphens or apostrophes: "al-Adl",
# "Pakistan’s", "self-defence", "Sistan-o-Baluchistan").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’‘\-‐‑][^\W_]+)*")
_HYPHENS = re.compile(r"[\-‐‑]")
_POSSESSIVE = ("'s", "’s", "‘s")


def stem(word: str) -> str:
    """A light English stemmer for lower-case words: plurals, -ed, -ing and a final -e.

    "strikes"/"strike" -> "strik", "denied"/"denies" -> "deny", "planning" -> "plan".
    It only needs to send the inflections of one word to one key; the keys are never shown.
    """
    if len(word) <= 3 or not word.isascii():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) > 4:
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class _Word:
    """Everything about one surface form that does not depend on its neighbours."""

    lower: str  # lower-case, apostrophes straightened, possessive dropped
    stem: str  # interned
    stop: bool
    name: bool  # capitalised (or an acronym) and not a stop word: may be part of a name
    possessive: bool
    number: str | None  # "#2" for "two", "2", "02"
    parts: tuple[str, ...]  # stems of the parts of a hyphenated word


_WORDS: dict[str, _Word] = {}
_WORDS_LIMIT = 200_000


def _word(surface: str) -> _Word:
    found = _WORDS.get(surface)
    if found is not None:
        return found
    if len(_WORDS) >= _WORDS_LIMIT:
        _WORDS.clear()
    lower = surface.lower().replace("’", "'").replace("‘", "'")
    possessive = lower.endswith("'s") and len(lower) > 2
    if possessive:
        lower = lower[:-2]
    number = _number_key(surface, lower)
    stop = lower in cues.STOP_WORDS or (len(lower) < 2 and number is None)
    acronym = len(surface) >= 2 and surface.isupper()
    capital = surface[0].isupper() or any(p[:1].isupper() for p in _HYPHENS.split(surface)[1:])
    name = acronym or (capital and not stop)
    parts = _part_stems(lower)
    if name and not acronym and len(lower) >= 5 and lower.isalpha():
        parts += _demonym_bases(lower)
    found = _Word(lower, sys.intern(stem(lower)), stop, name, possessive, number, parts)
    _WORDS[surface] = found
    return found


def _number_key(surface: str, lower: str) -> str | None:
    """The number key: "#2" for "2", "02" or "two", "#1200" for "1,200"; None for a word."""
    if surface[0].isdigit():
        digits = surface.replace(",", "")
        if digits.isdigit() or digits.replace(".", "", 1).isdigit():
            if "." not in digits:
                digits = digits.lstrip("0") or "0"
            return sys.intern("#" + digits)
        return None
    if lower in cues.NUMBER_WORDS:
        return sys.intern(f"#{cues.NUMBER_WORDS[lower]}")
    return None


def _part_stems(lower: str) -> tuple[str, ...]:
    """The stems of a hyphenated word's parts ("cross-border" -> "cross", "border"), stop
    words and single letters left out; () for a word without a hyphen."""
    if not _HYPHENS.search(lower):
        return ()
    return tuple(
        sys.intern(stem(p)) for p in _HYPHENS.split(lower) if len(p) > 1 and p not in cues.STOP_WORDS
    )


def _demonym_bases(lower: str) -> tuple[str, ...]:
    """The country a capitalised adjective may name: "Pakistani" -> "pakistan", "Iranian" ->
    "iran", "Kenyan" -> "kenya". A guess that is wrong gives a key nothing else has."""
    if lower.endswith("ian"):
        bases = (lower[:-3], lower[:-1])  # Iranian -> Iran, Syrian -> Syria
    elif lower.endswith(("ean", "yan", "can")):
        bases = (lower[:-1],)  # Korean -> Korea, Kenyan -> Kenya, American -> America
    elif lower.endswith("i"):
        bases = (lower[:-1],)  # Pakistani -> Pakistan, Israeli -> Israel
    else:
        return ()
    return tuple(sys.intern(stem(b)) for b in bases if len(b) >= 3)


# -- cues, stemmed once -------------------------------------------------------------------


def _phrase(cue: str) -> tuple[str, ...]:
    return tuple(_word(m.group()).stem for m in _TOKEN.finditer(cue))


# first stem -> [(stems of the phrase, axis or group name, pole or None)], longest first
_CUES: dict[str, list[tuple[tuple[str, ...], str, str | None]]] = {}
for _axis, (_kind, _poles) in cues.AXES.items():
    for _pole, _words in _poles.items():
        for _cue in _words:
            _stems = _phrase(_cue)
            if _stems:
                _CUES.setdefault(_stems[0], []).append((_stems, _axis, _pole))
for _group, _words in cues.GROUPS.items():
    for _cue in _words:
        _stems = _phrase(_cue)
        if _stems:
            _CUES.setdefault(_stems[0], []).append((_stems, _group, None))
for _list in _CUES.values():
    _list.sort(key=lambda entry: -len(entry[0]))

AXIS_KIND = {axis: kind for axis, (kind, _) in cues.AXES.items()}
_NEGATORS = frozenset(_word(w).stem for w in cues.NEGATORS)
_TIES = frozenset(_word(w).stem for w in cues.TIE_WORDS)
_QUANTIFIERS = frozenset(_word(w).stem for w in cues.QUANTIFIERS)
_PEOPLE = frozenset(_word(w).stem for w in cues.PEOPLE)
_PLACE_AFTER = frozenset(_word(w).stem for w in cues.PLACE_AFTER)
_CONCEPT_KEYS = {name: sys.intern("c:" + name) for name in (*cues.AXES, *cues.GROUPS, "count")}
_POLE_KEYS = {
    (axis, pole): sys.intern(f"{axis}:{pole}") for axis, (_, poles) in cues.AXES.items() for pole in poles
}
POLE_OF = {key: pair for pair, key in _POLE_KEYS.items()}  # "axis:pole" -> (axis, pole)


@dataclass(frozen=True, slots=True)
class Analysis:
    terms: dict[str, str]
    poles: dict[str, str]
    quantity: str | None


def analyse(text: str) -> Analysis:
    """The features of one statement (see the module docstring). Never raises on a ``str``."""
    matches = list(_TOKEN.finditer(text))
    surfaces = [m.group() for m in matches]
    words = [_word(s) for s in surfaces]
    terms: dict[str, str] = {}
    poles: dict[str, str] = {}
    quantity = None
    n = len(words)

    for i, w in enumerate(words):
        surface = surfaces[i]
        if w.number is not None:
            terms.setdefault(w.number, surface)
        elif not w.stop:
            terms.setdefault(w.stem, surface[:-2] if w.possessive else surface)
            for part in w.parts:
                terms.setdefault(part, surface)

        # cue words and phrases
        entries = _CUES.get(w.stem)
        if entries:
            for stems, name, pole in entries:
                k = len(stems)
                if k > 1 and (i + k > n or any(words[i + j].stem != stems[j] for j in range(1, k))):
                    continue
                cue = " ".join(surfaces[i : i + k])
                terms.setdefault(_CONCEPT_KEYS[name], cue)
                if pole is not None:
                    poles.setdefault(_POLE_KEYS[name, pole], cue)
        # "no links", "denied any involvement", "not involved"
        if w.stem in _TIES:
            for back in (1, 2):
                if i - back >= 0 and words[i - back].stem in _NEGATORS:
                    cue = " ".join(surfaces[i - back : i + 1])
                    terms.setdefault(_CONCEPT_KEYS["ties"], cue)
                    terms.setdefault(_CONCEPT_KEYS["claim"], cue)
                    poles.setdefault(_POLE_KEYS["ties", "no ties"], cue)
                    poles.setdefault(_POLE_KEYS["claim", "denies"], cue)
                    break
        # an amount of people: "two people", "a number of terrorists", "heavy casualties"
        if quantity is None and (w.number is not None or w.stem in _QUANTIFIERS):
            for j in range(i + 1, min(i + 4, n)):
                if words[j].stem in _PEOPLE:
                    quantity = " ".join(surfaces[i : j + 1])
                    terms.setdefault(_CONCEPT_KEYS["count"], quantity)
                    break

    _names(text, matches, words, surfaces, terms)
    return Analysis(terms, poles, quantity)


def _names(text: str, matches: list[re.Match], words: list[_Word], surfaces: list[str],
           terms: dict[str, str]) -> None:
    """Add ``e:`` keys for names of two words or more and ``p:`` keys for places.

    A name is a run of capitalised words (or acronyms), with small joiners inside ("Bank of
    England"); it ends at a possessive, a stop word or any punctuation between two words.
    """
    n = len(words)

    def spaced(j: int) -> bool:  # only whitespace between word j-1 and word j
        gap = text[matches[j - 1].end() : matches[j].start()]
        return not gap or gap.isspace()

    i = 0
    while i < n:
        if not words[i].name:
            i += 1
            continue
        start, end, count = i, i + 1, 1
        while end < n and not words[end - 1].possessive:
            nxt = words[end]
            if not spaced(end):
                break
            if nxt.name:
                end, count = end + 1, count + 1
            elif (nxt.lower in cues.NAME_JOINERS and end + 1 < n and words[end + 1].name
                  and spaced(end + 1)):
                end, count = end + 2, count + 1
            else:
                break
        lowers = " ".join(w.lower for w in words[start:end])
        surface = " ".join(surfaces[start:end])
        if words[end - 1].possessive:
            surface = surface[:-2]
        if count >= 2:
            terms.setdefault(sys.intern("e:" + lowers), surface)
        before = words[start - 1].lower if start > 0 else ""
        after = words[end].stem if end < n else ""
        if before in cues.PLACE_BEFORE or after in _PLACE_AFTER:
            terms.setdefault(sys.intern("p:" + lowers), surface)
        i = end


def stance_pairs(a: dict[str, str], b: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Where two statements' poles differ on one axis: ``[(axis, kind, a_cue, b_cue)]``.

    ``a`` and ``b`` are :attr:`Analysis.poles`. An axis counts when each statement sits at a
    pole the other does not (a statement at both poles of an axis only differs from one
    that sits at exactly one).
    """
    by_axis_a: dict[str, dict[str, str]] = {}
    for key, cue in a.items():
        axis, pole = POLE_OF[key]
        by_axis_a.setdefault(axis, {})[pole] = cue
    by_axis_b: dict[str, dict[str, str]] = {}
    for key, cue in b.items():
        axis, pole = POLE_OF[key]
        by_axis_b.setdefault(axis, {})[pole] = cue
    found = []
    for axis in sorted(by_axis_a.keys() & by_axis_b.keys()):
        pa, pb = by_axis_a[axis], by_axis_b[axis]
        only_a = sorted(pa.keys() - pb.keys())
        only_b = sorted(pb.keys() - pa.keys())
        if only_a and only_b:
            found.append((axis, AXIS_KIND[axis], pa[only_a[0]], pb[only_b[0]]))
        elif pa.keys() != pb.keys() and (only_a or only_b):
            # one side at both poles: it answers the other side's single pole
            pole_a = only_a[0] if only_a else None
            pole_b = only_b[0] if only_b else None
            if pole_a is not None:
                other = next(iter(sorted(pb)))
                found.append((axis, AXIS_KIND[axis], pa[pole_a], pb[other]))
            elif pole_b is not None:
                other = next(iter(sorted(pa)))
                found.append((axis, AXIS_KIND[axis], pa[other], pb[pole_b]))
    return found
