"""A page nested too deeply inside ``<template>`` or ``<noscript>`` (whose content the HTML
parser reads as markup, not as raw text) keeps the article's text after them: the flattened
page once kept the nested content verbatim, the parser still gave up on it, and everything
after was lost ("could not be read whole")."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.io.importers import read_document

FIRST = "First paragraph. The minister said it was fine."
LAST = "After paragraph. The rebels said they were not there."


@pytest.mark.parametrize("tag", ["template", "noscript"])
@pytest.mark.parametrize("levels", [300, 1500])
def test_text_after_deeply_nested_inert_markup_is_kept(tmp_path: Path, tag: str, levels: int) -> None:
    inner = f"<div><{tag}>" * levels + "Hidden words inside." + f"</{tag}></div>" * levels
    path = tmp_path / "inert.html"
    path.write_text(
        f"<html><head><title>Inert</title></head><body><p>{FIRST}</p>{inner}<p>{LAST}</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert FIRST in doc.text and LAST in doc.text, doc.text
    assert "Hidden words" not in doc.text  # a template is never shown; trafilatura drops noscript
    assert not any("could not be read whole" in w for w in doc.warnings), doc.warnings
