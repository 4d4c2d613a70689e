"""Suggested topics in the project file: suggest, accept, reject, rename, merge, split, each
undoable; the journalist's topics never touched; the command line's topics and counterclaims."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import CounterclaimError
from app.ops import topic_suggesting, topics_ops
from app.ops.importing import import_files
from app.store.database import Project
from tests.topic_articles import topic_project

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    with Project(topic_project(tmp_path)) as opened:
        yield opened


def _tables(project) -> tuple:
    return (
        project.execute("SELECT id, name, color, position, status, shares FROM topics ORDER BY id").fetchall(),
        project.execute("SELECT statement_id, topic_id FROM statement_topics ORDER BY 1, 2").fetchall(),
        project.execute("SELECT statement_id, topic_id, score FROM topic_suggestions ORDER BY 1, 2").fetchall(),
    )


def _suggested(project) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for name, statement_id in project.execute(
        "SELECT t.name, ts.statement_id FROM topic_suggestions ts JOIN topics t ON t.id = ts.topic_id "
        "WHERE t.status = 'suggested' ORDER BY ts.statement_id"
    ):
        out.setdefault(name, []).append(statement_id)
    return out


def _topic_with(project, words: str) -> int:
    row = project.execute(
        "SELECT ts.topic_id FROM topic_suggestions ts JOIN statements s ON s.id = ts.statement_id "
        "WHERE s.text LIKE ? LIMIT 1", (f"%{words}%",)
    ).fetchone()
    assert row, f"no statement with “{words}” is suggested into a topic"
    return row[0]


def _undo_redo_round_trip(project, change, before, after):
    topics_ops.apply(project, change, undo=True)
    assert _tables(project) == before
    topics_ops.apply(project, change, undo=False)
    assert _tables(project) == after


def test_suggesting_stores_suggested_topics_apart_from_the_journalists(project):
    before = _tables(project)
    change = topic_suggesting.suggest(project)
    topics_, confirmed_pairs, suggestions = _tables(project)
    assert 2 <= len(topics_) <= 12
    assert all(t[4] == "suggested" and t[5].startswith("shares: ") for t in topics_)
    assert confirmed_pairs == [] and len(suggestions) >= 10
    bridge = _topic_with(project, "carrying Maravian ammunition")
    assert _topic_with(project, "had shelled the bridge") == bridge  # the accusation and its answer
    assert _topic_with(project, "taken Dolna on Wednesday") != bridge
    _undo_redo_round_trip(project, change, before, _tables(project))


def test_accepting_a_topic_makes_it_and_its_statements_the_journalists(project):
    topic_suggesting.suggest(project)
    topic_id = _topic_with(project, "carrying Maravian ammunition")
    offered = [r[0] for r in project.execute("SELECT statement_id FROM topic_suggestions WHERE topic_id = ?", (topic_id,))]
    before = _tables(project)
    change = topics_ops.accept(project, topic_id)
    assert project.execute("SELECT status FROM topics WHERE id = ?", (topic_id,)).fetchone()[0] == "confirmed"
    placed = [r[0] for r in project.execute("SELECT statement_id FROM statement_topics WHERE topic_id = ?", (topic_id,))]
    assert sorted(placed) == sorted(offered)
    assert not project.execute("SELECT 1 FROM topic_suggestions WHERE topic_id = ?", (topic_id,)).fetchall()
    _undo_redo_round_trip(project, change, before, _tables(project))


def test_rejecting_a_topic_removes_it_and_leaves_its_statements(project):
    topic_suggesting.suggest(project)
    topic_id = _topic_with(project, "taken Dolna on Wednesday")
    statements_before = project.execute("SELECT count(*) FROM statements").fetchone()[0]
    before = _tables(project)
    change = topics_ops.reject(project, topic_id)
    assert not project.execute("SELECT 1 FROM topics WHERE id = ?", (topic_id,)).fetchall()
    assert not project.execute("SELECT 1 FROM topic_suggestions WHERE topic_id = ?", (topic_id,)).fetchall()
    assert project.execute("SELECT count(*) FROM statements").fetchone()[0] == statements_before
    _undo_redo_round_trip(project, change, before, _tables(project))


def test_rename_merge_and_split_of_suggested_topics_undo(project):
    topic_suggesting.suggest(project)
    bridge = _topic_with(project, "carrying Maravian ammunition")
    dolna = _topic_with(project, "taken Dolna on Wednesday")

    before = _tables(project)
    change = topics_ops.rename(project, bridge, "Was the Tarn bridge a military target?")
    assert project.execute("SELECT name, status FROM topics WHERE id = ?", (bridge,)).fetchone() == \
        ("Was the Tarn bridge a military target?", "suggested")
    _undo_redo_round_trip(project, change, before, _tables(project))

    moving = [r[0] for r in project.execute("SELECT statement_id FROM topic_suggestions WHERE topic_id = ?", (dolna,))]
    before = _tables(project)
    change = topics_ops.merge(project, dolna, bridge)
    now = [r[0] for r in project.execute("SELECT statement_id FROM topic_suggestions WHERE topic_id = ?", (bridge,))]
    assert set(moving) <= set(now)
    _undo_redo_round_trip(project, change, before, _tables(project))
    topics_ops.apply(project, change, undo=True)

    two = moving[:2]
    before = _tables(project)
    change = topics_ops.split(project, dolna, two, "Who holds Dolna")
    new_id = project.execute("SELECT id, status FROM topics WHERE name = 'Who holds Dolna'").fetchone()
    assert new_id[1] == "suggested"
    assert sorted(r[0] for r in project.execute(
        "SELECT statement_id FROM topic_suggestions WHERE topic_id = ?", (new_id[0],))) == sorted(two)
    _undo_redo_round_trip(project, change, before, _tables(project))
    with pytest.raises(CounterclaimError):
        topics_ops.split(project, dolna, [10**6], "Elsewhere")


def test_the_journalists_topics_survive_suggesting_again(project, tmp_path):
    topic_suggesting.suggest(project)
    bridge = _topic_with(project, "carrying Maravian ammunition")
    topics_ops.accept(project, bridge)
    topics_ops.rename(project, bridge, "The Tarn bridge")
    mine = project.execute("SELECT statement_id FROM statement_topics WHERE topic_id = ? ORDER BY 1", (bridge,)).fetchall()
    later = tmp_path / "04-later.txt"
    later.write_text(
        "Oskland publishes photos of trucks on the Tarn bridge\n\n"
        "Oskland's army released photographs on Friday that it said showed ammunition trucks crossing the Tarn bridge.\n\n"
        "Maravia's defence ministry said the photographs showed grain lorries and that the bridge was civilian.\n",
        encoding="utf-8",
    )
    import_files(project, [later])
    topic_suggesting.suggest(project)
    assert project.execute("SELECT name, status FROM topics WHERE id = ?", (bridge,)).fetchone() == ("The Tarn bridge", "confirmed")
    assert project.execute("SELECT statement_id FROM statement_topics WHERE topic_id = ? ORDER BY 1", (bridge,)).fetchall() == mine
    offered = project.execute(
        "SELECT s.text FROM topic_suggestions ts JOIN statements s ON s.id = ts.statement_id WHERE ts.topic_id = ?",
        (bridge,)).fetchall()
    assert any("photographs" in text for (text,) in offered), "new statements are proposed into the confirmed topic"
    # accepting only one of them
    one = project.execute("SELECT statement_id FROM topic_suggestions WHERE topic_id = ? LIMIT 1", (bridge,)).fetchone()[0]
    topics_ops.accept(project, bridge, [one])
    assert (one,) in project.execute("SELECT statement_id FROM statement_topics WHERE topic_id = ?", (bridge,)).fetchall()


def test_asking_for_a_number_of_topics(project):
    topic_suggesting.suggest(project, count=2)
    assert len(_suggested(project)) <= 2
    with pytest.raises(CounterclaimError, match="between 1 and 50"):
        topic_suggesting.suggest(project, count=0)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def test_the_command_line_suggests_lists_and_ranks(tmp_path):
    path = topic_project(tmp_path)
    done = _cli("topics", str(path), "--suggest")
    assert done.returncode == 0, done.stderr
    listed = json.loads(_cli("topics", str(path), "--json").stdout)
    assert listed and all(set(t) >= {"id", "name", "status", "statement_ids"} for t in listed)
    assert {t["status"] for t in listed} == {"suggested"}
    with Project(path) as project:
        claim = project.execute("SELECT id FROM statements WHERE text LIKE '%had shelled the bridge%'").fetchone()[0]
        answer = project.execute("SELECT id FROM statements WHERE text LIKE '%carrying Maravian ammunition%'").fetchone()[0]
    ranked = json.loads(_cli("counterclaims", str(path), str(claim), "--limit", "3", "--json").stdout)
    assert ranked and all(set(r) == {"statement_id", "score", "relation", "reasons"} for r in ranked)
    assert answer in [r["statement_id"] for r in ranked]
    assert all(r["relation"] in ("contradicts", "supports", "responds-to") for r in ranked)
    name = listed[0]["name"]
    assert _cli("topics", str(path), "--accept", name).returncode == 0
    relisted = {t["name"]: t for t in json.loads(_cli("topics", str(path), "--json").stdout)}
    assert relisted[name]["status"] == "confirmed"
    refused = _cli("topics", str(path), "--accept", "No such topic")
    assert refused.returncode != 0 and "no topic called" in refused.stderr and "Traceback" not in refused.stderr


def test_the_command_line_lists_claims_with_every_source(tmp_path):
    from tests.topic_articles import claims_project

    path = claims_project(tmp_path)
    done = _cli("claims", str(path), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    shelled = next(c for c in found if "shelled the bridge" in c["text"])
    assert shelled["party"] and shelled["articles"] == 2 and len(shelled["sources"]) == 2
    assert {"Valley Courier"} <= {s["outlet"] for s in shelled["sources"]}
    assert all(set(s) >= {"statement_id", "article_id", "paragraph", "outlet", "title", "published"}
               for s in shelled["sources"])
    plain = _cli("claims", str(path))
    assert plain.returncode == 0 and "×2 articles" in plain.stdout


def test_suggesting_apart_falls_back_to_this_process_when_none_can_start(tmp_path, monkeypatch):
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    path = topic_project(tmp_path)

    class NoProcesses:
        def __init__(self, *args, **kwargs):
            raise BrokenProcessPool("no process here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoProcesses)
    change = topic_suggesting.suggest_apart(path)
    assert change is not None and change.touches("topics")
    with Project(path) as project:
        assert project.execute("SELECT count(*) FROM topics WHERE status = 'suggested'").fetchone()[0] >= 2


def test_suggesting_apart_in_a_process_of_its_own_writes_the_project(tmp_path):
    path = topic_project(tmp_path)
    change = topic_suggesting.suggest_apart(path)
    assert change is not None
    with Project(path) as project:
        assert project.execute("SELECT count(*) FROM topic_suggestions").fetchone()[0] >= 10
