"""Re-run attribution suggestions; confirmed tags are never touched."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core import reading
from app.core.models import ProposedParty, Span
from app.store import articles, parties, statements
from app.store.database import Project


@dataclass
class SuggestReport:
    articles: int = 0
    statements: int = 0
    new_parties: list[str] = field(default_factory=list)


def suggest(project: Project, article_id: int | None = None) -> SuggestReport:
    report = SuggestReport()
    ids = [article_id] if article_id is not None else [a["id"] for a in articles.summaries(project)]
    for aid in ids:
        article = articles.get(project, aid)
        if article is None:
            continue
        rows = statements.for_article(project, aid)
        spans = [Span(s.start, s.end, s.paragraph) for s in rows]
        with project.transaction():
            known = [ProposedParty(p.name, p.aliases) for p in parties.all_parties(project)]
            proposed, attributions = reading.suggest(article.text, spans, known)
            for party in proposed:
                parties.add(project, party.name, party.aliases)
                report.new_parties.append(party.name)
            party_ids = {p.name: p.id for p in parties.all_parties(project)}
            report.statements += statements.apply_suggestions(project, aid, attributions, party_ids)
        report.articles += 1
    return report
