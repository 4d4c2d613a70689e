"""The queries exports need, and the one write that puts an export back.

``select`` reads everything a filtered export holds in a handful of queries (no query
per statement, so 20,000 statements take a moment, not minutes). ``restore`` writes a
validated exchange file into an empty project with the same ids, so a JSON export read
back is the same project. SQL stays here; exporters only see plain lists of dicts.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from app.core.comparison import Grid, build_grid
from app.core.errors import CounterclaimError
from app.core.words import SUGGESTED_MARK
from app.store import alias_origins as _alias_origins
from app.store import parties as _parties
from app.store import topics as _topics
from app.store.database import Project

ARTICLE_FIELDS = (
    "id", "title", "outlet", "byline", "published", "language", "source_path", "format",
    "text", "sha256", "imported_at",
)
PARTY_FIELDS = ("id", "name", "color", "aliases", "shortcut", "position")
TOPIC_FIELDS = ("id", "name", "color", "position")
STATEMENT_FIELDS = (
    "id", "article_id", "start", "end", "text", "paragraph", "kind", "speaker", "cue",
    "party_id", "status", "confidence", "note", "reason", "quotes", "carried_from", "furniture",
)
LINK_FIELDS = ("id", "source_id", "target_id", "relation", "note", "status")


@dataclass(frozen=True)
class Selection:
    """What to export. Empty means everything; names match parties' aliases too.

    The order of ``party_names`` and ``topic_names`` is the order of the grid's columns
    and rows; without them the project's own order is used.
    """

    article_ids: tuple[int, ...] = ()
    party_names: tuple[str, ...] = ()
    topic_names: tuple[str, ...] = ()
    confirmed_only: bool = False

    def describe(self) -> dict:
        return {
            "articles": list(self.article_ids),
            "parties": list(self.party_names),
            "topics": list(self.topic_names),
            "confirmed_only": self.confirmed_only,
        }


@dataclass
class ExportData:
    """Everything one export holds, as plain values.

    ``statements`` carry every column of the table plus, for convenience, ``party`` (the
    party's name), ``topic_ids`` and ``topics`` (names, in the topics' order) and the
    citation fields of their article (``title``, ``outlet``, ``published``, ``language``).
    """

    project_name: str
    exported_at: str
    selection: Selection
    articles: list[dict] = field(default_factory=list)
    parties: list[dict] = field(default_factory=list)
    topics: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    #: Page furniture (lines of the web page that are not the article): in no export but the
    #: JSON exchange file, which carries the whole project.
    furniture: list[dict] = field(default_factory=list)
    statement_topics: list[tuple[int, int]] = field(default_factory=list)
    #: Topics Counterclaim suggests (not the journalist's): rows of the comparison grid, marked
    #: "(suggested)", with the statements suggested into them (``statement["suggested_topics"]``);
    #: never in the JSON exchange file, which carries only what the journalist made.
    suggested_topics: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    #: where each exported party's aliases came from (app/store/alias_origins.py)
    alias_origins: list[dict] = field(default_factory=list)

    def grid(self, include_untopical: bool = False) -> Grid:
        if not self.suggested_topics:
            return build_grid(self.parties, self.topics, self.statements, include_untopical=include_untopical)
        rows = [*self.topics, *({**t, "name": t["name"] + SUGGESTED_MARK} for t in self.suggested_topics)]
        statements = [
            {**s, "topics": [*s["topics"], *(n + SUGGESTED_MARK for n in s.get("suggested_topics", ()))]}
            if s.get("suggested_topics") else s
            for s in self.statements
        ]
        return build_grid(self.parties, rows, statements, include_untopical=include_untopical)

    @cached_property
    def statements_by_id(self) -> dict[int, dict]:
        return {s["id"]: s for s in self.statements}


def _rows(project: Project, sql: str, params: Sequence = ()) -> list[dict]:
    cursor = project.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def _marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


def _resolve_parties(project: Project, names: Sequence[str]) -> list[int]:
    ids: list[int] = []
    for name in names:
        party_id = _parties.require(project, name).id
        if party_id not in ids:
            ids.append(party_id)
    return ids


def _resolve_topics(project: Project, names: Sequence[str]) -> list[int]:
    ids: list[int] = []
    for name in names:
        topic = _topics.by_name(project, name)
        if topic is None:
            known = ", ".join(t.name for t in _topics.all_topics(project)) or "none yet"
            raise CounterclaimError(f"There is no topic called “{name}” in this project (topics: {known}).")
        if topic.id not in ids:
            ids.append(topic.id)
    return ids


def select(project: Project, selection: Selection | None = None) -> ExportData:
    """Read everything a filtered export holds, all from one state of the file."""
    with project.snapshot():
        return _select(project, selection)


def _select(project: Project, selection: Selection | None) -> ExportData:
    selection = selection or Selection()
    now = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    data = ExportData(project_name=project.name, exported_at=now, selection=selection)
    article_ids = list(dict.fromkeys(int(a) for a in selection.article_ids))
    data.articles = _select_articles(project, article_ids)
    # Parties and topics, in the order asked for (or the project's order)
    party_ids = _resolve_parties(project, selection.party_names)
    all_parties = _rows(project, "SELECT " + ", ".join(PARTY_FIELDS) + " FROM parties ORDER BY position, id")
    for party in all_parties:
        party["aliases"] = json.loads(party["aliases"] or "[]")
    data.parties = _in_order(all_parties, party_ids)
    topic_ids = _resolve_topics(project, selection.topic_names)
    all_topics = _rows(project, "SELECT " + ", ".join(TOPIC_FIELDS) + ", status FROM topics ORDER BY position, id")
    status = {t["id"]: t.pop("status") for t in all_topics}
    chosen = _in_order(all_topics, topic_ids)
    data.topics = [t for t in chosen if status[t["id"]] == "confirmed"]
    data.suggested_topics = [t for t in chosen if status[t["id"]] == "suggested"]

    where, params = _statement_where(article_ids, party_ids, topic_ids, selection.confirmed_only)
    rows = _select_statements(project, where, params)
    data.statements = [s for s in rows if s["furniture"] is None]
    data.furniture = [s for s in rows if s["furniture"] is not None]
    for statement in data.furniture:
        statement["quotes"] = json.loads(statement["quotes"] or "[]")
        statement["topic_ids"], statement["topics"] = [], []
    exported = {s["id"] for s in data.statements}
    _attach_topics(project, data, exported)

    # Where the exported parties' aliases came from (only aliases they still have)
    have = {p["id"]: {a.casefold() for a in p["aliases"]} for p in data.parties}
    data.alias_origins = [
        o for o in _alias_origins.rows(project, list(have)) if o["alias"].casefold() in have[o["party_id"]]
    ]

    # Links between exported statements
    links = _rows(project, "SELECT " + ", ".join(LINK_FIELDS) + " FROM links ORDER BY id")
    data.links = [lk for lk in links if lk["source_id"] in exported and lk["target_id"] in exported]
    return data


def _select_articles(project: Project, article_ids: list[int]) -> list[dict]:
    """The articles asked for (all of them when none is named); a missing one is refused."""
    sql = "SELECT " + ", ".join(f'"{c}"' for c in ARTICLE_FIELDS) + " FROM articles"
    if not article_ids:
        return _rows(project, sql + " ORDER BY id")
    found = _rows(project, sql + f" WHERE id IN ({_marks(article_ids)}) ORDER BY id", article_ids)
    missing = sorted(set(article_ids) - {a["id"] for a in found})
    if missing:
        raise CounterclaimError(f"There is no article {missing[0]} in this project.")
    return found


def _in_order(rows: list[dict], ids: list[int]) -> list[dict]:
    """The rows with these ids in this order, or all rows when no id is asked for."""
    if not ids:
        return rows
    by_id = {r["id"]: r for r in rows}
    return [by_id[i] for i in ids]


def _statement_where(article_ids, party_ids, topic_ids, confirmed_only: bool) -> tuple[list[str], list]:
    where, params = [], []
    if article_ids:
        where.append(f"s.article_id IN ({_marks(article_ids)})")
        params.extend(article_ids)
    if party_ids:
        where.append(f"s.party_id IN ({_marks(party_ids)})")
        params.extend(party_ids)
    if topic_ids:
        where.append(
            f"EXISTS (SELECT 1 FROM statement_topics st WHERE st.statement_id = s.id "
            f"AND st.topic_id IN ({_marks(topic_ids)}))"
        )
        params.extend(topic_ids)
    if confirmed_only:
        where.append("s.status = 'confirmed'")
    return where, params


def _select_statements(project: Project, where: list[str], params: list) -> list[dict]:
    columns = ", ".join(f's."{c}"' for c in STATEMENT_FIELDS)
    sql = f"""
        SELECT {columns}, p.name AS party, a.title AS title, a.outlet AS outlet,
               a.published AS published, a.language AS language
        FROM statements s
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN parties p ON p.id = s.party_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY s.article_id, s.start, s.id
    """
    return _rows(project, sql, params)


def _attach_topics(project: Project, data: ExportData, exported: set[int]) -> None:
    """Topics of each statement (only the exported topics), in the topics' order."""
    topic_order = {t["id"]: i for i, t in enumerate(data.topics)}
    topic_name = {t["id"]: t["name"] for t in data.topics}
    pairs = [
        (sid, tid)
        for sid, tid in project.execute("SELECT statement_id, topic_id FROM statement_topics")
        if sid in exported and tid in topic_order
    ]
    pairs.sort(key=lambda p: (p[0], topic_order[p[1]]))
    data.statement_topics = pairs
    by_statement: dict[int, list[int]] = {}
    for sid, tid in pairs:
        by_statement.setdefault(sid, []).append(tid)
    suggested_name = {t["id"]: t["name"] for t in data.suggested_topics}
    offered: dict[int, list[str]] = {}
    if suggested_name:
        for sid, tid in project.execute("SELECT statement_id, topic_id FROM topic_suggestions ORDER BY topic_id"):
            if sid in exported and tid in suggested_name:
                offered.setdefault(sid, []).append(suggested_name[tid])
    for statement in data.statements:
        statement["quotes"] = json.loads(statement["quotes"] or "[]")
        ids = by_statement.get(statement["id"], [])
        statement["topic_ids"] = ids
        statement["topics"] = [topic_name[t] for t in ids]
        if statement["id"] in offered:
            statement["suggested_topics"] = offered[statement["id"]]


# -- writing an exchange file back ------------------------------------------------------------


def is_empty(project: Project) -> bool:
    """True when the project holds no articles, parties, topics or statements yet."""
    for table in ("articles", "parties", "topics", "statements", "links"):
        if project.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            return False
    return True


def restore(
    project: Project,
    articles: Sequence[dict],
    parties: Sequence[dict],
    topics: Sequence[dict],
    statements: Sequence[dict],
    statement_topics: Sequence[tuple[int, int]],
    links: Sequence[dict],
) -> None:
    """Write validated exchange rows with their own ids; the caller holds the transaction.

    ``aliases`` (parties) and ``quotes`` (statements) are lists here and stored as JSON
    text the way the rest of the store writes them.
    """
    conn = project.conn

    def insert(table: str, fields: Sequence[str], rows: Sequence[dict]) -> None:
        if not rows:
            return
        cols = ", ".join(f'"{f}"' for f in fields)
        marks = ", ".join(f":{f}" for f in fields)
        conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

    insert("articles", ARTICLE_FIELDS, [{f: a.get(f) for f in ARTICLE_FIELDS} for a in articles])
    insert(
        "parties",
        PARTY_FIELDS,
        [
            {**{f: p.get(f) for f in PARTY_FIELDS}, "aliases": json.dumps(list(p.get("aliases") or []), ensure_ascii=False)}
            for p in parties
        ],
    )
    insert("topics", TOPIC_FIELDS, [{f: t.get(f) for f in TOPIC_FIELDS} for t in topics])
    # carried_from may point at a later statement: insert without it, then set it.
    rows = [
        {**{f: s.get(f) for f in STATEMENT_FIELDS}, "quotes": json.dumps([list(q) for q in s.get("quotes") or []]), "carried_from": None}
        for s in statements
    ]
    insert("statements", STATEMENT_FIELDS, rows)
    conn.executemany(
        "UPDATE statements SET carried_from = ? WHERE id = ?",
        [(s["carried_from"], s["id"]) for s in statements if s.get("carried_from") is not None],
    )
    conn.executemany(
        "INSERT INTO statement_topics (statement_id, topic_id) VALUES (?, ?)", [tuple(p) for p in statement_topics]
    )
    insert("links", LINK_FIELDS, [{f: lk.get(f) for f in LINK_FIELDS} for lk in links])


def restore_alias_origins(project: Project, alias_origins: Sequence[dict]) -> None:
    """Where the restored parties' aliases came from; the caller holds the transaction."""
    _alias_origins.restore(project, alias_origins)


__all__ = ["Selection", "ExportData", "select", "is_empty", "restore", "restore_alias_origins"]
