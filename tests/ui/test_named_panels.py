"""The party and topic panels alone (no window): each edit reaches the project file, the
list follows it with the edited row selected, and undo puts the file back."""

from __future__ import annotations

import sqlite3

import pytest

from app.ui import ask
from app.ui.context import ProjectContext
from app.ui.party_panel import PartyPanel
from app.ui.topic_panel import TopicPanel


def _in_file(path, table: str) -> list[tuple]:
    """(name, shortcut or None) in the file's order, read past the desk's own connection."""
    column = "shortcut" if table == "parties" else "NULL"
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT name, {column} FROM {table} ORDER BY position, id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def context(seed_project, shown):
    project, _ = seed_project
    return ProjectContext(project)


def _panel(qtbot, cls, context):
    panel = cls()
    qtbot.addWidget(panel)
    panel.set_context(context)
    panel.show()
    return panel


def test_moving_a_party_down_swaps_its_place_and_key_in_the_file(qtbot, context):
    panel = _panel(qtbot, PartyPanel, context)
    before = _in_file(context.path, "parties")
    first = panel.model.parties[0]
    panel.select(first.id)
    panel.buttons["▼"].click()
    after = _in_file(context.path, "parties")
    assert [n for n, _ in after] == [before[1][0], before[0][0], *[n for n, _ in before[2:]]]
    assert [k for _, k in after] == [k for _, k in before]  # the keys stay with the places
    assert [p.name for p in panel.model.parties] == [n for n, _ in after]
    assert panel.selected_id() == first.id
    context.undo_stack.undo()
    assert _in_file(context.path, "parties") == before
    assert [p.name for p in panel.model.parties] == [n for n, _ in before]


def test_a_topic_added_then_deleted_leaves_and_undo_brings_it_back(qtbot, context, monkeypatch):
    panel = _panel(qtbot, TopicPanel, context)
    before = _in_file(context.path, "topics")
    monkeypatch.setattr(ask, "text", lambda *args, **kwargs: "Who pays for it")
    panel.buttons["Add"].click()
    assert _in_file(context.path, "topics") == [*before, ("Who pays for it", None)]
    assert panel.model.topics[-1].name == "Who pays for it"
    panel.select(panel.model.topics[-1].id)
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    panel.buttons["Delete"].click()
    assert _in_file(context.path, "topics") == before
    context.undo_stack.undo()
    assert _in_file(context.path, "topics") == [*before, ("Who pays for it", None)]
    assert [t.name for t in panel.model.topics] == [n for n, _ in _in_file(context.path, "topics")]
