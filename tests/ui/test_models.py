"""Every item model of the desk passes pytest-qt's qtmodeltester, on the tagged seed project
and through its edits (lazy pages, narrow refreshes, resets). No window: each model alone."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from PySide6.QtCore import QAbstractItemModel

import app.ui
from app.store import exchange
from app.ui.article_list import ArticleFilter, ArticleListModel
from app.ui.comparison_sheet import ComparisonModel
from app.ui.context import ProjectContext
from app.ui.party_panel import PartyModel
from app.ui.statement_table import StatementFilterProxy, StatementTableModel
from app.ui.topic_panel import TopicModel


@pytest.fixture
def context(seed_project):
    project, _ = seed_project
    return ProjectContext(project)


def _tested(qtmodeltester, model) -> None:
    assert model.rowCount() > 0 and model.columnCount() > 0, "an empty model proves little"
    qtmodeltester.check(model, force_py=True)  # the Python tester fails the test itself
    qtmodeltester.check(model)  # and Qt's own (QAbstractItemModelTester), which warns


def _article_list(qtmodeltester, context):
    model = ArticleListModel()
    model.set_context(context)
    _tested(qtmodeltester, model)
    model.refresh([row["id"] for row in model.rows])
    model.reload()
    return model


def _article_filter(qtmodeltester, context):
    proxy = ArticleFilter()
    proxy.setSourceModel(_article_list(qtmodeltester, context))
    proxy.sort(ArticleListModel.PROGRESS)
    _tested(qtmodeltester, proxy)
    proxy.setFilterFixedString("no article is called this")
    proxy.setFilterFixedString("")
    return proxy


def _statement_table(qtmodeltester, context):
    model = StatementTableModel()
    model.PAGE = 5  # the seed's 18 statements come in four pages
    model.set_context(context)
    model.show(scope="project")
    _tested(qtmodeltester, model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    model.refresh_ids([row["id"] for row in model.rows[:3]])
    model.show(scope="article", article_id=model.rows[0]["article_id"])
    model.show(scope="search", query="Iran")
    assert model.rowCount() > 0
    return model


def _statement_proxy(qtmodeltester, context):
    proxy = StatementFilterProxy()
    proxy.setSourceModel(_statement_table(qtmodeltester, context))
    for column in range(StatementTableModel.ARTICLE + 1):
        proxy.sort(column)
    _tested(qtmodeltester, proxy)
    proxy.setFilterFixedString("Pakistan")
    return proxy


def _party(qtmodeltester, context):
    model = PartyModel()
    model.set_context(context)
    _tested(qtmodeltester, model)
    model.refresh_counts()
    model.reload()
    return model


def _topic(qtmodeltester, context):
    model = TopicModel()
    model.context = context
    model.reload()
    _tested(qtmodeltester, model)
    model.reload()
    return model


def _comparison(qtmodeltester, context):
    model = ComparisonModel()
    model.set_grid(exchange.select(context.project).grid())
    _tested(qtmodeltester, model)
    model.set_grid(None)
    model.set_grid(exchange.select(context.project).grid())
    return model


CHECKS = {
    ArticleListModel: _article_list,
    ArticleFilter: _article_filter,
    StatementTableModel: _statement_table,
    StatementFilterProxy: _statement_proxy,
    PartyModel: _party,
    TopicModel: _topic,
    ComparisonModel: _comparison,
}


@pytest.mark.qt_log_level_fail("WARNING")  # Qt's tester reports a failure as a warning
@pytest.mark.parametrize("model_class", list(CHECKS), ids=lambda cls: cls.__name__)
def test_each_model_passes_qtmodeltester(model_class, qtmodeltester, context):
    CHECKS[model_class](qtmodeltester, context)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_model_of_the_desk_is_checked():
    for info in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        importlib.import_module(info.name)
    models = {cls for cls in _subclasses(QAbstractItemModel) if cls.__module__.startswith("app.ui.")}
    assert models == set(CHECKS), "a model of app/ui has no qtmodeltester check here"


def test_the_id_column_shows_the_clis_number_in_any_locale(qtbot, context):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QStyledItemDelegate

    model = StatementTableModel()
    model.set_context(context)
    model.show(scope="project")
    model.rows[0] = {**model.rows[0], "id": 12345}  # a big project's number
    shown = QStyledItemDelegate().displayText(model.index(0, model.ID).data(), QLocale("de_DE"))
    assert shown == "12345"  # not "12.345"
