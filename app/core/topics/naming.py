"""A suggested topic's name and the words its statements share, as a journalist reads them."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.topics.features import Features

NAME_TERMS = 3
SHARED_TERMS = 6


def shared_terms(features: Features, members: Sequence[int], items_text: Sequence[str]) -> list[str]:
    """The features most of the group has and the rest of the project has less of, best
    first, as the text writes them; names and places before words when they tie."""
    counts: dict[str, int] = {}
    for i in members:
        for key in features.vectors[i]:
            if key[:2] != "c:":  # stance concepts explain a link, not a subject
                counts[key] = counts.get(key, 0) + 1
    n = len(members)
    scored = []
    for key, count in counts.items():
        if count < 2 and n > 1:
            continue
        inside = count / n
        outside = max(0, features.df.get(key, count) - count)
        scored.append((inside * features.idf.get(key, 0.0) / (1 + 0.1 * outside), key))
    scored.sort(key=lambda sk: (-sk[0], 0 if sk[1][1:2] == ":" else 1, sk[1]))
    words: list[str] = []
    for _score, key in scored:
        surface = features.surfaces.get(key, key)
        if _covered(surface, words):
            continue
        words.append(surface)
        if len(words) == SHARED_TERMS:
            break
    return words


def _covered(surface: str, words: list[str]) -> bool:
    """"Rwandan" adds nothing after "Rwandan troops"; a name replaces its own word."""
    low = surface.casefold()
    for k, w in enumerate(words):
        other = w.casefold()
        if low in other.split() or low == other:
            return True
        if other in low.split():
            words[k] = surface
            return True
    return False


def topic_name(shared: Sequence[str], taken: set[str]) -> str:
    """The first key terms, joined; made unique against ``taken`` (case-folded names)."""
    name = ", ".join(shared[:NAME_TERMS]) or "Other statements"
    base, n = name, 2
    while name.casefold() in taken:
        name = f"{base} ({n})"
        n += 1
    taken.add(name.casefold())
    return name
