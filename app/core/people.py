"""People named in speaker words: a mixin of ``app.core.parties.Resolver`` (reads ``self.text``,
``self.gaz``, ``self.people``, ``self._alone``).

``person_names(speaker)`` is the pure part (no article), cached across articles: the names, the
forms kept for them, whether an office is named ("titled") and whether they are a bystander
named with what they do ("Grace Roe, a mother of three", "A doctor at the city hospital, …").
A one-word form of a name is kept only where the article uses it alone for that person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.core import gazetteer as gz
from app.core.alias_rules import alias_ok
from app.core.common_words import is_common
from app.core.entities import CONFIDENCE, Entity
from app.core.full_names import without_country
from app.core.party_words import (
    _COURTESY,
    _DESCRIBED,
    _OFFICE_IN_SPEAKER,
    TITLE_WORDS,
    has_org_word as _has_org_word,
)

_CAPS_RUN = re.compile(
    r"(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'\-]*)(?:\s+(?:(?:of|for|the|and|al|bin|ibn|de|van|von|el)\s+)*"
    r"(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'\-]*))*"
)
_DET = re.compile(r"^(?:the|a|an|both)\s+", re.I)
_POSS = re.compile(r"(?:’s|'s)$")
# "A doctor at …, Name", "Name, a nurse": someone quoted for what they saw, not for a side.
_CIVIL_ROLE = re.compile(
    r"(?:^|,\s+)(?:[Aa]n?|[Tt]he)\s+(?:[a-z\-]+\s+)?(?:doctor|nurse|surgeon|paramedic|medic|teacher|trader|"
    r"shopkeeper|farmer|fisherman|driver|resident|refugee|survivor|witness|student|engineer|miner|"
    r"vendor|seller|merchant|pensioner|mother|father|widow|villager|worker|volunteer|priest|imam|"
    r"pastor|monk|nun|businessman|businesswoman|lawyer|researcher|analyst|economist)\b"
)
_PLACE_TYPE_AFTER = re.compile(r"\s+(?:region|regional|province|provincial|state|district|county|"
                               r"oblast|municipal|municipality|city)\b")
# A place preposition right before a capitalised run: the run is where, not who.
_AT_PLACE = re.compile(r"\b(?:in|at|near|outside|inside|around|across)\s+(?:the\s+)?$")


class People:
    text: str

    def _persons(self, speaker: str) -> list[Entity]:
        out = []
        for name, aliases, titled, bystander in person_names(speaker):
            # a one-word form of the name only where this article uses it alone for the person
            # ("Kumar said", "Tan also said"), and never a common word ("Young", "Daily")
            kept = [a for a in aliases if " " in a or a == name or self._used_alone(a, name)]
            out.append(Entity(name, "person", kept, "person", CONFIDENCE["person"], speaker, titled, bystander))
        return out

    def _used_alone(self, word: str, name: str) -> bool:
        """Whether the article uses ``word`` on its own (not inside ``name`` or another name:
        "Ahmed" in "Ahmed Sharif" is not "Ahmed Khan" used alone)."""
        key = (word, name)
        hit = self._alone.get(key)
        if hit is None:  # every "Bascom" inside "Hugh Bascom": not used alone, without a scan
            inside = word in name.split() and self.text.count(word) <= self.text.count(name)
            hit = self._alone[key] = False if inside else self._find_alone(word)
        return hit

    def _find_alone(self, word: str) -> bool:
        if is_common(word):
            return False
        text = self.text
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (text[at - 1:at].isalnum() or text[end:end + 1].isalnum()):
                after = text[end:end + 2]
                before = text[max(0, at - 30):at].split()
                prev = before[-1] if before and text[at - 1:at] == " " else ""
                joined_after = len(after) == 2 and after[0] == " " and after[1].isupper()
                joined_before = prev[:1].isupper() and prev.rstrip(".") not in TITLE_WORDS \
                    and prev not in TITLE_WORDS and not prev.endswith((".", ",", ":", "”", '"'))
                if not joined_after and not joined_before:
                    return True
            at = text.find(word, end)
        return False

    def _persons_uncached(self, speaker: str) -> list[Entity]:
        out = []
        for m in _CAPS_RUN.finditer(speaker):
            if _AT_PLACE.search(speaker, 0, m.start()) or _PLACE_TYPE_AFTER.match(speaker, m.end()):
                continue  # "an army officer in El Obeid", "Oddar Meanchey provincial …": where, not who
            title, words = _title_and_name(without_country(self.gaz, m.group().split()))
            if _is_name(self.gaz, title, words):
                out.append(_person(speaker, title, words))
        return out

    def _known_person(self, person: Entity) -> Entity | None:
        return self.people.get(person.name) or self.people.get(person.name.split()[-1])


def _is_name(gaz, title: list[str], words: list[str]) -> bool:
    if not words or len(words) > 4 or _has_org_word(words) or gaz.find(" ".join(words)):
        return False
    if not title and len(words) < 2:
        return False
    # "One Western" (diplomat) is no one's name
    return not (any(w.isupper() for w in words) or all(is_common(w) for w in words))


def _title_and_name(words: list[str]) -> tuple[list[str], list[str]]:
    """"Brigadier General Hatim Idris" -> (["Brigadier", "General"], ["Hatim", "Idris"])."""
    title: list[str] = []
    while words and (words[0] in TITLE_WORDS or words[0].endswith(".") and len(words[0]) <= 5):
        title.append(words.pop(0))
    if _DET.match(" ".join(words) + " ") and words:
        words = words[1:]
    return title, words


def _person(speaker: str, title: list[str], words: list[str]) -> Entity:
    name = _POSS.sub("", " ".join(words))
    office = [t for t in title if t.rstrip(".") not in _COURTESY]
    titled = bool(office) or bool(_OFFICE_IN_SPEAKER.search(speaker))
    bystander = not title and (not titled and bool(_DESCRIBED.search(speaker))
                               or bool(_CIVIL_ROLE.search(speaker)))
    person = Entity(name, "person", [name], "person", CONFIDENCE["person"], speaker, titled, bystander)
    if len(words) >= 2:
        person.add(_POSS.sub("", words[-1]), words[0])  # kept where the article uses it alone
    if title:
        person.add(" ".join(title + [name]))
    if speaker != name and alias_ok(speaker):
        person.add(speaker)
    return person


@lru_cache(maxsize=8192)
def person_names(speaker: str) -> tuple[tuple[str, tuple[str, ...], bool, bool], ...]:
    """People named in speaker words: (name, aliases, titled, bystander). Pure, so cached."""
    people = People._persons_uncached(_PURE, speaker)
    return tuple((p.name, tuple(p.aliases), p.titled, p.bystander) for p in people)


class _Pure:
    gaz = property(lambda self: gz.load())


_PURE = _Pure()
