"""The reporting-verb lexicon: every form of every reporting verb, and one pattern that finds them.

The lemmas are data (``app/core/data/reporting_verbs.txt``, from a published quote-verb list,
its source named there); the forms are made here by the rules of English spelling, so a lemma
added to the file brings its inflections with it:

    third person   say -> says, deny -> denies, stress -> stresses, echo -> echoes
    past           vow -> vowed, deny -> denied, argue -> argued, slam -> slammed,
                   admit -> admitted (and admited: a polysyllable's doubling depends on stress,
                   so both spellings are made; the one that is not a word never occurs),
                   cancel -> cancelled and canceled
    -ing           argue -> arguing, slam -> slamming, deny -> denying
    -ise / -ize    criticise -> criticize, emphasise -> emphasize (both, every form)

``lexicon()`` reads the file once per process, on first use. ``cue_pattern()`` is the one
compiled regular expression, written as a trie (``trie_pattern``), that finds every cue of an
article in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SECTIONS = ("speech", "weak", "after-quote", "naming", "phrases")
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Lexicon:
    """Forms by what makes them speech (see the data file's sections)."""

    speech: frozenset[str]
    weak: frozenset[str]
    after_quote: frozenset[str]
    naming: frozenset[str]
    phrases: tuple[str, ...]  # every inflected multiword cue, longest first
    lemma_of: dict[str, str]  # form -> lemma
    past: frozenset[str]  # past tense and participle forms ("said", "denied", "sworn")

    @property
    def words(self) -> frozenset[str]:
        return self.speech | self.weak | self.after_quote | self.naming


def third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word.rstrip("e"))) or 1


def _doubles(lemma: str) -> list[bool]:
    """Whether the final consonant doubles before -ed/-ing: [True] for a stressed monosyllable
    ending consonant-vowel-consonant, [False, True] for a polysyllable (stress unknown)."""
    if len(lemma) < 3:
        return [False]
    c1, v, c2 = lemma[-3], lemma[-2], lemma[-1]
    cvc = c1 not in _VOWELS and v in _VOWELS and c2 not in _VOWELS and c2 not in "wxy"
    if not cvc:
        return [False]  # "claim", "shout", "vow", "add"
    return [True] if _syllables(lemma) == 1 else [False, True]


def _suffixed(lemma: str, suffix: str) -> list[str]:
    """lemma + "ed" or "ing" by the spelling rules."""
    if suffix == "ed":
        if lemma.endswith("e"):
            return [lemma + "d"]
        if lemma.endswith("y") and lemma[-2] not in _VOWELS:
            return [lemma[:-1] + "ied"]
    else:
        if lemma.endswith("ie"):
            return [lemma[:-2] + "ying"]
        if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
            return [lemma[:-1] + "ing"]
    return [lemma + lemma[-1] + suffix if double else lemma + suffix for double in _doubles(lemma)]


def _spellings(lemma: str) -> list[str]:
    if lemma.endswith("ise") and len(lemma) > 5:
        return [lemma, lemma[:-3] + "ize"]
    if lemma.endswith("ize") and len(lemma) > 5:
        return [lemma, lemma[:-3] + "ise"]
    return [lemma]


def inflections(lemma: str, irregular: tuple[str, ...] = ()) -> list[str]:
    """Every form of a lemma: base, third person, past (or the irregular ones given), -ing."""
    forms: list[str] = []
    for spelling in _spellings(lemma):
        forms += [spelling, third_person(spelling), *_suffixed(spelling, "ing"), *past_forms(spelling, irregular)]
    return list(dict.fromkeys(forms))


def past_forms(lemma: str, irregular: tuple[str, ...] = ()) -> list[str]:
    return list(irregular) if irregular else _suffixed(lemma, "ed")


def _phrase_forms(line: str) -> list[str]:
    words, _, past = line.partition("|")
    verb, *rest = words.split()
    tail = " " + " ".join(rest) if rest else ""
    return [f + tail for f in inflections(verb, tuple(past.split()))]


def parse(text: str) -> Lexicon:
    """The lexicon of a data file's text (see ``app/core/data/reporting_verbs.txt``)."""
    by_section: dict[str, set[str]] = {name: set() for name in SECTIONS}
    lemma_of: dict[str, str] = {}
    past: set[str] = set()
    section = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].replace("*", "").strip()
        if not line:
            continue
        if line.startswith("["):
            section = line.strip("[]")
            if section not in by_section:
                raise ValueError(f"unknown section [{section}] in the reporting-verb list")
            continue
        if section is None:
            raise ValueError(f"“{line}” comes before any section in the reporting-verb list")
        if section == "phrases":
            forms = _phrase_forms(line)
        else:
            lemma, *irregular = line.split()
            forms = inflections(lemma, tuple(irregular))
            for spelling in _spellings(lemma):
                past.update(past_forms(spelling, tuple(irregular)))
        for form in forms:
            lemma_of.setdefault(form, line.split()[0])
        by_section[section].update(forms)
    phrases = tuple(sorted(by_section["phrases"], key=len, reverse=True))
    return Lexicon(frozenset(by_section["speech"]), frozenset(by_section["weak"]),
                   frozenset(by_section["after-quote"]), frozenset(by_section["naming"]), phrases, lemma_of,
                   frozenset(past))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("app.core.data").joinpath("reporting_verbs.txt").read_text(encoding="utf-8")
    return parse(text)


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
