"""Arabic-script statements in the XLSX export read right to left (issue 16 item 4), on a
project of a Persian and an English article: the cells' reading order in the written file."""

from __future__ import annotations

import re
import zipfile

from app.ops import exporting
from app.ops.importing import import_text
from app.store.database import Project


def test_right_to_left_statements_get_right_to_left_cells(tmp_path):
    path = tmp_path / "rtl.counterclaim"
    with Project(path, create=True) as project:
        import_text(project, "وزارت امور خارجه ایران روز سه‌شنبه اعلام کرد که مرز باز است.", title="مرز")
        import_text(project, "The ministry said the border was open.", title="Border")
        out = tmp_path / "rtl.xlsx"
        exporting.export(project, "xlsx", out)
    with zipfile.ZipFile(out) as book:
        styles = book.read("xl/styles.xml").decode()
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    rtl = {str(i) for i, xf in enumerate(re.findall(r"<xf\b.*?(?:/>|</xf>)", xfs, re.S)) if 'readingOrder="2"' in xf}
    assert rtl, "a right-to-left cell format"
    used = {m for sheet in sheets for m in re.findall(r'<c r="[A-Z]+\d+" s="(\d+)"', sheet)}
    assert rtl & used, "the Persian statement's cells use it"
    english = [sheet for sheet in sheets if "t=" in sheet]
    assert english and used - rtl, "the English ones do not"
