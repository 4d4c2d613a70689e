"""An article's language (app.core.language), on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.language import choose, detect

SAMPLES = {
    "en": "The ministry said on Tuesday that the convoy had been attacked near the border crossing.",
    "fr": "Le ministère a affirmé mardi que le convoi avait été attaqué près du poste frontière.",
    "ru": "Министерство заявило во вторник, что колонна была атакована у пограничного перехода.",
    "ar": "قالت الوزارة يوم الثلاثاء إن القافلة تعرضت لهجوم قرب المعبر الحدودي مع الجارة.",
    "fa": "وزارت خارجه روز سه‌شنبه اعلام کرد که کاروان در نزدیکی گذرگاه مرزی مورد حمله قرار گرفت.",
    "ur": "وزارت نے منگل کو بتایا کہ قافلے پر سرحدی گزرگاہ کے قریب حملہ کیا گیا تھا۔",
}


@pytest.mark.parametrize("language", SAMPLES)
def test_one_sentence_is_enough(language):
    assert detect(SAMPLES[language]) == language


def test_too_little_text_is_no_answer():
    assert detect("") is None
    assert detect("12 34 — !!") is None
    assert detect("Oui.") is None


def test_the_same_text_always_gets_the_same_answer():
    text = "Le gouvernement dément. Moscou accuse. Kiev refuse."
    assert len({detect(text) for _ in range(5)}) == 1


def test_a_pages_own_tag_is_kept_when_the_text_agrees_and_not_when_it_does_not():
    assert choose("fa-AF", SAMPLES["fa"]) == "fa-AF"  # Dari, as the page says
    assert choose("en", SAMPLES["ar"]) == "ar"  # a template's lang="en" around an Arabic article
    assert choose(None, SAMPLES["ru"]) == "ru"
    assert choose("fr", "Oui.") == "fr"  # too little text to doubt the page
    assert choose("  ", SAMPLES["en"]) == "en"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_tag_or_none(text):
    found = detect(text)
    assert found is None or (isinstance(found, str) and 2 <= len(found) <= 8)


def test_a_paragraphs_direction_is_its_first_strong_letters():
    from app.core.text import is_right_to_left

    assert is_right_to_left(SAMPLES["ar"]) and is_right_to_left(SAMPLES["ur"]) and is_right_to_left(SAMPLES["fa"])
    assert not is_right_to_left(SAMPLES["fr"]) and not is_right_to_left(SAMPLES["ru"])
    assert is_right_to_left("2024 — «تهران»") and not is_right_to_left("2024 — “Tehran” تهران")
    assert not is_right_to_left("") and not is_right_to_left("12, 34.")
