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

import re
from functools import lru_cache

from app.core import gazetteer as gz
from app.core import places
from app.core.common_words import is_common
from app.core.acronyms import acronym_for as _acronym_for, acronyms_in as _acronyms
from app.core.alias_rules import alias_ok, strip_lead
from app.core.body_ties import BodyTies
from app.core.entities import CONFIDENCE, Entity, Resolution
from app.core.full_names import fuller_mention
from app.core.people import _AT_PLACE, _CAPS_RUN, People, person_names  # noqa: F401 - person_names is read here
from app.core.speakers import PRONOUNS, singular
from app.core.party_words import (  # noqa: F401 - re-exported: same_side reads them here
    BODY_NOUNS,
    NONSTATE,
    NONSTATE_HEADS,
    NONSTATE_NAMES,
    OFFICE_ABBREVIATIONS,
    ORG_WORDS,
    STATE_HEADS,
    STATE_WORDS,
    TITLE_WORDS,
    has_org_word as _has_org_word,
    is_title_only as _is_title_only,
    state_head as _state_head,
    titled_person as _titled_person,
    state_body as _state_body,
)
from app.core.ties import SideTies

# A description naming a body the article named before: "…, the ministry's spokesman".
_DEFINITE_BODY = re.compile(
    r"\b(?:the|its)\s+(?:[a-z\-]+\s+)?(?:ministry|army|military|government|embassy|navy|police|"
    r"administration|presidency|cabinet|parliament|department)(?:['’]s)?\b"
    # "Army spokesman Brigadier General …", "Police spokeswoman …": the body names the office
    r"|^(?:(?:[Dd]efen[cs]e|[Ff]oreign|[Ii]nterior)\s+)?(?:[Aa]rmy|[Mm]ilitary|[Pp]olice|[Nn]avy|[Gg]overnment|[Mm]inistry)"
    r"\s+(?=spokes(?:man|woman|person)|official|officer|commander)"
)
# "Name (ACR)" anywhere in the article: the acronym then names the organisation on its own.
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|for|the|and|al|el|de|e)\s+|[a-z]+-[a-z]+\s+)*){0,8}[A-Z][\w’'\-]*)\s*\(([A-Z][A-Za-z\-]{1,9})\)"
)
_ACRONYM = re.compile(r"\b[A-Z](?:[A-Z\-]{1,8}|\d{1,3})\b")  # "BLA", "M23"
_MEMBERS = re.compile(r",?\s+(?:namely|including|such as|i\.e\.|that is)\s+|:\s+")
_COORD = re.compile(r"\b(?:and|or|&)\b|\bboth\b|\beach other\b|\bas well as\b", re.I)
_DETERMINERS = frozenset("the a an both this that these those its their".split())
_DET = re.compile(r"^(?:the|a|an|both)\s+", re.I)
_POSS = re.compile(r"(?:’s|'s)$")
# A clause in the speaker words about someone else: who appointed them, what others did.
_OTHERS_CLAUSE = re.compile(r",?\s+(?:who|which)\s+(?:was|were|is|are|has been|had been)\s+(?:[a-z]+ed|born)\b"
                            r"|\s+(?:elected|appointed|installed|backed|ousted|sacked)\s+(?:in|by|after|last)\b"
                            r"|\s+that\s+(?!is\b|was\b)[a-z]*\s*[A-Z]"
                            r"|,?\s+whose\s|,\s+who\s+(?:spoke|asked|requested|declined|was not)\b")
_SENTENCE_STOP = re.compile(r"[.!?][\"”’']?\s+")
# "A Commission spokeswoman", "the Council's statement": a body by the last word of its name.
_HEAD_OF_BODY = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?P<head>[A-Z][a-z]+)(?:['’]s)?\s+(?:spokes(?:man|woman|person)|"
                           r"officials?|source|statement|representative)\b")
# "The group's political office", "the rebels' commander": a generic name for an organisation.
_GROUP_REFERENCE = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:[a-z\-]+\s+)?(?:group|movement|militia|rebels|guerrillas?|"
                              r"organisation|organization|alliance|coalition|insurgents)(?:['’]s?)?(?:\s|$)")
# A speaker named by the body before them: "Its spokesman, …", "Their leader".
_ITS_SPEAKER = re.compile(r"(?:Its|Their|its|their)\s+(?:[a-z\-]+\s+){0,2}(?:spokes(?:man|woman|person)|leader|"
                          r"chief|commander|head|envoy|representative|officials?|advis[eo]r|negotiator|"
                          r"secretary|director|president|chair(?:man|woman|person)?|founder|coordinator|"
                          r"lawyer|member)\b")
# Words before a demonym that make it a people, not a state.
_PEOPLE_NOT_STATE = frozenset("ethnic diaspora expatriate exiled émigré emigre dual-national local "
                              "ordinary fellow".split())
_PREP_BEFORE = re.compile(r"\b(?:to|in|into|against|at|on|over|towards?|with|near|inside|across|about)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=8192)
def own_words(speaker: str) -> str:
    """The speaker words that say who speaks: no dateline ("CARACAS (Agency) — Venezuela"), no
    clause about someone else ("…, who was appointed by the Council", "…, whose name X changed").
    Pure, and speakers repeat: kept."""
    return _OTHERS_CLAUSE.split(strip_lead(speaker), 1)[0]


def resolver_for(text: str) -> Resolver:
    """The resolver of the last article seen: propose and assign share its answers."""
    if _LAST and _LAST[0] is text:
        return _LAST[1]
    resolver = Resolver(text)
    _LAST[:] = [text, resolver]
    return resolver


_LAST: list = []


class Resolver(SideTies, People, BodyTies):
    """Resolves speaker words against one article (its acronyms, its ties, its people)."""

    @property
    def acronyms(self) -> dict[str, str]:
        if self._acronyms is None:
            self._acronyms = _acronyms(self.text)
        return self._acronyms

    def __init__(self, text: str) -> None:
        self.text = text
        self.gaz = gz.load()
        self._ties: dict[str, tuple[list[int], list[str]]] = {}
        self._acronyms: dict[str, str] | None = None
        self.people: dict[str, Entity] = {}  # surname or full name -> the entity they speak for
        self._alone: dict[tuple[str, str], bool] = {}
        self._cache: dict[tuple[str, int | None], Resolution] = {}
        self._by_words: dict[str, Resolution] = {}
        self._used_tie = False
        self._low: str | None = None  # the text lower-cased, "" where that is not safe to use
        self._picked: dict[tuple[str, ...], str | None] = {}
        self._spoke: list[tuple[int, Entity]] = []  # (offset, side) of the speakers resolved so far

    # --- the entry point ------------------------------------------------------------------
    def resolve(self, speaker: str, at: int | None = None) -> Resolution:
        """What ``speaker`` (found at article offset ``at``) speaks for. Same answer every call."""
        hit = self._by_words.get(speaker)  # most answers do not depend on where the words are
        if hit is not None:
            if at is not None and hit.entities and hit.entities[0].kind != "person" and not hit.coordinated:
                self._spoke.append((at, hit.entities[0]))  # it spoke here too ("the group" after it)
            return hit
        key = (speaker, at)
        if key not in self._cache:
            self._used_tie = False
            res = self._resolve(speaker.strip(), at)
            if self._used_tie:
                self._cache[key] = res
            else:
                self._by_words[speaker] = res
            return res
        return self._cache[key]

    def _resolve(self, speaker: str, at: int | None) -> Resolution:
        speaker = own_words(speaker)
        if not speaker or speaker.lower() in PRONOUNS:
            return Resolution([])
        early = self._by_reference(speaker, at)
        if early is not None:
            return early
        group = self._group(speaker)
        if group:
            return Resolution([group])
        found: list[tuple[int, Entity]] = []
        found += self._countries(speaker)
        found += self._orgs(speaker, {e.name for _, e in found})
        persons = self._persons(speaker)
        found.sort(key=lambda pair: pair[0])
        entities = _dedupe([self.org_side(e, at) for _, e in found])
        if not entities:
            local = self.local_side(speaker, at)  # "officials in Syunik province", "the governor"
            if local:
                entities = [local]
        if not entities and persons:
            side = self._person_or_side(speaker, persons[0], at)
            if side.kind == "person":
                return Resolution([side])
            entities = [side]
        if not entities:
            tie = self._tie_entity(speaker, at) or self.named_org(speaker) or self.state_outlet(speaker, at)
            if tie is None:
                known = self.people.get(speaker.strip(" ,").removeprefix("the ").removeprefix("The "))
                return Resolution([known] if known else [])
            entities = [tie]
        for person in persons:  # "Jane Roe, a spokeswoman for the Israeli army" speaks for Israel
            self._joins(person, entities[0])
        coordinated = len(entities) > 1 and bool(_COORD.search(speaker))
        if at is not None and entities[0].kind != "person" and not coordinated:
            self._spoke.append((at, entities[0]))
        return Resolution(entities, coordinated)

    def _by_reference(self, speaker: str, at: int | None) -> Resolution | None:
        """Speakers named by what came before: "Its spokesman, Eric Roe" (the country that
        opens the sentence before, else the body that spoke last: "China's defence ministry
        struck a cooler tone. Its spokesman …"), and a surname alone read as its full
        mention ("Aquino said" after "Commodore Ramil Aquino, the coast guard spokesman")."""
        if at is not None and _ITS_SPEAKER.match(speaker):
            frame = self.previous_subject_country(at)
            side = self._country_entity(frame, "frame", 0.6, f"{speaker} → {frame}") if frame \
                else self._side_before(at)
            self._used_tie = True
            persons = self._persons(speaker)
            if side is None:  # "Its president" of something not a side: no country's guess
                return Resolution(persons[:1])
            for person in persons:
                side.add(person.name, *person.aliases)
            return Resolution([side])
        head = _HEAD_OF_BODY.match(speaker)
        if head is not None and at is not None:
            body = self._spoken_named(head.group("head"), at)  # "A Commission spokeswoman said"
            if body is not None:
                self._used_tie = True
                return Resolution([body])
        if at is not None and _GROUP_REFERENCE.search(speaker):
            group = self._group_before(at)  # "a member of the group's political council"
            if group is not None:
                self._used_tie = True
                for person in self._persons(speaker):
                    group.add(person.name, *person.aliases)
                return Resolution([group])
        if " " not in speaker and speaker not in self.people:
            fuller = fuller_mention(self.text, speaker)
            if fuller is not None:
                res = self.resolve(*fuller)
                if res.entities:
                    self.people.setdefault(speaker, res.entities[0])
                    return res
        return None

    def _person_or_side(self, speaker: str, person: Entity, at: int | None) -> Entity:
        """The side a person named with no country speaks for, else the person: "X, the
        ministry's spokesman" is the ministry the article named last; "Foreign Minister X"
        after "Guyana rejected…" is the country that frames the paragraph."""
        known = self._known_person(person)
        if known is not None:
            side = known
        else:
            # "the ministry's spokesman X" names its body; "foreign ministry spokesman X" after "At a
            # briefing in Kyiv, …" is first the country the sentence is set in
            named_body = speaker[:4].lower() in ("the ", "its ") or "’s " in speaker or "'s " in speaker
            side = (named_body and self._described_tie(speaker, at)) or self.person_side(person, at) \
                or self._described_tie(speaker, at) or person
        if side.kind == "person":
            for name in (person.name, *person.aliases):
                if " " not in name or name == person.name:
                    self.people.setdefault(name, side)  # "Roe said" later is the same person
        return side

    def _joins(self, person: Entity, side: Entity) -> None:
        """``person`` speaks for ``side``: their names become the side's, here and later."""
        side.add(person.name, *person.aliases)
        self.people[person.name] = side
        for alias in person.aliases:
            if " " not in alias:
                self.people[alias] = side

    def _spoken_named(self, head: str, at: int) -> Entity | None:
        """The body that spoke before whose name ends in ``head`` ("the European Commission"
        for "Commission"), when it is one."""
        hits = {e.name: e for pos, e in self._spoke if pos < at and e.kind != "person"
                and e.name.split()[-1] == head and e.name != head}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _group_before(self, at: int) -> Entity | None:
        """The organisation "the group" refers to: the last one that spoke in the few paragraphs
        before, else the last acronym the article uses before ``at`` ("The RSF did not reply. …
        the group's political office")."""
        spoke = [(pos, e) for pos, e in self._spoke if at - 2500 < pos < at and e.kind == "org"]
        acronym = None
        for m in _ACRONYM.finditer(self.text, max(0, at - 2500), at):
            word = m.group()
            if word not in OFFICE_ABBREVIATIONS and word not in TITLE_WORDS and not self.gaz.is_form(word) \
                    and not self.gaz.is_form(word.title()) and not places.is_place(word.title()):
                acronym = (m.start(), word)  # not a dateline's city in capitals ("BEIRUT")
        if acronym is not None and (not spoke or acronym[0] > max(spoke, key=lambda p: p[0])[0]):
            name = self.acronyms.get(acronym[1], acronym[1])
            return _org(name, acronym[1], acronym[1])
        return max(spoke, key=lambda p: p[0])[1] if spoke else None

    def _side_before(self, at: int) -> Entity | None:
        """The side of the speaker of the sentence right before ``at`` ("The NUNM said …. Its
        general secretary"), or None when another subject came between ("The community wants
        …. Its president")."""
        line = self.text.rfind("\n", 0, at) + 1
        ends = [m.end() for m in _SENTENCE_STOP.finditer(self.text, max(line, at - 600), at)]
        previous = ends[-2] if len(ends) >= 2 else line
        before = [(pos, e) for pos, e in self._spoke if previous <= pos < at]
        return max(before, key=lambda pair: pair[0])[1] if before else None

    # --- groups that name their members ----------------------------------------------------
    def _group(self, speaker: str) -> Entity | None:
        if not (":" in speaker or "namely" in speaker or "including" in speaker or "such as" in speaker
                or "i.e." in speaker or "that is" in speaker):
            return None  # no word that introduces members (_MEMBERS): most speakers
        m = _MEMBERS.search(speaker)
        if not m:
            return None
        head = _DET.sub("", speaker[: m.start()].strip(" ,"))
        if not head or head[0].isupper() and not head.islower() and " " not in head:
            return None
        members = self._orgs(speaker[m.end():], set())
        if len(members) < 2 or self.gaz.find(head):
            return None
        entity = Entity(head, "group", [head], "group", CONFIDENCE["group"], speaker)
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
            entity = Entity(name, "country", country.aliases(), mention.kind, CONFIDENCE[mention.kind],
                            mention.form)
            phrase = _DET.sub("", speaker)
            if speaker != mention.form and alias_ok(phrase, name):
                entity.add(phrase)  # "Pakistan’s foreign ministry"
            out.append((mention.start, entity))
        return out

    def _speaks_for_state(self, speaker: str, mention: gz.Mention) -> bool:
        before = speaker[: mention.start]
        if _PREP_BEFORE.search(before):
            return False  # "ambassador to Iran", "strikes in Pakistan"
        prev = before.split()[-1] if before.split() else ""
        if mention.kind == gz.DEMONYM and prev.lower() in _PEOPLE_NOT_STATE:
            return False  # "ethnic Albanian residents": a people, not Albania
        if mention.kind == gz.DEMONYM and prev[:1].isupper() and prev.lower() not in ("the", "a", "an", "both"):
            return False  # "Free Syrian Army": part of a name
        after = speaker[mention.end :].split()
        if mention.possessive and after and after[0][:1].isupper() and _state_head(after):
            return True  # "Kenya's Teachers Service Commission", "Russia's Investigative Committee"
        if after and after[0][:1].isupper() and after[0].strip(",()") not in STATE_WORDS \
                and mention.kind in (gz.NAME, gz.ALT, gz.DEMONYM) and not after[0].startswith("(") \
                and after[0].strip(",") not in NONSTATE_NAMES and after[0].strip(",") not in TITLE_WORDS:
            return False  # "Iran International", "Pakistan Tehreek-e-Insaf"
        for word in after[:3]:
            bare = word.strip(",.;:()“”\"")
            if bare in NONSTATE_NAMES:
                return False
            if bare.islower() and singular(bare) in NONSTATE and "state" not in after[:2]:
                return False  # "Pakistani militants", but "Iranian state media" is the state
            if word.endswith(","):
                break
        return True

    def _pick(self, names: tuple[str, ...]) -> str | None:
        """A shared form ("Congolese") means the country the article otherwise names."""
        if len(names) == 1:
            return names[0]
        picked = self._picked.get(names, False)
        if picked is False:  # per article: its own forms ("Kinshasa", "Democratic Republic of Congo")
            shared = set.intersection(*(set(self.gaz.countries[n].aliases()) for n in names))
            named = [n for n in names if n in self.text or any(
                f in self.text for f in self.gaz.countries[n].aliases() if f not in shared)]
            picked = self._picked[names] = named[0] if len(named) == 1 else None
        return picked

    # --- organisations --------------------------------------------------------------------
    def _orgs(self, speaker: str, countries: set[str]) -> list[tuple[int, Entity]]:
        out: list[tuple[int, Entity]] = []
        taken: list[tuple[int, int]] = []
        for pos, end, kind, name, acr in _org_scan(speaker):
            if any(a <= pos < b for a, b in taken):
                continue
            if kind == "acr":
                name = self.acronyms.get(acr) or name
                if not name:
                    continue
            elif kind == "caps":
                acr = _acronym_for(name, self.acronyms) if "(" in self.text else None
                acr = acr or self._initials_used(name)  # "Rapid Support Forces" where "RSF" is used
            elif kind == "lone" and name in self.people:
                continue
            out.append((pos, _org(name, acr, speaker)))
            taken.append((pos, end))
        return [(pos, e) for pos, e in out if e.name not in countries]

    def _initials_used(self, name: str) -> str | None:
        """The acronym of ``name`` when the article uses it on its own, defined or not."""
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(initials) < 2 or initials == name:
            return None
        at = self.text.find(initials)
        while at >= 0:
            end = at + len(initials)
            if not (self.text[at - 1:at].isalnum() or self.text[end:end + 1].isalnum()):
                return initials
            at = self.text.find(initials, end)
        return None

    def _described_tie(self, speaker: str, at: int | None) -> Entity | None:
        body = _described_body(speaker)
        return self._tie_entity(body, at) if body else None


@lru_cache(maxsize=8192)
def _described_body(speaker: str) -> str:
    """The words from the body a speaker is described by ("…, the ministry's spokesman"), or ""."""
    m = _DEFINITE_BODY.search(speaker)
    return speaker[m.start():] if m else ""


@lru_cache(maxsize=8192)
def _org_scan(speaker: str) -> tuple[tuple[int, int, str, str, str | None], ...]:
    """Organisation candidates in speaker words, whatever the article: (start, end, kind, name,
    acronym). kind: "def" = "Name (ACR)"; "acr" = a bare acronym the article may define;
    "caps" = a capitalised name with an organisation word; "lone" = one unknown name as the
    whole subject ("Hamas"). Pure, so cached across articles; ``Resolver._orgs`` adds the article."""
    g = gz.load()
    out: list = []
    spans: list[tuple[int, int]] = []
    for step in (_defined_acronyms, _bare_acronyms, _owners_of_speakers, _capitalised_names):
        step(g, speaker, out, spans)
    out.sort(key=lambda c: (c[0], c[2] != "def"))
    return tuple(out)


def _taken(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _defined_acronyms(g, speaker: str, out: list, spans: list) -> None:
    for m in _ACRONYM_DEF.finditer(speaker):  # "the Balochistan Liberation Army (BLA)"
        name, acr = _DET.sub("", m.group(1).strip()), m.group(2)
        if not (g.is_form(acr) or g.is_form(name)):
            out.append((m.start(), m.end(), "def", name, acr))
            spans.append(m.span())


def _bare_acronyms(g, speaker: str, out: list, spans: list) -> None:
    head = speaker.split(",", 1)[0].strip()  # "The M23, part of the … coalition"
    for m in _ACRONYM.finditer(speaker):
        acr = m.group()
        if acr in OFFICE_ABBREVIATIONS:  # "the MFA said": an office, never an organisation
            spans.append(m.span())
            continue
        if not _taken(spans, m.start()) and not g.is_form(acr):
            # "a BLA spokesman" names the BLA even where the article never spells it out
            alone = _SPEAKER_AFTER.match(speaker, m.end()) or head in (acr, "the " + acr, "The " + acr) \
                or speaker[m.end():m.end() + 2] in ("'s", "’s")  # "the M23's finance official"
            out.append((m.start(), m.end(), "acr", acr if alone else "", acr))
            spans.append(m.span())


def _owners_of_speakers(g, speaker: str, out: list, spans: list) -> None:
    for m in _OWNER_OF_SPEAKER.finditer(speaker):  # "the Taliban’s chief spokesman"
        name = _DET.sub("", m.group("owner"))
        if not _taken(spans, m.start("owner")) and not g.find(name) and name not in TITLE_WORDS:
            out.append((m.start("owner"), m.end("owner"), "caps", name, None))
            spans.append(m.span("owner"))


def _capitalised_names(g, speaker: str, out: list, spans: list) -> None:
    for m in _CAPS_RUN.finditer(speaker):
        if _taken(spans, m.start()) or _AT_PLACE.search(speaker, 0, m.start()):
            continue
        name = _DET.sub("", m.group()).strip()
        words = name.split()
        if not words or name.lower() in _DETERMINERS or g.is_form(name):
            continue
        mentions = g.find(name)
        if mentions and (not _has_org_word(words) or _state_body(name, mentions[0])):
            continue  # a country, or its body ("The U.K. Foreign Office")
        if _has_org_word(words) and not _is_title_only(words) and not _titled_person(words):
            out.append((m.start(), m.end(), "caps", _POSS.sub("", name), None))
        elif len(words) == 1 and m.start() <= 4 and _looks_like_org_name(words[0], speaker) \
                and not places.is_place(words[0]):
            out.append((m.start(), m.end(), "lone", _POSS.sub("", words[0]), None))


# A speaker noun right after an acronym: "BLA spokesman", "IRGC commander".
_SPEAKER_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|commanders?|officials?|"
                            r"leaders?|statement|fighters|members?|chief|sources?|advis[eo]rs?|"
                            r"negotiators?|envoys?|representatives?|delegates?|officers?|head)\b")
# "the Taliban’s chief spokesman": the capitalised owner of a person who speaks.
_OWNER_OF_SPEAKER = re.compile(
    r"(?P<owner>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)[’']s\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:spokes(?:man|woman|person)|leader|chief|commander|head|representative|envoy|statement|"
    r"officials?|advis[eo]r|officer|negotiator|member)\b"
)




def _org(name: str, acronym: str | None, speaker: str) -> Entity:
    entity = Entity(name, "org", [name], "acronym" if acronym and acronym in speaker and name not in speaker else "org",
                    CONFIDENCE["org"], speaker)
    if acronym and acronym != name:
        entity.add(acronym, f"{name} ({acronym})")
    return entity


def _looks_like_org_name(word: str, speaker: str) -> bool:
    """A lone capitalised name as the whole subject: "Hamas said", "the Taliban said"."""
    bare = _POSS.sub("", word)
    if bare in TITLE_WORDS or bare.lower() in PRONOUNS or len(bare) < 2 or is_common(bare) \
            or bare in OFFICE_ABBREVIATIONS:
        return False  # "Analysts said", "As the ministry noted", "Rights group accuses"
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
