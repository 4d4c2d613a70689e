"""`counterclaim newsroom list / export F / import F / add / remove / rename`, on the files."""

from __future__ import annotations

import json

from app.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_newsroom_commands_edit_export_and_import(capsys, tmp_path, monkeypatch):
    room = tmp_path / "room.json"
    monkeypatch.setenv("COUNTERCLAIM_NEWSROOM", str(room))
    assert run(capsys, "newsroom", "add", "Ruritania", "the Grand Council", "Fenwick Hall")[0] == 0
    assert run(capsys, "newsroom", "rename", "Ruritania", "Ruritanian government")[0] == 0
    assert run(capsys, "newsroom", "remove", "Ruritanian government", "Fenwick Hall")[0] == 0
    code, out, _ = run(capsys, "newsroom", "list", "--json")
    assert code == 0
    assert json.loads(out) == [{"name": "Ruritanian government", "aliases": ["Ruritania", "the Grand Council"]}]
    shared = tmp_path / "shared.json"
    assert run(capsys, "newsroom", "export", shared)[0] == 0

    other = tmp_path / "colleague.json"
    code, out, err = run(capsys, "newsroom", "--newsroom", other, "import", shared)
    assert code == 0, err
    assert "1 new party and 2 aliases" in out
    assert json.loads(other.read_text())["parties"][0]["name"] == "Ruritanian government"


def test_a_bad_file_and_a_common_word_are_refused_with_a_sentence(capsys, tmp_path, monkeypatch):
    room = tmp_path / "room.json"
    monkeypatch.setenv("COUNTERCLAIM_NEWSROOM", str(room))
    run(capsys, "newsroom", "add", "Ruritania")
    before = room.read_bytes()
    code, _out, err = run(capsys, "newsroom", "add", "Ruritania", "the doctor")
    assert code == 1 and "too common" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    code, _out, err = run(capsys, "newsroom", "import", bad)
    assert code == 1 and "not valid JSON" in err and "nothing was changed" in err
    assert room.read_bytes() == before


def test_without_a_newsroom_file_the_command_says_how_to_name_one(capsys):
    code, _out, err = run(capsys, "newsroom", "list")
    assert code == 1 and "--newsroom" in err and "COUNTERCLAIM_NEWSROOM" in err


def test_parties_json_says_where_each_alias_came_from(capsys, project_path, tmp_path):
    from app.ops import parties_ops
    from app.ops.importing import import_text
    from app.store.database import Project

    with Project(project_path, create=True) as project:
        import_text(project, "Talks stalled.\n“We hold the bridge,” the palace guard commander said.\n", title="One")
        sid = project.execute("SELECT id FROM statements WHERE speaker = 'the palace guard commander'").fetchone()[0]
        rur = parties_ops.add(project, "Ruritania", aliases=["Fenwick Hall"]).party_ids[0]
        parties_ops.learn(project, rur, "the palace guard commander", sid)
    code, out, _ = run(capsys, "parties", project_path, "--json")
    party = next(p for p in json.loads(out) if p["name"] == "Ruritania")
    assert party["alias_origins"] == {
        "Fenwick Hall": {"origin": "hand", "statement_id": None},
        "the palace guard commander": {"origin": "learned", "statement_id": sid},
    }
