"""Wherever an export names the party of a statement whose tag is only suggested, it says "(suggested)".

The grid and the statement lists already marked suggestions; the link sections (Counterclaims
in HTML, Markdown and PDF, the Links sheet of XLSX) named the party bare, so a suggestion passed
for a decision. The project (tests/export_cases.py) links a confirmed Iran statement to one whose
Pakistan tag is only suggested.
"""

from __future__ import annotations

import re

import pytest
from export_cases import CONFIRMED, SUGGESTED, build

from app.io.exporters._common import party_label
from app.ops.exporting import export, gather


@pytest.fixture
def linked(project):
    build(project)
    return project


def _counterclaims(text: str, start: str) -> str:
    return text[text.index(start):]


def test_party_label_marks_only_suggestions():
    assert party_label({"party": "Hamas", "status": "suggested"}) == "Hamas (suggested)"
    assert party_label({"party": "Hamas", "status": "confirmed"}) == "Hamas"
    assert party_label({"party": None, "status": "suggested"}) == "narration (suggested)"
    assert party_label({"party": None, "status": None}) == "narration"


def test_markdown_counterclaims_mark_the_suggested_side(linked, tmp_path):
    export(linked, "md", tmp_path / "x.md")
    section = _counterclaims((tmp_path / "x.md").read_text(encoding="utf-8"), "## Counterclaims")
    line = next(line for line in section.splitlines() if SUGGESTED[:20] in line)
    assert "**Pakistan (suggested)**" in line
    assert "**Iran**" in line and "Iran (suggested)" not in line


def test_html_counterclaims_mark_the_suggested_side(linked, tmp_path):
    export(linked, "html", tmp_path / "x.html")
    section = _counterclaims((tmp_path / "x.html").read_text(encoding="utf-8"), '<section id="links">')
    row = re.search(r"<tr><td>.*?</tr>", section, re.S).group(0)
    assert re.search(r"Pakistan</strong>\s*<span class=\"tag\">suggested</span>|Pakistan \(suggested\)", row)
    assert "Iran (suggested)" not in row


def test_pdf_counterclaims_mark_the_suggested_side(linked, tmp_path):
    from app.io.exporters.pdf import document_html

    html = document_html(gather(linked))
    section = _counterclaims(html, ">Counterclaims<")
    assert "<b>Pakistan (suggested)</b>" in section
    assert "<b>Iran</b>" in section


def test_xlsx_links_sheet_marks_the_suggested_side(linked, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    export(linked, "xlsx", tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["Links"]
    headers = [c.value for c in sheet[1]]
    row = {h: c.value for h, c in zip(headers, sheet[2], strict=False)}
    assert row["To text"] == SUGGESTED and row["To party"] == "Pakistan (suggested)"
    assert row["From text"] == CONFIRMED and row["From party"] == "Iran"


def test_every_export_names_no_suggested_party_bare(linked, tmp_path):
    """The class: in each text export, every mention of the suggested party carries the mark nearby."""
    from app.io.exporters.pdf import document_html

    pages = {"md": None, "html": None}
    for fmt in pages:
        export(linked, fmt, tmp_path / f"x.{fmt}")
        pages[fmt] = (tmp_path / f"x.{fmt}").read_text(encoding="utf-8")
    pages["pdf"] = document_html(gather(linked))
    for fmt, text in pages.items():
        for match in re.finditer(r"Pakistan(?! said)", text):
            # the party's column heading names a party, not a statement's tag
            around = text[match.start():match.end() + 200]
            heading = re.match(r"Pakistan\s*(\*\*)?\s*(\||</th>|</td></tr>)", around) or "<th" in text[match.start() - 120:match.start()]
            if heading:
                continue
            assert "suggested" in around, f"{fmt}: {text[match.start() - 80:match.end() + 80]!r}"
