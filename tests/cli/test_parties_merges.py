"""``counterclaim parties --merges`` shows the merges the suggestions propose (issue 14, item 1)."""

from __future__ import annotations

import json

from app.cli import main


def test_parties_merges_lists_the_proposed_merge(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Deputy Minister Oskar Brandt said the plan was sound.\n", encoding="utf-8")
    b.write_text("Norway's deputy minister Oskar Brandt said the licences were lawful.\n", encoding="utf-8")
    project = str(tmp_path / "p.counterclaim")
    assert main(["import", project, str(a)]) == 0
    assert main(["import", project, str(b)]) == 0
    capsys.readouterr()
    assert main(["parties", project, "--merges"]) == 0
    assert "merge Oskar Brandt into Norway?" in capsys.readouterr().out
    assert main(["parties", project, "--merges", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["source"], r["target"]) for r in rows] == [("Oskar Brandt", "Norway")]
