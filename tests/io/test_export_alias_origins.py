"""Where aliases came from travels in the JSON export and comes back the same; a file
without it (older exports) still reads, and a broken entry is refused, nothing changed."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.core.errors import ImportRefused
from app.ops import parties_ops
from app.ops.exchange import import_json
from app.ops.exporting import export
from app.ops.importing import import_text
from app.store.database import Project

TEXT = "Shelling resumed.\n“We hold the bridge,” the palace guard commander said.\nKestrel Hold said it had retreated."


def _origins(path):
    """The origins shown: of parties that exist, for aliases they have (undo may leave others)."""
    with sqlite3.connect(path) as conn:
        aliases = {pid: {a.casefold() for a in json.loads(a)} for pid, a in conn.execute("SELECT id, aliases FROM parties")}
        rows = conn.execute("SELECT party_id, alias, origin, statement_id FROM alias_origins ORDER BY 1, 2").fetchall()
    return [r for r in rows if r[1].casefold() in aliases.get(r[0], ())]


@pytest.fixture
def exported(project, project_path, tmp_path):
    import_text(project, TEXT, title="One")
    rur = parties_ops.add(project, "Ruritania", aliases=["Fenwick Hall"]).party_ids[0]
    sid = project.execute("SELECT id FROM statements WHERE speaker = 'the palace guard commander'").fetchone()[0]
    parties_ops.learn(project, rur, "the palace guard commander", sid)
    kestrel = project.execute("SELECT id FROM parties WHERE name = 'Kestrel Hold'").fetchone()[0]
    parties_ops.merge(project, kestrel, rur)
    target = tmp_path / "export.json"
    export(project, "json", target)
    return project_path, target


def test_origins_round_trip(exported, tmp_path):
    source, target = exported
    origins = _origins(source)
    assert {o[2] for o in origins} >= {"hand", "learned", "merge"}
    with Project(tmp_path / "copy.counterclaim", create=True) as copy:
        import_json(copy, target)
    assert _origins(tmp_path / "copy.counterclaim") == origins


def test_an_export_without_origins_still_reads(exported, tmp_path):
    _source, target = exported
    document = json.loads(target.read_text(encoding="utf-8"))
    del document["alias_origins"]
    target.write_text(json.dumps(document), encoding="utf-8")
    with Project(tmp_path / "copy.counterclaim", create=True) as copy:
        import_json(copy, target)
    assert _origins(tmp_path / "copy.counterclaim") == []


@pytest.mark.parametrize("broken, says", [
    ({"party_id": 999, "alias": "x", "origin": "hand"}, "not in the file"),
    ({"party_id": None, "alias": "Fenwick Hall", "origin": "magic"}, "names party"),
    ("first", "unknown origin"),
])
def test_a_broken_origin_is_refused(exported, tmp_path, broken, says):
    _source, target = exported
    document = json.loads(target.read_text(encoding="utf-8"))
    if broken == "first":
        document["alias_origins"][0]["origin"] = "magic"
    else:
        document["alias_origins"].append(broken)
    target.write_text(json.dumps(document), encoding="utf-8")
    with Project(tmp_path / "copy.counterclaim", create=True) as copy, pytest.raises(ImportRefused, match=says):
        import_json(copy, target)
    assert _origins(tmp_path / "copy.counterclaim") == []
