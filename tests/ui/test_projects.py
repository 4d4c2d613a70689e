"""Projects: new, open recent, save as, the first-run sample, About, and the layout kept."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel

from app.store import schema
from app.store.database import Project
from app.ui import ask, desk, settings


def test_first_run_opens_the_sample_project_with_its_suggestions(qtbot, shown):
    assert settings.last_project() is None
    window = desk.build_window([])
    qtbot.addWidget(window)
    try:
        path = desk.sample_project_path()
        assert window.context is not None and window.context.path == path.absolute()
        assert "Sample" in window.windowTitle()
        with Project(path, read_only=True) as project:
            assert project.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
            suggested = project.execute("SELECT count(*) FROM statements WHERE status = 'suggested'").fetchone()[0]
            parties = project.execute("SELECT count(*) FROM parties").fetchone()[0]
        assert suggested >= 15 and parties >= 3
        assert len(window.reader.rows) >= 15  # the article is open, suggestions drawn
        assert any(r["status"] == "suggested" and r["party_id"] for r in window.reader.rows)
    finally:
        window.close_project()
    # the second start opens the last project, not a new sample
    assert desk.startup_project([]) == (path.absolute(), False)


def test_the_argument_project_wins(seeded_path, qtbot, shown):
    window = desk.build_window([str(seeded_path)])
    qtbot.addWidget(window)
    try:
        assert window.context.path == seeded_path
        assert window.windowTitle() == "investigation — Counterclaim"
    finally:
        window.close_project()


def test_new_and_open_recent(open_window, seeded_path, tmp_path, monkeypatch, shown):
    window = open_window(seeded_path)
    fresh = tmp_path / "second.counterclaim"
    monkeypatch.setattr(ask, "new_project_path", lambda parent, start=None: str(fresh))
    window.actions["new"].trigger()
    assert fresh.exists() and window.context.path == fresh
    assert window.windowTitle().startswith("second")
    assert window.articles.model.rowCount() == 0
    with Project(fresh, read_only=True) as project:
        assert project.schema_version == schema.SCHEMA_VERSION

    recent = settings.recent_projects()
    assert recent[:2] == [str(fresh), str(seeded_path)]
    window.files.fill_recent()
    entries = [a for a in window.files.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries[:2]] == recent[:2]
    entries[1].trigger()  # Open Recent › investigation
    assert window.context.path == seeded_path
    assert window.articles.model.rowCount() == 1 and window.reader.rows
    assert settings.last_project() == str(seeded_path)


def test_open_recent_of_a_vanished_file_says_so(open_window, seeded_path, tmp_path, shown):
    window = open_window(seeded_path)
    gone = tmp_path / "gone.counterclaim"
    settings.add_recent(gone)
    window.files.open_recent(str(gone))
    assert "no longer there" in shown.of("error")[0]
    assert str(gone) not in settings.recent_projects()


def test_opening_something_that_is_not_a_project_is_a_sentence(open_window, seeded_path, tmp_path, monkeypatch,
                                                               shown):
    window = open_window(seeded_path)
    junk = tmp_path / "notes.counterclaim"
    junk.write_text("just some notes", encoding="utf-8")
    monkeypatch.setattr(ask, "open_project_path", lambda parent, start=None: str(junk))
    window.actions["open"].trigger()
    assert "not a Counterclaim project" in shown.of("error")[0]
    assert window.context.path == seeded_path  # still open, untouched


def test_save_as_writes_a_copy_and_keeps_working_on_the_original(open_window, seeded_path, tmp_path, monkeypatch,
                                                                 shown):
    window = open_window(seeded_path)
    copy = tmp_path / "copy"
    monkeypatch.setattr(ask, "save_as_path", lambda parent, start=None: str(copy))
    window.actions["save_as"].trigger()
    target = Path(str(copy) + ".counterclaim")
    with Project(target, read_only=True) as project:
        assert project.execute("SELECT count(*) FROM statements").fetchone()[0] == len(window.reader.rows)
    assert window.context.path == seeded_path


def test_about_names_version_path_and_schema(window, seeded_path, qtbot):
    window.actions["about"].trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QLabel, "helpText").text()
    assert str(seeded_path) in text and f"version: {schema.SCHEMA_VERSION}" in text
    from app import __version__

    assert __version__ in text
    dialog.close()
    window.actions["shortcuts"].trigger()
    shortcuts = window.findChild(QDialog, "shortcutsDialog")
    assert "Ctrl + Shift + Z" in shortcuts.findChild(QLabel, "helpText").text()


def test_layout_is_remembered(open_window, seeded_path, qtbot):
    window = open_window(seeded_path)
    dock = window.findChild(type(window.docks[0]), "partiesDock")
    dock.hide()
    window.close()
    again = open_window(seeded_path)
    assert not again.findChild(type(again.docks[0]), "partiesDock").isVisible()
    again.actions["reset_layout"].trigger()
    assert again.findChild(type(again.docks[0]), "partiesDock").isVisible()


def test_key_widgets_have_stable_names(window):
    from PySide6.QtWidgets import QWidget

    for name in ("articleList", "articleReader", "statementTable", "partyPanel", "searchBox", "viewTabs"):
        assert window.findChild(QWidget, name) is not None, name


def test_unexpected_errors_become_a_dialog_not_a_crash(window, monkeypatch):
    from app.ui import errors

    seen = []
    monkeypatch.setattr(ask, "bug", lambda parent, details: seen.append(details))
    monkeypatch.setattr(window.tagging, "confirm", lambda: 1 / 0)
    window.run_guarded(window.tagging.confirm)
    assert seen and "ZeroDivisionError" in seen[0]
    errors.install_excepthook(lambda: window)
    import sys

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "RuntimeError: boom" in seen[-1]
    sys.excepthook = sys.__excepthook__


def test_a_double_clicked_project_opens_in_the_running_desk(open_window, seeded_path, tmp_path, shown):
    from PySide6.QtGui import QFileOpenEvent

    from app.store.database import Project as P

    other = tmp_path / "other.counterclaim"
    P(other, create=True).close()
    window = open_window(seeded_path)
    handler = desk.FileOpenHandler(window)
    assert handler.eventFilter(None, QFileOpenEvent(str(other)))
    assert window.context.path == other
