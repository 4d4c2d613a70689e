"""The reporting-verb lexicon: forms made by rule from the data file's lemmas."""

from __future__ import annotations

import pytest

from app.core.lexicon import inflections, lexicon, parse, third_person


@pytest.mark.parametrize(
    "lemma, forms",
    [
        ("deny", {"denies", "denied", "denying"}),
        ("rebut", {"rebuts", "rebutted", "rebutting"}),
        ("vow", {"vows", "vowed", "vowing"}),
        ("concede", {"concedes", "conceded", "conceding"}),
        ("reiterate", {"reiterates", "reiterated"}),
        ("echo", {"echoes", "echoed"}),
        ("stress", {"stresses", "stressed"}),
        ("emphasise", {"emphasizes", "emphasised", "emphasized"}),
        ("signal", {"signalled", "signaled"}),
    ],
)
def test_inflections_by_rule(lemma, forms):
    assert forms <= set(inflections(lemma))


def test_irregular_past_is_taken_from_the_file():
    assert {"swore", "sworn", "swears"} <= set(inflections("swear", ("swore", "sworn")))
    assert "sweared" not in inflections("swear", ("swore", "sworn"))
    assert third_person("reply") == "replies" and third_person("say") == "says"


def test_the_shipped_list_holds_the_published_core_and_the_additions():
    lex = lexicon()
    for form in ("said", "told", "wrote", "testified", "proclaimed", "retold", "reckons"):
        assert form in lex.words
    for form in ("denied", "alleged", "rejected", "accused", "urged", "vowed", "conceded", "dismissed",
                 "rebutted", "insisted", "reiterated", "underlined", "underscored", "opined", "informed",
                 "stated", "warned", "branded", "slammed", "called", "described"):
        assert form in lex.words, form
    assert {"pointed out", "points out", "called for", "made clear", "went on to say"} <= set(lex.phrases)
    assert len(lex.words) > 500  # ~150 lemmas, every form
    assert lexicon() is lex  # read once per process


def test_a_bad_file_gets_a_sentence():
    with pytest.raises(ValueError, match="section"):
        parse("[speach]\nsay said\n")
    with pytest.raises(ValueError, match="before any section"):
        parse("say said\n")
