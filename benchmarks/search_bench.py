"""Full-text search latency over a project of 100,000 statements (quick: 10,000).

Queries mix single words, prefixes, phrases and boolean forms, as a journalist types
them in the search box; each is timed through the same store function the desk calls.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.desk_bench import build_project

WORDS = ["ministry", "strikes", "civilian", "militants", "border", "said", "denied", "Iran",
         "Pakistan", "sovereignty", "intelligence", "casualties", "spokesman", "attack", "minister"]


def _queries(rng: random.Random, count: int) -> list[str]:
    forms = [
        lambda: rng.choice(WORDS),
        lambda: rng.choice(WORDS)[:4] + "*",
        lambda: f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"',
        lambda: f"{rng.choice(WORDS)} OR {rng.choice(WORDS)}",
        lambda: f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
        lambda: f"{rng.choice(WORDS)} NOT {rng.choice(WORDS)}",
    ]
    return [rng.choice(forms)() for _ in range(count)]


def run(quick: bool = False) -> dict:
    from app.store import search
    from app.store.database import Project

    articles = 200 if quick else 2000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.counterclaim"
        info = build_project(path, articles, 50, long_statements=50)
        rng = random.Random(5)
        with Project(path) as project:
            for query in _queries(rng, 10):  # warm the page cache like a desk that is open
                search.statements(project, query)
            samples, hits = [], []
            for query in _queries(rng, 200):
                started = time.perf_counter()
                rows = search.statements(project, query, limit=500)
                samples.append((time.perf_counter() - started) * 1000)
                hits.append(len(rows))
    samples.sort()
    return {
        "search_p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
        "search_median_ms": round(statistics.median(samples), 2),
        "search_statements": info["statements"],
        "search_median_hits": int(statistics.median(hits)),
    }


if __name__ == "__main__":
    for key, value in run(quick=True).items():
        print(f"{key:<24} {value}")
