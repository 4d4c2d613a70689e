"""Topics: what the parties disagree about, and which statements speak to each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.core.errors import CounterclaimError
from app.store.database import Project
from app.store.records import TOPIC_COLUMNS, Topic

PALETTE = ("#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#9C755F")


def all_topics(project: Project) -> list[Topic]:
    return [Topic(*row) for row in project.execute(f"SELECT {TOPIC_COLUMNS} FROM topics ORDER BY position, id")]


def by_name(project: Project, name: str) -> Topic | None:
    row = project.execute(f"SELECT {TOPIC_COLUMNS} FROM topics WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone()
    return Topic(*row) if row else None


def ensure(project: Project, name: str, color: str | None = None, suggested_shares: str | None = None) -> int:
    """The id of the topic with this name, creating it if needed (a suggested one when
    ``suggested_shares``, the explanation, is given)."""
    name = name.strip()
    if not name:
        raise CounterclaimError("A topic needs a name.")
    found = by_name(project, name)
    if found:
        return found.id
    position, count = project.execute("SELECT coalesce(max(position) + 1, 0), count(*) FROM topics").fetchone()
    table = project.db["topics"]
    row = {"name": name, "color": color or PALETTE[count % len(PALETTE)], "position": position}
    if suggested_shares is not None:
        row.update(status="suggested", shares=suggested_shares)
    table.insert(row)
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


# -- editing (the ops in app.ops.topics_ops hold the transaction) ----------------------------


def get(project: Project, topic_id: int) -> Topic | None:
    row = project.execute(f"SELECT {TOPIC_COLUMNS} FROM topics WHERE id = ?", (topic_id,)).fetchone()
    return Topic(*row) if row else None


def require(project: Project, topic_id: int) -> Topic:
    topic = get(project, topic_id)
    if topic is None:
        raise CounterclaimError("That topic no longer exists.")
    return topic


def set_status(project: Project, topic_id: int, status: str) -> None:
    project.execute("UPDATE topics SET status = ? WHERE id = ?", (status, topic_id))


def update(project: Project, topic_id: int, name: str | None = None, color: str | None = None) -> None:
    if name is not None:
        name = name.strip()
        if not name:
            raise CounterclaimError("A topic needs a name.")
        clash = by_name(project, name)
        if clash is not None and clash.id != topic_id:
            raise CounterclaimError(f"There is already a topic called “{name}”.")
        project.execute("UPDATE topics SET name = ? WHERE id = ?", (name, topic_id))
    if color is not None:
        project.execute("UPDATE topics SET color = ? WHERE id = ?", (color, topic_id))


def set_order(project: Project, ordered_ids: Sequence[int]) -> None:
    """Put topics in this order (those left out keep their order, after them)."""
    known = [t.id for t in all_topics(project)]
    wanted = [i for i in ordered_ids if i in known]
    order = wanted + [i for i in known if i not in wanted]
    project.conn.executemany("UPDATE topics SET position = ? WHERE id = ?", [(n, i) for n, i in enumerate(order)])


def snapshot(project: Project) -> dict[int, Topic]:
    """Every topic row by id: the before/after of an undoable edit."""
    return {t.id: t for t in all_topics(project)}


def put_rows(project: Project, rows: dict[int, Topic | None]) -> None:
    """Make these topics exactly as given (None deletes, with their assignments)."""
    for topic_id, row in rows.items():
        if row is None:
            project.execute("DELETE FROM topics WHERE id = ?", (topic_id,))
    # Park names first so that two topics can swap names without tripping UNIQUE.
    present = [row for row in rows.values() if row is not None]
    project.conn.executemany(
        "UPDATE topics SET name = ? WHERE id = ?", [(f"\u2063parked topic {row.id}\u2063", row.id) for row in present]
    )
    project.conn.executemany(
        "INSERT INTO topics (id, name, color, position, status, shares) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, color = excluded.color, position = excluded.position, "
        "status = excluded.status, shares = excluded.shares",
        [(row.id, row.name, row.color, row.position, row.status, row.shares) for row in present],
    )


def statements_of(project: Project, topic_id: int) -> list[int]:
    return [r[0] for r in project.execute("SELECT statement_id FROM statement_topics WHERE topic_id = ?", (topic_id,))]


def pairs_of(project: Project, statement_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(statement id, topic id) for these statements."""
    pairs: list[tuple[int, int]] = []
    ids = list(statement_ids)
    for n in range(0, len(ids), 500):
        part = ids[n : n + 500]
        pairs += project.execute(
            f"SELECT statement_id, topic_id FROM statement_topics WHERE statement_id IN ({','.join('?' * len(part))})",
            tuple(part),
        ).fetchall()
    return [tuple(p) for p in pairs]


def add_pairs(project: Project, pairs: Iterable[tuple[int, int]]) -> None:
    project.conn.executemany(
        "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id) VALUES (?, ?)", list(pairs)
    )


def remove_pairs(project: Project, pairs: Iterable[tuple[int, int]]) -> None:
    project.conn.executemany(
        "DELETE FROM statement_topics WHERE statement_id = ? AND topic_id = ?", list(pairs)
    )


def counts(project: Project) -> dict[int, int]:
    return dict(project.execute("SELECT topic_id, count(*) FROM statement_topics GROUP BY topic_id").fetchall())
