"""The article reader: the article's text with every statement shown in its party's colour.

Confirmed tags are a solid tint, suggestions a faint tint with a dashed underline, narration
and untagged text stay plain; page furniture (lines of the web page that are not the article:
"Subscribe to …", photo credits) is dimmed and cannot be selected as a statement; the selected statements are drawn stronger on top
(ExtraSelections). Highlighting is a QSyntaxHighlighter that looks statements up by block,
so a tag repaints one paragraph, not the article. Offsets cross the Qt boundary only
through ``app.ui.offsets.Offsets``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QTextEdit, QToolTip, QVBoxLayout, QWidget

from app.core.text import is_right_to_left
from app.core.words import counted
from app.ops.queries import Article
from app.ui import explain, theme
from app.ui.context import ProjectContext
from app.ui.offsets import Offsets

def furniture_format(palette: QPalette) -> QTextCharFormat:
    """Page furniture's look: the text colour halfway to the background, in italics (the
    placeholder colour is not dim on every platform)."""
    ink, paper = palette.color(QPalette.Text), palette.color(QPalette.Base)
    fmt = QTextCharFormat()
    fmt.setForeground(
        QColor(
            (ink.red() * 45 + paper.red() * 55) // 100,
            (ink.green() * 45 + paper.green() * 55) // 100,
            (ink.blue() * 45 + paper.blue() * 55) // 100,
        )
    )
    fmt.setFontItalic(True)
    return fmt


class TagHighlighter(QSyntaxHighlighter):
    """Paints each statement's tag; spans are UTF-16 positions, sorted and non-overlapping."""

    def __init__(self, document):
        super().__init__(document)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.formats: list[QTextCharFormat | None] = []
        # page furniture, dimmed: UTF-16 positions, sorted, and the one format they share
        self.dim_starts: list[int] = []
        self.dim_ends: list[int] = []
        self.dim_format = QTextCharFormat()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        block = self.currentBlock()
        first = block.position()
        last = first + block.length()
        i = bisect_right(self.dim_ends, first)
        while i < len(self.dim_starts) and self.dim_starts[i] < last:
            s, e = max(self.dim_starts[i], first), min(self.dim_ends[i], last)
            if e > s:
                self.setFormat(s - first, e - s, self.dim_format)
            i += 1
        i = bisect_right(self.ends, first)
        n = len(self.starts)
        while i < n and self.starts[i] < last:
            fmt = self.formats[i]
            if fmt is not None:
                s, e = max(self.starts[i], first), min(self.ends[i], last)
                if e > s:
                    self.setFormat(s - first, e - s, fmt)
            i += 1


class ArticleReader(QPlainTextEdit):
    """Read-only article text. Signals what the journalist clicked; keys are handled by the
    tagging controller (an event filter).

    A QPlainTextEdit lays out only what is on screen, so a 1 MB article opens at once; a
    blank line between paragraphs (see Offsets) gives the text room to breathe.
    """

    statement_clicked = Signal(int, bool)  # statement id, add to the selection (Ctrl)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("articleReader")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setFrameShape(QFrame.NoFrame)
        self.setAcceptDrops(False)  # drops go to the window (import)
        self.setMouseTracking(True)
        self.setCursorWidth(0)  # read-only: no blinking caret, selection still works
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self.setFont(font)
        self.document().setDocumentMargin(28)
        self.highlighter = TagHighlighter(self.document())
        self.context: ProjectContext | None = None
        self.article: Article | None = None
        self.rows: list[dict] = []
        self._index_of: dict[int, int] = {}
        self._starts_cp: list[int] = []
        self.offsets = Offsets("")
        self.selected: list[int] = []
        self.rtl = False
        self.furniture: list[tuple[int, int, str]] = []

    # -- content ----------------------------------------------------------------------------

    def set_article(
        self, context: ProjectContext | None, article: Article | None, rows: list[dict], furniture=()
    ) -> None:
        self.context = context
        self.article = article
        self.selected = []
        text = article.text if article else ""
        self.offsets = Offsets(text, paragraph_gap=True)
        self.rtl = is_right_to_left(text, article.language if article else None)
        self.highlighter.setDocument(None)  # highlight once, after the text is in
        self.setExtraSelections([])
        self.setPlainText(Offsets.display_text(text, paragraph_gap=True))
        self._format_blocks()
        self._set_furniture(furniture)
        self._set_rows(rows)
        self.highlighter.setDocument(self.document())
        self.moveCursor(QTextCursor.Start)
        self.setToolTip("")

    def _format_blocks(self) -> None:
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.RightToLeft if self.rtl else Qt.LeftToRight)
        option.setAlignment((Qt.AlignRight if self.rtl else Qt.AlignLeft) | Qt.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.setLayoutDirection(Qt.RightToLeft if self.rtl else Qt.LeftToRight)

    def _set_furniture(self, furniture) -> None:
        """Page furniture, (start, end, family) in code points: dimmed, never a statement."""
        self.furniture = sorted(furniture)
        to16 = self.offsets.to_utf16
        h = self.highlighter
        h.dim_starts = [to16(s) for s, _e, _f in self.furniture]
        h.dim_ends = [to16(e) for _s, e, _f in self.furniture]
        h.dim_format = furniture_format(self.palette())

    def furniture_at(self, cp: int) -> tuple[int, int, str] | None:
        i = bisect_right([s for s, _e, _f in self.furniture], cp) - 1
        if 0 <= i < len(self.furniture) and self.furniture[i][0] <= cp < self.furniture[i][1]:
            return self.furniture[i]
        return None

    def _set_rows(self, rows: list[dict]) -> None:
        self.rows = sorted(rows, key=lambda r: r["start"])
        self._index_of = {r["id"]: i for i, r in enumerate(self.rows)}
        self._starts_cp = [r["start"] for r in self.rows]
        to16 = self.offsets.to_utf16
        h = self.highlighter
        h.starts = [to16(r["start"]) for r in self.rows]
        h.ends = [to16(r["end"]) for r in self.rows]
        cache: dict = {}
        h.formats = [self._format_for(r, cache) for r in self.rows]

    def _format_for(self, row: dict, cache: dict | None = None) -> QTextCharFormat | None:
        status, party = row["status"], self.context.party(row["party_id"]) if self.context else None
        if status is None or party is None:
            return None  # narration and untagged text stay plain
        key = (party.id, party.color, status)
        if cache is not None and key in cache:
            return cache[key]
        fmt = QTextCharFormat()
        if status == "confirmed":
            fmt.setBackground(theme.tint(party.color, theme.CONFIRMED_FILL))
        else:
            fmt.setBackground(theme.tint(party.color, theme.SUGGESTED_FILL))
            fmt.setUnderlineStyle(QTextCharFormat.DashUnderline)
            fmt.setUnderlineColor(theme.ink(party.color))
        if cache is not None:
            cache[key] = fmt
        return fmt

    def update_rows(self, rows: list[dict]) -> None:
        """New tags for some statements of this article: repaint only their paragraphs."""
        doc = self.document()
        blocks = set()
        for row in rows:
            i = self._index_of.get(row["id"])
            if i is None:
                continue
            self.rows[i] = row
            self.highlighter.formats[i] = self._format_for(row)
            start, end = self.highlighter.starts[i], self.highlighter.ends[i]
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                blocks.add(block.blockNumber())
                block = block.next()
        for number in sorted(blocks):
            self.highlighter.rehighlightBlock(doc.findBlockByNumber(number))
        self._paint_selection()

    def restyle(self) -> None:
        """Party colours changed: recompute every format (a few parties, cached)."""
        self._set_furniture(self.furniture)
        self._set_rows(self.rows)
        self.highlighter.rehighlight()
        self._paint_selection()

    def replace_rows(self, rows: list[dict]) -> None:
        """The article's statements changed shape (a split or its undo)."""
        self._set_rows(rows)
        self.highlighter.rehighlight()
        self.selected = [i for i in self.selected if i in self._index_of]
        self._paint_selection()

    # -- statements and offsets ---------------------------------------------------------------------

    def row(self, statement_id: int) -> dict | None:
        i = self._index_of.get(statement_id)
        return self.rows[i] if i is not None else None

    def statement_at(self, cp: int) -> dict | None:
        i = bisect_right(self._starts_cp, cp) - 1
        if 0 <= i < len(self.rows) and self.rows[i]["start"] <= cp < self.rows[i]["end"]:
            return self.rows[i]
        return None

    def statements_in(self, start: int, end: int) -> list[dict]:
        i = max(0, bisect_right(self._starts_cp, start) - 1)
        j = bisect_left(self._starts_cp, end)
        return [r for r in self.rows[i:j] if r["end"] > start and r["start"] < end]

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets into the article, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        to_cp = self.offsets.to_code_point
        return to_cp(cursor.selectionStart()), to_cp(cursor.selectionEnd())

    def select_text(self, start: int, end: int) -> None:
        """Select article text by code-point offsets (what a mouse drag does)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    # -- selection drawing ------------------------------------------------------------------------

    def select_ids(self, ids, scroll: bool = True) -> None:
        self.selected = [i for i in ids if i in self._index_of]
        self._paint_selection()
        if scroll and self.selected:
            self.scroll_to(self.selected[0])

    def _paint_selection(self) -> None:
        extras = []
        for sid in self.selected:
            row = self.rows[self._index_of[sid]]
            party = self.context.party(row["party_id"]) if self.context else None
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_utf16(row["start"]))
            cursor.setPosition(self.offsets.to_utf16(row["end"]), QTextCursor.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            if party is not None and row["status"] is not None:
                fmt.setBackground(theme.tint(party.color, theme.SELECTED_FILL))
            else:
                highlight = QColor(self.palette().color(QPalette.Highlight))
                highlight.setAlphaF(0.22)
                fmt.setBackground(highlight)
            fmt.setUnderlineStyle(
                QTextCharFormat.DashUnderline if row["status"] == "suggested" else QTextCharFormat.SingleUnderline
            )
            fmt.setUnderlineColor(self.palette().color(QPalette.Text))
            fmt.setProperty(QTextFormat.FullWidthSelection, False)
            selection.format = fmt
            extras.append(selection)
        self.setExtraSelections(extras)

    def scroll_to(self, statement_id: int) -> None:
        row = self.row(statement_id)
        if row is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(row["end"]))
        rect_end = self.cursorRect(cursor)
        cursor.setPosition(self.offsets.to_utf16(row["start"]))
        rect = self.cursorRect(cursor)
        view = self.viewport().rect()
        if rect.top() < 0 or rect_end.bottom() > view.bottom():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - view.height() // 3)

    # -- mouse ----------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.LeftButton or self.textCursor().hasSelection():
            return
        cursor = self.cursorForPosition(event.position().toPoint())
        row = self.statement_at(self.offsets.to_code_point(cursor.position()))
        if row is not None:
            self.statement_clicked.emit(row["id"], bool(event.modifiers() & Qt.ControlModifier))

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            row = self.statement_at(self.offsets.to_code_point(cursor.position()))
            cp = self.offsets.to_code_point(cursor.position())
            if row is not None:
                party = self.context.party(row["party_id"]) if self.context else None
                QToolTip.showText(event.globalPos(), explain.tooltip(row, party), self.viewport())
            elif self.furniture_at(cp) is not None:
                QToolTip.showText(
                    event.globalPos(),
                    "A line of the web page around the article (a link, a credit, a call to subscribe): "
                    "kept in the text, but no one's statement, and left out of parties and exports.",
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class ReaderPane(QWidget):
    """The article's headline and particulars above the reader, and a key to the colours."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.title = QLabel(self)
        self.title.setObjectName("articleTitle")
        self.title.setTextFormat(Qt.PlainText)  # a title is words, never markup
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("articleMeta")
        self.meta.setTextFormat(Qt.PlainText)
        self.meta.setStyleSheet("color: palette(placeholder-text);")
        self.legend = QLabel(self)
        self.legend.setObjectName("readerLegend")
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        self.legend.setTextFormat(Qt.RichText)
        self.reader = ArticleReader(self)
        header = QWidget(self)
        head = QVBoxLayout(header)
        head.setContentsMargins(30, 14, 30, 2)
        head.setSpacing(3)
        head.addWidget(self.title)
        head.addWidget(self.meta)
        head.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.reader, 1)
        self.show_article(None, None, [])

    def show_article(self, context, article: Article | None, rows: list[dict], furniture=()) -> None:
        if article is None:
            self.title.setText("No article open")
            self.meta.setText("Import articles with File › Import, drop files here, or paste text with Ctrl+Shift+V.")
            self.legend.setText("")
        else:
            self.title.setText(article.display_title)
            aside = f"{counted(len(furniture), 'page line')} set aside" if furniture else None
            bits = [article.outlet, article.published, article.byline, counted(len(rows), "statement"), aside]
            self.meta.setText("  ·  ".join(b for b in bits if b))
            self.legend.setText(self._legend())
        self.title.setAlignment(Qt.AlignLeft)
        self.reader.set_article(context, article, rows, furniture)
        if self.reader.rtl:
            self.title.setAlignment(Qt.AlignRight)

    def _legend(self) -> str:
        sample = theme.tint("#888888", theme.CONFIRMED_FILL)
        fill = f"rgba({sample.red()},{sample.green()},{sample.blue()},{sample.alphaF():.2f})"
        return (
            f"<span style='background:{fill}'>&nbsp;solid&nbsp;</span> confirmed &nbsp;&nbsp; "
            "<span style='text-decoration: underline'>&nbsp;underlined&nbsp;</span> suggested"
            " (hover to see why) &nbsp;&nbsp; plain: narration or untagged &nbsp;&nbsp; "
            "<i>dim</i>: the web page around the article"
        )
