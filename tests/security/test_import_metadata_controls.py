"""Terminal escapes (ESC, OSC, BEL) and C1 controls in an ordinary file's metadata — a PDF's
title or author, a Word or OpenDocument author, a web page's title or author, a Markdown
front matter, the --outlet given — are stripped before anything is stored: no field of the
project carries a control character, whatever the format."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store.database import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from importer_samples import make_docx, make_odt, make_pdf  # noqa: E402

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
ESC = "\x1b]0;owned\x07\x1b[2J"
C1 = "\x9b31m\x9d0;x\x9c"
BODY = ["The ministry said the bridge reopened on Monday.", "Residents disputed that, saying cracks remained."]


def _pdf(tmp: Path) -> Path:
    path = tmp / "report.pdf"
    path.write_bytes(make_pdf([BODY], {"Title": f"Bridge {ESC} report", "Author": f"Ann {ESC}Writer"}))
    return path


def _docx(tmp: Path) -> Path:
    return make_docx(tmp / "memo.docx", BODY, title=f"Bridge {C1} memo", author=f"Ann {C1}Writer")


def _odt(tmp: Path) -> Path:
    return make_odt(tmp / "memo.odt", BODY, title=f"Bridge {C1} memo", creator=f"Ann {C1}Writer", language="en")


def _html(tmp: Path) -> Path:
    path = tmp / "page.html"
    path.write_text(
        "<html lang='en'><head><title>Bridge &#27;]0;owned&#7; page</title>"
        "<meta name='author' content='Ann &#27;[2J&#155;Writer'>"
        "<meta property='og:site_name' content='Daily &#27;]0;x&#7;Post'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "</article></body></html>",
        encoding="utf-8",
    )
    return path


def _markdown(tmp: Path) -> Path:
    path = tmp / "note.md"
    path.write_text(
        f"---\ntitle: Bridge {ESC} note\nauthor: Ann {C1}Writer\noutlet: Daily {ESC}Post\nlang: en{ESC}\n---\n\n"
        + "\n\n".join(BODY * 20),  # long enough that four escapes are not "binary data"
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("make", [_pdf, _docx, _odt, _html, _markdown], ids=lambda f: f.__name__.strip("_"))
def test_no_control_character_reaches_the_projects_metadata(tmp_path, capsys, make):
    path = make(tmp_path)
    project = tmp_path / "p.counterclaim"
    assert main(["import", str(project), str(path), "--outlet", f"Wire {ESC}{C1}"]) == 0, capsys.readouterr().err
    with Project(project) as opened:
        rows = opened.conn.execute("SELECT title, byline, outlet, published, language, source_path FROM articles").fetchall()
        names = [r[0] for r in opened.conn.execute("SELECT name FROM parties")]
    assert rows
    for row in rows:
        for value in row:
            assert value is None or not CONTROL.search(value), row
    for name in names:
        assert not CONTROL.search(name)
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x9b" not in out.out + out.err
