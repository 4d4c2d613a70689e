"""Builders for importer test files: every fixture is made by the tests, in tmp_path."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

ARTICLE = [
    "Pakistan on Thursday launched air strikes in Iran, targeting Baloch separatist groups.",
    "According to Pakistan’s foreign ministry, the strikes were “highly coordinated”.",
    "Iran condemned the strikes as a “flagrant aggression” and summoned the ambassador.",
]


# --- PDF --------------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None, *, text_layer: bool = True) -> bytes:
    """A small valid PDF, hand-written: Helvetica text, one ``Tj`` per line, WinAnsi encoding.

    ``pages`` holds the lines of each page. ``text_layer=False`` draws only a filled
    rectangle (what a scan without OCR looks like to a text extractor).
    """
    objects: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then (page, content) pairs, then info.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        if text_layer:
            body = b"BT /F1 10 Tf 14 TL 56 780 Td\n" + b"".join(_pdf_string(line) + b" Tj T*\n" for line in lines) + b"ET"
        else:
            body = b"q 0.5 g 56 400 480 380 re f Q"
        page = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
        ).encode()
        content = b"<< /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream"
        objects.extend([page, content])
    info_ref = b""
    if info:
        entries = b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in info.items())
        objects.append(b"<< " + entries + b" >>")
        info_ref = f" /Info {len(objects)} 0 R".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R".encode() + info_ref + b" >>\n")
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def wrap(paragraph: str, width: int = 80) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- DOCX -------------------------------------------------------------------------------------


def make_docx(path: Path, paragraphs: list[str], *, title: str | None = None, author: str | None = None,
              created: dt.datetime | None = None, heading: str | None = None, table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created:
        props.created = created
    document.save(str(path))
    return path


def replace_zip_member(path: Path, member: str, data: bytes) -> None:
    """Rewrite ``member`` inside the zip at ``path``."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, content in items:
            dst.writestr(info.filename, data if info.filename == member else content)


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def docx_document_xml(body_text: str, prolog: bytes = b"") -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return prolog + (
        f'<w:document xmlns:w="{ns}"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
        f"<w:p><w:r><w:t>Iran condemned the strikes.</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


# --- ODT --------------------------------------------------------------------------------------


def make_odt(path: Path, paragraphs: list[str], *, heading: str | None = None, title: str | None = None,
             creator: str | None = None, created: str | None = None, language: str | None = None) -> Path:
    from odf import dc, meta, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    if heading:
        document.text.addElement(text.H(outlinelevel=1, text=heading))
    for value in paragraphs:
        document.text.addElement(text.P(text=value))
    if title:
        document.meta.addElement(dc.Title(text=title))
    if creator:
        document.meta.addElement(meta.InitialCreator(text=creator))
    if created:
        document.meta.addElement(meta.CreationDate(text=created))
    if language:
        document.meta.addElement(dc.Language(text=language))
    document.save(str(path))
    return path
