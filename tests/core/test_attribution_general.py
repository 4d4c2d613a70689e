"""Attribution on news copy it was not written for: articles made up for these tests."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.attribution import analyse, suggest
from app.core.gazetteer import load
from app.core.models import ProposedParty, Span


def spans_of(text: str) -> list[Span]:
    """One span per sentence: a simple splitter that keeps a quotation's closing mark."""
    spans = []
    pos = 0
    for para, line in enumerate(text.split("\n"), start=1):
        for m in re.finditer(r"\S.*?(?:[.!?][”\"’]?(?=\s+[“\"A-Z])|$)", line):
            spans.append(Span(pos + m.start(), pos + m.end(), para))
        pos += len(line) + 1
    return spans


def run(text: str, existing=()):
    spans = spans_of(text)
    parties, attributions = suggest(text, spans, existing)
    return parties, attributions, [text[s.start : s.end] for s in spans]


def party_of(parties, name_part: str) -> str:
    for p in parties:
        if name_part in p.name or name_part in p.aliases:
            return p.name
    raise AssertionError(f"no party for {name_part}: {[p.name for p in parties]}")


def test_quote_before_and_after_the_speaker():
    text = (
        "Israel’s army said on Monday it had struck a weapons depot in southern Lebanon.\n"
        "“We will not allow anyone to threaten our citizens,” the army said.\n"
        "Lebanon’s prime minister said: “This is a violation of our sovereignty.”\n"
        "“Every strike brings us closer to war,” said Jane Roe, a spokeswoman for the Lebanese army."
    )
    parties, a, sents = run(text)
    israel, lebanon = party_of(parties, "Israel"), party_of(parties, "Lebanon")
    assert [x.party for x in a] == [israel, israel, lebanon, lebanon]
    assert a[1].kind == "quote" and a[1].cue == "said"
    assert a[1].speaker == "the army"
    assert a[3].speaker == "Jane Roe, a spokeswoman for the Lebanese army"
    (qs, qe), = a[3].quotes
    assert text[qs:qe] == "Every strike brings us closer to war,"
    assert a[2].quotes and text[a[2].quotes[0][0] : a[2].quotes[0][1]].startswith("This is")
    lebanon_party = next(p for p in parties if p.name == lebanon)
    assert "Jane Roe" in lebanon_party.aliases and "Beirut" in lebanon_party.aliases


def test_according_to_in_the_middle_and_at_the_end():
    text = (
        "Russia’s defence ministry said its air defences had shot down 12 drones overnight.\n"
        "The drones, according to the ministry, were launched from Ukrainian territory.\n"
        "Two people were injured in the city of Belgorod, according to the regional governor."
    )
    parties, a, _ = run(text)
    russia = party_of(parties, "Russia")
    assert a[1].cue == "according to" and a[1].speaker == "the ministry"
    assert a[1].party == russia
    assert a[2].cue == "according to" and a[2].speaker == "the regional governor"
    assert a[2].party == russia  # the governor of the place the sentence names: Belgorod is Russian


def test_a_local_official_with_no_place_named_gets_no_guess():
    text = (
        "Russia’s defence ministry said its air defences had shot down 12 drones overnight.\n"
        "Two people were injured, according to the regional governor."
    )
    _, a, _ = run(text)
    assert a[1].speaker == "the regional governor"
    assert a[1].party is None  # the governor of what? no place, no guess


def test_spokesperson_named_by_title():
    text = (
        "A State Department spokesperson said the United States was watching the situation closely.\n"
        "China’s foreign ministry spokesman Wang Lin told reporters that Beijing opposed any interference."
    )
    parties, a, _ = run(text)
    assert a[0].party == party_of(parties, "United States")
    assert a[1].party == party_of(parties, "China")
    assert a[1].cue == "told"
    us = next(p for p in parties if p.name == a[0].party)
    assert {"US", "U.S.", "Washington", "American"} <= set(us.aliases)
    china = next(p for p in parties if p.name == a[1].party)
    assert "Wang Lin" in china.aliases


def test_two_parties_in_one_paragraph():
    text = (
        "India accused Pakistan of shelling villages along the Line of Control. "
        "Pakistan denied the charge and said Indian troops had fired first. "
        "Both sides said they would respect the ceasefire."
    )
    parties, a, _ = run(text)
    india, pakistan = party_of(parties, "India"), party_of(parties, "Pakistan")
    assert (a[0].party, a[0].cue) == (india, "accused")
    assert (a[1].party, a[1].cue) == (pakistan, "denied")
    assert a[2].party is None


def test_long_quote_across_three_sentences_speaker_at_the_end():
    text = (
        "The talks in Doha collapsed on Friday.\n"
        "“We came in good faith. We offered a ceasefire. They walked away,” said Jane Roe, "
        "the Sudanese foreign minister."
    )
    parties, a, sents = run(text)
    assert len(sents) == 4
    sudan = party_of(parties, "Sudan")
    assert [x.party for x in a[1:]] == [sudan, sudan, sudan]
    assert all(x.kind == "quote" for x in a[1:])
    assert a[1].carried_from == 3 and a[2].carried_from in (1, 3)
    assert a[0].party is None


def test_long_quote_across_three_sentences_speaker_first():
    text = (
        "Kenya’s interior minister said: “The border is closed. Nobody will cross. "
        "We will not be threatened.”\n"
        "Somalia’s government said the closure was illegal."
    )
    parties, a, _ = run(text)
    kenya, somalia = party_of(parties, "Kenya"), party_of(parties, "Somalia")
    assert [x.party for x in a] == [kenya, kenya, kenya, somalia]
    assert a[1].carried_from == 0 and a[2].carried_from == 1


def test_quote_paragraph_continues_the_speaker():
    text = (
        "“We are ready to talk,” the Ethiopian prime minister said.\n"
        "“But we will defend every inch of our land.”"
    )
    parties, a, _ = run(text)
    ethiopia = party_of(parties, "Ethiopia")
    assert a[1].party == ethiopia and a[1].carried_from == 0 and a[1].kind == "quote"


def test_no_attributed_speech_means_no_party():
    text = (
        "Floods swept through northern Pakistan on Sunday, destroying homes and roads.\n"
        "Iran sent two planes of aid to Islamabad on Monday. The water began to recede by evening.\n"
        "Thousands of families remain in camps near the Indus, where the “relief effort” is slow."
    )
    parties, a, _ = run(text)
    assert parties == []
    assert all(x.kind == "narration" and x.party is None for x in a)
    assert a[-1].quotes  # scare quotes are noted, but they are not speech


def test_pronoun_continuation_respects_number():
    text = (
        "The Houthi rebels said they had fired missiles at a ship in the Red Sea. "
        "The United States condemned the attack. "
        "It said the ship was carrying grain. "
        "They said the ship was linked to Israel."
    )
    parties, a, _ = run(text)
    assert a[2].carried_from == 1
    assert a[3].carried_from == 0
    assert a[2].party == party_of(parties, "United States")
    assert a[3].party != a[2].party


def test_denied_accused_statement_told():
    text = (
        "Venezuela denied sending troops to the border.\n"
        "Guyana accused Venezuela of preparing an invasion.\n"
        "In a statement, the Guyanese government said it had asked the United Nations for help.\n"
        "Venezuela’s defence minister told reporters the troops were on exercises."
    )
    parties, a, _ = run(text)
    venezuela, guyana = party_of(parties, "Venezuela"), party_of(parties, "Guyana")
    assert [x.party for x in a] == [venezuela, guyana, guyana, venezuela]
    assert [x.cue for x in a] == ["denied", "accused", "said", "told"]


def test_in_a_statement_without_a_reporting_verb():
    text = "In a statement, the Turkish foreign ministry called the vote a provocation."
    parties, a, _ = run(text)
    assert a[0].cue in ("In a statement", "called")  # "called X a Y" is a cue of its own
    assert a[0].party == party_of(parties, "Turkey")


def test_organisation_named_later_by_acronym_only():
    text = (
        "The Kurdistan Workers’ Party (PKK) said it had ended its armed struggle.\n"
        "Turkey’s government welcomed the move but said it would wait for proof.\n"
        "The PKK said its fighters would lay down their weapons within a year."
    )
    parties, a, _ = run(text)
    pkk = party_of(parties, "PKK")
    assert a[0].party == pkk and a[2].party == pkk
    assert a[1].party == party_of(parties, "Turkey")
    assert "Kurdistan" not in party_of(parties, "Turkey")


def test_person_with_office_is_a_party_of_their_own_when_no_country_is_given():
    text = (
        "Foreign Minister Jane Roe said the agreement would be signed next week.\n"
        "Roe told reporters that the deal was “the best we could get”.\n"
        "She added that parliament would vote on it."
    )
    parties, a, _ = run(text)
    assert [p.name for p in parties] == ["Jane Roe"]
    # a person's aliases are their name and the surname the article uses, never title + name
    assert "Roe" in parties[0].aliases and "Foreign Minister Jane Roe" not in parties[0].aliases
    assert [x.party for x in a] == ["Jane Roe"] * 3
    assert a[2].carried_from == 1


def test_a_country_doing_something_is_not_a_speaker():
    text = (
        "Pakistan on Thursday launched air strikes in Iran. "
        "The strikes added to tensions in the region. "
        "The government added 500 buses to the fleet. "
        "Officials were told to stay at home. "
        "He declined to say whether talks would resume."
    )
    parties, a, _ = run(text)
    assert parties == []
    assert all(x.party is None for x in a)


def test_non_state_actors_do_not_join_the_country():
    text = (
        "Pakistani Taliban militants said they carried out the attack.\n"
        "Pakistan’s military said it had killed 12 attackers.\n"
        "The military’s media wing said the operation was over."
    )
    parties, a, _ = run(text)
    pakistan = party_of(parties, "Pakistan")
    assert a[0].party != pakistan
    assert a[1].party == pakistan and a[2].party == pakistan


def test_the_military_media_wing_is_tied_to_the_country_the_article_names():
    text = (
        "Pakistan’s military launched an operation in North Waziristan on Monday.\n"
        "The military’s media wing said 12 militants were killed."
    )
    parties, a, _ = run(text)
    assert a[0].party is None  # narration
    assert a[1].party == "Pakistan"
    assert "military’s media wing" in next(p for p in parties if p.name == "Pakistan").aliases


def test_existing_party_with_the_journalists_alias():
    text = "Jaish al-Adl said it had attacked a police station in Rask."
    existing = [ProposedParty("Jaish al-Adl", ["Army of Justice"])]
    parties, a, _ = run(text, existing)
    assert parties == []
    assert a[0].party == "Jaish al-Adl"


def test_gazetteer_covers_the_un_and_more():
    g = load()
    assert len(g.countries) >= 197
    for name in ("Palestine", "Taiwan", "Kosovo", "South Sudan", "Eswatini", "Timor-Leste"):
        assert name in g.countries
    for form, country in (("U.S.", "United States"), ("America", "United States"),
                          ("Washington", "United States"), ("Britain", "United Kingdom"),
                          ("Kyiv", "Ukraine"), ("Emirati", "United Arab Emirates")):
        assert g.find(form)[0].countries == (country,), form
    assert not g.find("Latin America")
    assert not g.find("us")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab “”\"‘’,.:Itsaid Pakistan\nIran "), max_size=200))
def test_any_text_gives_one_attribution_per_span_with_valid_offsets(text):
    spans = spans_of(text)
    attributions = analyse(text, spans)
    assert len(attributions) == len(spans)
    for span, a in zip(spans, attributions):
        for s, e in a.quotes:
            assert span.start <= s < e <= span.end
        if a.carried_from is not None:
            assert 0 <= a.carried_from < len(spans) and a.carried_from != spans.index(span)
    parties, assigned = suggest(text, spans)
    names = {p.name for p in parties}
    assert all(a.party is None or a.party in names for a in assigned)
