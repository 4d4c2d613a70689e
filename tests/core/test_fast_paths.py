"""The fast paths taken for import speed give the same answers as the plain code they replace."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import parties, speakers
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
        assert resolver._noun_spans(noun) == [m.span() for m in parties._noun_pattern(noun).finditer(text)]


def test_attributions_made_the_fast_way_are_the_dataclass():
    from dataclasses import fields

    from app.core.attribution import StatementAttribution, _made
    from app.core.models import Span

    names = [f.name for f in fields(StatementAttribution)]
    assert names == ["kind", "speaker", "cue", "party", "confidence", "quotes", "carried_from", "reason", "span",
                     "speaker_at"]
    values = ("quote", "Iran", "said", "Iran", 0.9, ((1, 2),), 3, "why", Span(0, 5, 1), 4)
    fast, slow = _made(*values), StatementAttribution(*values)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    import pickle

    assert pickle.loads(pickle.dumps(fast)) == slow
