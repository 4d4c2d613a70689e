"""A suggested tag never looks like a confirmed one, in any export; QDPX codes only confirmed tags unless asked.

Each test reads the written file: the suggested statement carries a visible mark (italic,
"(suggested)", a status column), the confirmed one does not, and a legend says what the mark means.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile

import pytest
from export_cases import CONFIRMED, SUGGESTED, build

from app.cli import main
from app.ops.exporting import export

NS = {"q": "urn:QDA-XML:project:1.0"}
LEGEND = "not yet confirmed"


@pytest.fixture
def mixed(project):
    from app.store import topics

    ids = build(project)
    with project.transaction():  # both in the grid: the confirmed and the suggested statement
        topics.assign(project, topics.ensure(project, "What was hit"), list(ids.values()))
    return project


def test_xlsx_marks_suggestions_in_the_grid_and_the_statements_sheet(mixed, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "x.xlsx"
    export(mixed, "xlsx", out)
    book = openpyxl.load_workbook(out, rich_text=True)
    grid = book["Comparison"]
    runs = {}
    for row in grid.iter_rows():
        for cell in row:
            value = cell.value
            for block in getattr(value, "__iter__", lambda: iter(()))() if not isinstance(value, str) else ():
                if hasattr(block, "font") and block.text.strip():
                    runs[block.text.strip()] = block.font
    assert runs[SUGGESTED].i and not runs[CONFIRMED].i
    texts = " ".join(str(c.value) for row in grid.iter_rows() for c in row if c.value is not None)
    assert "(suggested)" in texts
    assert LEGEND in grid["A1"].comment.text  # the legend: a note on screen, the page header on paper
    assert LEGEND in grid.oddHeader.center.text
    sheet = book["Statements"]
    headers = [c.value for c in sheet[1]]
    status, text = headers.index("Status") + 1, headers.index("Text") + 1
    rows = {sheet.cell(row=r, column=text).value: r for r in range(2, sheet.max_row + 1)}
    assert sheet.cell(row=rows[SUGGESTED], column=status).value == "suggested"
    assert sheet.cell(row=rows[SUGGESTED], column=text).font.i
    assert not sheet.cell(row=rows[CONFIRMED], column=text).font.i


def test_csv_and_json_carry_the_status(mixed, tmp_path):
    export(mixed, "csv", tmp_path / "x.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "x.csv").read_text(encoding="utf-8-sig"), newline="")))
    status = {r["Text"]: r["Status"] for r in rows}
    assert status == {CONFIRMED: "confirmed", SUGGESTED: "suggested"}
    export(mixed, "json", tmp_path / "x.json")
    document = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert {s["text"]: s["status"] for s in document["statements"]} == status


def test_html_marks_suggestions_in_italics_with_a_label_and_a_legend(mixed, tmp_path):
    export(mixed, "html", tmp_path / "x.html")
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert re.search(r"\.suggested \.say[^{]*\{[^}]*font-style: italic", page)
    item = re.search(r'<li class="suggested">.*?</li>', page).group(0)
    assert SUGGESTED in item and '<span class="tag">suggested</span>' in item
    assert CONFIRMED not in item
    assert LEGEND in page
    listed = re.search(r'<li id="s\d+"[^>]*>.*?' + re.escape(SUGGESTED) + r".*?</li>", page).group(0)
    assert "suggested" in listed.replace(SUGGESTED, "")


def test_markdown_marks_suggestions(mixed, tmp_path):
    export(mixed, "md", tmp_path / "x.md")
    text = (tmp_path / "x.md").read_text(encoding="utf-8")
    grid_row = next(line for line in text.splitlines() if line.startswith("| **What was hit**"))
    assert re.search(r"_" + re.escape(SUGGESTED) + r"_.*\(suggested\)", grid_row)
    assert not re.search(r"_" + re.escape(CONFIRMED) + r"_", grid_row)
    assert LEGEND in text


def test_pdf_marks_suggestions(mixed, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from app.io.exporters.pdf import document_html
    from app.ops.exporting import gather

    html = document_html(gather(mixed))
    assert re.search(r"font-style:italic[^>]*>" + re.escape(SUGGESTED), html)
    assert not re.search(r"font-style:italic[^>]*>" + re.escape(CONFIRMED), html)
    export(mixed, "pdf", tmp_path / "x.pdf")
    words = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(tmp_path / "x.pdf")).pages)
    words = unicodedata.normalize("NFKC", words)  # the PDF's "fi" ligature
    assert "(suggested)" in words and LEGEND in words


def _qde(path):
    from xml.etree import ElementTree as ET

    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("project.qde"))


def _coded_parties(root) -> dict[str, set[str]]:
    names = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS)}
    out = {}
    for selection in root.iterfind(".//q:PlainTextSelection", NS):
        out[selection.get("name")] = {names[r.get("targetGUID")] for r in selection.iterfind(".//q:CodeRef", NS)}
    return out


def test_qdpx_codes_only_confirmed_tags_unless_asked(mixed, tmp_path, capsys):
    export(mixed, "qdpx", tmp_path / "x.qdpx")
    root = _qde(tmp_path / "x.qdpx")
    coded = _coded_parties(root)
    confirmed = next(v for k, v in coded.items() if CONFIRMED[:20] in k)
    suggested = next(v for k, v in coded.items() if SUGGESTED[:20] in k)
    assert "Iran" in confirmed and "Pakistan" not in suggested and "What was hit" in suggested
    described = [d.text for d in root.iterfind(".//q:PlainTextSelection/q:Description", NS)]
    assert any("suggested party: Pakistan" in d for d in described)

    export(mixed, "qdpx", tmp_path / "all.qdpx", include_suggested=True)
    assert "Pakistan" in next(v for k, v in _coded_parties(_qde(tmp_path / "all.qdpx")).items() if SUGGESTED[:20] in k)

    project = str(mixed.path)
    assert main(["export", project, "-f", "qdpx", "-o", str(tmp_path / "cli.qdpx"), "--include-suggested"]) == 0
    assert "Pakistan" in next(v for k, v in _coded_parties(_qde(tmp_path / "cli.qdpx")).items() if SUGGESTED[:20] in k)
    capsys.readouterr()
    assert main(["export", project, "-f", "csv", "-o", str(tmp_path / "n.csv"), "--include-suggested"]) == 1
    assert "--include-suggested is for QDPX" in capsys.readouterr().err
