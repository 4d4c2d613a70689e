"""The command line, end to end, asserting on the project file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app import __version__
from app.cli import main
from app.store import articles, statements
from app.store.database import Project


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(path) -> dict:
    with Project(path) as project:
        return {
            "articles": [a.sha256 for a in articles.all_articles(project)],
            "statements": statements.detailed(project),
        }


def test_seed_import_gives_the_reference_statements(capsys, project_path, seed_path, seed_gold):
    code, out, err = run(capsys, "import", project_path, seed_path)
    assert code == 0, err
    assert "18 statements" in out
    with Project(project_path) as project:
        (article,) = articles.all_articles(project)
        assert article.byline == seed_gold["byline"]
        rows = statements.for_article(project, article.id)
    assert len(rows) == len(seed_gold["statements"]) == 18
    for row, gold in zip(rows, seed_gold["statements"]):
        assert article.text[row.start : row.end] == row.text
        assert row.text.startswith(gold["starts_with"])
        assert row.paragraph == gold["paragraph"]
    assert "World News DESK" not in article.text


def test_same_article_twice_is_a_duplicate(capsys, project_path, seed_path):
    assert run(capsys, "import", project_path, seed_path)[0] == 0
    code, out, _ = run(capsys, "import", project_path, seed_path)
    assert code == 0
    assert "already in the project" in out
    with Project(project_path) as project:
        assert articles.count(project) == 1
        assert statements.count(project) == 18


def test_refused_file_is_named_and_the_others_stay(capsys, project_path, seed_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "import", project_path, empty, seed_path)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "empty.txt" in lines[0]
    assert "Traceback" not in err
    with Project(project_path) as project:
        assert articles.count(project) == 1


def test_refusal_leaves_the_project_exactly_as_it_was(capsys, project_path, seed_path, tmp_path):
    run(capsys, "import", project_path, seed_path)
    before = snapshot(project_path)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    code, _, err = run(capsys, "import", project_path, binary)
    assert code == 1 and "photo.txt" in err
    assert snapshot(project_path) == before


def test_statements_json_has_the_documented_fields(capsys, project_path, seed_path):
    run(capsys, "import", project_path, seed_path)
    code, out, _ = run(capsys, "statements", project_path, "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 18
    for key in ("id", "article_id", "start", "end", "text", "paragraph", "party", "status", "speaker", "cue", "topics"):
        assert key in rows[0]
    assert all(r["status"] in ("suggested", "confirmed", None) for r in rows)
    assert all(isinstance(r["topics"], list) for r in rows)


def test_statements_filtered_by_party_and_article(capsys, project_path, seed_path):
    run(capsys, "import", project_path, seed_path)
    _, out, _ = run(capsys, "parties", project_path, "--json")
    names = [p["name"] for p in json.loads(out)]
    assert names, "importing the seed proposes parties"
    code, out, _ = run(capsys, "statements", project_path, "--party", names[0], "--json")
    assert code == 0
    assert {r["party"] for r in json.loads(out)} == {names[0]}
    code, out, _ = run(capsys, "statements", project_path, "--article", 999, "--json")
    assert json.loads(out) == []


def test_search_supports_phrases(capsys, project_path, seed_path):
    run(capsys, "import", project_path, seed_path)
    code, out, _ = run(capsys, "search", project_path, '"terrorist hideouts"', "--json")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 1 and "terrorist hideouts" in hits[0]["text"]
    _, out, _ = run(capsys, "search", project_path, '"hideouts terrorist"', "--json")
    assert json.loads(out) == []


def test_tag_confirms_and_clear_removes(capsys, project_path, seed_path):
    run(capsys, "import", project_path, seed_path)
    _, out, _ = run(capsys, "statements", project_path, "--json")
    first = json.loads(out)[0]["id"]
    _, out, _ = run(capsys, "parties", project_path, "--json")
    iran = next(p["name"] for p in json.loads(out) if "Iran" in p["name"])
    assert run(capsys, "tag", project_path, first, iran)[0] == 0
    with Project(project_path) as project:
        (row,) = statements.detailed(project, ids=[first])
    assert (row["party"], row["status"]) == (iran, "confirmed")
    assert run(capsys, "tag", project_path, first, "--clear")[0] == 0
    with Project(project_path) as project:
        (row,) = statements.detailed(project, ids=[first])
    assert (row["party"], row["status"]) == (None, None)


def test_tag_with_unknown_party_is_refused_unchanged(capsys, project_path, seed_path):
    run(capsys, "import", project_path, seed_path)
    before = snapshot(project_path)
    code, _, err = run(capsys, "tag", project_path, 1, "Atlantis")
    assert code == 1 and "Atlantis" in err and "Traceback" not in err
    code, _, err = run(capsys, "tag", project_path, 99999, "--clear")
    assert code == 1 and "99999" in err
    assert snapshot(project_path) == before


def test_commands_on_a_missing_project_explain(capsys, tmp_path):
    code, _, err = run(capsys, "statements", tmp_path / "nothing.counterclaim")
    assert code == 1 and "no project" in err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_python_dash_m_app_runs_the_command_line(project_path, seed_path):
    result = subprocess.run(
        [sys.executable, "-m", "app", "import", str(project_path), str(seed_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "18 statements" in result.stdout
