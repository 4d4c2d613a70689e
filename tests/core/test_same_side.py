"""The Merge dialog's preselection: the party on the same side, or none (issue 12, #32)."""

import pytest

from app.core.same_side import likely_target

PARTIES = [("Pakistan", ["Islamabad"]), ("Iran", ["Tehran"]), ("Baloch separatists", ["BLF"])]


@pytest.mark.parametrize(
    "source, expected",
    [
        (("Pakistani military", []), "Pakistan"),  # demonym + state body
        (("ISPR", ["Islamabad"]), "Pakistan"),  # a capital among the aliases
        (("Iran's foreign ministry", []), "Iran"),
        (("Tehran government", []), "Iran"),
        (("Balochistan Liberation Army", ["BLA"]), "Baloch separatists"),  # a shared distinctive word
    ],
)
def test_the_same_side_is_found(source, expected):
    index = likely_target(source, PARTIES)
    assert index is not None and PARTIES[index][0] == expected


@pytest.mark.parametrize(
    "source",
    [
        ("Jaish al-Adl", []),  # nothing shared
        ("Pakistani Taliban", []),  # located in Pakistan, not speaking for it
        ("the army", []),  # only generic words
        ("Witnesses", []),
    ],
)
def test_no_likely_side_means_no_preselection(source):
    assert likely_target(source, PARTIES) is None


def test_a_tie_is_no_answer():
    assert likely_target(("Pakistan and Iran", []), [("Pakistan", []), ("Iran", [])]) is None
    assert likely_target(("Pakistan", []), []) is None


def test_the_party_that_learned_this_ones_name_is_the_likely_target():
    from app.core.same_side import likely_target

    source = ("Oskar Brandt", ["Brandt"])
    candidates = [("Sweden", ["Stockholm"]), ("Norway", ["Oslo", "Oskar Brandt"])]
    assert likely_target(source, candidates) == 1
