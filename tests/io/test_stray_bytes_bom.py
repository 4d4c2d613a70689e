"""A UTF-8 file that starts with a byte-order mark is read like one without: a stray byte or
two are replaced and said so, not the whole file refused; and the note counts bytes, also
when two of them make one broken character."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from app.io.importers import read_document

ARTICLE = "Café news\n\nThe minister said the talks would go on. Le ministre a parlé.\n"


def _with_stray(stray: bytes) -> bytes:
    return ARTICLE.encode("utf-8").replace(b"talks", b"ta" + stray + b"lks")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no BOM", "BOM"])
def test_a_stray_byte_is_replaced_and_noted_with_or_without_a_bom(tmp_path: Path, suffix: str, bom: bytes) -> None:
    path = tmp_path / f"e{suffix}"
    body = _with_stray(b"\xfe")
    if suffix == ".html":
        body = b"<html><body><p>" + body.replace(b"\n\n", b"</p><p>") + b"</p></body></html>"
    path.write_bytes(bom + body)
    doc = read_document(path)
    assert "ta\ufffdlks" in doc.text and "Café" in doc.text and "parlé" in doc.text
    (note,) = [w for w in doc.warnings if "UTF-8" in w]
    assert "“e" in note and "1 byte that is not" in note


@pytest.mark.parametrize(
    ("stray", "count"),
    [(b"\xe2\x80", 2), (b"\xf0\x9f\x98", 3), (b"\xc3", 1), (b"\xe2\x80 \xff", 3)],
)
def test_the_note_counts_the_bytes_replaced_not_the_replacement_marks(tmp_path: Path, stray: bytes, count: int) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(_with_stray(stray))
    doc = read_document(path)
    assert "\ufffd" in doc.text and "Café" in doc.text
    (note,) = doc.warnings
    expected = "1 byte that is not" if count == 1 else f"{count} bytes that are not"
    assert expected in note, note
