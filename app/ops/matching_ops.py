"""The counterclaim index over a project's statements (app.core.matching), read from the store."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.core.matching import CounterclaimIndex, MatchableStatement
from app.store import statements
from app.store.database import Project


def matchable(project: Project, ids: Sequence[int] | None = None) -> list[MatchableStatement]:
    """Statements as matching sees them (party name, topic names: the journalist's and the
    suggested ones, so suggestions rank before any topic is confirmed); only those that exist."""
    rows = []
    if ids is None:
        rows = statements.detailed(project)
    else:
        ids = list(ids)
        for n in range(0, len(ids), 500):
            rows += statements.detailed(project, ids=ids[n : n + 500])
    return [MatchableStatement(r["id"], r["text"], r["party"], frozenset(r["topics"]) | frozenset(r["suggested_topics"]),
                               r["article_id"], r["start"]) for r in rows]


def build_index(
    project: Project, progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] | None = None
) -> CounterclaimIndex | None:
    """Index every statement (in the background); None if cancelled."""
    items = matchable(project)
    index = CounterclaimIndex()
    for n, item in enumerate(items):
        if cancelled is not None and n % 2000 == 0 and cancelled():
            return None
        index.update(item)
        if progress is not None and n % 5000 == 0:
            progress(n, len(items), "Reading statements for counterclaim suggestions")
    return index


def refresh(project: Project, index: CounterclaimIndex, ids: Sequence[int]) -> None:
    """Bring these statements up to date in the index (changed party, topics or text; gone)."""
    found = {m.id: m for m in matchable(project, ids)}
    for statement_id in ids:
        if statement_id in found:
            index.update(found[statement_id])
        else:
            index.remove(statement_id)


def counterclaims(project: Project, statement_id: int, limit: int = 10) -> list[dict]:
    """Ranked candidates for one statement, each with the relation suggested and its reasons:
    what ``counterclaim counterclaims`` prints."""
    from app.core.matching import relation_hint

    query = statements.require(project, statement_id)
    index = build_index(project)
    if statement_id not in index:
        return []  # page furniture: no one's statement, nothing answers it
    found = index.suggest(statement_id, limit)
    texts = {m.id: m.text for m in matchable(project, [c.statement_id for c in found])}
    return [
        {"statement_id": c.statement_id, "score": round(c.score, 3),
         "relation": relation_hint(query.text, texts.get(c.statement_id, "")), "reasons": list(c.reasons)}
        for c in found
    ]
