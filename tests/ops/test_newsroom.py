"""The newsroom gazetteer: names taught in one project reach the next project's suggestions,
travel as one file to a colleague, and never move a confirmed tag. Asserted on the project
file and on the newsroom file."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.core.newsroom import NewsroomRefused
from app.ops import newsroom, parties_ops, tagging
from app.ops.importing import import_text
from app.ops.suggesting import suggest
from app.store import statements
from app.store.database import Project

ARTICLE = (
    "Shelling resumed overnight near the river crossing.\n"
    "“We will not retreat,” the palace guard commander said.\n"
    "Farmers near the river said they had fled before dawn."
)


@pytest.fixture
def room(tmp_path, monkeypatch):
    path = tmp_path / "data" / "newsroom.json"
    monkeypatch.setenv(newsroom.ENV, str(path))
    return path


def _file(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _commander(project):
    return next(s for s in statements.detailed(project) if s["speaker"] == "the palace guard commander")


def test_a_name_learned_in_one_project_suggests_its_party_in_the_next(room, tmp_path):
    first = tmp_path / "first.counterclaim"
    with Project(first, create=True) as project:
        import_text(project, ARTICLE, title="One")
        ruritania = parties_ops.add(project, "Ruritania").party_ids[0]
        change = tagging.tag(project, [_commander(project)["id"]], ruritania)
        offer = tagging.alias_offer(project, change)
        parties_ops.learn(project, offer.party_id, offer.alias, offer.statement_id)
    kept = json.loads(room.read_text(encoding="utf-8"))
    assert kept["format"] == "counterclaim-newsroom"
    assert kept["parties"] == [{"name": "Ruritania", "aliases": ["the palace guard commander"]}]

    second = tmp_path / "second.counterclaim"
    with Project(second, create=True) as project:
        report = import_text(project, ARTICLE.replace("We will not retreat", "The bridge is ours"), title="Two")
        assert "Ruritania" in report.new_parties
    (party_id, status) = _file(
        second, "SELECT party_id, status FROM statements WHERE speaker = 'the palace guard commander'"
    )[0]
    assert _file(second, "SELECT name FROM parties WHERE id = ?", (party_id,)) == [("Ruritania",)]
    assert status == "suggested"
    assert _file(second, "SELECT alias, origin FROM alias_origins WHERE party_id = ?", (party_id,)) == [
        ("the palace guard commander", "newsroom")
    ]


def test_the_newsroom_never_moves_a_confirmed_tag(room, project, project_path):
    import_text(project, ARTICLE, title="One")
    sid = _commander(project)["id"]
    tagging.tag(project, [sid], None)  # the journalist: narration
    newsroom.edit(lambda n: n.remember("Ruritania", "the palace guard commander"))
    suggest(project)
    assert _file(project_path, "SELECT party_id, status FROM statements WHERE id = ?", (sid,)) == [(None, "confirmed")]
    # nothing used it, so the newsroom's party was not brought into the project
    assert _file(project_path, "SELECT count(*) FROM parties WHERE name = 'Ruritania'") == [(0,)]


def test_the_projects_own_names_win_over_the_newsroom(room, project, project_path):
    import_text(project, ARTICLE, title="One")
    freedonia = parties_ops.add(project, "Freedonia", aliases=["the palace guard commander"]).party_ids[0]
    newsroom.edit(lambda n: n.remember("Ruritania", "the palace guard commander"))
    suggest(project)
    assert (_commander(project)["party"], freedonia) == ("Freedonia", parties_ops.parties.by_name(project, "Freedonia").id)
    assert _file(project_path, "SELECT count(*) FROM parties WHERE name = 'Ruritania'") == [(0,)]


def test_common_words_are_never_kept(room):
    taught = newsroom.remember([("Ruritania", "the doctor"), ("Ruritania", "Leader"), ("Ruritania", "he")])
    assert taught == []
    assert not room.exists() or json.loads(room.read_text())["parties"] in ([], [{"name": "Ruritania", "aliases": []}])


def test_export_and_import_carry_the_newsroom_to_a_colleague(room, tmp_path, monkeypatch):
    newsroom.edit(lambda n: (n.remember("Ruritania", "the Grand Council"), n.remember("Freedonia", "Fenwick Hall")))
    shared = tmp_path / "to-colleague.json"
    assert newsroom.export_to(shared) == 2
    colleague = tmp_path / "colleague" / "newsroom.json"
    monkeypatch.setenv(newsroom.ENV, str(colleague))
    newsroom.edit(lambda n: n.remember("Freedonia", "the Freedonian army"))
    assert newsroom.import_from(shared) == (1, 2)
    parties = {p["name"]: p["aliases"] for p in json.loads(colleague.read_text())["parties"]}
    assert parties == {"Freedonia": ["the Freedonian army", "Fenwick Hall"], "Ruritania": ["the Grand Council"]}


@pytest.mark.parametrize(
    "content, says",
    [
        (b"not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (json.dumps({"format": "counterclaim-export"}).encode(), "format"),
        (json.dumps({"format": "counterclaim-newsroom", "format_version": 99, "parties": []}).encode(), "newer"),
        (json.dumps({"format": "counterclaim-newsroom", "format_version": 1, "parties": [{"name": ""}]}).encode(), "no name"),
        (json.dumps({"format": "counterclaim-newsroom", "format_version": 1,
                     "parties": [{"name": "A", "aliases": ["X"]}, {"name": "B", "aliases": ["x"]}]}).encode(), "both"),
        (json.dumps({"format": "counterclaim-newsroom", "format_version": 1,
                     "parties": [{"name": "A", "aliases": "X"}]}).encode(), "not a list"),
        (json.dumps({"format": "counterclaim-newsroom", "format_version": 1,
                     "parties": [{"name": "A\x1b[31m"}]}).encode(), "control"),
    ],
)
def test_a_bad_file_is_refused_with_a_sentence_and_nothing_changes(room, tmp_path, content, says):
    newsroom.edit(lambda n: n.remember("Ruritania", "the Grand Council"))
    before = room.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(NewsroomRefused, match=says) as refused:
        newsroom.import_from(bad)
    assert "Nothing was changed" in str(refused.value) or "nothing was changed" in str(refused.value)
    assert room.read_bytes() == before


def test_without_a_newsroom_suggestions_use_the_project_alone(project):
    assert newsroom.location() is None
    import_text(project, ARTICLE, title="One")
    assert _commander(project)["party"] is None
