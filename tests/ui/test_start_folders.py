"""Where the file dialogs start (issue 12, #28).

New, Open and Save a Copy start in the folder last used for projects, Import in the folder
last used for articles (each remembered in the settings), else in the user's Documents
folder, created if missing; never in the hidden application-data folder where the sample
project lives, never in a folder that no longer exists. Everything here happens inside the
private home the conftest sets up.
"""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.ui import desk, settings


@pytest.fixture
def dialogs(monkeypatch, private_home):
    """Record the folder each file dialog is opened in, and answer with ``answer[kind]``."""
    seen: dict[str, list[str]] = {}
    answer: dict[str, object] = {}

    def fake(kind, empty):
        def dialog(parent, title, folder, filters=""):
            seen.setdefault(kind, []).append(folder)
            return answer.get(kind, empty), ""

        return dialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake("save", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake("open", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake("import", []))
    return seen, answer


def _inside(path, folder) -> bool:
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def test_documents_is_the_private_homes_and_is_created(private_home):
    documents = settings.documents_dir()
    assert _inside(documents, private_home)  # never the real user's folder
    assert documents.is_dir()


def test_on_the_sample_project_new_open_and_import_start_in_documents(open_window, dialogs, private_home, shown):
    seen, _ = dialogs
    window = open_window(desk.create_sample_project(), create=False)
    documents = private_home / "Documents"
    assert not documents.exists()  # a fresh desktop with no Documents folder yet
    window.actions["new"].trigger()
    window.actions["open"].trigger()
    window.actions["save_as"].trigger()
    window.actions["import"].trigger()
    hidden = settings.data_dir()
    for folder in seen["save"] + seen["open"] + seen["import"]:
        assert Path(folder) == documents, folder
        assert not _inside(folder, hidden)
    assert documents.is_dir()


def test_the_last_folder_is_remembered_per_kind_across_restarts(open_window, dialogs, tmp_path, seeded_path, shown):
    seen, answer = dialogs
    projects, articles = tmp_path / "projects", tmp_path / "clippings"
    projects.mkdir()
    articles.mkdir()
    (articles / "one.txt").write_text("The minister said the talks would resume on Monday.\n", encoding="utf-8")
    window = open_window(seeded_path)
    answer["save"] = str(projects / "second.counterclaim")
    window.actions["new"].trigger()
    assert window.context.path == projects / "second.counterclaim"
    answer["import"] = [str(articles / "one.txt")]
    window.actions["import"].trigger()
    window.jobs.wait(10_000)
    # a new window, as after a restart: the settings file remembers both folders, separately
    again = open_window(seeded_path)
    answer.clear()
    again.actions["new"].trigger()
    again.actions["open"].trigger()
    again.actions["import"].trigger()
    assert Path(seen["save"][-1]) == projects
    assert Path(seen["open"][-1]) == projects
    assert Path(seen["import"][-1]) == articles
    assert Path(str(settings.value("import/last_dir"))) == articles


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(open_window, dialogs, tmp_path, seeded_path,
                                                                 private_home, shown):
    seen, _ = dialogs
    gone = tmp_path / "unplugged-drive"
    settings.set_value("import/last_dir", str(gone))
    settings.set_value("projects/last_dir", str(gone))
    window = open_window(seeded_path)
    window.actions["import"].trigger()
    window.actions["open"].trigger()
    assert Path(seen["import"][-1]) == private_home / "Documents"
    # with no usable remembered folder, Open starts beside the open project (a normal folder)
    assert Path(seen["open"][-1]) == seeded_path.parent
    assert not gone.exists()
