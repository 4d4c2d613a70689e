"""The desk's Save a Copy As uses the store's own-files check (a linked folder reaches the
open project too), and the desk says when a backup could not be taken on opening."""

from __future__ import annotations

import os

from app.store import sidefiles


def test_save_a_copy_as_in_the_desk_refuses_the_project_through_a_linked_folder(
    open_window, seeded_path, tmp_path, monkeypatch, shown
):
    from app.ui import ask

    window = open_window(seeded_path)
    link = tmp_path.parent / f"{tmp_path.name}-desk-link"
    link.symlink_to(tmp_path, target_is_directory=True)
    monkeypatch.setattr(ask, "save_as_path", lambda *a, **k: str(link / seeded_path.name))
    before = os.stat(seeded_path).st_ino
    window.actions["save_as"].trigger()
    assert any("this project itself" in s for s in shown.of("error"))
    assert os.stat(seeded_path).st_ino == before


def test_the_desk_says_when_no_backup_was_taken(open_window, seeded_path, shown):
    sidefiles.backup_dir(seeded_path).write_text("x")
    window = open_window(seeded_path)
    window.jobs.wait(10_000)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    assert any("No backup" in s for s in shown.of("info")), shown
