"""Importers, the bad path: every refusal is ImportRefused with one plain sentence naming the file."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from app.core.errors import ImportRefused
from app.io.importers import parse_pasted, read_document
from app.io.importers import _common, _zipguard
from importer_samples import (
    ARTICLE,
    BILLION_LAUGHS,
    docx_document_xml,
    encrypt_pdf,
    make_docx,
    make_odt,
    make_pdf,
    replace_zip_member,
)

JARGON = ("Traceback", "Error", "Exception", "errno", "lxml", "pypdf", "zipfile", "xref", "utf-8", "codec")


def refused(path, *fragments: str) -> str:
    """Assert ``read_document(path)`` is refused with a plain sentence naming the file."""
    with pytest.raises(ImportRefused) as info:
        read_document(path)
    message = str(info.value)
    assert f"“{Path(path).name}”" in message
    assert "\n" not in message
    assert message.rstrip().endswith(".")
    for word in JARGON:
        assert word not in message, message
    for fragment in fragments:
        assert fragment in message, message
    return message


# --- paths ------------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    refused(tmp_path / "gone.txt", "could not be found")


def test_directory(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    refused(tmp_path / "folder.txt", "is a folder")
    (tmp_path / "plain").mkdir()
    refused(tmp_path / "plain", "is a folder")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_no_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Hello.")
    path.chmod(0)
    try:
        refused(path, "not allowed")
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    refused(path, "not an ordinary file")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("data.xyz", "it reads plain text (.txt)"),
        ("noextension", "files without an extension"),
        ("project.json", "counterclaim import"),
        ("old.doc", "save it as .docx"),
    ],
)
def test_unknown_extension(tmp_path, name, fragment):
    path = tmp_path / name
    path.write_text("Hello there.")
    refused(path, fragment)


def test_path_types():
    with pytest.raises(ImportRefused):
        read_document("")
    with pytest.raises(ImportRefused):
        read_document("bad\x00name.txt")
    with pytest.raises(ImportRefused):
        read_document(42)  # type: ignore[arg-type]


# --- empty, binary, too big -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".odt", ".pdf"])
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"notes{suffix}"
    path.write_bytes(b"")
    message = refused(path)
    assert message == f"“notes{suffix}” is empty: there is no text to import."


@pytest.mark.parametrize("content", [b"  \n\r\n\t \xef\xbb\xbf", b"\xef\xbb\xbf", "\u2028\u00a0\n".encode()])
def test_no_text_after_cleaning(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    refused(path, "no article text")


def test_only_a_byline(tmp_path):
    path = tmp_path / "by.txt"
    path.write_text("By Jane Doe\n\n")
    refused(path, "besides its byline")


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 'text';</script></head><body><nav>Home</nav></body></html>")
    refused(path, "no article text")


def test_binary_renamed_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    refused(path, "binary file")


def test_binary_without_nul_bytes(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 50)
    refused(path, "binary file")


def test_binary_renamed_html(tmp_path):
    path = tmp_path / "blob.html"
    path.write_bytes(os.urandom(4096) + b"\x00" * 100)
    refused(path)


def test_text_file_over_the_cap_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(53 * 1024 * 1024)  # sparse: instant, no disk used

    def no_read(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(_common, "read_bounded", no_read)
    message = refused(path, "53 MB", "20 MB", "split it")
    assert message == (
        "“huge.txt” is 53 MB; Counterclaim imports text files up to 20 MB — split it into smaller files first."
    )


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".odt"])
def test_container_over_the_cap(tmp_path, suffix):
    path = tmp_path / f"huge{suffix}"
    with open(path, "wb") as handle:
        handle.truncate(101 * 1024 * 1024)
    refused(path, "101 MB", "100 MB")


def test_file_growing_after_stat_is_still_bounded(tmp_path):
    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(ImportRefused, match="larger than"):
        _common.read_bounded(path, 1000, "text files")


def test_pasted_text_refusals():
    with pytest.raises(ImportRefused, match="The pasted text is empty"):
        parse_pasted(" \n\t\u2028 ")
    with pytest.raises(ImportRefused, match="besides its byline"):
        parse_pasted("By Jane Doe\n")
    with pytest.raises(ImportRefused, match="longer than 20 MB"):
        parse_pasted("a" * (20 * 1024 * 1024 + 1))


# --- PDF --------------------------------------------------------------------------------------


def pdf_bytes() -> bytes:
    return make_pdf([ARTICLE, ARTICLE])


def test_truncated_pdf(tmp_path):
    data = pdf_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "incomplete")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(2000) + b"\n%%EOF\n")
    refused(path)


def test_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("This is plain text pretending to be a PDF. %%EOF")
    refused(path, "not a PDF")


def test_encrypted_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(encrypt_pdf(pdf_bytes(), user_password="secret"))
    message = refused(path)
    assert message == (
        "“scan.pdf” is protected by a password; open it in your PDF reader, save an unprotected copy and import that."
    )


def test_scanned_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([["ignored"]], text_layer=False))
    refused(path, "no text layer", "OCR")


def test_pdf_with_too_many_pages(tmp_path, monkeypatch):
    from app.io.importers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes())
    refused(path, "has 2 pages", "split it")


# --- DOCX / ODT -------------------------------------------------------------------------------


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_text("Just some text in a file called .docx")
    refused(path, "is not a Word document (.docx)")


def test_old_doc_renamed_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    refused(path, "older or password-protected", "save it as .docx")


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(path, "could not be read as a Word document")


def test_odt_that_is_not_a_zip(tmp_path):
    path = tmp_path / "notes.odt"
    path.write_text("not a zip")
    refused(path, "is not an OpenDocument text file")


def test_zip_that_is_not_an_odt(tmp_path):
    path = tmp_path / "archive.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(path, "is not an OpenDocument text file")


def test_truncated_docx(tmp_path):
    path = make_docx(tmp_path / "cut.docx", ARTICLE)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    refused(path)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_zip_bomb_by_ratio(tmp_path, suffix):
    path = tmp_path / f"bomb{suffix}"
    if suffix == ".docx":
        make_docx(path, ARTICLE)
    else:
        make_odt(path, ARTICLE)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/zeros.bin", b"\x00" * (30 * 1024 * 1024))  # ~30 KB packed
    refused(path, "zip bomb")


def test_zip_bomb_by_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(_zipguard, "MAX_UNCOMPRESSED_BYTES", 64 * 1024)
    path = tmp_path / "big.docx"
    make_docx(path, ARTICLE)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/media/image.bin", os.urandom(100 * 1024))
    refused(path, "would unpack to more than")


def test_zip_with_too_many_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(_zipguard, "MAX_MEMBERS", 20)
    path = tmp_path / "many.docx"
    make_docx(path, ARTICLE)
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(30):
            archive.writestr(f"extra/{i}.txt", "x")
    refused(path, "too many parts")


XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE w:document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
"""


def test_docx_external_entity(tmp_path):
    path = make_docx(tmp_path / "xxe.docx", ARTICLE)
    replace_zip_member(path, "word/document.xml", docx_document_xml("&xxe;", XXE))
    refused(path, "document type declaration")


def test_docx_billion_laughs(tmp_path):
    path = make_docx(tmp_path / "lol.docx", ARTICLE)
    replace_zip_member(path, "word/document.xml", docx_document_xml("&lol9;", BILLION_LAUGHS))
    refused(path, "document type declaration")


def test_docx_doctype_hidden_behind_comments_and_utf16(tmp_path):
    path = make_docx(tmp_path / "hidden.docx", ARTICLE)
    prolog = '<?xml version="1.0" encoding="UTF-16"?>\n<!-- a -->\n<!-- b -->\n' + XXE.decode().split("\n", 1)[1]
    xml = prolog.encode("utf-16-le")
    xml += docx_document_xml("&xxe;").decode().encode("utf-16-le")
    replace_zip_member(path, "word/document.xml", b"\xff\xfe" + xml)
    refused(path, "document type declaration")


def test_docx_parser_is_safe_even_without_the_prolog_check(tmp_path, monkeypatch):
    """Second wall: python-docx itself must neither expand nor fetch entities."""
    monkeypatch.setattr(_zipguard, "_check_prolog", lambda *a, **k: None)
    path = make_docx(tmp_path / "xxe.docx", ARTICLE)
    replace_zip_member(path, "word/document.xml", docx_document_xml("[&xxe;]", XXE))
    try:
        doc = read_document(path)
    except ImportRefused:
        return
    assert "root:" not in doc.text
    path = make_docx(tmp_path / "lol.docx", ARTICLE)
    replace_zip_member(path, "word/document.xml", docx_document_xml("[&lol9;]", BILLION_LAUGHS))
    try:
        doc = read_document(path)
    except ImportRefused:
        return
    assert "lollollol" not in doc.text


@pytest.mark.parametrize("attack", [XXE, BILLION_LAUGHS])
def test_odt_entity_attacks(tmp_path, attack):
    path = make_odt(tmp_path / "attack.odt", ARTICLE)
    ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    entity = "&xxe;" if attack is XXE else "&lol9;"
    content = attack.replace(b"w:document", b"office:document-content") + (
        f'<office:document-content {ns}><office:body><office:text><text:p>{entity}</text:p>'
        "</office:text></office:body></office:document-content>"
    ).encode()
    replace_zip_member(path, "content.xml", content)
    refused(path, "document type declaration")


def test_odt_malformed_xml_is_refused_and_not_printed(tmp_path, capsys):
    path = make_odt(tmp_path / "broken.odt", ["CONFIDENTIAL-SOURCE-NAME"])
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml")
    replace_zip_member(path, "content.xml", content[: len(content) // 2])
    refused(path, "could not be read as an OpenDocument text file")
    out = capsys.readouterr()
    assert "CONFIDENTIAL-SOURCE-NAME" not in out.out + out.err


def test_encrypted_zip_member(tmp_path):
    path = make_docx(tmp_path / "locked.docx", ARTICLE)
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag on every entry of the central directory.
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    refused(path, "is encrypted")


# --- the last wall ----------------------------------------------------------------------------


def test_unexpected_library_error_becomes_a_sentence(tmp_path, monkeypatch):
    import docx

    def boom(*args, **kwargs):
        raise KeyError("internal")

    path = make_docx(tmp_path / "a.docx", ARTICLE)
    monkeypatch.setattr(docx, "Document", boom)
    message = refused(path, "could not be read as a Word document", "damaged")
    assert message == "“a.docx” could not be read as a Word document; it may be damaged."


def test_unexpected_error_in_any_reader_becomes_a_sentence(tmp_path, monkeypatch):
    from app.io import importers

    def boom(path):
        raise RuntimeError("bug")

    monkeypatch.setitem(importers._READERS, ".txt", boom)
    path = tmp_path / "a.txt"
    path.write_text("x")
    refused(path, "could not be read as a text file")


def test_pdf_encryption_that_cannot_be_undone_is_refused_as_encrypted(tmp_path, monkeypatch):
    """E.g. AES without the `cryptography` package: the sentence says encrypted, not damaged."""
    from pypdf import PdfReader

    def no_aes(self, password):
        raise NotImplementedError("AES needs cryptography")

    monkeypatch.setattr(PdfReader, "decrypt", no_aes)
    path = tmp_path / "aes.pdf"
    path.write_bytes(encrypt_pdf(pdf_bytes(), user_password=""))
    refused(path, "is encrypted in a way Counterclaim cannot open", "save an unprotected copy")
