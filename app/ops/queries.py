"""Reads are verbs too: what the desk and the command line ask of a project, by subject.

Each is a thin call into app/store, which owns every SQL statement; the desk and the CLI
read through these and never import the store (import-linter's contracts in pyproject.toml
say so). The names are what a journalist asks for: the articles, one article, the
statements of an article or a party, the parties, the topics, the links.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.store import alias_origins as _origins
from app.store import articles as _articles
from app.store import exchange as _exchange
from app.store import links as _links
from app.store import narrative as _narrative
from app.store import parties as _parties
from app.store import search as _search
from app.store import statements as _statements
from app.store import topic_suggestions as _topic_suggestions
from app.store import topics as _topics
from app.store import watch as _watch
from app.store.alias_origins import Origin
from app.store.database import Project
from app.store.exchange import ExportData
from app.store.links import RELATIONS
from app.store.narrative import ARTICLE, ID, PARAGRAPH, PARTY, STATUS, SUGGESTED_PLACE, TEXT, TOPIC, ArticleBrief
from app.store.records import Article, Link, Party, Topic
from app.store.statements import StatementFilter

# The shapes these reads return, and the filter the statement listings take. The column
# positions (ID … TEXT) index the tuples of placed_statements.
__all__ = [
    "ARTICLE", "ID", "PARAGRAPH", "PARTY", "RELATIONS", "STATUS", "SUGGESTED_PLACE", "TEXT", "TOPIC", "Article",
    "ArticleBrief", "ExportData", "Link", "Origin", "Party", "StatementFilter", "Topic",
    "alias_origins", "article", "article_briefs", "data_version", "article_count", "article_summaries", "articles",
    "articles_of", "comparison", "furniture_spans", "links", "links_of", "outlets", "parties",
    "party_counts", "party_named", "placed_statements", "search", "search_listing",
    "statement_count", "statement_details", "statements", "statements_by_ids", "tag_counts",
    "topic_counts", "topic_pairs", "topics",
]


# -- articles -------------------------------------------------------------------------------


def articles(project: Project, ids: Sequence[int] | None = None) -> list[dict]:
    """The article list's rows (all, or these ids): metadata and counts, no text."""
    return _articles.listing(project, ids)


def article_summaries(project: Project) -> list[dict]:
    """One row per article with its tagging counts, for choosing what to export."""
    return _articles.summaries(project)


def article(project: Project, article_id: int) -> Article | None:
    """One article, with its text (None if it is gone)."""
    return _articles.get(project, article_id)


def article_count(project: Project) -> int:
    return _articles.count(project)


def outlets(project: Project) -> list[str]:
    """The outlets named on the project's articles, in alphabetical order."""
    return _articles.outlets(project)


def articles_of(project: Project, statement_ids: Sequence[int]) -> list[int]:
    """The ids of the articles these statements belong to."""
    return _articles.of_statements(project, statement_ids)


# -- statements -----------------------------------------------------------------------------


def statements(
    project: Project,
    filters: StatementFilter | None = None,
    offset: int = 0,
    limit: int | None = None,
    after: tuple[int, int] | None = None,
) -> list[dict]:
    """The statement table's rows for a filter, in reading order (a page of them with limit)."""
    return _statements.listing(project, filters or StatementFilter(), offset, limit, after)


def statements_by_ids(project: Project, ids: Sequence[int]) -> list[dict]:
    """The statement table's rows for these statements (those that still exist)."""
    return _statements.listing_by_ids(project, ids)


def statement_count(project: Project, filters: StatementFilter | None = None) -> int:
    return _statements.listing_count(project, filters or StatementFilter())


def statement_details(
    project: Project,
    article_id: int | None = None,
    party_id: int | None = None,
    ids: Sequence[int] | None = None,
) -> list[dict]:
    """The statements of an article, of a party, or these ids, with their party's name and
    topics (page furniture left out): what `counterclaim statements` prints."""
    return _statements.detailed(project, article_id=article_id, party_id=party_id, ids=ids)


def tag_counts(project: Project) -> dict[str, int]:
    """How many statements there are, and how many are confirmed, suggested, untagged."""
    return _statements.tag_counts(project)


def furniture_spans(project: Project, article_id: int) -> list[tuple[int, int, str]]:
    """(start, end, family) of an article's page furniture: its lines that are not the article."""
    return _statements.furniture_spans(project, article_id)


def search(project: Project, query: str, limit: int | None = 500) -> list[dict]:
    """Statements matching a full-text query (FTS5), best first, the match highlighted."""
    return _search.statements(project, query, limit=limit)


def search_listing(
    project: Project, query: str, filters: StatementFilter | None = None, limit: int | None = 1000
) -> list[dict]:
    """The statement table's rows matching a full-text query, best first, narrowed by a filter."""
    return _search.listing(project, query, filters, limit=limit)


# -- parties, topics, links -----------------------------------------------------------------


def parties(project: Project) -> list[Party]:
    """The project's parties in their order (the order of the tagging keys)."""
    return _parties.all_parties(project)


def party_named(project: Project, name: str) -> Party:
    """The party with this name or alias, else a sentence naming the parties there are."""
    return _parties.require(project, name)


def party_counts(project: Project) -> dict[int | None, int]:
    """Statements per party id (None: narration and untagged)."""
    return _parties.counts(project)


def alias_origins(project: Project, party_id: int) -> dict[str, Origin]:
    """Folded alias -> where it came from (suggested, learned, by hand, newsroom, merge)."""
    return _origins.of_party(project, party_id)


def topics(project: Project) -> list[Topic]:
    """The project's topics in their order."""
    return _topics.all_topics(project)


def topic_counts(project: Project) -> dict[int, int]:
    """Statements per topic id."""
    return _topics.counts(project)


def topic_suggestion_counts(project: Project) -> dict[int, int]:
    """Statements suggested into each topic id (suggested topics, and confirmed ones)."""
    return _topic_suggestions.counts(project)


def topic_suggestions(project: Project) -> list[tuple[int, int, float]]:
    """(statement id, topic id, score) of every statement suggested into a topic."""
    return _topic_suggestions.all_suggestions(project)


def topic_listing(project: Project) -> list[dict]:
    """Every topic with its statements, as ``counterclaim topics --json`` prints it:
    ``statement_ids`` are the journalist's for a confirmed topic and the suggested ones for a
    suggested topic; ``suggested_ids`` are those proposed into a confirmed topic."""
    confirmed = _topic_suggestions.confirmed_members(project)
    offered: dict[int, list[int]] = {}
    for statement_id, topic_id, _score in _topic_suggestions.all_suggestions(project):
        offered.setdefault(topic_id, []).append(statement_id)
    out = []
    for t in _topics.all_topics(project):
        row = {"id": t.id, "name": t.name, "status": t.status, "color": t.color}
        if t.suggested:
            row.update(statement_ids=offered.get(t.id, []), shares=t.shares)
        else:
            row.update(statement_ids=confirmed.get(t.id, []), suggested_ids=offered.get(t.id, []))
        out.append(row)
    return out


def claims(project: Project) -> list:
    """The same claim carried by several articles (``app.ops.claims``)."""
    from app.ops import claims as _claims

    return _claims.claims(project)


def topic_pairs(project: Project, statement_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(statement id, topic id) for these statements."""
    return _topics.pairs_of(project, statement_ids)


def links_of(project: Project, statement_ids: Sequence[int]) -> list[Link]:
    """Links that start or end at any of these statements."""
    return _links.of_statements(project, statement_ids)


# -- the narrative view and the comparison sheet ------------------------------------------


def placed_statements(project: Project) -> list[tuple]:
    """Every statement that speaks for a party, once per topic, in reading order
    (the columns ID … TEXT index each tuple)."""
    return _narrative.placed_statements(project)


def article_briefs(project: Project) -> dict[int, ArticleBrief]:
    """Article id -> what a citation needs (title, outlet, date, language)."""
    return _narrative.article_briefs(project)


def links(project: Project) -> list[tuple[int, int, int, str, str | None]]:
    """(id, source_id, target_id, relation, note) of every link."""
    return _narrative.link_rows(project)


def comparison(project: Project, confirmed_only: bool = False) -> ExportData:
    """What the comparison sheet shows: the whole project as every export reads it (its grid()
    is the sheet), all from one state of the file."""
    return _exchange.select(project, _exchange.Selection(confirmed_only=confirmed_only))


def data_version(project: Project) -> int | None:
    """How far the file has moved under other writers (the command line, a second window)."""
    return _watch.data_version(project)
