"""Word and OpenDocument files nested deeper than the XML parser's default limit (256
levels: tables in tables, content controls, lists in lists, sections, spans) are read whole;
past what any parser here can hold they are refused as nested too deeply — never called
damaged, which sends the journalist looking for a fault the file does not have."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.errors import ImportRefused
from app.io.importers import read_document

FIRST = "First paragraph. The minister said it was fine."
DEEP = "Deep words here. The general said the deep thing."
LAST = "After paragraph. The rebels said they were not there."

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _docx(path: Path, opening: str, closing: str, levels: int) -> Path:
    def para(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    body = para(FIRST) + opening * levels + para(DEEP) + closing * levels + para(LAST)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _CT)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return path


def _odt(path: Path, opening: str, closing: str, levels: int) -> Path:
    body = f"<text:p>{FIRST}</text:p>" + opening * levels + f"<text:p>{DEEP}</text:p>" + closing * levels + f"<text:p>{LAST}</text:p>"
    if opening == "<text:span>":  # spans live inside a paragraph
        body = f"<text:p>{FIRST}</text:p><text:p>" + opening * levels + DEEP + closing * levels + f"</text:p><text:p>{LAST}</text:p>"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


NESTINGS = {
    "docx tables": (".docx", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 3),
    "docx content controls": (".docx", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 2),
    "odt lists": (".odt", "<text:list><text:list-item>", "</text:list-item></text:list>", 2),
    "odt sections": (".odt", "<text:section>", "</text:section>", 1),
    "odt tables": (".odt", "<table:table><table:table-row><table:table-cell>", "</table:table-cell></table:table-row></table:table>", 3),
    "odt spans": (".odt", "<text:span>", "</text:span>", 1),
}


def _build(tmp_path: Path, kind: str, xml_levels: int) -> Path:
    suffix, opening, closing, per_level = NESTINGS[kind]
    make = _docx if suffix == ".docx" else _odt
    return make(tmp_path / f"deep{suffix}", opening, closing, max(1, xml_levels // per_level))


@pytest.mark.parametrize("kind", sorted(NESTINGS))
@pytest.mark.parametrize("xml_levels", [300, 600, 1500])
def test_deeper_than_the_parser_default_is_read_whole(tmp_path: Path, kind: str, xml_levels: int) -> None:
    doc = read_document(_build(tmp_path, kind, xml_levels))
    assert doc.text.split("\n") == [FIRST, DEEP, LAST]


@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_past_any_parser_limit_is_refused_as_too_deep_not_damaged(tmp_path: Path, kind: str) -> None:
    path = _build(tmp_path, kind, 5000)
    with pytest.raises(ImportRefused) as refused:
        read_document(path)
    message = str(refused.value)
    assert "“deep." in message and "nested too deeply" in message, message
    assert "damaged" not in message, message
