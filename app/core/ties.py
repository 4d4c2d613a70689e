"""What ties a person, a body or a place to a country's side (issue 14, items 1 and 4).

A mixin of ``app.core.parties.Resolver`` (it reads ``self.text``, ``self.gaz``, ``self.tie``):

- ``person_side``: an office holder named without a country ("Foreign Minister Hugh Bascom",
  "Its spokesman, Senior Colonel Tan Jun") speaks for the country that frames the paragraph
  before the speaker: the nearest sentence of that paragraph that opens with a country
  ("Guyana rejected the complaint…", "China's defence ministry struck a cooler tone.", "In
  Beijing, …"), else the only country that paragraph names before the speaker, else the only
  country the whole article names. Only people with an office; a shopkeeper named with what
  she does is nobody's side. Never the article-wide title tie ("minister" -> whichever
  country had a minister first), which put India's defence minister on China's side.
- ``org_side``: a capitalised state body with no country in its name ("the Bolivarian
  National Armed Forces", "Assembly president …", "Treasury officials") is the country whose
  body of that kind the article names ("Venezuela's armed forces", "Venezuela's National
  Assembly"), else the paragraph's frame country.
- ``local_side``: "officials in <place>", "police in <place>", "the governor of <place>",
  "<place> region officials": the country holding the place (a capital, or a province, region
  or city district from ``app.core.places``), when the article names that country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.core import places
from app.core.openers import dateline_end

# Heads of capitalised org names that are a state's body: these may fold into a country.
_STATE_BODY_HEADS = {
    "assembly": "assembly", "forces": "force", "force": "force", "army": "army", "navy": "navy",
    "command": "command", "ministry": "ministry", "treasury": "treasury", "police": "police",
    "guard": "guard", "parliament": "parliament", "senate": "senate", "cabinet": "cabinet",
    "presidency": "presidency", "government": "government", "administration": "administration",
}
# A sentence that opens with a country: "Guyana rejected…", "The Indian foreign ministry…",
# "In Beijing, …", "For Beijing, …", "China's defence ministry…".
_OPENER = re.compile(r"^[\s\"“‘'(]*(?:(?:The|In|For|From|At|Across|Inside|Meanwhile,?|But|And|Yet)\s+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
# Before a country mention, words that make it the object, not the side ("a visit to Tokyo").
_OBJECT_BEFORE = re.compile(r"\b(?:to|against|with|into|towards?|on|over|from|of|by|at|near)\s+(?:the\s+)?$", re.I)
# Speaker words naming a local official or body by the place it serves.
_LOCAL = re.compile(
    r"\b(?i:officials?|police|authorities|administration|governor|deputy governor|mayor|council|"
    r"prosecutors?|commanders?|spokes(?:man|woman|person)|troops|forces|military|army|government)"
    r"\s+(?:in|of|for)\s+(?:the\s+)?(?P<place>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})"
)
# Offices only a state has: an unqualified one is the dateline country's ("Interior Minister X").
_STATE_OFFICE = re.compile(r"\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|[Pp]remier|[Cc]hancellor|"
                           r"[Aa]mbassador|[Gg]overnor|[Mm]ayor|[Kk]ing|[Qq]ueen|[Ss]ecretary of [Ss]tate)\b")
# An office someone or something holds: "the community's president", "its chairman".
_OWNED_OFFICE = re.compile(r"(?:['’]s|\b[Ii]ts|\b[Tt]heir)\s+(?:[\w\-]+\s+)?(?:president|chair\w*|governor|mayor|"
                           r"ambassador|minister)\b")
# The city that opens a dateline: "VILNIUS, Oct 27 (Agency):", "NEW DELHI —".
_DATELINE_CITY = re.compile(r"[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}(?=[,\s(—–\-:/])")  # "LIMA/ABANCAY, …" too
# A local office, whose holder speaks for the place the story is in: "Governor …", "the mayor".
_LOCAL_TITLE = re.compile(r"\b(?i:governor|mayor|regional|provincial|district|oblast|municipal)\b")
_PLACE_AFTER = re.compile(
    r"\b(?:in|of|near|across|over|on|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})"
)
_PLACE_FIRST = re.compile(
    r"(?P<place>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})(?:['’]s)?\s+(?:(?:regional|provincial|"
    r"region|province|state|oblast|district|county|city)\s+)+(?:deputy\s+)?(?:governor|officials?|"
    r"authorities|administration|police|head|mayor|council)\b"
)


def _local_patterns(s: str) -> tuple[re.Pattern, ...]:
    """The local-official patterns that can match ``s``: each needs its words ("officials in",
    "… region governor"), and most speakers have none, so the searches are skipped."""
    local = "in" in s or "of" in s or "for" in s
    first = "region" in s or "provinc" in s or "state" in s or "oblast" in s or "district" in s \
        or "county" in s or "city" in s
    if local and first:
        return (_LOCAL, _PLACE_FIRST)
    return (_LOCAL,) if local else (_PLACE_FIRST,) if first else ()


# "<Head> of …" names a state's department: "Department of Foreign Affairs", "Ministry of Interior".
_OFFICE_OF = {"Department": "department", "Ministry": "ministry", "Office": "office",
              "Bureau": "bureau", "Secretariat": "secretariat", "Directorate": "directorate"}
@lru_cache(maxsize=8192)
def _places_named(speaker: str) -> tuple[str, ...]:
    """The places a local official or body is named by, most telling first ("officials in
    Syunik province", "Kharkiv region governor"): speaker words repeat, so kept."""
    out: list[str] = []
    for pattern in _local_patterns(speaker):
        m = pattern.search(speaker)
        if m:
            out.append(m.group("place"))
            out.extend(x.group("place") for x in _IN_PLACE.finditer(speaker, m.end()))
    return tuple(out)


@lru_cache(maxsize=8192)
def _local_office(words: str) -> bool:
    return bool(_LOCAL_TITLE.search(words)) and not _IN_PLACE.search(words)


# Words that make a body with a state head a movement instead: "… Liberation Army".
_NON_STATE_WORDS = frozenset(
    """Liberation Revolutionary Resistance Islamic Popular Free Rebel Insurgent Democratic Patriotic
    United People's People’s Mujahideen Jihad Resistance Salvation Defence-of Self-Defence""".split()
)
_STATE_OUTLET = re.compile(
    r"\bstate(?:-run|-owned|-controlled)?\s+(?:news\s+agency|broadcaster|television|TV|media|radio|"
    r"newspaper|outlet|agency|news)\b", re.I
)
_GENERIC_ORG = re.compile(r"^(?:[Tt]he|[Tt]his|[Ii]ts)\s+(union|commission|committee|council|party|front|movement|"
                          r"alliance|coalition|federation|association|agency|mission|tribunal|court)$")
_PLACE_COMMA_COUNTRY = re.compile(r"\b([A-Z][\w'’\-]+),\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)")
_IN_PLACE = re.compile(r"\b(?:in|of)\s+(?P<place>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})")


_GENERIC_TITLE = frozenset("""Minister Ministry Secretary Deputy Vice Chief Senior Acting Former State
    Cabinet Spokesman Spokeswoman Spokesperson Director General Head""".split())


def _bodies(gaz) -> list[tuple[str, tuple[str, ...]]]:
    cached = getattr(gaz, "_bodies_by_country", None)
    if cached is None:
        cached = [(c.name, c.bodies) for c in gaz.countries.values() if c.bodies]
        gaz._bodies_by_country = cached
    return cached


def _with_body(gaz, phrase: str) -> tuple[str, ...]:
    """The countries with a body whose name contains ``phrase`` ("External Affairs"): the
    gazetteer is fixed, and titles recur, so each phrase is looked up once (bounded)."""
    cache = getattr(gaz, "_with_body", None)
    if cache is None:
        cache = gaz._with_body = {}
    hit = cache.get(phrase)
    if hit is None:
        if len(cache) > 4096:
            cache.clear()
        hit = cache[phrase] = tuple(c for c, bodies in _bodies(gaz) if any(phrase in b for b in bodies))
    return hit


# A country doing something to the other side is not the frame of the next speaker: "Russia
# launched drones …. Governor X said" is the governor of the place hit.
_ATTACK = re.compile(
    r"^(?:['’]s)?\s+(?:(?:on|late|early|overnight|again|also|then|reportedly)\s+(?:\w+\s+)?)?"
    r"(?:launched|fired|attacked|struck|shelled|bombed|hit|invaded|seized|captured|shot|killed|downed|"
    r"targeted|pounded|raided|stormed|deployed|sent|massed|advanced|crossed|"
    r"drones?|missiles?|troops|forces|soldiers|jets|aircraft|artillery|shelling|strikes?|attacks?|"
    r"rockets?|shells|tanks|warplanes|warships|vessels|ships|gunboats|militias?|fighters|shot)\b",
    re.I,
)


# A short introductory phrase before the subject: "Later, back in Manila, China's ministry …".
_INTRO_PHRASE = re.compile(r"[^,\n]{1,40}?,\s+")


def _subject_starts(sentence: str) -> list[int]:
    """Where the subject may begin, the subject after introductory phrases first ("In Manila,
    China's embassy said": China), then the sentence's start ("In Beijing, officials said")."""
    starts = [0]
    for _ in range(2):
        m = _INTRO_PHRASE.match(sentence, starts[-1])
        if m is None:
            break
        starts.append(m.end())
    return starts[::-1]


def _attacker(after: str) -> bool:
    return bool(_ATTACK.match(after))


class SideTies:
    text: str

    # --- people ----------------------------------------------------------------------------
    def person_side(self, person, at: int | None):
        if not person.titled or _OWNED_OFFICE.search(person.evidence):
            return None  # no office, or one that something else holds ("the community's president")
        local = self.local_office_side(person.evidence, at)
        if local is not None:
            return local
        name = self._title_body_country(person)
        how, confidence = "body", 0.7
        if name is None and at is not None:
            name, how, confidence = self._frame_country(at), "frame", 0.6
        if name is None and _STATE_OFFICE.search(person.evidence):
            # "VILNIUS, Oct 27 — … Prime Minister X": a state's office, unqualified: the dateline's
            name, how, confidence = self._dateline_country(), "dateline", 0.55
        if name is None:
            name, how, confidence = self._sole_country(), "sole", 0.55
        if name is None:
            return None
        return self._country_entity(name, how, confidence, f"{person.name} → {name}")

    def _dateline_country(self) -> str | None:
        """The country of the city in the article's dateline: news names a foreign office holder
        with the country, its own without. A capital needs no other mention of its country."""
        found = getattr(self, "_dateline", False)
        if found is False:
            found = None
            for line in self.text[:3000].split("\n")[:12]:
                end = dateline_end(line.strip())
                m = _DATELINE_CITY.match(line.strip()) if end else None
                if m:
                    place = m.group().title()
                    found = self._place_country(place) or self._capital_country(place, apart=False)
                    break
            self._dateline = found
        return found

    def _capital_country(self, place: str, apart: bool = True) -> str | None:
        mentions = self.gaz.find(place)
        if mentions and mentions[0].start == 0 and mentions[0].end == len(place):
            name = self._pick(mentions[0].countries)
            return name if name and (not apart or self._named_apart(name, place)) else None
        return None

    def _title_body_country(self, person) -> str | None:
        """"External Affairs Minister X": the one country named in the article that has a body
        of that name ("Ministry of External Affairs")."""
        titled = next((a for a in person.aliases if a.endswith(" " + person.name) and a != person.name), "")
        words = [w for w in titled[: -len(person.name)].split() if w not in _GENERIC_TITLE]
        if len(words) < 2:
            return None
        hits = {c for c in _with_body(self.gaz, " ".join(words)) if self._named(c)}
        return hits.pop() if len(hits) == 1 else None

    # --- bodies ----------------------------------------------------------------------------
    def org_side(self, entity, at: int | None):
        if entity.kind != "org":
            return entity
        owner = self._body_of_country(entity.name) if " of " in entity.name else None
        if owner:  # "Armed Forces of the Philippines", "Ministry of Defence of Ukraine"
            side = self._country_entity(owner, "body", 0.8, f"{entity.name} → {owner}")
            side.add(*entity.aliases)
            return side
        if self.gaz.find(entity.name):
            return entity
        words = entity.name.split()
        noun = _STATE_BODY_HEADS.get(words[-1].lower().strip(",."))
        if noun is None and len(words) >= 3 and words[1] == "of" and words[0] in _OFFICE_OF:
            noun = _OFFICE_OF[words[0]]  # "Department of Foreign Affairs": a state's department
        if noun is None or any(a.isupper() and len(a) > 1 for a in entity.aliases):
            return entity  # an organisation the article gives an acronym is its own ("… (BLA)")
        if any(w in _NON_STATE_WORDS or places.is_place(w) for w in words[:-1]):
            return entity  # "Balochistan Liberation Army", "Revolutionary Armed Forces": not the state
        name = self.tie(noun, at)  # "Venezuela's armed forces" earlier in the article
        how = "tie"
        if name is None and at is not None:
            name, how = self._frame_country(at), "frame"
        if name is None and words[0] in _OFFICE_OF:  # "the Ministry of Health" is a state's: which
            name, how = self._dateline_country() or self._sole_country(), "dateline"  # the story is in
        if name is None:
            return entity
        side = self._country_entity(name, how, 0.6, f"{entity.name} → {name}")
        side.add(*entity.aliases)
        return side

    def _body_of_country(self, name: str) -> str | None:
        head, sep, tail = name.rpartition(" of ")
        if not sep or not any(_STATE_BODY_HEADS.get(w.lower()) or w in _OFFICE_OF for w in head.split()):
            return None
        mentions = self.gaz.find(tail)
        if not mentions or mentions[0].start > 4 or mentions[0].end != len(tail):
            return None  # the whole tail is the country ("the Philippines"), not "of Cabo Delgado"
        return self._pick(mentions[0].countries)

    def named_org(self, speaker: str):
        """"The union" where the article defines one union ("the Kenya National Union of
        Teachers (KNUT)"): that organisation. Two unions, or none: no answer."""
        m = _GENERIC_ORG.match(speaker.strip())
        if not m:
            return None
        head = m.group(1).capitalize()
        hits = {name for name in self.acronyms.values() if head in name.split()}
        if len(hits) != 1:
            return None
        from app.core.entities import Entity

        name = hits.pop()
        acronym = next(a for a, n in self.acronyms.items() if n == name)
        return Entity(name, "org", [name, acronym], "org", 0.7, f"{speaker} → {name}")

    def state_outlet(self, speaker: str, at: int | None):
        """"The state news agency AZ", "state television": the state outlet of the country that
        frames the paragraph, else of the article's only country."""
        if not _STATE_OUTLET.search(speaker):
            return None
        name = (self._frame_country(at) if at is not None else None) or self._sole_country()
        return self._country_entity(name, "outlet", 0.6, f"{speaker} → {name}") if name else None

    # --- places ----------------------------------------------------------------------------
    def local_side(self, speaker: str, at: int | None = None):
        places_named = _places_named(speaker)
        if places_named:  # a place named and not known ("Oddar Meanchey provincial authorities"): no guess
            return self._local_named(places_named)
        return self.local_office_side(speaker, at)

    def local_office_side(self, words: str, at: int | None):
        """"Governor Viktor Lomov", "the regional governor" with no place named: the country of
        the nearest place the story names before them ("… an oil depot in Russia's Belgorod
        region …, the regional governor said"; "a missile struck a block in Kharkiv …")."""
        if at is None or not _local_office(words):
            return None  # no local office, or one that names its place ("the governor of Sisaket")
        window = self.text[max(0, at - 1200):at]
        for m in reversed(list(_PLACE_AFTER.finditer(window))):
            place = m.group("place")
            name = self._owner_country(place) or self._place_country(place)
            if name:
                return self._country_entity(name, "place", 0.65, f"{place} → {name}")
        return None

    def _owner_country(self, place: str) -> str | None:
        """"Russia's Belgorod region": the country that owns the place."""
        mentions = self.gaz.find(place)
        if mentions and mentions[0].start == 0 and mentions[0].possessive and mentions[0].end < len(place):
            return self._pick(mentions[0].countries)
        return None

    def _local_named(self, places_named: tuple[str, ...]):
        for place in places_named:
            name = self._place_country(place)
            if name:
                return self._country_entity(name, "place", 0.7, f"{place} → {name}")
        return None

    def _place_country(self, place: str) -> str | None:
        mentions = self.gaz.find(place)
        if mentions and mentions[0].start == 0:  # a capital: only for a country the article names
            name = self._pick(mentions[0].countries)  # ("officials in Brussels" are the EU's)
            return name if name and self._named_apart(name, place) else None
        words = place.split()
        named = self._article_places().get(words[0]) if words else None
        if named:  # "reporting from Bartica, Guyana" ties Bartica to Guyana in this article
            return named
        for n in range(len(words), 0, -1):  # "Kharkiv region", "Cabo Delgado province"
            hits = [c for c in places.countries_of(" ".join(words[:n])) if self._named(c)]
            if len(hits) == 1:
                return hits[0]
        return None

    # --- the helpers -------------------------------------------------------------------------
    def _country_entity(self, name: str, how: str, confidence: float, evidence: str):
        from app.core.entities import Entity

        self._used_tie = True  # depends on where the speaker is: cache by position
        return Entity(name, "country", self.gaz.countries[name].aliases(), how, confidence, evidence)

    def _named_apart(self, country: str, place: str) -> bool:
        """The article names ``country`` by a form other than ``place`` itself."""
        return any(form in self.text for form in self.gaz.countries[country].aliases() if form != place)

    def _named(self, country: str) -> bool:
        named = self.__dict__.setdefault("_named_in_text", {})  # per article: the text is fixed
        hit = named.get(country)
        if hit is None:
            hit = named[country] = any(form in self.text for form in self.gaz.countries[country].aliases())
        return hit

    def previous_subject_country(self, at: int) -> str | None:
        """The country that opens the sentence right before ``at`` in its paragraph: what "Its
        spokesman" belongs to ("China's defence ministry struck a cooler tone. Its spokesman …")."""
        start = self.text.rfind("\n", 0, at) + 1
        before = self.text[start:at]
        sentences = [x for x in _SENTENCE_END.split(before) if x.strip()]
        if sentences and before.rstrip()[-1:] not in ".!?\"”’'":
            sentences.pop()  # the speaker's own sentence began before the speaker words
        return self._opens_with_country(sentences[-1]) if sentences else None

    def _opens_with_country(self, sentence: str) -> str | None:
        for start in _subject_starts(sentence) if "," in sentence[:42] else (0,):
            clause = sentence[start:]
            opener = _OPENER.match(clause).end()
            head = clause[opener:opener + 80]
            mentions = self.gaz.find(head)
            if mentions and mentions[0].start == 0 and not _attacker(head[mentions[0].end:]):
                name = self._pick(mentions[0].countries)
                if name:
                    return name
        return None

    def _frame_country(self, at: int) -> str | None:
        """The country that opens the nearest sentence of the paragraph before ``at``; else the
        only country that paragraph names before ``at`` (not as an object: "a visit to Tokyo")."""
        start = self.text.rfind("\n", 0, at) + 1
        before = self.text[start:at]
        sentences = _SENTENCE_END.split(before)
        for sentence in reversed(sentences):
            name = self._opens_with_country(sentence)
            if name:
                return name
        named = set()
        for m in self.gaz.scan(before):
            if _attacker(before[m.end:m.end + 40]):
                return None  # "Russian drones hit …. Governor X said": X is not the attacker's
            if not _OBJECT_BEFORE.search(before[max(0, m.start - 30):m.start]):
                named.update(m.countries if len(m.countries) == 1 else [])
                if len(named) > 1:
                    return None  # two countries: no frame, whatever follows
        return named.pop() if len(named) == 1 else None

    def _article_places(self) -> dict[str, str]:
        """Places the article itself puts in a country: "Bartica, Guyana", "NAIROBI, Kenya"."""
        found = getattr(self, "_places", None)
        if found is None:
            found = {}
            for m in _PLACE_COMMA_COUNTRY.finditer(self.text):
                mentions = self.gaz.find(m.group(2))
                if mentions and mentions[0].start == 0 and mentions[0].kind in ("name", "alt"):
                    name = self._pick(mentions[0].countries)
                    if name and not self.gaz.is_form(m.group(1)):
                        found.setdefault(m.group(1).title() if m.group(1).isupper() else m.group(1), name)
            self._places = found
        return found

    def _sole_country(self) -> str | None:
        sole = getattr(self, "_sole", False)
        if sole is False:
            found = set()
            for m in self.gaz.scan(self.text):  # the article once, not kept; two countries end it
                if len(m.countries) == 1:
                    found.add(m.countries[0])
                    if len(found) > 1:
                        break
            sole = self._sole = found.pop() if len(found) == 1 else None
        return sole
