"""Full-text search over statements (FTS5), ranked by relevance."""

from __future__ import annotations

import re
import sqlite3

from app.core.errors import CounterclaimError
from app.store.database import Project

_WORD = re.compile(r"\w+", re.UNICODE)


def _as_plain_words(query: str) -> str:
    """Quote each word so punctuation a journalist types is never FTS5 syntax."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def _forgiving(run, query: str) -> list[dict]:
    """Run an FTS5 query; one FTS5 cannot parse is retried as plain words, so a stray
    quote or colon typed in the search box still finds something."""
    query = query.strip()
    if not query:
        return []
    try:
        return run(query)
    except sqlite3.OperationalError as error:
        plain = _as_plain_words(query)
        if not plain:
            return []
        try:
            return run(plain)
        except sqlite3.OperationalError:
            raise CounterclaimError(f"The search “{query}” could not be understood ({error}).") from error


def statements(project: Project, query: str, limit: int | None = 500) -> list[dict]:
    """Statements matching an FTS5 query (phrases in quotes, AND/OR/NOT, prefix*)."""
    return _forgiving(lambda text: _run(project, text, limit), query)


def _run(project: Project, query: str, limit: int | None) -> list[dict]:
    sql = """
        SELECT s.id, s.article_id, s.start, s."end", s.text, s.paragraph, p.name AS party, s.status,
               a.title, a.outlet, a.published,
               highlight(statements_fts, 0, '[', ']') AS highlighted
        FROM statements_fts
        JOIN statements s ON s.id = statements_fts.rowid
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN parties p ON p.id = s.party_id
        WHERE statements_fts MATCH ? AND s.furniture IS NULL
        ORDER BY statements_fts.rank
    """
    params: tuple = (query,)
    if limit is not None:
        sql += " LIMIT ?"
        params += (limit,)
    cursor = project.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def listing(project: Project, query: str, filters=None, limit: int | None = 1000) -> list[dict]:
    """Statements matching a full-text query, best first, as desk listing rows, narrowed by
    party, status, topic and outlet (a ``statements.StatementFilter``)."""
    from app.store.statements import LISTING_COLUMNS, StatementFilter

    where, params = (filters or StatementFilter()).where()
    sql = f"""
        SELECT {LISTING_COLUMNS}
        FROM statements_fts
        JOIN statements s ON s.id = statements_fts.rowid
        JOIN articles a ON a.id = s.article_id
        WHERE statements_fts MATCH ? {"AND " + " AND ".join(where) if where else ""}
        ORDER BY statements_fts.rank
    """
    if limit is not None:
        sql += f" LIMIT {int(limit)}"

    def run(text: str) -> list[dict]:
        cursor = project.conn.execute(sql, (text, *params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    return _forgiving(run, query)
