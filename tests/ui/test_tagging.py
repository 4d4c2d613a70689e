"""Tagging at the speed of reading, driven through the real window; checked in the file."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QTextCursor

from app.store.database import Project



def db_rows(path, sql, params=()):
    with Project(path, read_only=True) as project:
        return project.execute(sql, params).fetchall()


def statement_rows(path):
    return db_rows(path, 'SELECT id, start, "end", text, party_id, status FROM statements ORDER BY start')


def party_id(path, name):
    return db_rows(path, "SELECT id FROM parties WHERE name = ?", (name,))[0][0]


def click_statement(qtbot, reader, row, modifier=Qt.NoModifier):
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.offsets.to_utf16(row["start"] + 3))
    qtbot.mouseClick(reader.viewport(), Qt.LeftButton, modifier, reader.cursorRect(cursor).center())


def test_keys_tag_confirm_and_move_in_the_reader(window, seeded_path, qtbot):
    reader = window.reader
    rows = statement_rows(seeded_path)
    assert len(rows) == 18 and window.windowTitle().startswith("investigation")
    first = reader.rows[0]
    click_statement(qtbot, reader, first)
    assert window.tagging.selected == [first["id"]]

    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key_1)  # Pakistan, then the next statement is selected
    qtbot.keyClick(reader, Qt.Key_0)  # narration
    qtbot.keyClick(reader, Qt.Key_Return)  # confirm the third statement's suggestion
    after = statement_rows(seeded_path)
    pakistan = party_id(seeded_path, "Pakistan")
    assert after[0][4:] == (pakistan, "confirmed")
    assert after[1][4:] == (None, "confirmed")
    assert after[2][5] == "confirmed" and after[2][4] == rows[2][4]  # suggestion kept, now confirmed
    assert window.tagging.selected == [after[3][0]]

    qtbot.keyClick(reader, Qt.Key_K)
    assert window.tagging.selected == [after[2][0]]
    qtbot.keyClick(reader, Qt.Key_J)
    qtbot.keyClick(reader, Qt.Key_Down)
    assert window.tagging.selected == [after[4][0]]
    qtbot.keyClick(reader, Qt.Key_Delete)
    assert statement_rows(seeded_path)[4][4:] == (None, None)

    # the views follow the file: table row, article counts, party counts
    model = window.statements.model
    assert model.rows[model.row_of(after[0][0])]["status"] == "confirmed"
    assert window.articles.model.rows[0]["confirmed"] == 3
    qtbot.waitUntil(lambda: window.party_panel.model.counts.get(pakistan, 0) >= 1)


def test_unassigned_key_is_refused_with_a_sentence(window, qtbot, shown):
    window.tagging.set_selection([window.reader.rows[0]["id"]])
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key_9)
    assert shown.of("error") == ["No party is on key 9 yet: add one in the party panel."]


def test_multi_select_in_the_table_tags_at_once_and_undoes_at_once(window, seeded_path, qtbot):
    view = window.statements.view
    proxy = window.statements.proxy
    selection = QItemSelection(proxy.index(3, 0), proxy.index(5, proxy.columnCount() - 1))
    view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    ids = [r[0] for r in statement_rows(seeded_path)[3:6]]
    assert window.tagging.selected == ids
    assert window.reader.selected == ids  # the reader shows the same selection

    view.setFocus()
    qtbot.keyClick(view, Qt.Key_2)
    iran = party_id(seeded_path, "Iran")
    assert [r[4:] for r in statement_rows(seeded_path)[3:6]] == [(iran, "confirmed")] * 3

    window.actions["undo"].trigger()
    assert all(r[5] == "suggested" for r in statement_rows(seeded_path)[3:6])
    window.actions["redo"].trigger()
    assert [r[4:] for r in statement_rows(seeded_path)[3:6]] == [(iran, "confirmed")] * 3
    assert window.context.undo_stack.count() == 1


def test_ctrl_click_in_the_reader_adds_to_the_selection(window, qtbot):
    reader = window.reader
    click_statement(qtbot, reader, reader.rows[0])
    click_statement(qtbot, reader, reader.rows[2], Qt.ControlModifier)
    assert window.tagging.selected == [reader.rows[0]["id"], reader.rows[2]["id"]]


def test_undo_redo_shortcuts_restore_the_file_exactly(window, seeded_path, qtbot):
    before = statement_rows(seeded_path)
    window.tagging.set_selection([before[0][0]])
    window.statements.view.setFocus()
    qtbot.keyClick(window.statements.view, Qt.Key_3)
    assert statement_rows(seeded_path) != before
    assert window.actions["undo"].shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.actions["redo"].shortcuts()]
    window.actions["undo"].trigger()
    assert statement_rows(seeded_path) == before
    assert window.tagging.selected == [before[0][0]]  # undo shows what it undid
    window.actions["redo"].trigger()
    assert statement_rows(seeded_path)[0][5] == "confirmed"


def test_selecting_words_and_tagging_splits_them_into_their_own_statement(window, seeded_path, qtbot):
    reader = window.reader
    original = statement_rows(seeded_path)
    with Project(seeded_path, read_only=True) as project:
        text = project.execute("SELECT text FROM articles").fetchone()[0]
    sentence = next(r for r in reader.rows if "flagrant aggression" in r["text"])
    quote = "“flagrant aggression”"
    start = text.index(quote)
    reader.select_text(start, start + len(quote))
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key_2)

    rows = statement_rows(seeded_path)
    assert len(rows) == len(original) + 2
    iran = party_id(seeded_path, "Iran")
    cut = [r for r in rows if r[3] == quote]
    assert len(cut) == 1 and cut[0][4:] == (iran, "confirmed")
    assert cut[0][1] == start and cut[0][2] == start + len(quote)
    for _sid, s, e, piece, _p, _st in rows:  # offsets still point into the untouched text
        assert text[s:e] == piece
    starts = [r[1] for r in rows]
    assert starts == sorted(starts) and all(a[2] <= b[1] for a, b in zip(rows, rows[1:]))
    pieces = [r for r in rows if sentence["start"] <= r[1] < sentence["end"]]
    assert len(pieces) == 3 and pieces[0][1] == sentence["start"] and pieces[-1][2] == sentence["end"]
    assert window.tagging.selected == [cut[0][0]]
    assert len(window.reader.rows) == len(rows) and window.statements.model.rowCount() == len(rows)

    window.actions["undo"].trigger()
    assert statement_rows(seeded_path) == original
    assert len(window.reader.rows) == len(original)
    window.actions["redo"].trigger()
    assert statement_rows(seeded_path) == rows  # the same ids again
    assert window.tagging.selected == [cut[0][0]]


def test_j_and_k_move_through_the_table(window, seeded_path, qtbot):
    ids = [r[0] for r in statement_rows(seeded_path)]
    view = window.statements.view
    window.tagging.set_selection([ids[0]])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_J)
    qtbot.keyClick(view, Qt.Key_J)
    assert window.tagging.selected == [ids[2]]
    assert window.statements.selected_ids() == [ids[2]]
    qtbot.keyClick(view, Qt.Key_K)
    assert window.tagging.selected == [ids[1]]


def test_whole_project_table_jumps_across_articles(window, seeded_path, qtbot):
    from app.ops.importing import import_text
    from app.ops.changes import Changes

    with Project(seeded_path) as project:
        report = import_text(project, "Talks resume\nThe envoy said both sides had agreed to meet.\n")
    second = report.imported[0].article_id
    window.context.announce(Changes.of("articles", article_ids=[second]))
    window.statements.set_scope("project")
    model, view = window.statements.model, window.statements.view
    target = next(r for r in model.rows if r["article_id"] == second)
    index = window.statements.proxy.mapFromSource(model.index(model.row_of(target["id"]), 0))
    view.selectionModel().select(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    assert window.current_article_id == second
    assert window.reader.selected == [target["id"]]
    assert window.statements.selected_ids() == [target["id"]]  # the table keeps its selection
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_0)
    assert db_rows(seeded_path, "SELECT party_id, status FROM statements WHERE id = ?", (target["id"],)) == [
        (None, "confirmed")
    ]
