"""The small vocabulary counterclaim matching knows about news copy.

Everything here is plain data, written as ordinary words; :mod:`app.core.matching.analysis`
stems it with the same stemmer it uses on the text, so ``"denied"`` in a list matches
"denies", "denied" and "deny" in an article.

* ``STOP_WORDS``: function words and reporting verbs ("said", "added"), which carry no
  content. Stance words ("denied", "claimed") are *not* stop words.
* ``AXES``: stance axes. Two statements that mention the same axis talk about the same thing;
  when they sit at *different poles* of a ``contrast`` axis ("terrorists" / "civilians") they
  disagree, and at different poles of a ``response`` axis ("urged" / "warned") one answers
  the other. A cue is a word or a phrase; a phrase is matched word for word, stop words
  included ("right to defend").
* ``GROUPS``: synonym groups with no sides ("killed", "casualties", "dead"): they let two
  statements that say the same thing in different words find each other.
* ``NEGATORS`` and ``TIE_WORDS``: "no links", "denied any involvement", "not involved" mean
  the *no ties* pole of the ``ties`` axis and the *denies* pole of the ``claim`` axis.
* ``QUANTIFIERS`` and ``PEOPLE``: a quantity of people ("two people", "a number of
  terrorists", "heavy casualties") is what a "who was killed" counterclaim is made of.

The lists are general newsroom vocabulary for conflict and policy reporting, in English.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """
    a about above across after again against all almost along already also although always am
    among an and another any anyone anything are around as at be became because become been
    before being below between both but by can cannot could did do does doing done down during
    each either else even ever every few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just least less many may me might
    more most much must my myself neither no nor not now of off on once one only or other others
    our ours ourselves out over own per perhaps rather same shall she should since so some such
    than that the their theirs them themselves then there these they this those though through
    thus to too toward towards under until up upon us very via was we were what whatever when
    where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves
    said say says saying told tell tells added adding stated stating according accordingly
    statement statements reported reportedly reporting reports noted announced spokesman
    spokeswoman spokesperson official officials however meanwhile namely known called calling
    get got make made mr mrs ms dr s t
    """.split()
)

# Words that turn a tie word into a denial of ties: "no links", "denied any involvement".
NEGATORS = frozenset("no not never without nor deny denied denies denying reject rejected rejects "
                     "rejecting dismissed dismisses".split())
TIE_WORDS = ("link links linked ties tied connection connections involvement involved "
             "relationship affiliation affiliated association associated").split()

# axis name -> (kind, {pole name: [cue, ...]}); kind is "contrast" or "response".
AXES: dict[str, tuple[str, dict[str, list[str]]]] = {
    "claim": ("contrast", {
        "asserts": ["claimed", "claims", "admitted", "admits", "confirmed", "confirms", "accused",
                    "accuses", "alleged", "alleges", "insisted", "asserted", "credible intelligence",
                    "evidence showed", "proof", "acknowledged", "conceded"],
        "denies": ["denied", "denies", "deny", "rejected", "rejects", "dismissed", "refuted",
                   "baseless", "unfounded", "false", "fabricated", "propaganda", "lies",
                   "no evidence", "categorically"],
    }),
    "targets": ("contrast", {
        "combatants": ["terrorist", "terrorists", "terrorism", "hideout", "hideouts", "militant",
                       "militants", "insurgent", "insurgents", "camps", "training camp", "launch pad",
                       "launchpads", "fighters", "extremists", "jihadists"],
        "civilians": ["civilian", "civilians", "infrastructure", "women", "children", "innocent",
                      "residential", "homes", "houses", "villagers", "village", "mosque", "school",
                      "hospital", "farmers", "worshippers", "non-combatants"],
    }),
    "legitimacy": ("contrast", {
        "justified": ["self-defence", "self-defense", "right to defend", "defend itself",
                      "defend ourselves", "sovereignty", "territorial integrity", "precision",
                      "precise", "proportionate", "legitimate", "justified", "pre-emptive",
                      "counter-terrorism", "national security"],
        "unjustified": ["aggression", "aggressive", "flagrant", "illegal", "unlawful",
                        "international law", "provocative", "provocation", "irresponsible",
                        "unprovoked", "reckless", "act of war", "war crime", "war crimes",
                        "cowardly", "breach"],
    }),
    "ties": ("contrast", {
        "ties": ["supporting", "supports", "supported", "sheltering", "sheltered", "shelter",
                 "harbouring", "harboring", "harboured", "harbored", "backing", "backed",
                 "sponsoring", "sponsored", "safe haven", "safe havens", "funding", "funded",
                 "proxies", "proxy"],
        "no ties": [],  # filled from NEGATORS + TIE_WORDS
    }),
    "next": ("response", {
        "urges": ["urged", "urges", "urge", "call on", "called on", "calls on", "called for",
                  "calls for", "appealed", "asked", "demanded", "demands", "refrain", "restraint",
                  "cooperate", "cooperation", "dialogue", "de-escalate", "negotiate", "talks"],
        "warns": ["warned", "warns", "warning", "threatened", "threatens", "consequences",
                  "retaliate", "retaliation", "respond", "response", "vowed", "vows", "revenge",
                  "avenge", "unanswered", "ultimatum"],
    }),
}

# Synonym groups without sides: group name -> cues.
GROUPS: dict[str, list[str]] = {
    "casualties": ["killed", "killing", "dead", "death", "deaths", "died", "casualties", "casualty",
                   "injured", "injuring", "wounded", "death toll", "bodies", "lives", "fatalities"],
    "strike": ["strike", "strikes", "airstrike", "airstrikes", "air strike", "attack", "attacks",
               "attacked", "bombing", "bombed", "shelling", "missile", "missiles", "drone", "drones",
               "raid", "raids", "operation", "rocket", "rockets", "shelled", "targeted"],
    "damage": ["damage", "damages", "destroyed", "destruction", "losses", "rubble", "wrecked"],
    "diplomacy": ["ambassador", "envoy", "summoned", "protest", "embassy", "diplomat", "diplomats",
                  "expelled", "recalled", "foreign ministry", "foreign office"],
    "border": ["border", "cross-border", "frontier", "boundary", "incursion", "infiltration"],
    "law": ["sovereignty", "violation", "violated", "international law", "territorial integrity",
            "legal", "illegal", "un charter"],
}

# Words that count an amount ("two", "a number of", "dozens of", "heavy casualties").
QUANTIFIERS = frozenset("number numbers several dozens dozen scores hundreds thousands many "
                        "numerous multiple heavy countless some few".split())
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1000000,
}
# What a quantity counts when it counts people (or their loss).
PEOPLE = ("people persons person civilians civilian terrorists terrorist militants militant "
          "soldiers soldier troops fighters casualties casualty dead deaths children women men "
          "residents villagers insurgents members policemen police officers passengers workers "
          "victims wounded injured killed bodies lives refugees hostages").split()

# Words after a capitalised name that make it a place; words before one that usually do.
PLACE_AFTER = frozenset("province region district city town village county border valley "
                        "area areas state governorate capital port".split())
PLACE_BEFORE = frozenset("in at near from into inside across outside towards toward".split())
# Small words allowed inside a name: "Bank of England", "Jaish al-Adl", "Sistan va Baluchestan".
NAME_JOINERS = frozenset("of al el de del da du la le bin ibn van von o va".split())
