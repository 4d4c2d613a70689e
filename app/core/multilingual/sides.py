"""Which side a piece of Arabic, Persian, Urdu, French or Russian text names: the countries in
their own script, from pycountry's translations of the ISO 3166 names, and the project's own
parties and aliases.

Words are compared as each script writes them in running text:

* Arabic script: without diacritics and tatweel, one letter for the forms of alef, yeh, kaf
  and teh marbuta, and without the clitics that stick to a word ("و", "ب", "ل", "ال": "والسودان"
  is "سودان"); a longer word counts too, for the adjective ("السوداني", "ایرانی", "پاکستانی").
* Cyrillic: the stem without its last vowel ("Россия", "России", "российский"; "Украина",
  "Украины", "украинский").
* Latin (French): without accents; the stem without a final "e" ("Algérie", "algérien").

A country is named by its English name (the gazetteer's), so "ایران" and "Iran" are one party.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # harakat, superscript alef, tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ے": "ي",
                          "ک": "ك", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ۃ": "ه", "\u200c": " "})
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")
# a letter, then letters, marks (harakat, shadda, a stress accent), apostrophes and hyphens
_WORD = re.compile(r"[^\W\d_][\w'’\-\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670]*")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_ELISION = re.compile(r"^(?:l|d|qu|j|n|s|c)'(?=\w)")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def fold(word: str) -> str:
    """A word as this module compares it (see the module docstring)."""
    if _ARABIC.search(word):
        word = _DIACRITICS.sub("", word).translate(_LETTERS)
        for clitic in _CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                return word[len(clitic):]
        return word
    word = unicodedata.normalize("NFD", word.casefold())
    # accents off ("é" is "e", a stress mark goes), but not the marks that make a Cyrillic letter
    word = "".join(c for c in word if not unicodedata.combining(c) or c in "\u0306\u0308").replace("’", "'")
    word = unicodedata.normalize("NFC", word)
    word = _ELISION.sub("", word)  # "l'Algérie", "d'Algérie"
    if _CYRILLIC.search(word):
        return word[:-1] if len(word) > 4 and word[-1] in "аяьйыиуюео" else word
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded) for every word of ``text``; the Persian joiner splits words too."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text.replace("\u200c", " "))]


_ARABIC_SCRIPT = ("ar", "fa", "ur")


@lru_cache(maxsize=8)
def country_forms(language: str) -> dict[tuple[str, ...], str]:
    """Folded word sequence -> the country's English name, for one language; the three
    languages of the Arabic script share their forms (ISO's Urdu names are half untranslated,
    and "ایران", "پاکستان", "افغانستان" are written alike)."""
    if language in _ARABIC_SCRIPT:
        out: dict[tuple[str, ...], str] = {}
        for other in (language, *(x for x in _ARABIC_SCRIPT if x != language)):
            for key, name in _translated_forms(other).items():
                out.setdefault(key, name)
        return out
    return _translated_forms(language)


@lru_cache(maxsize=8)
def _translated_forms(language: str) -> dict[tuple[str, ...], str]:
    import pycountry

    from app.core import gazetteer

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    except OSError:
        return {}
    gaz = gazetteer.load()
    known = gaz.countries
    out: dict[tuple[str, ...], str] = {}
    for english, country in known.items():  # the English forms: Latin-script presses write many alike
        for form in (english, *country.alt, *country.capitals, *country.demonyms):
            key = tuple(w for _s, _e, w in words(form))
            if key and (len(key) > 1 or len(key[0]) >= 4):
                out.setdefault(key, english)
    by_label = {label: name for name, c in known.items() for label in (name, *c.alt)}
    for country in pycountry.countries:
        english = _gazetteer_name(country, by_label)
        if english is None:
            continue
        for label in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
            if not label:
                continue
            for form in {translate(label), label}:
                head = re.split(r"[,،(]", form)[0].strip()
                key = tuple(w for _s, _e, w in words(head))
                if key and (len(key) > 1 or len(key[0]) >= 3):
                    out.setdefault(key, english)
                short = _short_name(head)
                if short:
                    out.setdefault((short,), english)
    return out


_STATE_NOUNS = {"федерация", "республика"}


def _short_name(form: str) -> str | None:
    """The country a Russian formal name is the adjective of: "Российская Федерация" is
    "Росси…" (Россия, России, российский) — ISO gives the formal name only."""
    parts = form.split()
    if len(parts) == 2 and parts[1].lower() in _STATE_NOUNS and parts[0].lower().endswith("йская"):
        return fold(parts[0][:-5] + "я")
    return None


def _gazetteer_name(country, by_label: dict[str, str]) -> str | None:
    """The gazetteer's name of a pycountry country ("Russian Federation" is its "Russia")."""
    for label in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
        if label and label in by_label:
            return by_label[label]
    return None


def alias_forms(parties: Iterable) -> dict[tuple[str, ...], str]:
    """The project's parties: folded name or alias -> party name (a shared alias names none)."""
    out: dict[tuple[str, ...], str | None] = {}
    for party in parties:
        for form in (party.name, *party.aliases):
            key = tuple(w for _s, _e, w in words(form))
            if key:
                out[key] = party.name if out.get(key, party.name) == party.name else None
    return {k: v for k, v in out.items() if v is not None}


def mentions(text: str, forms: dict[tuple[str, ...], str]) -> list[tuple[int, int, str]]:
    """(start, end, side) of every form of ``forms`` in ``text``, longest first where they
    overlap; a longer word counts for a one-word form of three letters or more (an adjective)."""
    found = words(text)
    longest = max((len(k) for k in forms), default=0)
    out = []
    i = 0
    while i < len(found):
        hit = None
        for n in range(min(longest, len(found) - i), 0, -1):
            key = tuple(w for _s, _e, w in found[i:i + n])
            side = forms.get(key)
            if side is None and n == 1:
                side = _by_stem(key[0], forms)
            if side is not None:
                hit = (found[i][0], found[i + n - 1][1], side, n)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit[:3])
        i += hit[3]
    return out


def _by_stem(word: str, forms: dict[tuple[str, ...], str]) -> str | None:
    """A word that starts with a one-word form and goes on by an ending: an adjective or a case
    ("ایرانی", "российских", "maliennes")."""
    arabic = bool(_ARABIC.search(word))
    longest, shortest = (4, 4) if arabic else (6, 3)  # "پرو" (Peru) is not in "پروژه"
    for cut in range(len(word) - 1, shortest - 1, -1):
        side = forms.get((word[:cut],))
        if side is not None and cut >= max(shortest, len(word) - longest):
            return side
    return None
