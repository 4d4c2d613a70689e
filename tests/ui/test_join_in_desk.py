"""Joining adjacent statements in the desk: Edit › Join Statements, checked in the file,
undone and redone exactly."""

from __future__ import annotations


from app.store.database import Project

ARTICLE = (
    "Lakeside police closed the eastern road on Sunday.\n"
    "The inspector said the road was flooded. Drivers should wait. Crews are on the way.\n"
    "Residents were told to stay indoors."
)


def rows_of(path):
    with Project(path, read_only=True) as project:
        return project.execute(
            'SELECT id, start, "end", text, paragraph, party_id, status FROM statements ORDER BY start'
        ).fetchall()


def topics_of(path):
    with Project(path, read_only=True) as project:
        return project.execute("SELECT statement_id, topic_id FROM statement_topics ORDER BY 1, 2").fetchall()


def test_join_in_the_desk_is_one_statement_and_undoes_exactly(open_window, project_path, qtbot, shown):
    from app.ops.importing import import_text
    from app.ops import topics_ops

    with Project(project_path, create=True) as project:
        import_text(project, ARTICLE, title="Road closed")
        ids = [r[0] for r in project.execute("SELECT id FROM statements ORDER BY start")]
        topics_ops.assign_by_name(project, [ids[2]], "Flooding")
    window = open_window(project_path)
    before, topics_before = rows_of(project_path), topics_of(project_path)
    with Project(project_path, read_only=True) as project:
        text = project.execute("SELECT text FROM articles").fetchone()[0]
    second, third, fourth = before[1], before[2], before[3]
    assert (second[3], third[3], fourth[3]) == (
        "The inspector said the road was flooded.", "Drivers should wait.", "Crews are on the way."
    )

    window.tagging.set_selection([third[0], second[0]])
    window.actions["join"].trigger()
    after = rows_of(project_path)
    assert len(after) == len(before) - 1
    joined = next(r for r in after if r[1] == second[1])
    assert joined[2] == third[2] and joined[3] == text[second[1] : third[2]]
    assert joined[3] == "The inspector said the road was flooded. Drivers should wait."
    assert joined[0] not in (second[0], third[0])  # a new id, so undo and redo stay exact
    assert fourth in after  # the neighbour is untouched
    assert topics_of(project_path) == [(joined[0], topics_before[0][1])]  # the topic came along
    assert window.tagging.selected == [joined[0]]
    assert window.reader.row(joined[0]) is not None and window.reader.row(second[0]) is None

    window.actions["undo"].trigger()
    assert rows_of(project_path) == before and topics_of(project_path) == topics_before
    window.actions["redo"].trigger()
    assert rows_of(project_path) == after

    # across a paragraph break it is refused in a sentence, and nothing changes
    window.tagging.set_selection([before[0][0], joined[0]])
    window.actions["join"].trigger()
    assert rows_of(project_path) == after
    assert any("different paragraphs" in sentence for sentence in shown.of("error")), shown


def test_join_has_a_shortcut(window):
    assert window.actions["join"].shortcut().toString() == "Ctrl+Shift+J"
