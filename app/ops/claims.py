"""The same claim across outlets, read from a project (``app.core.claims``): what the
narrative view groups into one card and ``counterclaim claims`` prints."""

from __future__ import annotations

from app.core.claims import Claim, group_claims
from app.core.topics import TopicItem
from app.store import topic_suggestions
from app.store.database import Project
from app.store.narrative import article_briefs


def claims(project: Project) -> list[Claim]:
    items = [TopicItem(*row) for row in topic_suggestions.statements_to_group(project)]
    return group_claims(items)


def claim_listing(project: Project) -> list[dict]:
    """Every claim carried by two articles or more, with each source's citation."""
    rows = {row[0]: row for row in topic_suggestions.statements_to_group(project)}
    briefs = article_briefs(project)
    out = []
    for claim in group_claims([TopicItem(*row) for row in rows.values()]):
        sources = []
        for statement_id in claim.statement_ids:
            _id, text, _party, article_id, paragraph, *_ = rows[statement_id]
            brief = briefs.get(article_id)
            sources.append({
                "statement_id": statement_id, "text": text, "article_id": article_id, "paragraph": paragraph,
                "outlet": brief.outlet if brief else None, "title": brief.title if brief else None,
                "published": brief.published if brief else None,
            })
        outlets = {s["outlet"] or f"article {s['article_id']}" for s in sources}
        out.append({"party": claim.party, "text": sources[0]["text"], "statement_ids": list(claim.statement_ids),
                    "articles": len(claim.article_ids), "outlets": len(outlets), "sources": sources})
    return out
