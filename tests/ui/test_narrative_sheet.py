"""The comparison sheet, the topic panel and picker, context menus and counterclaim suggestions
on the tagged seed article, asserted on the widgets and on the project file."""

from __future__ import annotations

import pytest
from narrative_seed import BALOCH, gold_links, tag_seed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from seed_tagging import EXPECTED_GRID, PARTY_ORDER, TOPIC_ORDER

from app.store.database import Project
from app.ui.comparison_sheet import EMPTY_TEXT, ENTRIES_ROLE


def _open(open_window, path, qtbot):
    window = open_window(path)
    desk = window.narratives
    desk.suggestions_dock.raise_()  # the index is built when the panel is first seen
    qtbot.waitUntil(lambda: desk.suggestions.index is not None, timeout=20_000)
    return window, desk


@pytest.fixture
def tagged(project_path, seed_path):
    with Project(project_path, create=True) as project:
        ids = tag_seed(project, seed_path)
    return project_path, ids


def test_comparison_sheet_is_the_issue_table_with_citations(open_window, tagged, qtbot):
    path, ids = tagged
    window, desk = _open(open_window, path, qtbot)
    window.views.setCurrentWidget(desk.sheet)
    table = window.findChild(QTableView, "comparisonSheet")
    model = table.model()
    assert [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())] == list(PARTY_ORDER)
    assert [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())] == list(TOPIC_ORDER)
    names = {v: k for k, v in ids.items()}
    for r, topic in enumerate(TOPIC_ORDER):
        for c, party in enumerate(PARTY_ORDER):
            index = model.index(r, c)
            entries = index.data(ENTRIES_ROLE)
            assert [names[e.statement_id] for e in entries] == EXPECTED_GRID[topic][party]
            if not entries:
                assert index.data() == EMPTY_TEXT
            for entry in entries:
                assert entry.citation.short().startswith("World News, “")
                assert f"¶{entry.citation.paragraph}" in index.data()
    assert model.index(TOPIC_ORDER.index("Who was killed"), PARTY_ORDER.index(BALOCH)).data() == EMPTY_TEXT
    assert "2 empty cells" in desk.sheet.summary.text()
    assert table.rowHeight(0) > 60  # wrapped text, not one clipped line


def test_t_opens_the_topic_picker_and_undo_redo(open_window, tagged, qtbot, db):
    path, ids = tagged
    window, desk = _open(open_window, path, qtbot)
    summoned = ids["Iran’s foreign ministry summoned"]
    window.tagging.set_selection([summoned])
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key_T)
    picker = desk.picker
    assert picker is not None and picker.isVisible()
    picker.line.setText("Sovereignty")
    assert [picker.list.item(i).text().strip() for i in range(2)] == ["Sovereignty and legality", "＋ New topic “Sovereignty”"]
    picker.choose()
    sql = "SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id WHERE statement_id = ?"
    assert db(path, sql, (summoned,)) == [("Sovereignty and legality",)]
    desk.pick_topic([summoned])
    desk.picker.line.setText("Diplomatic protest")
    desk.picker.choose()
    assert sorted(db(path, sql, (summoned,))) == [("Diplomatic protest",), ("Sovereignty and legality",)]
    assert "Diplomatic protest" in [t.name for t in desk.topics.model.topics]
    window.context.undo_stack.undo()
    assert db(path, sql, (summoned,)) == [("Sovereignty and legality",)]
    assert db(path, "SELECT count(*) FROM topics WHERE name = 'Diplomatic protest'") == [(0,)]
    window.context.undo_stack.undo()
    assert db(path, sql, (summoned,)) == []
    window.context.undo_stack.redo()
    window.context.undo_stack.redo()
    assert len(db(path, sql, (summoned,))) == 2


def test_topic_panel_edits_and_drop(open_window, tagged, qtbot, db, monkeypatch):
    from app.ui import ask
    from app.ui.narrative.pane import statements_mime

    path, ids = tagged
    window, desk = _open(open_window, path, qtbot)
    panel = desk.topics
    assert panel.objectName() == "topicPanel"
    assert [t.name for t in panel.model.topics] == list(TOPIC_ORDER)
    monkeypatch.setattr(ask, "text", lambda *a, **k: "Casualties")
    panel.select(panel.model.topics[1].id)
    panel.rename()
    assert db(path, "SELECT name FROM topics ORDER BY position")[1] == ("Casualties",)
    panel.move(-1)
    assert db(path, "SELECT name FROM topics ORDER BY position")[0] == ("Casualties",)
    monkeypatch.setattr(ask, "color", lambda *a, **k: "#123456")
    panel.recolour()
    assert db(path, "SELECT color FROM topics WHERE name = 'Casualties'") == [("#123456",)]
    monkeypatch.setattr(ask, "choose", lambda *a, **k: "What was hit")
    panel.merge()
    assert db(path, "SELECT count(*) FROM topics") == [(4,)]
    view = window.narratives.view
    view.reload()
    assert "Casualties" not in [r.name for r in view.grid.rows]
    for _ in range(4):
        window.context.undo_stack.undo()
    assert [n for (n,) in db(path, "SELECT name FROM topics ORDER BY position")] == list(TOPIC_ORDER)
    # Dropping statements on a topic row files them under it.
    mime = statements_mime([ids["Iran’s foreign ministry summoned"]])
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    rect = panel.view.visualRect(panel.model.index(4, 0))
    event = QDropEvent(QPointF(rect.center()), Qt.LinkAction, mime, Qt.LeftButton, Qt.NoModifier)
    panel.view.dropEvent(event)
    assert db(path, "SELECT topic_id FROM statement_topics WHERE statement_id = ?",
              (ids["Iran’s foreign ministry summoned"],)) == [(panel.model.topics[4].id,)]


def test_context_menus_on_the_table_and_the_narrative_view(open_window, tagged, qtbot, db):
    path, ids = tagged
    window, desk = _open(open_window, path, qtbot)
    summoned, added = ids["Iran’s foreign ministry summoned"], ids["The statement added that"]
    window.tagging.set_selection([summoned])
    window.statements.view.customContextMenuRequested.emit(window.statements.view.rect().center())
    menu = desk.last_menu
    topics_menu = next(a.menu() for a in menu.actions() if a.text() == "Topics")
    action = next(a for a in topics_menu.actions() if a.text() == "What happens next")
    assert not action.isChecked()
    action.trigger()
    assert db(path, "SELECT count(*) FROM statement_topics WHERE statement_id = ?", (summoned,)) == [(1,)]
    menu.close()
    # In the narrative view: select one statement, right-click another, link them.
    view = desk.view
    view.select([added])
    desk.menu(view.selected, ids["It said that Iran had the right"], window.mapToGlobal(window.rect().center()),
              from_view=True)
    link_menu = next(a.menu() for a in desk.last_menu.actions() if a.text() == "Link selected to this")
    next(a for a in link_menu.actions() if a.text() == "supports").trigger()
    assert db(path, "SELECT relation FROM links WHERE source_id = ? AND target_id = ?",
              (added, ids["It said that Iran had the right"])) == [("supports",)]
    desk.last_menu.close()
    # The links of a statement are listed, editable and removable.
    desk.menu([added], None, window.mapToGlobal(window.rect().center()), from_view=True)
    links_menu = next(a.menu() for a in desk.last_menu.actions() if a.text().startswith("Links ("))
    assert links_menu.title() == "Links (4)"
    first = links_menu.actions()[0].menu()
    next(a for a in first.actions() if a.text() == "Remove link").trigger()
    assert db(path, "SELECT count(*) FROM links") == [(6,)]
    window.context.undo_stack.undo()
    assert db(path, "SELECT count(*) FROM links") == [(7,)]
    desk.last_menu.close()


def test_suggestions_recall_the_gold_links_and_accept_with_one_key(open_window, project_path, seed_path, qtbot, db):
    with Project(project_path, create=True) as project:
        ids = tag_seed(project, seed_path)
        project.execute("DELETE FROM links")  # the journalist has not linked anything yet
    window, desk = _open(open_window, project_path, qtbot)
    panel = desk.suggestions
    hits = 0
    for claim in gold_links(seed_path):
        panel.show_for(ids[claim["a"]])
        top = panel.candidate_ids()[:3]
        hits += ids[claim["b"]] in top
        assert all(c.reasons for c, *_ in panel.candidates)
    assert hits >= 5, f"recall {hits}/6 in top 3"
    # Accept with L: the link is made with the relation the panel showed.
    claim = gold_links(seed_path)[0]
    panel.show_for(ids[claim["a"]])
    row = panel.candidate_ids().index(ids[claim["b"]])
    panel.list.setCurrentRow(row)
    relation = panel.candidates[row][2]
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key_L)
    assert db(project_path, "SELECT source_id, target_id, relation FROM links") == [
        (ids[claim["a"]], ids[claim["b"]], relation)
    ]
    qtbot.waitUntil(lambda: panel.candidates[row][3], timeout=3000)  # now shown as linked
    window.context.undo_stack.undo()
    assert db(project_path, "SELECT count(*) FROM links") == [(0,)]


def test_following_the_selection_ranks_once_when_the_keys_rest(open_window, tagged, qtbot, monkeypatch):
    path, ids = tagged
    window, desk = _open(open_window, path, qtbot)
    panel = desk.suggestions
    panel.show()
    calls = []
    real = panel.index.suggest
    monkeypatch.setattr(panel.index, "suggest", lambda sid, limit=10: calls.append(sid) or real(sid, limit))
    for sid in list(ids.values())[:6]:  # a burst of J presses: the selection moves six times
        panel.follow(sid)
    assert calls == []  # nothing ranked while the keys move
    last = list(ids.values())[5]
    qtbot.waitUntil(lambda: calls == [last], timeout=3000)


def test_the_suggestion_index_waits_until_its_tab_is_brought_forward(open_window, tagged, qtbot):
    path, _ids = tagged
    window = open_window(path)
    desk = window.narratives
    assert not desk.suggestions.on_screen()  # behind the Parties tab by default
    assert desk.suggestions.index is None and desk.suggestions.job is None
    desk.suggestions_dock.raise_()
    qtbot.waitUntil(lambda: desk.suggestions.index is not None, timeout=20_000)


def test_a_failed_index_build_is_said_once_not_retried_in_a_loop(open_window, tagged, qtbot, monkeypatch):
    from app.core.errors import CounterclaimError
    from app.ops import matching_ops

    builds = []

    def broken(project, progress, cancelled):
        builds.append(1)
        raise CounterclaimError("the project is busy")

    monkeypatch.setattr(matching_ops, "build_index", broken)
    path, ids = tagged
    window = open_window(path)
    desk = window.narratives
    desk.suggestions_dock.raise_()
    qtbot.waitUntil(lambda: "not available" in desk.suggestions.title.text(), timeout=10_000)
    desk.suggestions.follow(list(ids.values())[0])
    qtbot.wait(400)
    assert len(builds) == 1
    assert "the project is busy" in desk.suggestions.title.text()
