"""Only Counterclaim's own sentences reach the user: a format library's warnings (pypdf's
"incorrect startxref pointer" for a PDF with a broken cross-reference table, and whatever
the HTML, Word and OpenDocument libraries log) go to the debug log, not to stderr."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "io"))
from importer_samples import make_pdf  # noqa: E402

LINES = [
    "The ministry said the bridge reopened on Monday after repairs.",
    "Residents disputed that, saying cracks remained in the deck.",
]


def _broken_xref_pdf(path: Path) -> Path:
    """A PDF whose xref offsets and startxref pointer all point a few bytes off."""
    data = make_pdf([LINES], {"Title": "Bridge"})
    head, xref = data.split(b"xref\n", 1)
    xref = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), xref)
    xref = re.sub(rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) + 3), xref)
    path.write_bytes(head + b"xref\n" + xref)
    return path


def _run(*args: str, code: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("COUNTERCLAIM_DEBUG", None)
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "app", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=REPO)


def test_a_pdf_with_a_broken_xref_imports_with_nothing_from_pypdf_on_stderr(tmp_path):
    pdf = _broken_xref_pdf(tmp_path / "broken-xref.pdf")
    from pypdf import PdfReader

    PdfReader(str(pdf), strict=False)  # pypdf does complain about this file (checked below)
    project = tmp_path / "p.counterclaim"
    done = _run("import", str(project), str(pdf))
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr  # no "incorrect startxref pointer", no "Object Streams"
    assert "broken-xref.pdf: article 1" in done.stdout
    with Project(project) as opened:
        (text,) = [r[0] for r in opened.conn.execute("SELECT text FROM articles")]
    assert "bridge reopened" in text


def test_pypdf_really_warns_about_that_file_so_the_test_above_means_something(tmp_path):
    pdf = _broken_xref_pdf(tmp_path / "broken-xref.pdf")
    done = _run(code=f"from pypdf import PdfReader; PdfReader({str(pdf)!r}, strict=False).pages[0].extract_text()")
    assert "startxref" in done.stderr


def test_every_format_librarys_log_goes_to_the_debug_log_not_stderr():
    code = """
import logging
from app.io.importers import html, pdf, docx, odt
seen = []
class Keep(logging.Handler):
    def emit(self, record):
        seen.append(record.getMessage())
debug = logging.getLogger("counterclaim.import.libraries")
debug.setLevel(logging.DEBUG)
debug.addHandler(Keep())
for name in ("pypdf._reader", "pypdf.generic._data_structures", "trafilatura.core", "htmldate.core",
             "courlan.clean", "docx.opc", "odf.opendocument", "justext.core"):
    logging.getLogger(name).warning("LIBRARY NOISE from %s", name)
    logging.getLogger(name).error("LIBRARY ERROR from %s", name)
print(len(seen))
"""
    done = _run(code=code)
    assert done.returncode == 0, done.stderr
    assert "LIBRARY" not in done.stderr and done.stderr == ""
    assert done.stdout.strip() == "16"
