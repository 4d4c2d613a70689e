"""Paste as New Article judges what a field shows, not what it holds (review of issue 12, #16).

A title or outlet of only zero-width spaces, a text of only invisible or control characters
count as empty; a bidi override (which shows letters in another order than they are stored)
is refused with a sentence; and nothing is imported while any of that stands.
"""

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from app.ui import ask
from app.ui.paste_dialog import PasteDialog

TEXT = "The minister said the talks went well."
INVISIBLE = ["\u200b", "\ufeff", "\u200b \ufeff", "\u2060\u200d", "\x00\x01", "\u00ad", "\u3164", "\u2800", "\u202c",
             " \u200e ", "\u034f"]
OVERRIDES = ["\u202e", "\u202d", "\u202a", "\u202b", "\u2066", "\u2067", "\u2068"]


def _dialog(qtbot, text=TEXT, title="Talks went well", outlet="Wire"):
    dialog = PasteDialog(None, text, [], None)
    qtbot.addWidget(dialog)
    dialog.title.setText(title)
    dialog.outlet.setCurrentText(outlet)
    return dialog


def _refused(dialog) -> list[str]:
    found = dialog.problems()
    assert found and not dialog.ok_button.isEnabled() and dialog.details() is None
    return found


@pytest.mark.parametrize("invisible", INVISIBLE)
def test_invisible_title_outlet_or_text_counts_as_empty(qtbot, invisible):
    assert "Give the article its title (the headline): citations show it." in _refused(_dialog(qtbot, title=invisible))
    assert "Name the outlet that published it (a newspaper, site or agency)." in _refused(_dialog(qtbot, outlet=invisible))
    assert "Paste the article's text into the box." in _refused(_dialog(qtbot, text=invisible + "\n" + invisible))


@pytest.mark.parametrize("override", OVERRIDES)
@pytest.mark.parametrize("field", ["title", "outlet"])
def test_a_bidi_override_in_a_name_is_refused_in_a_sentence(qtbot, override, field):
    value = f"{override}Talks went well"
    found = _refused(_dialog(qtbot, **{field: value}))
    assert any(f"The {field} holds a direction mark" in p for p in found), found


@pytest.mark.parametrize("override", ["\u202e", "\u202d"])
def test_a_bidi_override_in_the_text_is_refused(qtbot, override):
    found = _refused(_dialog(qtbot, text=f"The minister said {override}the talks went well."))
    assert any("The text holds a direction override" in p for p in found), found


def test_a_line_separator_in_a_name_is_refused(qtbot):
    assert any("invisible control characters" in p for p in _refused(_dialog(qtbot, title="Talks\u2028went well")))


def test_real_names_pass_with_invisible_edges_trimmed(qtbot):
    dialog = _dialog(qtbot, title="\u200bمحادثات\u200f ناجحة\ufeff", outlet="\u200bWire ")
    assert dialog.problems() == []
    details = dialog.details()
    assert details.title == "محادثات\u200f ناجحة" and details.outlet == "Wire"
    persian = _dialog(qtbot, title="می\u200cخواهم", outlet="BBC فارسی")  # a zero-width non-joiner belongs to the word
    assert persian.problems() == [] and persian.details().title == "می\u200cخواهم"


def test_an_invisible_title_imports_nothing(open_window, seeded_path, qtbot, db, monkeypatch):
    window = open_window(seeded_path)
    before = db(seeded_path, "SELECT id, title, outlet FROM articles")
    seen = []

    def article_details(parent, text, outlets, last_outlet=None):
        dialog = PasteDialog(parent, text, outlets, last_outlet)
        qtbot.addWidget(dialog)
        dialog.title.setText("\u200b\u200b")
        dialog.outlet.setCurrentText("\u202eWire")
        dialog.published.setDate(QDate.currentDate())
        seen.append(dialog)
        return dialog.details()

    monkeypatch.setattr(ask, "article_details", article_details)
    QGuiApplication.clipboard().setText(TEXT)
    window.actions["paste"].trigger()
    assert seen and seen[-1].details() is None
    assert window.importer.job is None
    assert db(seeded_path, "SELECT id, title, outlet FROM articles") == before
