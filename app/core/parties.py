"""Which side a speaker speaks for: resolving speaker words to entities, proposing parties.

A speaker ("Pakistan’s foreign ministry", "Jane Roe, a spokeswoman for the Israeli army",
"The Baloch separatist groups, namely the BLF and the BLA", "the military’s media wing")
resolves to zero or more ``Entity``s, in this order of evidence:

1. a group that names its members ("…groups, namely X (XA) and Y (YA)") -> one group entity;
2. countries from the gazetteer: name, other name, capital, demonym, well-known body —
   except where the country only locates or qualifies a non-state actor ("Pakistani Taliban",
   "Iran’s opposition", "Iran International", "ambassador to Iran");
3. organisations: "Name (ACR)", an acronym the article defined, a capitalised name with an
   organisation word (Army, Front, Watch…), a lone unknown name ("Hamas");
4. a person ("Foreign Minister Jane Roe", "Jane Roe, the foreign minister"): joins the country
   or organisation the same words give, else stands as their own entity;
5. a body with no country named ("the army", "the foreign ministry", "the military’s media
   wing"): the article ties it to a country elsewhere ("Israel’s army", "the Pakistani
   military"), nearest mention before the speaker first.

Vague speakers (witnesses, analysts, "a source") resolve to nothing: better narration-coloured
"no party" than a confident wrong side.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from app.core import gazetteer as gz
from app.core.speakers import PRONOUNS, singular

# Lowercase heads that make a demonym or a possessive country name non-state:
# "Pakistani militants" and "Iran’s opposition" do not speak for the government.
NONSTATE = frozenset(
    """militant rebel separatist insurgent opposition fighter group protester activist civilian
    resident refugee journalist dissident villager student worker citizen people national
    voter lawmaker-in-exile exile diaspora community clergy cleric tribe tribesman militia
    faction movement party gunman extremist jihadist victim family relative farmer businessman
    company firm bank media press newspaper broadcaster channel outlet analyst expert academic
    scholar writer artist player team fan club church mosque hospital university doctor""".split()
)
NONSTATE_NAMES = frozenset("Taliban Kurds Kurdish Baloch Pashtun Uyghur Uighur Rohingya Opposition".split())
# Capitalised words after a country form that keep it a state body ("Pakistan Army").
STATE_WORDS = frozenset(
    """Army Navy Air Force Forces Armed Defence Defense Government Ministry Foreign Interior Police
    Embassy Military Coast Guard Rangers State Cabinet Parliament Presidency Office Mission
    Consulate Marines Marine Special Border Security Intelligence Prime President""".split()
)
# Words that make a capitalised name an organisation rather than a person.
ORG_WORDS = frozenset(
    """Army Front Party Movement Organisation Organization Council Watch International Nations Agency
    Committee Commission Union Brigade Brigades Forces Force Guard Guards Corps Group Network
    Institute Foundation Association Federation League Alliance Coalition Authority Bank Fund Court
    Tribunal Cross Crescent Ministry Department Office Service Services Police Command Board
    Center Centre Company Corporation Inc Ltd News Times Post Press Agency Television Radio
    Mission Programme Program Secretariat Assembly Parliament Senate Congress University School
    Hospital Church Society Trust Initiative Observatory Monitor Unit Battalion Division Regiment
    Government Administration Cabinet Presidency State States Republic Kingdom Emirates Islands
    Jaish Lashkar Tehreek Tehrik Hizb Harakat Ansar Jamaat Al""".split()
)
TITLE_WORDS = frozenset(
    """President Prime Minister Foreign Defence Defense Interior Finance Home Deputy Vice Chief
    Spokesman Spokeswoman Spokesperson General Gen Gen. Lt Lt. Col Col. Maj Maj. Brig Brig.
    Capt Capt. Adm Adm. Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen Sen. Senator Rep Rep. Ambassador
    Secretary State Chancellor King Queen Prince Princess Sheikh Commander Judge Justice
    Governor Mayor Speaker Leader Director Envoy Colonel Major Captain Admiral Lieutenant
    Sergeant Premier Minister-President Supreme Army Air Navy Military Senior Top Acting Former
    Sir Lord Lady Professor Prof Prof. Rev Rev. Father Imam Ayatollah Mullah""".split()
)
# Nouns of state bodies an article can tie to a country ("the army" after "Israel’s army").
BODY_NOUNS = (
    "ministry", "government", "army", "military", "navy", "police", "authorities", "administration",
    "cabinet", "parliament", "embassy", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "officials", "president", "premier", "minister", "forces", "regime", "junta",
    "air force", "foreign office", "presidency", "military’s", "army’s",
)
_BODY_IN_SPEAKER = re.compile(
    r"\b(ministry|government|army|military|navy|police|authorities|administration|cabinet|"
    r"parliament|embassy|ambassador|envoy|spokes(?:man|woman|person)|officials?|president|premier|"
    r"minister|forces|regime|junta|air force|foreign office|presidency)\b",
    re.I,
)
# "Name (ACR)" anywhere in the article: the acronym then names the organisation on its own.
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|for|the|and|al|el|de|e)\s+|[a-z]+-[a-z]+\s+)*){0,8}[A-Z][\w’'\-]*)\s*\(([A-Z][A-Za-z\-]{1,9})\)"
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z\-]{1,8}\b")
_CAPS_RUN = re.compile(
    r"(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'\-]*)(?:\s+(?:(?:of|for|the|and|al|bin|ibn|de|van|von|el)\s+)*"
    r"(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'\-]*))*"
)
_MEMBERS = re.compile(r",?\s+(?:namely|including|such as|i\.e\.|that is)\s+|:\s+")
_COORD = re.compile(r"\b(?:and|or|&)\b|\bboth\b|\beach other\b|\bas well as\b", re.I)
_DETERMINERS = frozenset("the a an both this that these those its their".split())
_DET = re.compile(r"^(?:the|a|an|both)\s+", re.I)
# Between a country and the body it owns: up to two lowercase modifiers ("foreign", "armed").
_GAP = re.compile(r"\s+(?:[a-z][a-z\-]*\s+){0,2}")
_POSS = re.compile(r"(?:’s|'s)$")
_PREP_BEFORE = re.compile(r"\b(?:to|in|into|against|at|on|over|towards?|with|near|inside|across|about)\s+(?:the\s+)?$", re.I)


@dataclass
class Entity:
    """A side a speaker can speak for, with every name found for it."""

    name: str
    kind: str  # country | org | group | person
    aliases: list[str] = field(default_factory=list)
    how: str = ""  # the evidence: name, alt, capital, demonym, body, org, acronym, person, tie
    confidence: float = 0.0
    evidence: str = ""  # the words that gave it away

    def add(self, *names: str) -> None:
        for n in names:
            if n and n not in self.aliases:
                self.aliases.append(n)


@dataclass
class Resolution:
    entities: list[Entity]
    coordinated: bool = False  # "Both Pakistan and Iran": several sides at once


_CONFIDENCE = {
    gz.NAME: 0.9, gz.ALT: 0.9, gz.CAPITAL: 0.85, gz.DEMONYM: 0.85, gz.BODY: 0.85,
    "org": 0.9, "acronym": 0.9, "group": 0.9, "person": 0.8, "affiliation": 0.85, "tie": 0.65,
}


class Resolver:
    """Resolves speaker words against one article (its acronyms, its ties, its people)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.gaz = gz.load()
        self._ties: dict[str, tuple[list[int], list[str]]] = {}
        self.acronyms = _acronyms(text)
        self.people: dict[str, Entity] = {}  # surname or full name -> the entity they speak for

    # --- the entry point ------------------------------------------------------------------
    def resolve(self, speaker: str, at: int | None = None) -> Resolution:
        speaker = speaker.strip()
        if not speaker or speaker.lower() in PRONOUNS:
            return Resolution([])
        group = self._group(speaker)
        if group:
            return Resolution([group])
        found: list[tuple[int, Entity]] = []
        found += self._countries(speaker)
        found += self._orgs(speaker, {e.name for _, e in found})
        persons = self._persons(speaker)
        found.sort(key=lambda pair: pair[0])
        entities = _dedupe([e for _, e in found])
        if not entities:
            tie = self._tie_entity(speaker, at)
            if tie:
                entities = [tie]
        if not entities and persons:
            return Resolution([self._known_person(p) or p for p in persons[:1]])
        if not entities:
            known = self.people.get(speaker.strip(" ,").removeprefix("the ").removeprefix("The "))
            return Resolution([known] if known else [])
        for person in persons:  # "Jane Roe, a spokeswoman for the Israeli army" speaks for Israel
            entities[0].add(person.name, *person.aliases)
            self.people[person.name] = entities[0]
            self.people[person.name.split()[-1]] = entities[0]
        coordinated = len(entities) > 1 and bool(_COORD.search(speaker))
        return Resolution(entities, coordinated)

    # --- groups that name their members ----------------------------------------------------
    def _group(self, speaker: str) -> Entity | None:
        m = _MEMBERS.search(speaker)
        if not m:
            return None
        head = _DET.sub("", speaker[: m.start()].strip(" ,"))
        if not head or head[0].isupper() and not head.islower() and " " not in head:
            return None
        members = self._orgs(speaker[m.end():], set())
        if len(members) < 2 or self.gaz.find(head):
            return None
        entity = Entity(head, "group", [head], "group", _CONFIDENCE["group"], speaker)
        for _, org in members:
            entity.add(*org.aliases)
        return entity

    # --- countries ------------------------------------------------------------------------
    def _countries(self, speaker: str) -> list[tuple[int, Entity]]:
        out = []
        for mention in self.gaz.find(speaker):
            if not self._speaks_for_state(speaker, mention):
                continue
            name = self._pick(mention.countries)
            if name is None:
                continue
            country = self.gaz.countries[name]
            entity = Entity(name, "country", country.aliases(), mention.kind, _CONFIDENCE[mention.kind],
                            mention.form)
            if len(speaker.split()) <= 6 and "," not in speaker and speaker != mention.form:
                entity.add(_DET.sub("", speaker))  # "Pakistan’s foreign ministry"
            out.append((mention.start, entity))
        return out

    def _speaks_for_state(self, speaker: str, mention: gz.Mention) -> bool:
        before = speaker[: mention.start]
        if _PREP_BEFORE.search(before):
            return False  # "ambassador to Iran", "strikes in Pakistan"
        prev = before.split()[-1] if before.split() else ""
        if mention.kind == gz.DEMONYM and prev[:1].isupper() and prev.lower() not in ("the", "a", "an", "both"):
            return False  # "Free Syrian Army": part of a name
        after = speaker[mention.end :].split()
        if after and after[0][:1].isupper() and after[0].strip(",()") not in STATE_WORDS \
                and mention.kind in (gz.NAME, gz.ALT, gz.DEMONYM) and not after[0].startswith("("):
            if after[0].strip(",") not in NONSTATE_NAMES and after[0].strip(",") not in TITLE_WORDS:
                return False  # "Iran International", "Pakistan Tehreek-e-Insaf"
        for word in after[:3]:
            bare = word.strip(",.;:()“”\"")
            if bare in NONSTATE_NAMES:
                return False
            if bare.islower() and singular(bare) in NONSTATE:
                return False
            if word.endswith(","):
                break
        return True

    def _pick(self, names: tuple[str, ...]) -> str | None:
        """A shared form ("Congolese") means the country the article otherwise names."""
        if len(names) == 1:
            return names[0]
        named = [n for n in names if n in self.text]
        return named[0] if len(named) == 1 else None

    # --- organisations --------------------------------------------------------------------
    def _orgs(self, speaker: str, countries: set[str]) -> list[tuple[int, Entity]]:
        out: list[tuple[int, Entity]] = []
        taken: list[tuple[int, int]] = []
        for m in _ACRONYM_DEF.finditer(speaker):
            name, acr = _DET.sub("", m.group(1).strip()), m.group(2)
            if self.gaz.is_form(acr) or self.gaz.is_form(name):
                continue
            out.append((m.start(), _org(name, acr, speaker)))
            taken.append(m.span())
        for m in _ACRONYM.finditer(speaker):
            if any(a <= m.start() < b for a, b in taken) or self.gaz.is_form(m.group()):
                continue
            full = self.acronyms.get(m.group())
            if full:
                out.append((m.start(), _org(full, m.group(), speaker)))
                taken.append(m.span())
        for m in _CAPS_RUN.finditer(speaker):
            if any(a <= m.start() < b for a, b in taken):
                continue
            name = _DET.sub("", m.group()).strip()
            words = name.split()
            if not words or name.lower() in _DETERMINERS or self.gaz.is_form(name):
                continue
            if self.gaz.find(name) and not _has_org_word(words):
                continue
            if _has_org_word(words) and not _is_title_only(words):
                acr = _acronym_for(name, self.acronyms)
                out.append((m.start(), _org(_POSS.sub("", name), acr, speaker)))
                taken.append(m.span())
            elif (len(words) == 1 and m.start() <= 4 and _looks_like_org_name(words[0], speaker)
                  and words[0] not in self.people):
                out.append((m.start(), _org(_POSS.sub("", words[0]), None, speaker)))
                taken.append(m.span())
        return [(pos, e) for pos, e in out if e.name not in countries]

    # --- people ---------------------------------------------------------------------------
    def _persons(self, speaker: str) -> list[Entity]:
        out = []
        for m in _CAPS_RUN.finditer(speaker):
            words = m.group().split()
            title: list[str] = []
            while words and (words[0] in TITLE_WORDS or words[0].endswith(".") and len(words[0]) <= 5):
                title.append(words.pop(0))
            if _DET.match(" ".join(words) + " ") and words:
                words = words[1:]
            if not words or len(words) > 4 or _has_org_word(words) or self.gaz.find(" ".join(words)):
                continue
            if not title and len(words) < 2:
                continue
            if any(w.isupper() for w in words):
                continue
            name = _POSS.sub("", " ".join(words))
            person = Entity(name, "person", [name], "person", _CONFIDENCE["person"], speaker)
            if len(words) >= 2:
                person.add(words[-1])
            if title:
                person.add(" ".join(title + [name]))
            if len(speaker.split()) <= 12 and speaker != name:
                person.add(speaker)
            out.append(person)
        return out

    def _known_person(self, person: Entity) -> Entity | None:
        return self.people.get(person.name) or self.people.get(person.name.split()[-1])

    # --- ties: "the army" after "Israel’s army" -------------------------------------------
    def _tie_entity(self, speaker: str, at: int | None) -> Entity | None:
        for m in _BODY_IN_SPEAKER.finditer(speaker):
            noun = m.group(1).lower()
            name = self.tie(noun, at)
            if name:
                entity = Entity(name, "country", self.gaz.countries[name].aliases(), "tie",
                                _CONFIDENCE["tie"], f"{m.group(1)} → {name}")
                phrase = _DET.sub("", speaker)
                if self._tie_unique(noun) and 2 <= len(phrase.split()) <= 6 and "," not in phrase:
                    entity.add(phrase)  # "military’s media wing", when only one country has one
                return entity
        return None

    def tie(self, noun: str, at: int | None) -> str | None:
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
        pattern = re.compile(rf"\b{re.escape(noun)}(?:s|es)?\b", re.I)
        for m in pattern.finditer(self.text):
            name = self._country_before(m.start()) or self._country_after(m.end())
            if name:
                positions.append(m.start())
                names.append(name)
        return positions, names

    def _country_before(self, pos: int) -> str | None:
        window = self.text[max(0, pos - 60) : pos]
        mentions = self.gaz.find(window)
        if not mentions:
            return None
        last = mentions[-1]
        gap = window[last.end :]
        if not _GAP.fullmatch(gap):
            return None  # "Israel’s army", "the Pakistani military", "Iran’s foreign ministry"
        return self._pick(last.countries)

    def _country_after(self, pos: int) -> str | None:
        window = self.text[pos : pos + 50]
        m = re.match(r"\s+of\s+(?:the\s+)?", window)
        if not m:
            return None
        mentions = self.gaz.find(window[m.end() :])
        if mentions and mentions[0].start == 0:
            return self._pick(mentions[0].countries)
        return None


def _org(name: str, acronym: str | None, speaker: str) -> Entity:
    entity = Entity(name, "org", [name], "acronym" if acronym and acronym in speaker and name not in speaker else "org",
                    _CONFIDENCE["org"], speaker)
    if acronym:
        entity.add(acronym, f"{name} ({acronym})")
    return entity


def _acronyms(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        name = _DET.sub("", m.group(1).strip())
        words = name.split()
        acr = m.group(2)
        # keep only as many leading words as the acronym needs ("…the Balochistan Liberation Army")
        initials = [w for w in words if w[:1].isupper()]
        if len(initials) > len(acr) + 1:
            name = " ".join(words[-(len(acr) + 1):]) if len(words) > len(acr) else name
            name = _DET.sub("", name)
        out.setdefault(acr, name)
    return out


def _acronym_for(name: str, acronyms: dict[str, str]) -> str | None:
    for acr, full in acronyms.items():
        if full == name:
            return acr
    return None


def _has_org_word(words: list[str]) -> bool:
    return any(w.strip(",’'s") in ORG_WORDS or w.rstrip(",").removesuffix("’s").removesuffix("'s") in ORG_WORDS for w in words)


def _is_title_only(words: list[str]) -> bool:
    return all(w in TITLE_WORDS for w in words)


def _looks_like_org_name(word: str, speaker: str) -> bool:
    """A lone capitalised name as the whole subject: "Hamas said", "the Taliban said"."""
    bare = _POSS.sub("", word)
    if bare in TITLE_WORDS or bare.lower() in PRONOUNS or len(bare) < 2:
        return False
    rest = speaker.split()
    return len(rest) <= 3


def _dedupe(entities: list[Entity]) -> list[Entity]:
    out: dict[str, Entity] = {}
    for e in entities:
        if e.name in out:
            out[e.name].add(*e.aliases)
        else:
            out[e.name] = e
    return list(out.values())
