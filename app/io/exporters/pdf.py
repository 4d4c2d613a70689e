"""PDF: the comparison sheet for a lawyer or an editor's desk, drawn by Qt.

QtGui only (``QTextDocument`` laid out on a ``QPdfWriter``): landscape A4 or Letter,
party-coloured column headers repeated on every page, a citation under every statement,
the project name and export date in a header and "Page N of M" in a footer.

QtGui needs a ``QGuiApplication``. In the desk one exists; from the command line or a
test, one is created with the offscreen platform, so no display is ever needed.
"""

from __future__ import annotations

import html as _html
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app import __version__
from app.core.comparison import normalise_color, readable_text_color, tint
from app.core.errors import CounterclaimError
from app.core.text import is_right_to_left
from app.core.words import counted
from app.io.exporters._common import SUGGESTED_LEGEND, Cancelled, Progress, check_cancel, party_label, scope_text
from app.io.exporters._output import atomic_output

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
CITE_STYLE = 'style="color:#595959; font-size:7pt; font-style:italic"'
TABLE_CHUNK = 100  # statements per table (see document_html)
RESOLUTION = 300  # dots per inch of the layout; text and lines stay vector in the PDF
_APP = None  # the QGuiApplication this module created, kept alive for the process


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one when there is none."""
    global _APP
    app = QCoreApplication.instance()
    if app is None:
        argv = ["counterclaim"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]
        _APP = QGuiApplication(argv)
        return _APP
    if not isinstance(app, QGuiApplication):
        raise CounterclaimError(
            "PDF export needs Qt's graphics; this program started Qt without them. "
            "Export to HTML and print that instead."
        )
    return app


def _esc(text) -> str:
    return _html.escape("" if text is None else str(text), quote=True)


def document_html(data, cancelled: Cancelled | None = None) -> str:
    """The sheet as the HTML subset QTextDocument understands."""
    grid = data.grid()
    scope = scope_text(data)
    sources = len({s["article_id"] for s in data.statements}) or len(data.articles)
    out = [
        "<html><body>",
        '<p style="font-size:14pt; font-weight:600; margin-bottom:2pt">Comparison sheet</p>',
        f'<p style="color:#595959; font-size:8pt; margin-top:0">{counted(len(grid.columns), "party")} · '
        f"{counted(len(grid.rows), 'topic')} · {counted(grid.statement_count, 'statement')} from "
        f"{counted(sources, 'article')} · {_esc(scope)}</p>",
        f'<p style="color:#595959; font-size:7pt; font-style:italic; margin-top:0">{_esc(SUGGESTED_LEGEND)}</p>',
    ]
    if not (grid.rows and grid.columns):
        out.append("<p>No topics or parties to compare yet: assign statements to topics first.</p></body></html>")
        return "".join(out)
    topic_width = 16
    party_width = (100 - topic_width) / max(1, len(grid.columns))
    head = [f'<thead><tr><th width="{topic_width}%" bgcolor="#404040" align="left"><span style="color:#FFFFFF">Topic</span></th>']
    for column in grid.columns:
        color = normalise_color(column.color)
        head.append(
            f'<th width="{party_width:.2f}%" bgcolor="{color}" align="left">'
            f'<span style="color:{readable_text_color(color)}; font-size:10pt">{_esc(column.name)}</span></th>'
        )
    head.append("</tr></thead>")
    table_open = (
        '<table width="100%" cellspacing="0" cellpadding="5" border="1" '
        'style="border-color:#BFBFBF; border-collapse:collapse; margin-top:0; margin-bottom:0">' + "".join(head) + "<tbody>"
    )
    # Qt walks every paragraph of a table to paint each page, so one giant table makes a
    # long sheet quadratic. A new table (its header row repeated) every few hundred
    # statements, at a topic boundary, keeps each page's work small.
    out.append(table_open)
    in_table = 0
    for r, row in enumerate(grid.rows):
        check_cancel(cancelled)
        cells = grid.row_cells(r)
        size = sum(len(entries) for entries in cells)
        if in_table and in_table + size > TABLE_CHUNK:
            out.append("</tbody></table>" + table_open)
            in_table = 0
        in_table += size
        out.append(
            f'<tr><td bgcolor="{tint(row.color, 0.85)}"><span style="font-weight:600; font-size:9pt">{_esc(row.name)}</span></td>'
        )
        for entries in cells:
            if not entries:
                out.append('<td align="center"><span style="color:#8A8A8A">—</span></td>')
                continue
            # Few formats per entry: the default font for the words, one run for the citation.
            pieces = []
            for entry in entries:
                words = _esc(entry.text)
                rtl = is_right_to_left(entry.text)
                if entry.status == "suggested":
                    # Arabic script has no italics (and most fonts draw none): grey alone marks it
                    slant = "" if rtl else "; font-style:italic"
                    words = f'<span style="color:#555555{slant}">{words}</span>'
                    cite = _esc(entry.citation.short()) + " (suggested)"
                else:
                    cite = _esc(entry.citation.short())
                side = ' dir="rtl" align="right"' if rtl else ""
                cite_style = CITE_STYLE.replace("; font-style:italic", "") if is_right_to_left(cite) else CITE_STYLE
                pieces.append(f'<p style="margin-bottom:4pt"{side}>{words}<br><span {cite_style}>{cite}</span></p>')
            out.append("<td>" + "".join(pieces) + "</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if data.links:
        out.append('<p style="font-size:11pt; font-weight:600; margin-top:12pt">Counterclaims</p>')
        for link in data.links:
            a = data.statements_by_id[link["source_id"]]
            b = data.statements_by_id[link["target_id"]]
            note = f" — {_esc(link['note'])}" if link.get("note") else ""
            out.append(
                f'<p style="font-size:8pt; margin-bottom:3pt"><b>{_esc(party_label(a))}</b>: {_esc(a["text"])} '
                f'<i>{_esc(link["relation"])}</i> <b>{_esc(party_label(b))}</b>: {_esc(b["text"])}{note}</p>'
            )
    out.append("</body></html>")
    return "".join(out)


class SheetLayout:
    """A laid-out sheet: the document, page geometry and how to paint page ``n``.

    Used by ``write`` for the PDF and by the docs script to render the same pages to
    pictures, so the picture is exactly what the PDF holds.
    """

    def __init__(self, data, device, page_rect: QRectF, cancelled: Cancelled | None = None):
        self.data = data
        self.width = page_rect.width()
        self.height = page_rect.height()
        dpi = device.logicalDpiY()
        self.header_height = 0.32 * dpi
        self.footer_height = 0.28 * dpi
        self.body_height = self.height - self.header_height - self.footer_height
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(device)
        font = QFont()
        font.setFamilies(["DejaVu Sans", "Noto Sans", "Arial", "Helvetica"])
        font.setPointSizeF(8.5)
        self.document.setDefaultFont(font)
        self.document.setDocumentMargin(0)
        self.document.setHtml(document_html(data, cancelled))
        self.document.setPageSize(QSizeF(self.width, self.body_height))
        self.font = font
        self.dpi = dpi

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def paint(self, painter: QPainter, page: int) -> None:
        total = self.page_count
        header_font = QFont(self.font)
        header_font.setPointSizeF(8)
        painter.setFont(header_font)
        painter.setPen(QColor("#404040"))
        top = QRectF(0, 0, self.width, self.header_height * 0.7)
        bold = QFont(header_font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(top, int(Qt.AlignLeft | Qt.AlignVCenter), self.data.project_name)
        painter.setFont(header_font)
        stamp = self.data.exported_at[:16].replace("T", " ")
        painter.drawText(top, int(Qt.AlignRight | Qt.AlignVCenter), f"Exported {stamp}")
        pen = QPen(QColor("#808080"))
        pen.setWidthF(self.dpi / 150)
        painter.setPen(pen)
        painter.drawLine(0, int(self.header_height * 0.78), int(self.width), int(self.header_height * 0.78))

        painter.save()
        painter.translate(0, self.header_height)
        painter.setClipRect(QRectF(0, 0, self.width, self.body_height))
        painter.translate(0, -page * self.body_height)
        self.document.drawContents(painter, QRectF(0, page * self.body_height, self.width, self.body_height))
        painter.restore()

        painter.setFont(header_font)
        painter.setPen(QColor("#595959"))
        bottom = QRectF(0, self.height - self.footer_height * 0.8, self.width, self.footer_height * 0.8)
        painter.drawText(bottom, int(Qt.AlignLeft | Qt.AlignVCenter), f"Counterclaim {__version__} · comparison sheet")
        painter.drawText(bottom, int(Qt.AlignRight | Qt.AlignVCenter), f"Page {page + 1} of {total}")


def write(
    data,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    page_size: str = "A4",
) -> None:
    size_id = PAGE_SIZES.get(page_size.strip().lower())
    if size_id is None:
        raise CounterclaimError(f"“{page_size}” is not a page size; use A4 or Letter.")
    ensure_gui_application()
    # Qt does not report a failed write (a full disk gave a short, unreadable PDF), so the
    # pages are drawn into memory and written through the checked output.
    pdf = QByteArray()
    device = QBuffer(pdf)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{data.project_name} — comparison sheet")
    writer.setCreator(f"Counterclaim {__version__}")
    layout = QPageLayout(QPageSize(size_id), QPageLayout.Orientation.Landscape, QMarginsF(12, 10, 12, 10),
                         QPageLayout.Unit.Millimeter)
    writer.setPageLayout(layout)
    sheet = SheetLayout(data, writer, QRectF(writer.pageLayout().paintRectPixels(RESOLUTION)), cancelled)
    total = sheet.page_count
    painter = QPainter()
    if not painter.begin(writer):
        raise CounterclaimError("Qt could not start drawing the PDF; nothing was written.")
    try:
        for page in range(total):
            check_cancel(cancelled)
            if page:
                writer.newPage()
            sheet.paint(painter, page)
            if progress is not None:
                progress(page + 1, total, "Pages")
    finally:
        painter.end()
    del writer
    device.close()
    body = pdf.data()
    if not body.rstrip().endswith(b"%%EOF"):
        raise CounterclaimError("Qt did not finish the PDF; nothing was written.")
    with atomic_output(path) as out:
        out.write(body)
