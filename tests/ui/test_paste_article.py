"""Paste as New Article asks what a citation needs and shows the new article (issue 12, #29).

The dialog is built for real (never exec'd): its fields are filled as a user would, its
sentences read, and what it returns imported; the project file's article row must carry the
title, outlet, date and language, and the reader must show that article.
"""

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from app.ui import ask
from app.ui.paste_dialog import PasteDialog

PASTED = """Flood waters recede in the delta
The water ministry said on Monday that the levels had fallen by a metre overnight.
"The worst is over," the minister told reporters.
Residents said many homes were still cut off.
"""

OTHER = """Cabinet approves the budget
The finance minister said the budget would cut the deficit by half.
"""


@pytest.fixture
def paste_dialog(monkeypatch, qtbot):
    """ask.article_details builds the real dialog; ``fill`` says what the user types."""
    seen: list[PasteDialog] = []
    fill: dict = {}

    def article_details(parent, text, outlets, last_outlet=None):
        dialog = PasteDialog(parent, text, outlets, last_outlet)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        if "title" in fill:
            dialog.title.setText(fill["title"])
        if "outlet" in fill:
            dialog.outlet.setCurrentText(fill["outlet"])
        if "published" in fill:
            dialog.published.setDate(QDate.fromString(fill["published"], "yyyy-MM-dd"))
        if "language" in fill:
            dialog.language.setText(fill["language"])
        return dialog.details()

    monkeypatch.setattr(ask, "article_details", article_details)
    return seen, fill


def _paste(qtbot, window, text):
    QGuiApplication.clipboard().setText(text)
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        window.actions["paste"].trigger()


def test_the_pasted_article_keeps_title_outlet_date_and_is_shown(open_window, seeded_path, qtbot, db, paste_dialog,
                                                                 shown):
    seen, fill = paste_dialog
    window = open_window(seeded_path)
    first = window.current_article_id
    fill.update(outlet="Delta Herald", published="2024-03-04", language="en")
    _paste(qtbot, window, PASTED)
    dialog = seen[-1]
    assert dialog.title.text() == "Flood waters recede in the delta"  # the headline line, offered
    assert db(seeded_path, "SELECT title, outlet, published, language, format FROM articles WHERE id <> ?",
              (first,)) == [("Flood waters recede in the delta", "Delta Herald", "2024-03-04", "en", "paste")]
    (new_id,) = db(seeded_path, "SELECT id FROM articles WHERE outlet = 'Delta Herald'")[0]
    assert window.current_article_id == new_id  # shown, although another article was open
    assert window.reader.article.id == new_id
    assert "The worst is over" in window.reader.toPlainText()
    assert window.articles.view.currentIndex().data() is not None
    current = window.articles.proxy.mapToSource(window.articles.view.currentIndex()).row()
    assert window.articles.model.rows[current]["id"] == new_id
    # the next paste offers the same outlet and today's date
    fill.clear()
    fill["title"] = "Cabinet approves the budget"
    _paste(qtbot, window, OTHER)
    assert seen[-1].outlet.currentText() == "Delta Herald"
    assert seen[-1].published.date() == QDate.currentDate()
    assert db(seeded_path, "SELECT outlet, published FROM articles WHERE title = 'Cabinet approves the budget'") == [
        ("Delta Herald", QDate.currentDate().toString("yyyy-MM-dd"))
    ]


def test_missing_or_wrong_details_are_sentences_and_nothing_is_imported(open_window, seeded_path, qtbot, db,
                                                                         paste_dialog, shown):
    seen, fill = paste_dialog
    window = open_window(seeded_path)
    before = db(seeded_path, "SELECT id, title, outlet, published FROM articles")
    QGuiApplication.clipboard().setText("the minister said the talks went well, and the rest followed.")
    fill.update(title="", language="english please",
                published=QDate.currentDate().addDays(3).toString("yyyy-MM-dd"))
    window.actions["paste"].trigger()
    dialog = seen[-1]
    problems = dialog.problems()
    assert "Give the article its title (the headline): citations show it." in problems
    assert "Name the outlet that published it (a newspaper, site or agency)." in problems
    assert any("after today" in p for p in problems)
    assert any("short code such as en" in p for p in problems)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems_label.text() == "\n".join(problems)
    assert db(seeded_path, "SELECT id, title, outlet, published FROM articles") == before
    assert window.importer.job is None  # nothing started
    # fixing them enables Import
    dialog.title.setText("Talks went well")
    dialog.outlet.setCurrentText("Wire")
    dialog.language.setText("")
    dialog.published.setDate(QDate.currentDate())
    assert dialog.problems() == [] and dialog.ok_button.isEnabled()
    dialog.text.setPlainText("   ")
    assert dialog.problems() == ["Paste the article's text into the box."]
