"""How tags look and explain themselves; right-to-left articles; counts that follow edits."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from app.store.records import Article
from app.ui import explain
from app.ui.reader import ArticleReader, is_right_to_left


def formats_by_status(reader):
    found = {}
    for row, fmt in zip(reader.rows, reader.highlighter.formats):
        found.setdefault((row["status"], row["party_id"] is not None), fmt)
    return found


def test_suggested_confirmed_and_narration_look_different(window, qtbot):
    reader = window.reader
    suggested = next(r for r in reader.rows if r["status"] == "suggested" and r["party_id"])
    window.tagging.set_selection([suggested["id"]])
    window.tagging.confirm()
    looks = formats_by_status(reader)
    confirmed, pending = looks[("confirmed", True)], looks[("suggested", True)]
    assert confirmed.underlineStyle() == QTextCharFormat.NoUnderline
    assert pending.underlineStyle() == QTextCharFormat.DashUnderline
    assert confirmed.background().color().alphaF() > pending.background().color().alphaF()
    narration = next(r for r in reader.rows if r["party_id"] is None)
    assert reader.highlighter.formats[reader.rows.index(narration)] is None  # plain


def test_tooltips_explain_a_suggestion(window):
    row = next(r for r in window.reader.rows if r["status"] == "suggested" and r["speaker"] and r["cue"])
    party = window.context.party(row["party_id"])
    tip = explain.tooltip(row, party)
    assert f"Suggested: {party.name}" in tip and row["speaker"] in tip and row["cue"] in tip
    if row["reason"]:
        assert "Why:" in tip
    table_tip = window.statements.model.index(window.statements.model.row_of(row["id"]), 1).data(Qt.ToolTipRole)
    assert "Suggested" in table_tip


def test_counts_follow_tags_and_undo(window, qtbot):
    label = window.counts_label
    assert "0 confirmed" in label.text() and "18 suggested" in label.text()
    ids = [r["id"] for r in window.reader.rows[:4]]
    window.tagging.set_selection(ids)
    window.tagging.confirm()
    assert "4 confirmed" in label.text() and "14 suggested" in label.text()
    window.actions["undo"].trigger()
    assert "0 confirmed" in label.text() and "18 suggested" in label.text()
    assert window.articles.model.rows[0]["confirmed"] == 0


def test_right_to_left_articles_read_right_to_left(qtbot):
    text = "قالت وزارة الخارجية الإيرانية إن الضربات «عدوان سافر».\nوقالت باكستان إنها استهدفت مخابئ."
    assert is_right_to_left(text)
    assert is_right_to_left("Title", "fa") and not is_right_to_left("Iran said.", "en")
    reader = ArticleReader()
    qtbot.addWidget(reader)
    article = Article(1, "t", None, None, None, "ar", None, "txt", text, "x", "now")
    first = text.index("\n")
    rows = [dict(id=1, start=0, end=first, text=text[:first], status=None, party_id=None)]
    reader.set_article(None, article, rows)
    option = reader.document().defaultTextOption()
    assert reader.rtl and option.textDirection() == Qt.RightToLeft
    assert reader.layoutDirection() == Qt.RightToLeft
    quote = text.index("«")
    reader.select_text(quote, quote + 12)
    assert reader.selected_span() == (quote, quote + 12)
