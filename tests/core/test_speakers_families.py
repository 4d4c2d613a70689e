"""Families of ways news names a speaker (issue 14, item 4), each in words of its own.

None of these sentences is from the evaluation sets: each family is read by a general rule, and
the tests use other countries, bodies, verbs and orders than the articles the rules were tuned on.
"""

from __future__ import annotations

import pytest

from app.core.attribution import analyse, suggest
from app.core.speakers import find_speech
from tests.core.test_attribution_general import party_of, run, spans_of


def speech(sentence: str):
    return find_speech(sentence, [])


# --- the reporting-verb lexicon ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, speaker, cue",
    [
        ("The coast guard rebutted the account within the hour.", "The coast guard", "rebutted"),
        ("Opposition leaders conceded the vote had been close.", "Opposition leaders", "conceded"),
        ("The navy underscored that its vessels had stayed in international waters.", "The navy", "underscored"),
        ("The governor opined that the talks were doomed.", "The governor", "opined"),
        ("The interior ministry pointed out that no permit had been sought.", "The interior ministry", "pointed out"),
        ("The president vowed to rebuild every school.", "The president", "vowed"),
        ("Prosecutors alleged the funds had been moved abroad.", "Prosecutors", "alleged"),
        ("The cabinet slammed the decision as reckless.", "The cabinet", "slammed"),
        ("The embassy branded the protesters “paid agitators”.", "The embassy", "branded"),
        ("The defence minister called the drone incursion a provocation.", "The defence minister", "called"),
        ("The foreign office described the sanctions as illegal.", "The foreign office", "described"),
        ("The regional council informed residents that the bridge would close.", "The regional council", "informed"),
        ("Elders testify that the well was dug by their grandparents.", "Elders", "testify"),
    ],
)
def test_reporting_verbs_of_the_lexicon(sentence, speaker, cue):
    sp = speech(sentence)
    assert sp is not None and (sp.speaker, sp.cue) == (speaker, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council called off the vote.",
        "A village called Dunmore lies on the border.",
        "The state news agency added 40 pages to its website.",
        "Regional broadcasters report weather every hour.",
        "Huge protest marches filled the square.",
        "The ministry declined to comment.",
        "The embassy would protest any such move.",
        "Her critics continued their boycott.",
    ],
)
def test_the_same_words_as_nouns_and_actions_are_not_speech(sentence):
    assert speech(sentence) is None


def test_weak_and_after_quote_verbs_speak_right_after_a_quotation():
    sentence = "“Nobody will be forgotten,” the mayor continued."
    quotes = [(1, sentence.index("”"))]
    sp = find_speech(sentence, quotes)
    assert sp is not None and (sp.speaker, sp.cue) == ("the mayor", "continued")
    sentence = "“We have the footage,” Novak posted on Telegram."
    sp = find_speech(sentence, [(1, sentence.index("”"))])
    assert sp is not None and (sp.speaker, sp.cue) == ("Novak", "posted")
