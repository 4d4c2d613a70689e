"""Learning from the journalist: a confirmed tag offers its speaker words as an alias, a merge
keeps the merged name, and what was taught reaches the project's other suggestions at once —
never moving a confirmed tag. Asserted on the project file."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.core.errors import CounterclaimError
from app.ops import parties_ops, tagging
from app.ops.importing import import_text
from app.store import parties, statements

FIRST = (
    "Shelling resumed overnight near the river crossing.\n"
    "“We will not retreat,” the palace guard commander said.\n"
    "Kestrel Hold said it had repelled an attack on the bridge."
)
SECOND = (
    "The bridge changed hands twice on Tuesday.\n"
    "“The bridge is ours and will stay ours,” the palace guard commander said.\n"
    "Farmers near the river said they had fled before dawn."
)
THIRD = (
    "Aid convoys waited at the checkpoint.\n"
    "“Nobody passes without papers,” the palace guard commander said.\n"
)


def _file(project_path, sql, params=()):
    with sqlite3.connect(project_path) as conn:
        return conn.execute(sql, params).fetchall()


def _said_by_commander(project, article_id):
    return next(s for s in statements.for_article(project, article_id) if s.speaker == "the palace guard commander")


@pytest.fixture
def three(project):
    ids = [import_text(project, text, title=f"Day {n}").outcomes[0].article_id for n, text in enumerate((FIRST, SECOND, THIRD), 1)]
    assert all(ids)
    return project, ids


def test_a_corrected_tag_offers_the_speaker_words_and_one_click_teaches_the_project(three, project_path):
    project, (a1, a2, a3) = three
    ruritania = parties_ops.add(project, "Ruritania").party_ids[0]
    first = _said_by_commander(project, a1)
    second, third = _said_by_commander(project, a2), _said_by_commander(project, a3)
    assert second.party_id is None  # nobody knows who the commander speaks for yet
    tagging.tag(project, [third.id], None)  # the journalist's word on this one: narration

    change = tagging.tag(project, [first.id], ruritania)
    offer = tagging.alias_offer(project, change)
    assert offer is not None and (offer.party_id, offer.alias, offer.statement_id) == (ruritania, "the palace guard commander", first.id)

    learned = parties_ops.learn(project, offer.party_id, offer.alias, offer.statement_id)
    aliases = json.loads(_file(project_path, "SELECT aliases FROM parties WHERE id = ?", (ruritania,))[0][0])
    assert aliases == ["the palace guard commander"]
    assert _file(project_path, "SELECT origin, statement_id FROM alias_origins WHERE party_id = ?", (ruritania,)) == [
        ("learned", first.id)
    ]
    # re-suggested across the project: the other article's statement now points at Ruritania…
    assert _file(project_path, "SELECT party_id, status FROM statements WHERE id = ?", (second.id,)) == [(ruritania, "suggested")]
    # …and the statement the journalist confirmed as narration stays exactly so
    assert _file(project_path, "SELECT party_id, status FROM statements WHERE id = ?", (third.id,)) == [(None, "confirmed")]
    assert second.id in learned.statement_ids and third.id not in learned.statement_ids

    parties_ops.apply(project, learned, undo=True)  # one undo takes the alias and its effect back
    assert _file(project_path, "SELECT aliases FROM parties WHERE id = ?", (ruritania,)) == [("[]",)]
    assert _file(project_path, "SELECT party_id FROM statements WHERE id = ?", (second.id,)) == [(None,)]


def test_accepting_a_suggestion_or_a_common_word_offers_nothing(three):
    project, (a1, _a2, _a3) = three
    kestrel = next(s for s in statements.for_article(project, a1) if s.speaker == "Kestrel Hold")
    assert kestrel.status == "suggested" and kestrel.party_id is not None
    assert tagging.alias_offer(project, tagging.confirm(project, [kestrel.id])) is None
    other = parties_ops.add(project, "Ruritania").party_ids[0]
    narration = statements.for_article(project, a1)[0]
    with project.transaction():
        project.execute("UPDATE statements SET speaker = 'the leader' WHERE id = ?", (narration.id,))
    assert tagging.alias_offer(project, tagging.tag(project, [narration.id], other)) is None


def test_an_alias_another_party_has_is_refused_with_a_sentence(three):
    project, _ids = three
    ruritania = parties_ops.add(project, "Ruritania").party_ids[0]
    with pytest.raises(CounterclaimError, match="already means Kestrel Hold"):
        parties_ops.learn(project, ruritania, "Kestrel Hold")


def test_merge_keeps_the_merged_name_and_its_aliases_with_their_origins(three, project_path):
    project, (a1, a2, _a3) = three
    kestrel = parties.by_name(project, "Kestrel Hold")
    ruritania = parties_ops.add(project, "Ruritania", aliases=["Ruritanian army"]).party_ids[0]
    parties_ops.update(project, kestrel.id, aliases=[*kestrel.aliases, "the palace guard commander"])
    parties_ops.merge(project, kestrel.id, ruritania)
    (aliases,) = _file(project_path, "SELECT aliases FROM parties WHERE id = ?", (ruritania,))[0]
    assert {"Kestrel Hold", "the palace guard commander", "Ruritanian army"} <= set(json.loads(aliases))
    origins = dict(_file(project_path, "SELECT alias, origin FROM alias_origins WHERE party_id = ?", (ruritania,)))
    assert origins["Kestrel Hold"] == "merge"
    assert origins["the palace guard commander"] == "hand"
    assert origins["Ruritanian army"] == "hand"
    # the merged alias works project-wide
    assert _said_by_commander(project, a2).party_id == ruritania


def test_reasons_name_statements_by_their_project_id(project, project_path):
    import_text(project, FIRST, title="One")
    text = (
        "Talks stalled.\nKestrel Hold said on Monday that the bridge was mined.\n"
        "“The road is open,” the group added.\nIt said more convoys would come."
    )
    article = import_text(project, text, title="Two").outcomes[0].article_id
    rows = statements.for_article(project, article)
    carried = next(s for s in rows if s.carried_from is not None)
    (reason,) = _file(project_path, "SELECT reason FROM statements WHERE id = ?", (carried.id,))[0]
    assert f"statement {carried.carried_from}" in reason
    assert carried.carried_from > 3  # a project id, not the place in its article
