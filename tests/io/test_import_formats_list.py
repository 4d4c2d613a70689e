"""The refusal of a file Counterclaim cannot import lists every kind it can, the JSON
export included (it goes into a new, empty project)."""

from __future__ import annotations

import pytest

from app.core.errors import ImportRefused
from app.io.importers import SUPPORTED_SUFFIXES, read_document


@pytest.mark.parametrize("name", ["notes.xyz", "notes"])
def test_the_refusal_names_every_suffix_counterclaim_imports(tmp_path, name) -> None:
    path = tmp_path / name
    path.write_text("The minister said the talks would go on.\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_document(path)
    message = str(refused.value)
    for suffix in {".txt", ".md", ".html", ".docx", ".odt", ".pdf", ".json"}:
        assert f"({suffix}" in message or f" {suffix}" in message, (suffix, message)
    assert "new, empty project" in message
    assert {".txt", ".md", ".html", ".htm", ".docx", ".odt", ".pdf"} <= set(SUPPORTED_SUFFIXES)
