"""Every op says what it changed in one ``Changes``; its replay (undo, redo) says so too."""

from __future__ import annotations

import pytest

from app.ops import links_ops, parties_ops, statements_ops, tagging, topics_ops
from app.ops.changes import Changes
from app.ops.importing import import_files
from app.store import statements


@pytest.fixture
def seeded(project, seed_path):
    report = import_files(project, [seed_path])
    assert report.changes.kinds >= {"articles"}
    assert report.changes.article_ids == tuple(o.article_id for o in report.imported)
    return project


def _two(project):
    rows = statements.detailed(project)[:2]
    return [r["id"] for r in rows], rows[0]["article_id"]


def test_a_tag_and_its_undo_name_the_statements_and_their_tags(seeded):
    ids, article = _two(seeded)
    party = parties_ops.add(seeded, "Ruritania")
    assert party.kinds == {"parties"} and party.party_ids
    change = tagging.tag(seeded, ids, party.party_ids[0])
    assert change.kinds == {"tags"} and change.only_tags
    assert change.statement_ids == tuple(ids) and change.focus_ids == tuple(ids)
    assert change.article_ids == (article,)
    assert [a.party_id for a in change.tags_after] == list(party.party_ids) * 2
    undone = tagging.apply(seeded, change, undo=True)
    assert undone.undo and undone.statement_ids == change.statement_ids
    assert undone.tag_pairs == tuple((a, b) for b, a in change.tag_pairs)
    assert statements.tag_states(seeded, ids) == change.tags_before


def test_topics_links_and_joins_say_what_they_touched(seeded):
    ids, article = _two(seeded)
    topic = topics_ops.assign_by_name(seeded, ids, "Strikes")
    assert topic.kinds == {"topics"} and topic.topic_ids and topic.article_ids == (article,)
    assert set(topic.topics_added) == {(i, topic.topic_ids[0]) for i in ids}
    link = links_ops.create(seeded, ids[0], ids[1], "contradicts")
    assert link.kinds == {"links"} and len(link.link_ids) == 1 and link.statement_ids == tuple(sorted(ids))
    assert links_ops.apply(seeded, link, undo=True).undo
    rows = sorted(statements.detailed(seeded), key=lambda r: (r["article_id"], r["start"]))
    first, second = next(
        (a, b) for a, b in zip(rows, rows[1:]) if (a["article_id"], a["paragraph"]) == (b["article_id"], b["paragraph"])
    )
    joined = statements_ops.join(seeded, [first["id"], second["id"]])
    assert joined.kinds == {"structure", "tags"} and joined.article_ids == (first["article_id"],)
    assert joined.focus_ids == (joined.after.ids[0],)
    undone = statements_ops.apply(seeded, joined, undo=True)
    assert undone.undo and undone.focus_ids == (first["id"], second["id"])


def test_another_writer_is_one_project_change_and_kinds_are_checked():
    assert Changes.of("project").touches("project", "tags")
    assert not Changes.of("project").only_tags
    with pytest.raises(ValueError):
        Changes.of("everything")
