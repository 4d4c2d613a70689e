"""Places inside a country (provinces, regions, states, counties, city districts) -> the country.

"Officials in Syunik province", "the deputy governor of Cabo Delgado", "police in Kharkiv
region" speak for the country that holds the place. The places are the ISO 3166-2
subdivisions shipped by ``pycountry`` (LGPL-2.1; only its two ISO 3166 JSON databases are
read, straight from the package, and only those go in the bundle: see
packaging/hooks/hook-pycountry.py). The evaluation that chose it is in docs/attribution.md.

Names are matched folded (no diacritics, no apostrophes, case kept) and also without their
type word, with the adjectival endings of Slavic region names taken off ("Kharkivska oblast"
-> "Kharkiv", "Belgorodskaya oblast'" -> "Belgorod", "Minskaja voblasć" -> "Minsk"). A name
that is also a country form, a common word ("Central", "Coast") or shorter than four letters
is left out. Loaded lazily, once per process (about 5,000 entries, a few milliseconds).
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from app.core import gazetteer as gz
from app.core.common_words import is_common

# ISO codes whose English ISO name the gazetteer does not know as it stands.
_ISO_TO_GAZETTEER = {"CD": "DR Congo", "CG": "Republic of the Congo", "PS": "Palestine", "VA": "Holy See"}
# Type words that may follow or end a subdivision name in the ISO list or in news.
_TYPE_WORDS = re.compile(
    r"\s+(?:oblast|oblast'|voblasc|voblasć|kraj|kray|krai|okrug|respublika|region|province|state|"
    r"county|district|governorate|prefecture|municipality|city|rayonu|rajonas|apskritis|miestas|"
    r"avtonomnyy okrug|autonomous region)$",
    re.I,
)
_SLAVIC_ADJ = re.compile(r"(?:skaya|skaja|skoye|skyi|ska|ckaja|zkaja|zka)$")
_VOWEL_END = re.compile(r"(?:aya|aja|oye|yi|a)$")


def fold(name: str) -> str:
    """No diacritics, no apostrophes or modifier letters, single spaces; case kept."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if "'" in name or not name.isascii():
        name = _APOSTROPHES.sub("", name)
    return " ".join(name.split())


_APOSTROPHES = re.compile(r"['’ʼʻ`]")


def _databases():
    """pycountry's databases folder, found without importing pycountry (its import costs more
    than reading the two files)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "databases"
        if (folder / "iso3166-2.json").exists():
            return folder
    return resources.files("pycountry").joinpath("databases")


def _forms(name: str, kind: str) -> set[str]:
    base = fold(name)
    forms = {base}
    stripped = _TYPE_WORDS.sub("", base)
    if stripped != base:
        forms.add(stripped)
        if re.search(r"oblast|voblasc|kraj|kray|krai", base, re.I):
            # Kharkivska -> Kharkiv, Donetska -> Donetsk, Kurskaya -> Kursk: both cuts, since
            # the "sk" may be the ending or the town's own
            for stem in (_SLAVIC_ADJ.sub("", stripped), _VOWEL_END.sub("", stripped)):
                if stem != stripped and len(stem) >= 4:
                    forms.add(stem)
    if kind.lower() in ("city", "city municipality", "capital city") and base.startswith("Horad "):
        forms.add(base.removeprefix("Horad "))
    for form in list(forms):  # "Sud-Kivu" is "South Kivu" in English copy
        english = _COMPASS.sub(lambda m: _COMPASS_WORDS[m.group(1).lower()] + " ", form)
        if english != form:
            forms.add(english)
    return {f for f in forms if len(f) >= 4}


# Compass words that open a subdivision's local name, and their English: "Nord-Kivu", "Sud
# Kivu", "Kordofan ash Shamali" is not handled (the word comes after).
_COMPASS_WORDS = {"nord": "North", "norte": "North", "sud": "South", "sur": "South", "sul": "South",
                  "est": "East", "este": "East", "ouest": "West", "oeste": "West", "centre": "Central",
                  "centro": "Central"}
_COMPASS = re.compile(r"^(Nord|Norte|Sud|Sur|Sul|Est|Este|Ouest|Oeste|Centre|Centro)[\s\-]+(?=[A-Z])")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Folded place form -> the gazetteer countries that have a subdivision of that name."""
    root = _databases()
    countries = json.loads(root.joinpath("iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    subdivisions = json.loads(root.joinpath("iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    g = gz.load()
    by_code: dict[str, str] = {}
    for c in countries:
        code = c["alpha_2"]
        if code in _ISO_TO_GAZETTEER:
            by_code[code] = _ISO_TO_GAZETTEER[code]
            continue
        for n in (c.get("common_name"), c["name"], c.get("official_name")):
            if n and g.is_form(n):
                names = g.find(n)[0].countries
                if len(names) == 1:
                    by_code[code] = names[0]
                break
    out: dict[str, set[str]] = {}
    for s in subdivisions:
        country = by_code.get(s["code"].split("-")[0])
        if country is None:
            continue
        for form in _forms(s["name"], s.get("type", "")):
            if g.is_form(form) or (" " not in form and is_common(form.lower())):
                continue
            out.setdefault(form, set()).add(country)
            if " " in form:  # "Si Sa Ket" is written "Sisaket" too
                out.setdefault(_joined(form), set()).add(country)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _joined(form: str) -> str:
    return form.replace(" ", "").replace("-", "").capitalize()


def countries_of(place: str) -> tuple[str, ...]:
    """The countries that have a subdivision called ``place`` ("Cabo Delgado" -> Mozambique);
    () when none. A trailing type word is allowed ("Syunik province", "Kharkiv region")."""
    place = re.sub(r"['’]s$", "", place.strip(" ,.;:"))
    folded = fold(place)
    index = _index()
    hit = index.get(folded)
    if hit is None:
        hit = index.get(_TYPE_WORDS.sub("", folded), ())
    if not hit and " " not in folded and len(folded) >= 6:
        hit = index.get(folded.capitalize(), ())
    return hit


def is_place(words: str) -> bool:
    """Whether ``words`` name a country's subdivision (never an alias of a party)."""
    return bool(countries_of(words))
