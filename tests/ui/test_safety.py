"""The desk keeps work safe: a backup on open, one editing window per file, a way back from damage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.store import backups


def _backups_taken(window, path) -> list:
    window.jobs.wait(10_000)
    return backups.list_backups(path)


def test_opening_a_project_takes_a_backup(window, seeded_path, qtbot):
    qtbot.waitUntil(lambda: len(backups.list_backups(seeded_path)) == 1, timeout=10_000)
    (backup,) = backups.list_backups(seeded_path)
    assert backups.is_usable(backup)


def test_a_second_window_on_the_same_project_is_read_only(open_window, seeded_path, shown, db, qtbot, monkeypatch):
    first = open_window(seeded_path)
    second = open_window(seeded_path)
    assert first.project_lock is not None and not first.context.project.read_only
    assert second.project_lock is None and second.context.project.read_only
    assert "read-only" in second.windowTitle()
    assert any("already open in another Counterclaim window" in t for t in shown.of("info"))
    before = db(seeded_path, "SELECT id, party_id, status FROM statements ORDER BY id")
    reader = second.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.offsets.to_utf16(reader.rows[0]["start"] + 3))
    qtbot.mouseClick(reader.viewport(), Qt.LeftButton, Qt.NoModifier, reader.cursorRect(cursor).center())
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key_0)
    assert any("read-only" in t for t in shown.of("error"))
    assert db(seeded_path, "SELECT id, party_id, status FROM statements ORDER BY id") == before
    from app.ui import ask

    article = seeded_path.parent / "more.txt"
    article.write_text("Officials said the bridge reopened. Residents disputed it.\n")
    monkeypatch.setattr(ask, "import_paths", lambda parent, start=None: [str(article)])
    second.actions["import"].trigger()
    assert any("open read-only here" in t for t in shown.of("error"))
    assert db(seeded_path, "SELECT count(*) FROM articles")[0][0] == 1
    first.close_project()
    third = open_window(seeded_path)
    assert third.project_lock is not None, "closing the editing window frees the project"


def test_a_damaged_project_offers_the_latest_backup(open_window, seeded_path, shown, monkeypatch, db):
    window = open_window(seeded_path)
    _backups_taken(window, seeded_path)
    window.close_project()
    seeded_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)  # a disk fault, say
    from app.ui import ask

    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    window.open_project(seeded_path)
    assert asked and "backup" in asked[0]
    assert db(seeded_path, "SELECT count(*) FROM statements")[0][0] == 18
    kept = list(seeded_path.parent.glob("*.replaced-*.counterclaim"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3\x00\x13")


def test_a_damaged_project_without_backups_is_refused_and_left_alone(open_window, tmp_path, shown):
    from app.core.errors import DamagedProject

    broken = tmp_path / "broken.counterclaim"
    broken.write_bytes(b"not a project at all")
    window = open_window(None)
    try:
        window.open_project(broken)
    except DamagedProject as error:
        assert "not a Counterclaim project" in str(error)
    else:  # pragma: no cover
        raise AssertionError("a damaged file must be refused")
    assert broken.read_bytes() == b"not a project at all"


def test_restore_from_backup_goes_back_and_keeps_the_replaced_file(window, seeded_path, monkeypatch, db, qtbot):
    _backups_taken(window, seeded_path)
    before = db(seeded_path, "SELECT count(*) FROM statements WHERE status = 'confirmed'")[0][0]
    from app.ops import tagging

    ids = [r[0] for r in db(seeded_path, "SELECT id FROM statements")]
    tagging.tag(window.context.project, ids, None)
    assert db(seeded_path, "SELECT count(*) FROM statements WHERE status = 'confirmed'")[0][0] == 18
    from app.ui import ask

    monkeypatch.setattr(ask, "choose", lambda parent, title, label, options: options[0])
    window.actions["restore_backup"].trigger()
    assert db(seeded_path, "SELECT count(*) FROM statements WHERE status = 'confirmed'")[0][0] == before
    assert window.context is not None and window.project_lock is not None
    assert list(seeded_path.parent.glob("*.replaced-*.counterclaim"))
