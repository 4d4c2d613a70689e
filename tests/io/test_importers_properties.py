"""Property tests: whatever bytes a file holds, read_document returns clean text or refuses."""

from __future__ import annotations

import io
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportRefused
from app.io.importers import parse_pasted, read_document
from importer_samples import ARTICLE, make_docx, make_odt, make_pdf

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def assert_final_text(text: str) -> None:
    assert text
    assert text == unicodedata.normalize("NFC", text)
    assert text.split("\n") == text.splitlines()
    for line in text.split("\n"):
        assert line and line == line.strip()
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in line)


def import_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except ImportRefused as refusal:
            message = str(refusal)
            assert message and "\n" not in message and "“fuzz" in message
            return
        assert_final_text(doc.text)


def _sample(suffix: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"sample{suffix}"
        if suffix == ".docx":
            make_docx(path, ARTICLE, title="T", author="A")
        elif suffix == ".odt":
            make_odt(path, ARTICLE, title="T")
        return path.read_bytes()


SAMPLES = {
    ".pdf": make_pdf([ARTICLE, ARTICLE], {"Title": "T"}),
    ".docx": _sample(".docx"),
    ".odt": _sample(".odt"),
    ".html": (
        "<html><head><title>T</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + "</article></body></html>"
    ).encode(),
}

_suffixes = st.sampled_from([".txt", ".md", ".html", ".docx", ".odt", ".pdf"])


@SETTINGS
@given(st.binary(max_size=3000), _suffixes)
def test_random_bytes_never_raise_anything_but_import_refused(data, suffix):
    import_bytes(data, suffix)


@SETTINGS
@given(st.sampled_from([".txt", ".md", ".html"]), st.lists(st.characters(), max_size=300).map("".join),
       st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_random_text_files_import_clean_or_refuse(suffix, text, encoding):
    import_bytes(text.encode(encoding, "ignore"), suffix)


@st.composite
def mutated(draw, suffix: str):
    data = bytearray(SAMPLES[suffix])
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[pos : pos + draw(st.integers(1, 200))]
        else:
            data[pos:pos] = draw(st.binary(min_size=1, max_size=50))
    return bytes(data)


@SETTINGS
@given(st.sampled_from(sorted(SAMPLES)).flatmap(lambda s: st.tuples(st.just(s), mutated(s))))
def test_damaged_files_never_raise_anything_but_import_refused(case):
    suffix, data = case
    import_bytes(data, suffix)


@SETTINGS
@given(st.sampled_from([".docx", ".odt"]), st.binary(max_size=2000))
def test_damaged_zip_parts_never_raise_anything_but_import_refused(suffix, garbage):
    """Valid ZIP, garbage inside: the XML parsers' errors must become refusals too."""
    source = zipfile.ZipFile(io.BytesIO(SAMPLES[suffix]))
    target = "word/document.xml" if suffix == ".docx" else "content.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, garbage if info.filename == target else source.read(info))
    import_bytes(out.getvalue(), suffix)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.characters(), st.sampled_from(["\n", "\r\n", "\n\n", "By Jane Doe\n", " "])),
                max_size=200).map("".join))
def test_parse_pasted_gives_clean_text_or_refuses(text):
    try:
        doc = parse_pasted(text)
    except ImportRefused as refusal:
        assert str(refusal).startswith("The pasted text")
        return
    assert_final_text(doc.text)
    assert doc.format == "paste"
