"""Grouping statement vectors: average-linkage clustering, then the rest placed by centroid.

Average linkage merges the two groups whose statements are, on average, most alike, until no
pair is alike enough (``threshold``) or as few groups are left as asked. It reads every pair
of statements that share a feature, so it runs on at most ``SAMPLE`` statements; in a larger
project the other statements join the group whose centroid they are closest to, through an
inverted index of the centroids' features (the cost grows with the project, not its square).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from app.core.topics.features import Vector, cosine

SAMPLE = 1500
CENTROID_FEATURES = 40  # a centroid keeps its strongest features: enough to place by


def pair_similarities(vectors: Sequence[Vector], members: Sequence[int]) -> dict[int, dict[int, float]]:
    """{i: {j: cosine}} for every pair of ``members`` that shares a feature (i < j)."""
    postings: dict[str, list[int]] = {}
    for i in members:
        for key in vectors[i]:
            postings.setdefault(key, []).append(i)
    sims: dict[int, dict[int, float]] = {i: {} for i in members}
    for i in members:
        seen: set[int] = set()
        for key in vectors[i]:
            for j in postings[key]:
                if j > i and j not in seen:
                    seen.add(j)
                    s = cosine(vectors[i], vectors[j])
                    if s > 0:
                        sims[i][j] = s
                        sims[j][i] = s
    return sims


def average_linkage(members: Sequence[int], sims: dict[int, dict[int, float]], threshold: float,
                    floor: float | None = None, topics: int = 1) -> list[list[int]]:
    """Groups of ``members`` (each a list, largest first), merged while alike enough.

    Any two groups at least ``threshold`` alike are merged. Between ``floor`` and
    ``threshold`` a statement still joins a group, but two groups of several statements are
    merged only while there are more than ``topics`` of them: a small project's points in
    dispute are few, and their statements share few words."""
    floor = threshold if floor is None else floor
    groups: dict[int, list[int]] = {i: [i] for i in members}
    # sum of similarities between the members of two groups, by group key (the first member)
    between: dict[int, dict[int, float]] = {i: dict(sims.get(i, {})) for i in members}
    heap = [(-s, i, j) for i in members for j, s in between[i].items() if i < j]
    heapq.heapify(heap)
    several = 0  # groups of two statements or more
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue
        average = between[a].get(b, 0.0) / (len(groups[a]) * len(groups[b]))
        if abs(average + negative) > 1e-12:
            continue  # stale: one of the two grew since
        if average < floor:
            break
        both = len(groups[a]) > 1 and len(groups[b]) > 1
        if average < threshold and both and several <= topics:
            continue  # two points in dispute, not one
        several += (len(groups[a]) == 1) + (len(groups[b]) == 1) - 1
        groups[a].extend(groups.pop(b))
        row_b = between.pop(b)
        for c, s in row_b.items():
            if c == a or c not in groups:
                continue
            between[a][c] = between[a].get(c, 0.0) + s
            between[c][a] = between[a][c]
            between[c].pop(b, None)
        between[a].pop(b, None)
        size_a = len(groups[a])
        for c, s in between[a].items():
            if c in groups:
                heapq.heappush(heap, (-s / (size_a * len(groups[c])), min(a, c), max(a, c)))
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def centroid(vectors: Sequence[Vector], members: Sequence[int]) -> Vector:
    total: Vector = {}
    for i in members:
        for key, w in vectors[i].items():
            total[key] = total.get(key, 0.0) + w
    strongest = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_FEATURES]
    norm = sum(w * w for _, w in strongest) ** 0.5
    return {k: w / norm for k, w in strongest} if norm else {}


class Centroids:
    """Places a vector in the closest of several groups, by their centroids' shared features."""

    def __init__(self, centroids: Sequence[Vector]):
        self.index: dict[str, list[tuple[int, float]]] = {}
        for g, c in enumerate(centroids):
            for key, w in c.items():
                self.index.setdefault(key, []).append((g, w))

    def score(self, vector: Vector, group: int) -> float:
        """How close ``vector`` is to one group's centroid (cosine, both of unit length)."""
        return sum(w * cw for key, w in vector.items() for g, cw in self.index.get(key, ()) if g == group)

    def best(self, vector: Vector) -> tuple[int | None, float]:
        scores: dict[int, float] = {}
        for key, w in vector.items():
            for g, cw in self.index.get(key, ()):
                scores[g] = scores.get(g, 0.0) + w * cw
        if not scores:
            return None, 0.0
        g = max(scores, key=lambda k: (scores[k], -k))
        return g, scores[g]
