"""The desk under test: a real MainWindow, headless, on a fresh project in a private home.

Every message the desk would show is recorded instead of blocking (``shown``); a test fails
if the desk reported a bug ("something went wrong") it did not expect.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "resources" / "sample" / "seed-article.txt"


class Shown(list):
    def of(self, kind: str) -> list[str]:
        return [text for k, text in self if k == kind]


@pytest.fixture
def shown(monkeypatch):
    from app.ui import ask

    record = Shown()
    monkeypatch.setattr(ask, "error", lambda parent, sentence: record.append(("error", sentence)))
    monkeypatch.setattr(ask, "bug", lambda parent, details: record.append(("bug", details)))
    monkeypatch.setattr(
        ask, "info", lambda parent, title, text, details=None: record.append(("info", text))
    )
    yield record
    bugs = record.of("bug")
    assert not bugs, "the desk reported an unexpected error:\n" + "\n".join(bugs)


@pytest.fixture
def private_home(_private_home) -> Path:
    """The throwaway home every test runs in (tests/conftest.py); the desk's settings, its
    application-data folder and the user's Documents folder all resolve inside it."""
    from app.ui import settings

    for folder in (settings.config_dir(), settings.data_dir(), Path.home()):
        assert folder.resolve().is_relative_to(_private_home.resolve()), folder
    return _private_home


@pytest.fixture
def seeded_path(project_path) -> Path:
    """A project with the seed article imported (parties and suggestions as a user sees them)."""
    from app.ops.importing import import_files

    with Project(project_path, create=True) as project:
        report = import_files(project, [SEED], outlet="World News")
        assert report.imported, report
    return project_path


@pytest.fixture
def open_window(qtbot, shown):
    """Build a MainWindow on a path and show it; closed (and its jobs waited for) after the test."""
    from app.ui.main_window import MainWindow

    windows = []

    def make(path=None, create=False):
        window = MainWindow(path, create=create)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.jobs.cancel_all()
        window.jobs.wait(10_000)
        window.close_project()


@pytest.fixture
def window(open_window, seeded_path):
    return open_window(seeded_path)


def db_rows(path, sql, params=()):
    """Read the project file through its own connection, as another program would."""
    with Project(path, read_only=True) as project:
        return project.execute(sql, params).fetchall()


@pytest.fixture
def db():
    return db_rows
