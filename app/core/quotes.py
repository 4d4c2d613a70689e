"""Where the direct quotations are in an article: curly and straight double quotes,
guillemets, and single quotes that open and close like quotation marks (not apostrophes).

``QuoteIndex`` is built once per article and answers in article offsets.
"""

from __future__ import annotations

import bisect
import re

# Paragraphs are lines; the same breaks the segmenter honours.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_DOUBLE = re.compile(r"[“”\"«»]")
# A single curly quote opens only at the start of a word and closes only at the end of one,
# so the apostrophe in "Pakistan’s" is never taken for a closing quote.
_OPEN_SINGLE = re.compile(r"(?<![\w’'])‘(?=\w)")
_CLOSE_SINGLE = re.compile(r"(?<=[\w.,!?])’(?!\w)")


class QuoteIndex:
    """The direct quotations of one article, as (start, end) of the quoted words (marks excluded).

    A quotation left open at the end of a paragraph runs to the end of that paragraph: that is
    how news copy writes a quote that goes on in the next paragraph (which opens again).
    """

    def __init__(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        for line in _LINE.finditer(text):
            spans.extend(_line_quotes(text, line.start(), line.end()))
        spans.sort()
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotations overlapping ``[start, end)``, clipped to it."""
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        for s, e in self.spans[i:]:
            if s >= end:
                break
            if e > start:
                out.append((max(s, start), min(e, end)))
        return out

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0:
            s, e = self.spans[i]
            if s <= pos < e:
                return s, e
        return None


def _line_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    opened: int | None = None
    for m in _DOUBLE.finditer(text, start, end):
        mark, at = m.group(), m.start()
        if mark in "“«" or (mark == '"' and opened is None):
            opened = at  # a second opener means the first was never closed: start again
        elif opened is not None:
            spans.append((opened + 1, at))
            opened = None
    if opened is not None:
        spans.append((opened + 1, end))
    spans = [s for s in spans if text[s[0] : s[1]].strip()]
    return spans + _single_quotes(text, start, end, spans)


def _single_quotes(text: str, start: int, end: int, doubles) -> list[tuple[int, int]]:
    """‘British style’ quotations, outside double ones."""
    if text.find("‘", start, end) < 0:  # no opening mark, no quotation: skip the regex passes
        return []
    out = []
    pos = start
    while True:
        m = _OPEN_SINGLE.search(text, pos, end)
        if m is None:
            return out
        close = _CLOSE_SINGLE.search(text, m.end(), end)
        if close is None:
            return out
        span = (m.end(), close.start())
        if not any(s <= span[0] < e for s, e in doubles):
            out.append(span)
        pos = close.end()
