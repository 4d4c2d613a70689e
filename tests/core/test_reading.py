"""Reading an article as a reader does: furniture is no one's, embedded posts are their authors'."""

from __future__ import annotations

from app.core.models import ProposedParty
from app.core.reading import furniture_of, suggest
from app.core.segment import segment


def _read(text, known=()):
    spans = segment(text)
    new, out = suggest(text, spans, known)
    return [(text[s.start : s.end], a) for s, a in zip(spans, out)]


def test_an_embedded_post_is_a_quote_of_its_author_and_its_signature_is_furniture():
    text = (
        "The port authority said the ferry would resume on Monday.\n"
        "Water is still rising near the old mill. Stay away from the quay. pic.twitter.com/Zx81Qa\n"
        "— Marta Kowalczyk (@martakow_news) October 12, 2025\n"
        "The authority did not comment on the post."
    )
    read = _read(text, [ProposedParty("Port Authority", ["Marta Kowalczyk"])])
    post = [(w, a) for w, a in read if a.kind == "quote" and a.speaker == "Marta Kowalczyk"]
    assert [w for w, _ in post] == ["Water is still rising near the old mill.",
                                    "Stay away from the quay. pic.twitter.com/Zx81Qa"]
    assert all(a.party == "Port Authority" for _, a in post)
    signature = [a for w, a in read if w.startswith("—")]
    assert signature and signature[0].furniture == "embed"
    assert all(furniture_of(a) is None for w, a in read if "authority" in w.lower())


def test_furniture_takes_no_part_in_parties_or_continuations():
    text = (
        "Follow Ruritania Today on Telegram for updates.\n"
        "The Ruritanian interior ministry said the curfew would end on Sunday.\n"
        "It added that roadblocks would stay."
    )
    read = _read(text)
    assert read[0][1].furniture == "call" and read[0][1].party is None
    assert read[2][1].carried_from in (None, 1)  # indices stay those of the whole article
