"""What the journalist's own tags teach: the speaker words worth keeping as an alias.

When a statement is confirmed as a party's, its speaker words ("the Kremlin", "Dmitry
Peskov, the Kremlin spokesman") may name that party in every later article. Offered only
where they would help: words the party does not answer to yet, that no other party claims,
short enough to recur, and that ``may_be_alias`` accepts.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.alias_rules import may_be_alias

MAX_WORDS = 6


def fold(name: str) -> str:
    """Names compared as attribution compares them: case, apostrophes, a leading article."""
    name = " ".join(name.replace("’", "'").split()).casefold()
    for det in ("the ", "a ", "an "):
        if name.startswith(det):
            return name[len(det) :]
    return name


def candidate(speaker: str | None) -> str | None:
    """The part of the speaker words that names someone: before an apposition's comma."""
    if not speaker:
        return None
    words = " ".join(speaker.split(",")[0].split()).strip(" .:;—–-\"“”'")
    if not words or len(words.split()) > MAX_WORDS:
        return None
    return words


def alias_to_offer(
    speaker: str | None, names: Iterable[str], taken_by_others: Iterable[str]
) -> str | None:
    """The alias to offer for a party answering to ``names``, or None.

    ``taken_by_others`` are the names and aliases of every other party: an alias two
    parties share belongs to neither, so it is never offered.
    """
    words = candidate(speaker)
    if words is None or not may_be_alias(words):
        return None
    key = fold(words)
    if key in {fold(n) for n in names} or key in {fold(n) for n in taken_by_others}:
        return None
    return words
