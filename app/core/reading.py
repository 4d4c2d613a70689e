"""An article read as a reader reads it: the page's furniture set aside, embedded posts
given to their authors, and attribution run on what is left.

:func:`suggest` is ``app.core.attribution.suggest`` for a whole article: it finds the page
furniture (``app.core.furniture``), runs attribution on the other statements only — so no
party, speaker or continuation is ever read from "Follow us on …" or a photo credit — and
hands back one attribution per span, the furniture ones marked and no one's. An embedded
social post (a quoted post whose signature line reads "— Name (@handle) Month D, YYYY") is
a quote of its author; the signature line itself is furniture.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.core import attribution, multilingual
from app.core.furniture import detect
from app.core.language import detect as language_of
from app.core.models import Attribution, ProposedParty, Span

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# "— Name (@handle) March 3, 2024", "- Name (@handle) 3 March 2024", "— Name 🇺🇦 (@handle) on March 3, 2024"
_SIGNATURE = re.compile(
    r"(?:^|\s)[—–-]\s*(?P<name>[^()\n—–]{1,80}?)\s*\((?P<handle>@[A-Za-z0-9_.]{1,40})\)\s*"
    rf"(?:on\s+)?(?P<date>{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})"
    r"(?:\s+at\s+[\d:]+\s*(?:[AaPp]\.?[Mm]\.?)?)?[\s.]*$"
)


@dataclass(frozen=True)
class PageLine(Attribution):
    """A statement that is page furniture: no one's, and ``furniture`` names its family
    ("call", "label", "credit", "embed"…; see ``app.core.furniture``). Attributions of the
    article's own statements have no ``furniture`` (``furniture_of`` reads None for them)."""

    furniture: str = "page"


def furniture_of(a: Attribution) -> str | None:
    """The furniture family of an attribution, or None for the article's own prose."""
    return getattr(a, "furniture", None)


@dataclass
class Reading:
    """What an article says before any party is known: its furniture, its embedded posts and
    who speaks in each of its own statements (``attribution.analyse``). It depends on the
    text alone, so an import works it out in a worker process while the parties change."""

    marks: list[str | None]
    posts: dict[int, str]
    keep: list[int]  # the spans attribution reads, in order
    analysed: list[Attribution]  # one per kept span


def read(text: str, spans: Sequence[Span]) -> Reading:
    if language_of(text) in multilingual.LANGUAGES:  # read by app.core.multilingual in suggest
        return Reading([None] * len(spans), {}, list(range(len(spans))), [])
    marks = detect(text, spans)
    posts = _embedded_posts(text, spans, marks)
    keep = [i for i, mark in enumerate(marks) if mark is None and i not in posts]
    kept = spans if len(keep) == len(spans) else [spans[i] for i in keep]
    return Reading(marks, posts, keep, attribution.analyse(text, kept) if keep else [])


def suggest(
    text: str, spans: Sequence[Span], existing: Sequence[ProposedParty] = (), propose: bool = True,
    reading: Reading | None = None,
) -> tuple[list[ProposedParty], list[Attribution]]:
    """New parties (none when not ``propose``) and one attribution per span, page furniture
    left out of both. ``reading`` is ``read(text, spans)`` when it was worked out already."""
    language = language_of(text)
    if language in multilingual.LANGUAGES:
        new, found = multilingual.suggest(text, spans, existing, language)
        if not propose:
            names = {p.name for p in existing}
            new, found = [], [a if a.party in names else _with(a, party=None, kind="narration") for a in found]
        return new, found
    if reading is None:
        reading = read(text, spans)
    keep, analysed = reading.keep, reading.analysed
    new = attribution.propose_parties(text, analysed, existing) if propose and keep else []
    found = attribution.assign_parties(text, analysed, [*existing, *new]) if keep else []
    if len(keep) == len(spans):
        return new, found
    out: list[Attribution] = [
        PageLine("narration", reason="A line of the web page around the article, not the article.", furniture=mark)
        for mark in reading.marks
    ]
    for j, i in enumerate(keep):
        a = found[j]
        if a.carried_from is not None:
            a = _with(a, carried_from=keep[a.carried_from])
        out[i] = a
    names = _party_names([*existing, *new])
    for i, author in reading.posts.items():
        span = spans[i]
        out[i] = Attribution(
            "quote",
            speaker=author,
            party=names.get(_fold(author)),
            confidence=0.9,
            quotes=((span.start, span.end),),
            reason=f"An embedded post signed by {author}.",
        )
    return new, out


def _embedded_posts(text: str, spans: Sequence[Span], marks: list[str | None]) -> dict[int, str]:
    """{span index: author} for the statements of embedded posts; their signatures are
    marked as furniture in ``marks``."""
    posts: dict[int, str] = {}
    if "(@" not in text:
        return posts  # every signature names a handle in brackets: most pages have none
    for i, span in enumerate(spans):
        words = text[span.start : span.end]
        m = _SIGNATURE.search(words) if "(@" in words else None
        if m is None:
            continue
        author = " ".join(m["name"].split()).strip(" ,:") or m["handle"]
        if not any(ch.isalpha() for ch in author):
            author = m["handle"]
        if m.start() > 0 and text[span.start : span.start + m.start()].strip():
            posts[i] = author  # the post and its signature in one sentence
            continue
        marks[i] = "embed"
        # the post: the statements before the signature, back to the paragraph before it
        paragraph = None
        j = i - 1
        while j >= 0 and marks[j] is None and j not in posts:
            if paragraph is None:
                paragraph = spans[j].paragraph
                if paragraph < span.paragraph - 1:
                    break
            elif spans[j].paragraph != paragraph:
                break
            posts[j] = author
            j -= 1
    return posts


def _party_names(parties: Sequence[ProposedParty]) -> dict[str, str]:
    names: dict[str, str] = {}
    for party in parties:
        for name in (party.name, *party.aliases):
            names.setdefault(_fold(name), party.name)
    return names


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _with(a: Attribution, **changes) -> Attribution:
    return dataclasses.replace(a, **changes)
