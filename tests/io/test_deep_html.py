"""A web page nested deeper than the HTML parser's limit (256 levels) loses no text: the text
after the deep block, and a page whose only text is deep, are imported; the user is told the
page was flattened to be read whole."""

from __future__ import annotations

import pytest

from app.cli import main
from app.io.importers import read_document
from app.store.database import Project

BEFORE = "The mayor said the bridge reopened on Monday."
DEEP = "The minister said the costs rose by a third."
AFTER = "Residents disputed the claim at the meeting."

WRAPPERS = {
    "div": ("<div>", "</div>"),
    "span": ("<span>", "</span>"),
    "b-i": ("<b><i>", "</i></b>"),
    "section-div": ("<section class='x'><div id='y'>", "</div></section>"),
    "unclosed-div": ("<div>", ""),
    "blockquote": ("<blockquote>", "</blockquote>"),
}


def _page(depth: int, wrapper: str, *, before: bool = True, after: bool = True) -> str:
    opening, closing = WRAPPERS[wrapper]
    head = "<!DOCTYPE html><html lang='en'><head><title>Bridge row</title><script>var x = '<div>';</script></head><body>"
    parts = [head]
    if before:
        parts.append(f"<p>{BEFORE}</p>")
    parts.append(opening * depth + f"<p>{DEEP}</p>" + closing * depth)
    if after:
        parts.append(f"<p>{AFTER}</p>")
    parts.append("</body></html>")
    return "".join(parts)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("depth", [300, 3000, 60000])
def test_text_after_an_over_deep_block_is_imported(tmp_path, depth, wrapper):
    path = tmp_path / "deep.html"
    path.write_text(_page(depth, wrapper), encoding="utf-8")
    doc = read_document(path)
    for sentence in (BEFORE, DEEP, AFTER):
        assert sentence in doc.text
    assert doc.text.index(BEFORE) < doc.text.index(DEEP) < doc.text.index(AFTER)
    assert "var x" not in doc.text  # the script is still no text
    (warning,) = doc.warnings
    assert "“deep.html”" in warning and "flattened" in warning


@pytest.mark.parametrize("depth", [300, 5000])
def test_a_page_whose_only_text_is_deep_has_that_text(tmp_path, depth):
    path = tmp_path / "only-deep.html"
    path.write_text(_page(depth, "div", before=False, after=False), encoding="utf-8")
    doc = read_document(path)
    assert DEEP in doc.text


def test_a_page_within_the_limit_is_read_as_before_without_a_warning(tmp_path):
    path = tmp_path / "ok.html"
    path.write_text(_page(40, "div"), encoding="utf-8")
    doc = read_document(path)
    assert doc.warnings == ()
    for sentence in (BEFORE, DEEP, AFTER):
        assert sentence in doc.text


def test_through_the_cli_every_paragraph_is_in_the_project_and_stderr_says_so(tmp_path, capsys):
    page = tmp_path / "deep.html"
    page.write_text(_page(1000, "div"), encoding="utf-8")
    project = tmp_path / "p.counterclaim"
    assert main(["import", str(project), str(page)]) == 0
    err = capsys.readouterr().err
    assert "“deep.html”" in err and "flattened" in err
    with Project(project) as opened:
        (text,) = [r[0] for r in opened.conn.execute("SELECT text FROM articles")]
    for sentence in (BEFORE, DEEP, AFTER):
        assert sentence in text


def test_a_page_that_still_cannot_be_read_whole_says_so(tmp_path, monkeypatch):
    from app.io.importers import html

    real = html._parse
    monkeypatch.setattr(html, "_parse", lambda markup: (real(markup)[0], True))  # libxml2 gave up
    path = tmp_path / "cut.html"
    path.write_text(_page(2, "div"), encoding="utf-8")
    doc = read_document(path)
    (warning,) = doc.warnings
    assert "“cut.html”" in warning and "could not be read whole" in warning
