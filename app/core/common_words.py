"""Common English words (app/core/data/common_words.txt, where its sources are named).

A common word is never a party on its own, never a party's alias on its own, and never a
person's surname learned as an alias: "Doctor", "Leader", "Daily", "Rights", "As" and
"Analysts" begin sentences and stand in titles far more often than they name a side.
Loaded lazily, once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    raw = resources.files("app.core.data").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=16384)
def is_common(word: str) -> bool:
    """Whether one word, any case, possessive or plural "s" aside, is a common English word."""
    w = word.strip(" ,.;:()“”\"").replace("’", "'").casefold()
    w = w.removesuffix("'s").removesuffix("'")
    known = words()
    return w in known or (w.endswith("s") and w[:-1] in known) or (w.endswith("es") and w[:-2] in known)
