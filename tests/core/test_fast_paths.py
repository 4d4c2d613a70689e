"""The fast paths taken for import speed give the same answers as the plain code they replace."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import body_ties, parties, speakers
from app.core import text as T

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
MIX = st.text(alphabet=st.sampled_from(SPACES + list("aAİıſ\u212aßé\u0301\x00\x1f\ufeff\u00ad‘’“”«»„′`´-_.,") + ["x", "y"]),
              max_size=40)


def test_the_spelled_out_whitespace_is_what_str_isspace_says():
    assert sorted(T._HSPACE_CHARS) == sorted(c for c in SPACES if c != "\n")


def _fingerprint_reference(text: str) -> str:
    text = T._LINE_BREAKS.sub("\n", text)
    text = T._DROP.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(T._QUOTES)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    text = unicodedata.normalize("NFC", text)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lines_reference(raw: str) -> list[str]:
    text = T._LINE_BREAKS.sub("\n", raw)
    text = T._DROP.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return [T._HSPACE.sub(" ", line).strip() for line in text.split("\n")]


@settings(max_examples=800)
@given(MIX)
def test_fingerprint_and_cleaning_match_the_reference(text):
    assert T.fingerprint(text) == _fingerprint_reference(text)
    assert T._normalise_lines(text) == _lines_reference(text)


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["also", "on", "Monday", "last", "week", "this", "said,", ",", "", "the",
                                 "ministry", "Iran", "later", "today,", "x"]), max_size=20),
       st.sampled_from(["", " ", "  "]))
def test_stripping_the_tail_of_a_clause_matches_stripping_all_of_it(words, end):
    left = " ".join(words) + end
    assert speakers._strip_trailing(left) == speakers._strip_words(left.rstrip().split(" "))


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["army", "Armies", "ARMYS", "armyes", "army_", "xarmy", "spokesman", "spo\u212aesman",
                                 "\u017fpokesman", " ", "-", "’s", "\u0131", "\u0130", "é", "\n"]), max_size=10))
def test_body_nouns_are_found_where_the_regex_finds_them(pieces):
    text = "".join(pieces)
    resolver = parties.Resolver(text)
    for noun in ("army", "spokesman"):
        assert resolver._noun_spans(noun) == [m.span() for m in body_ties._noun_pattern(noun).finditer(text)]


def test_attributions_made_the_fast_way_are_the_dataclass():
    from dataclasses import fields

    from app.core.continuation import StatementAttribution, _made
    from app.core.models import Span

    names = [f.name for f in fields(StatementAttribution)]
    assert names == ["kind", "speaker", "cue", "party", "confidence", "quotes", "carried_from", "reason", "span",
                     "speaker_at", "speaker_class"]
    values = ("quote", "Iran", "said", "Iran", 0.9, ((1, 2),), 3, "why", Span(0, 5, 1), 4, "vague")
    fast, slow = _made(*values), StatementAttribution(*values)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    import pickle

    assert pickle.loads(pickle.dumps(fast)) == slow


def test_spans_made_the_fast_way_are_the_dataclass():
    from dataclasses import fields

    from app.core.models import Span
    from app.core.segment import _span

    assert [f.name for f in fields(Span)] == ["start", "end", "paragraph"]
    assert _span(3, 9, 2) == Span(3, 9, 2) and repr(_span(3, 9, 2)) == repr(Span(3, 9, 2))
    assert hash(_span(3, 9, 2)) == hash(Span(3, 9, 2))


@settings(max_examples=800)
@given(st.lists(st.sampled_from(list("ab. \t\n\u00a0\u2003“‘([¿\u200e-") + ["Mr", "U.S", "a" * 60]), max_size=30)
       .map("".join), st.data())
def test_the_word_before_a_stop_is_found_as_before(text, data):
    from app.core import segment as seg

    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    start = end
    while start > lo and not text[start - 1].isspace() and text[start - 1] not in seg._OPENER_SET:
        start -= 1
    assert seg._word_before(text, end, lo) == text[start:end]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["according to ", "According to", "Xaccording to ", "accordingto", "ccording to",
                                 " ", "\n", "x", "é", "_", "According  to\t"]), max_size=12).map("".join))
def test_according_to_is_found_where_the_regex_finds_it(text):
    want = sorted(m.start() for m in speakers._ACCORDING.finditer(text))
    assert speakers._hits(text, []) == want


@settings(max_examples=800)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0,")), max_size=40))
def test_the_two_words_before_are_split_off_the_end(window):
    assert window.rsplit(None, 2)[-2:] == window.split()[-2:]
