"""A hand-edited JSON export is checked for values no export holds, not only for their type:
a publication date that is no day of the calendar, a confidence outside 0–1, a statement that
continues itself or a statement after it or in another article, and ``true``/``false`` where
an id belongs (JSON's booleans equal 1 and 0 in Python, so ``true`` once passed for party 1).
Each is refused with a sentence that says where; a real export still reads back."""

from __future__ import annotations

import pytest

from app.core.errors import ImportRefused
from app.io.project_json import validate

TEXT_1 = "The ministry said the bridge reopened.\nResidents said cracks remained."
TEXT_2 = "The mayor said the bridge was safe."


def _statement(sid: int, article_id: int, text: str, start: int, end: int, **fields) -> dict:
    row = {
        "id": sid, "article_id": article_id, "start": start, "end": end, "text": text[start:end],
        "paragraph": 1, "kind": "reported", "speaker": None, "cue": None, "party_id": None,
        "status": None, "confidence": None, "note": None, "reason": None, "quotes": [],
        "carried_from": None,
    }
    row.update(fields)
    return row


def _article(aid: int, text: str, **fields) -> dict:
    row = {
        "id": aid, "title": f"Article {aid}", "outlet": "Daily Post", "byline": None,
        "published": "2024-02-29", "language": "en", "source_path": None, "format": "txt",
        "text": text, "sha256": f"{aid:064x}", "imported_at": "2024-03-01T10:00:00+00:00",
    }
    row.update(fields)
    return row


def _document() -> dict:
    split = TEXT_1.index("\n")
    return {
        "format": "counterclaim-export", "format_version": 1, "project": "bridge",
        "articles": [_article(1, TEXT_1), _article(2, TEXT_2, published=None)],
        "parties": [{"id": 1, "name": "Ministry", "color": "#336699", "aliases": [], "shortcut": 1, "position": 1}],
        "topics": [{"id": 1, "name": "Bridge", "color": "#996633", "position": 1}],
        "statements": [
            _statement(1, 1, TEXT_1, 0, split, party_id=1, status="confirmed", confidence=1),
            _statement(2, 1, TEXT_1, split + 1, len(TEXT_1), paragraph=2, carried_from=1, confidence=0.5),
            _statement(3, 2, TEXT_2, 0, len(TEXT_2), confidence=0),
        ],
        "statement_topics": [[1, 1]],
        "links": [{"id": 1, "source_id": 1, "target_id": 3, "relation": "contradicts", "note": None, "status": "confirmed"}],
    }


def test_a_sound_document_is_accepted() -> None:
    exchange = validate(_document(), "edited.json")
    assert len(exchange.statements) == 3
    for published in ("", None, "2024-02-29", "2024-02-29T08:30:00+00:00"):
        document = _document()
        document["articles"][0]["published"] = published
        validate(document, "edited.json")


CASES = [
    # (list, index, key, value, words the sentence must hold)
    ("articles", 0, "published", "99999-99-99", ("article 1", "date")),
    ("articles", 0, "published", "2023-02-29", ("article 1", "date")),
    ("articles", 0, "published", "2024-13-01", ("article 1", "date")),
    ("articles", 0, "published", "yesterday", ("article 1", "date")),
    ("articles", 0, "published", "2024-01-01 and then some", ("article 1", "date")),
    ("statements", 0, "confidence", 5, ("statement 1", "confidence")),
    ("statements", 0, "confidence", -0.1, ("statement 1", "confidence")),
    ("statements", 0, "confidence", 1.0000001, ("statement 1", "confidence")),
    ("statements", 1, "carried_from", 2, ("statement 2", "itself")),
    ("statements", 0, "carried_from", 2, ("statement 1", "statement 2")),  # a later one
    ("statements", 2, "carried_from", 1, ("statement 3", "statement 1")),  # another article
    ("statements", 1, "carried_from", True, ("statement 2",)),
    ("statements", 0, "party_id", True, ("statement 1", "party")),
    ("statements", 0, "party_id", 1.0, ("statement 1", "party")),
    ("statements", 0, "article_id", True, ("statement 1", "article")),
    ("statements", 1, "paragraph", True, ("statement 2", "paragraph")),
    ("links", 0, "source_id", True, ("link 1",)),
    ("links", 0, "target_id", 3.0, ("link 1",)),
    ("articles", 0, "id", True, ("articles",)),
    ("parties", 0, "id", False, ("parties",)),
    ("parties", 0, "shortcut", True, ("Ministry", "shortcut")),
    ("parties", 0, "position", True, ("Ministry", "position")),
]


@pytest.mark.parametrize(("where", "index", "key", "value", "words"), CASES, ids=[f"{c[0]}-{c[2]}-{c[3]!r}" for c in CASES])
def test_a_value_no_export_holds_is_refused_saying_where(where, index, key, value, words) -> None:
    document = _document()
    document[where][index][key] = value
    with pytest.raises(ImportRefused) as refused:
        validate(document, "edited.json")
    message = str(refused.value)
    assert message.startswith("“edited.json” cannot be imported"), message
    for word in words:
        assert word in message, message
    assert "\n" not in message and "Error" not in message


def test_an_article_file_never_brings_in_a_date_its_export_would_refuse(tmp_path) -> None:
    # The importers hand on only calendar days, so a project's own export always reads back.
    from app.io.importers import read_document

    path = tmp_path / "front.md"
    for written, kept in (("2023-02-29", None), ("2024-13-01", None), ("2024-02-29", "2024-02-29")):
        path.write_text(f"---\ntitle: Bridge\ndate: {written}\n---\nThe ministry said the bridge reopened.\n", encoding="utf-8")
        assert read_document(path).published == kept
