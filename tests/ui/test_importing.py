"""Loading articles through the window: the Import menu, a drop, and Paste as new article."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.ui import ask

ARTICLE = """Ministry rejects claims over dam
By Staff Reporter
The water ministry on Monday rejected claims that the new dam had flooded three villages.
"The reservoir is well within its safe level," the minister said.
Residents said the water had reached their homes overnight.
"""

OTHER = """Talks resume in Geneva
Negotiators met again on Tuesday after a pause of two weeks.
The envoy said both sides had agreed to an agenda.
"""


def write_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "dam.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    other = folder / "geneva.md"
    other.write_text(OTHER, encoding="utf-8")
    bad = folder / "broken.docx"
    bad.write_bytes(b"this is not a docx file at all")
    return [good, other, bad]


def wait_import(qtbot, window):
    with qtbot.waitSignal(window.importer.finished, timeout=20_000) as blocker:
        pass
    return blocker.args[0]


def test_import_menu_imports_many_files_off_the_ui_thread(open_window, project_path, tmp_path, qtbot, shown, db,
                                                           monkeypatch):
    window = open_window(project_path, create=True)
    assert window.windowTitle().startswith("investigation")
    files = write_files(tmp_path / "in")
    monkeypatch.setattr(ask, "import_paths", lambda parent, start=None: [str(f) for f in files])
    with qtbot.waitSignal(window.importer.finished, timeout=20_000) as blocker:
        window.actions["import"].trigger()
        assert window.importer.busy  # running in the background
    report = blocker.args[0]
    assert len(report.imported) == 2 and len(report.refused) == 1

    titles = [r[0] for r in db(project_path, "SELECT title FROM articles ORDER BY id")]
    assert len(titles) == 2 and titles[0] == "Ministry rejects claims over dam"
    assert db(project_path, "SELECT count(*) FROM statements")[0][0] >= 5
    # one summary for the whole import, naming the refused file
    infos = shown.of("info")
    assert len(infos) == 1 and "broken.docx" in infos[0] and "Imported 2 articles" in infos[0]
    # the views show the new articles, and the first one is open
    assert window.articles.model.rowCount() == 2
    assert window.current_article_id is not None and window.reader.rows
    assert "2 articles" in window.counts_label.text() or (
        qtbot.waitUntil(lambda: "2 articles" in window.counts_label.text()) is None
    )


# QDragEnterEvent's only constructor takes a QPoint, which PySide marks deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_a_folder_imports_what_is_inside(open_window, project_path, tmp_path, qtbot, db):
    window = open_window(project_path, create=True)
    folder = tmp_path / "drop"
    write_files(folder)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert db(project_path, "SELECT count(*) FROM articles")[0][0] == 2
    assert window.articles.model.rowCount() == 2


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_drop_of_plain_text_is_ignored(open_window, project_path):
    window = open_window(project_path, create=True)
    mime = QMimeData()
    mime.setText("hello")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_paste_as_new_article(open_window, project_path, qtbot, db, shown, monkeypatch):
    from app.ui.paste_dialog import ArticleDetails

    window = open_window(project_path, create=True)
    QGuiApplication.clipboard().setText(ARTICLE)
    monkeypatch.setattr(ask, "article_details", lambda parent, text, *a, **k: ArticleDetails(
        text=text, title="Ministry rejects claims over dam", outlet="River Post", published="2024-05-06"))
    assert window.actions["paste"].shortcut().toString() == "Ctrl+Shift+V"
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        window.actions["paste"].trigger()
    assert db(project_path, "SELECT count(*) FROM articles")[0][0] == 1
    assert window.reader.rows
    # pasting the same text again is a duplicate, said once
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        window.actions["paste"].trigger()
    assert db(project_path, "SELECT count(*) FROM articles")[0][0] == 1
    assert any("already in the project" in text for text in shown.of("info"))


def test_empty_clipboard_is_refused_with_a_sentence(open_window, project_path, shown):
    window = open_window(project_path, create=True)
    QGuiApplication.clipboard().setText("   ")
    window.actions["paste"].trigger()
    assert shown.of("error") == ["The clipboard holds no text to import. Copy an article first."]


def test_cancel_stops_between_files(open_window, project_path, tmp_path, qtbot, db):
    window = open_window(project_path, create=True)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"a{n:02}.txt").write_text(f"Report {n}\nThe council said on day {n} that it met.\n", "utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=30_000) as blocker:
        window.importer.import_paths([folder])
        window.importer.cancel()
    report = blocker.args[0]
    assert report.cancelled
    assert db(project_path, "SELECT count(*) FROM articles")[0][0] == len(report.imported) < 40
