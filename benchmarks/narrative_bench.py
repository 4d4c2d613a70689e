"""The narrative view on a big project: change a filter, scroll.

    run(quick) -> {narrative_statements, narrative_load_s, narrative_filter_p95_ms, narrative_scroll_p95_ms, ...}

The project is written straight through app.store: 2,000 articles of 50 statements
(quick: 200), every statement tagged with one of 8 parties (60% confirmed), each under one
of 40 topics (a tenth under two), 12 outlets over a month, and 2,000 links. Figures are
measured from the call until the view has repainted, offscreen, through the real
NarrativeView (one query at load; filters regroup in memory; panes paint visible rows).
"""

from __future__ import annotations

import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARTIES = ("Pakistan", "Iran", "India", "Afghanistan", "United Nations", "Separatists", "China", "US")
WORDS = (
    "the ministry said officials confirmed strikes border militants civilians casualties report "
    "government denied accused sovereignty violation attack camps intelligence warned consequences "
    "talks ceasefire refugees province security forces claimed responsibility villages damage"
).split()


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))).capitalize() + "."


def build_project(path: Path, n_articles: int, per_article: int = 50, seed: int = 5) -> int:
    from app.core.models import ParsedDocument, Span
    from app.core.text import fingerprint
    from app.store import articles, links, parties, statements, topics
    from app.store.database import Project
    from app.store.statements import TagState

    rng = random.Random(seed)
    with Project(path, create=True) as project:
        with project.transaction():
            party_ids = [parties.add(project, name) for name in PARTIES]
            topic_ids = [topics.ensure(project, f"Topic {n + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}")
                         for n in range(40)]
        all_ids: list[int] = []
        for n in range(n_articles):
            sentences = [_sentence(rng) for _ in range(per_article)]
            spans, text, at = [], "", 0
            for i, sentence in enumerate(sentences):
                sep = "" if i == 0 else ("\n" if i % 5 == 0 else " ")
                text += sep + sentence
                start = at + len(sep)
                spans.append(Span(start, start + len(sentence), 1 + i // 5))
                at = len(text)
            text += f"\n(No. {n})"
            doc = ParsedDocument(text, "txt", title=f"Report {n}", outlet=f"Outlet {n % 12}",
                                 published=f"2024-01-{1 + n % 28:02}")
            with project.transaction():
                aid = articles.insert(project, doc, fingerprint(text))
                sids = statements.insert_many(project, aid, text, spans)
                statements.set_tags(project, [
                    TagState(s, rng.choice(party_ids), "confirmed" if rng.random() < 0.6 else "suggested") for s in sids
                ])
                pairs = [(s, rng.choice(topic_ids)) for s in sids]
                pairs += [(s, rng.choice(topic_ids)) for s in sids if rng.random() < 0.1]
                topics.add_pairs(project, pairs)
            all_ids += sids
        with project.transaction():
            for _ in range(2000):
                a, b = rng.sample(all_ids, 2)
                with contextlib.suppress(Exception):  # a duplicate pair: skip it
                    links.add(project, a, b, rng.choice(links.RELATIONS))
        return statements.count(project)


def _p95(samples: list[float]) -> float:
    return round(statistics.quantiles(samples, n=20)[18] * 1000, 2) if len(samples) > 1 else round(samples[0] * 1000, 2)


def run(quick: bool = False) -> dict:
    from PySide6.QtWidgets import QApplication

    from app.store.database import Project
    from app.ui.context import ProjectContext
    from app.ui.narrative import NarrativeView

    app = QApplication.instance() or QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="counterclaim-narrative-bench-"))
    path = folder / "big.counterclaim"
    start = time.perf_counter()
    count = build_project(path, 200 if quick else 2000)
    build_s = time.perf_counter() - start

    context = ProjectContext(Project(path))
    view = NarrativeView()
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_context(context)
    app.processEvents()
    app.processEvents()
    load_s = time.perf_counter() - start

    bar = view.filters
    changes = []
    for n in range(12):
        changes += [
            lambda: bar.confirmed.setChecked(not bar.confirmed.isChecked()),
            lambda n=n: bar.outlet.setCurrentIndex(1 + n % (bar.outlet.count() - 1)),
            lambda: bar.outlet.setCurrentIndex(0),
            lambda n=n: bar.article.setCurrentIndex(1 + (n * 37) % (bar.article.count() - 1)),
            lambda: bar.article.setCurrentIndex(0),
        ]
    filter_samples = []
    for change in changes:
        t = time.perf_counter()
        change()
        app.processEvents()
        app.processEvents()
        filter_samples.append(time.perf_counter() - t)

    if bar.confirmed.isChecked():
        bar.confirmed.setChecked(False)
    app.processEvents()
    scroll_samples, curves = [], 0
    step = max(1, view.scroll_bar.pageStep() // 3)
    for n in range(120):
        value = (n * step * 7) % max(1, view.scroll_bar.maximum())
        t = time.perf_counter()
        view.scroll_bar.setValue(value)
        app.processEvents()
        app.processEvents()
        scroll_samples.append(time.perf_counter() - t)
        curves = max(curves, len(view.overlay.last_drawn))
    placed = sum(len(v) for v in view.grid.cells.values())
    view.close()
    context.close()
    return {
        "narrative_statements": count,
        "narrative_placed": placed,
        "narrative_build_s": round(build_s, 1),
        "narrative_load_s": round(load_s, 2),
        "narrative_filter_p95_ms": _p95(filter_samples),
        "narrative_scroll_p95_ms": _p95(scroll_samples),
        "narrative_curves_on_screen_max": curves,
    }


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
