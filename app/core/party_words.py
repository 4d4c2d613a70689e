"""The words that tell a state from an organisation, a title from a name (app.core.parties).

Word lists, not rules: which capitalised words after a country keep it the state ("Pakistan
Army"), which make a name an organisation ("… Front", "… Council"), which are titles
("Foreign Minister"), which heads make "<Country>'s …" the country's own body ("… Commission")
or a body beside it ("… Union", "… Party").
"""

from __future__ import annotations

import re

from app.core import gazetteer as gz

# Lowercase heads that make a demonym or a possessive country name non-state:
# "Pakistani militants" and "Iran’s opposition" do not speak for the government.
NONSTATE = frozenset(
    """militant rebel separatist insurgent opposition fighter group protester activist civilian
    resident refugee journalist dissident villager student worker citizen people national
    voter lawmaker-in-exile exile diaspora community clergy cleric tribe tribesman militia
    faction movement party gunman extremist jihadist victim family relative farmer businessman
    company firm bank media press newspaper broadcaster channel outlet analyst expert academic
    scholar writer artist player team fan club church mosque hospital university doctor
    driver trucker motorist passenger traveller traveler commuter shopkeeper trader merchant
    fisherman pilgrim tourist survivor witness eyewitness parent mother father child teenager
    pensioner retiree shopper consumer migrant employee labourer laborer miner nurse patient
    neighbour neighbor household homeowner tenant landowner herder vendor exporter importer
    producer manufacturer operator airline shipper investor lender insurer retailer owner
    shareholder developer contractor supplier buyer""".split()
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
    Sir Lord Lady Professor Prof Prof. Rev Rev. Father Imam Ayatollah Mullah Cabinet Attorney
    External Affairs Solicitor Auditor Inspector Commissioner Police Trade Economy Justice Health
    Education Energy Agriculture Transport Brigadier Commodore Marshal Corporal Superintendent
    Chairman Chairwoman Chairperson Secretary-General Emir Sultan Crown Rear Field Staff
    Brigadier-General Major-General Lieutenant-General Lieutenant-Colonel Air-Marshal""".split()
)
# Titles of courtesy, not of office: "Mr Kumar" says nothing of whom he speaks for.
_COURTESY = frozenset("Mr Mrs Ms Dr Sir Lord Lady Prof Professor Rev Father".split())
# An office in the speaker's own words: "Oduya, the union's spokesman".
_OFFICE_IN_SPEAKER = re.compile(
    r"\b(?:spokes(?:man|woman|person)|minister|ambassador|envoy|governor|commander|president|"
    r"secretary|general|colonel|premier|chancellor|mayor|prosecutor|officials?|advis[eo]r|aide|"
    r"leader|chief|head|director|representative|negotiator|government|ministry|army|military|police)\b"
)
# A description after a person's name: "Marcia Fredericks, who runs a grocery", "Grace Roe, a mother".
_DESCRIBED = re.compile(r",\s+(?:[a-z][\w'’\-]*)")
# Abbreviations of offices, not names of organisations: the body noun each stands for.
OFFICE_ABBREVIATIONS = {
    "MFA": "ministry", "MOFA": "ministry", "MoFA": "ministry", "MOD": "ministry", "MoD": "ministry",
    "MOI": "ministry", "MoI": "ministry", "FM": "minister", "PM": "minister", "DM": "minister",
    "FO": "office", "PMO": "office",
}
# Nouns of state bodies an article can tie to a country ("the army" after "Israel’s army").
BODY_NOUNS = (
    "ministry", "government", "army", "military", "navy", "police", "authorities", "administration",
    "cabinet", "parliament", "embassy", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "officials", "president", "premier", "minister", "forces", "regime", "junta",
    "air force", "foreign office", "presidency", "military’s", "army’s",
)


# Head words of a country's own bodies: "<Country>'s … Commission" is the state speaking.
STATE_HEADS = frozenset(
    """Commission Committee Ministry Service Agency Council Guard Forces Force Command Authority
    Office Department Court Assembly Parliament Senate Cabinet Army Navy Police Treasury Bureau
    Directorate Inspectorate Prosecutor Prosecutor's Administration Presidency Government""".split()
)
NONSTATE_HEADS = frozenset(
    """Union Party Movement Front Watch Association Federation League Alliance Coalition Church
    University Company Corporation Bank Society Foundation Institute Club Network Group""".split()
)


def state_head(words: list[str]) -> bool:
    bare = [w.strip(",.;:()").removesuffix("’s").removesuffix("'s") for w in words[:6]]
    if any(w in NONSTATE_HEADS for w in bare):
        return False
    return any(w in STATE_HEADS for w in bare)


def has_org_word(words: list[str]) -> bool:
    return any(w.strip(",’'s") in ORG_WORDS or w.rstrip(",").removesuffix("’s").removesuffix("'s") in ORG_WORDS for w in words)


def titled_person(words: list[str]) -> bool:
    """"Interior Cabinet Secretary Abdi Hassan": the organisation words are all in the title."""
    k = 0
    while k < len(words) and words[k] in TITLE_WORDS:
        k += 1
    rest = words[k:]
    return k > 0 and 1 <= len(rest) <= 4 and not has_org_word(rest) and not any(w.isupper() for w in rest)


def is_title_only(words: list[str]) -> bool:
    return all(w in TITLE_WORDS for w in words)


def state_body(name: str, mention: gz.Mention) -> bool:
    """"The U.K. Foreign Office", "Russia's Investigative Committee", "Kenya's Teachers Service
    Commission": a country's own body, not an organisation beside it."""
    after = name[mention.end :].split()
    if not after:
        return False
    if after[0] in STATE_WORDS:
        return True
    return (mention.possessive or mention.kind == gz.BODY) and state_head(after)
