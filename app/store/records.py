"""Rows of the project file as plain, read-only records."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    language: str | None
    source_path: str | None
    format: str
    text: str
    sha256: str
    imported_at: str

    @property
    def display_title(self) -> str:
        return self.title or f"Article {self.id}"


@dataclass(frozen=True, slots=True)
class Statement:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: str
    speaker: str | None
    cue: str | None
    party_id: int | None
    status: str | None
    confidence: float | None
    note: str | None
    reason: str | None
    quotes: str
    carried_from: int | None
    furniture: str | None = None  # page furniture's family (not the article), or None


@dataclass(frozen=True, slots=True)
class Party:
    id: int
    name: str
    color: str
    aliases_json: str
    shortcut: int | None
    position: int

    @property
    def aliases(self) -> list[str]:
        return list(json.loads(self.aliases_json or "[]"))


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    name: str
    color: str
    position: int
    status: str = "confirmed"  # or "suggested": Counterclaim's proposal, not yet the journalist's
    shares: str = ""  # a suggested topic's explanation: the terms its statements share

    @property
    def suggested(self) -> bool:
        return self.status == "suggested"


@dataclass(frozen=True, slots=True)
class Link:
    id: int
    source_id: int
    target_id: int
    relation: str
    note: str | None
    status: str


ARTICLE_COLUMNS = (
    "id, title, outlet, byline, published, language, source_path, format, text, sha256, imported_at"
)
STATEMENT_COLUMNS = (
    'id, article_id, start, "end", text, paragraph, kind, speaker, cue, party_id, status, '
    "confidence, note, reason, quotes, carried_from, furniture"
)
PARTY_COLUMNS = "id, name, color, aliases, shortcut, position"
TOPIC_COLUMNS = "id, name, color, position, status, shares"
LINK_COLUMNS = "id, source_id, target_id, relation, note, status"
