"""Help › Keyboard Shortcuts is made from the actions, and the Tag menu has topic and link
entries that work (issue 12, #30).

The help once listed keys by hand and missed T, L and Ctrl+E. Now every key an action
carries (a real shortcut, or a reading key of a Tag-menu entry) must be in the help, every
key the reader and the table act on must be carried by a Tag-menu entry, and the topic and
link entries must change the project file when triggered.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel

from app.ui import actions, ask, tagging_keys
from app.ui.help import key_text, keys_of, shortcut_rows


def _help_text(window) -> str:
    window.actions["shortcuts"].trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    text = dialog.findChild(QLabel, "helpText").text()
    dialog.close()
    return text


def _tag_action(window, name) -> QAction:
    actions.fill_tag_menu(window)
    found = [a for a in window.tag_menu.actions() if a.objectName() == f"tag_{name}"]
    assert found, f"the Tag menu has no {name} entry"
    return found[0]


def test_every_key_of_every_action_is_in_the_help(window):
    text = _help_text(window)
    rows = shortcut_rows(window)
    keyed = [a for a in window.findChildren(QAction) if keys_of(a)]
    assert len(keyed) >= 20
    for action in keyed:
        for key in keys_of(action):
            assert key_text(key) in text, (action.text(), key.toString())
    listed = {key for key, what, _detail in rows if what is not None}
    for key in ("T", "L", "Ctrl + E", "J", "K", "0", "Return / Enter", "Ctrl + Shift + V", "Ctrl + Shift + S"):
        assert key in listed, key
    assert any(key == "1 – 3" and "1 Pakistan" in detail for key, _what, detail in rows)


def test_the_help_follows_the_parties(window):
    window.party_panel.select(window.context.parties[0].id)
    from app.ops import parties_ops
    from app.ops.changes import Changes

    parties_ops.add(window.context.project, "UN <agencies>")
    window.context.announce(Changes.of("parties"))
    text = _help_text(window)
    assert "4 UN &lt;agencies&gt;" in text  # escaped, never markup


def test_every_key_the_reader_acts_on_is_carried_by_a_tag_menu_entry(window):
    actions.fill_tag_menu(window)
    carried = {seq[0].key() for a in window.tag_menu.actions() for seq in keys_of(a)}
    handled = set(tagging_keys.NEXT_KEYS | tagging_keys.PREVIOUS_KEYS)
    handled |= {Qt.Key_Return, Qt.Key_Enter, Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_T, Qt.Key_L}
    handled |= {key for key, n in tagging_keys.DIGITS.items() if n == 0 or window.context.party_for_key(n)}
    assert handled <= carried, handled - carried


def test_tag_put_under_topic_files_the_selection(window, seeded_path, db, shown):
    first = window.reader.rows[0]["id"]
    window.tagging.set_selection([first])
    _tag_action(window, "topic").trigger()
    picker = window.narratives.picker
    assert picker is not None and picker.isVisible()
    picker.line.setText("What was hit")
    picker.choose()
    assert db(seeded_path, "SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id "
                           "WHERE st.statement_id = ?", (first,)) == [("What was hit",)]


def test_tag_link_selected_links_them_with_the_relation_chosen(window, seeded_path, db, monkeypatch, shown):
    a, b = window.reader.rows[1]["id"], window.reader.rows[4]["id"]
    window.tagging.set_selection([a])
    _tag_action(window, "link_selected").trigger()
    assert any("two or more statements" in s for s in shown.of("error"))
    assert db(seeded_path, "SELECT count(*) FROM links") == [(0,)]
    monkeypatch.setattr(ask, "choose", lambda parent, title, label, options, preselect=0: "supports")
    window.tagging.set_selection([a, b])
    _tag_action(window, "link_selected").trigger()
    assert db(seeded_path, "SELECT source_id, target_id, relation FROM links") == [(a, b, "supports")]


def test_tag_link_to_the_suggested_counterclaim_and_the_l_key(window, seeded_path, db, qtbot, shown):
    narratives = window.narratives
    narratives.suggestions_dock.show()
    narratives.suggestions_dock.raise_()
    qtbot.waitUntil(lambda: narratives.suggestions.index is not None, timeout=60_000)
    aggression = next(r["id"] for r in window.reader.rows if "flagrant aggression" in r["text"])
    window.tagging.set_selection([aggression])
    _tag_action(window, "link_suggested").trigger()
    linked = db(seeded_path, "SELECT source_id, target_id FROM links")
    assert len(linked) == 1 and linked[0][0] == aggression
    assert not shown.of("error")
    # the same with the key, in the reader
    other = next(r["id"] for r in window.reader.rows if "brotherly country" in r["text"])
    window.tagging.set_selection([other])
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key_L)
    assert not shown.of("error")
    assert db(seeded_path, "SELECT count(*) FROM links WHERE source_id = ?", (other,)) == [(1,)]
