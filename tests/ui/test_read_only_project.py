"""A read-only project file opens read-only in the desk, and the desk says so at open,
the same way it does for a project another window is editing."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor


@pytest.fixture
def read_only_path(seeded_path):
    mode = stat.S_IMODE(seeded_path.stat().st_mode)
    seeded_path.chmod(mode & ~0o222)
    yield seeded_path
    seeded_path.chmod(mode)


def test_a_read_only_file_opens_read_only_and_says_so_at_open(open_window, read_only_path, shown, qtbot, monkeypatch):
    before = read_only_path.read_bytes()
    window = open_window(read_only_path)
    assert window.context.project.read_only and window.project_lock is None
    assert "read-only" in window.windowTitle()
    (told,) = [t for t in shown.of("info") if "read-only" in t]
    assert "marked read-only" in told and "another Counterclaim window" not in told
    assert not shown.of("error"), "nothing was refused yet: the journalist was told at open"

    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.offsets.to_utf16(reader.rows[0]["start"] + 3))
    qtbot.mouseClick(reader.viewport(), Qt.LeftButton, Qt.NoModifier, reader.cursorRect(cursor).center())
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key_0)
    assert any("is read-only" in t for t in shown.of("error"))

    from app.ui import ask

    article = read_only_path.parent / "more.txt"
    article.write_text("Officials said the bridge reopened. Residents disputed it.\n")
    monkeypatch.setattr(ask, "import_paths", lambda parent, start=None: [str(article)])
    window.actions["import"].trigger()
    refusal = shown.of("error")[-1]
    assert "marked read-only" in refusal and "another Counterclaim window" not in refusal
    window.jobs.wait(10_000)
    assert read_only_path.read_bytes() == before
