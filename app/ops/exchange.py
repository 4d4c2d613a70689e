"""Reading a JSON export back: the same project, ids, offsets, tags, topics and links."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImportRefused
from app.io import project_json
from app.ops.changes import Changes
from app.store import exchange
from app.store.database import Project


@dataclass
class ExchangeReport:
    source: str
    articles: int = 0
    statements: int = 0
    parties: int = 0
    topics: int = 0
    links: int = 0
    first_article_id: int | None = None

    @property
    def changes(self) -> Changes:
        """A whole project written at once: every view re-reads."""
        return Changes.of("articles", "parties", "topics", "links", "tags")


def is_export_file(path: str | os.PathLike) -> bool:
    """True for a ``.json`` file (the only JSON Counterclaim imports is its own export)."""
    return Path(path).suffix.lower() == ".json"


def import_json(project: Project, path: str | os.PathLike) -> ExchangeReport:
    """Read a Counterclaim JSON export into an empty project, in one transaction.

    The file is checked completely before anything is written; a project that already
    holds work is refused rather than merged (ids would clash), and stays as it was.
    """
    path = Path(path)
    document = project_json.read(path)
    with project.transaction():
        if not exchange.is_empty(project):
            raise ImportRefused(
                f"“{path.name}” is a whole-project export and can only be imported into a new, empty "
                f"project; “{project.path.name}” already holds work. Nothing was changed."
            )
        exchange.restore(
            project,
            document.articles,
            document.parties,
            document.topics,
            document.statements,
            document.statement_topics,
            document.links,
        )
        exchange.restore_alias_origins(project, document.alias_origins)
    return ExchangeReport(
        source=str(path),
        articles=len(document.articles),
        statements=len(document.statements),
        parties=len(document.parties),
        topics=len(document.topics),
        links=len(document.links),
        first_article_id=document.articles[0]["id"] if document.articles else None,
    )
