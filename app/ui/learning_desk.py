"""Learning from the journalist, in the desk: the alias offer bar and the newsroom gazetteer.

When a tag puts a statement on a party Counterclaim had not suggested for it, a bar above
the article offers the speaker words as an alias: "Add “the Kremlin” as an alias of Russia?
[Add] [Not now]". A bar, not a dialog and not an automatic alias: tagging goes on at
keyboard speed while it shows (it never takes the focus), a mis-keyed tag never teaches a
wrong name by itself, and one click (or Ctrl+Shift+A) teaches it — undoably, with the
project's other suggestions put right at once and the name kept in the newsroom.
"""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from app.ops import newsroom, parties_ops, tagging
from app.ops.changes import Changes
from app.ops.tagging import AliasOffer
from app.ui import settings
from app.ui.context import ProjectContext, follow
from app.ui.errors import guarded
from app.ui.undo_commands import PartyCommand


class AliasOfferBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("aliasOfferBar")
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("#aliasOfferBar { background: palette(alternate-base); }")
        self.context: ProjectContext | None = None
        self.offer: AliasOffer | None = None
        self.label = QLabel(self)
        self.label.setObjectName("aliasOfferText")
        self.label.setTextFormat(Qt.PlainText)
        self.label.setWordWrap(True)
        self.add_button = QPushButton("Add", self, objectName="aliasOfferAdd")
        self.add_button.setToolTip("Keep these words as a name of the party (Ctrl+Shift+A; undo takes it back)")
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.later_button = QPushButton("Not now", self, objectName="aliasOfferLater")
        for button in (self.add_button, self.later_button):
            button.setFocusPolicy(Qt.NoFocus)  # the keys stay with the reader and the table
        self.add_button.clicked.connect(self.accept)
        self.later_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(30, 4, 30, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.later_button)
        self.hide()

    def set_context(self, context: ProjectContext | None) -> None:
        follow(self.context, context, self.on_change)
        self.context = context
        self.dismiss()

    def on_change(self, change: Changes) -> None:
        if not change.only_tags or change.undo or self.context is None:
            if change.touches("parties", "project") and self.offer is not None:
                self.dismiss()  # the parties it named may have changed
            return
        offer = tagging.alias_offer(self.context.project, change)
        if offer is not None:
            self.show_offer(offer)

    def show_offer(self, offer: AliasOffer) -> None:
        self.offer = offer
        self.label.setText(f"Add “{offer.alias}” as an alias of {offer.party_name}? "
                           "Counterclaim would then suggest it wherever these words speak.")
        self.show()

    @guarded
    def accept(self) -> None:
        offer, context = self.offer, self.context
        self.dismiss()
        if offer is None or context is None:
            return
        project = context.project
        context.run(PartyCommand(context, f"Add “{offer.alias}” to {offer.party_name}",
                                 lambda: parties_ops.learn(project, offer.party_id, offer.alias, offer.statement_id)))

    def dismiss(self) -> None:
        self.offer = None
        self.hide()


class Learning:
    """What ``install`` puts in the window: the bar, and the newsroom in the user's data folder."""

    def __init__(self, window):
        self.window = window
        self.bar = AliasOfferBar(window.reader_pane)
        window.reader_pane.layout().insertWidget(1, self.bar)
        try:
            newsroom.use(settings.data_dir() / newsroom.FILE_NAME)
        except OSError:
            newsroom.use(None)  # no data folder: suggestions use each project alone

    def set_context(self, context: ProjectContext | None) -> None:
        self.bar.set_context(context)

    @guarded
    def open_newsroom(self) -> None:
        from app.ui.newsroom_dialog import NewsroomDialog

        NewsroomDialog(self.window).exec()


def install(window) -> Learning:
    learning = Learning(window)
    edit_menu = next((a.menu() for a in window.menuBar().actions() if a.text() == "&Edit"), None)
    if edit_menu is not None:
        edit_menu.addSeparator()
        action = edit_menu.addAction("&Newsroom Gazetteer…")
        action.setObjectName("newsroomAction")
        action.setStatusTip("Names taught in any project, given to every project's suggestions")
        action.triggered.connect(lambda _c=False: learning.open_newsroom())
        window.actions["newsroom"] = action
    return learning
