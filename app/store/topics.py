"""Topics: what the parties disagree about, and which statements speak to each."""

from __future__ import annotations

from collections.abc import Iterable

from app.core.errors import CounterclaimError
from app.store.database import Project
from app.store.records import TOPIC_COLUMNS, Topic

PALETTE = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#9C755F")


def all_topics(project: Project) -> list[Topic]:
    return [Topic(*row) for row in project.execute(f"SELECT {TOPIC_COLUMNS} FROM topics ORDER BY position, id")]


def by_name(project: Project, name: str) -> Topic | None:
    row = project.execute(f"SELECT {TOPIC_COLUMNS} FROM topics WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone()
    return Topic(*row) if row else None


def ensure(project: Project, name: str, color: str | None = None) -> int:
    """The id of the topic with this name, creating it if needed."""
    name = name.strip()
    if not name:
        raise CounterclaimError("A topic needs a name.")
    found = by_name(project, name)
    if found:
        return found.id
    position, count = project.execute("SELECT coalesce(max(position) + 1, 0), count(*) FROM topics").fetchone()
    table = project.db["topics"]
    table.insert({"name": name, "color": color or PALETTE[count % len(PALETTE)], "position": position})
    return table.last_pk


def assign(project: Project, topic_id: int, statement_ids: Iterable[int]) -> list[int]:
    """Put statements under a topic; returns the ids that were not already there."""
    ids = list(statement_ids)
    already = {
        row[0]
        for row in project.execute(
            f"SELECT statement_id FROM statement_topics WHERE topic_id = ? AND statement_id IN ({','.join('?' * len(ids))})",
            (topic_id, *ids),
        )
    }
    added = [i for i in ids if i not in already]
    project.conn.executemany(
        "INSERT INTO statement_topics (statement_id, topic_id) VALUES (?, ?)", [(i, topic_id) for i in added]
    )
    return added


def unassign(project: Project, topic_id: int, statement_ids: Iterable[int]) -> None:
    project.conn.executemany(
        "DELETE FROM statement_topics WHERE statement_id = ? AND topic_id = ?",
        [(i, topic_id) for i in statement_ids],
    )
