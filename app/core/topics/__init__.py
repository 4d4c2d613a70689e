"""Suggested topics: a project's statements grouped into the points in dispute, offline.

    suggest(items, confirmed={name: [ids]}, count=None, party_forms=...) -> [SuggestedTopic]

Each statement is read as the words it is about, without its speaker (``.features``); the
statements are grouped by average linkage (``.clustering``), so a denial lands beside the
accusation it denies when the two share what they are about ("Rwandan troops", "Kamituga");
each group becomes a topic named by the terms its statements share (``.naming``), with those
terms as the explanation. Topics the journalist has confirmed stay as they are: statements
under none of them are first proposed into the closest confirmed topic, and the rest grouped
into new topics. Why lexical and not an embedding model: ``docs/topics.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core.topics.clustering import SAMPLE, Centroids, average_linkage, centroid, pair_similarities
from app.core.topics.features import TopicItem, read
from app.core.topics.naming import shared_terms, topic_name

__all__ = ["SuggestedTopic", "TopicItem", "suggest", "MAX_TOPICS"]

MAX_TOPICS = 12
MIN_TOPICS = 2
FLOOR = 0.03  # groups less alike than this on average are never one topic
NEARNESS = 0.25  # how alike two neighbouring statements of one article are for that alone
NEAR = 10  # statements apart within which nearness counts
STATEMENTS_PER_TOPIC = 2.0  # topics ≈ √(statements of parties / this): 5 for 50, 12 from 290
PLACE_THRESHOLD = 0.14  # a party's statement joins the closest topic from this likeness
NARRATION_THRESHOLD = 0.24  # the outlet's own statement needs more to be placed


@dataclass(frozen=True)
class SuggestedTopic:
    """A topic to propose, or (``existing`` set) statements to propose into a confirmed one."""

    name: str
    shares: tuple[str, ...]  # the terms its statements share: the explanation
    statement_ids: tuple[int, ...]
    scores: tuple[float, ...]  # how close each statement is to the topic, 0..1
    existing: str | None = None

    @property
    def explanation(self) -> str:
        return "shares: " + ", ".join(self.shares) if self.shares else "statements alike in their words"


def suggest(
    items: Sequence[TopicItem],
    confirmed: Mapping[str, Sequence[int]] | None = None,
    count: int | None = None,
    party_forms: frozenset[str] = frozenset(),
) -> list[SuggestedTopic]:
    """Topics for ``items`` (in reading order); ``count`` asks for about that many new ones."""
    features = read(items, party_forms)
    vectors = features.vectors
    speaks = [item.party is not None for item in items]
    position = {item.id: i for i, item in enumerate(items)}
    fixed = [(name, [position[s] for s in ids if s in position]) for name, ids in (confirmed or {}).items()]
    fixed = [(name, members) for name, members in fixed if members]
    settled = {i for _, members in fixed for i in members}
    free = [i for i in range(len(items)) if i not in settled and vectors[i]]
    # 1. into the journalist's topics, what is close to one of them
    into = _place(free, vectors, Centroids([centroid(vectors, m) for _, m in fixed]), len(fixed), speaks)
    taken = {i for found in into for i, _ in found}
    # 2. the rest, grouped
    found = _grouped(items, vectors, [i for i in free if i not in taken], speaks, count)
    named = [(name, members) for (name, _), members in zip(fixed, into)]
    return _topics(items, features, [("new", f) for f in found] + named)


def _grouped(items, vectors, free: list[int], speaks: list[bool], count: int | None) -> list[list[tuple[int, float]]]:
    """New topics for ``free``: the sample grouped, then the rest placed by centroid."""
    sample = _sample(free)
    sims = pair_similarities(vectors, sample)
    _add_nearness(items, sample, sims)
    limit = count or _topics_for(sum(speaks[i] for i in free))
    groups = average_linkage(sample, sims, 1.01, FLOOR, topics=limit)
    chosen = [g for g in groups if len(g) >= 2 and any(speaks[i] for i in g)][:limit]
    grouped = {i for g in chosen for i in g}
    places = Centroids([centroid(vectors, g) for g in chosen])
    found = _place([i for i in free if i not in grouped], vectors, places, len(chosen), speaks)
    for k, g in enumerate(chosen):
        found[k] += [(i, places.score(vectors[i], k)) for i in g]
    return found


def _place(candidates, vectors, places: Centroids, groups: int, speaks) -> list[list[tuple[int, float]]]:
    """For each of ``groups`` groups, the candidates closest to it and close enough: (index, how close)."""
    out: list[list[tuple[int, float]]] = [[] for _ in range(groups)]
    if not groups:
        return out
    for i in candidates:
        g, score = places.best(vectors[i])
        if g is not None and score >= (PLACE_THRESHOLD if speaks[i] else NARRATION_THRESHOLD):
            out[g].append((i, score))
    return out


def _add_nearness(items: Sequence[TopicItem], members: Sequence[int], sims) -> None:
    """News is written point by point: a claim, then its answer ("Kigali denied it"), then the
    next point. Statements close together in one article are a little alike for that alone."""
    for n, i in enumerate(members):
        for j in members[n + 1 : n + NEAR]:
            if items[j].article_id != items[i].article_id or j - i >= NEAR:
                break
            bonus = NEARNESS * (1 - (j - i) / NEAR)
            sims[i][j] = sims[i].get(j, 0.0) + bonus
            sims[j][i] = sims[i][j]


def _topics_for(statements: int) -> int:
    """How many points in dispute a project of this many statements of parties is about."""
    return max(MIN_TOPICS, min(MAX_TOPICS, round((statements / STATEMENTS_PER_TOPIC) ** 0.5)))


def _sample(free: list[int]) -> list[int]:
    """At most SAMPLE statements, spread evenly through the project, for the pairwise pass."""
    if len(free) <= SAMPLE:
        return free
    step = len(free) / SAMPLE
    return [free[int(k * step)] for k in range(SAMPLE)]


def _topics(items, features, groups: list[tuple[str, list[tuple[int, float]]]]) -> list[SuggestedTopic]:
    """``groups``: ("new" or a confirmed topic's name, [(index, how close)])."""
    taken = {name.casefold() for name, _ in groups if name != "new"}
    out: list[SuggestedTopic] = []
    for name, found in groups:
        found = sorted(found)  # reading order
        existing = None if name == "new" else name
        if len(found) < (1 if existing else 2):
            continue
        members = [i for i, _ in found]
        shares = tuple(shared_terms(features, members))
        out.append(SuggestedTopic(
            name=existing or topic_name(shares, taken),
            shares=shares,
            statement_ids=tuple(items[i].id for i in members),
            scores=tuple(min(1.0, round(score, 3)) for _, score in found),
            existing=existing,
        ))
    new = [t for t in out if t.existing is None]
    new.sort(key=lambda t: -len(t.statement_ids))
    return new + [t for t in out if t.existing is not None]
