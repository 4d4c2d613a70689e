"""A suggested topic's name and the words its statements share, as a journalist reads them."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.topics.features import Features

NAME_TERMS = 3
SHARED_TERMS = 6


def shared_terms(features: Features, members: Sequence[int]) -> list[str]:
    """The features most of the group has and the rest of the project has less of, best
    first, as the text writes them; names and places before words when they tie."""
    counts: dict[str, int] = {}
    weight: dict[str, float] = {}
    for i in members:
        for key, w in features.vectors[i].items():
            if key[:2] != "c:":  # stance concepts explain a link, not a subject
                counts[key] = counts.get(key, 0) + 1
                weight[key] = weight.get(key, 0.0) + w
    n = len(members)
    scored = []
    for key, count in counts.items():
        if count < 2 and n > 1:
            continue
        outside = max(0, features.df.get(key, count) - count)
        # the weight the group gives it (rarity, kind, a party's name or a common word weighing
        # less), less for what the rest of the project says as much
        scored.append((weight[key] / n / (1 + 0.1 * outside), key))
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
    low = f" {surface.casefold()} "
    for k, w in enumerate(words):
        other = f" {w.casefold()} "
        if low in other:
            return True
        if other in low:
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
