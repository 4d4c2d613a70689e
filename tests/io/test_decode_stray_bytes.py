"""UTF-8 text with a stray byte or two is read as UTF-8 (the byte replaced, and said so once),
never as Windows-1252 whole ("CafÃ©"); text that really is Windows-1252 still reads as such."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.io.importers import read_document
from app.io.importers._common import decode_text, decode_text_noting
from app.ops.importing import import_files

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

ARTICLE = "Café owners in Zürich said the rent rose. The council disputed that figure on Monday."


def test_one_stray_byte_in_utf8_is_replaced_not_the_whole_file_read_as_cp1252(tmp_path):
    path = tmp_path / "cafe.txt"
    data = ARTICLE.encode("utf-8")
    cut = data.index(b" owners")
    path.write_bytes(data[:cut] + b"\x92" + data[cut:])
    doc = read_document(path)
    assert "Café" in doc.text and "Zürich" in doc.text
    assert "Ã" not in doc.text
    assert "Café\ufffd owners" in doc.text
    (warning,) = doc.warnings
    assert "“cafe.txt”" in warning and "1 byte" in warning


def test_the_warning_reaches_the_import_report_and_the_article_is_stored_as_utf8(project, tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(ARTICLE.encode("utf-8").replace(b"rent", b"r\xffent"))
    report = import_files(project, [path])
    (outcome,) = report.outcomes
    assert outcome.imported and len(outcome.warnings) == 1
    (text,) = [r[0] for r in project.conn.execute("SELECT text FROM articles")]
    assert "Café" in text and "Zürich" in text and "r\ufffdent" in text


def test_the_cli_says_so_once_on_stderr(tmp_path, capsys):
    from app.cli import main

    path = tmp_path / "stray.txt"
    path.write_bytes(ARTICLE.encode("utf-8").replace(b"rent", b"r\xffe\xfent"))
    assert main(["import", str(tmp_path / "p.counterclaim"), str(path)]) == 0
    err = capsys.readouterr().err
    assert err.count("“stray.txt”") == 1 and "2 bytes" in err


def test_the_same_rule_holds_for_web_pages(tmp_path):
    path = tmp_path / "page.html"
    body = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    path.write_bytes(body.replace(b"rent", b"r\x93ent"))
    doc = read_document(path)
    assert "Café" in doc.text and "Ã" not in doc.text
    assert len(doc.warnings) == 1 and "“page.html”" in doc.warnings[0]


def test_real_windows_1252_is_still_windows_1252():
    data = ARTICLE.encode("cp1252") + " “quoted” – €5".encode("cp1252")
    assert decode_text(data, Path("latin.txt")) == ARTICLE + " “quoted” – €5"
    assert decode_text_noting(data, Path("latin.txt"))[1] == ()


def test_clean_utf8_has_no_warning():
    assert decode_text_noting(ARTICLE.encode(), Path("a.txt")) == (ARTICLE, ())


# Letters, digits and punctuation of several scripts, never a control character.
_TEXT = st.text(
    st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Po", "Zs"), max_codepoint=0x2FFFF),
    min_size=1,
    max_size=60,
)


@SETTINGS
@given(before=_TEXT, after=_TEXT, accents=st.lists(st.sampled_from("éüñçøßæ中ب€"), min_size=3, max_size=3), data=st.data())
def test_property_utf8_with_a_few_stray_bytes_decodes_as_utf8_with_each_replaced(before, after, accents, data):
    """Whatever UTF-8 text surrounds them (with at least as many valid non-ASCII characters,
    which say the file is UTF-8), up to three stray bytes between characters come out as
    U+FFFD each, every other character exactly as written, and one warning naming the file
    says how many."""
    text = accents[0] + before + accents[1] + after + accents[2]
    raw = text.encode("utf-8")
    bounds = [len(text[:i].encode()) for i in range(len(text) + 1)]  # character boundaries
    places = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=1, max_size=3, unique=True)))
    strays = data.draw(st.lists(st.integers(0x80, 0xFF), min_size=len(places), max_size=len(places)))
    pieces, last = [], 0
    for place, stray in zip(places, strays):
        pieces += [raw[last:place], bytes([stray])]
        last = place
    pieces.append(raw[last:])
    decoded, warnings = decode_text_noting(b"".join(pieces), Path("notes.txt"))
    assert decoded.replace("\ufffd", "") == text
    assert decoded.count("\ufffd") == len(strays)
    (warning,) = warnings
    assert "“notes.txt”" in warning
    assert f"{len(strays)} byte" in warning


@SETTINGS
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=("Cc",)), min_size=1))
def test_property_latin1_letters_never_gain_a_warning_when_they_decode_as_cp1252(text):
    data = text.encode("cp1252", errors="ignore")
    if not data:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return  # also valid UTF-8: read as such
    decoded, warnings = decode_text_noting(data, Path("x.txt"))
    if any(0xC2 <= b <= 0xF4 for b in data):  # may hold what is also a UTF-8 sequence
        return
    assert warnings == () and decoded == data.decode("cp1252")
