"""Counterclaim suggestions for the selected statement: ranked, explained, one key to link.

The index (app.core.matching) is built off the UI thread when a project opens and kept up
to date as tags and topics change. In the list, L or Enter links the highlighted candidate
with the relation ``relation_hint`` proposes (shown beside it).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.errors import CounterclaimError
from app.core.matching import relation_hint
from app.ops import matching_ops, queries
from app.ui import narrative_commands as commands
from app.ui.context import follow
from app.ui.errors import guarded
from app.ui.workers import Job

LIMIT = 8
#: Following the selection waits this long for the keys to rest: ranking runs once after a
#: burst of tagging, not on every key press (one press must fit in a frame).
FOLLOW_DELAY_MS = 150
REBUILD_KINDS = ("structure", "articles", "parties", "project")
ACCEPT_KEYS = (Qt.Key_L, Qt.Key_Return, Qt.Key_Enter)


class SuggestionList(QListWidget):
    accept_wanted = Signal(int)  # row

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in ACCEPT_KEYS and not event.modifiers() & ~Qt.KeypadModifier and self.currentRow() >= 0:
            self.accept_wanted.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class SuggestionsPanel(QWidget):
    def __init__(self, jobs, parent=None):
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.jobs = jobs
        self.context = None
        self.index = None
        self.job: Job | None = None
        self.build_error = None  # why the last index build failed, until the project changes
        self.statement_id: int | None = None
        self.candidates: list = []  # (Candidate, row dict, relation, linked)
        self.shown_for: int | None = None  # the statement the list now answers (following lags)
        self.title = QLabel("Select a statement to see what answers it.", self)
        self.title.setObjectName("suggestionsFor")
        self.title.setWordWrap(True)
        self.list = SuggestionList(self)
        self.list.setObjectName("suggestionList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.accept_wanted.connect(self.accept)
        self.list.itemDoubleClicked.connect(lambda item: self.accept(self.list.row(item)))
        hint = QLabel("L or Enter links the highlighted statement with the relation shown.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self._follow_now)
        self._stale = False

    # -- the index --------------------------------------------------------------------------------

    def set_context(self, context) -> None:
        follow(self.context, context, self.on_change)
        if self.job is not None:
            self.job.cancel()
        self.context, self.index, self.job, self.statement_id = context, None, None, None
        self.build_error = None
        self.list.clear()
        if context is not None and self.on_screen():
            self.rebuild()  # otherwise built when the panel is first shown: it costs seconds of CPU

    def rebuild(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.title.setText("Reading statements for suggestions…")
        job = Job(self.context.path, matching_ops.build_index, "counterclaim index", self.context.project.read_only)
        job.signals.finished.connect(lambda index, j=job: self._built(j, index))
        job.signals.failed.connect(lambda error, j=job: self._build_failed(j, error))
        self.job = job
        self.jobs.start(job)

    def _built(self, job: Job, index) -> None:
        if job is not self.job or self.context is None:
            return  # an older build, or the project was closed
        self.job, self.index = None, index
        self.follow(self.statement_id)

    def _build_failed(self, job: Job, error) -> None:
        if job is not self.job or self.context is None:
            return
        # Said once; tried again only after the project changes, never in a loop.
        self.job, self.index, self.build_error = None, None, error
        self.list.clear()
        reason = str(error) if isinstance(error, CounterclaimError) else "something went wrong while reading them"
        self.title.setText(f"Suggestions are not available: {escape(reason)}")

    @guarded
    def on_change(self, change) -> None:
        if self.context is None:
            return
        self.build_error = None
        if change.touches(*REBUILD_KINDS):
            if self.on_screen():
                self.rebuild()
            else:
                self.index = None  # rebuilt when shown
            return
        if change.touches("tags", "topics") and self.index is not None:
            ids = list(change.statement_ids)
            if len(ids) > 2000:
                self.rebuild()
                return
            matching_ops.refresh(self.context.project, self.index, ids)
        if change.touches("tags", "topics", "links"):
            self.follow(self.statement_id)

    # -- the list -----------------------------------------------------------------------------------

    def follow(self, statement_id: int | None) -> None:
        """Show suggestions for the selection once the keys rest, and only while visible."""
        self.statement_id = statement_id
        self._follow_timer.start()

    def _follow_now(self) -> None:
        if self.on_screen():
            self.show_for(self.statement_id)
        else:
            self._stale = True  # shown when the dock or tab comes into view

    def on_screen(self) -> bool:
        """Really seen: a dock tabbed behind another stays 'visible' to Qt but covers no pixels."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.on_screen():
            self.shown()

    def shown(self) -> None:
        """The panel came into view (shown, or its dock tab brought to the front)."""
        if self.context is not None and self.index is None and self.job is None and self.build_error is None:
            self.rebuild()
            return
        if self._stale:
            self._stale = False
            self.show_for(self.statement_id)

    def show_for(self, statement_id: int | None) -> None:
        self.statement_id = statement_id
        self.list.clear()
        self.candidates = []
        self.shown_for = None
        if self.context is None or statement_id is None:
            self.title.setText("Select a statement to see what answers it.")
            return
        if self.index is None:
            if self.build_error is not None:
                return  # the failure is on show; the next change tries again
            self.title.setText("Reading statements for suggestions…")
            if self.job is None:
                self.rebuild()  # asked for directly while hidden: build now
            return
        try:
            found = self.index.suggest(statement_id, limit=LIMIT)
        except KeyError:
            self.title.setText("That statement is not indexed yet.")
            return
        project = self.context.project
        rows = {r["id"]: r for r in queries.statement_details(project, ids=[statement_id, *[c.statement_id for c in found]])}
        query = rows.get(statement_id)
        linked = {}
        for link in queries.links_of(project, [statement_id]):
            linked[link.target_id if link.source_id == statement_id else link.source_id] = link.relation
        self.title.setText(f"<b>Answers to:</b> {escape(query['text'][:160]) if query else statement_id}")
        for candidate in found:
            row = rows.get(candidate.statement_id)
            if row is None:
                continue
            relation = linked.get(candidate.statement_id) or relation_hint(query["text"], row["text"])
            done = candidate.statement_id in linked
            self.candidates.append((candidate, row, relation, done))
            mark = f"✓ linked: {relation}" if done else f"→ {relation}"
            item = QListWidgetItem(
                f"{row['party'] or 'narration'} · {mark} · score {candidate.score:.1f}\n{row['text']}\n"
                f"why: {'; '.join(candidate.reasons)}"
            )
            item.setData(Qt.UserRole, candidate.statement_id)
            item.setToolTip(f"<qt>{escape(row['text'])}<br><i>{'<br>'.join(map(escape, candidate.reasons))}</i></qt>")
            self.list.addItem(item)
        self.shown_for = statement_id
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.title.setText(self.title.text() + "<br>No statement of another party seems to answer it.")

    def candidate_ids(self) -> list[int]:
        return [c.statement_id for c, *_ in self.candidates]

    @guarded
    def accept(self, row: int) -> None:
        if self.context is None or not 0 <= row < len(self.candidates):
            return
        candidate, _row, relation, done = self.candidates[row]
        if done:
            return
        commands.link(self.context, self.statement_id, candidate.statement_id, relation)
