"""Re-run attribution suggestions; confirmed tags are never touched.

``suggest`` is the full re-run (it may propose new parties); ``reassign`` puts the parties
the project already has (and the newsroom's) onto its statements again, after the
journalist taught Counterclaim a name: it proposes nothing new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core import reading
from app.core.learning import fold
from app.core.models import Span
from app.ops import newsroom
from app.ops.changes import Changes
from app.store import articles, parties, statements
from app.store.database import Project
from app.store.statements import TagState


@dataclass
class SuggestReport:
    articles: int = 0
    statements: int = 0
    new_parties: list[str] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes.of(*(("tags", "parties") if self.new_parties else ("tags",)))


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
            known, extra = newsroom.known_for(project)
            proposed, attributions = reading.suggest(article.text, spans, known)
            for party in proposed:
                existing = parties.by_name(project, party.name)
                if existing is not None:  # an existing party learns aliases (never a merge)
                    parties.learn_aliases(project, existing.id, party.aliases)
                    continue
                parties.add(project, party.name, party.aliases, origin="suggested")
                report.new_parties.append(party.name)
            adopted = newsroom.adopt(project, extra, _unconfirmed_parties(rows, attributions))
            report.new_parties.extend(adopted)
            party_ids = {p.name: p.id for p in parties.all_parties(project)}
            report.statements += statements.apply_suggestions(project, aid, attributions, party_ids)
        report.articles += 1
    return report


def reassign(project: Project, mentioning: Sequence[str] = ()) -> tuple[list[TagState], list[TagState]]:
    """Suggest the known parties again across the project (articles whose text holds one of
    ``mentioning``, when given); the tags that changed, before and after. Caller holds the
    transaction. Confirmed tags stay exactly as they are."""
    words = [w.casefold() for w in (fold(m) for m in mentioning) if w]
    known, extra = newsroom.known_for(project)
    before_all: list[TagState] = []
    after_all: list[TagState] = []
    for summary in articles.summaries(project):
        article = articles.get(project, summary["id"])
        if article is None or (words and not any(w in article.text.casefold() for w in words)):
            continue
        rows = statements.for_article(project, article.id)
        if not rows:
            continue
        spans = [Span(s.start, s.end, s.paragraph) for s in rows]
        _, assigned = reading.suggest(article.text, spans, known, propose=False)
        if newsroom.adopt(project, extra, _unconfirmed_parties(rows, assigned)):
            known, extra = newsroom.known_for(project)
        party_ids = {p.name: p.id for p in parties.all_parties(project)}
        before = {s.id: TagState(s.id, s.party_id, s.status) for s in rows}
        statements.apply_suggestions(project, article.id, assigned, party_ids)
        for state in statements.tag_states(project, list(before)):
            if state != before[state.statement_id]:
                before_all.append(before[state.statement_id])
                after_all.append(state)
    return before_all, after_all


def _unconfirmed_parties(rows, attributions) -> list[str | None]:
    """The parties suggested where a suggestion will be written (not on confirmed tags)."""
    return [a.party for s, a in zip(rows, attributions) if s.status != "confirmed"]
