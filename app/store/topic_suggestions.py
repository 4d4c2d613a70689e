"""Suggested topics and the statements suggested into topics, kept apart from the journalist's.

A suggested topic is a row of ``topics`` with status 'suggested'; which statements are
suggested into a topic (suggested or confirmed) is ``topic_suggestions``, never
``statement_topics``, which holds only what the journalist made or accepted: every reader of
confirmed topics stays as it was, and re-suggesting can never touch the journalist's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.store.database import Project

Suggestion = tuple[int, int, float]  # (statement id, topic id, score)


def statements_to_group(project: Project) -> list[tuple]:
    """(id, text, party name, article id, paragraph, speaker, cue, article language) of every
    statement of the article's own prose (page furniture left out), in reading order."""
    return project.execute(
        """
        SELECT s.id, s.text, p.name, s.article_id, s.paragraph, s.speaker, s.cue, a.language
        FROM statements s LEFT JOIN parties p ON p.id = s.party_id JOIN articles a ON a.id = s.article_id
        WHERE s.furniture IS NULL
        ORDER BY s.article_id, s.start
        """
    ).fetchall()


def confirmed_members(project: Project) -> dict[int, list[int]]:
    """{confirmed topic id: its statements}, every confirmed topic included."""
    out: dict[int, list[int]] = {
        r[0]: [] for r in project.execute("SELECT id FROM topics WHERE status = 'confirmed' ORDER BY position, id")
    }
    for statement_id, topic_id in project.execute(
        "SELECT st.statement_id, st.topic_id FROM statement_topics st JOIN topics t ON t.id = st.topic_id "
        "WHERE t.status = 'confirmed' ORDER BY st.statement_id"
    ):
        out[topic_id].append(statement_id)
    return out


def all_suggestions(project: Project) -> list[Suggestion]:
    return [tuple(r) for r in project.execute(
        "SELECT statement_id, topic_id, score FROM topic_suggestions ORDER BY topic_id, statement_id"
    )]


def of_topics(project: Project, topic_ids: Sequence[int]) -> list[Suggestion]:
    marks = ",".join("?" * len(topic_ids))
    return [tuple(r) for r in project.execute(
        f"SELECT statement_id, topic_id, score FROM topic_suggestions WHERE topic_id IN ({marks}) "
        "ORDER BY topic_id, statement_id", tuple(topic_ids),
    )] if topic_ids else []


def of_statements(project: Project, statement_ids: Sequence[int]) -> list[Suggestion]:
    out: list[Suggestion] = []
    ids = list(statement_ids)
    for n in range(0, len(ids), 500):
        part = ids[n : n + 500]
        out += [tuple(r) for r in project.execute(
            f"SELECT statement_id, topic_id, score FROM topic_suggestions WHERE statement_id IN "
            f"({','.join('?' * len(part))}) ORDER BY topic_id, statement_id", tuple(part),
        )]
    return out


def add(project: Project, rows: Iterable[Suggestion]) -> None:
    project.conn.executemany(
        "INSERT OR REPLACE INTO topic_suggestions (statement_id, topic_id, score) VALUES (?, ?, ?)",
        [tuple(r) for r in rows],
    )


def remove(project: Project, rows: Iterable[Suggestion]) -> None:
    project.conn.executemany(
        "DELETE FROM topic_suggestions WHERE statement_id = ? AND topic_id = ?", [(r[0], r[1]) for r in rows]
    )


def suggested_topic_ids(project: Project) -> list[int]:
    return [r[0] for r in project.execute("SELECT id FROM topics WHERE status = 'suggested' ORDER BY position, id")]


def counts(project: Project) -> dict[int, int]:
    """{topic id: statements suggested into it}."""
    return dict(project.execute("SELECT topic_id, count(*) FROM topic_suggestions GROUP BY topic_id").fetchall())
