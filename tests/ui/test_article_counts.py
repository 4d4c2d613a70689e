"""The article list's counts move with each tag and its undo, and always match the file."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _file_counts(db, path, article_id):
    return db(
        path,
        "SELECT coalesce(sum(status = 'confirmed'), 0), coalesce(sum(status = 'suggested'), 0) "
        "FROM statements WHERE article_id = ?",
        (article_id,),
    )[0]


def _shown_counts(window, article_id):
    row = window.articles.model.rows[window.articles.model.row_of(article_id)]
    return (row["confirmed"], row["suggested"])


def test_counts_follow_tags_and_undo(window, seeded_path, qtbot, db):
    article_id = window.current_article_id
    reader = window.reader
    window.tagging.set_selection([reader.rows[0]["id"]])
    reader.setFocus()
    for key in (Qt.Key_1, Qt.Key_2, Qt.Key_Return, Qt.Key_0, Qt.Key_Delete, Qt.Key_3):
        qtbot.keyClick(reader, key)
        assert _shown_counts(window, article_id) == tuple(_file_counts(db, seeded_path, article_id))
    for _ in range(4):
        window.context.undo_stack.undo()
        assert _shown_counts(window, article_id) == tuple(_file_counts(db, seeded_path, article_id))
