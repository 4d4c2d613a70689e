"""Statements: spans of an article's text, each with who says it and how sure we are."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.errors import CounterclaimError
from app.core.numbering import from_list, renumber
from app.core.models import Attribution, Span
from app.store.database import Project
from app.store.rows import StatementRow, rows_for
from app.store.records import STATEMENT_COLUMNS, Statement


@dataclass(frozen=True)
class TagState:
    """What a statement's tag is at one moment: enough to put it back (undo)."""

    statement_id: int
    party_id: int | None
    status: str | None


def insert_many(
    project: Project,
    article_id: int,
    text: str,
    spans: Sequence[Span],
    attributions: Sequence[Attribution] | None = None,
    party_ids: dict[str, int] | None = None,
) -> list[int]:
    """Store an article's statements in order; returns their ids. Caller holds the transaction."""
    return insert_for_articles(project, [(article_id, text, spans, attributions)], party_ids)[0]


def insert_for_articles(
    project: Project,
    items: Sequence[tuple[int, str, Sequence[Span], Sequence[Attribution] | None]],
    party_ids: dict[str, int] | None = None,
) -> list[list[int]]:
    """Store the statements of several articles, ``(article_id, text, spans, attributions)``
    each, in order; returns their ids per article. Caller holds the transaction."""
    return insert_rows(
        project, [(article_id, rows_for(text, spans, attributions)) for article_id, text, spans, attributions in items],
        party_ids,
    )


def insert_rows(
    project: Project, items: Sequence[tuple[int, Sequence[StatementRow]]], party_ids: dict[str, int] | None = None
) -> list[list[int]]:
    """Store ``(article_id, rows)`` for several articles, in order; returns the ids per article.
    Caller holds the transaction (one is opened if not).

    Rows go in as multi-row INSERTs with their ids given (the next ids SQLite would have
    picked, under the write lock), not one INSERT per row: every INSERT fires the full-text
    trigger, and SQLite opens a statement savepoint around each one, at which FTS5 (before
    SQLite 3.45) writes its pending terms out as a new index segment. Hundreds of rows per
    INSERT make one segment per several articles instead of one per sentence.
    """
    party_ids = party_ids or {}
    total = sum(len(rows) for _, rows in items)
    if not total:
        return [[] for _ in items]
    if not project.conn.in_transaction:
        with project.transaction():
            return insert_rows(project, items, party_ids)
    base = project.conn.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
    if base + total >= _MAX_ROWID:  # never in practice: let SQLite choose, then read the ids
        return [_insert_slowly(project, article_id, rows, party_ids) for article_id, rows in items]
    sizes = _insert_sizes(total, _rows_per_insert(project))
    all_ids: list[list[int]] = []
    later: list[tuple[int, int]] = []  # (carried_from id, id) pointing past the INSERT it is in
    params: list = []
    chunk = 0  # the INSERT being built: sizes[chunk] rows, the last of them row number `until` - 1
    until = sizes[0]
    count = 0  # rows sent or being built
    next_id = base + 1
    get_party = party_ids.get
    for article_id, rows in items:
        n = len(rows)
        first = next_id
        all_ids.append(list(range(first, first + n)))
        next_id += n
        for i, (start, end, words, paragraph, kind, speaker, cue, party, status, confidence, reason, quotes,
                carried, furniture) in enumerate(rows):
            carried_id = None
            if carried is not None and 0 <= carried < n:
                # foreign keys are checked at the end of each INSERT: a row in this one or an
                # earlier one can be named at once, a later one afterwards
                if first + carried - base - 1 < until:
                    carried_id = first + carried
                else:
                    later.append((first + carried, first + i))
            if reason is not None and "statement" in reason:  # name statements by id (app/core/numbering.py)
                reason = renumber(reason, lambda place, first=first, n=n: first + place - 1 if 1 <= place <= n else None)
            params += (first + i, article_id, start, end, words, paragraph, kind, speaker, cue,
                       get_party(party) if party else None, status, confidence, reason, quotes, carried_id, furniture)
            count += 1
            if count == until:
                project.conn.execute(_insert_sql(sizes[chunk]), params)
                params = []
                chunk += 1
                until += sizes[chunk] if chunk < len(sizes) else 0
    if later:
        project.conn.executemany("UPDATE statements SET carried_from = ? WHERE id = ?", later)
    return all_ids


def _insert_sizes(total: int, most: int) -> list[int]:
    """Rows per INSERT: powers of two, largest first. SQLite compiles each distinct INSERT
    (a millisecond for a few hundred rows) and the connection keeps the compiled ones, so a
    handful of sizes is compiled once, where a size per call would be compiled every time."""
    size = 1
    while size * 2 <= most:
        size *= 2
    sizes = []
    while total:
        while size > total:
            size //= 2
        sizes.append(size)
        total -= size
    return sizes


_MAX_ROWID = 2**63 - 1
_PER_ROW = 16  # values per statement row
#: Most rows per INSERT (fewer where SQLite allows fewer variables: 999 before 3.32).
MAX_ROWS_PER_INSERT = 256
_COLUMNS = (
    'id, article_id, start, "end", text, paragraph, kind, speaker, cue, party_id, status, confidence, '
    "reason, quotes, carried_from, furniture"
)
_SQL: dict[int, str] = {}


def _rows_per_insert(project: Project) -> int:
    try:
        limit = project.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):  # pragma: no cover - Python < 3.11
        limit = 999
    return max(1, min(MAX_ROWS_PER_INSERT, limit // _PER_ROW))


def _insert_sql(rows: int) -> str:
    sql = _SQL.get(rows)
    if sql is None:
        one = "(" + ", ".join("?" * _PER_ROW) + ")"
        sql = _SQL[rows] = f"INSERT INTO statements ({_COLUMNS}) VALUES " + ", ".join([one] * rows)
    return sql


def _insert_slowly(project, article_id, rows, party_ids) -> list[int]:
    project.conn.executemany(
        'INSERT INTO statements (article_id, start, "end", text, paragraph, kind, speaker, cue, '
        "party_id, status, confidence, reason, quotes, furniture) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, *row[:7], party_ids.get(row[7]) if row[7] else None, *row[8:12], row[13]) for row in rows],
    )
    ids = [
        r[0]
        for r in project.execute(
            "SELECT id FROM statements WHERE article_id = ? ORDER BY start", (article_id,)
        )
    ]
    pairs = [(ids[row[12]], ids[i]) for i, row in enumerate(rows) if row[12] is not None and 0 <= row[12] < len(ids)]
    project.conn.executemany("UPDATE statements SET carried_from = ? WHERE id = ?", pairs)
    return ids


def get(project: Project, statement_id: int) -> Statement | None:
    row = project.execute(
        f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = ?", (statement_id,)
    ).fetchone()
    return Statement(*row) if row else None


def require(project: Project, statement_id: int) -> Statement:
    statement = get(project, statement_id)
    if statement is None:
        raise CounterclaimError(f"There is no statement {statement_id} in this project.")
    return statement


def for_article(project: Project, article_id: int) -> list[Statement]:
    return [
        Statement(*row)
        for row in project.execute(
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
    ]


def furniture_spans(project: Project, article_id: int) -> list[tuple[int, int, str]]:
    """(start, end, family) of an article's page furniture: its lines that are not the article."""
    return [
        tuple(r)
        for r in project.execute(
            'SELECT start, "end", furniture FROM statements WHERE article_id = ? AND furniture IS NOT NULL '
            "ORDER BY start",
            (article_id,),
        )
    ]


def furniture_among(project: Project, ids: Sequence[int]) -> list[int]:
    """Which of these statements are page furniture."""
    ids = list(ids)
    found: list[int] = []
    for n in range(0, len(ids), 500):
        part = ids[n : n + 500]
        found += [
            r[0]
            for r in project.execute(
                f"SELECT id FROM statements WHERE furniture IS NOT NULL AND id IN ({','.join('?' * len(part))})",
                tuple(part),
            )
        ]
    return found


def count(project: Project) -> int:
    return project.execute("SELECT count(*) FROM statements").fetchone()[0]


def detailed(
    project: Project,
    article_id: int | None = None,
    party_id: int | None = None,
    ids: Sequence[int] | None = None,
) -> list[dict]:
    """Statements with their party's name and topic names (``topics``: the journalist's;
    ``suggested_topics``: those Counterclaim suggests them for), for listings and exports;
    page furniture (not the article) is left out."""
    where, params = ["s.furniture IS NULL"], []
    if article_id is not None:
        where.append("s.article_id = ?")
        params.append(article_id)
    if party_id is not None:
        where.append("s.party_id = ?")
        params.append(party_id)
    if ids is not None:
        where.append(f"s.id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    sql = f"""
        SELECT s.id, s.article_id, s.start, s."end", s.text, s.paragraph, s.kind,
               p.name AS party, s.status, s.speaker, s.cue, s.confidence, s.reason,
               s.carried_from, s.note, s.quotes,
               (SELECT json_group_array(t.name) FROM statement_topics st
                  JOIN topics t ON t.id = st.topic_id
                 WHERE st.statement_id = s.id) AS topics,
               (SELECT json_group_array(t.name) FROM topic_suggestions ts
                  JOIN topics t ON t.id = ts.topic_id
                 WHERE ts.statement_id = s.id) AS suggested_topics
        FROM statements s LEFT JOIN parties p ON p.id = s.party_id
        WHERE {" AND ".join(where)}
        ORDER BY s.article_id, s.start
    """
    cursor = project.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor:
        row = dict(zip(names, values))
        row["topics"] = sorted(json.loads(row["topics"] or "[]"))
        row["suggested_topics"] = sorted(json.loads(row["suggested_topics"] or "[]"))
        row["quotes"] = json.loads(row["quotes"] or "[]")
        rows.append(row)
    return rows


# -- tags --------------------------------------------------------------------------------


def tag_states(project: Project, statement_ids: Iterable[int]) -> list[TagState]:
    ids = list(statement_ids)
    found = {
        row[0]: TagState(*row)
        for row in project.execute(
            f"SELECT id, party_id, status FROM statements WHERE id IN ({','.join('?' * len(ids))})",
            tuple(ids),
        )
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise CounterclaimError(f"There is no statement {missing[0]} in this project.")
    return [found[i] for i in ids]


def missing(project: Project, statement_ids: Sequence[int]) -> list[int]:
    """Which of these statements are not in the project (any more), in the order given."""
    ids = list(statement_ids)
    marks = ",".join("?" * len(ids))
    found = {row[0] for row in project.execute(f"SELECT id FROM statements WHERE id IN ({marks})", tuple(ids))}
    return [i for i in ids if i not in found]


def set_tags(project: Project, states: Iterable[TagState]) -> None:
    """Write tags exactly as given; the caller holds the transaction."""
    project.conn.executemany(
        "UPDATE statements SET party_id = ?, status = ? WHERE id = ?",
        [(s.party_id, s.status, s.statement_id) for s in states],
    )


def apply_suggestions(
    project: Project, article_id: int, attributions: Sequence[Attribution], party_ids: dict[str, int]
) -> int:
    """Refresh suggestions for an article's statements in order; confirmed ones are the
    journalist's word and are left exactly as they are. Returns how many changed."""
    statements = for_article(project, article_id)
    if len(statements) != len(attributions):
        raise ValueError("attributions must match the article's statements one to one")
    by_index = [s.id for s in statements]
    id_of = from_list(by_index)
    rows = []
    for statement, a in zip(statements, attributions):
        carried = by_index[a.carried_from] if a.carried_from is not None else None
        reason = renumber(a.reason, id_of) or None
        furniture = getattr(a, "furniture", None)  # page furniture (app.core.reading.PageLine)
        base = (a.kind, a.speaker, a.cue, reason, json.dumps([list(q) for q in a.quotes]), carried, furniture)
        if furniture:
            rows.append((*base, None, None, None, statement.id))  # not the article: no one's
        elif statement.status == "confirmed":
            rows.append((*base, statement.party_id, "confirmed", statement.confidence, statement.id))
        else:
            party_id = party_ids.get(a.party) if a.party else None
            rows.append((*base, party_id, "suggested", a.confidence, statement.id))
    project.conn.executemany(
        "UPDATE statements SET kind = ?, speaker = ?, cue = ?, reason = ?, quotes = ?, "
        "carried_from = ?, furniture = ?, party_id = ?, status = ?, confidence = ? WHERE id = ?",
        rows,
    )
    return len(rows)


def set_note(project: Project, statement_id: int, note: str | None) -> None:
    project.execute("UPDATE statements SET note = ? WHERE id = ?", (note, statement_id))


def raw_rows(project: Project, ids: Sequence[int]) -> list[dict]:
    cursor = project.execute(
        f"SELECT * FROM statements WHERE id IN ({','.join('?' * len(ids))}) ORDER BY start", tuple(ids)
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


# -- listings for the desk ------------------------------------------------------------------


@dataclass(frozen=True)
class StatementFilter:
    """Which statements a listing shows. ``None`` means "any" for every field.

    ``party_id`` 0 means narration (no party); ``status`` is ``suggested``, ``confirmed``
    or ``untagged`` (no status at all).
    """

    article_id: int | None = None
    party_id: int | None = None
    status: str | None = None
    topic_id: int | None = None
    outlet: str | None = None
    #: Page furniture (lines that are not the article) is listed only when asked for.
    furniture: bool = False

    def where(self) -> tuple[list[str], list]:
        where: list[str] = [] if self.furniture else ["s.furniture IS NULL"]
        params: list = []
        if self.article_id is not None:
            where.append("s.article_id = ?")
            params.append(self.article_id)
        if self.party_id == 0:
            where.append("s.party_id IS NULL")
        elif self.party_id is not None:
            where.append("s.party_id = ?")
            params.append(self.party_id)
        if self.status == "untagged":
            where.append("s.status IS NULL")
        elif self.status is not None:
            where.append("s.status = ?")
            params.append(self.status)
        if self.topic_id is not None:
            where.append("s.id IN (SELECT statement_id FROM statement_topics WHERE topic_id = ?)")
            params.append(self.topic_id)
        if self.outlet is not None:
            where.append("a.outlet = ?")
            params.append(self.outlet)
        return where, params


# One row of a statement listing: the statement, its article's title and outlet, its topics.
LISTING_COLUMNS = """
    s.id, s.article_id, s.start, s."end", s.text, s.paragraph, s.kind, s.speaker, s.cue,
    s.party_id, s.status, s.confidence, s.reason, s.carried_from, s.furniture,
    a.title AS article_title, a.outlet,
    (SELECT group_concat(t.name, ', ') FROM statement_topics st
       JOIN topics t ON t.id = st.topic_id WHERE st.statement_id = s.id) AS topics
"""


def _listing(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def listing(
    project: Project,
    filters: StatementFilter = StatementFilter(),
    offset: int = 0,
    limit: int | None = None,
    after: tuple[int, int] | None = None,
) -> list[dict]:
    """A page of statements in reading order (article, then position), for lazy tables.

    ``after`` (article id, start) pages by position rather than by count: rows already shown
    may stop matching the filter (a suggestion just confirmed), and an offset would then
    skip as many rows that still match.
    """
    where, params = filters.where()
    if after is not None:
        where.append("(s.article_id, s.start) > (?, ?)")
        params += list(after)
    sql = f"""
        SELECT {LISTING_COLUMNS}
        FROM statements s JOIN articles a ON a.id = s.article_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY s.article_id, s.start
    """
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return _listing(project.execute(sql, tuple(params)))


def listing_count(project: Project, filters: StatementFilter = StatementFilter()) -> int:
    where, params = filters.where()
    join = " JOIN articles a ON a.id = s.article_id" if filters.outlet is not None else ""
    sql = f"SELECT count(*) FROM statements s{join} {'WHERE ' + ' AND '.join(where) if where else ''}"
    return project.execute(sql, tuple(params)).fetchone()[0]


def listing_by_ids(project: Project, ids: Sequence[int]) -> list[dict]:
    """Listing rows for these statements (those that still exist), to refresh a view."""
    ids = list(ids)
    if not ids:
        return []
    rows: list[dict] = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        rows += _listing(
            project.execute(
                f"SELECT {LISTING_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id "
                f"WHERE s.id IN ({','.join('?' * len(part))})",
                tuple(part),
            )
        )
    return rows


def tag_counts(project: Project) -> dict[str, int]:
    """How many statements there are, and how many are confirmed, suggested, untagged."""
    row = project.execute(
        "SELECT count(*), coalesce(sum(status = 'confirmed'), 0), coalesce(sum(status = 'suggested'), 0) "
        "FROM statements WHERE furniture IS NULL"
    ).fetchone()
    return {"statements": row[0], "confirmed": row[1], "suggested": row[2], "untagged": row[0] - row[1] - row[2]}


def with_party(project: Project, party_id: int) -> list[TagState]:
    """The tag states of every statement a party holds (to merge or delete it, and undo that)."""
    return [
        TagState(*row)
        for row in project.execute("SELECT id, party_id, status FROM statements WHERE party_id = ?", (party_id,))
    ]


# -- exact snapshots (undo of structural edits) ----------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Statements exactly as stored, with their topics, their links and who carries from them.

    Swapping one snapshot for another is how a split is done, undone and redone with the
    same ids every time.
    """

    rows: tuple[dict, ...]
    topics: tuple[tuple[int, int], ...] = ()
    links: tuple[dict, ...] = ()
    carried: tuple[tuple[int, int], ...] = ()  # (statement id, carried_from id)

    @property
    def ids(self) -> list[int]:
        return [r["id"] for r in self.rows]


def snapshot(project: Project, ids: Sequence[int]) -> Snapshot:
    ids = list(ids)
    if not ids:
        return Snapshot(())
    marks = ",".join("?" * len(ids))
    rows = raw_rows(project, ids)
    topics = tuple(
        tuple(r)
        for r in project.execute(
            f"SELECT statement_id, topic_id FROM statement_topics WHERE statement_id IN ({marks})", tuple(ids)
        )
    )
    cursor = project.execute(
        f"SELECT * FROM links WHERE source_id IN ({marks}) OR target_id IN ({marks})", tuple(ids) * 2
    )
    names = [d[0] for d in cursor.description]
    links = tuple(dict(zip(names, r)) for r in cursor)
    carried = tuple(
        tuple(r)
        for r in project.execute(
            f"SELECT id, carried_from FROM statements WHERE carried_from IN ({marks})", tuple(ids)
        )
    )
    return Snapshot(tuple(rows), topics, links, carried)


def swap(project: Project, remove: Snapshot, insert: Snapshot) -> None:
    """Replace the statements of ``remove`` by those of ``insert``; caller holds the transaction.

    Raises CounterclaimError when an id ``insert`` needs is taken by something made since.
    """
    if remove.ids:
        deleted = project.execute(
            f"DELETE FROM statements WHERE id IN ({','.join('?' * len(remove.ids))})", tuple(remove.ids)
        ).rowcount
        if deleted != len(remove.ids):  # the desk's own edits never get here: their undo goes first
            raise CounterclaimError(
                "This change can no longer be undone or redone: its statements were changed since "
                "by another window or the command line. Nothing was changed."
            )
    if insert.ids:
        taken = project.execute(
            f"SELECT id FROM statements WHERE id IN ({','.join('?' * len(insert.ids))})", tuple(insert.ids)
        ).fetchall()
        if taken:
            raise CounterclaimError(
                "This change can no longer be redone: the statements it made have been replaced since."
            )
    columns = list(insert.rows[0]) if insert.rows else []
    if columns:
        quoted = ", ".join(f'"{c}"' for c in columns)
        project.conn.executemany(
            f"INSERT INTO statements ({quoted}) VALUES ({', '.join('?' * len(columns))})",
            [tuple(r[c] for c in columns) for r in insert.rows],
        )
    project.conn.executemany(
        "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id) VALUES (?, ?)", list(insert.topics)
    )
    for link in insert.links:
        cols = list(link)
        project.execute(
            f"INSERT OR IGNORE INTO links ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            tuple(link[c] for c in cols),
        )
    project.conn.executemany(
        "UPDATE statements SET carried_from = ? WHERE id = ?", [(c, i) for i, c in insert.carried]
    )


def ids_between(project: Project, article_id: int, start: int, end: int) -> list[int]:
    """Every statement of an article that lies within ``start:end``, in reading order."""
    return [
        r[0]
        for r in project.execute(
            'SELECT id FROM statements WHERE article_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
            (article_id, start, end),
        )
    ]


def article_text(project: Project, article_id: int) -> str:
    row = project.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise CounterclaimError(f"There is no article {article_id} in this project.")
    return row[0]


def next_id(project: Project) -> int:
    """The id a new statement would get if given explicitly (for exact undo snapshots)."""
    return project.execute("SELECT coalesce(max(id), 0) + 1 FROM statements").fetchone()[0]
