"""Articles: stored once, never edited; the ground every statement offset stands on."""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Sequence

from app.core.models import ParsedDocument
from app.store.database import Project
from app.store.records import ARTICLE_COLUMNS, Article


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def find_by_fingerprint(project: Project, sha256: str) -> int | None:
    row = project.execute("SELECT id FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
    return row[0] if row else None


def ids_by_fingerprint(project: Project, shas: Sequence[str]) -> dict[str, int | None]:
    """``find_by_fingerprint`` for several at once: every given fingerprint, with the id of
    the article that has it or None."""
    out: dict[str, int | None] = dict.fromkeys(shas)
    keys = list(out)
    for lo in range(0, len(keys), 500):
        part = keys[lo : lo + 500]
        for sha, article_id in project.execute(
            f"SELECT sha256, id FROM articles WHERE sha256 IN ({','.join('?' * len(part))})", tuple(part)
        ):
            out[sha] = article_id
    return out


def insert(project: Project, doc: ParsedDocument, sha256: str, outlet: str | None = None) -> int:
    """Store one article; the caller holds the transaction."""
    cursor = project.conn.execute(
        "INSERT INTO articles (title, outlet, byline, published, language, source_path, format, text, "
        "sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.title, outlet or doc.outlet, doc.byline, doc.published, doc.language, doc.source_path,
         doc.format, doc.text, sha256, _now()),
    )
    return cursor.lastrowid


def next_id(project: Project) -> int:
    """The id the next article stored will get (``insert_several`` gives ids from here on)."""
    return project.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]


def insert_several(project: Project, items: Sequence[tuple[ParsedDocument, str, str | None]]) -> list[int]:
    """Store several articles, ``(doc, sha256, outlet)`` each, in order, in one INSERT; returns
    their ids (the ones SQLite would pick one by one). The caller holds the transaction.

    One INSERT, not one per article: each fires the full-text trigger in a statement
    savepoint, where FTS5 (before SQLite 3.45) writes out a new index segment.
    """
    if not items:
        return []
    base = project.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    ids = list(range(base + 1, base + 1 + len(items)))
    now = _now()
    params: list = []
    for article_id, (doc, sha256, outlet) in zip(ids, items):
        params += (article_id, doc.title, outlet or doc.outlet, doc.byline, doc.published, doc.language,
                   doc.source_path, doc.format, doc.text, sha256, now)
    per_insert = max(1, min(200, _variable_limit(project) // 11))
    for lo in range(0, len(items), per_insert):
        rows = min(per_insert, len(items) - lo)
        project.conn.execute(
            "INSERT INTO articles (id, title, outlet, byline, published, language, source_path, format, text, "
            "sha256, imported_at) VALUES " + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * rows),
            params[lo * 11 : (lo + rows) * 11],
        )
    return ids


def _variable_limit(project: Project) -> int:
    try:
        return project.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):  # pragma: no cover - Python < 3.11
        return 999


def get(project: Project, article_id: int) -> Article | None:
    row = project.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    return Article(*row) if row else None


def all_articles(project: Project, ids: Sequence[int] | None = None) -> list[Article]:
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
    params: tuple = ()
    if ids is not None:
        sql += f" WHERE id IN ({','.join('?' * len(ids))})"
        params = tuple(ids)
    return [Article(*row) for row in project.execute(sql + " ORDER BY id", params)]


def summaries(project: Project) -> list[dict]:
    """One row per article for lists: metadata and tagging counts, no text."""
    sql = """
        SELECT a.id, a.title, a.outlet, a.published, a.byline, a.format, a.source_path,
               count(s.id) AS statements,
               sum(s.status = 'confirmed') AS confirmed,
               sum(s.status = 'suggested') AS suggested,
               sum(s.party_id IS NOT NULL) AS attributed
        FROM articles a LEFT JOIN statements s ON s.article_id = a.id AND s.furniture IS NULL
        GROUP BY a.id ORDER BY a.id
    """
    cursor = project.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def count(project: Project) -> int:
    return project.execute("SELECT count(*) FROM articles").fetchone()[0]


def delete(project: Project, article_id: int) -> None:
    project.db["articles"].delete(article_id)


_SUMMARY_SQL = """
    SELECT a.id, a.title, a.outlet, a.published, a.language,
           count(s.id) AS statements,
           coalesce(sum(s.status = 'confirmed'), 0) AS confirmed,
           coalesce(sum(s.status = 'suggested'), 0) AS suggested
    FROM articles a LEFT JOIN statements s ON s.article_id = a.id AND s.furniture IS NULL
"""


def listing(project: Project, ids: Sequence[int] | None = None) -> list[dict]:
    """Rows for the desk's article list: metadata and counts, no text (fast on 2,000 articles)."""
    params: tuple = ()
    where = ""
    if ids is not None:
        where = f"WHERE a.id IN ({','.join('?' * len(ids))})"
        params = tuple(ids)
    cursor = project.execute(f"{_SUMMARY_SQL} {where} GROUP BY a.id ORDER BY a.id", params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def outlets(project: Project) -> list[str]:
    return [
        row[0]
        for row in project.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet <> '' ORDER BY outlet"
        )
    ]


def of_statements(project: Project, statement_ids: Sequence[int]) -> list[int]:
    """The articles these statements belong to."""
    ids = list(statement_ids)
    if not ids:
        return []
    return [
        row[0]
        for row in project.execute(
            f"SELECT DISTINCT article_id FROM statements WHERE id IN ({','.join('?' * len(ids))})", tuple(ids)
        )
    ]


def languages(project: Project, article_ids: Sequence[int]) -> dict[int, str | None]:
    marks = ",".join("?" * len(article_ids))
    return dict(project.execute(f"SELECT id, language FROM articles WHERE id IN ({marks})", tuple(article_ids)))


def set_languages(project: Project, languages_by_id: dict[int, str | None]) -> None:
    project.conn.executemany("UPDATE articles SET language = ? WHERE id = ?", [(v, k) for k, v in languages_by_id.items()])
