"""The words speaker phrases are made of: nouns that can speak, pronouns, adverbs and time
words between a subject and its cue, words that open a clause or a sentence.

Plain sets, read by ``app.core.speakers`` (and ``app.core.parties`` for pronouns).
"""

from __future__ import annotations

_PASSIVE = frozenset("was were been being is are be am".split())
_NOT_SPEECH_BEFORE = frozenset("to not never n't the a an his her its their these those such our my your "
                               "of no any will would could should can may might must shall".split())
# What may stand between the subject and its cue, and what may follow a sentence-final cue.
_ADVERBS = frozenset(
    "also however further furthermore later again previously earlier separately repeatedly strongly "
    "flatly firmly publicly reportedly quickly swiftly immediately categorically vehemently then too "
    "has have had only once initially subsequently privately officially explicitly bluntly simply "
    "already since similarly likewise meanwhile nonetheless".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())
_PERIODS = frozenset("week month year night weekend".split())
# Words that mark a clause, not a noun phrase: the "subject" before a cue must not hold them.
_CLAUSE_WORDS = frozenset(
    "that which who whom whose when after before while because since if although though until where "
    "than whether is are was were has have had will would can could should may might must did does do "
    "been being not there amid".split()
)
# -ed words that are adjectives in a noun phrase ("armed groups", "unnamed officials").
_ED_OK = frozenset(
    "armed unnamed alleged united concerned retired elected appointed named detained self-styled "
    "so-called exiled banned outlawed proscribed designated veteran red bed shed".split()
)
PRONOUNS = {"it": "it", "they": "they", "he": "person", "she": "person"}
# Nouns that can speak (singular forms; plurals are found by stripping "s"/"es").
SPEAKER_NOUNS = frozenset(
    """ministry government army military navy police authority administration cabinet parliament
    office department agency embassy ambassador envoy consulate council commission committee court
    spokesman spokeswoman spokesperson official officer minister president premier chancellor
    secretary chief commander general leader head director representative diplomat delegation
    prosecutor judge lawyer attorney analyst expert source witness resident survivor villager
    doctor medic group organisation organization movement party faction militant rebel separatist
    insurgent fighter force statement report communique communiqué release letter post
    broadcaster media outlet newspaper agency regime junta coalition alliance union wing unit
    campaigner activist observer monitor researcher scientist economist professor student worker
    family relative farmer people citizen official negotiator mediator mission team
    governor mayor senator lawmaker legislator king queen prince emir sheikh cleric ayatollah
    watchdog charity regulator inspector investigator police-chief sheriff guard elder soldier
    federation association league bloc network confederation syndicate reply response readout
    transcript remarks comments submission notice
    man woman boy girl mother father parent driver passenger shopkeeper trader vendor onlooker
    bystander eyewitness insider commentator pundit pensioner neighbour local person interlocutor
    """.split()
)
_DETERMINERS = frozenset(
    "the a an this that these those its their his her our both some many several most all other "
    "another each no but and however meanwhile yet so one two three".split()
)
_INTRO_FIRST = frozenset(
    "however meanwhile separately earlier later on in at after before during speaking asked "
    "responding writing addressing but and yet still also moreover furthermore nonetheless "
    "nevertheless instead for from with without under as since when while although though despite "
    "last this late early elsewhere today yesterday overnight hours days weeks months then thus "
    "in addition separately".split()
)
# Capitalised first words that are sentence words, never a name ("As the ministry noted",
# "In a statement read on state television").
_NOT_A_NAME = _DETERMINERS | _INTRO_FIRST | frozenset(
    "by of to into over near across under about against between through amid among upon "
    "if unless whether once because so than what which who whose where how why".split()
)
_COORDINATORS = frozenset("and but while whereas yet so".split())
