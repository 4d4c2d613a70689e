"""Importers, the good path: every format and encoding, bylines, metadata, paragraph structure."""

from __future__ import annotations

import codecs
import datetime as dt
import socket
from pathlib import Path

import pytest

from app.core.text import fingerprint
from app.io.importers import SUPPORTED_SUFFIXES, parse_pasted, read_document
from importer_samples import ARTICLE, make_docx, make_odt, make_pdf, wrap

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed-article.txt"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_supported_suffixes():
    for suffix in (".txt", ".md", ".html", ".htm", ".docx", ".odt", ".pdf"):
        assert suffix in SUPPORTED_SUFFIXES
    assert ".json" not in SUPPORTED_SUFFIXES


# --- the seed article -------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present")
def test_seed_article():
    doc = read_document(SEED)
    assert doc.byline == "World News DESK"
    assert doc.format == "txt"
    assert doc.text.startswith("Pakistan on Thursday")
    assert len(doc.text.split("\n")) == 8
    assert "By World News DESK" not in doc.text
    assert "“brotherly country”" in doc.text  # curly quotes kept
    assert doc.title == "Seed article"
    assert doc.source_path == str(SEED)


# --- plain text and encodings -----------------------------------------------------------------

BODY = "By Jane Doe\nHé said “hello” — it costs €5.\nوزارت خارجہ نے کہا۔\n"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", BODY.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + BODY.encode("utf-8")),
        ("utf-16-le+bom", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le")),
        ("utf-16-be+bom", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be")),
        ("utf-16 (python)", BODY.encode("utf-16")),
        ("utf-32", BODY.encode("utf-32")),
    ],
)
def test_unicode_encodings(tmp_path, encoding, data):
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.byline == "Jane Doe"
    assert doc.text == "Hé said “hello” — it costs €5.\nوزارت خارجہ نے کہا۔"


def test_windows_1252(tmp_path):
    data = b"He said \x93hello\x94 \x96 it costs \x805 and \x91na\xefve\x92.\r\nSecond line."
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.text == "He said “hello” – it costs €5 and ‘naïve’.\nSecond line."


def test_utf16_without_bom(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "Iran condemned the strikes.\nSecond.".encode("utf-16-le")))
    assert doc.text == "Iran condemned the strikes.\nSecond."


def test_arabic_windows_1256_falls_back_to_charset_detection(tmp_path):
    text = (
        "قالت وزارة الخارجية الإيرانية إن الضربات الباكستانية انتهاك صارخ للقانون الدولي. "
        "واستدعت الوزارة السفير الباكستاني في طهران."
    )
    doc = read_document(write(tmp_path, "a.txt", text.encode("cp1256")))
    assert doc.text == text


def test_crlf_nul_and_controls_cleaned(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"  First line.  \r\n\tSecond\x07 line.\x0cThird.\r"))
    assert doc.text == "First line.\nSecond line.\nThird."


def test_a_stray_nul_in_utf8_text_is_dropped(tmp_path):
    data = ("Pakistan’s foreign ministry said so.\x00\n" + ARTICLE[0] * 20).encode()
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.text.startswith("Pakistan’s foreign ministry said so.\n")


def test_hard_wrapped_text_file_is_rejoined(tmp_path):
    paragraphs = [ARTICLE[0] * 3, ARTICLE[1] * 3, ARTICLE[2] * 3]
    raw = "\n\n".join("\n".join(wrap(p, 72)) for p in paragraphs)
    doc = read_document(write(tmp_path, "wrapped.txt", raw))
    assert doc.text.split("\n") == paragraphs


def test_headline_is_title_and_stays_in_text(tmp_path):
    doc = read_document(write(tmp_path, "x.txt", "Pakistan strikes Iran\nBy Jane Doe\n" + "\n".join(ARTICLE)))
    assert doc.title == "Pakistan strikes Iran"
    assert doc.byline == "Jane Doe"
    assert doc.text == "Pakistan strikes Iran\n" + "\n".join(ARTICLE)


def test_title_from_file_name_when_no_headline(tmp_path):
    doc = read_document(write(tmp_path, "pakistan-iran_strikes.TXT", "\n".join(ARTICLE)))
    assert doc.title == "Pakistan iran strikes"
    assert doc.format == "txt"


# --- markdown ---------------------------------------------------------------------------------

MARKDOWN = """---
title: "Front matter title"
author: Jane Doe
date: 2024-01-18T09:00:00Z
---

# Pakistan strikes *Iran*

Pakistan on **Thursday** launched [air strikes](https://example.com/a "t") in Iran,
targeting _Baloch_ separatist groups.
![a photo](https://example.com/photo.jpg)

> Iran condemned the strikes as a “flagrant aggression”.

- first item with `code`
- second item\\*

[ref]: https://example.com
***
Setext heading
--------------
snake_case_word stays, as does 2*3*4.
"""


def test_markdown_markup_is_stripped(tmp_path):
    doc = read_document(write(tmp_path, "a.md", MARKDOWN))
    assert doc.format == "md"
    assert doc.title == "Front matter title"
    assert doc.byline == "Jane Doe"
    assert doc.published == "2024-01-18"
    assert doc.text.split("\n") == [
        "Pakistan strikes Iran",
        "Pakistan on Thursday launched air strikes in Iran, targeting Baloch separatist groups.",
        "Iran condemned the strikes as a “flagrant aggression”.",
        "first item with code",
        "second item*",
        "Setext heading",
        "snake_case_word stays, as does 2*3*4.",
    ]


def test_markdown_h1_is_title(tmp_path):
    doc = read_document(write(tmp_path, "a.markdown", "# Headline\n\nBy Jane Doe\n\nBody text here.\n"))
    assert doc.title == "Headline"
    assert doc.byline == "Jane Doe"
    assert doc.text == "Headline\nBody text here."


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Pakistan strikes Iran | World News</title>
<meta property="og:site_name" content="World News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-01-18T10:00:00+05:00">
<script>document.write("SCRIPT-TEXT")</script>
<style>.x { content: "STYLE-TEXT" }</style>
<link rel="stylesheet" href="https://cdn.example.com/s.css">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAV-TEXT</a></li></ul></nav>
<div class="ad banner">ADVERT-TEXT Buy now!</div>
<article>
<h1>Pakistan strikes Iran</h1>
<p class="byline">By Jane Doe</p>
<p>Pakistan on Thursday launched air strikes in Iran, targeting Baloch separatist groups
   that Islamabad accuses of carrying out terrorist attacks on its soil.</p>
<!-- COMMENT-TEXT -->
<p>According to Pakistan&rsquo;s foreign ministry, the strikes were &ldquo;highly coordinated&rdquo;
   and targeted <em>terrorist hideouts</em>.</p>
<img src="https://tracker.example.com/pixel.gif">
<iframe src="https://ads.example.com/frame">IFRAME-TEXT</iframe>
<form action="/subscribe"><input name="email" value="FORM-TEXT"><button>Subscribe FORM-TEXT</button></form>
<p>Iran condemned the strikes as a &ldquo;flagrant aggression&rdquo; and summoned the ambassador.</p>
<p>وزارت خارجہ نے کہا کہ پاکستان اپنی خودمختاری کا دفاع کرے گا۔</p>
</article>
<aside class="related">RELATED-TEXT Read more</aside>
<footer>FOOTER-TEXT Copyright 2024</footer>
</body></html>
"""

JUNK = ("SCRIPT-TEXT", "STYLE-TEXT", "NAV-TEXT", "ADVERT-TEXT", "COMMENT-TEXT", "IFRAME-TEXT",
        "FORM-TEXT", "RELATED-TEXT", "FOOTER-TEXT")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("network access attempted during import")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


def test_html_article_and_metadata(tmp_path, no_network):
    doc = read_document(write(tmp_path, "page.html", PAGE))
    assert doc.format == "html"
    assert doc.title == "Pakistan strikes Iran"
    assert doc.byline == "Jane Doe"
    assert doc.outlet == "World News"
    assert doc.published == "2024-01-18"
    assert doc.language == "en-GB"
    lines = doc.text.split("\n")
    assert lines[0] == "Pakistan strikes Iran"
    assert lines[1].startswith("Pakistan on Thursday launched air strikes")
    assert lines[1].endswith("terrorist attacks on its soil.")  # source line break folded
    assert "“highly coordinated”" in doc.text and "Pakistan’s" in doc.text
    assert "وزارت خارجہ" in doc.text
    assert "By Jane Doe" not in doc.text
    for junk in JUNK:
        assert junk not in doc.text


def test_html_fallback_walk_when_trafilatura_finds_nothing(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    doc = read_document(write(tmp_path, "page.htm", PAGE))
    lines = doc.text.split("\n")
    assert lines[0] == "Pakistan strikes Iran"
    assert doc.byline == "Jane Doe"  # the "By Jane Doe" paragraph, split off the text
    assert any(line.startswith("Pakistan on Thursday") for line in lines)
    assert "Iran condemned the strikes as a “flagrant aggression” and summoned the ambassador." in lines
    for junk in JUNK:
        assert junk not in doc.text
    assert doc.title == "Pakistan strikes Iran"


def test_html_fallback_when_trafilatura_raises(tmp_path, monkeypatch):
    import trafilatura

    def boom(*a, **k):
        raise RuntimeError("internal trafilatura error")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    doc = read_document(write(tmp_path, "p.html", "<html><body><p>One line.</p><p>Two <br>three.</p></body></html>"))
    assert doc.text == "One line.\nTwo\nthree."


def test_html_windows_1252_via_meta_charset(tmp_path):
    html = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
        b"<body><article><p>He said \x93hello\x94 and paid \x805 for the paper.</p>"
        b"<p>Second paragraph of the article.</p></article></body></html>"
    )
    doc = read_document(write(tmp_path, "p.html", html))
    assert "He said “hello” and paid €5 for the paper." in doc.text.split("\n")


def test_html_with_xml_declaration(tmp_path):
    html = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello “world”.</p></body></html>'
    doc = read_document(write(tmp_path, "p.xhtml", html))
    assert doc.text == "Hello “world”."


def test_same_article_from_txt_and_html_has_same_fingerprint(tmp_path):
    txt = "Pakistan strikes Iran\nBy Jane Doe\n" + "\n".join(ARTICLE).replace("“", '"').replace("”", '"')
    html = (
        "<html><head><title>Pakistan strikes Iran</title></head><body><article><h1>Pakistan strikes Iran</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + "</article></body></html>"
    )
    a = read_document(write(tmp_path, "a.txt", txt))
    b = read_document(write(tmp_path, "a.html", html))
    assert a.text != b.text
    assert fingerprint(a.text) == fingerprint(b.text)


# --- DOCX -------------------------------------------------------------------------------------


def test_docx_paragraphs_and_metadata(tmp_path):
    path = make_docx(
        tmp_path / "a.docx",
        ["By Jane Doe", *ARTICLE, "", "  "],
        heading="Pakistan strikes Iran",
        title="Strikes on Iran",
        author="Someone Who Saved It",
        created=dt.datetime(2024, 1, 18, 9, 30),
        table=[["Cell one", "Cell two"], ["Cell three", "Cell four"]],
    )
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.title == "Strikes on Iran"
    assert doc.byline == "Jane Doe"  # the byline in the text wins over the author property
    assert doc.published == "2024-01-18"
    assert doc.text.split("\n") == ["Pakistan strikes Iran", *ARTICLE, "Cell one", "Cell two", "Cell three", "Cell four"]


def test_docx_author_property_is_fallback_byline(tmp_path):
    path = make_docx(tmp_path / "a.docx", ARTICLE, author="Jane Doe")
    doc = read_document(path)
    assert doc.byline == "Jane Doe"
    assert doc.title == "A"


def test_docx_line_break_inside_paragraph(tmp_path):
    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run("First line")
    run.add_break()
    run.add_text("second line\tafter tab")
    path = tmp_path / "b.docx"
    document.save(str(path))
    assert read_document(path).text == "First line\nsecond line after tab"


# --- ODT --------------------------------------------------------------------------------------


def test_odt_paragraphs_and_metadata(tmp_path):
    path = make_odt(
        tmp_path / "a.odt",
        ["By Jane Doe", *ARTICLE, "وزارت خارجہ نے کہا۔"],
        heading="Pakistan strikes Iran",
        title="Strikes on Iran",
        created="2024-01-18T09:30:00",
        language="en-GB",
    )
    doc = read_document(path)
    assert doc.format == "odt"
    assert doc.title == "Strikes on Iran"
    assert doc.byline == "Jane Doe"
    assert doc.published == "2024-01-18"
    assert doc.language == "en-GB"
    assert doc.text.split("\n") == ["Pakistan strikes Iran", *ARTICLE, "وزارت خارجہ نے کہا۔"]


def test_odt_spaces_tabs_lists_and_skipped_parts(tmp_path):
    from odf import office, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    p = text.P()
    p.addText("Two")
    p.addElement(text.S(c=3))
    p.addText("spaces")
    p.addElement(text.Tab())
    p.addText("tab")
    p.addElement(text.LineBreak())
    p.addText("next line")
    note = text.Note(noteclass="footnote")
    body = text.NoteBody()
    body.addElement(text.P(text="FOOTNOTE-TEXT"))
    note.addElement(text.NoteCitation(text="1"))
    note.addElement(body)
    p.addElement(note)
    annotation = office.Annotation()
    annotation.addElement(text.P(text="ANNOTATION-TEXT"))
    p.addElement(annotation)
    document.text.addElement(p)
    lst = text.List()
    item = text.ListItem()
    item.addElement(text.P(text="A list item."))
    lst.addElement(item)
    document.text.addElement(lst)
    path = tmp_path / "b.odt"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text == "Two spaces tab\nnext line\nA list item."


def test_odt_creator_is_fallback_byline(tmp_path):
    doc = read_document(make_odt(tmp_path / "c.odt", ARTICLE, creator="Jane Doe"))
    assert doc.byline == "Jane Doe"


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_text_layer_paragraphs_and_metadata(tmp_path):
    paragraphs = [ARTICLE[0] * 2, ARTICLE[1] * 2, ARTICLE[2] * 2]
    page1 = ["Pakistan strikes Iran", "By Jane Doe", *wrap(paragraphs[0], 90), *wrap(paragraphs[1], 90), "1"]
    page2 = [*wrap(paragraphs[2], 90), "Page 2 of 2"]
    data = make_pdf([page1, page2], {"Title": "Strikes on Iran", "Author": "Desk", "CreationDate": "D:20240118093000Z"})
    doc = read_document(write(tmp_path, "a.pdf", data))
    assert doc.format == "pdf"
    assert doc.title == "Strikes on Iran"
    assert doc.byline == "Jane Doe"
    assert doc.published == "2024-01-18"
    assert doc.language == "en-GB"
    assert doc.text.split("\n") == ["Pakistan strikes Iran", *paragraphs]


def test_pdf_word_file_name_is_not_a_title(tmp_path):
    data = make_pdf([["Pakistan strikes Iran", *ARTICLE]], {"Title": "Microsoft Word - draft3.docx"})
    assert read_document(write(tmp_path, "a.pdf", data)).title == "Pakistan strikes Iran"


def test_pdf_paragraph_continues_across_pages(tmp_path):
    lines = wrap(ARTICLE[0] * 4, 90)
    data = make_pdf([lines[:2], lines[2:]])
    doc = read_document(write(tmp_path, "a.pdf", data))
    assert doc.text == " ".join(lines)


def test_pdf_owner_password_only_opens(tmp_path):
    from importer_samples import encrypt_pdf

    data = encrypt_pdf(make_pdf([["Iran condemned the strikes."]]), user_password="")
    doc = read_document(write(tmp_path, "restricted.pdf", data))
    assert doc.text == "Iran condemned the strikes."


# --- pasted text ------------------------------------------------------------------------------


def test_parse_pasted():
    doc = parse_pasted("\ufeffPakistan strikes Iran\r\n\r\nBy Jane Doe\r\n\r\n" + "\r\n\r\n".join(ARTICLE) + "\r\n")
    assert doc.format == "paste"
    assert doc.source_path is None
    assert doc.byline == "Jane Doe"
    assert doc.title == "Pakistan strikes Iran"
    assert doc.text == "Pakistan strikes Iran\n" + "\n".join(ARTICLE)


def test_parse_pasted_title_argument_and_wrapping():
    raw = "\n\n".join("\n".join(wrap(p * 2, 60)) for p in ARTICLE)
    doc = parse_pasted(raw, title="  My title ")
    assert doc.title == "My title"
    assert doc.text.split("\n") == [p * 2 for p in ARTICLE]


def test_parse_pasted_without_headline_has_no_title():
    assert parse_pasted("\n".join(ARTICLE)).title is None
