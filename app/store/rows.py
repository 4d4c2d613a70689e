"""Statement rows as the statements table stores them, built from spans and attributions.

Pure (no project, no SQLite), so an import worker process can build them without loading
the store's database layer; ``app.store.statements.insert_rows`` writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.models import Attribution, Span

#: One statement as ``rows_for`` makes it: (start, end, text, paragraph, kind, speaker, cue,
#: party name, status, confidence, reason, quotes as JSON, index of the statement it carries from,
#: page furniture family or None).
StatementRow = tuple


def rows_for(text: str, spans: Sequence[Span], attributions: Sequence[Attribution] | None = None) -> list[StatementRow]:
    """The rows ``insert_rows`` stores for an article's spans and their attributions.

    Pure (no project needed), so an import worker can build them and hand them over.
    """
    attributions = attributions or None
    if attributions is None:
        return [(span.start, span.end, text[span.start : span.end], span.paragraph,
                 "narration", None, None, None, None, None, None, "[]", None, None) for span in spans]
    if len(attributions) != len(spans):
        raise ValueError("attributions must match the spans one to one")
    return [
        (span.start, span.end, text[span.start : span.end], span.paragraph, a.kind, a.speaker, a.cue, a.party,
         None if furniture else "suggested", a.confidence, a.reason or None, _quotes_json(a.quotes),
         a.carried_from, furniture)
        for span, a in zip(spans, attributions)
        for furniture in (getattr(a, "furniture", None),)  # page furniture (app.core.reading.PageLine)
    ]


def _quotes_json(quotes) -> str:
    """``json.dumps([list(q) for q in quotes])``, written out: spans are pairs of ints."""
    if not quotes:
        return "[]"
    return "[" + ", ".join(f"[{int(a)}, {int(b)}]" for a, b in quotes) + "]"
