"""Code points ↔ UTF-16: the one conversion at the Qt boundary."""

from hypothesis import given
from hypothesis import strategies as st

from app.ui.offsets import Offsets, utf16_len


def test_emoji_and_astral_characters():
    text = "Iran 🇮🇷 said 𝔗𝔥𝔦𝔰 — “ok” 😀!"
    offsets = Offsets(text)
    assert not offsets.simple
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == utf16_len(text[:cp])
        assert offsets.to_code_point(u16) == cp
    # the middle of a surrogate pair rounds down to its character
    smile = text.index("😀")
    assert offsets.to_code_point(offsets.to_utf16(smile) + 1) == smile
    assert offsets.utf16_length == utf16_len(text)


def test_bmp_only_text_is_identity():
    offsets = Offsets("ایران گفت که…")
    assert offsets.simple
    assert offsets.to_utf16(5) == 5 and offsets.to_code_point(7) == 7


@given(st.text())
def test_round_trip_on_any_unicode(text):
    offsets = Offsets(text)
    for cp in range(len(text) + 1):
        assert offsets.to_code_point(offsets.to_utf16(cp)) == cp
    assert offsets.utf16_length == utf16_len(text)


def test_reader_selection_uses_code_points(qtbot):
    """Selecting text after an emoji gives article offsets, not UTF-16 ones."""
    from app.store.records import Article
    from app.ui.reader import ArticleReader

    text = "😀😀 Iran said “no” today."
    reader = ArticleReader()
    qtbot.addWidget(reader)
    article = Article(1, "t", None, None, None, None, None, "txt", text, "x", "now")
    rows = [dict(id=1, start=3, end=len(text), text=text[3:], status=None, party_id=None)]
    reader.set_article(None, article, rows)
    start = text.index("“no”")
    reader.select_text(start, start + 4)
    assert reader.selected_span() == (start, start + 4)
    assert reader.textCursor().selectedText() == "“no”"
    assert reader.statement_at(start)["id"] == 1


def test_paragraph_gap_and_emoji_together():
    """The reader shows a blank line between paragraphs: each break takes two positions."""
    text = "First 😀 para.\nSecond 𝔗 para.\n\nThird."
    offsets = Offsets(text, paragraph_gap=True)
    shown = Offsets.display_text(text, paragraph_gap=True)
    assert offsets.utf16_length == utf16_len(shown)
    for cp, ch in enumerate(text):
        u16 = offsets.to_utf16(cp)
        assert offsets.to_code_point(u16) == cp
        # the character sits at the same place in the shown text
        assert shown.encode("utf-16-le")[2 * u16 : 2 * u16 + 2] == ch.encode("utf-16-le")[:2]
    second = text.index("Second")
    assert offsets.to_code_point(offsets.to_utf16(second) - 1) == second - 1  # the blank line → the break


@given(st.text(alphabet=st.sampled_from("ab\n😀é𝔗 ")))
def test_round_trip_with_paragraph_gap(text):
    offsets = Offsets(text, paragraph_gap=True)
    for cp in range(len(text) + 1):
        assert offsets.to_code_point(offsets.to_utf16(cp)) == cp
    assert offsets.utf16_length == utf16_len(Offsets.display_text(text, True))
