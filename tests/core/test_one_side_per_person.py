"""People and bodies fold into their country's side, however the article names them (issue 14,
item 1): made-up Chile-Peru coverage, in words none of the evaluation sets use."""

from __future__ import annotations

from tests.core.test_attribution_general import run


def parties_named(parties) -> set[str]:
    return {p.name for p in parties}


def party_of(attributions, i: int):
    return attributions[i].party


def test_a_surname_alone_speaks_for_the_side_its_full_mention_names():
    text = (
        "Captain Rosa Quintana, the Chilean navy spokeswoman, watched from the deck.\n"
        "Quintana said the Peruvian trawler had ignored three warnings."
    )
    parties, a, _ = run(text)
    assert parties_named(parties) == {"Chile"}
    assert party_of(a, 1) == "Chile"


def test_a_demonym_before_the_title_gives_the_person_to_that_country():
    text = (
        "Chilean Interior Minister Tomás Ferrada said the border would stay open.\n"
        "Hours later Ferrada said the decision was under review."
    )
    parties, a, _ = run(text)
    chile = next(p for p in parties if p.name == "Chile")
    assert "Tomás Ferrada" in chile.aliases and "Tomás Ferrada" not in parties_named(parties)
    assert [party_of(a, i) for i in (0, 1)] == ["Chile", "Chile"]


def test_a_body_of_a_country_is_that_country():
    text = "The Armed Forces of Peru said two patrol boats had been sent north.\n" \
           "The National Police of Chile said no arrests had been made."
    parties, a, _ = run(text)
    assert parties_named(parties) == {"Peru", "Chile"}
    assert [party_of(a, i) for i in (0, 1)] == ["Peru", "Chile"]


def test_a_department_of_something_is_the_state_that_frames_it():
    text = "Chilean officials protested on Monday. The Ministry of Foreign Relations said the note was delivered by hand."
    parties, a, _ = run(text)
    assert parties_named(parties) == {"Chile"}
    assert party_of(a, 1) == "Chile"


def test_the_subject_after_an_introductory_phrase_frames_the_next_speaker():
    text = ("Peru has accused Chile of provocation. Hours later, back in Lima, Chile's embassy issued a note. "
            "Ambassador Julio Barros said the accusation was baseless.")
    _, a, _ = run(text)
    assert party_of(a, 2) == "Chile"  # the embassy's country, not the city it sits in


def test_a_local_official_speaks_for_the_country_holding_the_place_the_story_is_in():
    text = (
        "Peru and Chile traded accusations on Friday.\n"
        "Floodwater from a burst dam reached homes in Tacna overnight, officials said.\n"
        "Governor Ana Quispe said 40 families had been moved to a school."
    )
    parties, a, _ = run(text)
    assert party_of(a, 2) == "Peru"
    assert "Ana Quispe" not in parties_named(parties)


def test_an_unqualified_office_is_the_datelines_country():
    text = ("SANTIAGO, May 3 (Andes Wire) — Chile recalled its ambassador from Lima on Tuesday.\n"
            "Defence Minister Paula Ibarra said the navy would double its patrols.\n"
            "Peru called the move an overreaction.")
    parties, a, _ = run(text)
    assert party_of(a, 1) == "Chile"
    assert "Paula Ibarra" not in parties_named(parties)


def test_civilians_named_by_nationality_are_no_side():
    text = "Peruvian fishermen stranded at the port said they had not been paid in weeks."
    parties, a, _ = run(text)
    assert parties == [] and party_of(a, 0) is None


def test_the_clause_after_a_semicolon_holds_the_speaker():
    _, a, _ = run("Peru closes its southern border; Santiago says the move breaks a treaty")
    assert a[0].speaker == "Santiago" and party_of(a, 0) == "Chile"


def test_an_adverb_before_the_cue_is_not_part_of_the_speaker():
    _, a, _ = run("Lima rarely comments on naval movements, but the ministry said on Sunday it was watching.")
    assert a[0].speaker == "Lima"


def test_the_group_is_the_organisation_that_spoke_before():
    text = ("SANTIAGO, May 3 (Andes Wire) — Chilean police raided a camp on Sunday.\n"
            "The Mapuche Resistance Front (FRM) denied holding weapons there. "
            "Ana Llancaqueo, a member of the group's council, said the raid was \"theatre\".")
    parties, a, _ = run(text)
    assert party_of(a, 2) == "Mapuche Resistance Front"


def test_a_state_body_named_alone_is_the_country_of_a_slashed_dateline():
    text = ("LIMA/TACNA, June 3 — Truckers blocked the Tacna highway for a ninth day, and a Chilean "
            "exporter said it would stop shipments.\n"
            "Police said 80 officers had been sent to the blockade.")
    _, a, _ = run(text)
    assert party_of(a, 1) == "Peru"


def test_an_office_a_community_holds_is_not_the_datelines():
    text = ("LIMA, June 3 — Peru's mines ministry said talks would resume.\n"
            "Rosa Quispe, the community's president, said no one had invited them.")
    parties, a, _ = run(text)
    assert party_of(a, 1) != "Peru"


def test_the_union_is_not_the_ministry_that_spoke_last():
    text = ("The Teachers' Union of Peru (SUTEP) called a strike on Monday. "
            "The Ministry of Education said the strike was illegal. "
            "The union rejected that.")
    _, a, _ = run(text)
    assert party_of(a, 2) != party_of(a, 1)


def test_a_body_in_the_city_a_sentence_opens_in_is_that_citys_country():
    text = ("Chile's defence ministry said a Peruvian patrol boat had crossed the line. "
            "In Lima, the defence ministry dismissed the account as false.")
    _, a, _ = run(text)
    assert party_of(a, 1) == "Peru"  # not the ministry the article named before


def test_a_spokeswoman_of_a_body_named_by_its_last_word():
    text = ("The Andean Commission said both sides should talk.\n"
            "A Commission spokeswoman said envoys would travel to Lima on Monday.")
    _, a, _ = run(text)
    assert party_of(a, 1) == party_of(a, 0) == "Andean Commission"


def test_a_company_named_by_nationality_is_not_that_state():
    text = "A mine's Chilean owner said production would stop on Friday."
    parties, a, _ = run(text)
    assert parties == [] and party_of(a, 0) is None
