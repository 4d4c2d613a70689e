"""Bodies named without their country ("the army", "the MFA", "the military's media wing"): the
country the article ties that body to elsewhere ("Israel's army", "the Pakistani military"),
the nearest such mention before the speaker first. A mixin of ``app.core.parties.Resolver``.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from app.core.alias_rules import alias_ok
from app.core.entities import CONFIDENCE, Entity
from app.core.party_words import OFFICE_ABBREVIATIONS
from app.core.speakers import singular

_DET = re.compile(r"^(?:the|a|an|both)\s+", re.I)

# A sentence that opens in a place: "In Baku, the defence ministry …".
_OPENING_PLACE = re.compile(r"(?:In|From|At|Back in)\s+(?P<place>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?),\s")
# A state body named alone, as a story names its own country's: "Police", "the government".
_BARE_STATE_BODY = re.compile(r"(?:[Tt]he\s+)?(?:[Pp]olice|[Gg]overnment|[Aa]rmy|[Mm]ilitary|[Nn]avy|[Aa]uthorities|"
                              r"[Cc]abinet|[Pp]residency|[Ii]nterior ministry|[Ff]oreign ministry|[Mm]inistry)")
_BODY_IN_SPEAKER = re.compile(
    r"\b(ministry|government|army|military|navy|police|authorities|administration|cabinet|"
    r"parliament|embassy|ambassador|envoy|spokes(?:man|woman|person)|officials?|president|premier|"
    r"minister|forces|regime|junta|air force|foreign office|presidency|department)\b",
    re.I,
)

# Capitalised words, then up to two lowercase modifiers, right before a body noun:
# "Iran’s foreign ·ministry", "the Pakistani ·military", "Israel’s ·army".
_OWNER_BEFORE = re.compile(r"((?:[A-Z][\w’'.\-]*[ \t]+)+)(?:[a-z][a-z\-]*[ \t]+){0,2}$")


class BodyTies:
    text: str

    def _tie_entity(self, speaker: str, at: int | None) -> Entity | None:
        for word in speaker.split():  # "the MFA said": the ministry the article named last
            noun = OFFICE_ABBREVIATIONS.get(word.strip(",.’'s"))
            if noun:
                name = self.tie(noun, at) or (self._frame_country(at) if at is not None else None)
                if name:
                    return self._country_entity(name, "tie", CONFIDENCE["tie"], f"{word} → {name}")
        placed = self.sentence_place(at) if at is not None else None
        for m in _BODY_IN_SPEAKER.finditer(speaker):
            noun = m.group(1).lower()
            name = placed or self.tie(noun, at)  # "In Baku, the defence ministry …" is Azerbaijan's
            if name:
                entity = Entity(name, "country", self.gaz.countries[name].aliases(), "tie",
                                CONFIDENCE["tie"], f"{m.group(1)} → {name}")
                phrase = _DET.sub("", speaker)
                if self._tie_unique(noun) and 2 <= len(phrase.split()) <= 6 and alias_ok(phrase, name):
                    entity.add(phrase)  # "military’s media wing", when only one country has one
                return entity
        if _BARE_STATE_BODY.fullmatch(speaker.strip()) and at is not None:
            # "Police said", "The government says" with no country's body named anywhere: the
            # country the paragraph is set in, else the dateline's, else the article's only one
            name = self._frame_country(at) or self._dateline_country() or self._sole_country()
            if name:
                return self._country_entity(name, "tie", CONFIDENCE["tie"] - 0.1, f"{speaker} → {name}")
        return None

    def sentence_place(self, at: int) -> str | None:
        """The country of the place a sentence opens with, before its speaker: "In Baku, …",
        "From Kyiv, …" (a capital, a province, a city the article places)."""
        line = self.text.rfind("\n", 0, at) + 1
        stop = max(self.text.rfind(". ", line, at), self.text.rfind("\u201d ", line, at))
        start = stop + 2 if stop >= 0 else line
        m = _OPENING_PLACE.match(self.text, start, at)
        if m is None:
            return None
        place = m.group("place")
        mentions = self.gaz.find(place)
        if mentions and mentions[0].start == 0 and mentions[0].end == len(place):
            return self._pick(mentions[0].countries)
        return self._place_country(place)

    def tie(self, noun: str, at: int | None) -> str | None:
        self._used_tie = True
        positions, names = self._tie_table(noun)
        if not names:
            return None
        if at is None:
            return names[0] if len(set(names)) == 1 else None
        i = bisect.bisect_left(positions, at)
        return names[i - 1] if i > 0 else names[0]

    def _tie_unique(self, noun: str) -> bool:
        return len(set(self._tie_table(noun)[1])) == 1

    def _tie_table(self, noun: str) -> tuple[list[int], list[str]]:
        key = singular(noun.split()[-1])
        if key not in self._ties:
            self._ties[key] = self._find_ties(key)
        return self._ties[key]

    def _find_ties(self, noun: str) -> tuple[list[int], list[str]]:
        positions, names = [], []
        for start, end in self._noun_spans(noun):
            name = self._country_before(start) or self._country_after(end)
            if name:
                positions.append(start)
                names.append(name)
        return positions, names

    def _noun_spans(self, noun: str) -> list[tuple[int, int]]:
        """Where ``_noun_pattern(noun)`` matches the article, found with plain ``str.find`` on
        the lower-cased text (a case-blind regex cannot skip ahead): the same matches, as long
        as lower-casing keeps every offset and the text has none of the letters that re's
        case-blind matching ties to ASCII letters besides their own case pair."""
        low = self._lower()
        if low is None or not noun.isascii() or not noun.isalpha():
            return [m.span() for m in _noun_pattern(noun).finditer(self.text)]
        out = []
        n = len(noun)
        at = low.find(noun)
        while at >= 0:
            if at == 0 or not _is_word(low[at - 1]):
                end = at + n
                stop = end
                while stop < len(low) and _is_word(low[stop]):
                    stop += 1
                if low[end:stop] in ("", "s", "es"):
                    out.append((at, stop))
            at = low.find(noun, at + 1)
        return out

    def _lower(self) -> str | None:
        if self._low is None:
            low = self.text.lower()
            ok = len(low) == len(self.text) and not any(ch in self.text for ch in _CASE_EXTRAS)
            self._low = low if ok else ""
        return self._low or None

    def _country_before(self, pos: int) -> str | None:
        """The country owning the body noun at ``pos``: "Israel’s army", "the Pakistani military"."""
        m = _OWNER_BEFORE.search(self.text, max(0, pos - 80), pos)
        if not m:
            return None
        owner = m.group(1).rstrip()
        cut = max(owner.rfind(". "), owner.rfind(".\t"))
        if owner.endswith(".") or cut >= 0:  # "…administered by Guyana. Assembly president"
            owner = owner[cut + 2:] if cut >= 0 and not owner.endswith(".") else ""
            if not owner:
                return None
        mentions = self.gaz.find(owner)  # cached: the same owners recur
        if not mentions:
            return None
        rest = owner[mentions[-1].end:].split()
        # "Venezuela's National Assembly", "the US State Department": up to two name words
        if rest and not (len(rest) <= 2 and all(w[:1].isupper() for w in rest)):
            return None
        return self._pick(mentions[-1].countries)

    def _country_after(self, pos: int) -> str | None:
        window = self.text[pos : pos + 50]
        m = re.match(r"\s+of\s+(?:the\s+)?", window)
        if not m:
            return None
        mentions = self.gaz._find(window[m.end() :])
        if mentions and mentions[0].start == 0:
            return self._pick(mentions[0].countries)
        return None


# Letters re.IGNORECASE matches with an ASCII letter other than its own upper/lower case:
# dotless i, long s, Kelvin sign (and the dotted capital I, which lower-cases to two characters).
_CASE_EXTRAS = "\u0131\u017f\u212a\u0130"


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches in a str pattern


@lru_cache(maxsize=64)
def _noun_pattern(noun: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(noun)}(?:s|es)?\b", re.I)
