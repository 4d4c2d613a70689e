"""The desk on a large project: open, switch articles, tag (one key press), a 1 MB article.

    run(quick) -> {open_s, switch_article_p95_ms, tag_p95_ms, long_article_tag_p95_ms, peak_rss_mb,
                   suggest_topics_s, tag_while_suggesting_p95_ms, suggest_topics_store_ms}

The project is written straight through app.store (executemany, no attribution) so building
it takes seconds: 2,000 articles / 100,000 statements (quick: 200 / 10,000) with a third of
the statements suggested and a few confirmed, plus one ~1 MB article of ~5,000 statements.
Each figure is measured the way a journalist feels it: from the call (or key press) until
the window has repainted, through the real MainWindow, offscreen.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _texts(n: int, seed: int) -> list[str]:
    try:
        from benchmarks.corpus import generate_articles
    except ImportError:  # the corpus module is a teammate's; fall back to plain sentences
        rng = random.Random(seed)
        words = "the ministry said that officials had confirmed a report on border strikes".split()
        return [
            "\n".join(
                " ".join(
                    " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."
                    for _ in range(5)
                )
                for _ in range(10)
            )
            for _ in range(n)
        ]
    return generate_articles(n, seed)


def _long_article(pool: list[str], rng: random.Random, statements: int, size: int = 1_000_000):
    """About ``size`` characters in about ``statements`` statements: long sentences, as in a
    transcript or a report, made by joining neighbouring sentences of one paragraph."""
    from app.core.models import Span
    from app.core.segment import segment

    parts, length = [], 0
    while length < size:
        parts.append(pool[rng.randrange(len(pool))])
        length += len(parts[-1]) + 1
    text = "\n".join(parts)[:size]
    text = text[: text.rfind("\n")]
    base = segment(text)
    per = max(1, round(len(base) / statements))
    spans = []
    for i in range(0, len(base), per):
        group = [s for s in base[i : i + per] if s.paragraph == base[i].paragraph]
        spans.append(Span(group[0].start, group[-1].end, group[0].paragraph))
    return text, spans


def build_project(path: Path, n_articles: int, per_article: int, long_statements: int, seed: int = 7) -> dict:
    """Write the benchmark project; returns ids worth measuring on."""
    from app.core.models import ParsedDocument
    from app.core.segment import segment
    from app.core.text import fingerprint
    from app.store import articles, parties, statements
    from app.store.database import Project
    from app.store.statements import TagState

    rng = random.Random(seed)
    pool = _texts(400, seed)
    with Project(path, create=True) as project:
        with project.transaction():
            party_ids = [parties.add(project, name) for name in
                         ("Pakistan", "Iran", "India", "Afghanistan", "United Nations", "Separatists", "China", "US")]
        ids: list[int] = []
        long_id = None
        for n in range(n_articles + 1):
            is_long = n == n_articles
            if is_long:
                text, spans = _long_article(pool, rng, long_statements)
            else:
                parts, spans, text = [], [], ""
                while len(spans) < per_article:
                    parts.append(pool[rng.randrange(len(pool))])
                    text = "\n".join(parts)
                    spans = segment(text)
                text = text[: spans[per_article - 1].end] + f"\n(No. {n})"  # every article unique
                spans = segment(text)
            doc = ParsedDocument(text, "txt", title=f"{'Long report' if is_long else 'Report'} {n}",
                                 outlet=f"Outlet {n % 12}", published=f"2024-01-{1 + n % 28:02}")
            with project.transaction():
                aid = articles.insert(project, doc, fingerprint(text))
                sids = statements.insert_many(project, aid, text, spans)
                tags = []
                for sid in sids:
                    roll = rng.random()
                    if roll < 0.35:
                        tags.append(TagState(sid, rng.choice(party_ids), "suggested"))
                    elif roll < 0.45:
                        tags.append(TagState(sid, rng.choice(party_ids), "confirmed"))
                statements.set_tags(project, tags)
            if is_long:
                long_id = aid
            else:
                ids.append(aid)
        total = statements.count(project)
    return {"articles": ids, "long": long_id, "statements": total, "chars_long": len(text)}


def _p95(samples: list[float]) -> float:
    return round(statistics.quantiles(samples, n=20)[18] * 1000, 2) if len(samples) > 1 else samples[0] * 1000


def _paint(app, window) -> None:
    """What the event loop does after a key press: deliver the updates and paint what is dirty."""
    app.processEvents()
    app.processEvents()


def _tag_presses(app, window, qtest, count: int) -> list[float]:
    from PySide6.QtCore import Qt

    reader = window.reader
    reader.setFocus()
    window.tagging.set_selection([reader.rows[len(reader.rows) // 3]["id"]])
    samples = []
    keys = [Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_0, Qt.Key_Return]
    for n in range(count):
        started = time.perf_counter()
        qtest.keyClick(reader, keys[n % len(keys)])
        _paint(app, window)
        samples.append(time.perf_counter() - started)
    return samples


def _tags_while_suggesting(app, window, qtest) -> dict:
    """Suggest topics from the Topics panel as a journalist would (the grouping runs in the
    background) and keep tagging until the suggestions are in: how long it took, how quick
    each tag stayed meanwhile, and how long storing them held the window at the end."""
    from PySide6.QtCore import Qt

    panel = window.narratives.topics
    reader = window.reader
    reader.setFocus()
    window.tagging.set_selection([reader.rows[len(reader.rows) // 2]["id"]])
    stored: list[float] = []
    store = panel._store

    def timed_store(plan):
        t0 = time.perf_counter()
        store(plan)
        stored.append(time.perf_counter() - t0)

    panel._store = timed_store
    started = time.perf_counter()
    panel.suggest()
    samples = []
    keys = [Qt.Key_1, Qt.Key_2, Qt.Key_0]
    while panel.job is not None:
        t0 = time.perf_counter()
        qtest.keyClick(reader, keys[len(samples) % len(keys)])
        _paint(app, window)
        samples.append(time.perf_counter() - t0)
        time.sleep(0.05)  # a journalist presses a key now and then, not in a loop
    while not stored:
        app.processEvents()
    panel._store = store
    return {
        "suggest_topics_s": round(time.perf_counter() - started, 2),
        "tag_while_suggesting_p95_ms": _p95(samples) if samples else None,
        "tags_while_suggesting": len(samples),
        "suggest_topics_store_ms": round(stored[0] * 1000, 1),
        "suggested_topics": sum(1 for t in panel.model.topics if t.suggested),
    }


def run(quick: bool = False) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    home = Path(tempfile.mkdtemp(prefix="counterclaim-desk-bench-"))
    os.environ.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    n_articles, per_article = (200, 50) if quick else (2000, 50)
    path = home / "big.counterclaim"
    started = time.perf_counter()
    built = build_project(path, n_articles, per_article, 5000)
    build_s = time.perf_counter() - started

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtTest import QTest

    from app.ui.desk import make_application
    from app.ui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    # The window imports its docks' modules when it first fills in (paint first): one built and
    # dropped here keeps those imports out of open_s, as when importing main_window did them.
    MainWindow().deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    started = time.perf_counter()
    window = MainWindow(path)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.grab()  # the first complete paint
    open_s = time.perf_counter() - started

    rng = random.Random(3)
    switches = []
    for article_id in rng.sample(built["articles"], 60):
        started = time.perf_counter()
        window.show_article(article_id)
        _paint(app, window)
        switches.append(time.perf_counter() - started)

    tags = _tag_presses(app, window, QTest, 60)

    started = time.perf_counter()
    window.show_article(built["long"])
    _paint(app, window)
    open_long_ms = (time.perf_counter() - started) * 1000
    long_tags = _tag_presses(app, window, QTest, 40)

    while_suggesting = _tags_while_suggesting(app, window, QTest)

    # whole-project statement table: first page and scrolling to the end of what is loaded
    started = time.perf_counter()
    window.statements.set_scope("project")
    _paint(app, window)
    project_scope_ms = (time.perf_counter() - started) * 1000

    window.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "desk_articles": n_articles + 1,
        "desk_statements": built["statements"],
        "desk_build_s": round(build_s, 1),
        "open_s": round(open_s, 3),
        "switch_article_p95_ms": _p95(switches),
        "tag_p95_ms": _p95(tags),
        "long_article_chars": built["chars_long"],
        "long_article_open_ms": round(open_long_ms, 1),
        "long_article_tag_p95_ms": _p95(long_tags),
        "project_scope_ms": round(project_scope_ms, 1),
        "peak_rss_mb": round(peak, 1),
        **while_suggesting,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
