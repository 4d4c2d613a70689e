"""Shots of suggested topics (issue 15) on real-style coverage: three outlets' articles on one
conflict from the evaluation set (tests/core/eval), imported as a journalist would.

``topics-blank``: before any topic exists, the narrative view shows each party's statements by
article, with the prompt to suggest topics; ``topics-suggested``: after Suggest topics, the
narrative view and the Topics panel with the suggestions in italics; ``topics-sheet``: the
comparison sheet with the suggested rows.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFLICT = REPO / "tests" / "core" / "eval" / "fresh" / "sudan-army-rsf"


def _open_conflict(window, folder: Path = CONFLICT):
    from app.ops.importing import import_files
    from app.store.database import Project

    order = json.loads((folder / "conflict.json").read_text(encoding="utf-8"))["order"]
    path = Path(tempfile.mkdtemp(prefix="counterclaim-topics-")) / f"{folder.name}.counterclaim"
    with Project(path, create=True) as project:
        import_files(project, [folder / name for name in order])
    window.open_project(path)


def _show(window, widget, topics_dock: bool) -> None:
    window.save_layout = lambda: None  # this shot's docks only, not the next window's
    for dock in window.docks:
        dock.setVisible(topics_dock and dock is window.narratives.topics_dock)
    if topics_dock:
        window.narratives.topics_dock.raise_()
    window.views.setCurrentWidget(widget)


def shot_topics_blank(window):
    _open_conflict(window)
    _show(window, window.narratives.view, topics_dock=True)
    window.narratives.view.reload()
    return window


def shot_topics_suggested(window):
    _open_conflict(window)
    _show(window, window.narratives.view, topics_dock=True)
    window.narratives.topics.jobs = None  # suggest in place: the shot waits for nothing
    window.narratives.topics.suggest()
    window.narratives.view.reload()
    window.narratives.topics.view.selectRow(0)
    return window


def shot_topics_sheet(window):
    _open_conflict(window)
    window.narratives.topics.jobs = None
    window.narratives.topics.suggest()
    _show(window, window.narratives.sheet, topics_dock=False)
    window.narratives.sheet.reload()
    return window


def shot_thirty_parties(window):
    """Thirty parties (tests/topic_articles.py spreads three articles over them), suggested
    topics: the panes that fit at a readable width, the others a scroll away; the window
    stays the size it was."""
    import sys

    sys.path.insert(0, str(REPO))
    from tests.topic_articles import many_party_project

    path = many_party_project(Path(tempfile.mkdtemp(prefix="counterclaim-30-")), parties=30)
    window.open_project(path)
    _show(window, window.narratives.view, topics_dock=True)
    window.narratives.view.reload()
    return window
