"""Pure rules of learning: which words may become an alias, what a tag offers, what the
newsroom gives a project, and statements named by their project id."""

from __future__ import annotations

import pytest

from app.core.alias_rules import may_be_alias
from app.core.learning import alias_to_offer
from app.core.models import ProposedParty
from app.core.newsroom import Newsroom
from app.core.numbering import from_list, renumber


@pytest.mark.parametrize("words", ["the Kremlin", "Dmitry Peskov", "Fenwick Hall", "the palace guard commander", "UNRWA"])
def test_names_may_be_aliases(words):
    assert may_be_alias(words)


@pytest.mark.parametrize("words", ["", "X", "Doctor", "the doctor", "Leader", "Daily", "he", "the foreign ministry",
                                   "a senior official", "the ministry's spokesman", "—", "analysts"])
def test_common_words_and_titles_may_not(words):
    assert not may_be_alias(words)


def test_an_offer_is_the_name_before_the_apposition_and_never_anothers():
    assert alias_to_offer("Tomas Varga, the council's envoy", ["Ruritania"], []) == "Tomas Varga"
    assert alias_to_offer("the Kremlin", ["Russia", "Kremlin"], []) is None  # already one (articles fold)
    assert alias_to_offer("the Kremlin", ["Russia"], ["Kremlin"]) is None  # another party's
    assert alias_to_offer("one of the many people gathered outside the hall", ["Ruritania"], []) is None  # too long
    assert alias_to_offer(None, ["Ruritania"], []) is None


def test_the_newsroom_joins_a_side_by_its_name_and_the_project_keeps_its_names():
    room = Newsroom()
    room.remember("Russia", "the Kremlin")
    room.remember("Russia", "Dmitry Peskov")
    room.remember("Ruritania", "Fenwick Hall")
    room.remember("Ruritania", "the Grand Council")
    project = [ProposedParty("Russia", []), ProposedParty("Freedonia", ["Fenwick Hall"])]
    known, missing = room.for_project(project)
    assert known[0].aliases == ["the Kremlin", "Dmitry Peskov"]
    assert known[1].aliases == ["Fenwick Hall"]
    assert [(p.name, p.aliases) for p in missing] == [("Ruritania", ["the Grand Council"])]


def test_renaming_in_the_newsroom_keeps_the_old_name_as_an_alias():
    room = Newsroom()
    room.remember("Kremlin", "Dmitry Peskov")
    room.rename("Kremlin", "Russia")
    assert (room.entries[0].name, room.entries[0].aliases) == ("Russia", ["Kremlin", "Dmitry Peskov"])


def test_reasons_name_statements_by_project_id():
    ids = [101, 102, 205]
    assert renumber("continues the speaker of statement 2 (“He said”)", from_list(ids)) == (
        "continues the speaker of statement 102 (“He said”)"
    )
    assert renumber("a quotation; statement 3 is Ruritania", from_list(ids)) == "a quotation; statement 205 is Ruritania"
    assert renumber("statement 9 is out of the article", from_list(ids)) == "statement 9 is out of the article"
    assert renumber(None, from_list(ids)) is None
