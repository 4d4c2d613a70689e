"""No export carries anything live, and a failed export leaves no half file behind."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import zipfile
from html.parser import HTMLParser

import pytest
from safety_article import add_article

from app.core.errors import CounterclaimError
from app.io.exporters import FORMATS
from app.io.exporters._common import neutralise
from app.ops.exporting import export

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "@SUM(1+1)",
    "+1",
    "-1",
    "<script>alert(1)</script>",
    "\tTabbed =1+1",
    "\rCarriage =1+1",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_project(project):
    add_article(project, HOSTILE, title="=cmd|' /C calc'!A0", outlet="@evil", party="=Party", topic="+Topic")
    return project


def test_owasp_rule():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@SUM(1)") == "'@SUM(1)"
    assert neutralise("\t=1") == "'\t=1"
    assert neutralise("plain") == "plain"
    assert neutralise(None) == ""


def test_xlsx_cells_are_strings_never_formulas_or_links(hostile_project, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "x.xlsx"
    export(hostile_project, "xlsx", out)
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            body = archive.read(name)
            assert b"<f>" not in body and b"<f " not in body, name  # no formula anywhere
            assert b"<hyperlink" not in body, name  # no live link
            if name.endswith(".rels"):
                assert b"http://x" not in body and b"TargetMode=\"External\"" not in body, name
    book = openpyxl.load_workbook(out)
    seen = 0
    for sheet in book.worksheets:
        assert not sheet._hyperlinks
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.data_type in ("s", "n"), (sheet.title, cell.coordinate, cell.data_type)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), (sheet.title, cell.coordinate, cell.value)
                    if "HYPERLINK" in cell.value or "SUM(" in cell.value:
                        seen += 1
    assert seen >= 3  # the statements are there, as text (grid cell and Statements rows)
    statements = book["Statements"]
    texts = [statements.cell(row=r, column=7).value for r in range(2, statements.max_row + 1)]
    assert texts[:4] == ["'" + HOSTILE[0], "'" + HOSTILE[1], "'+1", "'-1"]
    assert texts[4] == "<script>alert(1)</script>"


def test_csv_cells_are_neutralised(hostile_project, tmp_path):
    out = tmp_path / "x.csv"
    export(hostile_project, "csv", out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_STARTS), value
    texts = [row[6] for row in rows[1:]]
    assert texts[:4] == ["'" + HOSTILE[0], "'" + HOSTILE[1], "'+1", "'-1"]
    assert all(row[7] == "'=Party" for row in rows[1:])


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_everything(hostile_project, tmp_path):
    out = tmp_path / "x.html"
    export(hostile_project, "html", out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parser = _Tags()
    parser.feed(page)
    assert "script" not in [t for t, _ in parser.tags]
    assert all(not k.startswith("on") for _, attrs in parser.tags for k in attrs)
    assert all(attrs["href"].startswith("#") for _, attrs in parser.tags if "href" in attrs)
    assert "<script>alert(1)</script>" in "".join(parser.text)  # shown as words


def test_markdown_escapes_markup(hostile_project, tmp_path):
    out = tmp_path / "x.md"
    export(hostile_project, "md", out)
    text = out.read_text(encoding="utf-8")
    import re

    assert re.findall(r"(?<!\\)<(?!br>)", text) == []  # every < is escaped, except our own line breaks
    assert "\\<script\\>alert(1)\\</script\\>" in text


def test_pdf_and_qdpx_and_json_carry_the_words_as_data(hostile_project, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pdf = tmp_path / "x.pdf"
    export(hostile_project, "pdf", pdf)
    reader = pypdf.PdfReader(str(pdf))
    raw = pdf.read_bytes()
    assert b"/JavaScript" not in raw and b"/JS" not in raw and b"/URI" not in raw and b"/Launch" not in raw
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "<script>alert(1)</script>" in text

    qdpx = tmp_path / "x.qdpx"
    export(hostile_project, "qdpx", qdpx)
    with zipfile.ZipFile(qdpx) as archive:
        qde = archive.read("project.qde")
    assert b"<script>" not in qde and b"&lt;script&gt;" in qde

    out = tmp_path / "x.json"
    export(hostile_project, "json", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [s["text"] for s in document["statements"]] == HOSTILE


# -- failures leave nothing half-written -------------------------------------------------------


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_failed_rename_leaves_no_file_and_keeps_the_old_one(hostile_project, tmp_path, monkeypatch, fmt):
    out = tmp_path / f"sheet.{fmt}"
    out.write_bytes(b"the previous export")

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(CounterclaimError, match="the disk is full") as caught:
        export(hostile_project, fmt, out)
    assert str(caught.value).startswith("Could not export to “sheet.")
    assert out.read_bytes() == b"the previous export"
    assert _leftovers(tmp_path) == []


def test_a_folder_in_the_way_is_refused(hostile_project, tmp_path):
    target = tmp_path / "sheet.xlsx"
    target.mkdir()
    with pytest.raises(CounterclaimError, match="a folder has that name"):
        export(hostile_project, "xlsx", target)
    assert target.is_dir() and _leftovers(tmp_path) == []


def test_a_missing_folder_is_refused(hostile_project, tmp_path):
    with pytest.raises(CounterclaimError, match="does not exist"):
        export(hostile_project, "csv", tmp_path / "nowhere" / "x.csv")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_refused_cleanly(hostile_project, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(CounterclaimError, match="not allowed to write there"):
            export(hostile_project, "pdf", folder / "x.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_an_error_while_writing_leaves_nothing(hostile_project, tmp_path, monkeypatch):
    from app.io.exporters import xlsx

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the middle of the sheet")

    monkeypatch.setattr(xlsx, "_comparison", broken)
    with pytest.raises(RuntimeError):
        export(hostile_project, "xlsx", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    assert _leftovers(tmp_path) == []


def test_cancelling_leaves_nothing(hostile_project, tmp_path):
    from app.io.exporters._common import ExportCancelled

    for fmt in sorted(FORMATS):
        answers = iter([False] + [True] * 1000)  # not while reading the project: while writing
        with pytest.raises(ExportCancelled):
            export(hostile_project, fmt, tmp_path / f"x.{fmt}", cancelled=lambda answers=answers: next(answers))
        assert not (tmp_path / f"x.{fmt}").exists()
    assert _leftovers(tmp_path) == []


def test_unknown_format_is_a_sentence(hostile_project, tmp_path):
    with pytest.raises(CounterclaimError, match="not an export format"):
        export(hostile_project, "docx", tmp_path / "x.docx")
