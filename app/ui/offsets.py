"""Code points (Python, the project file) ↔ positions in a Qt text document.

Python indexes a string by code point; Qt's QTextCursor and QTextDocument count UTF-16
code units, where a character outside the Basic Multilingual Plane (most emoji, some CJK,
historic scripts) takes two. The reader also shows a blank line between paragraphs, so
each paragraph break "\\n" takes two positions in the document. Both are the same thing
here: a "wide" character that takes two positions. Every conversion in the desk goes
through this one class, built once per article text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

PARAGRAPH_BREAK = "\n"


class Offsets:
    """Convert offsets into one text. O(log n) per conversion; O(1) when nothing is wide."""

    __slots__ = ("_wide_cp", "_wide_u16", "length", "utf16_length", "paragraph_gap")

    def __init__(self, text: str, paragraph_gap: bool = False):
        self.paragraph_gap = paragraph_gap
        wide = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        if paragraph_gap and PARAGRAPH_BREAK in text:
            breaks = []
            at = text.find(PARAGRAPH_BREAK)
            while at >= 0:
                breaks.append(at)
                at = text.find(PARAGRAPH_BREAK, at + 1)
            wide = sorted(wide + breaks) if wide else breaks
        self._wide_cp = wide
        # Where each wide character starts in document positions.
        self._wide_u16 = [cp + k for k, cp in enumerate(wide)]
        self.length = len(text)
        self.utf16_length = len(text) + len(wide)

    @property
    def simple(self) -> bool:
        return not self._wide_cp

    @staticmethod
    def display_text(text: str, paragraph_gap: bool = False) -> str:
        """The text as the document holds it (a blank line between paragraphs if asked)."""
        return text.replace(PARAGRAPH_BREAK, PARAGRAPH_BREAK * 2) if paragraph_gap else text

    def to_utf16(self, cp: int) -> int:
        """Document position of code point offset ``cp`` (0 ≤ cp ≤ len(text))."""
        if not self._wide_cp:
            return cp
        return cp + bisect_left(self._wide_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """Code point offset of document position ``u16``; the middle of a surrogate pair
        (or the blank line between paragraphs) rounds down to the start of its character."""
        if not self._wide_u16:
            return u16
        before = bisect_right(self._wide_u16, u16 - 1)  # wide chars starting before u16
        if before and self._wide_u16[before - 1] == u16 - 1:
            return self._wide_cp[before - 1]  # inside one
        return u16 - before


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
