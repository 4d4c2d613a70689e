"""Links: one statement contradicts, supports or answers another."""

from __future__ import annotations

import sqlite3

from app.core.errors import CounterclaimError
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
        if "UNIQUE" in str(error):
            raise CounterclaimError(f"Statements {source_id} and {target_id} are already linked that way.") from error
        raise CounterclaimError(f"Statements {source_id} and {target_id} must both exist to be linked.") from error
    return table.last_pk


def all_links(project: Project) -> list[Link]:
    return [Link(*row) for row in project.execute(f"SELECT {LINK_COLUMNS} FROM links ORDER BY id")]


def delete(project: Project, link_id: int) -> None:
    project.execute("DELETE FROM links WHERE id = ?", (link_id,))
