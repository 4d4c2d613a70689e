"""End-to-end import throughput: decode, segment, attribute, store and index.

Writes a generated corpus to .txt files, imports them into a fresh project through
the same op the desk and the command line use, and reports MB/s of article text
with the share of time each stage takes.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate_articles


def _timed(module, name: str, totals: dict):
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - started

    setattr(module, name, wrapper)
    return original


def run(quick: bool = False) -> dict:
    from app.ops import importing
    from app.store.database import Project

    count = 200 if quick else 2000
    texts = generate_articles(count, seed=11)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = []
        for index, text in enumerate(texts):
            path = root / f"article-{index:05}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        totals: dict[str, float] = {}
        originals = {
            "segment": _timed(importing, "segment", totals),
            "read_document": _timed(importing.importers, "read_document", totals),
        }
        suggest_original = _timed(importing.attribution, "suggest", totals)
        try:
            with Project(root / "bench.counterclaim", create=True) as project:
                started = time.perf_counter()
                report = importing.import_files(project, files)
                elapsed = time.perf_counter() - started
        finally:
            importing.segment = originals["segment"]
            importing.importers.read_document = originals["read_document"]
            importing.attribution.suggest = suggest_original
    assert not report.refused, report.refused[:3]
    stored = elapsed - sum(totals.values())
    return {
        "import_mb_s": round(size_mb / elapsed, 2),
        "import_articles": count,
        "import_share_read_pct": round(100 * totals.get("read_document", 0) / elapsed, 1),
        "import_share_segment_pct": round(100 * totals.get("segment", 0) / elapsed, 1),
        "import_share_attribution_pct": round(100 * totals.get("suggest", 0) / elapsed, 1),
        "import_share_store_pct": round(100 * stored / elapsed, 1),
    }


if __name__ == "__main__":
    for key, value in run(quick=True).items():
        print(f"{key:<32} {value}")
