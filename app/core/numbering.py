"""One numbering: reasons name statements by their project-wide id.

Attribution works on one article and names a statement by its place in it ("continues the
speaker of statement 3"); the project, the desk, the CLI and every export know statements
by id. ``renumber`` rewrites the one into the other when the reason is stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PLACE = re.compile(r"\b(statements? )(\d+)\b")


def renumber(reason: str | None, id_of: Callable[[int], int | None]) -> str | None:
    """``reason`` with each "statement N" (N counted from 1 in the article) given as its id."""
    if not reason or "statement" not in reason:
        return reason

    def swap(match: re.Match) -> str:
        found = id_of(int(match.group(2)))
        return match.group(0) if found is None else f"{match.group(1)}{found}"

    return _PLACE.sub(swap, reason)


def from_list(ids: list[int]) -> Callable[[int], int | None]:
    """``id_of`` for an article whose statements, in order, have these ids."""
    return lambda place: ids[place - 1] if 1 <= place <= len(ids) else None
