"""A JSON export read back is the same project; a hand-broken file is refused, project unchanged."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import CounterclaimError, ImportRefused
from app.ops.exchange import import_json
from app.ops.exporting import export
from app.store import exchange
from app.store.database import Project

TABLES = ("articles", "parties", "topics", "statements", "statement_topics", "links")


def _dump(project) -> dict:
    """Every row of every table the exchange carries, straight from SQLite."""
    out = {}
    for table in TABLES:
        cursor = project.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        names = [d[0] for d in cursor.description]
        out[table] = [dict(zip(names, row)) for row in cursor]
    return out


def _export_json(project, path) -> dict:
    export(project, "json", path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_round_trip_is_identical(seed_project, tmp_path):
    project, ids = seed_project
    from app.store import statements

    with project.transaction():  # make every column carry something
        statements.set_note(project, ids["It urged Iran to refrain"], "Check the ministry's Urdu text")
        state = statements.tag_states(project, [ids["It said that Iran had the right"]])[0]
        statements.set_tags(project, [statements.TagState(state.statement_id, state.party_id, "suggested")])
    document = _export_json(project, tmp_path / "export.json")
    assert document["format"] == "counterclaim-export" and document["format_version"] == 1

    with Project(tmp_path / "copy.counterclaim", create=True) as copy:
        report = import_json(copy, tmp_path / "export.json")
        assert (report.articles, report.statements, report.links) == (1, 18, 6)
        assert _dump(copy) == _dump(project)
        # and the copy exports to the same document
        again = _export_json(copy, tmp_path / "again.json")
    for key in ("articles", "parties", "topics", "statements", "statement_topics", "links"):
        assert again[key] == document[key], key


def test_cli_import_reads_a_json_export(seed_project, tmp_path):
    pytest.importorskip("app.core.attribution")  # import_files needs the attribution module
    from app.cli import main

    project, _ = seed_project
    _export_json(project, tmp_path / "export.json")
    target = tmp_path / "new.counterclaim"
    assert main(["import", str(target), str(tmp_path / "export.json")]) == 0
    with Project(target) as copy:
        assert _dump(copy) == _dump(project)


@pytest.mark.parametrize(
    "breakage, sentence",
    [
        (lambda d: d["statements"][0].update(end=10_000), "outside article"),
        (lambda d: d["statements"][2].update(text="Something else entirely."), "text there is different"),
        (lambda d: d["statements"][2].update(start=d["statements"][2]["start"] + 1), "text there is different"),
        (lambda d: d["statements"][3].update(party_id=99), "party 99, which is not in the file"),
        (lambda d: d["statement_topics"].append([d["statements"][0]["id"], 77]), "topic 77"),
        (lambda d: d["links"][0].update(target_id=12345), "statement 12345"),
        (lambda d: d["links"][0].update(relation="hates"), "unknown relation"),
        (lambda d: d.update(format_version=2), "newer Counterclaim"),
        (lambda d: d.update(format="something-else"), "not a Counterclaim JSON export"),
        (lambda d: d["parties"].append(dict(d["parties"][0], id=50)), "called “Pakistan”"),
        (lambda d: d["statements"][1].update(kind="rumour"), "unknown kind"),
        (lambda d: d["statements"][1].update(status="maybe"), "unknown status"),
        (lambda d: d["articles"][0].pop("text"), "has no “text”"),
        (lambda d: d["statements"].append(dict(d["statements"][0])), "share the id"),
    ],
)
def test_a_hand_broken_file_is_refused_and_nothing_changes(seed_project, tmp_path, breakage, sentence):
    project, _ = seed_project
    document = _export_json(project, tmp_path / "export.json")
    breakage(document)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with Project(tmp_path / "target.counterclaim", create=True) as target:
        before = _dump(target)
        with pytest.raises(ImportRefused, match=sentence) as caught:
            import_json(target, broken)
        assert str(caught.value).startswith("“broken.json” cannot be imported: ")
        assert str(caught.value).endswith("Nothing was changed.")
        assert _dump(target) == before


def test_not_json_at_all(project, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("{ this is not json", encoding="utf-8")
    with pytest.raises(ImportRefused, match="not valid JSON"):
        import_json(project, path)


def test_a_project_with_work_is_not_merged_into(seed_project, tmp_path):
    project, _ = seed_project
    _export_json(project, tmp_path / "export.json")
    before = _dump(project)
    with pytest.raises(CounterclaimError, match="new, empty project"):
        import_json(project, tmp_path / "export.json")
    assert _dump(project) == before


def test_a_failure_half_way_rolls_back(seed_project, tmp_path, monkeypatch):
    project, _ = seed_project
    _export_json(project, tmp_path / "export.json")
    original = exchange.restore

    def half(project, articles, parties, topics, statements, statement_topics, links):
        original(project, articles, parties, topics, statements, statement_topics, [])
        raise RuntimeError("power cut")

    monkeypatch.setattr(exchange, "restore", half)
    with Project(tmp_path / "target.counterclaim", create=True) as target:
        with pytest.raises(RuntimeError):
            import_json(target, tmp_path / "export.json")
        assert exchange.is_empty(target)


def _one_clean_line(raw: str) -> str:
    from app.core.text import clean_text

    return clean_text(raw, reflow_paragraphs=False).replace("\n", " ")


def _is_clean(text: str) -> bool:
    from app.core.text import clean_text

    return bool(text) and clean_text(text, reflow_paragraphs=False) == text


# Any Unicode an import could have stored: imports store clean text, one paragraph a line.
_text = (
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
    .map(_one_clean_line)
    .filter(_is_clean)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences=st.lists(_text, min_size=1, max_size=6))
def test_any_unicode_round_trips(tmp_path_factory, sentences):
    from safety_article import add_article

    folder = tmp_path_factory.mktemp("rt")
    with Project(folder / "a.counterclaim", create=True) as source:
        add_article(source, sentences, language=None)
        _export_json(source, folder / "e.json")
        with Project(folder / "b.counterclaim", create=True) as copy:
            import_json(copy, folder / "e.json")
            assert _dump(copy) == _dump(source)


def test_an_export_reads_one_state_of_the_file_while_another_program_writes(tmp_path, monkeypatch):
    """A script importing between the export's queries must not make the export inconsistent."""
    from app.ops.importing import import_text
    from app.store import exchange
    from app.store.database import Project

    path = tmp_path / "busy.counterclaim"
    with Project(path, create=True) as project:
        import_text(project, "Officials said the bridge reopened. Residents disputed it.", title="One")
    writer = Project(path)
    reader = Project(path)
    real_rows = exchange._rows
    calls = []

    def rows_with_a_write_between(project, sql, params=()):
        calls.append(sql)
        if len(calls) == 2:  # after the articles were read, another program adds one
            import_text(writer, "The mayor said repairs cost more. Critics said less.", title="Two")
        return real_rows(project, sql, params)

    monkeypatch.setattr(exchange, "_rows", rows_with_a_write_between)
    data = exchange.select(reader)
    article_ids = {a["id"] for a in data.articles}
    assert {s["article_id"] for s in data.statements} <= article_ids
    writer.close()
    reader.close()


@pytest.mark.parametrize(
    "edit, reason",
    [
        (lambda d: d["articles"][0].update(text=d["articles"][0]["text"].replace("\n", "\r\n", 1)), "edited by hand"),
        (lambda d: d["articles"][0].update(title="\ud800"), "broken characters"),
        (lambda d: d["statements"][1].update(start=d["statements"][0]["start"]), "overlap"),
    ],
    ids=["CRLF in article text", "lone surrogate", "overlapping statements"],
)
def test_hand_edits_that_would_break_offsets_are_refused(tmp_path, edit, reason):
    import json

    from app.ops.importing import import_text

    with Project(tmp_path / "a.counterclaim", create=True) as source:
        import_text(source, "Officials said the bridge reopened. Residents disputed it.\nThe mayor said more.")
        _export_json(source, tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    edit(document)
    if reason == "overlap":
        first = document["statements"][0]
        second = document["statements"][1]
        text = document["articles"][0]["text"]
        second["text"] = text[second["start"] : second["end"]]
        assert second["start"] == first["start"]
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    with Project(tmp_path / "b.counterclaim", create=True) as target:
        with pytest.raises(ImportRefused, match=reason):
            import_json(target, tmp_path / "bad.json")
        assert target.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
