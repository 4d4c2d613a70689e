"""File › Paste as New Article: the pasted text and what a citation needs about it.

Title, outlet and date are asked for (the date starts at today, the outlet at the one used
last), the language is optional. What is missing or wrong is said in sentences under the
form and OK waits until there is none. Shown by ``ask.article_details``; tests build the
dialog and read ``problems()`` / ``details()`` without exec().
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.core.text import looks_like_headline

MAX_NAME = 500
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Bidi embeddings, overrides and isolates: a one-line name needs none, and one left open
# shows every citation after it in another order than it is stored.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Overrides reorder the letters themselves: refused in the text as well.
_OVERRIDE = re.compile("[\u202d\u202e]")
# Letters and marks that draw nothing (fillers, blanks, joiners, variation selectors).
_BLANK_CHARS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0") | {
    chr(c) for c in range(0xFE00, 0xFE10)
}
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn")


def _invisible(ch: str) -> bool:
    return ch.isspace() or ch in _BLANK_CHARS or unicodedata.category(ch) in _INVISIBLE_CATEGORIES


def visible(value: str) -> str:
    """What a field shows: the value without the invisible and control characters at its edges.

    Empty when nothing in it draws anything ("\u200b", "\x00\x01"); the characters inside
    (a Persian zero-width non-joiner, a right-to-left mark) stay, they belong to the words.
    """
    start, end = 0, len(value)
    while start < end and _invisible(value[start]):
        start += 1
    while end > start and _invisible(value[end - 1]):
        end -= 1
    return value[start:end]


@dataclass(frozen=True)
class ArticleDetails:
    text: str
    title: str
    outlet: str
    published: str  # YYYY-MM-DD
    language: str | None = None


class PasteDialog(QDialog):
    def __init__(self, parent, text: str, outlets: list[str] | None = None, last_outlet: str | None = None):
        super().__init__(parent)
        self.setObjectName("pasteDialog")
        self.setWindowTitle("Paste as new article")
        self.title = QLineEdit(self)
        self.title.setObjectName("pasteTitle")
        self.title.setPlaceholderText("The headline, as the outlet gave it")
        first = next((line for line in text.splitlines() if line.strip()), "")
        if looks_like_headline(first):
            self.title.setText(first.strip())
        self.outlet = QComboBox(self)
        self.outlet.setObjectName("pasteOutlet")
        self.outlet.setEditable(True)
        self.outlet.addItems(outlets or [])
        self.outlet.setCurrentText(last_outlet or "")
        self.outlet.lineEdit().setPlaceholderText("The newspaper, site or agency that published it")
        self.published = QDateEdit(QDate.currentDate(), self)
        self.published.setObjectName("pastePublished")
        self.published.setCalendarPopup(True)
        self.published.setDisplayFormat("yyyy-MM-dd")
        self.language = QLineEdit(self)
        self.language.setObjectName("pasteLanguage")
        self.language.setPlaceholderText("optional: en, fr, ar…")
        self.language.setMaximumWidth(140)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("pasteText")
        self.text.setPlainText(text)
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("pasteProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Outlet:", self.outlet)
        form.addRow("&Published:", self.published)
        form.addRow("&Language:", self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Article &text (as pasted; edit it if the page brought extras):", self))
        layout.itemAt(layout.count() - 1).widget().setBuddy(self.text)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        for signal in (self.title.textChanged, self.outlet.currentTextChanged, self.published.dateChanged,
                       self.language.textChanged, self.text.textChanged):
            signal.connect(lambda *_: self._check())
        self.resize(640, 560)
        self._check()

    def problems(self) -> list[str]:
        """What keeps the article from being imported, one sentence each (empty when none)."""
        found = []
        title, outlet = visible(self.title.text()), visible(self.outlet.currentText())
        if not title:
            found.append("Give the article its title (the headline): citations show it.")
        if not outlet:
            found.append("Name the outlet that published it (a newspaper, site or agency).")
        for what, value in (("title", title), ("outlet", outlet)):
            if len(value) > MAX_NAME:
                found.append(f"The {what} is longer than {MAX_NAME} characters; shorten it.")
            raw = self.title.text() if what == "title" else self.outlet.currentText()
            if _CONTROL.search(raw):
                found.append(f"The {what} holds invisible control characters; type it again.")
            if _DIRECTION.search(raw):
                found.append(f"The {what} holds a direction mark that can show it in another order than it is "
                             "stored; type it again without it.")
        if self.published.date() > QDate.currentDate():
            found.append("The publication date is after today; give the day the article appeared.")
        language = self.language.text().strip()
        if language and not _LANGUAGE.match(language):
            found.append("Write the language as a short code such as en, fr or ar, or leave it empty.")
        text = self.text.toPlainText()
        if not visible(text):
            found.append("Paste the article's text into the box.")
        elif _OVERRIDE.search(text):
            found.append("The text holds a direction override that shows letters in another order than they are "
                         "stored; remove it (or paste the text again from its source).")
        return found

    def _check(self) -> None:
        found = self.problems()
        self.problems_label.setText("\n".join(found))
        self.problems_label.setVisible(bool(found))
        self.ok_button.setEnabled(not found)

    def accept(self) -> None:  # noqa: D102 - Enter in a field must not bypass the checks
        if not self.problems():
            super().accept()

    def details(self) -> ArticleDetails | None:
        if self.problems():
            return None
        language = self.language.text().strip()
        return ArticleDetails(
            text=self.text.toPlainText(),
            title=visible(self.title.text()),
            outlet=visible(self.outlet.currentText()),
            published=self.published.date().toString("yyyy-MM-dd"),
            language=language.lower().replace("_", "-") if language else None,
        )
