"""Plain data passed between the layers. No behaviour beyond small conveniences."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ParsedDocument:
    """What an importer hands on: clean article text plus what the file says about it.

    ``text`` is final: it is stored as is and every statement offset points into it.
    Paragraphs are separated by a newline; the byline is metadata, not part of ``text``.
    """

    text: str
    format: str
    source_path: str | None = None
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date, YYYY-MM-DD
    language: str | None = None
    #: Sentences the user should read although the file was imported (a stray byte
    #: replaced, a page flattened to be read whole): never silence, never a refusal.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """One statement's place in the article text: ``text[start:end]`` is the statement."""

    start: int
    end: int
    paragraph: int  # 1-based

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Attribution:
    """Who speaks in one statement, and why Counterclaim thinks so.

    ``party`` is the name of a proposed party or None for the outlet's own narration.
    ``carried_from`` is the index (in the same article) of the statement whose speaker
    this one continues ("It urged…" after "The ministry said…").
    """

    kind: str  # "narration" | "reported" | "quote"
    speaker: str | None = None
    cue: str | None = None
    party: str | None = None
    confidence: float = 0.0
    quotes: tuple[tuple[int, int], ...] = ()  # direct-quote spans, article offsets
    carried_from: int | None = None
    reason: str = ""


@dataclass
class ProposedParty:
    """A side of the story found in the text, with every name that means it."""

    name: str
    aliases: list[str] = field(default_factory=list)
