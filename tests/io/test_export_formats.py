"""Export the tagged seed article in every format and read each back with an independent reader."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from seed_tagging import EXPECTED_GRID, OUTLET, PARTY_ORDER, PUBLISHED, TOPIC_ORDER

from app.core.comparison import readable_text_color
from app.ops.exporting import ExportFilters, export
from app.store import parties

DATA = Path(__file__).parent / "data"
CITATION = re.compile(r"World News, 2024-01-18, “Pakistan launches air strikes on…”, ¶(\d)")


def _colors(project) -> dict[str, str]:
    return {p.name: p.color.upper() for p in parties.all_parties(project)}


def _paragraph_of(starts: str, seed_gold: dict) -> int:
    return next(s["paragraph"] for s in seed_gold["statements"] if s["starts_with"] == starts)


# -- XLSX ------------------------------------------------------------------------------------


def test_xlsx_comparison_sheet_reads_back_in_openpyxl(seed_project, tmp_path, seed_gold):
    openpyxl = pytest.importorskip("openpyxl")
    project, _ = seed_project
    out = tmp_path / "sheet.xlsx"
    summary = export(project, "xlsx", out)
    assert summary.statements == 18 and summary.links == 6 and summary.empty_cells == 2

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Comparison", "Statements", "Links", "Sources"]
    _check_comparison_sheet(book["Comparison"], _colors(project), seed_gold)
    _check_statement_sheets(book)


def _check_comparison_sheet(sheet, colors, seed_gold):
    """The grid as the seed expects it: one page wide, party colours, citations in cells."""
    assert sheet.freeze_panes == "B2"
    assert sheet.page_setup.orientation == "landscape"
    # fit to one page wide (1 is the OOXML default, so it may be left out), any number tall
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    header = [c.value for c in sheet[1]]
    assert header == ["Topic", *PARTY_ORDER]
    for cell in sheet[1][1:]:
        fill = cell.fill.fgColor.rgb[-6:].upper()
        assert "#" + fill == colors[cell.value]
        assert "#" + cell.font.color.rgb[-6:].upper() == readable_text_color(colors[cell.value])
        assert cell.alignment.wrap_text

    topics = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert topics == list(TOPIC_ORDER)
    for r, topic in enumerate(TOPIC_ORDER, start=2):
        for c, party in enumerate(PARTY_ORDER, start=2):
            _check_grid_cell(sheet.cell(row=r, column=c), topic, party, seed_gold)


def _check_grid_cell(cell, topic, party, seed_gold):
    assert cell.data_type == "s"
    expected = EXPECTED_GRID[topic][party]
    if not expected:
        assert cell.value == "—", (topic, party)
        return
    for starts in expected:
        assert starts in cell.value, (topic, party, starts)
    cited = [int(p) for p in CITATION.findall(cell.value)]
    assert cited == [_paragraph_of(s, seed_gold) for s in expected], (topic, party)
    assert cell.alignment.wrap_text


def _check_statement_sheets(book):
    """The Statements, Links and Sources sheets: one row each, typed cells."""
    statements = book["Statements"]
    assert statements.freeze_panes == "A2"
    rows = list(statements.iter_rows(values_only=True))
    assert rows[0][:7] == ("Statement", "Article", "Title", "Outlet", "Date", "Paragraph", "Text")
    assert len(rows) == 19
    by_text = {row[6]: row for row in rows[1:]}
    pak = next(v for k, v in by_text.items() if k.startswith("According to Pakistan’s foreign ministry"))
    assert pak[3] == OUTLET and pak[4] == PUBLISHED and pak[5] == 2 and pak[7] == "Pakistan"
    assert pak[8] == "confirmed" and pak[12] == "What was hit"
    assert isinstance(pak[13], int) and isinstance(pak[14], int)
    links = list(book["Links"].iter_rows(values_only=True))
    assert len(links) == 7 and {r[3] for r in links[1:]} == {"contradicts", "responds-to"}
    sources = list(book["Sources"].iter_rows(values_only=True))
    assert len(sources) == 2 and sources[1][2] == OUTLET and sources[1][3] == "World News DESK"


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_has_bom_rfc4180_quoting_and_every_statement(seed_project, tmp_path):
    project, ids = seed_project
    out = tmp_path / "statements.csv"
    export(project, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and raw.count(b"\r\n") >= 19
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:7] == ["Statement", "Article", "Title", "Outlet", "Date", "Paragraph", "Text"]
    assert len(rows) == 19
    texts = {row[6] for row in rows[1:]}
    quoted = next(t for t in texts if t.startswith("According to Pakistan’s foreign ministry,"))
    # commas and quotation marks survive because the field is quoted, as RFC 4180 says
    assert quoted.endswith("province of Iran”.")
    assert ('"' + quoted + '"').encode() in raw
    assert {row[0] for row in rows[1:]} == {str(i) for i in ids.values()}


def test_csv_doubles_quotes_inside_fields(project, tmp_path):
    from safety_article import add_article

    add_article(project, ['He said "yes", then left.', "Plain, with comma."])
    out = tmp_path / "q.csv"
    export(project, "csv", out)
    raw = out.read_text(encoding="utf-8-sig")
    assert '"He said ""yes"", then left."' in raw
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[1][6] == 'He said "yes", then left.'


# -- HTML --------------------------------------------------------------------------------------


class _Grid(HTMLParser):
    """Collects tags, attributes and the comparison table's cells."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.in_grid = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "table" and "grid" in (attrs.get("class") or ""):
            self.in_grid = True
        if not self.in_grid:
            return
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.cell = []
        if tag == "span" and "party-label" in (attrs.get("class") or ""):
            self.depth = 1  # the phone-only label repeats the party name: skip its text

    def handle_endtag(self, tag):
        if tag == "span" and self.depth:
            self.depth = 0
        if not self.in_grid:
            return
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        if tag == "table":
            self.in_grid = False

    def handle_data(self, data):
        if self.cell is not None and not self.depth:
            self.cell.append(data)


def test_html_is_self_contained_escaped_and_holds_the_grid(seed_project, tmp_path, seed_gold):
    project, _ = seed_project
    out = tmp_path / "sheet.html"
    export(project, "html", out)
    page = out.read_text(encoding="utf-8")
    parser = _Grid()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in parser.tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page
    assert "@media print" in page and "max-width" in page and 'name="viewport"' in page
    assert 'dir="auto"' in page

    header, *body = parser.rows
    assert header == ["Topic", *PARTY_ORDER]
    assert [row[0] for row in body] == list(TOPIC_ORDER)
    for row in body:
        topic = row[0]
        for party, cell in zip(PARTY_ORDER, row[1:]):
            expected = EXPECTED_GRID[topic][party]
            if not expected:
                assert cell.startswith("—"), (topic, party, cell)
                continue
            for starts in expected:
                assert starts in cell
            assert [int(p) for p in CITATION.findall(cell)] == [_paragraph_of(s, seed_gold) for s in expected]
    colors = _colors(project)
    for party in PARTY_ORDER:
        assert f"background:{colors[party]}" in page


def test_html_marks_right_to_left_articles(project, tmp_path):
    from safety_article import add_article

    add_article(project, ["قالت الوزارة إن الضربات استهدفت مدنيين.", "Second sentence."], language="ar",
                party="Iran", topic="What was hit")
    out = tmp_path / "rtl.html"
    export(project, "html", out)
    page = out.read_text(encoding="utf-8")
    assert 'dir="rtl" lang="ar"' in page
    assert "قالت الوزارة" in page


# -- PDF ---------------------------------------------------------------------------------------


def _pdf_text(path: Path) -> tuple[list[str], list]:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(path))
    texts = [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]
    return texts, reader.pages


@pytest.mark.parametrize("size, width, height", [("A4", 842, 595), ("Letter", 792, 612)])
def test_pdf_has_header_page_numbers_and_citations(seed_project, tmp_path, size, width, height):
    project, _ = seed_project
    out = tmp_path / f"sheet-{size}.pdf"
    export(project, "pdf", out, page_size=size)
    texts, pages = _pdf_text(out)
    assert pages
    box = pages[0].mediabox
    assert abs(float(box.width) - width) < 2 and abs(float(box.height) - height) < 2  # landscape
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert text.startswith(project.name) or project.name in text[:80]
        assert "Exported" in text
        assert f"Page {number} of {total}" in text
    whole = " ".join(texts)
    for party in PARTY_ORDER:
        assert party in whole
    for topic in TOPIC_ORDER:
        assert " ".join(topic.split()) in whole
    shown = sum(len(v) for row in EXPECTED_GRID.values() for v in row.values())
    # NFKC (used to undo the PDF's ligatures) spells the ellipsis as three dots
    cited = re.findall(r"World News, 2024-01-18, “Pakistan launches air strikes on(?:…|\.\.\.)”, ¶\d", whole)
    assert len(cited) == shown
    assert "—" in whole  # the silent cells


def test_pdf_header_cells_carry_party_colours(seed_project):
    from app.io.exporters import pdf
    from app.ops.exporting import gather

    project, _ = seed_project
    html = pdf.document_html(gather(project))
    for color in _colors(project).values():
        assert f'bgcolor="{color}"' in html
        assert readable_text_color(color) in html


def test_pdf_page_size_is_checked(seed_project, tmp_path):
    from app.core.errors import CounterclaimError

    project, _ = seed_project
    with pytest.raises(CounterclaimError, match="page size"):
        export(project, "pdf", tmp_path / "x.pdf", page_size="A0")
    assert not (tmp_path / "x.pdf").exists()


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_table_and_statement_list(seed_project, tmp_path, seed_gold):
    project, _ = seed_project
    out = tmp_path / "sheet.md"
    export(project, "md", out)
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    head = lines.index("| Topic | Pakistan | Iran | Baloch separatists |")
    assert lines[head + 1] == "|---|---|---|---|"
    rows = lines[head + 2 : head + 2 + len(TOPIC_ORDER)]
    for line, topic in zip(rows, TOPIC_ORDER):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        assert cells[0] == f"**{topic}**"
        for party, cell in zip(PARTY_ORDER, cells[1:]):
            expected = EXPECTED_GRID[topic][party]
            if not expected:
                assert cell == "—"
            else:
                assert [int(p) for p in CITATION.findall(cell)] == [_paragraph_of(s, seed_gold) for s in expected]
    assert "## Statements" in text and "## Counterclaims" in text
    assert text.count("- **") >= 18


# -- QDPX ---------------------------------------------------------------------------------------


def test_qdpx_validates_against_the_refi_qda_schema(seed_project, tmp_path):
    etree = pytest.importorskip("lxml.etree")
    project, ids = seed_project
    out = tmp_path / "project.qdpx"
    export(project, "qdpx", out)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert "project.qde" in names
        for name in names:
            assert not name.startswith("/") and ".." not in name.split("/") and "\\" not in name
            assert re.fullmatch(r"project\.qde|Sources/[0-9a-f-]{36}\.txt", name), name
        qde = archive.read("project.qde")
        sources = {n: archive.read(n).decode("utf-8") for n in names if n.startswith("Sources/")}
    schema = etree.XMLSchema(etree.parse(str(DATA / "refi-qda-project-subset.xsd")))
    document = etree.fromstring(qde)
    schema.assertValid(document)

    ns = {"q": "urn:QDA-XML:project:1.0"}
    codes = {c.get("name"): c for c in document.iterfind(".//q:Code", ns)}
    colors = _colors(project)
    for party in PARTY_ORDER:
        assert codes[party].get("color") == colors[party] and codes[party].get("isCodable") == "true"
    for topic in TOPIC_ORDER:
        assert topic in codes
    [source] = document.iterfind(".//q:TextSource", ns)
    path = source.get("plainTextPath")
    assert path.startswith("internal://")
    text = sources["Sources/" + path[len("internal://"):]]
    code_names = {c.get("guid"): c.get("name") for c in codes.values()}
    selections = source.findall("q:PlainTextSelection", ns)
    from app.store import statements

    by_span = {(s.start, s.end): s for s in statements.for_article(project, 1)}
    coded = 0
    for selection in selections:
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        statement = by_span[(start, end)]
        assert text[start:end] == statement.text
        refs = {code_names[r.get("targetGUID")] for r in selection.iterfind(".//q:CodeRef", ns)}
        if statement.party_id:
            coded += 1
            assert parties.get(project, statement.party_id).name in refs
    assert coded == 12  # every statement the gold file gives a party
    links = document.findall(".//q:Link", ns)
    assert len(links) == 6
    guids = {s.get("guid") for s in selections}
    assert all(lk.get("originGUID") in guids and lk.get("targetGUID") in guids for lk in links)


def test_qdpx_guids_are_stable_between_exports(seed_project, tmp_path):
    project, _ = seed_project
    first, second = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export(project, "qdpx", first)
    export(project, "qdpx", second)

    def guids(path):
        with zipfile.ZipFile(path) as archive:
            return re.findall(rb'guid="([^"]+)"', archive.read("project.qde"))

    assert guids(first) == guids(second)


# -- filters -------------------------------------------------------------------------------------


def test_filters_choose_columns_rows_and_order(seed_project, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    project, _ = seed_project
    out = tmp_path / "two.xlsx"
    filters = ExportFilters(party_names=("iran", "Pakistan"), topic_names=("What happens next", "What was hit"))
    summary = export(project, "xlsx", out, filters)
    assert (summary.parties, summary.topics) == (2, 2)
    sheet = openpyxl.load_workbook(out)["Comparison"]
    assert [c.value for c in sheet[1]] == ["Topic", "Iran", "Pakistan"]
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["What happens next", "What was hit"]
    assert "It also warned Pakistan" in sheet.cell(row=2, column=2).value


def test_confirmed_only_leaves_suggestions_out(seed_project, tmp_path):
    from app.store import statements

    project, ids = seed_project
    sid = ids["It said that Iran had the right"]
    with project.transaction():
        state = statements.tag_states(project, [sid])[0]
        statements.set_tags(project, [statements.TagState(sid, state.party_id, "suggested")])
    everything = export(project, "csv", tmp_path / "all.csv")
    confirmed = export(project, "csv", tmp_path / "confirmed.csv", ExportFilters(confirmed_only=True))
    assert everything.statements == 18 and confirmed.statements == 17
    assert "It said that Iran had the right" not in (tmp_path / "confirmed.csv").read_text(encoding="utf-8-sig")


def test_pdf_export_leaves_none_refcount_intact(seed_project, tmp_path):
    """PySide6 6.12 on Python 3.11 drops a reference to None per void Qt call; the PDF writer
    gives them back, or a long sheet aborts the interpreter ("none_dealloc")."""
    import sys

    project, _ = seed_project
    export(project, "pdf", tmp_path / "warm.pdf")  # the first run creates the Qt application
    before = sys.getrefcount(None)
    for n in range(3):
        export(project, "pdf", tmp_path / f"sheet{n}.pdf")
    assert sys.getrefcount(None) >= before - 20
