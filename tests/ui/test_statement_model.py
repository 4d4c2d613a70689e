"""The statement table model on its own: lazy pages, narrow refreshes, filters. No window."""

from PySide6.QtCore import Qt

from app.core.models import ParsedDocument, Span
from app.ops import tagging
from app.store import articles, parties, statements
from app.store.statements import StatementFilter
from app.ops.changes import Changes
from app.ui.context import ProjectContext
from app.ui.statement_table import StatementTableModel


def fill(project, n_articles=3, per_article=700):
    with project.transaction():
        pid = parties.add(project, "Iran")
        for a in range(n_articles):
            sentences = [f"Sentence {i} of article {a} 😀 said." for i in range(per_article)]
            text = " ".join(sentences)
            spans, pos = [], 0
            for s in sentences:
                spans.append(Span(pos, pos + len(s), 1))
                pos += len(s) + 1
            aid = articles.insert(project, ParsedDocument(text, "txt", title=f"A{a}", outlet=f"Outlet {a % 2}"), f"h{a}")
            statements.insert_many(project, aid, text, spans)
    return pid


def test_whole_project_is_fetched_lazily(qtbot, project):
    fill(project)
    context = ProjectContext(project)
    model = StatementTableModel()
    model.set_context(context)
    model.show(scope="project")
    assert model.total == 2100
    assert model.rowCount() == StatementTableModel.PAGE  # only the first page is read
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * StatementTableModel.PAGE
    target = statements.listing(project, StatementFilter(), 2000, 1)[0]["id"]
    assert model.ensure_loaded(target) is not None
    assert 2000 < model.rowCount() <= model.total


def test_a_tag_refreshes_one_row_only(qtbot, project):
    pid = fill(project, 1, 50)
    context = ProjectContext(project)
    model = StatementTableModel()
    model.set_context(context)
    model.show(scope="article", article_id=1)
    assert model.rowCount() == 50
    target = model.rows[7]["id"]
    change = tagging.tag(project, [target], pid)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.on_change(Changes.of("tags", statement_ids=change.statement_ids, article_ids=[1]))
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == 7
    assert model.index(7, model.PARTY).data() == "Iran"
    assert model.index(7, model.STATUS).data() == "Confirmed"
    assert model.index(7, model.PARTY).data(Qt.DecorationRole).name().upper() == context.party(pid).color.upper()


def test_filters_by_party_status_and_outlet(qtbot, project):
    pid = fill(project, 2, 20)
    ids = [r["id"] for r in statements.listing(project, StatementFilter(article_id=2))][:5]
    tagging.tag(project, ids, pid)
    context = ProjectContext(project)
    model = StatementTableModel()
    model.set_context(context)
    model.show(scope="project", filters=StatementFilter(party_id=pid))
    assert [r["id"] for r in model.rows] == ids
    model.show(filters=StatementFilter(status="untagged", outlet="Outlet 0"))
    assert model.total == 20
    model.show(filters=StatementFilter(party_id=0))
    assert model.total == 35
