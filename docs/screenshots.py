"""Screenshots of the desk for docs/ and the README, made headless from the sample project.

    python docs/screenshots.py            # every shot
    python docs/screenshots.py desk       # only some

Each shot is a function in SHOTS: it gets the window (open on the sample project, the
seed article imported with its suggestions) and returns the widget to grab. Add a shot by
adding a function; it is saved as docs/<name>.png. Settings and the sample project live in
a throwaway home folder, never the real one.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
SIZE = (1400, 900)


def _private_home() -> Path:
    home = Path(tempfile.mkdtemp(prefix="counterclaim-shots-"))
    os.environ.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return home


def _settle(app, msecs: int = 400) -> None:
    """Let timers (status bar counts, party counts) fire and the window paint."""
    from PySide6.QtTest import QTest

    QTest.qWait(msecs)


def _select(window, text_part: str, confirm_first: int = 0) -> None:
    """Confirm the first few suggestions (so both looks show), then select a statement."""
    rows = window.reader.rows
    if confirm_first:
        window.tagging.set_selection([r["id"] for r in rows[:confirm_first]])
        window.tagging.confirm()
    target = next((r for r in window.reader.rows if text_part in r["text"]), window.reader.rows[0])
    window.tagging.set_selection([target["id"]])
    window.reader.setFocus()


def shot_desk(window):
    """The desk on the sample: the article with its suggestions, a statement selected."""
    _select(window, "flagrant aggression", confirm_first=6)
    return window


def shot_desk_dark(window):
    """The same desk in the dark palette: tags must stay readable."""
    window.set_theme("dark")
    _select(window, "flagrant aggression", confirm_first=6)
    return window


def shot_real_coverage(window):
    """A project of real-style coverage (three outlets' articles on one border clash, written
    for the evaluation set in tests/core/eval): the parties panel proposes one party per side."""
    from app.ops.importing import import_files
    from app.store.database import Project

    folder = REPO / "tests" / "core" / "eval" / "dev" / "india-china"
    order = json.loads((folder / "conflict.json").read_text(encoding="utf-8"))["order"]
    path = Path(tempfile.mkdtemp(prefix="counterclaim-real-")) / "ladakh.counterclaim"
    with Project(path, create=True) as project:
        import_files(project, [folder / name for name in order])
    window.open_project(path)
    _settle(window, 600)
    window.resize(*SIZE)
    target = next((r for r in window.reader.rows if "said" in r["text"]), window.reader.rows[0])
    window.tagging.set_selection([target["id"]])
    return window


def shot_many_outlets(window):
    """Every evaluation article in one project (thirteen conflicts, a dozen outlets' styles,
    dozens of parties): the desk at the size of a real investigation desk's archive."""
    from app.ops.importing import import_files
    from app.store.database import Project

    root = REPO / "tests" / "core" / "eval"
    files = sorted(root.glob("*/*/*.txt"))
    path = Path(tempfile.mkdtemp(prefix="counterclaim-many-")) / "many.counterclaim"
    with Project(path, create=True) as project:
        import_files(project, files)
    window.open_project(path)
    _settle(window, 800)
    window.resize(*SIZE)
    return window


from narrative_shots import shot_comparison, shot_narrative  # noqa: E402 - beside this script
from language_shots import shot_narrative_languages, shot_reader_arabic, shot_reader_urdu  # noqa: E402
from topic_shots import shot_thirty_parties, shot_topics_blank, shot_topics_sheet, shot_topics_suggested  # noqa: E402

SHOTS: dict[str, Callable] = {
    "desk": shot_desk,
    "desk-dark": shot_desk_dark,
    "narrative": shot_narrative,
    "comparison": shot_comparison,
    "real-coverage": shot_real_coverage,
    "many-outlets": shot_many_outlets,
    "topics-blank": shot_topics_blank,
    "topics-suggested": shot_topics_suggested,
    "topics-sheet": shot_topics_sheet,
    "thirty-parties": shot_thirty_parties,
    "reader-arabic": shot_reader_arabic,
    "reader-urdu": shot_reader_urdu,
    "narrative-languages": shot_narrative_languages,
}


def main(names: list[str]) -> int:
    _private_home()
    sys.path.insert(0, str(REPO))
    from app.ui.desk import build_window, make_application

    app = make_application([sys.argv[0]])
    app.setStyleSheet("")
    wanted = names or list(SHOTS)
    for name in wanted:
        window = build_window([])  # first run: the sample project
        window.resize(*SIZE)
        window.show()
        _settle(app)
        widget = SHOTS[name](window)
        _settle(app)
        path = DOCS / f"{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path.relative_to(REPO)}")
        window.set_theme("light")
        window.close()
    if not names:  # the exports too, rendered to PNG: docs/export-xlsx.png and export-pdf.png
        import render_exports

        for path in render_exports.render(DOCS):
            print(f"wrote {Path(path).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
