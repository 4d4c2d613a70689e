"""What the narrative view shows: statements grouped by topic (rows) and party (panes).

Loaded with one read (``app.ops.queries.placed_statements``) and kept in memory;
a filter change only walks those tuples again, never the file. Rows and columns are the
comparison grid's own ``Row`` and ``Column`` (app.core.comparison), and every statement's
source is a comparison ``Citation``, so the view, the sheet and the exports agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from app.core.comparison import NO_TOPIC, Citation, Column, Row
from app.core.language import primary
from app.ops import queries
from app.ops.opening import Project
from app.ops.queries import ARTICLE, ID, PARAGRAPH, PARTY, STATUS, SUGGESTED_PLACE, TEXT, TOPIC  # noqa: F401

# Claims carried by several articles are found as the view loads, up to this many statements
# (half a second on generated copy, which repeats itself far more than real coverage); a
# bigger project shows each source.
CLAIMS_UP_TO = 20_000

RELATION_COLORS = {"contradicts": "#D62728", "supports": "#2CA02C", "responds-to": "#7F7F7F"}


@dataclass(frozen=True)
class NarrativeFilter:
    article_ids: frozenset[int] = frozenset()  # empty: every article
    outlets: frozenset[str] = frozenset()  # empty: every outlet
    languages: frozenset[str] = frozenset()  # empty: every language ("fa" matches "fa-AF")
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    confirmed_only: bool = False
    untopical: bool = False  # a "No topic" row for statements under no topic
    each_source: bool = False  # every article's statement of a claim, not one card for them

    @property
    def by_article(self) -> bool:
        return bool(self.article_ids or self.outlets or self.languages or self.date_from or self.date_to)


@dataclass
class LinkInfo:
    id: int
    source_id: int
    target_id: int
    relation: str
    note: str | None

    def other(self, statement_id: int) -> int:
        return self.target_id if statement_id == self.source_id else self.source_id


@dataclass
class NarrativeData:
    rows: list[tuple] = field(default_factory=list)  # placed statements, unfiltered
    articles: dict = field(default_factory=dict)  # id -> ArticleBrief
    parties: list = field(default_factory=list)  # Party records in the project's order
    topics: list = field(default_factory=list)  # Topic records in the project's order
    links: dict[int, LinkInfo] = field(default_factory=dict)
    links_of: dict[int, list[LinkInfo]] = field(default_factory=dict)
    text_of: dict[int, tuple] = field(default_factory=dict)  # statement id -> its row
    topics_of: dict[int, list] = field(default_factory=dict)  # statement id -> topic ids (None: no topic)
    by_cell: dict[tuple, list[tuple]] = field(default_factory=dict)  # (topic id, party id) -> rows
    suggested_topics: set[int] = field(default_factory=set)  # topics Counterclaim suggests, not yet confirmed
    claim_of: dict[int, tuple[int, ...]] = field(default_factory=dict)  # statement id -> its claim's statements

    @classmethod
    def load(cls, project: Project) -> NarrativeData:
        data = cls()
        data.rows = queries.placed_statements(project)
        data.articles = queries.article_briefs(project)
        data.parties = queries.parties(project)
        data.topics = queries.topics(project)
        data.suggested_topics = {t.id for t in data.topics if t.suggested}
        data.text_of = {r[ID]: r for r in data.rows}
        by_cell: dict[tuple, list[tuple]] = defaultdict(list)
        topics_of: dict[int, list] = defaultdict(list)
        for r in data.rows:
            by_cell[(r[TOPIC], r[PARTY])].append(r)
            topics_of[r[ID]].append(r[TOPIC])
        data.by_cell, data.topics_of = dict(by_cell), dict(topics_of)
        data.load_links(project)
        if len(data.text_of) <= CLAIMS_UP_TO:
            for claim in queries.claims(project):
                for statement_id in claim.statement_ids:
                    data.claim_of[statement_id] = claim.statement_ids
        return data

    def sources_of(self, statement_id: int) -> list[tuple]:
        """The rows of every statement of this one's claim (itself alone when it has none)."""
        return [self.text_of[i] for i in self.claim_of.get(statement_id, (statement_id,)) if i in self.text_of]

    def load_links(self, project: Project) -> None:
        self.links = {row[0]: LinkInfo(*row) for row in queries.links(project)}
        self.links_of = defaultdict(list)
        for link in self.links.values():
            self.links_of[link.source_id].append(link)
            self.links_of[link.target_id].append(link)

    def counterparts(self, statement_id: int) -> dict[int, str]:
        """Statements linked to this one, with the relation."""
        return {link.other(statement_id): link.relation for link in self.links_of.get(statement_id, ())}

    def citation(self, row: tuple) -> Citation:
        article = self.articles.get(row[ARTICLE])
        if article is None:
            return Citation(paragraph=row[PARAGRAPH], article_id=row[ARTICLE])
        return Citation(article.outlet, article.published, article.title, row[PARAGRAPH], article.id)

    def source_line(self, row: tuple) -> str:
        """Outlet · date · ¶n · language (the title is in the tooltip)."""
        c = self.citation(row)
        article = self.articles.get(row[ARTICLE])
        language = article.language if article is not None and article.language else ""
        parts = [p for p in ((c.outlet or "").strip(), c.date, f"¶{c.paragraph}" if c.paragraph is not None else "",
                             language) if p]
        return " · ".join(parts)

    def languages(self) -> list[str]:
        return sorted({primary(a.language) for a in self.articles.values() if a.language})

    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles.values() if a.outlet})

    def allowed_articles(self, f: NarrativeFilter) -> set[int] | None:
        if not f.by_article:
            return None
        keep = set()
        for a in self.articles.values():
            if f.article_ids and a.id not in f.article_ids:
                continue
            if f.outlets and (a.outlet or "") not in f.outlets:
                continue
            if f.languages and primary(a.language or "") not in f.languages:
                continue
            date = (a.published or "")[:10]
            if f.date_from and (not date or date < f.date_from):
                continue
            if f.date_to and (not date or date > f.date_to):
                continue
            keep.add(a.id)
        return keep


@dataclass
class NarrativeGrid:
    """Rows (topics) × columns (the chosen parties) of statement rows, after filtering."""

    rows: list[Row]
    columns: list[Column]
    cells: dict[tuple[int, int], list[tuple]]  # (row index, column index) -> statement tuples

    def cell(self, r: int, c: int) -> list[tuple]:
        return self.cells.get((r, c), [])

    def window(self, first: int, count: int) -> NarrativeGrid:
        """The same grid with only columns ``first`` … ``first + count - 1``: the panes that
        fit on the screen, when there are more parties than room."""
        if first == 0 and count >= len(self.columns):
            return self
        keep = range(first, min(first + count, len(self.columns)))
        cells = {(r, c - first): v for (r, c), v in self.cells.items() if c in keep}
        return NarrativeGrid(self.rows, [self.columns[c] for c in keep], cells)

    def as_ids(self) -> dict[str, dict[str, list[int]]]:
        return {
            row.name: {col.name: [s[ID] for s in self.cell(r, c)] for c, col in enumerate(self.columns)}
            for r, row in enumerate(self.rows)
        }


def build(data: NarrativeData, party_ids: list[int], f: NarrativeFilter) -> NarrativeGrid:
    """Group the loaded statements into the grid the panes draw (one pass, no queries)."""
    by_id = {p.id: p for p in data.parties}
    columns = [Column(by_id[i].name, by_id[i].color, i) for i in party_ids if i in by_id]
    col_of = {c.id: n for n, c in enumerate(columns)}
    rows = [Row(t.name, t.color, t.id) for t in data.topics]
    row_of: dict[int | None, int] = {r.id: n for n, r in enumerate(rows)}
    if f.untopical or not rows:  # before any topic exists, every statement under "No topic": never blank
        row_of[None] = len(rows)
        rows.append(Row(NO_TOPIC, "#808080", None, untopical=True))
    allowed = data.allowed_articles(f)
    cells: dict[tuple[int, int], list[tuple]] = {}
    for topic_id, r in row_of.items():
        for party_id, c in col_of.items():
            found = data.by_cell.get((topic_id, party_id))
            if found:
                found = _kept(found, f.confirmed_only, allowed)
            if found and data.claim_of and not f.each_source:
                found = _one_card_per_claim(found, data.claim_of)
            if found:
                cells[(r, c)] = found
    return NarrativeGrid(rows, columns, cells)


def _kept(found: list[tuple], confirmed: bool, allowed: set[int] | None) -> list[tuple]:
    """A cell's statements that pass the filter: confirmed ones only, those of some articles."""
    if confirmed and allowed is not None:
        return [s for s in found if s[STATUS] == "confirmed" and s[ARTICLE] in allowed]
    if confirmed:
        return [s for s in found if s[STATUS] == "confirmed"]
    if allowed is not None:
        return [s for s in found if s[ARTICLE] in allowed]
    return found


def _one_card_per_claim(found: list[tuple], claim_of: dict[int, tuple[int, ...]]) -> list[tuple]:
    """A cell's statements with each claim once, at its first statement in the cell."""
    shown: set[tuple[int, ...]] = set()
    out = []
    for s in found:
        claim = claim_of.get(s[ID])
        if claim is not None:
            if claim in shown:
                continue
            shown.add(claim)
        out.append(s)
    return out
