"""The desk notices other writers: what the command line (another process) or a second window
commits while the desk is open shows in the desk within a second, with the current article,
the selected statements and the undo stack kept; the desk's own edits cause no reload."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.article_list import ID_ROLE
from app.ui.statement_table import StatementTableModel

REPO = Path(__file__).resolve().parents[2]


def cli(*args) -> str:
    """Run the real command line in another process, as a newsroom script would."""
    done = subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def tag_of(db, path, statement_id):
    sql = ("SELECT p.name, s.status FROM statements s LEFT JOIN parties p ON p.id = s.party_id "
           "WHERE s.id = ?")
    return db(path, sql, (statement_id,))[0]


def party_shown(window, statement_id) -> str | None:
    model = window.statements.model
    row = model.row_of(statement_id)
    return None if row is None else model.index(row, StatementTableModel.PARTY).data()


def outside_changes(window) -> list:
    seen = []
    window.context.changed.connect(lambda change: change.touches("project") and seen.append(change))
    return seen


def test_a_cli_tag_shows_in_the_open_desk_within_a_second(window, seeded_path, qtbot, db):
    window.tagging.set_selection([2])
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key_1)  # the desk's own tag of statement 2: Pakistan
    assert tag_of(db, seeded_path, 2) == ("Pakistan", "confirmed")
    stack = window.context.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)
    window.tagging.set_selection([3, 4])
    article = window.current_article_id
    assert party_shown(window, 1) != "Iran"

    assert "Tagged 1 statement as Iran." in cli("tag", seeded_path, 1, "--party", "Iran")
    assert tag_of(db, seeded_path, 1) == ("Iran", "confirmed")  # in the file, from another process

    def shown_everywhere():
        return (
            party_shown(window, 1) == "Iran"
            and window.reader.row(1)["party_id"] == 2
            and window.reader.row(1)["status"] == "confirmed"
            and window.articles.model.rows[0]["confirmed"] == 2
            and "2 confirmed" in window.counts_label.text()
        )

    qtbot.waitUntil(shown_everywhere, timeout=1000)
    # nothing of the journalist's place is lost
    assert window.current_article_id == article and window.articles.view.currentIndex().data(ID_ROLE) == article
    assert window.tagging.selected == [3, 4] and window.statements.selected_ids() == [3, 4]
    assert window.reader.selected == [3, 4]
    assert (stack.count(), stack.index()) == (1, 1)

    stack.undo()  # the desk's own tag comes off; the command line's stays
    assert tag_of(db, seeded_path, 2) == (None, "suggested")
    assert tag_of(db, seeded_path, 1) == ("Iran", "confirmed")
    assert party_shown(window, 1) == "Iran" and party_shown(window, 2) != "Pakistan"
    assert "1 confirmed" in window.counts_label.text()


def test_topics_and_links_from_the_cli_reach_the_desk(window, seeded_path, qtbot, db):
    cli("topic", seeded_path, "Border strikes", 5, 6)
    def listed():
        return "Border strikes" in (window.statements.model.rows[4]["topics"] or "")

    qtbot.waitUntil(listed, timeout=1000)
    topics = window.narratives.topics.model.topics
    assert [t.name for t in topics] == ["Border strikes"]
    assert db(seeded_path, "SELECT statement_id FROM statement_topics ORDER BY 1") == [(5,), (6,)]


def test_the_desks_own_edits_cause_no_reload(window, seeded_path, qtbot, db):
    seen = outside_changes(window)
    resets = []
    window.statements.model.modelReset.connect(lambda: resets.append(1))
    window.tagging.set_selection([1])
    window.reader.setFocus()
    for key in (Qt.Key_1, Qt.Key_2, Qt.Key_0, Qt.Key_Return):
        qtbot.keyClick(window.reader, key)
    window.context.undo_stack.undo()
    window.context.undo_stack.redo()
    assert [tag_of(db, seeded_path, i) for i in (1, 2, 3, 4)] == [
        ("Pakistan", "confirmed"), ("Iran", "confirmed"),
        (None, "confirmed"), ("Pakistan", "confirmed"),
    ]
    qtbot.wait(3 * window.context.other_writers.timer.interval())
    assert window.context.other_writers.check() is False
    assert seen == [] and resets == []


def test_a_check_with_nothing_new_asks_sqlite_one_pragma(window):
    said = []
    conn = window.context.project.conn
    conn.set_trace_callback(said.append)
    try:
        assert window.context.other_writers.check() is False
    finally:
        conn.set_trace_callback(None)
    assert said == ["PRAGMA data_version"]


def test_a_second_window_sees_the_first_ones_tags(open_window, seeded_path, qtbot, shown):
    first = open_window(seeded_path)
    second = open_window(seeded_path)  # opens read-only: the first one edits
    assert second.context.project.read_only and "already open" in shown.of("info")[-1]
    first.tagging.set_selection([7])
    first.reader.setFocus()
    qtbot.keyClick(first.reader, Qt.Key_3)
    qtbot.waitUntil(lambda: party_shown(second, 7) == "Baloch separatist groups", timeout=1000)
    assert party_shown(first, 7) == "Baloch separatist groups"


def test_an_undo_whose_statement_was_joined_away_says_so(window, seeded_path, qtbot, db, shown):
    window.tagging.set_selection([1])
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key_2)
    stack = window.context.undo_stack
    cli("join", seeded_path, 1, 2)  # statement 1 is now part of a new statement
    qtbot.waitUntil(lambda: window.reader.row(1) is None, timeout=1000)
    before = db(seeded_path, "SELECT * FROM statements ORDER BY id")
    assert window.tagging.selected == []  # the selected statement is gone: nothing selected

    stack.undo()
    assert shown.of("error") and "Statement 1 is no longer in the project" in shown.of("error")[-1]
    assert "another window or the command line" in shown.of("error")[-1]
    assert db(seeded_path, "SELECT * FROM statements ORDER BY id") == before, "nothing changed"
    assert (stack.count(), stack.index()) == (1, 1)


def test_undoing_a_split_joined_outside_is_refused(window, seeded_path, qtbot, db, shown):
    row = window.reader.row(3)
    window.tagging.set_selection([3])
    from app.ui.undo_commands import SplitCommand

    context = window.context
    context.run(SplitCommand(context, 3, row["start"], row["start"] + 20, 1, "confirmed"))
    in_paragraph = "SELECT id FROM statements WHERE paragraph = 2 ORDER BY start"
    pieces = [r[0] for r in db(seeded_path, in_paragraph)]
    assert len(pieces) == 3
    cli("join", seeded_path, *pieces[:2])
    qtbot.waitUntil(lambda: not any(window.reader.row(i) for i in pieces[:2]), timeout=1000)
    before = db(seeded_path, "SELECT * FROM statements ORDER BY id")

    window.context.undo_stack.undo()
    assert "another window or the command line" in shown.of("error")[-1]
    assert db(seeded_path, "SELECT * FROM statements ORDER BY id") == before, "nothing changed"
    assert window.context.undo_stack.index() == 1


def test_a_closed_project_is_never_asked_again(window, qtbot, shown):
    watcher = window.context.other_writers
    interval = watcher.timer.interval()
    window.close_project()
    assert not watcher.timer.isActive()
    assert watcher.check() is False
    qtbot.wait(2 * interval)
    assert window.context is None and not shown.of("error")


def test_counts_stay_true_when_an_undone_tag_was_changed_outside(window, seeded_path, qtbot, db):
    window.tagging.set_selection([2])
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key_1)
    cli("tag", seeded_path, 2, "--clear")
    qtbot.waitUntil(lambda: "1 untagged" in window.counts_label.text(), timeout=1000)
    window.context.undo_stack.undo()  # from the CLI's "untagged", not the desk's "confirmed"
    assert tag_of(db, seeded_path, 2) == (None, "suggested")
    counted = window.counts_label.text()
    window.update_counts()  # a full recount from the file
    assert counted == window.counts_label.text()
    assert "0 confirmed · 18 suggested · 0 untagged" in counted


def test_checks_wait_while_the_desks_own_import_writes(window, seeded_path, qtbot, monkeypatch):
    monkeypatch.setattr(window.importer, "job", object())  # an import is running
    cli("tag", seeded_path, 1, "--party", "Iran")
    qtbot.wait(3 * window.context.other_writers.timer.interval())
    assert party_shown(window, 1) != "Iran"
    monkeypatch.setattr(window.importer, "job", None)  # done: the next check catches up
    qtbot.waitUntil(lambda: party_shown(window, 1) == "Iran", timeout=1000)


def test_a_read_only_project_is_watched_without_complaint(open_window, seeded_path, qtbot, shown):
    seeded_path.chmod(0o444)
    try:
        window = open_window(seeded_path)
        assert window.context.project.read_only
        assert window.context.other_writers.timer.isActive()
        qtbot.wait(2 * window.context.other_writers.timer.interval())
        assert window.context.other_writers.check() is False
        assert not shown.of("error")
    finally:
        seeded_path.chmod(0o644)
