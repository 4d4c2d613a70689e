"""Pictures of the human-readable exports for docs/: export-xlsx.png and export-pdf.png.

    python docs/render_exports.py              # both, into docs/
    python docs/render_exports.py --out DIR    # somewhere else

The seed article is tagged as the reference annotation says (parties, topics, links) in
a throwaway project, exported to XLSX and PDF by the same operation the desk and the
command line use, and each file is turned into a picture without any outside program:

- PDF: the first page is painted by the PDF writer's own page painter onto an image,
  so the picture is exactly what the PDF holds (Qt for Python has no PDF renderer here).
- XLSX: the Comparison sheet is read back with openpyxl (an independent reader) and drawn
  as a spreadsheet would show it: column letters, row numbers, fills, fonts, wrapping.

``docs/screenshots.py`` can call ``render(out_dir)``.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
PROJECT_NAME = "Pakistan–Iran strikes, January 2024"
DPI = 110


def _seed_project(folder: Path):
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    from seed_tagging import build_seed

    from app.store.database import Project

    project = Project(folder / f"{PROJECT_NAME}.counterclaim", create=True)
    build_seed(project)
    return project


def render_pdf_page(data, out: Path, page_size: str = "A4", page: int = 0) -> Path:
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter

    from app.io.exporters import pdf

    pdf.ensure_gui_application()
    layout = QPageLayout(QPageSize(pdf.PAGE_SIZES[page_size.lower()]), QPageLayout.Orientation.Landscape,
                         QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter)
    full = layout.fullRectPixels(DPI)
    paint = layout.paintRectPixels(DPI)
    image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    sheet = pdf.SheetLayout(data, image, QRectF(0, 0, paint.width(), paint.height()))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("#D0D0D0"))  # the paper's edge, so the page reads as a page
    painter.drawRect(0, 0, full.width() - 1, full.height() - 1)
    painter.translate(paint.x(), paint.y())
    sheet.paint(painter, page)
    painter.end()
    image.save(str(out))
    return out


def _runs_html(value, base_font) -> str:
    """A cell's text (plain or openpyxl rich text) as HTML runs with their fonts."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    def run(text: str, font) -> str:
        style = []
        if font is not None:
            if getattr(font, "i", None):
                style.append("font-style:italic")
            if getattr(font, "b", None):
                style.append("font-weight:600")
            size = getattr(font, "sz", None)
            if size:
                style.append(f"font-size:{float(size):g}pt")
            color = getattr(font, "color", None)
            if color is not None and color.type == "rgb" and isinstance(color.rgb, str):
                style.append(f"color:#{color.rgb[-6:]}")
        body = html.escape(text).replace("\n", "<br>")
        return f'<span style="{";".join(style)}">{body}</span>'

    if isinstance(value, CellRichText):
        return "".join(run(b.text, b.font) if isinstance(b, TextBlock) else run(str(b), base_font) for b in value)
    return run("" if value is None else str(value), base_font)


def render_xlsx_sheet(path: Path, out: Path, max_rows: int = 40) -> Path:
    """Paint the Comparison sheet as a spreadsheet shows it: the file's column widths and
    row heights (text that does not fit is cut off, as in Excel), fills, borders, fonts."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    from app.io.exporters import pdf

    pdf.ensure_gui_application()
    sheet = openpyxl.load_workbook(path, rich_text=True)["Comparison"]
    columns = sheet.max_column
    rows = min(sheet.max_row, max_rows)
    widths = {c: 8.43 for c in range(1, columns + 1)}
    for dim in sheet.column_dimensions.values():
        if dim.width:
            for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                widths[c] = dim.width
    col_px = [0] + [int(widths[c] * 7 + 5) for c in range(1, columns + 1)]  # Excel: 7 px a character
    row_px = [0] + [int((sheet.row_dimensions[r].height or 15) * 96 / 72) for r in range(1, rows + 1)]
    head_w, head_h, margin, tabs_h = 34, 20, 12, 26
    width = margin * 2 + head_w + sum(col_px)
    height = margin * 2 + head_h + sum(row_px) + tabs_h + 8
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(3780)  # 96 dpi, as a spreadsheet on a normal screen
    image.setDotsPerMeterY(3780)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    base = QFont()
    base.setFamilies(["Carlito", "Calibri", "DejaVu Sans", "Arial"])
    base.setPointSizeF(9)
    painter.setFont(base)

    x0, y0 = margin + head_w, margin + head_h
    xs = [x0]
    for w in col_px[1:]:
        xs.append(xs[-1] + w)
    ys = [y0]
    for h in row_px[1:]:
        ys.append(ys[-1] + h)
    # headers: column letters and row numbers
    painter.fillRect(margin, margin, width - 2 * margin, head_h, QColor("#EFEFEF"))
    painter.fillRect(margin, margin, head_w, ys[-1] - margin, QColor("#EFEFEF"))
    painter.setPen(QColor("#555555"))
    for c in range(1, columns + 1):
        painter.drawText(QRectF(xs[c - 1], margin, col_px[c], head_h), int(Qt.AlignCenter), get_column_letter(c))
    for r in range(1, rows + 1):
        painter.drawText(QRectF(margin, ys[r - 1], head_w, row_px[r]), int(Qt.AlignHCenter | Qt.AlignTop), str(r))
    # cells
    for r in range(1, rows + 1):
        for c in range(1, columns + 1):
            _paint_cell(painter, sheet.cell(row=r, column=c), QRectF(xs[c - 1], ys[r - 1], col_px[c], row_px[r]), base)
    # frozen panes: the line under row 1 and right of column A, as Excel draws it
    painter.setPen(QPen(QColor("#7F7F7F"), 2))
    painter.drawLine(margin, ys[1], xs[-1], ys[1])
    painter.drawLine(xs[1], margin, xs[1], ys[-1])
    # sheet tabs
    x, y = margin, ys[-1] + 8
    for i, name in enumerate(["Comparison", "Statements", "Links", "Sources"]):
        tab_font = QFont(base)
        tab_font.setBold(i == 0)
        painter.setFont(tab_font)
        w = painter.fontMetrics().horizontalAdvance(name) + 20
        painter.fillRect(x, y, w, tabs_h - 4, QColor("white" if i == 0 else "#F2F2F2"))
        painter.setPen(QColor("#BFBFBF"))
        painter.drawRect(x, y, w, tabs_h - 4)
        painter.setPen(QColor("#222222" if i == 0 else "#555555"))
        painter.drawText(QRectF(x, y, w, tabs_h - 4), int(Qt.AlignCenter), name)
        x += w + 2
    painter.end()
    image.save(str(out))
    return out


def _paint_cell(painter, cell, rect, base) -> None:
    """One spreadsheet cell: its fill, the grid line, a thick party-coloured left border, its text."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFont, QPen, QTextDocument, QTextOption

    if cell.fill is not None and cell.fill.fill_type == "solid" and isinstance(cell.fill.fgColor.rgb, str):
        painter.fillRect(rect, QColor("#" + cell.fill.fgColor.rgb[-6:]))
    painter.setPen(QPen(QColor("#D4D4D4"), 1))
    painter.drawRect(rect)
    left = cell.border.left
    if left is not None and left.style == "thick" and left.color is not None and isinstance(left.color.rgb, str):
        painter.fillRect(QRectF(rect.x(), rect.y(), 3, rect.height()), QColor("#" + left.color.rgb[-6:]))
    if cell.value is None:
        return
    document = QTextDocument()
    document.setDocumentMargin(3)
    font = QFont(base)
    font.setPointSizeF(float(cell.font.sz or 11) * 0.82)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if cell.alignment.wrap_text
                       else QTextOption.WrapMode.NoWrap)
    document.setDefaultTextOption(option)
    align = {"center": "center", "right": "right"}.get(cell.alignment.horizontal or "", "left")
    document.setHtml(f'<p align="{align}">{_runs_html(cell.value, cell.font)}</p>')
    document.setTextWidth(rect.width())
    dy = 0.0
    if cell.alignment.vertical == "center":
        dy = max(0.0, (rect.height() - document.size().height()) / 2)
    painter.save()
    painter.setClipRect(rect.adjusted(1, 1, -1, -1))
    painter.translate(rect.x(), rect.y() + dy)
    document.drawContents(painter, QRectF(0, 0, rect.width(), rect.height() - dy))
    painter.restore()


def render(out_dir: Path = DOCS) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    from app.ops.exporting import export, gather

    with tempfile.TemporaryDirectory(prefix="counterclaim-exports-") as folder:
        folder = Path(folder)
        project = _seed_project(folder)
        try:
            xlsx = export(project, "xlsx", folder / "comparison.xlsx").path
            export(project, "pdf", folder / "comparison.pdf")
            data = gather(project)
        finally:
            project.close()
        made = [
            render_xlsx_sheet(xlsx, out_dir / "export-xlsx.png"),
            render_pdf_page(data, out_dir / "export-pdf.png"),
        ]
    return made


def render_languages(out_dir: Path = DOCS) -> list[Path]:
    """The same two pictures for a project in Arabic, Urdu and French (tests/core/langeval),
    with suggested topics: right-to-left cells and pages (issue 16)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from app.ops import topic_suggesting
    from app.ops.exporting import export, gather
    from app.ops.importing import import_files
    from app.store.database import Project

    out_dir = Path(out_dir)
    files = [p for lang in ("ar", "ur", "fr") for p in sorted((REPO / "tests/core/langeval" / lang).glob("*.txt"))]
    with tempfile.TemporaryDirectory(prefix="counterclaim-exports-") as folder:
        folder = Path(folder)
        with Project(folder / "Languages.counterclaim", create=True) as project:
            import_files(project, files)
            topic_suggesting.suggest(project, count=3)
            xlsx = export(project, "xlsx", folder / "languages.xlsx").path
            data = gather(project)
        return [render_xlsx_sheet(xlsx, out_dir / "export-languages-xlsx.png"),
                render_pdf_page(data, out_dir / "export-languages-pdf.png")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    for path in [*render(args.out), *render_languages(args.out)]:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
