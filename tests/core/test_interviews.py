"""Q&A interviews and interview features: the interviewee's answers are theirs (issue 14),
in made-up copy written for these tests."""

from __future__ import annotations

from app.core.interviews import answers
from tests.core.test_attribution_general import run, spans_of

QA = (
    "Interview: Chile's navy chief on the fishing row\n"
    "Chile's navy commander, Admiral Rosa Fuentes, spoke to us by telephone from Valparaíso.\n"
    "Did your ships fire on the Peruvian trawlers?\n"
    "No. We fired two flares, in the air, after six warnings on the radio.\n"
    "Lima calls that a lie.\n"
    "Of course. The recordings exist and the court can hear them.\n"
    "Will you keep patrolling the line?\n"
    "Every day. My sailors know where the line is.\n"
    "She laughed when asked whether she would resign.\n"
    "Peru's foreign ministry said in a statement that the flares were \"an act of intimidation\".\n"
    "This interview has been edited for length."
)


def test_the_answers_of_a_q_and_a_are_the_interviewees():
    parties, a, sentences = run(QA)
    by_start = {s.split()[0]: x for s, x in zip(sentences, a)}
    assert by_start["No."].party == "Chile" and "Rosa Fuentes" in by_start["No."].speaker
    assert by_start["Of"].party == "Chile" and by_start["Every"].party == "Chile"
    assert by_start["Did"].party is None  # the question is the outlet's
    assert by_start["She"].party is None  # so is the aside about her
    assert by_start["Peru's"].party == "Peru"  # a paragraph quoting someone else keeps its speaker
    assert "Rosa Fuentes" not in {p.name for p in parties}


def test_q_and_a_lines_with_prefixes():
    text = ("Q&A with a mayor\n"
            "The mayor of Tacna, Luis Choque, answered our questions.\n"
            "Q: Is the border open?\n"
            "A: It is closed to trucks. Families can still cross on foot.\n"
            "Q: For how long?\n"
            "A: Until Santiago lifts its measures.")
    spans = spans_of(text)
    found = answers(text, spans)
    answered = {text[spans[i].start:spans[i].end][:9] for i in found}
    assert answered == {"A: It is ", "Families ", "A: Until "}
    assert all(words == "The mayor of Tacna, Luis Choque" for words, _ in found.values())


def test_an_article_with_questions_is_no_interview_unless_it_says_so():
    text = ("Peru and Chile traded accusations on Friday.\n"
            "Who fired first?\n"
            "Nobody knows.\n"
            "What happens next?\n"
            "Talks resume in June.")
    assert answers(text, spans_of(text)) == {}


def test_a_person_introduced_with_a_description_is_the_next_he_said():
    text = ("Chile's consul in Tacna, Mario Reyes, was blunt when we met him on Monday. "
            "\"Nobody was hurt,\" he said.")
    parties, a, _ = run(text)
    assert a[1].party == "Chile"


RELEASE = (
    "Full text: Peru's interior ministry on the border closure\n"
    "The following statement was issued by Peru's Ministry of the Interior on Sunday. It is reproduced in full.\n"
    "PRESS RELEASE\n"
    "The Ministry of the Interior informs the public that the Tacna crossing will close at midnight.\n"
    "The measure is temporary. It responds to the smuggling detected in recent weeks.\n"
    "\"We will reopen as soon as controls are in place,\" said Carla Núñez, Director of Communications.\n"
    "ENDS\n"
    "Responding to the statement, Chile's foreign ministry said it had not been consulted."
)


def test_a_release_printed_in_full_is_its_issuers():
    parties, a, sentences = run(RELEASE)
    by_start = {s.split()[0]: x for s, x in zip(sentences, a)}
    assert {by_start[w].party for w in ("The", "It", "\"We")} == {"Peru"}
    assert by_start["Responding"].party == "Chile"  # the outlet speaks again after ENDS
    assert "Carla Núñez" not in {p.name for p in parties}


def test_an_article_that_only_mentions_a_statement_is_no_release():
    text = ("Peru's interior ministry said in a statement on Sunday that the crossing would close.\n"
            "Truck drivers said they had not been told.")
    from app.core.releases import in_full

    assert in_full(text, spans_of(text)) == {}


def test_a_person_set_in_a_scene_and_their_second_surname():
    text = ("The border town was quiet on Sunday.\n"
            "At the navy's base in Arica, Captain Jorge Soto Ibáñez is blunter. \"We will not move,\" he says.\n"
            "Soto says the patrols will double.")
    parties, a, sentences = run(text)
    names = {p.name for p in parties}
    assert a[2].speaker and "Soto" in a[2].speaker  # the "he says" is the captain's
    assert not {"Jorge Soto", "Soto"} & names  # one person, named with both surnames


def test_a_web_pages_statement_heading_is_no_release():
    from app.core.releases import in_full

    text = ("Chile and Peru trade blame over trawler\n"
            "Statement\n"
            "Chile's navy said the trawler ignored six warnings.\n"
            "Peru's fisheries ministry said the boat was in Peruvian waters.")
    assert in_full(text, spans_of(text)) == {}


def test_a_web_pages_labelled_lines_are_no_turns():
    text = ("Chile and Peru trade blame over trawler\n"
            "Image: The trawler in port.\n"
            "Chile's navy said the trawler ignored six warnings.\n"
            "Image: Sailors on deck.\n"
            "Credit: Andes Wire\n"
            "Peru's fisheries ministry said the boat was in Peruvian waters.\n"
            "Image: The harbour.\n"
            "Credit: Andes Wire")
    assert answers(text, spans_of(text)) == {}


def test_a_turn_label_in_capitals_is_speaker_words_the_article_has_at_their_offset():
    """Found by the offsets property test: "ANSA:" turns gave the speaker "Ansa" at the offset
    of "ANSA"; a name in capitals is read where the text writes it in its own case, else as written."""
    from app.core.continuation import analyse
    from app.core.segment import segment

    text = ("Albania’s foreign ministry said the vote was fair.\n"
            + "\n".join(["ANSA: Albania’s foreign ministry said the vote was fair."] * 3)
            + "\nANSA: Observers said the vote was fair.")
    for a in analyse(text, segment(text)):
        if a.speaker and a.speaker_at is not None:
            assert text[a.speaker_at : a.speaker_at + len(a.speaker)] == a.speaker
    named = "Lt. Col. Avi Peretz briefed reporters.\n" + "\n".join(
        f"PERETZ: The strike hit a launch site number {n}." for n in range(4))
    found = [a for a in analyse(named, segment(named)) if a.speaker]
    assert found and all(a.speaker == "Peretz" and named[a.speaker_at:].startswith("Peretz") for a in found)
