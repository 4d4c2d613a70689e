"""Search (Ctrl+F) with filters, and editing parties with undo, through the window."""

from PySide6.QtCore import Qt

from app.store.database import Project
from app.ui import ask


def rows(path, sql, params=()):
    with Project(path, read_only=True) as project:
        return project.execute(sql, params).fetchall()


def test_search_lists_matches_and_jumps_to_the_statement(window, seeded_path, qtbot):
    box = window.search_box
    window.actions["find"].trigger()
    qtbot.keyClicks(box, "sovereignty")
    qtbot.keyClick(box, Qt.Key_Return)
    model = window.statements.model
    assert model.scope == "search"
    expected = rows(seeded_path, "SELECT id FROM statements WHERE text LIKE '%sovereignty%'")
    assert sorted(r["id"] for r in model.rows) == sorted(r[0] for r in expected)
    # Enter opened the best match in its article, selected in the reader
    assert window.tagging.selected == [model.rows[0]["id"]]
    assert window.reader.selected == [model.rows[0]["id"]]

    # narrow by party, status and outlet: the same filters as the table
    iran = rows(seeded_path, "SELECT id FROM parties WHERE name = 'Iran'")[0][0]
    window.statements.party.setCurrentIndex(window.statements.party.findData(iran))
    found = {r["id"] for r in model.rows}
    in_file = {
        r[0] for r in rows(seeded_path, "SELECT id FROM statements WHERE text LIKE '%sovereignty%' AND party_id = ?",
                           (iran,))
    }
    assert found == in_file
    window.statements.party.setCurrentIndex(0)
    window.statements.status.setCurrentIndex(window.statements.status.findData("confirmed"))
    assert model.rows == []
    window.statements.status.setCurrentIndex(0)
    window.statements.outlet.setCurrentIndex(window.statements.outlet.findData("World News"))
    assert len(model.rows) == len(expected)


def test_search_result_then_tag_it(window, seeded_path, qtbot):
    window.search_box.setText("flagrant")
    window.search_box.returnPressed.emit()
    target = window.statements.model.rows[0]["id"]
    window.statements.view.setFocus()
    qtbot.keyClick(window.statements.view, Qt.Key_2)
    assert rows(seeded_path, "SELECT status FROM statements WHERE id = ?", (target,))[0][0] == "confirmed"


def test_a_search_fts_cannot_parse_still_finds_words(window, shown):
    window.run_search('"Iran AND (')
    assert shown.of("error") == []
    assert window.statements.model.scope == "search"


def test_whole_project_scope_and_topic_filter(window, seeded_path):
    from app.store import topics
    from app.ops.changes import Changes

    with Project(seeded_path) as project, project.transaction():
        topic = topics.ensure(project, "Sovereignty")
        first = project.execute("SELECT id FROM statements ORDER BY start LIMIT 2").fetchall()
        topics.assign(project, topic, [r[0] for r in first])
    window.context.announce(Changes.of("topics"))
    window.statements.set_scope("project")
    window.statements.topic.setCurrentIndex(window.statements.topic.findData(topic))
    assert [r["id"] for r in window.statements.model.rows] == [r[0] for r in first]
    assert window.statements.model.rows[0]["topics"] == "Sovereignty"


def test_party_edits_are_undoable_and_saved(window, seeded_path, monkeypatch, qtbot):
    panel = window.party_panel
    names = lambda: [r[0] for r in rows(seeded_path, "SELECT name FROM parties ORDER BY position")]  # noqa: E731
    keys = lambda: rows(seeded_path, "SELECT name, shortcut FROM parties ORDER BY position")  # noqa: E731
    start = names()

    monkeypatch.setattr(ask, "text", lambda *a, **k: "United Nations")
    panel.add()
    assert names() == [*start, "United Nations"]
    assert keys()[-1] == ("United Nations", 4)

    panel.select(window.context.parties[-1].id)
    monkeypatch.setattr(ask, "text", lambda *a, **k: "UN")
    panel.rename()
    assert names()[-1] == "UN"

    monkeypatch.setattr(ask, "color", lambda *a, **k: "#123456")
    panel.recolour()
    assert rows(seeded_path, "SELECT color FROM parties WHERE name = 'UN'")[0][0] == "#123456"

    from app.ui import alias_dialog

    monkeypatch.setattr(alias_dialog, "edit_aliases", lambda *a, **k: ["United Nations", "Guterres"])
    panel.edit_aliases()
    assert rows(seeded_path, "SELECT aliases FROM parties WHERE name = 'UN'")[0][0] == '["United Nations", "Guterres"]'

    panel.move(-1)  # UN moves above the third party and takes key 3
    assert keys()[2] == ("UN", 3)
    assert window.context.party_for_key(3).name == "UN"

    for _ in range(5):
        window.actions["undo"].trigger()
    assert names() == start
    for _ in range(5):
        window.actions["redo"].trigger()
    assert keys()[2] == ("UN", 3)


def test_merge_moves_statements_and_undo_puts_them_back(window, seeded_path, monkeypatch):
    before = rows(seeded_path, "SELECT id, party_id, status FROM statements ORDER BY id")
    parties = window.context.parties
    source, target = parties[2], parties[0]
    window.party_panel.select(source.id)
    monkeypatch.setattr(ask, "choose", lambda *a, **k: target.name)
    window.party_panel.merge()
    assert rows(seeded_path, "SELECT count(*) FROM statements WHERE party_id = ?", (source.id,))[0][0] == 0
    aliases = rows(seeded_path, "SELECT aliases FROM parties WHERE id = ?", (target.id,))[0][0]
    assert source.name in aliases
    assert len(window.context.parties) == 2
    window.actions["undo"].trigger()
    assert rows(seeded_path, "SELECT id, party_id, status FROM statements ORDER BY id") == before
    assert [p.name for p in window.context.parties] == [p.name for p in parties]
