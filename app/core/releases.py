"""Statements printed in full: a press release the outlet reproduces is its issuer's, paragraph by
paragraph, though no cue says so.

    The following statement was issued by Ghana's Ministry of Health … reproduced in full.
    PRESS RELEASE
    The Ministry of Health wishes to inform the general public …        <- the ministry's
    "We are ready to talk," said Jane Roe, President and CEO.           <- the ministry's too
    Signed / ENDS / ### / Editor's note: … / Responding to the statement, …   <- the release ends

``in_full(text, spans)`` gives {statement index: (issuer words, article offset)} for the
statements of a reproduced release, or {} when there is none. A release starts at a header line
("PRESS RELEASE", "NEWS RELEASE", "FOR IMMEDIATE RELEASE", "STATEMENT") or after a sentence that
announces one ("The following statement was issued by …", "reproduced in full"). Its issuer is
whom that sentence names ("issued by X", "a statement from X"), else the subject of the
release's first sentence ("Cordillera Copper Corp. … today provides an update"). It runs to an
ending line (a signature, "ENDS", "###") or to where the outlet speaks again ("Editor's note:",
"Responding to …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.models import Span
from app.core.segment import paragraphs_of

_HEADER = re.compile(  # in capitals, as releases head themselves; "Press release" too, but not a
    # web page's "Statement" section heading
    r"^\s*(?:(?:PRESS|NEWS|MEDIA|JOINT)\s+(?:RELEASE|STATEMENT)|FOR IMMEDIATE RELEASE|STATEMENT|"
    r"COMMUNIQU[EÉ]|OFFICIAL STATEMENT|PRESS NOTE|(?:Press|News|Media) (?:[Rr]elease|[Ss]tatement)|"
    r"For [Ii]mmediate [Rr]elease)\s*:?\s*$"
)
_HEADER_LINE = re.compile(_HEADER.pattern, re.M)
_ANNOUNCED = re.compile(
    r"\b(?:the following (?:statement|release|press release|communiqu[ée]|letter|text)|"
    r"(?:is|was) reproduced in full|the full text of|full text:|in full (?:as|below))",
    re.I,
)
_ISSUED_BY = re.compile(
    r"\b(?:issued|released|sent|published|put out) by (?P<by>(?:[A-Z][\w.&'’\-]*['’]s\s+)?(?:the\s+)?"
    r"[A-Z][\w.&'’\-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’\-]*))*)"
    r"|\b(?:a|the) statement (?:from|by) (?P<from>(?:the\s+)?[A-Z][\w.&'’\-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’\-]*))*)"
)
_SUBJECT = re.compile(r"(?:The\s+)?(?!(?:The|It|This|These|We|Our|In|On|At|As)\b)"
                      r"(?P<subject>[A-Z][\w.&'’\-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’\-]*)){0,6})")
_DATELINE = re.compile(r"^[A-Z][\w .'’\-]{1,30},[^\n]{0,40}?(?:[—–]|\s-|/[^/]{1,30}/\s*-)\s+")
_END = re.compile(
    r"^\s*(?:Signed\b|-*\s*ENDS?\s*-*\s*$|#{3}|Editor['’]s note\b|Responding to\b|In response\b|"
    r"\(?Reporting by\b|Additional reporting\b|Asked about the statement\b|Notes? to editors\b|"
    r"Media (?:enquiries|inquiries|contacts?)\b|For (?:further|more) information\b|About [A-Z]|"
    r"Forward-looking\b)",
    re.I,
)
_CAPS_LINE = re.compile(r"^[^a-z]{3,}$")  # "MINISTRY OF HEALTH, ACCRA", "RE: INDUSTRIAL ACTION …"


def in_full(text: str, spans: Sequence[Span]) -> dict[int, tuple[str, int]]:
    head = text[:3000]
    low = head.lower()
    announced = ("following" in low or "reproduced" in low or "full text" in low or "in full" in low) \
        and _ANNOUNCED.search(head)
    if not spans or not announced and not _HEADER_LINE.search(head):
        return {}  # no release header and nothing announcing one: most articles, at once
    paragraphs = paragraphs_of(text, spans)
    start, issuer = _start(text, paragraphs)
    if start is None:
        return {}
    out: dict[int, tuple[str, int]] = {}
    for indices, body, at in paragraphs[start:]:
        if _END.match(body):
            break
        if issuer is None and not _CAPS_LINE.match(body):
            issuer = _subject(text, body, at)
        if issuer is not None:
            out.update((i, issuer) for i in indices)
    return out


def _start(text: str, paragraphs) -> tuple[int | None, tuple[str, int] | None]:
    """The first paragraph of the release, and its issuer when an announcing sentence names it:
    after a header line, else after the last paragraph of the opening that announces it."""
    opening = paragraphs[:8]
    header = next((p for p, (_, body, _at) in enumerate(opening) if _HEADER.match(body)), None)
    announced = [p for p, (_, body, _at) in enumerate(opening) if _ANNOUNCED.search(body)]
    start = header + 1 if header is not None else announced[-1] + 1 if announced else None
    if start is None or start >= len(paragraphs):
        return None, None
    return start, _announced_issuer(text, paragraphs[:start])


def _announced_issuer(text: str, paragraphs) -> tuple[str, int] | None:
    for _, body, at in reversed(paragraphs):
        m = _ISSUED_BY.search(body)
        if m is not None:
            words = (m.group("by") or m.group("from")).strip()
            words = re.sub(r"\s+(?:on|in|at|the)$", "", words)
            return words, at + m.start("by" if m.group("by") else "from")
    return None


def _subject(text: str, body: str, at: int) -> tuple[str, int] | None:
    """The issuer as the release's first sentence names it: "Cordillera Copper Corp. (…) today"."""
    lead = _DATELINE.match(body)
    offset = lead.end() if lead else 0
    m = _SUBJECT.match(body, offset)
    if m is None:
        return None
    words = m.group("subject").rstrip(" .")
    return words, at + m.start("subject")
