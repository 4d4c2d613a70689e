"""Ids and --limit that SQLite cannot hold, or that are no number at all: a sentence naming the
argument, exit 2, the project unchanged (never "something went wrong … OverflowError")."""

from __future__ import annotations

import pytest

from app.cli import main
from app.store.database import Project
from tests.safety_article import add_article

TOO_BIG = str(2**63)
BAD = [TOO_BIG, str(2**64 + 5), "9" * 5000, "-1", "0", "abc", "1.5", "1e3", ""]


@pytest.fixture
def small_project(project_path):
    with Project(project_path, create=True) as project:
        add_article(project, ["Officials said the bridge was closed.", "Residents said it was open."])
    return project_path


def contents(path) -> list:
    with Project(path) as project:
        return [
            list(project.execute("SELECT id, party_id, status FROM statements ORDER BY id")),
            list(project.execute("SELECT * FROM statement_topics ORDER BY 1, 2")),
            list(project.execute("SELECT * FROM links ORDER BY 1")),
            list(project.execute("SELECT id, name FROM topics ORDER BY 1")),
        ]


def commands(project, value):
    return {
        "STATEMENT_ID": [
            ["tag", project, value, "--party", "Iran"],
            ["tag", project, "1", value, "--narration"],
            ["topic", project, "Damage", value],
        ],
        "FROM_ID": [["link", project, value, "2"]],
        "TO_ID": [["link", project, "1", value]],
        "--article": [
            ["statements", project, "--article", value],
            ["suggest", project, "--article", value],
            ["export", project, "-f", "csv", "-o", str(project) + ".csv", "--article", value],
        ],
        "--limit": [["search", project, "officials", "--limit", value]],
    }


@pytest.mark.parametrize("value", BAD)
def test_a_number_out_of_range_names_the_argument(capsys, small_project, value):
    before = contents(small_project)
    for argument, runs in commands(small_project, value).items():
        for args in runs:
            with pytest.raises(SystemExit) as stopped:
                main([str(a) for a in args])
            err = capsys.readouterr().err
            assert stopped.value.code == 2, (args, err)
            assert f"argument {argument}" in err, (args, err)
            assert "whole number" in err, err
            assert "went wrong" not in err and "Traceback" not in err
            assert len(err) < 1000, "the argument is quoted, not repeated in full"
    assert contents(small_project) == before
    assert not (small_project.parent / (small_project.name + ".csv")).exists()


def test_the_largest_id_sqlite_holds_is_a_plain_not_found(capsys, small_project):
    before = contents(small_project)
    code = main(["tag", str(small_project), str(2**63 - 1), "--narration"])
    err = capsys.readouterr().err
    assert code == 1 and "went wrong" not in err, err
    assert contents(small_project) == before


def test_good_numbers_still_work(capsys, small_project):
    assert main(["search", str(small_project), "officials", "--limit", "1"]) == 0
    assert main(["tag", str(small_project), "1", "2", "--narration"]) == 0
    capsys.readouterr()
    with Project(small_project) as project:
        assert [r[0] for r in project.execute("SELECT party_id FROM statements ORDER BY id")] == [None, None]
