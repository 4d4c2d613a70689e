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
from app.io.exporters._common import (
    LINK_HEADERS,
    SOURCE_HEADERS,
    STATEMENT_HEADERS,
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
MAX_ROW_HEIGHT = 409.0  # Excel's limit
EMPTY = "—"


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
        _table(workbook, "Statements", STATEMENT_HEADERS, statement_rows(data), step,
               widths={"Text": 80, "Title": 30, "Topics": 28, "Note": 30}, wrap=("Text", "Note"))
        _table(workbook, "Links", LINK_HEADERS, link_rows(data), step,
               widths={"From text": 60, "To text": 60, "From citation": 40, "To citation": 40, "Note": 30},
               wrap=("From text", "To text", "Note"))
        _table(workbook, "Sources", SOURCE_HEADERS, source_rows(data), step,
               widths={"Title": 50, "File": 40, "Byline": 24, "SHA-256": 20})
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
    empty = workbook.add_format({**base, "font_color": "#808080", "align": "center", "valign": "vcenter"})
    citation = workbook.add_format({"italic": True, "font_color": "#595959", "font_size": 9})
    quote = workbook.add_format({"font_size": 10})
    suggested = workbook.add_format({"font_size": 10, "font_color": "#7F7F7F"})

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
                fragments += [suggested if entry.status == "suggested" else quote, piece, citation, tail]
                plain_length += len(piece) + len(tail)
                shown += 1
            if shown < len(entries):
                more = f"\n\n… and {len(entries) - shown} more (see the Statements sheet)"
                fragments += [citation, more]
            if len(fragments) == 2:  # a lone fragment: write_rich_string needs two runs
                sheet.write_string(r, c, fragments[1], body)
            else:
                sheet.write_rich_string(r, c, *fragments, body)
            cell_text = "".join(f for f in fragments if isinstance(f, str))
            lines = max(lines, _estimate_lines(cell_text, int(PARTY_WIDTH * 1.1)))
        sheet.set_row(r, min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * 0.9 + 6))
    step(len(data.statements), "Comparison")

    sheet.freeze_panes(1, 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4; fits Letter as well since the width is scaled to one page
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.repeat_columns(0)
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    header_name = data.project_name.replace("&", "&&")
    sheet.set_header(f"&L&B{header_name}&RExported {data.exported_at[:10]}")
    sheet.set_footer("&LCounterclaim comparison sheet&RPage &P of &N")
    sheet.activate()


def _table(workbook, name, headers, rows, step, widths=None, wrap=()) -> None:
    sheet = workbook.add_worksheet(name)
    head = workbook.add_format({"bold": True, "bg_color": "#404040", "font_color": "#FFFFFF", "valign": "top", "border": 1})
    plain = workbook.add_format({"valign": "top"})
    wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
    widths = widths or {}
    formats = [wrapped if header in wrap else plain for header in headers]
    for c, header in enumerate(headers):
        sheet.write_string(0, c, header, head)
        sheet.set_column(c, c, widths.get(header, max(10, len(header) + 2)))
    r = 0
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            _put(sheet, r, c, value, formats[c])
        if r % 2000 == 0:
            step(2000, name)
    step(r % 2000, name)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(r, 1), len(headers) - 1)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_footer("&RPage &P of &N")
