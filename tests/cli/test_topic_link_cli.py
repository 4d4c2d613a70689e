"""`counterclaim topic` and `counterclaim link` go through the same ops as the desk."""

from __future__ import annotations

from narrative_seed import tag_seed

from app.cli import main
from app.store import links, topics
from app.store.database import Project


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_topic_and_link_from_the_command_line(project_path, seed_path, capsys):
    with Project(project_path, create=True) as project:
        ids = tag_seed(project, seed_path, topics_and_links=False)
    hit = [ids["According to Pakistan’s foreign ministry"], ids["Iran claimed that the Pakistani air strikes"]]
    code, out, err = run(capsys, "topic", project_path, "What was hit", *hit)
    assert code == 0, err
    assert "Put 2 statements under “What was hit” (0 already there)" in out
    code, out, err = run(capsys, "topic", project_path, "  what was HIT ", hit[0])
    assert code == 0 and "0 statements" in out  # same topic, names match ignoring case
    code, out, err = run(capsys, "link", project_path, *hit, "--relation", "contradicts", "--note", "civilians?")
    assert code == 0, err
    assert f"statement {hit[0]} contradicts statement {hit[1]}" in out
    code, _, err = run(capsys, "link", project_path, hit[1], hit[0], "-r", "contradicts")
    assert code == 1 and "already linked" in err  # the same link the other way round
    code, _, err = run(capsys, "link", project_path, hit[0], hit[0])
    assert code == 1 and "itself" in err
    with Project(project_path) as project:
        (topic,) = topics.all_topics(project)
        assert topic.name == "What was hit"
        assert sorted(topics.statements_of(project, topic.id)) == sorted(hit)
        (link,) = links.all_links(project)
        assert (link.source_id, link.target_id, link.relation, link.note) == (*hit, "contradicts", "civilians?")
