"""A word that says only what kind of actor a party is never makes a Merge preselection on its own.

"Russian-backed separatists" and "Baloch separatist groups" share "separatist", which says nothing
about the side; every such word, singular or plural, in either name, leaves the choice empty.
"""

import pytest

from app.core.same_side import likely_target

GENERIC = [
    ("separatists", "separatist"), ("rebels", "rebel"), ("militants", "militant"), ("militias", "militia"),
    ("forces", "force"), ("fighters", "fighter"), ("groups", "group"), ("movement", "movements"),
    ("army", "armies"), ("government", "governments"), ("officials", "official"), ("authorities", "authority"),
    ("insurgents", "insurgent"), ("troops", "troop"), ("gunmen", "gunman"), ("soldiers", "soldier"),
    ("commanders", "commander"), ("leaders", "leader"), ("ministry", "ministries"), ("police", "police"),
    ("Liberation Front", "Liberation Front"), ("Islamic", "Islamic"), ("Popular Resistance", "Popular Resistance"),
]
CANDIDATES = [("Hamas", []), ("Israel", ["IDF"]), ("Pakistan", ["Islamabad"])]


@pytest.mark.parametrize("source_word, target_word", GENERIC)
@pytest.mark.parametrize("source_owner", ["Russian-backed", "Ukrainian", "Sudanese", "pro-government", "Kurdish"])
def test_a_shared_generic_word_is_no_match(source_owner, source_word, target_word):
    target = (f"Baloch {target_word}", [])
    candidates = [*CANDIDATES, target]
    assert likely_target((f"{source_owner} {source_word}", []), candidates) is None
    assert likely_target((f"{source_word.capitalize()} of the north", [f"{source_owner} {source_word}"]), candidates) is None


def test_the_review_cases():
    candidates = [*CANDIDATES, ("Baloch separatist groups", []), ("Russia", []), ("Ukraine", [])]
    for name in ("Russian-backed separatists", "Ukrainian separatists", "Sudanese rebels", "Houthi militants"):
        index = likely_target((name, []), candidates)
        assert index is None or candidates[index][0] != "Baloch separatist groups", name


def test_a_distinctive_word_still_matches_beside_generic_ones():
    candidates = [*CANDIDATES, ("Baloch separatist groups", [])]
    index = likely_target(("Balochistan Liberation Army", ["BLA"]), candidates)
    assert index is not None and candidates[index][0] == "Baloch separatist groups"
    index = likely_target(("Hamas-run health ministry", []), candidates)
    assert index is not None and candidates[index][0] == "Hamas"
