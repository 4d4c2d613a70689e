"""Sentences in Arabic, Persian, Urdu, French and Russian (issue 16 item 3): each language's full
stops end a sentence, its abbreviations and initials do not, and spans stay exact on any text
in those scripts (property-based)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.segment import segment

ARABIC_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"
URDU_LETTERS = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھیے"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя"


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("وزارت خارجہ نے کہا۔ یہ الزام غلط ہے؟ ہم تیار ہیں!",
     ["وزارت خارجہ نے کہا۔", "یہ الزام غلط ہے؟", "ہم تیار ہیں!"]),
    ("قال الوزير إن الهجوم فشل. وأضاف أن القوات تتقدم؟ نعم.",
     ["قال الوزير إن الهجوم فشل.", "وأضاف أن القوات تتقدم؟", "نعم."]),
    ("وزارت امور خارجه ایران اعلام کرد. وی افزود که مرز باز است؟ بله.",
     ["وزارت امور خارجه ایران اعلام کرد.", "وی افزود که مرز باز است؟", "بله."]),
    ("Президент В. В. Путин заявил, что переговоры продолжатся. Москва ждёт ответа.",
     ["Президент В. В. Путин заявил, что переговоры продолжатся.", "Москва ждёт ответа."]),
    ("Selon M. Dupont et Mme Roux, le gouvernement a menti. Le ministre dément.",
     ["Selon M. Dupont et Mme Roux, le gouvernement a menti.", "Le ministre dément."]),
    ("« Nous n'avons rien à cacher », a déclaré le porte-parole. Il a ajouté : « Rien. »",
     ["« Nous n'avons rien à cacher », a déclaré le porte-parole.", "Il a ajouté : « Rien. »"]),
])
def test_each_languages_full_stops_end_sentences_and_initials_do_not(text, expected):
    assert _texts(text) == expected


@st.composite
def _sentences(draw):
    """A few sentences of one script, each ending in one of that script's full stops."""
    alphabet, stops = draw(st.sampled_from([(ARABIC_LETTERS, ".؟!"), (URDU_LETTERS, "۔؟!"), (CYRILLIC, ".?!")]))
    word = st.text(alphabet=alphabet, min_size=2, max_size=9)
    # a sentence opens with a capital where the script has them (Arabic script has none)
    return draw(st.lists(st.builds(lambda ws, stop: " ".join(ws).capitalize() + stop,
                                   st.lists(word, min_size=2, max_size=8), st.sampled_from(list(stops))),
                         min_size=1, max_size=6))


@settings(max_examples=120, deadline=None)
@given(_sentences())
def test_spans_are_exact_and_cover_every_sentence(sentences):
    text = " ".join(sentences)
    spans = segment(text)
    assert [text[s.start:s.end] for s in spans] == sentences
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ARABIC_LETTERS + URDU_LETTERS + CYRILLIC + " .،؟۔!«»\n0123456789", max_size=300))
def test_any_text_in_these_scripts_gives_ordered_exact_spans(text):
    spans = segment(text)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(text[s.start:s.end] == text[s.start:s.end].strip() for s in spans)
