"""Who speaks, in Arabic, Persian, Urdu, French and Russian (app.core.multilingual), on
sentences written for these tests: one reporting construction of each press at a time."""

from __future__ import annotations

import pytest

from app.core.models import ProposedParty
from app.core.multilingual import suggest
from app.core.segment import segment


def _parties_of(text: str, language: str, existing=()):
    spans = segment(text)
    new, found = suggest(text, spans, list(existing), language)
    return [a.party for a in found], new


@pytest.mark.parametrize(("language", "text", "side"), [
    ("fr", "Le ministère malien des Affaires étrangères a fermement démenti toute incursion.", "Mali"),
    ("fr", "« Nous n'avons rien à cacher », a déclaré le porte-parole du gouvernement algérien.", "Algeria"),
    ("fr", "Selon l'état-major burkinabè et le gouvernement du Burkina Faso, l'attaque a échoué.", "Burkina Faso"),
    ("ru", "Министерство обороны России заявило, что колонна была уничтожена.", "Russia"),
    ("ru", "Об этом заявили в Министерстве иностранных дел Армении.", "Armenia"),
    ("ar", "قال المتحدث باسم الحكومة السودانية إن القوات استعادت السيطرة على المدينة.", "Sudan"),
    ("fa", "وزارت امور خارجه ایران روز دوشنبه اعلام کرد که سفیر احضار شده است.", "Iran"),
    ("ur", "پاکستان کے دفتر خارجہ نے کہا کہ سرحد پر فائرنگ بلااشتعال تھی۔", "Pakistan"),
])
def test_the_side_named_by_the_speaker_speaks(language, text, side):
    parties, new = _parties_of(text, language)
    assert parties == [side]
    assert [p.name for p in new] == [side] and new[0].aliases  # the article's own form, as an alias


def test_the_object_of_the_verb_is_not_the_speaker():
    parties, _ = _parties_of("Le gouvernement a convoqué l'ambassadeur du Mali jeudi.", "fr")
    assert parties == [None]
    parties, _ = _parties_of("Украинская сторона обвинила в срыве обмена Россию.", "ru")
    assert parties == ["Ukraine"]


def test_a_continuation_and_a_running_quotation_are_the_last_speakers():
    text = ("Le ministère malien de la Défense a affirmé que la frappe visait des terroristes. "
            "Il a ajouté que les civils avaient été prévenus.\n\n"
            "« Nous avons agi dans le respect du droit. Personne n'a été blessé », a poursuivi le ministère.")
    parties, _ = _parties_of(text, "fr")
    assert parties[:2] == ["Mali", "Mali"]
    ur = "بھارتی وزارت خارجہ نے کہا کہ پاکستان نے فائرنگ کی۔ انہوں نے مزید کہا کہ جواب دیا جائے گا۔"
    assert _parties_of(ur, "ur")[0] == ["India", "India"]


def test_narration_and_the_dateline_are_nobodys():
    parties, new = _parties_of("BAMAKO, 14 février (AFP) – La ville était calme jeudi matin.", "fr")
    assert parties == [None] and new == []
    parties, _ = _parties_of("وصلت القافلة إلى الخرطوم صباح الخميس.", "ar")
    assert parties == [None]


def test_a_party_the_project_has_is_found_by_its_aliases_in_the_script_and_not_proposed_again():
    existing = [ProposedParty("Iran", ["تهران"])]
    parties, new = _parties_of("تهران روز سه‌شنبه اعلام کرد که مرز باز است.", "fa", existing)
    assert parties == ["Iran"]
    assert all(p.name != "Iran" or p.name in {e.name for e in existing} for p in new)
