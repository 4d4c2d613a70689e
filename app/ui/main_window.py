"""The desk's main window: articles on the left, the article in the middle, parties on the
right, statements below; search in the toolbar.

Extension points for later views: ``add_view(widget, title)`` adds a tab next to the
article reader (the narrative view, the comparison sheet), ``add_dock`` a dock, and
``context.changed`` says what every edit changed. One undo stack per open project.

Paint first: this module imports only Qt and the light parts of the desk, so that
``MainWindow(fill=False)`` (what the double-clicked desk starts with) can paint its frame
at its final size, in the theme's colours, before the reader, the tables and the store
are even imported; ``fill_in()`` then builds the docks, menus and views (app/ui/desk.py
calls it on the turn after the first paint). ``MainWindow()`` fills in at once.
tests/ui/test_paint_first.py keeps the imports here light.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, QTimer
from PySide6.QtGui import QIcon, QUndoGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QTabWidget, QWidget

from app.core.errors import CounterclaimError
from app.core.words import counted
from app.ui import settings, theme
from app.ui.errors import guarded, report

if TYPE_CHECKING:
    from app.ops.changes import Changes
    from app.ui.context import ProjectContext

LAYOUT_VERSION = 1
# PySide6's ``Qt`` namespace is imported inside the methods that use it: its first use builds
# every one of its enums (about 20 ms), which the frame's first paint need not wait for.


@functools.cache
def app_icon() -> QIcon:
    """The application's icon, read once (the application and its window share it)."""
    from app.resources import resource_path

    try:
        return QIcon(str(resource_path("icons", "counterclaim.svg")))
    except FileNotFoundError:
        return QIcon()


class MainWindow(QMainWindow):
    def __init__(
        self,
        project_path: str | Path | None = None,
        parent: QWidget | None = None,
        create: bool = False,
        fill: bool = True,
    ):
        super().__init__(parent)
        settings.configure_application()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.context: ProjectContext | None = None
        self.project_lock = None  # held while this window edits its project
        self.current_article_id: int | None = None
        self.filled = False
        self.undo_group = QUndoGroup(self)
        self.docks: list[QDockWidget] = []
        self.resize(1400, 900)
        self.restore_geometry()  # the frame's final size and place from the first paint: no jump
        if fill:
            self.fill_in()
        if project_path is not None:
            self.open_project(project_path, create=create)

    def fill_in(self) -> None:
        """Build the docks, views, menus and controllers (once): the heavy imports live here."""
        if self.filled:
            return
        self.filled = True
        from PySide6.QtCore import Qt

        from app.ui import actions, learning_desk, narrative_desk
        from app.ui.article_list import ArticleList
        from app.ui.importing import ImportController
        from app.ui.party_panel import PartyPanel
        from app.ui.project_files import ProjectFiles
        from app.ui.reader import ReaderPane
        from app.ui.search import SearchBox
        from app.ui.statement_table import StatementPanel
        from app.ui.tagging_keys import TaggingController
        from app.ui.workers import JobRunner

        self.jobs = JobRunner(self)
        self.articles = ArticleList(self)
        self.reader_pane = ReaderPane(self)
        self.reader = self.reader_pane.reader
        self.statements = StatementPanel(self)
        self.party_panel = PartyPanel(self)
        self.search_box = SearchBox(self)

        self.views = QTabWidget(self)
        self.views.setObjectName("viewTabs")
        self.views.setDocumentMode(True)
        self.views.addTab(self.reader_pane, "Article")
        self.setCentralWidget(self.views)
        self.add_dock("articlesDock", "Articles", self.articles, Qt.LeftDockWidgetArea)
        self.add_dock("partiesDock", "Parties", self.party_panel, Qt.RightDockWidgetArea)
        self.add_dock("statementsDock", "Statements", self.statements, Qt.BottomDockWidgetArea)
        self.setCorner(Qt.BottomLeftCorner, Qt.BottomDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.BottomDockWidgetArea)

        self.tagging = TaggingController(self)
        self.importer = ImportController(self)
        self.files = ProjectFiles(self)
        actions.build(self)
        self._build_status_bar()
        self.narratives = narrative_desk.install(self)  # narrative view, sheet, topics, suggestions
        self.learning = learning_desk.install(self)  # the alias offer bar, the newsroom gazetteer
        actions.fill_tag_menu(self)  # again, now with the topic and link entries

        self.articles.article_chosen.connect(lambda aid: self.show_article(aid))
        self.search_box.search.connect(self.run_search)
        self.search_box.returnPressed.connect(self.open_first_result)
        self._default_state = self.saveState(LAYOUT_VERSION)
        self.restore_layout()
        self._show_empty()

    # -- layout -------------------------------------------------------------------------------------

    def add_dock(self, name: str, title: str, widget: QWidget, area=None) -> QDockWidget:
        """A dock (on the right unless told) that the layout saves and restores by name."""
        from PySide6.QtCore import Qt

        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.RightDockWidgetArea if area is None else area, dock)
        self.docks.append(dock)
        return dock

    def add_view(self, widget: QWidget, title: str) -> int:
        """Add a view (a tab beside the article reader) for later features."""
        return self.views.addTab(widget, title)

    def restore_geometry(self) -> None:
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        # On a screen narrower than the docks need, the filled window grows to their minimum:
        # the frame takes that size at once, so nothing jumps when they arrive.
        least = settings.value("window/least_size")
        if isinstance(least, QSize):
            self.resize(self.size().expandedTo(least))

    def restore_layout(self) -> None:
        from PySide6.QtCore import Qt

        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)
        else:
            self.resizeDocks([self.docks[0], self.docks[1]], [400, 270], Qt.Horizontal)
            self.resizeDocks([self.docks[2]], [260], Qt.Vertical)

    def save_layout(self) -> None:
        settings.set_value("window/geometry", self.saveGeometry())
        if self.filled:  # a window closed before its docks were built keeps the saved layout
            settings.set_value("window/state", self.saveState(LAYOUT_VERSION))
            settings.set_value("window/least_size", self.minimumSizeHint())

    def reset_layout(self) -> None:
        from PySide6.QtCore import Qt

        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self.docks:
            dock.show()
        self.resizeDocks([self.docks[0], self.docks[1]], [400, 270], Qt.Horizontal)
        self.resizeDocks([self.docks[2]], [250], Qt.Vertical)

    def set_theme(self, name: str) -> None:
        settings.set_value("view/theme", name)
        theme.apply_theme(QApplication.instance(), name)
        self.reader.restyle()
        self.reader_pane.legend.setText(self.reader_pane._legend() if self.reader.article else "")

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.counts_label)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(150)
        self._counts_timer.timeout.connect(self.update_counts)

    def update_counts(self, pairs=None) -> None:
        """Recount from the file, or (after a tag) move the counts by what changed."""
        if self.context is None:
            self.counts_label.setText("")
            return
        from app.ops import queries

        project = self.context.project
        if pairs is None or not getattr(self, "_counts", None):
            self._counts = queries.tag_counts(project)
            self._counts["articles"] = queries.article_count(project)
        else:
            for before, after in pairs:
                self._counts[before.status or "untagged"] -= 1
                self._counts[after.status or "untagged"] += 1
        c, n = self._counts, self._counts["articles"]
        self.counts_label.setText(
            f"{counted(n, 'article')} · {counted(c['statements'], 'statement')} · "
            f"{c['confirmed']:,} confirmed · {c['suggested']:,} suggested · {c['untagged']:,} untagged"
        )

    # -- projects ---------------------------------------------------------------------------------------

    def open_project(self, path: str | Path, create: bool = False) -> None:
        """Open (or create) a project in this window; refusals raise CounterclaimError."""
        from app.ui import actions, safety
        from app.ui.context import ProjectContext

        self.fill_in()
        if self.importer.busy:
            raise CounterclaimError("Wait for the import to finish (or cancel it) before switching projects.")
        if self.context is not None and Path(path).expanduser().absolute() == self.context.path:
            self.close_project()  # reopening: give up our own lock first
        project, lock = safety.open_for_window(self, path, create)  # the old one stays open if this fails
        self.close_project()
        self.project_lock = lock
        self.context = ProjectContext(project, self)
        self.undo_group.addStack(self.context.undo_stack)
        self.undo_group.setActiveStack(self.context.undo_stack)
        self.context.other_writers.hold_while(lambda: self.importer.busy)  # its own writer
        self.context.undo_stack.cleanChanged.connect(lambda _c: None)
        # Each view connects itself to the context's changes, in this order: the reader and the
        # selection (``_on_change``) follow the lists and come before the narrative and learning.
        for view in (self.articles.model, self.statements, self.party_panel):
            view.set_context(self.context)
        self.context.changed.connect(self._on_change)
        for view in (self.narratives, self.learning):
            view.set_context(self.context)
        read_only = " (read-only)" if project.read_only else ""
        self.setWindowTitle(f"{project.name}{read_only} — Counterclaim")
        self.setWindowFilePath(str(project.path))
        settings.add_recent(project.path)
        self.files.fill_recent()
        self.update_counts()
        first = self.articles.model.rows[0]["id"] if self.articles.model.rows else None
        if first is not None:
            self.show_article(first)
        else:
            self._show_empty()
        actions.fill_tag_menu(self)

    def close_project(self) -> None:
        if self.context is None:
            return
        context, self.context = self.context, None
        self.undo_group.removeStack(context.undo_stack)
        for view in (self.articles.model, self.statements, self.party_panel, self.narratives, self.learning):
            view.set_context(None)
        self.current_article_id = None
        self._show_empty()
        context.close()
        context.deleteLater()
        if self.project_lock is not None:
            self.project_lock.release()
            self.project_lock = None
        self.setWindowTitle("Counterclaim")
        self.update_counts()

    def _show_empty(self) -> None:
        self.reader_pane.show_article(self.context, None, [])
        self.statements.show_article(None)

    # -- articles ------------------------------------------------------------------------------------------

    def show_article(self, article_id: int, select: list[int] | None = None, sync_table: bool = True) -> None:
        if self.context is None:
            return
        from app.ops import queries
        from app.ops.queries import StatementFilter

        project = self.context.project
        if article_id != self.current_article_id:
            article = queries.article(project, article_id)
            if article is None:
                return
            rows = queries.statements(project, StatementFilter(article_id=article_id))
            self.current_article_id = article_id
            furniture = queries.furniture_spans(project, article_id)
            self.reader_pane.show_article(self.context, article, rows, furniture)
            self.articles.select(article_id)
            if sync_table:
                self.statements.show_article(article_id)
            else:
                self.statements.model.article_id = article_id
            self.views.setCurrentWidget(self.reader_pane)
        if select is not None:
            self.tagging.set_selection(select)
        elif not self.tagging.selected or self.reader.row(self.tagging.selected[0]) is None:
            self.tagging.selected = []

    def _reload_reader(self) -> None:
        if self.context is None or self.current_article_id is None:
            return
        from app.ops import queries
        from app.ops.queries import StatementFilter

        rows = queries.statements(self.context.project, StatementFilter(article_id=self.current_article_id))
        self.reader.replace_rows(rows)

    # -- after every edit -------------------------------------------------------------------------------------

    def _on_change(self, change: Changes) -> None:
        from app.ops import queries
        from app.ui import actions

        try:
            if change.touches("project"):  # another writer: anything may have changed
                self._reload_reader()
                self.articles.select(self.current_article_id)
            elif change.touches("structure") and self.current_article_id in change.article_ids:
                self._reload_reader()
            elif change.touches("tags") and self.current_article_id in change.article_ids:
                self.reader.update_rows(queries.statements_by_ids(self.context.project, change.statement_ids))
            if change.touches("parties", "project"):
                self.reader.restyle()
                actions.fill_tag_menu(self)
            if change.touches("articles") and self.current_article_id is None and self.articles.model.rows:
                self.show_article(self.articles.model.rows[0]["id"])
            self.tagging.on_change(change)
            if change.only_tags:
                self.update_counts(change.tag_pairs)
            else:
                self._counts_timer.start()
        except Exception as error:  # noqa: BLE001 - a view that fails to refresh must not crash the desk
            report(error, self)

    # -- commands used by menus -----------------------------------------------------------------------------------

    @guarded
    def tag_key(self, key: int) -> None:
        self.tagging.tag_key(key, from_reader=self.reader.hasFocus())

    @guarded
    def run_guarded(self, func) -> None:
        func()

    @guarded
    def run_search(self, query: str) -> None:
        if self.context is None:
            return
        if not query:
            if self.statements.model.scope == "search":
                self.statements.search("")
            return
        self.statements.search(query)
        found = len(self.statements.model.rows)
        self.statusBar().showMessage(f"{found:,} statement{'s' if found != 1 else ''} found for “{query}”", 5000)

    @guarded
    def open_first_result(self) -> None:
        if self.statements.model.scope != "search" or not self.statements.model.rows:
            return
        index = self.statements.proxy.index(0, 0)
        from app.ui.statement_table import ARTICLE_ROLE, ID_ROLE

        self.tagging.go_to(index.data(ID_ROLE), index.data(ARTICLE_ROLE))

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search_box.setFocus(Qt.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- drag and drop ----------------------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.filled and self.importer.dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = self.importer.dropped_paths(event.mimeData()) if self.filled else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        try:
            if self.context is None:
                raise CounterclaimError("Open or create a project first, then drop the articles on it.")
            self.importer.import_paths(paths)
        except Exception as error:  # noqa: BLE001
            report(error, self)

    # -- closing ------------------------------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_layout()
        self.stop_jobs()
        self.close_project()
        super().closeEvent(event)

    def stop_jobs(self) -> None:
        """Cancel background work and wait for it (a backup or index must finish before exit)."""
        if self.filled:
            self.jobs.cancel_all()
            self.jobs.wait(10_000)
