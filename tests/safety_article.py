"""Put a small article straight into a project through the store (no importer needed)."""

from __future__ import annotations

import hashlib

from app.core.models import ParsedDocument, Span
from app.store import articles, parties, statements, topics


def add_article(
    project,
    sentences: list[str],
    *,
    title: str = "Test article",
    outlet: str = "Test Outlet",
    published: str = "2024-02-01",
    language: str | None = "en",
    party: str | None = "Iran",
    topic: str | None = "What was hit",
) -> list[int]:
    """One sentence per paragraph; every statement tagged ``party`` and put under ``topic``."""
    text = "\n".join(sentences)
    spans, offset = [], 0
    for number, sentence in enumerate(sentences, start=1):
        spans.append(Span(offset, offset + len(sentence), number))
        offset += len(sentence) + 1
    doc = ParsedDocument(text=text, format="txt", title=title, outlet=outlet, published=published, language=language)
    with project.transaction():
        article_id = articles.insert(project, doc, hashlib.sha256(text.encode("utf-8")).hexdigest())
        ids = statements.insert_many(project, article_id, text, spans)
        if party:
            found = parties.by_name(project, party)
            party_id = found.id if found else parties.add(project, party)
            statements.set_tags(project, [statements.TagState(i, party_id, "confirmed") for i in ids])
        if topic:
            topics.assign(project, topics.ensure(project, topic), ids)
    return ids
