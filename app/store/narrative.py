"""What the narrative view and the comparison sheet read: one query for every placed statement.

``placed_statements`` returns one tuple per (statement, topic) of every statement that speaks
for a party — statements under no topic once, with topic None — in reading order; a place
Counterclaim suggests (``topic_suggestions``) is there too, marked in ``SUGGESTED_PLACE``. The view
filters these in memory, so changing a filter never goes back to the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.store.database import Project

# Column positions in a placed-statement tuple.
ID, PARTY, TOPIC, ARTICLE, PARAGRAPH, STATUS, TEXT, SUGGESTED_PLACE = range(8)


@dataclass(frozen=True, slots=True)
class ArticleBrief:
    id: int
    title: str | None
    outlet: str | None
    published: str | None  # ISO date (or longer ISO stamp)
    language: str | None


def placed_statements(project: Project) -> list[tuple]:
    """(id, party_id, topic_id | None, article_id, paragraph, status, text, suggested place)
    in reading order; the last is 1 where the topic is only suggested for the statement."""
    return project.execute(
        """
        SELECT s.id, s.party_id, st.topic_id, s.article_id, s.paragraph, s.status, s.text, st.suggested
        FROM statements s LEFT JOIN (
            SELECT statement_id, topic_id, 0 AS suggested FROM statement_topics
            UNION ALL SELECT statement_id, topic_id, 1 FROM topic_suggestions
        ) st ON st.statement_id = s.id
        WHERE s.party_id IS NOT NULL
        ORDER BY s.article_id, s.start
        """
    ).fetchall()


def article_briefs(project: Project) -> dict[int, ArticleBrief]:
    return {
        row[0]: ArticleBrief(*row)
        for row in project.execute("SELECT id, title, outlet, published, language FROM articles ORDER BY id")
    }


def link_rows(project: Project) -> list[tuple[int, int, int, str, str | None]]:
    """(id, source_id, target_id, relation, note) of every link."""
    return project.execute("SELECT id, source_id, target_id, relation, note FROM links ORDER BY id").fetchall()
