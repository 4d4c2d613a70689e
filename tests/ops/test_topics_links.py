"""Topic and link ops: each one transaction, each undone and redone exactly, ids included."""

from __future__ import annotations

import pytest

from app.core.errors import CounterclaimError
from app.ops import links_ops, topics_ops
from app.store import links, topics
from narrative_seed import gold_links, tag_seed
from seed_tagging import EXPECTED_GRID, TOPIC_ORDER


def _state(project):
    return (
        project.execute("SELECT id, name, color, position FROM topics ORDER BY id").fetchall(),
        project.execute("SELECT statement_id, topic_id FROM statement_topics ORDER BY 1, 2").fetchall(),
        project.execute("SELECT id, source_id, target_id, relation, note, status FROM links ORDER BY id").fetchall(),
    )


@pytest.fixture
def seeded(project, seed_path):
    return project, tag_seed(project, seed_path)


def test_the_seed_tagged_through_the_ops_gives_the_issue_table(seeded, seed_path):
    project, ids = seeded
    assert [t.name for t in topics.all_topics(project)] == list(TOPIC_ORDER)
    names = {v: k for k, v in ids.items()}
    for topic, cells in EXPECTED_GRID.items():
        topic_id = topics.by_name(project, topic).id
        under = {names[s] for s in topics.statements_of(project, topic_id)}
        assert under == {s for starts in cells.values() for s in starts}, topic
    made = {(names[l.source_id], names[l.target_id], l.relation) for l in links.all_links(project)}
    assert made == {(c["a"], c["b"], c["relation"]) for c in gold_links(seed_path)}


@pytest.mark.parametrize(
    "edit",
    [
        lambda p, ids, t: topics_ops.create(p, "Casualty figures"),
        lambda p, ids, t: topics_ops.rename(p, t["Who was killed"], "Casualties"),
        lambda p, ids, t: topics_ops.recolour(p, t["Who was killed"], "#112233"),
        lambda p, ids, t: topics_ops.reorder(p, [t["What happens next"], t["What was hit"]]),
        lambda p, ids, t: topics_ops.merge(p, t["Who was killed"], t["What was hit"]),
        lambda p, ids, t: topics_ops.delete(p, t["Role of the Baloch militants"]),
        lambda p, ids, t: topics_ops.assign(p, list(ids.values())[:4], t["What happens next"]),
        lambda p, ids, t: topics_ops.assign_by_name(p, list(ids.values())[:2], "Brand new"),
        lambda p, ids, t: topics_ops.unassign(p, list(ids.values()), t["What was hit"]),
        lambda p, ids, t: links_ops.create(p, ids["It urged Iran to refrain"], ids["Iran, however, condemned"], "supports", "note"),
        lambda p, ids, t: links_ops.remove(p, [l.id for l in links.all_links(p)][:3]),
        lambda p, ids, t: links_ops.update(p, links.all_links(p)[0].id, relation="supports", note="why"),
    ],
    ids=["create", "rename", "recolour", "reorder", "merge", "delete", "assign", "assign-new", "unassign",
         "link", "unlink", "relink"],
)
def test_every_edit_undoes_and_redoes_exactly(seeded, edit):
    project, ids = seeded
    topic_ids = {t.name: t.id for t in topics.all_topics(project)}
    before = _state(project)
    change = edit(project, ids, topic_ids)
    after = _state(project)
    assert after != before
    ops = links_ops if change.touches("links") else topics_ops
    ops.apply(project, change, undo=True)
    assert _state(project) == before
    ops.apply(project, change, undo=False)
    assert _state(project) == after


def test_merge_moves_statements_and_keeps_those_already_there(seeded):
    project, ids = seeded
    t = {x.name: x.id for x in topics.all_topics(project)}
    both = ids["Iran claimed that the Pakistani air strikes"]  # under "What was hit" and "Who was killed"
    change = topics_ops.merge(project, t["Who was killed"], t["What was hit"])
    assert topics.get(project, t["Who was killed"]) is None
    under = topics.statements_of(project, t["What was hit"])
    assert both in under and ids["The statement added that"] in under
    assert (both, t["What was hit"]) not in change.topics_added


def test_refusals_are_sentences(seeded):
    project, ids = seeded
    t = {x.name: x.id for x in topics.all_topics(project)}
    with pytest.raises(CounterclaimError, match="already a topic"):
        topics_ops.create(project, "what was HIT")
    with pytest.raises(CounterclaimError, match="already a topic"):
        topics_ops.rename(project, t["Who was killed"], "What was hit")
    with pytest.raises(CounterclaimError, match="another topic"):
        topics_ops.merge(project, t["Who was killed"], t["Who was killed"])
    with pytest.raises(CounterclaimError, match="at least one"):
        topics_ops.assign(project, [], t["Who was killed"])
    with pytest.raises(CounterclaimError, match="no statement"):
        topics_ops.assign(project, [99999], t["Who was killed"])
    with pytest.raises(CounterclaimError, match="itself"):
        links_ops.create(project, ids["It urged Iran to refrain"], ids["It urged Iran to refrain"])
    with pytest.raises(CounterclaimError, match="already linked"):
        links_ops.create(project, ids["It also warned Pakistan"], ids["It urged Iran to refrain"], "responds-to")
    with pytest.raises(CounterclaimError, match="not a kind of link"):
        links_ops.create(project, ids["It also warned Pakistan"], ids["The statement added that"], "agrees")
    before = _state(project)
    with pytest.raises(CounterclaimError):
        links_ops.remove(project, [links.all_links(project)[0].id, 99999])
    assert _state(project) == before  # one transaction: nothing half done
