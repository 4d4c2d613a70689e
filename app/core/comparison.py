"""The comparison grid: topics down the side, parties across the top.

This is the product a journalist takes away — each party's story next to the others,
point by point. The same grid feeds the on-screen comparison sheet and every export, so
it is built here once, from plain values, with no Qt and no SQL.

    grid = build_grid(parties, topics, statements)
    for row in grid.rows:
        for column in grid.columns:
            for entry in grid.cell(row, column):   # () is an explicit empty cell
                print(entry.text, entry.citation.short())

A party's silence on a topic is news, so an empty cell is kept as an empty tuple, never
dropped. Statements of the outlet's own narration (no party), or of a party that is not a
column, are left out of the grid. A statement under several topics appears in each of
their rows. Statements under no topic appear in a final "No topic" row only when asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

NO_TOPIC = "No topic"
DEFAULT_COLOR = "#808080"
_TITLE_LIMIT = 32


# -- citations -----------------------------------------------------------------------------


def short_title(title: str | None, limit: int = _TITLE_LIMIT) -> str:
    """A title cut at a word boundary to about ``limit`` characters, with an ellipsis."""
    title = " ".join((title or "").split())
    if len(title) <= limit:
        return title
    cut = title[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else title[:limit]
    return cut.rstrip(" ,;:.-–—") + "…"


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a statement was published: enough for an editor to find it again."""

    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD (a longer ISO stamp is cut to the date)
    title: str | None = None
    paragraph: int | None = None
    article_id: int | None = None

    @property
    def date(self) -> str:
        return (self.published or "")[:10]

    @property
    def display_title(self) -> str:
        if self.title and self.title.strip():
            return self.title.strip()
        return f"Article {self.article_id}" if self.article_id is not None else ""

    def parts(self, title_limit: int | None = _TITLE_LIMIT) -> list[str]:
        parts = []
        if self.outlet and self.outlet.strip():
            parts.append(self.outlet.strip())
        if self.date:
            parts.append(self.date)
        title = self.display_title
        if title:
            shown = short_title(title, title_limit) if title_limit else title
            parts.append(f"“{shown}”")
        if self.paragraph is not None:
            parts.append(f"¶{self.paragraph}")
        return parts

    def short(self) -> str:
        """``World News, 2024-01-18, “Pakistan launches air strikes…”, ¶2``"""
        return ", ".join(self.parts())

    def full(self) -> str:
        """The same with the whole title, for lists where space is not short."""
        return ", ".join(self.parts(title_limit=None))


def format_citation(
    outlet: str | None,
    published: str | None,
    title: str | None,
    paragraph: int | None,
    article_id: int | None = None,
) -> str:
    """The short citation as one string; missing parts are left out, never shown as 'None'."""
    return Citation(outlet, published, title, paragraph, article_id).short()


# -- the grid ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One party: a column of the grid, in the user's order."""

    name: str
    color: str = DEFAULT_COLOR
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One topic (or the "No topic" row, whose ``id`` is None and ``untopical`` True)."""

    name: str
    color: str = DEFAULT_COLOR
    id: int | None = None
    untopical: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One statement in a cell, with its citation."""

    statement_id: int
    text: str
    citation: Citation
    status: str | None = None
    language: str | None = None

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"


@dataclass(frozen=True)
class Grid:
    """Rows × columns of entries. ``cell`` always answers, with () for silence."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    _cells: Mapping[tuple[int, int], tuple[Entry, ...]] = field(repr=False)

    def cell(self, row: Row | int, column: Column | int) -> tuple[Entry, ...]:
        r = row if isinstance(row, int) else self.rows.index(row)
        c = column if isinstance(column, int) else self.columns.index(column)
        return self._cells.get((r, c), ())

    def row_cells(self, row: Row | int) -> list[tuple[Entry, ...]]:
        return [self.cell(row, c) for c in range(len(self.columns))]

    def is_empty(self, row: Row | int, column: Column | int) -> bool:
        return not self.cell(row, column)

    @property
    def statement_count(self) -> int:
        """Distinct statements shown (one under two topics counts once)."""
        return len({e.statement_id for entries in self._cells.values() for e in entries})

    def as_names(self) -> dict[str, dict[str, list[int]]]:
        """{topic: {party: [statement ids]}} — handy in tests and for debugging."""
        return {
            row.name: {col.name: [e.statement_id for e in self.cell(r, c)] for c, col in enumerate(self.columns)}
            for r, row in enumerate(self.rows)
        }


def _get(item, key, default=None):
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def _as_column(item) -> Column:
    if isinstance(item, Column):
        return item
    if isinstance(item, str):
        return Column(item)
    return Column(_get(item, "name"), _get(item, "color") or DEFAULT_COLOR, _get(item, "id"))


def _as_row(item) -> Row:
    if isinstance(item, Row):
        return item
    if isinstance(item, str):
        return Row(item)
    return Row(_get(item, "name"), _get(item, "color") or DEFAULT_COLOR, _get(item, "id"))


def citation_of(statement) -> Citation:
    """The citation fields of a statement row (mapping or object) as a ``Citation``."""
    return Citation(
        outlet=_get(statement, "outlet"),
        published=_get(statement, "published"),
        title=_get(statement, "title"),
        paragraph=_get(statement, "paragraph"),
        article_id=_get(statement, "article_id"),
    )


def build_grid(
    parties: Sequence,
    topics: Sequence,
    statements: Iterable,
    *,
    include_untopical: bool = False,
) -> Grid:
    """Lay statements out by topic (rows) and party (columns).

    ``parties`` and ``topics`` give the order: names, ``Column``/``Row`` values, or
    mappings/objects with ``name`` (and optionally ``color``, ``id``). Each statement is a
    mapping or object with ``id``, ``text``, ``party`` (a name or None), ``topics`` (names),
    and the citation fields ``outlet``, ``published``, ``title``, ``paragraph``,
    ``article_id``; optionally ``status`` and ``language``. Party and topic names match
    ignoring case, as the project file does. Within a cell, statements keep the order
    given (the store gives article, then position in the text).
    """
    columns = tuple(_as_column(p) for p in parties)
    rows = [_as_row(t) for t in topics]
    if include_untopical:
        rows.append(Row(NO_TOPIC, DEFAULT_COLOR, None, untopical=True))
    col_index = {c.name.casefold(): i for i, c in enumerate(columns)}
    row_index = {r.name.casefold(): i for i, r in enumerate(rows) if not r.untopical}
    untopical_index = len(rows) - 1 if include_untopical else None
    cells: dict[tuple[int, int], list[Entry]] = {}
    for statement in statements:
        party = _get(statement, "party")
        if not party:
            continue
        c = col_index.get(party.casefold())
        if c is None:
            continue
        names = _get(statement, "topics") or ()
        targets = []
        for name in names:
            r = row_index.get(name.casefold())
            if r is not None and r not in targets:
                targets.append(r)
        if not names and untopical_index is not None:
            targets.append(untopical_index)
        if not targets:
            continue
        entry = Entry(
            statement_id=_get(statement, "id"),
            text=_get(statement, "text") or "",
            citation=citation_of(statement),
            status=_get(statement, "status"),
            language=_get(statement, "language"),
        )
        for r in targets:
            cells.setdefault((r, c), []).append(entry)
    frozen = {key: tuple(value) for key, value in cells.items()}
    return Grid(columns, tuple(rows), frozen)


# -- colours -------------------------------------------------------------------------------

_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normalise_color(color: str | None, default: str = DEFAULT_COLOR) -> str:
    """``#RRGGBB`` in upper case, or the default when the value is not a hex colour."""
    match = _HEX.match((color or "").strip())
    if not match:
        return default
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits.upper()


def _luminance(color: str) -> float:
    hex6 = normalise_color(color)[1:]
    channels = [int(hex6[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast)."""
    return "#000000" if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#FFFFFF") else "#FFFFFF"


def tint(color: str, amount: float = 0.85) -> str:
    """The colour mixed with white (``amount`` of white), for light cell backgrounds."""
    hex6 = normalise_color(color)[1:]
    channels = [int(hex6[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(c + (255 - c) * amount) for c in channels]
    return "#" + "".join(f"{c:02X}" for c in mixed)


__all__ = [
    "NO_TOPIC",
    "Citation",
    "Column",
    "Row",
    "Entry",
    "Grid",
    "build_grid",
    "citation_of",
    "format_citation",
    "short_title",
    "normalise_color",
    "contrast_ratio",
    "readable_text_color",
    "tint",
]
