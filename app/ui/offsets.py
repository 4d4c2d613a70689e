"""Code points (Python, the project file) ↔ UTF-16 units (Qt text cursors).

Python indexes a string by code point; Qt's QTextCursor, QTextBlock and QString count
UTF-16 code units, where a character outside the Basic Multilingual Plane (most emoji,
some CJK, historic scripts) takes two. Every conversion in the desk goes through this
one class, built once per article text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Offsets:
    """Convert offsets into one text. O(log n) per conversion; O(1) for BMP-only text."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str):
        self._astral_cp = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        # Where each astral character starts in UTF-16 units.
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral_cp)

    @property
    def simple(self) -> bool:
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code point offset ``cp`` (0 ≤ cp ≤ len(text))."""
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """Code point offset of UTF-16 offset ``u16``; the middle of a surrogate pair
        rounds down to the start of its character."""
        if not self._astral_u16:
            return u16
        before = bisect_right(self._astral_u16, u16 - 1)  # astral chars starting before u16
        if before and self._astral_u16[before - 1] == u16 - 1:
            return self._astral_cp[before - 1]  # inside a pair
        return u16 - before


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
