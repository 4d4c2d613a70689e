"""End-to-end import throughput: decode, segment, attribute, store and index.

Writes a generated corpus to .txt files and imports them into a fresh project through the
same op the desk and the command line use, twice:

* as a user would (``import_mb_s``): with this many files, worker processes read, segment
  and attribute ahead while the main process stores (see ``app.ops.importing._Pipeline``);
* in one process (``import_one_process_mb_s``), each stage timed, for where the time goes:
  ``import_share_*_pct`` are shares of that one-process run (read = decode and clean,
  segment, attribution = ``read`` and ``suggest`` (app.core.reading: furniture and speakers, then
  parties), fingerprint, store = the rest: duplicate checks,
  parties, SQLite and its full-text index, commits).

MB are 10**6 bytes of the files as written (UTF-8).
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


def _import(root: Path, name: str, files: list[Path]):
    from app.ops import importing
    from app.store.database import Project

    with Project(root / name, create=True) as project:
        started = time.perf_counter()
        report = importing.import_files(project, files)
        elapsed = time.perf_counter() - started
    assert not report.refused, report.refused[:3]
    return elapsed


def run(quick: bool = False) -> dict:
    from app.ops import importing

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
        workers = importing.POOL_WORKERS if count >= importing.POOL_MIN_FILES else 0

        pooled = _import(root, "pooled.counterclaim", files)

        totals: dict[str, float] = {}
        saved = importing.POOL_MIN_FILES
        importing.POOL_MIN_FILES = 10**9
        from app.ops import import_worker

        originals = [
            (import_worker, "segment", _timed(import_worker, "segment", totals)),
            (import_worker, "fingerprint", _timed(import_worker, "fingerprint", totals)),
            (importing.importers, "read_document", _timed(importing.importers, "read_document", totals)),
            (importing.reading, "suggest", _timed(importing.reading, "suggest", totals)),
            (import_worker.reading, "read", _timed(import_worker.reading, "read", totals)),
        ]
        try:
            alone = _import(root, "one-process.counterclaim", files)
        finally:
            importing.POOL_MIN_FILES = saved
            for module, name, original in originals:
                setattr(module, name, original)
    stored = alone - sum(totals.values())
    return {
        "import_mb_s": round(size_mb / pooled, 2),
        "import_articles": count,
        "import_workers": workers,
        "import_one_process_mb_s": round(size_mb / alone, 2),
        "import_share_read_pct": round(100 * totals.get("read_document", 0) / alone, 1),
        "import_share_fingerprint_pct": round(100 * totals.get("fingerprint", 0) / alone, 1),
        "import_share_segment_pct": round(100 * totals.get("segment", 0) / alone, 1),
        "import_share_attribution_pct": round(100 * (totals.get("suggest", 0) + totals.get("read", 0)) / alone, 1),
        "import_share_store_pct": round(100 * stored / alone, 1),
    }


if __name__ == "__main__":
    for key, value in run(quick=True).items():
        print(f"{key:<32} {value}")
