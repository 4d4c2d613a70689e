"""The XLSX tables read on screen and on paper: row heights for wrapped text, one page wide, headers repeated.

Checked in the file (openpyxl) and, where LibreOffice is installed, in LibreOffice's own
rendering: the Statements, Links and Sources sheets are printed to PDF, no two lines of text
are drawn over each other, and the columns are not shrunk to an unreadable scale. With
``pdftoppm`` the pages are also turned into PNG files to look at (kept in the test's folder).
"""

from __future__ import annotations

import math
import shutil
import subprocess

import pytest
from safety_article import add_article

from app.io.exporters import xlsx
from app.io.exporters._common import LINK_HEADERS, SOURCE_HEADERS, STATEMENT_HEADERS
from app.ops.exporting import export
from app.store import links

openpyxl = pytest.importorskip("openpyxl")

LONG = ("The ministry said in a statement that the strikes had targeted only the hideouts of militants "
        "who had planned attacks across the border, and that no civilians had been harmed in the operation, "
        "a claim local officials disputed within hours, saying two children and three women were killed.")
TABLES = {"Statements": STATEMENT_HEADERS, "Links": LINK_HEADERS, "Sources": SOURCE_HEADERS}


@pytest.fixture
def workbook_path(project, tmp_path):
    previous = None
    for a, party in enumerate(("Iran", "Pakistan", "Baloch separatists")):
        sentences = [f"{a}.{i}. " + LONG[: 40 + (i * 37) % len(LONG)] for i in range(10)]
        ids = add_article(project, sentences, party=party,
                          title=f"Article {a}: a rather long headline about the cross-border strikes and what followed")
        with project.transaction():
            project.execute("UPDATE articles SET source_path = ? WHERE id = ?",
                            (f"/home/reporter/Documents/Investigations/2024/strikes/article-{a}-long-name.html", a + 1))
            if previous:
                links.add(project, previous[0], ids[-1], "contradicts", "They disagree about who was hit and how")
        previous = ids
    out = tmp_path / "sheet.xlsx"
    export(project, "xlsx", out)
    return out


def _widths(sheet, columns: int) -> list[float]:
    """Each column's width (openpyxl groups neighbours of equal width into one entry)."""
    found = {}
    for dim in sheet.column_dimensions.values():
        for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
            found[c] = dim.width
    return [found[c] for c in range(1, columns + 1)]


def test_wrapped_rows_have_heights_to_match(workbook_path):
    sheet = openpyxl.load_workbook(workbook_path)["Statements"]
    text_col = STATEMENT_HEADERS.index("Text") + 1
    width = _widths(sheet, text_col)[-1]
    assert sheet.cell(row=1, column=text_col).value == "Text"
    checked = 0
    for r in range(2, sheet.max_row + 1):
        text = sheet.cell(row=r, column=text_col).value
        assert sheet.cell(row=r, column=text_col).alignment.wrap_text
        lines = math.ceil(len(text) / (width * 1.3))  # fewer lines than any font needs at that width
        height = sheet.row_dimensions[r].height
        if lines > 1:
            assert height is not None and height >= lines * 13, (r, len(text), height)
            checked += 1
    assert checked >= 10
    sources = openpyxl.load_workbook(workbook_path)["Sources"]
    assert all((sources.row_dimensions[r].height or 0) >= 30 for r in range(2, sources.max_row + 1))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_tables_print_landscape_one_page_wide_with_the_header_on_every_page(workbook_path, name):
    sheet = openpyxl.load_workbook(workbook_path)[name]
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth or 1) == 1 and int(setup.fitToHeight) == 0  # one page wide, as many pages down
    assert sheet.print_title_rows in ("1:1", "$1:$1")
    widths = _widths(sheet, len(TABLES[name]))
    assert sum(widths) <= 215, widths  # at most ~215 characters: printed at 70 % or more on landscape A4
    if name == "Sources":
        column = SOURCE_HEADERS.index("SHA-256") + 1
        assert widths[column - 1] <= 20
        assert sheet.cell(row=2, column=column).alignment.wrap_text  # the fingerprint wraps, never widens the page


# -- in LibreOffice --------------------------------------------------------------------------------


def _fragments(page):
    """(x, y, text) of every piece of text LibreOffice drew on a PDF page."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    return out


# Two one-word headers side by side on each sheet: the distance between them gives the scale.
PAIRS = {"Statements": ("Statement", "Article"), "Links": ("Note", "Status"), "Sources": ("Article", "Title")}


def _header_positions(fragments, headers):
    """x of each one-word header on the page's header line (the line holding most of them)."""
    words = {h for h in headers if " " not in h}
    by_line: dict[int, dict[str, float]] = {}
    for x, y, text in fragments:
        if text in words:
            by_line.setdefault(round(y), {}).setdefault(text, x)
    return max(by_line.values(), key=len) if by_line else {}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_tables_readably(workbook_path, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook_path)],
        capture_output=True, text=True, timeout=240,
    )
    pdf = tmp_path / "sheet.pdf"
    assert pdf.is_file(), result.stderr
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
        assert list(tmp_path.glob("page-*.png"))
    seen = set()
    for page in pypdf.PdfReader(str(pdf)).pages:
        fragments = _fragments(page)
        for name, headers in TABLES.items():
            found = _header_positions(fragments, headers)
            if len(found) < len([h for h in headers if " " not in h]) - 1:
                continue
            seen.add(name)
            # not shrunk: a column is at least 70 % of its width at full scale
            first, second = PAIRS[name]
            full = (getattr(xlsx, f"{name[:-1].upper()}_WIDTHS")[first] * 7 + 5) * 0.75
            assert found[second] - found[first] >= 0.7 * full, (name, found[second] - found[first], full)
            # no line of text drawn on top of another (wrapped text spilling into the next row)
            for i, (x1, y1, t1) in enumerate(fragments):
                for x2, y2, t2 in fragments[i + 1:]:
                    assert not (abs(x1 - x2) < 1.5 and abs(y1 - y2) < 3 and t1 != t2), (name, t1, t2)
    assert seen == set(TABLES)
