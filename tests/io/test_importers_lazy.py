"""Format readers are imported when first needed, and every suffix reaches its reader."""

from __future__ import annotations

import subprocess
import sys

from app.io import importers


def test_every_suffix_maps_to_the_module_that_declares_it():
    from app.io.importers import docx, html, odt, pdf, text

    declared = {}
    for module in (text, html, docx, odt, pdf):
        for suffix in module.SUFFIXES:
            declared[suffix] = module
    assert tuple(declared) == importers.SUPPORTED_SUFFIXES
    for suffix, module in declared.items():
        reader = importers._READERS[suffix]
        loaded = getattr(reader, "load", lambda: text)()
        assert loaded is module


def test_reading_text_does_not_import_the_web_and_office_libraries(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Iran said it was ready.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from app.io.importers import read_document\n"
        f"read_document({str(path)!r})\n"
        "print(sorted(m for m in ('trafilatura', 'pypdf', 'docx', 'odf') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
