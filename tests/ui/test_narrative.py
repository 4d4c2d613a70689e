"""The narrative view on the tagged seed article: rows, panes, silences, curves, selection,
jumps, drag-to-link and undo — asserted on the widgets and on the project file."""

from __future__ import annotations

import pytest
from narrative_seed import BALOCH, tag_seed
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSplitter
from seed_tagging import EXPECTED_GRID, PARTY_ORDER, TOPIC_ORDER

from app.store.database import Project
from app.ui.narrative.layout import EMPTY
from app.ui.narrative.pane import MIME, ids_from_mime, statements_mime


@pytest.fixture
def tagged(project_path, seed_path):
    with Project(project_path, create=True) as project:
        ids = tag_seed(project, seed_path)
    return project_path, ids


@pytest.fixture
def desk(open_window, tagged, qtbot):
    path, ids = tagged
    window = open_window(path)
    window.views.setCurrentWidget(window.narratives.view)
    view = window.narratives.view
    qtbot.waitUntil(lambda: view.placed is not None and view.panes[0].canvas.height() > 100)
    view.relayout()
    return window, view, ids


def all_curves(view) -> set[tuple[int, int, int]]:
    """Every curve the overlay draws, page by page (it only ever draws the visible rows)."""
    found = set()
    page = max(50, view.panes[0].canvas.height() // 2)
    for value in range(0, view.scroll_bar.maximum() + page, page):
        view.scroll_bar.setValue(min(value, view.scroll_bar.maximum()))
        found |= {(c.link_id, c.left_id, c.right_id) for c in view.overlay.link_geometry()}
    view.scroll_bar.setValue(0)
    return found


def test_rows_are_topics_panes_are_parties_and_silence_is_shown(desk, db):
    window, view, ids = desk
    splitter = window.findChild(QSplitter, "narrativePanes")
    assert splitter is view.splitter
    assert [splitter.widget(i).objectName() for i in range(splitter.count())] == [f"pane:{p}" for p in PARTY_ORDER]
    assert [r.name for r in view.grid.rows] == list(TOPIC_ORDER)
    names = {v: k for k, v in ids.items()}
    shown = {t: {p: [names[i] for i in cell] for p, cell in row.items()} for t, row in view.grid.as_ids().items()}
    assert shown == EXPECTED_GRID
    # The same, read back from the project file.
    in_file = db(window.context.path, """
        SELECT t.name, p.name, s.id FROM statement_topics st JOIN topics t ON t.id = st.topic_id
        JOIN statements s ON s.id = st.statement_id JOIN parties p ON p.id = s.party_id""")
    assert {(t, p, names[s]) for t, p, s in in_file} == {
        (t, p, s) for t, row in EXPECTED_GRID.items() for p, starts in row.items() for s in starts
    }
    # Silence is an explicit cell, one per topic a party says nothing on.
    baloch = view.placed.panes[PARTY_ORDER.index(BALOCH)]
    silent = [view.grid.rows[item.row].name for item in baloch.all_items() if item.kind == EMPTY]
    assert silent == ["Who was killed", "Sovereignty and legality"]


def test_topic_sections_line_up_across_panes(desk):
    _w, view, _ids = desk
    for r, (top, height) in enumerate(view.placed.sections):
        firsts = [pane.section_items(r)[0].top for pane in view.placed.panes]
        assert len(set(firsts)) == 1  # every pane starts the topic at the same height
        lasts = [max(it.top + it.height for it in pane.section_items(r)) for pane in view.placed.panes]
        assert max(lasts) <= top + height


def test_links_are_curves_between_neighbouring_panes(desk, db):
    window, view, ids = desk
    assert len(db(window.context.path, "SELECT * FROM links")) == 6
    # Five links join Pakistan and Iran (neighbours); Pakistan–Baloch is not a neighbour pair.
    assert len(all_curves(view)) == 5
    curves = view.overlay.link_geometry()
    assert 0 < len(curves) <= 5 and {c.relation for c in curves} <= {"contradicts", "responds-to"}
    for curve in curves:
        assert curve.start.x() < curve.end.x()
    view.resize(view.width(), 260)  # a short window: only the curves of the rows in view
    view.relayout()
    assert len(view.overlay.link_geometry()) < 5
    pakistan, iran, baloch = (view.data.parties[i].id for i in range(3))
    view.set_panes([iran, pakistan, baloch])  # now Pakistan sits beside both
    assert len(all_curves(view)) == 6
    view.set_panes([pakistan, baloch])
    assert [p.objectName() for p in view.panes] == ["pane:Pakistan", f"pane:{BALOCH}"]
    (only,) = all_curves(view)
    assert only[1:] == (ids["The statement added that"], ids["They said that they had no links"])


def test_selecting_a_statement_highlights_its_counterparts(desk, qtbot):
    window, view, ids = desk
    added = ids["The statement added that"]
    pane = view.panes[0].canvas
    item = view.placed.panes[0].occurrences(added)[0]
    qtbot.mouseClick(pane, Qt.LeftButton, pos=QPoint(40, item.top - view.offset + 10))
    assert view.selected == [added]
    assert view.counterpart_relations == {
        ids["Iran claimed that the Pakistani air strikes"]: "contradicts",
        ids["It also denied any involvement"]: "contradicts",
        ids["They said that they had no links"]: "contradicts",
    }
    assert all(c.highlighted == (added in (c.left_id, c.right_id)) for c in view.overlay.link_geometry())
    # The suggestions panel follows the selection.
    assert window.narratives.suggestions.statement_id == added


def test_double_click_jumps_to_the_statement_in_the_article(desk, qtbot):
    window, view, ids = desk
    target = ids["It also warned Pakistan"]
    pane_index = PARTY_ORDER.index("Iran")
    layout = view.placed.panes[pane_index]
    view.scroll_to(target)
    (item,) = layout.occurrences(target)
    qtbot.mouseDClick(view.panes[pane_index].canvas, Qt.LeftButton, pos=QPoint(40, item.top - view.offset + 10))
    assert window.views.currentWidget() is window.reader_pane
    assert window.tagging.selected == [target]


def test_scrolling_is_shared_by_every_pane(desk):
    _w, view, _ids = desk
    view.resize(view.width(), 300)
    view.relayout()
    assert view.scroll_bar.maximum() > 0
    view.scroll_bar.setValue(view.scroll_bar.maximum())
    bottoms = [pane.visible(view.offset, view.offset + 300) for pane in view.placed.panes]
    assert all(bottoms)
    assert {items[-1].row for items in bottoms} == {len(TOPIC_ORDER) - 1}


def test_drag_one_statement_onto_another_links_them_and_undo_redo(desk, db):
    window, view, ids = desk
    urged, condemned = ids["It urged Iran to refrain"], ids["Iran, however, condemned"]
    mime = statements_mime([urged])
    assert mime.hasFormat(MIME) and ids_from_mime(mime) == [urged]
    iran = PARTY_ORDER.index("Iran")
    item = view.placed.panes[iran].occurrences(condemned)[0]
    view.dropped(iran, ids_from_mime(mime), item.top + 5)
    rows = db(window.context.path, "SELECT source_id, target_id, relation FROM links WHERE source_id = ?", (urged,))
    assert len(rows) == 2 and (urged, condemned) in {(a, b) for a, b, _r in rows}
    assert len(all_curves(view)) == 6
    window.context.undo_stack.undo()
    assert len(db(window.context.path, "SELECT * FROM links")) == 6
    assert len(all_curves(view)) == 5
    window.context.undo_stack.redo()
    assert len(db(window.context.path, "SELECT * FROM links")) == 7


def test_a_real_drop_event_links_across_panes(desk, qtbot, db):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    window, view, ids = desk
    source, target = ids["They said that they had no links"], ids["It said that Iran had the right"]
    iran = PARTY_ORDER.index("Iran")
    canvas = view.panes[iran].canvas
    item = view.placed.panes[iran].occurrences(target)[0]
    mime = statements_mime([source])  # kept alive: the event does not own it
    event = QDropEvent(QPointF(30, item.top - view.offset + 6), Qt.LinkAction, mime, Qt.LeftButton, Qt.NoModifier)
    canvas.dropEvent(event)
    assert event.isAccepted()
    assert db(window.context.path, "SELECT count(*) FROM links WHERE source_id = ? AND target_id = ?",
              (source, target)) == [(1,)]


def test_dropping_on_a_topic_section_files_the_statement_and_undo(desk, db):
    window, view, ids = desk
    summoned = ids["Iran’s foreign ministry summoned"]
    iran = PARTY_ORDER.index("Iran")
    top, _height = view.placed.sections[TOPIC_ORDER.index("What happens next")]
    view.dropped(iran, [summoned], top + 3)  # on the topic's band
    sql = "SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id WHERE st.statement_id = ?"
    assert db(window.context.path, sql, (summoned,)) == [("What happens next",)]
    view.reload()
    assert summoned in view.grid.as_ids()["What happens next"]["Iran"]
    window.context.undo_stack.undo()
    assert db(window.context.path, sql, (summoned,)) == []
    view.reload()
    assert summoned not in view.grid.as_ids()["What happens next"]["Iran"]


def test_filters_confirmed_only_and_untopical_row(desk):
    window, view, ids = desk
    from app.ops import tagging

    tagging.restore(window.context.project, [tagging.statements.TagState(ids["It urged Iran to refrain"],
                                                                        view.data.parties[0].id, "suggested")])
    view.reload()
    view.filters.confirmed.setChecked(True)
    assert view.grid.as_ids()["What happens next"]["Pakistan"] == []
    view.filters.confirmed.setChecked(False)
    view.filters.untopical.setChecked(True)
    assert view.grid.rows[-1].untopical
    assert view.grid.as_ids()["No topic"]["Iran"] == [ids["Iran’s foreign ministry summoned"]]
    view.filters.outlet.setCurrentIndex(view.filters.outlet.findData("Nowhere Times"))
    view.filters.article.setCurrentIndex(1)
    assert sum(len(v) for v in view.grid.cells.values()) > 0
