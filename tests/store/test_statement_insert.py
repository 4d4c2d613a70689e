"""Batched statement inserts store exactly what one INSERT per row stored."""

from __future__ import annotations

import json

from app.core.attribution import suggest
from app.core.models import Attribution, ParsedDocument, Span
from app.store import articles, statements
from app.store.database import Project


def _reference_insert(project, article_id, text, spans, attributions=None, party_ids=None):
    """insert_many as it was: one INSERT per row, then the ids read back, then carried_from."""
    party_ids = party_ids or {}
    rows = []
    for span, a in zip(spans, attributions or [None] * len(spans)):
        row = {"article_id": article_id, "start": span.start, "end": span.end, "text": text[span.start : span.end],
               "paragraph": span.paragraph, "kind": "narration", "speaker": None, "cue": None, "party_id": None,
               "status": None, "confidence": None, "reason": None, "quotes": "[]"}
        if a is not None:
            row.update(kind=a.kind, speaker=a.speaker, cue=a.cue,
                       party_id=party_ids.get(a.party) if a.party else None, status="suggested",
                       confidence=a.confidence, reason=a.reason or None,
                       quotes=json.dumps([list(q) for q in a.quotes]))
        rows.append(row)
    project.conn.executemany(
        'INSERT INTO statements (article_id, start, "end", text, paragraph, kind, speaker, cue, '
        "party_id, status, confidence, reason, quotes) "
        "VALUES (:article_id, :start, :end, :text, :paragraph, :kind, :speaker, :cue, "
        ":party_id, :status, :confidence, :reason, :quotes)",
        rows,
    )
    ids = [r[0] for r in project.conn.execute(
        "SELECT id FROM statements WHERE article_id = ? ORDER BY start", (article_id,))]
    if attributions:
        project.conn.executemany("UPDATE statements SET carried_from = ? WHERE id = ?", [
            (ids[a.carried_from], ids[i]) for i, a in enumerate(attributions)
            if a.carried_from is not None and 0 <= a.carried_from < len(ids)])
    return ids


def _dump(project: Project) -> list[tuple]:
    return project.conn.execute('SELECT * FROM statements ORDER BY id').fetchall()


def _fts(project: Project, word: str) -> list[int]:
    return [r[0] for r in project.conn.execute(
        "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid", (word,))]


def _article(n: int) -> tuple[str, list[Span], list[Attribution]]:
    parts, spans, atts = [], [], []
    pos = 0
    for i in range(n):
        sentence = f"Sentence {i} says word{i % 7} loudly."
        spans.append(Span(pos, pos + len(sentence), 1 + i // 5))
        parts.append(sentence)
        pos += len(sentence) + 1
        carried = None
        if i % 9 == 4:
            carried = i - 3  # backwards
        if i % 11 == 3 and i + 70 < n:
            carried = i + 70  # forwards, past the next INSERT
        if i % 13 == 6 and i + 1 < n:
            carried = i + 1  # forwards, inside the same INSERT
        atts.append(Attribution("quote" if i % 3 else "reported", f"Speaker {i}", "said",
                                "Iran" if i % 2 else None, 0.5 + i % 3 / 10, ((pos - 5, pos - 2),) if i % 4 else (),
                                carried, f"reason {i}"))
    return " ".join(parts), spans, atts


def test_batched_insert_matches_row_by_row(tmp_path, monkeypatch):
    monkeypatch.setattr(statements, "MAX_ROWS_PER_INSERT", 64)
    text, spans, atts = _article(150)  # three INSERTs of up to 64 rows
    dumps, searches = [], []
    for slow in (False, True):
        with Project(tmp_path / f"p{slow}.counterclaim", create=True) as project:
            with project.transaction():
                party = project.conn.execute(
                    "INSERT INTO parties (name, color) VALUES ('Iran', '#000000')").lastrowid
                for k in range(2):  # a second article: ids continue
                    aid = articles.insert(project, ParsedDocument(text, "txt"), f"sha{k}")
                    insert = _reference_insert if slow else statements.insert_many
                    ids = insert(project, aid, text, spans, atts, {"Iran": party})
                    assert ids == [r[0] for r in project.conn.execute(
                        "SELECT id FROM statements WHERE article_id = ? ORDER BY start", (aid,))]
            dumps.append(_dump(project))
            searches.append(_fts(project, "word3"))
    assert dumps[0] == dumps[1]
    assert searches[0] == searches[1] and searches[0]


def test_insert_without_attributions_and_outside_a_transaction(tmp_path):
    text = "One. Two. Three."
    spans = [Span(0, 4, 1), Span(5, 9, 1), Span(10, 16, 1)]
    with Project(tmp_path / "p.counterclaim", create=True) as project:
        with project.transaction():
            aid = articles.insert(project, ParsedDocument(text, "txt"), "x")
        ids = statements.insert_many(project, aid, text, spans)
        assert not project.conn.in_transaction
        rows = statements.for_article(project, aid)
        assert [r.id for r in rows] == ids
        assert [(r.text, r.kind, r.status) for r in rows] == [("One.", "narration", None), ("Two.", "narration", None),
                                                             ("Three.", "narration", None)]
        assert statements.insert_many(project, aid, text, []) == []


def test_real_suggestions_store_the_same(tmp_path):
    text = ("Iran’s foreign ministry said the strikes were illegal. “We will respond,” it added.\n"
            "Pakistan’s army said it hit militant hideouts. The statement added that no civilians died.")
    from app.core.segment import segment

    spans = segment(text)
    new, atts = suggest(text, spans)
    dumps = []
    for slow in (False, True):
        with Project(tmp_path / f"r{slow}.counterclaim", create=True) as project:
            with project.transaction():
                ids = {p.name: project.conn.execute("INSERT INTO parties (name, color) VALUES (?, '#000')",
                                                    (p.name,)).lastrowid for p in new}
                aid = articles.insert(project, ParsedDocument(text, "txt"), "s")
                (_reference_insert if slow else statements.insert_many)(project, aid, text, spans, atts, ids)
            dumps.append(_dump(project))
    assert dumps[0] == dumps[1]


def test_several_articles_at_once_match_one_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(statements, "MAX_ROWS_PER_INSERT", 50)
    arts = [_article(n) for n in (30, 150, 1, 77)]
    dumps = []
    for together in (False, True):
        with Project(tmp_path / f"m{together}.counterclaim", create=True) as project:
            with project.transaction():
                party = project.conn.execute(
                    "INSERT INTO parties (name, color) VALUES ('Iran', '#000000')").lastrowid
                ids = [articles.insert(project, ParsedDocument(t, "txt"), f"sha{k}") for k, (t, _, _) in enumerate(arts)]
                items = [(aid, t, s, a) for aid, (t, s, a) in zip(ids, arts)]
                if together:
                    got = statements.insert_for_articles(project, items, {"Iran": party})
                else:
                    got = [statements.insert_many(project, *item, {"Iran": party}) for item in items]
                assert [len(g) for g in got] == [30, 150, 1, 77]
            dumps.append((_dump(project), got))
    assert dumps[0] == dumps[1]


def test_past_the_largest_id_sqlite_picks_the_ids(tmp_path, monkeypatch):
    text, spans, atts = _article(20)
    monkeypatch.setattr(statements, "_MAX_ROWID", 10)
    with Project(tmp_path / "big.counterclaim", create=True) as project:
        with project.transaction():
            aid = articles.insert(project, ParsedDocument(text, "txt"), "s")
            ids = statements.insert_many(project, aid, text, spans, atts)
        rows = statements.for_article(project, aid)
        assert [r.id for r in rows] == ids
        assert [r.carried_from for r in rows] == [ids[a.carried_from] if a.carried_from is not None else None
                                                  for a in atts]
