"""XLSX: the comparison sheet an editor opens in Excel, LibreOffice or Numbers.

Sheets: ``Comparison`` (topics down, parties across, party-coloured headers, every cell
its statements with citations), ``Statements`` (one row each), ``Links`` and ``Sources``.
Every text cell is written with ``write_string`` after the OWASP formula rule, so nothing
a statement says can run as a formula or become a link.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import xlsxwriter

from app.core.comparison import normalise_color, readable_text_color, tint
from app.core.text import is_right_to_left
from app.io.exporters._common import (
    LINK_HEADERS,
    SOURCE_HEADERS,
    STATEMENT_HEADERS,
    SUGGESTED_LEGEND,
    Cancelled,
    Progress,
    check_cancel,
    link_rows,
    neutralise,
    source_rows,
    statement_rows,
    xml_safe,
)
from app.io.exporters._output import atomic_output

CELL_LIMIT = 32_767  # characters Excel allows in one cell
TOPIC_WIDTH = 26
PARTY_WIDTH = 48
LINE_HEIGHT = 15.0  # points per line of 11-point text
SMALL_LINE_HEIGHT = 11.0  # points per line of 8-point text
CHARS_PER_WIDTH = 1.15  # characters of prose per unit of column width (one "0"), a little cautious
CHARS_SMALL = 1.3  # the same for 8-point text (the fingerprint)
MAX_ROW_HEIGHT = 409.0  # Excel's limit
EMPTY = "—"
SUGGESTED_NOTE = "Grey italics, “(suggested)”: not yet confirmed"

# Column widths (in "0" characters) chosen so each table prints one landscape page wide at
# a readable scale (about 75 % or more); long text wraps, with row heights to match.
STATEMENT_WIDTHS = {"Statement": 10, "Article": 7, "Title": 18, "Outlet": 10, "Date": 10, "Paragraph": 10,
                    "Text": 44, "Party": 10, "Status": 10, "Kind": 9, "Speaker": 10, "Cue": 8, "Topics": 14,
                    "Start": 7, "End": 7, "Note": 14}
STATEMENT_WRAP = ("Title", "Outlet", "Text", "Party", "Speaker", "Topics", "Note")
LINK_WIDTHS = {"Link": 6, "From statement": 10, "From party": 11, "Relation": 12, "To statement": 10,
               "To party": 11, "Note": 16, "Status": 10, "From text": 36, "To text": 36, "From citation": 20,
               "To citation": 20}
LINK_WRAP = ("From statement", "From party", "To statement", "To party", "Note", "From text", "To text",
             "From citation", "To citation")
SOURCE_WIDTHS = {"Article": 7, "Title": 26, "Outlet": 14, "Byline": 16, "Date": 10, "Language": 9, "File": 24,
                 "Format": 8, "Imported": 20, "SHA-256": 17}
SOURCE_WRAP = ("Title", "Outlet", "Byline", "File", "Imported", "SHA-256")


def _cell_text(value) -> str:
    return xml_safe(neutralise(value))


def _put(sheet, row: int, col: int, value, fmt) -> None:
    """Numbers as numbers, everything else as a neutralised string — never a formula or URL."""
    if isinstance(value, bool) or value is None:
        sheet.write_string(row, col, _cell_text("" if value is None else str(value)), fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, _cell_text(value), fmt)


def _estimate_lines(text: str, width_chars: int) -> int:
    return sum(max(1, math.ceil(len(line) / width_chars)) for line in text.split("\n"))


def write(data, path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    total = 2 * len(data.statements) + len(data.links) + len(data.articles) + 1
    done = 0

    def step(amount: int, label: str) -> None:
        nonlocal done
        done += amount
        if progress is not None:
            progress(min(done, total), total, label)
        check_cancel(cancelled)

    # The workbook is zipped in memory, then written through the checked output: a full
    # disk fails one write we catch, never a ZipFile left half-open for its destructor.
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "nan_inf_to_errors": True,
            "in_memory": True,
        },
    )
    try:
        workbook.set_properties(
            {
                "title": f"{data.project_name} — comparison",
                "subject": "Competing narratives by topic and party",
                "author": "Counterclaim",
                "comments": f"Exported {data.exported_at}",
            }
        )
        workbook.use_zip64()
        _comparison(workbook, data, step)
        status = STATEMENT_HEADERS.index("Status")
        _table(workbook, "Statements", STATEMENT_HEADERS, statement_rows(data), step,
               widths=STATEMENT_WIDTHS, wrap=STATEMENT_WRAP, italic_when=lambda row: row[status] == "suggested")
        _table(workbook, "Links", LINK_HEADERS, link_rows(data), step, widths=LINK_WIDTHS, wrap=LINK_WRAP)
        _table(workbook, "Sources", SOURCE_HEADERS, source_rows(data), step, widths=SOURCE_WIDTHS,
               wrap=SOURCE_WRAP, small=("SHA-256",))
        check_cancel(cancelled)
        workbook.close()
    finally:
        workbook.fileclosed = True  # whatever happened, nothing is left for later to write
    with atomic_output(path) as out:
        out.write(buffer.getbuffer())


def _comparison(workbook, data, step) -> None:
    sheet = workbook.add_worksheet("Comparison")
    grid = data.grid()
    base = {"text_wrap": True, "valign": "top", "border": 1, "border_color": "#BFBFBF", "font_size": 10}
    corner = workbook.add_format({**base, "bold": True, "font_size": 11, "bg_color": "#404040", "font_color": "#FFFFFF", "valign": "vcenter"})
    body = workbook.add_format(base)
    body_rtl = workbook.add_format({**base, "reading_order": 2, "align": "right"})  # Arabic-script cells
    empty = workbook.add_format({**base, "font_color": "#808080", "align": "center", "valign": "vcenter"})
    citation = workbook.add_format({"italic": True, "font_color": "#595959", "font_size": 9})
    citation_rtl = workbook.add_format({"font_color": "#595959", "font_size": 9})  # no italics in Arabic script
    quote = workbook.add_format({"font_size": 10})
    suggested = workbook.add_format({"font_size": 10, "font_color": "#7F7F7F", "italic": True})
    suggested_rtl = workbook.add_format({"font_size": 10, "font_color": "#7F7F7F"})

    sheet.set_column(0, 0, TOPIC_WIDTH)
    sheet.set_column(1, max(1, len(grid.columns)), PARTY_WIDTH)
    sheet.write_string(0, 0, "Topic", corner)
    sheet.set_row(0, 30)
    for c, column in enumerate(grid.columns, start=1):
        color = normalise_color(column.color)
        header = workbook.add_format(
            {**base, "bold": True, "font_size": 11, "bg_color": color, "font_color": readable_text_color(color),
             "align": "center", "valign": "vcenter"}
        )
        sheet.write_string(0, c, _cell_text(column.name), header)

    for r, row in enumerate(grid.rows, start=1):
        topic_color = normalise_color(row.color)
        topic_format = workbook.add_format(
            {**base, "bold": True, "font_size": 11, "bg_color": tint(topic_color, 0.8), "left": 5,
             "left_color": topic_color}
        )
        sheet.write_string(r, 0, _cell_text(row.name), topic_format)
        lines = _estimate_lines(row.name, TOPIC_WIDTH)
        for c, entries in enumerate(grid.row_cells(r - 1), start=1):
            if not entries:
                sheet.write_string(r, c, EMPTY, empty)
                continue
            fragments: list = []
            plain_length = 0
            shown = 0
            for i, entry in enumerate(entries):
                text = _cell_text(entry.text) if i == 0 else xml_safe(entry.text)
                cite = xml_safe(entry.citation.short())
                if entry.status == "suggested":
                    cite += " (suggested)"
                piece = ("\n\n" if i else "") + text
                tail = "\n— " + cite
                if plain_length + len(piece) + len(tail) + 80 > CELL_LIMIT:
                    break
                look = suggested if entry.status == "suggested" else quote
                if look is suggested and is_right_to_left(entry.text):
                    look = suggested_rtl  # Arabic script has no italics: grey alone marks it
                fragments += [look, piece, citation_rtl if is_right_to_left(cite) else citation, tail]
                plain_length += len(piece) + len(tail)
                shown += 1
            if shown < len(entries):
                more = f"\n\n… and {len(entries) - shown} more (see the Statements sheet)"
                fragments += [citation, more]
            cell = body_rtl if is_right_to_left(entries[0].text) else body
            if len(fragments) == 2:  # a lone fragment: write_rich_string needs two runs
                sheet.write_string(r, c, fragments[1], cell)
            else:
                sheet.write_rich_string(r, c, *fragments, cell)
            cell_text = "".join(f for f in fragments if isinstance(f, str))
            lines = max(lines, _estimate_lines(cell_text, int(PARTY_WIDTH * 1.1)))
        sheet.set_row(r, min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * 0.9 + 6))
    step(len(data.statements), "Comparison")
    # The legend: a note on the corner cell on screen, the page header on paper (cells
    # below or beside the grid would be read as one more topic or party).
    sheet.write_comment(0, 0, SUGGESTED_LEGEND, {"visible": False, "x_scale": 2, "y_scale": 1.2})

    sheet.freeze_panes(1, 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4; fits Letter as well since the width is scaled to one page
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.repeat_columns(0)
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    header_name = data.project_name.replace("&", "&&")
    sheet.set_header(f"&L&B{header_name}&C&I{SUGGESTED_NOTE}&RExported {data.exported_at[:10]}")
    sheet.set_footer("&LCounterclaim comparison sheet&RPage &P of &N")
    sheet.activate()


def _row_height(values, headers, widths, wrap, small) -> float:
    """Points for a row whose wrapped cells need several lines (LibreOffice does not grow rows itself)."""
    lines, small_lines = 1, 1
    for header, value in zip(headers, values):
        if header not in wrap or not isinstance(value, str) or not value:
            continue
        if header in small:
            small_lines = max(small_lines, _estimate_lines(value, int(widths[header] * CHARS_SMALL)))
        else:
            lines = max(lines, _estimate_lines(value, int(widths[header] * CHARS_PER_WIDTH)))
    return min(MAX_ROW_HEIGHT, max(lines * LINE_HEIGHT, small_lines * SMALL_LINE_HEIGHT) + 3)


def _table(workbook, name, headers, rows, step, widths=None, wrap=(), small=(), italic_when=None) -> None:
    """One record per row; wrapped columns get row heights, and the sheet prints landscape,
    one page wide (as many pages down as it takes), the header row on every page."""
    sheet = workbook.add_worksheet(name)
    head = workbook.add_format({"bold": True, "bg_color": "#404040", "font_color": "#FFFFFF", "valign": "top",
                                "border": 1, "text_wrap": True})
    looks = {}
    for italic in (False, True):
        for rtl in (False, True):  # a right-to-left cell reads from the right (Arabic, Persian, Urdu)
            extra = {"italic": True, "font_color": "#595959"} if italic else {}
            if rtl:
                extra = {**extra, "reading_order": 2, "align": "right"}
            looks[italic, rtl] = [
                workbook.add_format({"valign": "top", **({"text_wrap": True} if header in wrap else {}),
                                     **({"font_size": 8} if header in small else {}), **extra})
                for header in headers
            ]
    widths = {header: (widths or {}).get(header, max(8, len(header) + 2)) for header in headers}
    for c, header in enumerate(headers):
        sheet.write_string(0, c, header, head)
        sheet.set_column(c, c, widths[header])
    if any(len(header) + 1 > widths[header] for header in headers):
        sheet.set_row(0, 2 * LINE_HEIGHT)
    r = 0
    for r, values in enumerate(rows, start=1):
        italic = bool(italic_when and italic_when(values))
        for c, value in enumerate(values):
            rtl = isinstance(value, str) and is_right_to_left(value)
            _put(sheet, r, c, value, looks[italic, rtl][c])
        height = _row_height(values, headers, widths, wrap, small)
        if height > LINE_HEIGHT + 3:
            sheet.set_row(r, height)
        if r % 2000 == 0:
            step(2000, name)
    step(r % 2000, name)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(r, 1), len(headers) - 1)
    sheet.hide_gridlines(0)  # a table reads better on paper with its lines
    sheet.set_landscape()
    sheet.set_paper(9)  # A4; the width is scaled to one page, so Letter fits too
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer(f"&L{name}&RPage &P of &N")
