"""Suggested topics in the desk, on three real-style articles from three outlets about one
conflict (tests/topic_articles.py): never blank before any topic, Suggest topics in the
background, the suggestions shown apart from the journalist's, accept / rename / merge / split /
reject each undoable — all asserted on the project file — and the sheet's suggested rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.core.words import SUGGESTED_MARK
from tests.topic_articles import topic_project


@pytest.fixture
def desk(open_window, tmp_path, qtbot):
    window = open_window(topic_project(tmp_path / "tarn"))
    window.views.setCurrentWidget(window.narratives.view)
    view = window.narratives.view
    qtbot.waitUntil(lambda: view.placed is not None and view.panes and view.panes[0].canvas.height() > 100)
    return window


def _suggest(window, qtbot):
    panel = window.narratives.topics
    window.narratives.view.findChild(QPushButton, "narrativeSuggestTopics").click()  # the prompt's button
    qtbot.waitUntil(lambda: panel.job is None and any(t.suggested for t in panel.model.topics), timeout=20_000)
    return panel


def _topics(db, path):
    return db(path, "SELECT id, name, status FROM topics ORDER BY position, id")


def _select_topic(panel, words: str) -> int:
    for row, topic in enumerate(panel.model.topics):
        ids = [s for s, t, _ in panel.context.project.execute(
            "SELECT statement_id, topic_id, 0 FROM topic_suggestions WHERE topic_id = ?", (topic.id,))]
        texts = [r[0] for r in panel.context.project.execute(
            f"SELECT text FROM statements WHERE id IN ({','.join('?' * len(ids))})", ids)] if ids else []
        if any(words in t for t in texts):
            panel.view.selectRow(row)
            return topic.id
    raise AssertionError(f"no topic holds “{words}”")


def test_before_any_topic_the_narrative_view_shows_every_party_and_says_what_to_do(desk, db):
    view = desk.narratives.view
    path = desk.context.path
    assert _topics(db, path) == []
    assert len(view.grid.rows) == 1 and view.grid.rows[0].untopical
    shown = sum(len(v) for v in view.whole.cells.values())
    assert shown == db(path, "SELECT count(*) FROM statements WHERE party_id IS NOT NULL")[0][0] > 0
    assert "no topics yet" in view.filters.summary.text() and "Suggest topics" in view.filters.summary.text()
    assert view.prompt.isVisible()
    sheet = desk.narratives.sheet
    desk.views.setCurrentWidget(sheet)
    sheet.reload()
    assert sheet.model.rowCount() >= 1, "the sheet is never blank either"
    assert "no topics yet" in sheet.summary.text()


def test_suggest_accept_rename_merge_split_reject_and_undo(desk, qtbot, db):
    path = desk.context.path
    panel = _suggest(desk, qtbot)
    suggested = _topics(db, path)
    assert 2 <= len(suggested) <= 12 and {s for _, _, s in suggested} == {"suggested"}
    assert db(path, "SELECT count(*) FROM statement_topics")[0][0] == 0
    name = panel.model.index(0, 0).data()
    assert name.endswith(SUGGESTED_MARK) and "Suggested by Counterclaim" in panel.model.index(0, 0).data(Qt.ToolTipRole)
    view = desk.narratives.view
    qtbot.waitUntil(lambda: any(r.id in view.data.suggested_topics for r in view.grid.rows))

    bridge = _select_topic(panel, "carrying Maravian ammunition")
    panel.accept()
    assert db(path, "SELECT status FROM topics WHERE id = ?", (bridge,)) == [("confirmed",)]
    placed = db(path, "SELECT count(*) FROM statement_topics WHERE topic_id = ?", (bridge,))[0][0]
    assert placed >= 3
    desk.context.undo_stack.undo()
    assert db(path, "SELECT status FROM topics WHERE id = ?", (bridge,)) == [("suggested",)]
    assert db(path, "SELECT count(*) FROM statement_topics")[0][0] == 0
    desk.context.undo_stack.redo()

    dolna = _select_topic(panel, "taken Dolna on Wednesday")
    others = [t for t in _topics(db, path) if t[0] not in (bridge, dolna)]
    if others:  # merge another suggestion into Dolna, then take it back
        before = db(path, "SELECT statement_id, topic_id FROM topic_suggestions ORDER BY 1, 2")
        from app.ops import topics_ops
        from app.ui.narrative_commands import TopicCommand

        project = panel.context.project
        panel.context.run(TopicCommand(panel.context, "Merge", lambda: topics_ops.merge(project, others[0][0], dolna)))
        assert not db(path, "SELECT 1 FROM topics WHERE id = ?", (others[0][0],))
        desk.context.undo_stack.undo()
        assert db(path, "SELECT statement_id, topic_id FROM topic_suggestions ORDER BY 1, 2") == before

    offered = [r[0] for r in db(path, "SELECT statement_id FROM topic_suggestions WHERE topic_id = ?", (dolna,))]
    panel.selection = lambda: offered[:1]
    from app.ui import ask

    ask_text = ask.text
    try:
        ask.text = lambda *a, **k: "Who holds Dolna"
        _select_topic(panel, "taken Dolna on Wednesday")
        panel.split()
    finally:
        ask.text = ask_text
    assert db(path, "SELECT status FROM topics WHERE name = 'Who holds Dolna'") == [("suggested",)]
    moved = db(path, "SELECT ts.statement_id FROM topic_suggestions ts JOIN topics t ON t.id = ts.topic_id "
                     "WHERE t.name = 'Who holds Dolna'")
    assert moved == [(offered[0],)]
    desk.context.undo_stack.undo()
    assert not db(path, "SELECT 1 FROM topics WHERE name = 'Who holds Dolna'")
    try:
        ask.text = lambda *a, **k: "Who holds Dolna village"
        panel.select(dolna)
        panel.rename()
    finally:
        ask.text = ask_text
    assert db(path, "SELECT name, status FROM topics WHERE id = ?", (dolna,)) == [("Who holds Dolna village", "suggested")]

    panel.select(next(t.id for t in panel.model.topics if t.suggested))
    rejected = panel.selected_id()
    panel.reject()
    assert not db(path, "SELECT 1 FROM topics WHERE id = ?", (rejected,))
    desk.context.undo_stack.undo()
    assert db(path, "SELECT 1 FROM topics WHERE id = ?", (rejected,))


def test_the_journalists_topic_survives_suggesting_again(desk, qtbot, db):
    path = desk.context.path
    panel = _suggest(desk, qtbot)
    qtbot.waitUntil(lambda: not desk.narratives.view.prompt.isVisible())
    bridge = _select_topic(panel, "carrying Maravian ammunition")
    panel.accept()
    mine = db(path, "SELECT statement_id FROM statement_topics WHERE topic_id = ? ORDER BY 1", (bridge,))
    panel.suggest()
    qtbot.waitUntil(lambda: panel.job is None, timeout=20_000)
    assert db(path, "SELECT status FROM topics WHERE id = ?", (bridge,)) == [("confirmed",)]
    assert db(path, "SELECT statement_id FROM statement_topics WHERE topic_id = ? ORDER BY 1", (bridge,)) == mine


def test_the_sheet_shows_suggested_rows_marked(desk, qtbot):
    _suggest(desk, qtbot)
    sheet = desk.narratives.sheet
    desk.views.setCurrentWidget(sheet)
    sheet.reload()
    names = [sheet.model.grid.rows[r].name for r in range(sheet.model.rowCount())]
    assert names and all(n.endswith(SUGGESTED_MARK) for n in names)
    assert sheet.model.grid.statement_count >= 10


def test_thirty_parties_keep_the_window_within_the_screen(open_window, tmp_path, qtbot):
    from PySide6.QtGui import QGuiApplication

    from app.ui.comparison_sheet import COLUMN_WIDTH
    from app.ui.narrative.view import PANE_WIDTH
    from tests.topic_articles import many_party_project

    few = open_window(topic_project(tmp_path / "few"))
    few.views.setCurrentWidget(few.narratives.view)
    qtbot.waitUntil(lambda: few.narratives.view.whole is not None)
    path = many_party_project(tmp_path / "many", parties=30)
    window = open_window(path)
    laptop = QGuiApplication.primaryScreen().availableGeometry().adjusted(0, 0, 566, 0)  # 1366 px: the smallest usual
    window.resize(1366, 768)
    view = window.narratives.view
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.whole is not None and len(view.whole.columns) >= 30)
    qtbot.wait(50)
    # thirty parties need no more room than three: the panes that fit, the others scroll in
    assert window.minimumSizeHint().width() == few.minimumSizeHint().width() <= laptop.width()
    assert window.width() <= laptop.width()
    assert 1 <= len(view.panes) < len(view.whole.columns) and view.pane_bar.isVisible()
    assert all(p.width() >= PANE_WIDTH - 40 for p in view.panes)
    first = [p.column.name for p in view.panes]
    view.pane_bar.setValue(view.pane_bar.maximum())
    assert [p.column.name for p in view.panes] != first
    assert view.panes[-1].column.name == view.whole.columns[-1].name
    assert view.panes[0].header.toolTip() or view.panes[0].header.text() == view.panes[0].header.full
    sheet = window.narratives.sheet
    window.views.setCurrentWidget(sheet)
    sheet.reload()
    qtbot.wait(50)
    header = sheet.view.horizontalHeader()
    assert header.count() >= 30 and all(header.sectionSize(c) >= COLUMN_WIDTH for c in range(header.count()))
    assert sheet.view.horizontalScrollBar().maximum() > 0
    assert window.width() <= laptop.width() and window.minimumSizeHint().width() == few.minimumSizeHint().width()


def test_a_claim_several_articles_carry_is_one_card_that_names_each_source(open_window, tmp_path, qtbot, db):
    from PySide6.QtWidgets import QCheckBox

    from tests.topic_articles import claims_project

    path = claims_project(tmp_path / "carried")
    window = open_window(path)
    view = window.narratives.view
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.whole is not None)
    first = db(path, "SELECT id FROM statements WHERE text LIKE 'Maravia''s defence ministry said Oskland%'")[0][0]
    carried = db(path, "SELECT id FROM statements WHERE text LIKE 'Maravia''s government said on Tuesday%'")[0][0]
    shown = {s[0] for cell in view.whole.cells.values() for s in cell}
    assert first in shown and carried not in shown, "one card for the claim"
    assert view.claim_sources(first) == 2
    item = next(found[0] for p in view.placed.panes if (found := p.occurrences(first)))
    assert "Also carried by" in view.tooltip(item) and "Tuesday" in view.tooltip(item)
    view.findChild(QCheckBox, "narrativeEachSource").setChecked(True)
    shown = {s[0] for cell in view.whole.cells.values() for s in cell}
    assert {first, carried} <= shown and view.claim_sources(first) == 1
    sheet = window.narratives.sheet
    window.views.setCurrentWidget(sheet)
    sheet.reload()
    cells = [sheet.model.index(r, c) for r in range(sheet.model.rowCount()) for c in range(sheet.model.columnCount())]
    carrying = next(i for i in cells if any(e.statement_id == first for e in i.data(Qt.UserRole + 1) or ()))
    assert carried not in {e.statement_id for e in carrying.data(Qt.UserRole + 1)}
    assert carried in {e.statement_id for e in carrying.data(Qt.UserRole + 3)}  # every source, for the keys
    assert "×2 articles" in carrying.data(Qt.DisplayRole) and "also:" in carrying.data(Qt.ToolTipRole)


def test_the_readers_keys_tag_in_the_narrative_panes_and_the_sheet(desk, qtbot, db):
    from PySide6.QtTest import QTest

    path = desk.context.path
    view = desk.narratives.view
    first = view.panes[0]
    card = next(it for it in first.canvas.view.pane_layout(0).visible(0, 10**6) if it.id is not None)
    view.click(card.id)
    assert desk.tagging.selected == [card.id], "one selection across the views"
    key_one = desk.context.party_for_key(1)
    QTest.keyClick(first.canvas, Qt.Key_1)
    assert db(path, "SELECT party_id, status FROM statements WHERE id = ?", (card.id,)) == [(key_one.id, "confirmed")]
    QTest.keyClick(first.canvas, Qt.Key_Delete)
    assert db(path, "SELECT status FROM statements WHERE id = ?", (card.id,)) == [(None,)]
    desk.context.undo_stack.undo()
    assert db(path, "SELECT status FROM statements WHERE id = ?", (card.id,)) == [("confirmed",)]

    sheet = desk.narratives.sheet
    desk.views.setCurrentWidget(sheet)
    sheet.reload()
    cell = next(sheet.model.index(r, c) for r in range(sheet.model.rowCount()) for c in range(sheet.model.columnCount())
                if sheet.model.index(r, c).data(Qt.UserRole + 1))
    sheet.view.setCurrentIndex(cell)
    ids = [e.statement_id for e in cell.data(Qt.UserRole + 1)]
    assert desk.tagging.selected == ids
    QTest.keyClick(sheet.view, Qt.Key_0)
    assert {r[0] for r in db(path, f"SELECT party_id FROM statements WHERE id IN ({','.join('?' * len(ids))})", ids)} == {None}
    assert {r[0] for r in db(path, f"SELECT status FROM statements WHERE id IN ({','.join('?' * len(ids))})", ids)} == {"confirmed"}


def test_each_articles_language_is_shown_filtered_and_corrected_with_undo(open_window, tmp_path, qtbot, db):
    from PySide6.QtWidgets import QComboBox

    from app.ui.article_list import ArticleListModel

    path = topic_project(tmp_path / "langs")
    farsi = tmp_path / "langs" / "articles" / "05-fa.txt"
    farsi.write_text("تهران منکر حمله شد\n\nوزارت امور خارجه ایران روز سه‌شنبه اعلام کرد که هیچ پهپادی از خاک "
                     "ایران به سوی مرز پرواز نکرده است.\n", encoding="utf-8")
    from app.ops.importing import import_files
    from app.store.database import Project

    with Project(path) as project:
        import_files(project, [farsi])
    window = open_window(path)
    model = window.articles.model
    languages = {model.index(r, ArticleListModel.TITLE).data(): model.index(r, ArticleListModel.LANGUAGE).data()
                 for r in range(model.rowCount())}
    assert sorted(languages.values()) == ["en", "en", "en", "fa"]
    fa_row = next(r for r in range(model.rowCount()) if model.index(r, ArticleListModel.LANGUAGE).data() == "fa")
    assert "Persian" in model.index(fa_row, ArticleListModel.LANGUAGE).data(Qt.ToolTipRole)
    window.articles.filter.setText("fa")
    assert window.articles.proxy.rowCount() >= 1
    window.articles.filter.clear()

    index = model.index(fa_row, ArticleListModel.LANGUAGE)
    assert model.flags(index) & Qt.ItemIsEditable
    assert model.setData(index, "fa-AF")  # Dari, as the journalist knows
    assert db(path, "SELECT language FROM articles WHERE language LIKE 'fa%'") == [("fa-AF",)]
    assert not model.setData(index, "not a language!")
    assert db(path, "SELECT language FROM articles WHERE language LIKE 'fa%'") == [("fa-AF",)]
    window.context.undo_stack.undo()
    assert db(path, "SELECT language FROM articles WHERE language LIKE 'fa%'") == [("fa",)]

    view = window.narratives.view
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.whole is not None)
    combo = view.findChild(QComboBox, "narrativeLanguage")
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "en", "fa"]
    combo.setCurrentIndex(combo.findData("fa"))
    shown = {s[3] for cell in view.whole.cells.values() for s in cell}  # article ids
    assert shown <= {db(path, "SELECT id FROM articles WHERE language = 'fa'")[0][0]}
    combo.setCurrentIndex(combo.findData("en"))
    assert len({s[3] for cell in view.whole.cells.values() for s in cell}) == 3
    row = next(iter(view.data.text_of.values()))
    assert view.data.source_line(row).endswith(("en", "fa"))
