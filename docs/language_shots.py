"""Shots of articles in their own languages (issue 16): the labelled set's Arabic and Urdu
articles in the reader, and a narrative view with statements in several languages."""

from __future__ import annotations

import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANGEVAL = REPO / "tests" / "core" / "langeval"


def _project(window):
    from app.ops.importing import import_files
    from app.store.database import Project

    path = Path(tempfile.mkdtemp(prefix="counterclaim-langs-")) / "languages.counterclaim"
    files = [*sorted(LANGEVAL.glob("*/*.txt"))]
    with Project(path, create=True) as project:
        import_files(project, files)
    window.open_project(path)
    return path


def _reader_on(window, name: str):
    _project(window)
    row = next(r for r in window.articles.model.rows if (r["title"] or "").startswith(name) or True and
               r["language"] == name)
    window.show_article(row["id"])
    window.views.setCurrentWidget(window.reader_pane)
    return window


def shot_reader_arabic(window):
    return _reader_on(window, "ar")


def shot_reader_urdu(window):
    return _reader_on(window, "ur")


def shot_narrative_languages(window):
    _project(window)
    window.save_layout = lambda: None
    for dock in window.docks:
        dock.hide()
    window.views.setCurrentWidget(window.narratives.view)
    window.narratives.view.reload()
    return window
