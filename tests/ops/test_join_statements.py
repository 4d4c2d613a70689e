"""Joining statements: one transaction, exact offsets, the tag rule, topics, links and
continuations carried, undone and redone exactly; and `counterclaim join` on the command line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.errors import CounterclaimError
from app.ops import statements_ops, tagging, topics_ops
from app.ops.importing import import_text
from app.store import links, parties
from app.store.database import Project

ARTICLE = (
    "Marsh county officials opened the sluice gates on Tuesday.\n"
    "“Leave. Now. Please,” the warden told the campers. The water rose quickly. Two tents washed away.\n"
    "The county said nobody was hurt."
)


def rows(project):
    return project.execute('SELECT * FROM statements ORDER BY start').fetchall()


def everything(project):
    return (
        rows(project),
        project.execute("SELECT * FROM statement_topics ORDER BY 1, 2").fetchall(),
        project.execute("SELECT * FROM links ORDER BY 1").fetchall(),
    )


@pytest.fixture()
def project(tmp_path):
    with Project(tmp_path / "marsh.counterclaim", create=True) as project:
        import_text(project, ARTICLE, title="Gates opened")
        yield project


def _ids(project):
    return [r[0] for r in project.execute("SELECT id FROM statements ORDER BY start")]


def test_join_spans_first_start_to_last_end_and_carries_topics_links_and_tag(project):
    ids = _ids(project)
    water, tents, county = ids[2], ids[3], ids[4]
    with project.transaction():
        parties.add(project, "Campers", [])
    campers = parties.by_name(project, "Campers").id
    tagging.tag(project, [tents], campers)  # the later statement is confirmed: its tag wins
    topics_ops.assign_by_name(project, [water], "Flood")
    with project.transaction():
        links.add(project, water, county, "contradicts", "hurt or not")
        links.add(project, water, tents, "supports")  # becomes a link to itself: dropped
    before = everything(project)
    change = statements_ops.join(project, [tents, water])
    (text,) = project.execute("SELECT text FROM articles").fetchone()
    joined = project.execute(
        'SELECT id, start, "end", text, party_id, status, paragraph FROM statements WHERE id = ?', (change.focus_ids[0],)
    ).fetchone()
    start, end = text.index("The water rose"), text.index("away.") + len("away.")
    assert joined[1:] == (start, end, text[start:end], campers, "confirmed", 2)
    assert project.execute("SELECT count(*) FROM statements WHERE id IN (?, ?)", (water, tents)).fetchone()[0] == 0
    assert project.execute("SELECT statement_id FROM statement_topics").fetchall() == [(change.focus_ids[0],)]
    assert project.execute("SELECT source_id, target_id, note FROM links").fetchall() == [
        (change.focus_ids[0], county, "hurt or not")
    ]
    after = everything(project)
    statements_ops.apply(project, change, undo=True)
    assert everything(project) == before
    statements_ops.apply(project, change, undo=False)
    assert everything(project) == after


def test_join_refuses_what_it_cannot_do_and_changes_nothing(project):
    ids = _ids(project)
    before = everything(project)
    with pytest.raises(CounterclaimError, match="different paragraphs"):
        statements_ops.join(project, [ids[0], ids[1]])
    with pytest.raises(CounterclaimError, match="stands between"):
        statements_ops.join(project, [ids[1], ids[3]])
    with pytest.raises(CounterclaimError, match="at least two"):
        statements_ops.join(project, [ids[1]])
    with pytest.raises(CounterclaimError, match="no statement 999"):
        statements_ops.join(project, [ids[1], 999])
    with project.transaction():
        parties.add(project, "A", [])
        parties.add(project, "B", [])
    tagging.tag(project, [ids[2]], parties.by_name(project, "A").id)
    tagging.tag(project, [ids[3]], parties.by_name(project, "B").id)
    tagged = everything(project)
    with pytest.raises(CounterclaimError, match="different sides"):
        statements_ops.join(project, [ids[2], ids[3]])
    assert everything(project) == tagged and len(before[0]) == len(tagged[0])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_run_of_adjacent_statements_joins_to_the_texts_own_span(project, data):
    ids = _ids(project)
    by_paragraph = {}
    for sid, start, end, paragraph in project.execute('SELECT id, start, "end", paragraph FROM statements'):
        by_paragraph.setdefault(paragraph, []).append((start, end, sid))
    runs = [sorted(v) for v in by_paragraph.values() if len(v) > 1]
    run = data.draw(st.sampled_from(runs))
    i = data.draw(st.integers(0, len(run) - 2))
    j = data.draw(st.integers(i + 1, len(run) - 1))
    chosen = [sid for _, _, sid in run[i : j + 1]]
    before = everything(project)
    change = statements_ops.join(project, data.draw(st.permutations(chosen)))
    (text,) = project.execute("SELECT text FROM articles").fetchone()
    start, end, words = project.execute(
        'SELECT start, "end", text FROM statements WHERE id = ?', (change.focus_ids[0],)
    ).fetchone()
    assert (start, end) == (run[i][0], run[j][1]) and words == text[start:end]
    statements_ops.apply(project, change, undo=True)
    assert everything(project) == before and ids == _ids(project)


def test_the_command_line_joins(tmp_path, capsys):
    path = tmp_path / "cli.counterclaim"
    with Project(path, create=True) as project:
        import_text(project, ARTICLE, title="Gates opened")
        ids = _ids(project)
    assert main(["join", str(path), str(ids[2]), str(ids[3])]) == 0
    out = capsys.readouterr().out
    assert f"Joined statements {ids[2]}, {ids[3]} into statement" in out
    with Project(path) as project:
        assert "The water rose quickly. Two tents washed away." in [r[4] for r in rows(project)]
    assert main(["join", str(path), str(ids[0]), str(ids[1])]) != 0
    assert "different paragraphs" in capsys.readouterr().err
