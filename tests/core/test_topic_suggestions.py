"""Suggested topics (app.core.topics): statements grouped by what they are about, in new words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.topics import MAX_TOPICS, TopicItem, suggest

R, B = "Ruritania", "Borduria"
FORMS = frozenset({"ruritania", "ruritanian", "borduria", "bordurian"})


def _items(rows):
    """(article, paragraph, party, speaker, text) rows, numbered from 1 in reading order."""
    return [TopicItem(n, text, party, article, paragraph, speaker, "said" if speaker else None)
            for n, (article, paragraph, party, speaker, text) in enumerate(rows, 1)]


DAM = _items([
    (1, 0, R, "Ruritania's water ministry", "Ruritania's water ministry said the Vesna dam had cut the river's flow by half."),
    (1, 0, R, None, "\"Our farmers downstream have no water for the spring sowing.\""),
    (1, 1, B, "Borduria's energy minister", "Borduria's energy minister said the Vesna dam releases every litre the treaty asks for."),
    (1, 1, B, None, "\"The river is low because the winter was dry, not because of the dam.\""),
    (1, 2, None, None, "Satellite images show the reservoir behind the Vesna dam filling since March."),
    (1, 3, R, "The Ruritanian army", "The Ruritanian army said Bordurian drones had flown over its border posts near Kell."),
    (1, 3, B, "A Bordurian defence spokesman", "A Bordurian defence spokesman said no drone had crossed the border at Kell."),
    (2, 0, R, "Ruritanian border guards", "Ruritanian border guards said three drones were seen above the Kell posts on Sunday."),
    (2, 1, B, "Borduria", "Borduria said the drone sightings at Kell were invented to justify troop movements."),
    (2, 2, R, "Ruritania", "Ruritania said the dam's flow to the river must be restored under the treaty."),
    (2, 2, B, "Borduria", "Borduria said the treaty sets the flow of the dam and it is respected."),
])


def _topic_of(found):
    return {s: t.name for t in found for s in t.statement_ids}


def test_an_accusation_and_its_denial_share_a_topic_apart_from_another_point():
    found = suggest(DAM, party_forms=FORMS)
    topic = _topic_of(found)
    assert 2 <= len([t for t in found if t.existing is None]) <= MAX_TOPICS
    assert topic[1] == topic[3] == topic[4]  # the dam: claim, answer, the answer's quote
    assert topic[6] == topic[7] == topic[9]  # the drones over Kell
    assert topic[1] != topic[6]


def test_each_topic_is_named_by_what_its_statements_share_and_says_so():
    found = suggest(DAM, party_forms=FORMS)
    by_name = {t.name: t for t in found}
    dam = next(t for t in found if 1 in t.statement_ids)
    drones = next(t for t in found if 6 in t.statement_ids)
    assert any(w.casefold().startswith("dam") or "vesna" in w.casefold() for w in dam.shares)
    assert any(w.casefold().startswith(("drone", "kell")) for w in drones.shares)
    assert dam.explanation.startswith("shares: ") and dam.name != drones.name
    assert len(by_name) == len(found)
    assert all(0 <= s <= 1 for t in found for s in t.scores)


def test_confirmed_topics_are_kept_and_new_statements_are_proposed_into_them():
    confirmed = {"The Vesna dam": [1, 2, 3, 4]}
    found = suggest(DAM, confirmed=confirmed, party_forms=FORMS)
    into = [t for t in found if t.existing == "The Vesna dam"]
    assert into, "the later dam statements are proposed into the journalist's topic"
    assert {10, 11} & set(into[0].statement_ids)
    assert not {1, 2, 3, 4} & {s for t in found for s in t.statement_ids}  # never moved elsewhere
    assert all(t.name.casefold() != "the vesna dam" for t in found if t.existing is None)


def test_asking_for_more_topics_gives_more():
    few = [t for t in suggest(DAM, count=2, party_forms=FORMS) if t.existing is None]
    more = [t for t in suggest(DAM, count=4, party_forms=FORMS) if t.existing is None]
    assert len(few) <= 2 < len(more) <= 4


def test_nothing_to_group_gives_no_topic():
    assert suggest([]) == []
    assert suggest(_items([(1, 0, R, None, "Yes.")])) == []


def test_the_outlets_own_scene_setting_alone_is_no_topic():
    rows = [(1, 0, None, None, "The market in Kell was quiet on Sunday morning."),
            (1, 0, None, None, "The market in Kell reopened after a week."),
            (1, 1, R, "Ruritania", "Ruritania said the Vesna dam had cut the river's flow."),
            (1, 1, B, "Borduria", "Borduria said the dam's flow to the river was normal.")]
    found = suggest(_items(rows), party_forms=FORMS)
    assert all(any(s in (3, 4) for s in t.statement_ids) for t in found)


def test_a_large_project_is_grouped_from_a_sample_and_every_statement_considered():
    rows = []
    farms = ("orchards", "wheat", "rice", "cattle", "vineyards", "barley", "fisheries")
    posts = ("northern", "eastern", "hill", "river", "customs", "forest")
    for article in range(1, 400):
        rows.append((article, 0, R, "Ruritania",
                     f"Ruritania said the Vesna dam cut the river flow to its {farms[article % 7]}."))
        rows.append((article, 1, B, "Borduria",
                     f"Borduria said its drones never crossed the border at the {posts[article % 6]} posts of Kell."))
    items = _items(rows)
    found = suggest(items, party_forms=FORMS)
    placed = {s for t in found for s in t.statement_ids}
    assert len(placed) > 0.9 * len(items)
    for t in found:  # a big project has more topics, but the dam and the drones never mix
        assert len({s % 2 for s in t.statement_ids}) == 1, t.name


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.integers(0, 3), st.sampled_from([R, B, None]),
                          st.text(min_size=0, max_size=80)), max_size=40),
       st.one_of(st.none(), st.integers(1, 8)))
def test_any_statements_give_topics_within_the_rules(rows, count):
    items = [TopicItem(n, text, party, article, paragraph) for n, (article, paragraph, party, text) in enumerate(rows, 1)]
    found = suggest(items, count=count)
    ids = [s for t in found for s in t.statement_ids]
    assert len(ids) == len(set(ids))  # a statement is suggested into one topic at most
    assert set(ids) <= {i.id for i in items}
    assert len(found) <= (count or MAX_TOPICS)
    assert all(len(t.statement_ids) >= 2 and len(t.scores) == len(t.statement_ids) for t in found)
    assert len({t.name.casefold() for t in found}) == len(found)
