"""Links: one statement contradicts, supports or answers another."""

from __future__ import annotations

import sqlite3

from app.core.errors import CounterclaimError
from app.store import sqlite_errors
from app.store.database import Project
from app.store.records import LINK_COLUMNS, Link

RELATIONS = ("contradicts", "supports", "responds-to")


def add(project: Project, source_id: int, target_id: int, relation: str = "contradicts", note: str | None = None) -> int:
    if relation not in RELATIONS:
        raise CounterclaimError(f"“{relation}” is not a kind of link; use one of: {', '.join(RELATIONS)}.")
    if source_id == target_id:
        raise CounterclaimError("A statement cannot be linked to itself.")
    table = project.db["links"]
    try:
        table.insert({"source_id": source_id, "target_id": target_id, "relation": relation, "note": note})
    except sqlite3.IntegrityError as error:
        if sqlite_errors.kind(error) == sqlite_errors.DUPLICATE:
            raise CounterclaimError(f"Statements {source_id} and {target_id} are already linked that way.") from error
        raise CounterclaimError(f"Statements {source_id} and {target_id} must both exist to be linked.") from error
    return table.last_pk


def all_links(project: Project) -> list[Link]:
    return [Link(*row) for row in project.execute(f"SELECT {LINK_COLUMNS} FROM links ORDER BY id")]


def delete(project: Project, link_id: int) -> None:
    project.execute("DELETE FROM links WHERE id = ?", (link_id,))


def get(project: Project, link_id: int) -> Link | None:
    row = project.execute(f"SELECT {LINK_COLUMNS} FROM links WHERE id = ?", (link_id,)).fetchone()
    return Link(*row) if row else None


def of_statements(project: Project, statement_ids) -> list[Link]:
    """Links that start or end at any of these statements."""
    ids = list(statement_ids)
    found: dict[int, Link] = {}
    for n in range(0, len(ids), 400):
        part = ids[n : n + 400]
        marks = ",".join("?" * len(part))
        for row in project.execute(
            f"SELECT {LINK_COLUMNS} FROM links WHERE source_id IN ({marks}) OR target_id IN ({marks})",
            (*part, *part),
        ):
            found[row[0]] = Link(*row)
    return [found[k] for k in sorted(found)]


def put_rows(project: Project, rows: dict[int, Link | None]) -> None:
    """Make these links exactly as given (None deletes): undo and redo of link edits."""
    for link_id, link in rows.items():
        if link is None:
            delete(project, link_id)
    project.conn.executemany(
        f"INSERT INTO links ({LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "source_id = excluded.source_id, target_id = excluded.target_id, relation = excluded.relation, "
        "note = excluded.note, status = excluded.status",
        [(l.id, l.source_id, l.target_id, l.relation, l.note, l.status) for l in rows.values() if l is not None],
    )


def update(project: Project, link_id: int, relation: str | None = None, note: str | None = None) -> None:
    if relation is not None:
        if relation not in RELATIONS:
            raise CounterclaimError(f"“{relation}” is not a kind of link; use one of: {', '.join(RELATIONS)}.")
        try:
            project.execute("UPDATE links SET relation = ? WHERE id = ?", (relation, link_id))
        except sqlite3.IntegrityError as error:
            raise CounterclaimError("These two statements are already linked that way.") from error
    if note is not None:
        project.execute("UPDATE links SET note = ? WHERE id = ?", (note or None, link_id))
