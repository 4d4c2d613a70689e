"""The menu bar and toolbar: every command, its shortcut and its tooltip, in one place.

Actions are kept in ``window.actions`` by name so tests and scripts can trigger them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from app.ui import help as help_
from app.ui import settings, theme


def _export(window) -> None:
    from app.ui import export_dialog  # loaded on first use, not before the window paints

    export_dialog.show_export_dialog(window)


def _action(window, name: str, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.actions[name] = action
    return action


def build(window) -> None:
    window.actions = {}
    bar = window.menuBar()

    # File
    file_menu = bar.addMenu("&File")
    file_menu.addAction(_action(window, "new", "&New Project…", window.files.new, QKeySequence.New,
                                "Start a new, empty project file"))
    file_menu.addAction(_action(window, "open", "&Open Project…", window.files.open, QKeySequence.Open,
                                "Open a project file"))
    file_menu.addMenu(window.files.recent_menu)
    file_menu.addAction(_action(window, "save_as", "Save a Cop&y As…", window.files.save_as, "Ctrl+Shift+S",
                                "Every change is saved as you make it; this writes a copy elsewhere"))
    file_menu.addAction(_action(window, "restore_backup", "Restore from &Backup…", window.files.restore_backup, None,
                                "Go back to the project as it was when it was opened earlier (a backup is taken each time)"))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "import", "&Import Articles…", window.importer.import_dialog, "Ctrl+I",
                                "Import article files (txt, md, html, docx, odt, pdf); you can also drop them here"))
    file_menu.addAction(_action(window, "paste", "&Paste as New Article", window.importer.paste, "Ctrl+Shift+V",
                                "Import the text on the clipboard (copied from a browser) as an article"))
    file_menu.addAction(_action(window, "export", "&Export…", lambda: _export(window), "Ctrl+E",
                                "Write the comparison sheet as XLSX, CSV, HTML, PDF, Markdown, JSON or REFI-QDA"))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "quit", "&Quit", window.close, QKeySequence.Quit))

    # Edit
    edit = bar.addMenu("&Edit")
    window.undo_action = window.undo_group.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence.Undo)
    window.redo_action = window.undo_group.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.actions["undo"], window.actions["redo"] = window.undo_action, window.redo_action
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    edit.addAction(_action(window, "join", "&Join Statements", lambda: window.run_guarded(window.tagging.join),
                           "Ctrl+Shift+J", "Make the selected adjacent statements of one paragraph one statement"))
    edit.addSeparator()
    edit.addAction(_action(window, "find", "&Find Statements", window.focus_search, QKeySequence.Find,
                           "Search every statement in the project"))

    # Tag (rebuilt when parties change)
    window.tag_menu = bar.addMenu("&Tag")
    window.tag_menu.aboutToShow.connect(lambda: fill_tag_menu(window))
    fill_tag_menu(window)

    # View
    view = bar.addMenu("&View")
    for name, label, scope, key in (
        ("scope_article", "Statements of This &Article", "article", "Ctrl+1"),
        ("scope_project", "Statements of the Whole &Project", "project", "Ctrl+2"),
        ("scope_search", "&Search Results", "search", "Ctrl+3"),
    ):
        view.addAction(_action(window, name, label, lambda s=scope: window.statements.set_scope(s), key))
    view.addSeparator()
    advance = _action(window, "advance", "Move to the &Next Statement After Tagging",
                      lambda: setattr(window.tagging, "advance", window.actions["advance"].isChecked()))
    advance.setCheckable(True)
    advance.setChecked(True)
    view.addAction(advance)
    theme_menu = view.addMenu("&Theme")
    group = QActionGroup(window)
    current = settings.value("view/theme", "system")
    for name in theme.THEMES:
        action = _action(window, f"theme_{name}", name.capitalize(), lambda n=name: window.set_theme(n))
        action.setCheckable(True)
        action.setChecked(name == current)
        group.addAction(action)
        theme_menu.addAction(action)
    view.addSeparator()
    for dock in window.docks:
        view.addAction(dock.toggleViewAction())
    view.addAction(_action(window, "reset_layout", "&Reset Layout", window.reset_layout))

    # Help
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(_action(window, "shortcuts", "&Keyboard Shortcuts", lambda: help_.show_shortcuts(window),
                                QKeySequence.HelpContents))
    help_menu.addAction(_action(window, "about", "&About Counterclaim",
                                lambda: help_.show_about(window, window.context)))

    # Toolbar: the commands used all day, and the search box.
    tools = window.addToolBar("Main")
    tools.setObjectName("mainToolbar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonTextOnly)
    for name in ("import", "paste"):
        tools.addAction(window.actions[name])
    tools.addSeparator()
    for name, label, group_action, trigger in (
        ("toolbar_undo", "Undo", window.undo_action, window.undo_group.undo),
        ("toolbar_redo", "Redo", window.redo_action, window.undo_group.redo),
    ):
        # Fixed labels in the toolbar (the menu entries say what they would undo).
        button = _action(window, name, label, trigger)
        button.setEnabled(group_action.isEnabled())
        group_action.changed.connect(
            lambda b=button, g=group_action: (b.setEnabled(g.isEnabled()), b.setToolTip(g.text().replace("&", "")))
        )
        tools.addAction(button)
    tools.addSeparator()
    tools.addWidget(window.search_box)


KEYS = "keys"  # the property naming a reading key's QKeySequences (help.keys_of reads it)


def _key_action(menu: QMenu, name: str, text: str, slot, keys, tip: str) -> QAction:
    """A Tag-menu entry for a key that works where you read: the reader and the statement
    table handle it in their event filters, so it is no window shortcut (typing a digit, J or
    T in the search box stays typing, Enter in an open menu still picks the entry). The key is
    shown beside the entry and kept on the action, which the Keyboard Shortcuts help lists."""
    keys = [] if not keys else list(keys) if isinstance(keys, (list, tuple)) else [keys]
    label = QKeySequence(keys[0]).toString(QKeySequence.NativeText) if keys else ""
    action = QAction(f"{text}\t{label}" if label else text, menu)
    action.setObjectName(f"tag_{name}")
    action.setProperty(KEYS, keys)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _c=False: slot())
    menu.addAction(action)
    return action


def fill_tag_menu(window) -> None:
    menu: QMenu = window.tag_menu
    menu.clear()
    context = window.context
    parties = context.parties if context else []
    for party in parties:
        if party.shortcut is None:
            continue
        _key_action(menu, f"party_{party.shortcut}", party.name, lambda k=party.shortcut: window.tag_key(k),
                    str(party.shortcut), f"Tag the selected statements with {party.name}")
    _key_action(menu, "narration", "Narration", lambda: window.tag_key(0), "0",
                "Mark the selected statements as narration (the outlet's own voice)")
    menu.addSeparator()
    _key_action(menu, "confirm", "Confirm Suggestion", lambda: window.run_guarded(window.tagging.confirm),
                ["Return", "Enter"], "Confirm the suggested tag")
    _key_action(menu, "clear", "Clear Tag", lambda: window.run_guarded(window.tagging.clear),
                ["Delete", "Backspace"], "Take the tag off")
    menu.addSeparator()
    narratives = getattr(window, "narratives", None)
    if narratives is not None:
        _key_action(menu, "topic", "Put Under &Topic…", narratives.topic_for_selection, "T",
                    "File the selected statements under a topic (type a new name to create one)")
        _key_action(menu, "link_suggested", "&Link to the Suggested Counterclaim", narratives.link_suggested, "L",
                    "Link the selected statement to the counterclaim highlighted in the Counterclaims panel")
        _key_action(menu, "link_selected", "Link Selected &Statements…", narratives.link_selected, None,
                    "Link the statements selected first to the one selected last (contradicts, supports, "
                    "responds to)")
        menu.addSeparator()
    _key_action(menu, "next", "Next Statement", lambda: window.tagging.move(1), "J", "Next statement")
    _key_action(menu, "previous", "Previous Statement", lambda: window.tagging.move(-1), "K", "Previous statement")
