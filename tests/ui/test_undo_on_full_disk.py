"""An undo (or redo) that fails, say on a full disk, keeps its entry where it was: the
sentence is shown, the file is unchanged, and the same undo works once the disk has room."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.errors import ProjectError
from app.ops import tagging

FULL = "The disk holding “investigation.counterclaim” is full; the last change was not saved."


def _rows(db, path):
    return db(path, "SELECT id, party_id, status FROM statements ORDER BY id")


def _tag_first(window, qtbot):
    window.tagging.set_selection([window.reader.rows[0]["id"]])
    window.statements.view.setFocus()
    qtbot.keyClick(window.statements.view, Qt.Key_3)


def _disk_full(monkeypatch):
    real = tagging.restore

    def full(*_args, **_kwargs):
        raise ProjectError(FULL)

    monkeypatch.setattr(tagging, "restore", full)
    return real


def test_a_failed_undo_stays_on_the_stack_and_works_later(window, seeded_path, qtbot, db, shown, monkeypatch):
    before = _rows(db, seeded_path)
    _tag_first(window, qtbot)
    tagged = _rows(db, seeded_path)
    assert tagged != before
    stack = window.context.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)

    real = _disk_full(monkeypatch)
    window.actions["undo"].trigger()
    assert shown.of("error") == [FULL]
    assert (stack.count(), stack.index()) == (1, 1), "the entry must stay, still undoable"
    assert stack.canUndo() and window.actions["undo"].isEnabled()
    assert _rows(db, seeded_path) == tagged

    monkeypatch.setattr(tagging, "restore", real)  # the disk has room again
    window.actions["undo"].trigger()
    assert (stack.count(), stack.index()) == (1, 0)
    assert _rows(db, seeded_path) == before


def test_a_failed_redo_stays_on_the_stack_and_works_later(window, seeded_path, qtbot, db, shown, monkeypatch):
    before = _rows(db, seeded_path)
    _tag_first(window, qtbot)
    tagged = _rows(db, seeded_path)
    stack = window.context.undo_stack
    window.actions["undo"].trigger()
    assert _rows(db, seeded_path) == before

    real = _disk_full(monkeypatch)
    window.actions["redo"].trigger()
    assert shown.of("error") == [FULL]
    assert (stack.count(), stack.index()) == (1, 0)
    assert stack.canRedo()
    assert _rows(db, seeded_path) == before

    monkeypatch.setattr(tagging, "restore", real)
    window.actions["redo"].trigger()
    assert (stack.count(), stack.index()) == (1, 1)
    assert _rows(db, seeded_path) == tagged
