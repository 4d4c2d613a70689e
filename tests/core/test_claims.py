"""The same claim across outlets (app.core.claims), in new words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.claims import group_claims
from app.core.topics import TopicItem


def _item(n, article, party, text, speaker=None):
    return TopicItem(n, text, party, article, 0, speaker, "said" if speaker else None)


def test_one_partys_line_in_three_articles_is_one_claim_whoever_is_named_as_saying_it():
    items = [
        _item(1, 1, "Velmar", "The Velmar interior ministry said the river ferry had been sunk by saboteurs from the north.",
              "The Velmar interior ministry"),
        _item(2, 2, "Velmar", "Velmar said on Monday the river ferry had been sunk by saboteurs from the north.", "Velmar"),
        _item(3, 3, "Velmar", "Officials in Velmar said the river ferry was sunk by northern saboteurs, the ministry added.",
              "Officials in Velmar"),
        _item(4, 2, "Kestria", "Kestria said the river ferry sank because it was overloaded.", "Kestria"),
        _item(5, 1, "Velmar", "The ministry also announced a curfew in the port.", "The ministry"),
    ]
    found = group_claims(items)
    assert len(found) == 1
    claim = found[0]
    assert claim.party == "Velmar" and claim.statement_ids[:2] == (1, 2) and len(claim.article_ids) >= 2
    assert 4 not in claim.statement_ids and 5 not in claim.statement_ids


def test_the_same_words_from_two_parties_or_in_one_article_are_not_one_claim():
    text = "The river ferry had been sunk by saboteurs from the north, the statement said."
    assert group_claims([_item(1, 1, "Velmar", text), _item(2, 2, "Kestria", text)]) == []
    assert group_claims([_item(1, 1, "Velmar", text), _item(2, 1, "Velmar", text)]) == []
    assert group_claims([_item(1, 1, None, text), _item(2, 2, None, text)]) == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.sampled_from(["A", "B", None]),
                          st.sampled_from(["ferry sunk by saboteurs north river", "curfew port night ministry",
                                           "ferry overloaded river accident"]),
                          st.text(max_size=20)), max_size=30))
def test_claims_are_disjoint_one_party_and_several_articles(rows):
    items = [_item(n, a, p, f"{words} {extra}") for n, (a, p, words, extra) in enumerate(rows, 1)]
    found = group_claims(items)
    ids = [s for c in found for s in c.statement_ids]
    assert len(ids) == len(set(ids))
    by_id = {it.id: it for it in items}
    for claim in found:
        assert {by_id[s].party for s in claim.statement_ids} == {claim.party} and claim.party is not None
        assert len(claim.article_ids) >= 2
