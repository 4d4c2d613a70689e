"""The countries Counterclaim knows, and finding them in a short piece of text.

The data is ``app/core/data/gazetteer.json`` (every UN member state plus Palestine, Taiwan,
Kosovo and the Holy See: name, other names, capitals, demonyms, well-known bodies). It is read
with ``importlib.resources`` so it is found the same way in a checkout, an installed wheel and
a PyInstaller bundle, and parsed once per process.

Lookup is by word n-grams in a dict, not one giant regex: a regex alternation of ~1,500 names
is tried name by name at every position, a dict lookup is one hash per n-gram. Matching is
case-sensitive on purpose ("US" is a country, "us" is not; "Chad" the country and "chad"
nothing), after folding curly apostrophes to straight ones and dropping a possessive "’s".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# A word as gazetteer forms use it: letters first, then letters, digits, apostrophes, dots
# (U.S., D.C.) and hyphens (Guinea-Bissau, Port-au-Prince). Commas and brackets split words.
_WORD = re.compile(r"[^\W\d_][\w'’ʻ.\-]*")
# Possessive or plural-possessive ending that does not change which country is meant.
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")

# The longest string ``find`` remembers: speaker words and short windows recur, articles do not.
_CACHED = 200

NAME, ALT, CAPITAL, DEMONYM, BODY = "name", "alt", "capital", "demonym", "body"


@dataclass(frozen=True)
class Country:
    name: str
    alt: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()

    def aliases(self) -> list[str]:
        """Every form that names this country's side, the name first (a new list each call)."""
        forms = self.__dict__.get("_aliases")  # frozen: kept beside the fields, not as one
        if forms is None:
            forms = self.__dict__["_aliases"] = tuple(
                _unique([self.name, *self.alt, *self.capitals, *self.demonyms, *self.bodies])
            )
        return list(forms)


@dataclass(frozen=True)
class Mention:
    """A gazetteer form found in a string: ``text[start:end]``."""

    start: int
    end: int
    form: str
    kind: str  # NAME | ALT | CAPITAL | DEMONYM | BODY
    countries: tuple[str, ...]  # more than one when the form is shared ("Congolese")
    possessive: bool = False


@dataclass
class Gazetteer:
    countries: dict[str, Country]
    blocked: tuple[str, ...] = ()  # phrases that contain a country form but name no country
    _index: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    _found: dict[str, tuple[Mention, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_key: dict[tuple[str, ...], tuple[str, list[str]]] = {}
        for country in self.countries.values():
            for kind, forms in (
                (NAME, (country.name,)),
                (ALT, country.alt),
                (CAPITAL, country.capitals),
                (DEMONYM, _with_plurals(country.demonyms)),
                (BODY, country.bodies),
            ):
                for form in forms:
                    key = _key(form)
                    if not key:
                        continue
                    kind_now, names = by_key.setdefault(key, (kind, []))
                    if country.name not in names:
                        names.append(country.name)
        for key, (kind, names) in by_key.items():
            self._index[key] = (kind, tuple(names))
        self._block(self.blocked)
        self._reindex()  # once: its search pattern takes a tenth of a second to build

    def _reindex(self) -> None:
        # First word -> the longest form it starts: most words start no form and cost one lookup.
        self._first: dict[str, int] = {}
        for key in self._index:
            self._first[key[0]] = max(self._first.get(key[0], 0), len(key))
        # Every beginning of a form ("The", "The Gambia"): a scan stops reading words there.
        self._prefixes = {key[:n] for key in self._index for n in range(1, len(key) + 1)}
        self._starts = _starts_pattern(self._first)

    def _block(self, forms) -> None:
        """Phrases that contain a country form but name no country ("Latin America")."""
        for form in forms:
            key = _key(form)
            if key:
                self._index[key] = ("", ())

    def find(self, s: str) -> tuple[Mention, ...]:
        """Country forms in ``s``, longest match first, left to right, never overlapping."""
        if len(s) > _CACHED:  # a paragraph or a whole article: found afresh, never kept
            return tuple(self._find(s))
        found = self._found.get(s)
        if found is None:
            if len(self._found) > 50_000:  # speakers and short windows repeat; keep it bounded
                self._found.clear()
            found = self._found[s] = tuple(self._find(s))
        return found

    def _find(self, s: str) -> list[Mention]:
        return list(self.scan(s))

    def scan(self, s: str):
        """``find`` one mention at a time, nothing kept: a caller that knows its answer after
        the first few mentions of a long text (two countries: no sole country) stops there.

        Only where a form can start: one regex pass finds the words that may begin a form
        (a trie of first words), and the n-grams are read from there. Most words of an
        article are never looked at from Python; the answer is that of a word-by-word scan."""
        first, index, prefixes = self._first, self._index, self._prefixes
        taken = 0  # the end of the last word looked at: a form never overlaps the one before
        for c in self._starts.finditer(s):
            p = c.start()
            if p < taken or p and _CHAR.match(s, p - 1) and not _word_start(s, p):
                continue  # inside a form already found, or not a word's first letter ("SoUS")
            m = _WORD.match(s, p)
            norm = _norm(m.group())
            longest = first.get(norm, 0)
            if not longest:
                continue
            taken = m.end()
            words, norms = [m], [norm]
            while len(words) < longest:  # the next words, while they still begin some form
                m = _WORD.search(s, m.end())
                if m is None:
                    break
                norms.append(_norm(m.group()))
                if tuple(norms) not in prefixes:
                    norms.pop()
                    break
                words.append(m)
            for n in range(len(words), 0, -1):
                hit = index.get(tuple(norms[:n]))
                if hit is not None:
                    kind, names = hit
                    start, end = p, words[n - 1].end()
                    raw = s[start:end]
                    if names:
                        yield Mention(start, end, raw, kind, names, bool(_POSSESSIVE.search(raw)))
                    taken = end
                    break

    def is_form(self, s: str) -> bool:
        hit = self._index.get(_key(s))  # _key is cached
        return bool(hit and hit[1])


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """Fold apostrophes, drop a possessive and a sentence-final dot (keep the dots of U.S.)."""
    word = word.replace("’", "'").replace("ʻ", "'")
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
    elif word.endswith("s'"):
        word = word[:-1]
    if word.endswith(".") and "." not in word[:-1]:
        word = word[:-1]
    return word.rstrip("'-")


@lru_cache(maxsize=16384)
def _key(form: str) -> tuple[str, ...]:
    return tuple(_norm(m.group()) for m in _WORD.finditer(form))


# A character a word goes on with, and a letter that may start one (as ``_WORD`` reads them).
_CHAR = re.compile(r"[\w'’ʻ.\-]")
_LETTER = re.compile(r"[^\W\d_]")


def _word_start(s: str, p: int) -> bool:
    """Whether ``_WORD.finditer(s)`` starts a word at the letter ``s[p]``: no letter before it
    in the run of word characters it ends ("3-China" starts at C, "a-China" does not)."""
    j = p - 1
    while j >= 0 and _CHAR.match(s, j):
        if _LETTER.match(s, j):
            return False
        j -= 1
    return True


def _starts_pattern(first: dict[str, int]) -> re.Pattern:
    """Where a form may start: every first word, its apostrophes as the text may write them.
    A word whose normal form is a first word starts with it (``_norm`` only folds apostrophes
    and cuts endings), so every start is a match; the caller checks each one."""
    from app.core.lexicon import trie_pattern

    words = set()
    for word in first:
        variants = [""]
        for ch in word:
            variants = [v + c for v in variants for c in (("'", "’", "ʻ") if ch == "'" else (ch,))]
        words.update(variants)
    return re.compile(trie_pattern(sorted(words)))


def _with_plurals(demonyms: tuple[str, ...]) -> list[str]:
    """"Pakistani" also as "Pakistanis"; "Swiss", "Chinese" and "British" have no plural."""
    out = list(demonyms)
    for d in demonyms:
        if not d.endswith(("s", "sh", "ch", "x", "z", "ese")):
            out.append(d + "s")
    return out


def _unique(items) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer, parsed once."""
    raw = resources.files("app.core.data").joinpath("gazetteer.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    countries = {}
    for entry in data["countries"]:
        countries[entry["name"]] = Country(
            name=entry["name"],
            alt=tuple(entry.get("alt", ())),
            capitals=tuple(entry.get("capitals", ())),
            demonyms=tuple(entry.get("demonyms", ())),
            bodies=tuple(entry.get("bodies", ())),
        )
    return Gazetteer(countries, tuple(data.get("not_countries", [])))
