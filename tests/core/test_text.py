"""app.core.text: the rules every stored article text obeys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.text import clean_text, fingerprint, looks_like_headline, split_byline


def assert_clean(text: str) -> None:
    """The invariants of stored article text."""
    assert text == unicodedata.normalize("NFC", text)
    assert text.split("\n") == text.splitlines() or text == ""
    for line in text.split("\n") if text else []:
        assert line, "no blank lines"
        assert line == line.strip(), "no leading/trailing whitespace"
        assert "  " not in line
        assert "\t" not in line
    for ch in text:
        if ch != "\n":
            assert not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F), repr(ch)
        assert ch not in "\ufeff\u2028\u2029\r"
        assert not 0xD800 <= ord(ch) <= 0xDFFF


# --- clean_text -------------------------------------------------------------------------------


def test_newlines_of_every_kind_become_one_newline():
    assert clean_text("a\r\nb\rc\u2028d\u2029e\x85f\x0cg\x0bh") == "a\nb\nc\nd\ne\nf\ng\nh"


def test_blank_lines_and_edge_whitespace_go():
    assert clean_text("\n\n  First line.  \n\n\n\tSecond\t line. \n\n") == "First line.\nSecond line."


def test_controls_nul_bom_and_soft_hyphen_removed_tab_becomes_space():
    assert clean_text("\ufeffHe\x00llo\x07 wo\u00adrld\tagain\x9b") == "Hello world again"


def test_nfc_normalisation():
    assert clean_text("Cafe\u0301") == "Caf\u00e9"


def test_control_between_letter_and_mark_does_not_leave_non_nfc():
    out = clean_text("e\x00\u0301")
    assert out == "\u00e9"


def test_keeps_curly_quotes_and_non_latin_scripts():
    text = (
        "The ministry called it “flagrant aggression” and said ‘no’.\n"
        "وزارت خارجہ نے کہا کہ پاکستان اپنی خودمختاری کا دفاع کرے گا۔\n"
        "وزارت امور خارجه ایران این حمله را محکوم کرد.\n"
        "قالت الوزارة إن الهجوم انتهاك صارخ."
    )
    assert clean_text(text) == text


def test_keeps_zero_width_joiners_used_in_persian():
    text = "می\u200cخواهم"
    assert clean_text(text) == text


def test_unicode_spaces_fold_to_one_space():
    assert clean_text("a\u00a0\u2003 b\u3000c") == "a b c"


def test_seed_style_one_paragraph_per_line_is_kept():
    text = "First paragraph, long enough.\nSecond paragraph here.\nThird one."
    assert clean_text(text) == text


def test_one_line_paragraphs_separated_by_blank_lines_stay_separate():
    raw = "Headline here\n\nFirst paragraph is one line.\n\nSecond paragraph too.\n"
    assert clean_text(raw) == "Headline here\nFirst paragraph is one line.\nSecond paragraph too."


WRAPPED = """Pakistan strikes Iran

Pakistan on Thursday launched air strikes in Iran, targeting Baloch
separatist groups that Islamabad accuses of carrying out terrorist
attacks on its soil.

The strikes came two days after Iran admitted to launching missile and
drone attacks on a Sunni militant group in Pakistan's Balochistan
province, killing two people and injuring several. A well-
known route.

Iran condemned the strikes.
"""


def test_hard_wrapped_paragraphs_are_rejoined():
    out = clean_text(WRAPPED)
    assert out.split("\n") == [
        "Pakistan strikes Iran",
        "Pakistan on Thursday launched air strikes in Iran, targeting Baloch separatist groups "
        "that Islamabad accuses of carrying out terrorist attacks on its soil.",
        "The strikes came two days after Iran admitted to launching missile and drone attacks "
        "on a Sunni militant group in Pakistan's Balochistan province, killing two people "
        "and injuring several. A well-known route.",
        "Iran condemned the strikes.",
    ]


def test_deliberate_short_lines_inside_a_wrapped_block_are_kept():
    raw = (
        "Pakistan strikes Iran\nISLAMABAD, Jan 18\n\n"
        "Pakistan on Thursday launched air strikes in Iran, targeting Baloch\n"
        "separatist groups that Islamabad accuses of carrying out terrorist\n"
        "attacks on its soil.\n\n"
        "The strikes came two days after Iran admitted to launching missile and\n"
        "drone attacks on a Sunni militant group.\n"
    )
    lines = clean_text(raw).split("\n")
    assert lines[:2] == ["Pakistan strikes Iran", "ISLAMABAD, Jan 18"]
    assert len(lines) == 4


def test_reflow_can_be_switched_off():
    assert clean_text("a b c d e\nf g\n\nh i j\nk", reflow_paragraphs=False) == "a b c d e\nf g\nh i j\nk"


def test_empty_and_whitespace_only():
    assert clean_text("") == ""
    assert clean_text(" \n\t\r\n\u2028\x00\ufeff ") == ""


# --- split_byline -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "byline"),
    [
        ("By World News DESK", "World News DESK"),
        ("BY JANE DOE AND JOHN ROE", "JANE DOE AND JOHN ROE"),
        ("By Jane Doe, Reuters", "Jane Doe, Reuters"),
        ("Byline: Jane Doe", "Jane Doe"),
        ("By: Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("by Jane Doe", "Jane Doe"),
        ("By J. R. Smith", "J. R. Smith"),
        ("By Staff Reporter", "Staff Reporter"),
        ("By Ali al-Hassan and Sara bin Laden", "Ali al-Hassan and Sara bin Laden"),
        ("By عمران خان", "عمران خان"),
    ],
)
def test_byline_recognised_and_removed(first, byline):
    found, rest = split_byline(f"{first}\nPakistan on Thursday launched strikes.\nIran condemned them.")
    assert found == byline
    assert rest == "Pakistan on Thursday launched strikes.\nIran condemned them."


@pytest.mark.parametrize(
    "first",
    [
        "By Thursday, the army had withdrawn from the border.",
        "By the time the strikes ended, two people had died",
        "By contrast, Iran said nothing.",
        "Bystanders said they heard explosions.",
        "By Jane Doe said the ministry was wrong.",
        "By launching strikes Pakistan escalated",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(first):
    text = f"{first}\nSecond paragraph."
    assert split_byline(text) == (None, text)


def test_byline_under_a_headline():
    found, rest = split_byline("Pakistan strikes Iran\nBy Jane Doe\nPakistan on Thursday launched strikes.")
    assert found == "Jane Doe"
    assert rest == "Pakistan strikes Iran\nPakistan on Thursday launched strikes."


def test_byline_only_on_top():
    text = "First paragraph.\nSecond paragraph.\nBy Jane Doe"
    assert split_byline(text) == (None, text)


def test_headline_heuristic():
    assert looks_like_headline("Pakistan launches air strikes in Iran")
    assert looks_like_headline("Is this the start of a wider war?")
    assert not looks_like_headline("Pakistan on Thursday launched air strikes in Iran.")
    assert not looks_like_headline("x " * 40)
    assert not looks_like_headline("2024")


# --- fingerprint ------------------------------------------------------------------------------


def test_fingerprint_ignores_quotes_case_whitespace_and_normal_form():
    a = "Iran called it “flagrant aggression”.\nIt’s a Café."
    b = "  IRAN called it \"flagrant   aggression\". It's a Cafe\u0301.  "
    assert fingerprint(a) == fingerprint(b)
    assert len(fingerprint(a)) == 64
    int(fingerprint(a), 16)


def test_fingerprint_differs_for_different_words():
    assert fingerprint("Iran condemned the strikes.") != fingerprint("Iran welcomed the strikes.")


# --- properties -------------------------------------------------------------------------------

# Arbitrary Unicode, surrogates and astral characters included, with plenty of the characters
# the rules are about.
_specials = st.sampled_from(
    list("\n\r\t \u00a0\u2028\u2029\x85\x0b\x0c\x00\x07\x1f\x7f\x9b\ufeff\u00ad\u0301\u200c\u200d“”‘’")
    + ["\r\n", "\n\n", "  ", "\ud800", "\udfff", "😀", "𝔄", "\U0010fffd", "e\u0301", "By Jane Doe\n"]
)
_unicode = st.lists(
    st.one_of(st.characters(), st.characters(min_codepoint=0x10000), _specials),
    max_size=120,
).map("".join)
_wrapped_like = st.lists(
    st.one_of(st.text(alphabet="abc de-", max_size=60), st.just(""), _specials), max_size=30
).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_unicode, _wrapped_like))
def test_clean_text_obeys_the_rules_and_is_idempotent(raw):
    once = clean_text(raw)
    assert_clean(once)
    assert clean_text(once) == once
    once_flat = clean_text(raw, reflow_paragraphs=False)
    assert_clean(once_flat)
    assert clean_text(once_flat, reflow_paragraphs=False) == once_flat


@settings(max_examples=200, deadline=None)
@given(_unicode)
def test_split_byline_only_removes_one_whole_line(raw):
    text = clean_text(raw)
    byline, rest = split_byline(text)
    if byline is None:
        assert rest == text
    else:
        lines = text.split("\n")
        assert len(rest.split("\n")) == len(lines) - 1 or rest == ""
        assert all(line in lines for line in rest.split("\n") if rest)


@settings(max_examples=200, deadline=None)
@given(_unicode)
def test_fingerprint_is_stable_under_cleaning(raw):
    assert fingerprint(raw) == fingerprint(raw + "\n  ")
    assert fingerprint(clean_text(raw, reflow_paragraphs=False)) == fingerprint(clean_text(raw, reflow_paragraphs=False))
