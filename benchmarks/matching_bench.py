"""Counterclaim suggestions: index build time, query latency and memory at desk scale.

    python -m benchmarks.matching_bench [--quick]

The corpus: articles from ``benchmarks.corpus.generate_articles`` split into statements by
``app.core.segment.segment`` until there are 100,000 (quick: 20,000); each statement gets one
of 8 parties (one in ten is the outlet's narration, party None) and one or two of 40 topics
(one in five has none), all from a seeded ``random.Random``, so every run indexes the same
statements. The generated text repeats a small vocabulary, which makes posting lists long:
a harder case for query time than real copy of the same size.

Figures: ``match_index_build_s`` (analysis + index of every statement), ``match_suggest_p95_ms``
and ``match_suggest_p50_ms`` (``suggest(id, limit=10)`` for 300 seeded random statements,
quick: 100), ``match_update_p95_ms`` (``update`` of a statement with a new topic), and
``match_index_mb`` (memory the index allocates, the statements' own text excluded, traced
in a second build since tracing slows it several times).
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
import tracemalloc

from app.core.matching import CounterclaimIndex, MatchableStatement
from app.core.segment import segment
from benchmarks.corpus import generate_articles, split_byline

PARTIES = ["Pakistan", "Iran", "India", "Afghanistan", "Baloch separatists", "Jaish al-Adl",
           "United Nations", "United States"]
TOPICS = [f"Topic {i:02d}" for i in range(40)]


def make_statements(n: int, seed: int = 7) -> list[MatchableStatement]:
    """``n`` statements with parties, topics and article ids, the same for the same seed."""
    rng = random.Random(seed)
    statements: list[MatchableStatement] = []
    article_id = 0
    batch = 0
    while len(statements) < n:
        for article in generate_articles(200, seed=seed * 1000 + batch):
            article_id += 1
            body = split_byline(article)[1]
            for span in segment(body):
                if len(statements) == n:
                    break
                party = None if rng.random() < 0.1 else rng.choice(PARTIES)
                roll = rng.random()
                topics = frozenset() if roll < 0.2 else frozenset(
                    rng.sample(TOPICS, 1 if roll < 0.8 else 2))
                statements.append(MatchableStatement(len(statements) + 1, span.of(body), party,
                                                     topics, article_id))
        batch += 1
    return statements


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(quick: bool = False) -> dict:
    n = 20_000 if quick else 100_000
    statements = make_statements(n)

    gc.collect()
    started = time.perf_counter()
    index = CounterclaimIndex(statements)
    build = time.perf_counter() - started

    rng = random.Random(11)
    queries = [rng.randrange(1, n + 1) for _ in range(100 if quick else 300)]
    index.suggest(queries[0])  # warm the word cache the way a first click would
    times = []
    found = 0
    for sid in queries:
        t0 = time.perf_counter()
        found += len(index.suggest(sid, limit=10))
        times.append((time.perf_counter() - t0) * 1000)

    updates = []
    for sid in queries[:50]:
        old = statements[sid - 1]
        new = MatchableStatement(old.id, old.text, old.party, old.topics | {rng.choice(TOPICS)},
                                 old.article_id)
        t0 = time.perf_counter()
        index.update(new)
        updates.append((time.perf_counter() - t0) * 1000)

    figures = {
        "match_statements": n,
        "match_index_build_s": round(build, 2),
        "match_suggest_p50_ms": round(statistics.median(times), 2),
        "match_suggest_p95_ms": round(_percentile(times, 0.95), 2),
        "match_update_p95_ms": round(_percentile(updates, 0.95), 2),
        "match_mean_suggestions": round(found / len(queries), 1),
    }
    del index
    figures["match_index_mb"] = round(_index_mb(statements), 1)
    return figures


def _index_mb(statements: list[MatchableStatement]) -> float:
    """Memory the index itself allocates for these statements (their text not counted)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index = CounterclaimIndex(statements)
        gc.collect()
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del index
    return size / 1_000_000


def main(argv: list[str]) -> None:
    for key, value in run("--quick" in argv).items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main(sys.argv[1:])
