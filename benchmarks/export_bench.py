"""Export speed: the whole comparison workbook and the PDF sheet for 20,000 statements.

    python -m benchmarks.export_bench [--quick]

A temporary project is filled straight through the store (no importer, nothing timed but
the export): generated news-like articles, their sentences as statements, 8 parties and
40 topics, most statements tagged and put under a topic, a few hundred links. Then
``app.ops.exporting.export`` writes XLSX and PDF (and, for the record, CSV, HTML and
JSON) exactly as the desk and the command line do. Quick mode uses 2,000 statements.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

from app.core.models import ParsedDocument, Span
from app.store import articles, links, parties, statements, topics
from app.store.database import Project

PARTIES = ("Pakistan", "Iran", "Baloch separatists", "United Nations", "China", "United States", "Afghanistan",
           "Human rights groups")
TOPICS = tuple(f"Topic {i:02d}: " + word for i, word in enumerate(
    ["what was hit", "who was killed", "sovereignty", "militants", "what next", "casualties", "intelligence",
     "border", "diplomacy", "refugees", "economy", "aid", "law", "media", "elections", "security", "trade",
     "energy", "water", "history"] * 2, start=1))


def _sentences(count: int, rng: random.Random) -> list[str]:
    try:
        from app.core.segment import segment
        from benchmarks.corpus import generate_articles, split_byline
    except ImportError:  # no generator: plain invented sentences
        words = "the ministry said strikes border officials denied claimed civilians security talks".split()
        return [" ".join(rng.choice(words) for _ in range(rng.randint(8, 30))).capitalize() + "." for _ in range(count)]
    out: list[str] = []
    n = 0
    while len(out) < count:
        n += 40
        for article in generate_articles(40, seed=n):
            body = split_byline(article)[1]
            out.extend(body[s.start : s.end] for s in segment(body))
    return out[:count]


def build(project: Project, statement_count: int, per_article: int = 100, seed: int = 11) -> None:
    rng = random.Random(seed)
    sentences = _sentences(statement_count, rng)
    with project.transaction():
        party_ids = [parties.add(project, name) for name in PARTIES]
        topic_ids = [topics.ensure(project, name) for name in TOPICS]
        all_ids: list[int] = []
        for a, first in enumerate(range(0, len(sentences), per_article)):
            chunk = sentences[first : first + per_article]
            parts, spans, offset = [], [], 0
            for i, sentence in enumerate(chunk):
                if i:  # five sentences to a paragraph
                    parts.append("\n" if i % 5 == 0 else " ")
                    offset += 1
                spans.append(Span(offset, offset + len(sentence), i // 5 + 1))
                parts.append(sentence)
                offset += len(sentence)
            text = "".join(parts)
            doc = ParsedDocument(text=text, format="txt", title=f"Generated article {a + 1} about the border strikes",
                                 outlet=rng.choice(["World News", "Dawn", "Tehran Times", "Reuters"]),
                                 published=f"2024-01-{rng.randint(10, 31):02d}", language="en")
            article_id = articles.insert(project, doc, hashlib.sha256(text.encode()).hexdigest())
            ids = statements.insert_many(project, article_id, text, spans)
            tags = []
            for sid in ids:
                party = rng.choice(party_ids) if rng.random() < 0.85 else None
                tags.append(statements.TagState(sid, party, rng.choice(["confirmed", "confirmed", "suggested"])))
            statements.set_tags(project, tags)
            all_ids.extend(ids)
        by_topic: dict[int, list[int]] = {}
        for sid in all_ids:
            if rng.random() < 0.9:
                by_topic.setdefault(rng.choice(topic_ids), []).append(sid)
        for tid, sids in by_topic.items():
            topics.assign(project, tid, sids)
        for _ in range(min(500, len(all_ids) // 10)):
            a, b = rng.sample(all_ids, 2)
            with contextlib.suppress(Exception):  # a repeated random pair: skip it
                links.add(project, a, b, rng.choice(["contradicts", "supports", "responds-to"]))


def run(quick: bool = False) -> dict:
    from app.ops.exporting import export

    count = 2_000 if quick else 20_000
    figures: dict[str, float | int] = {"export_statements": count}
    with tempfile.TemporaryDirectory(prefix="cc-export-bench-") as folder:
        folder = Path(folder)
        with Project(folder / "bench.counterclaim", create=True) as project:
            build(project, count)
            for fmt in ("xlsx", "pdf", "csv", "html", "json"):
                started = time.perf_counter()
                summary = export(project, fmt, folder / f"sheet.{fmt}")
                seconds = time.perf_counter() - started
                figures[f"export_{fmt}_s"] = round(seconds, 2)
                if fmt == "pdf":
                    from pypdf import PdfReader

                    figures["export_pdf_pages"] = len(PdfReader(str(summary.path)).pages)
                figures[f"export_{fmt}_mb"] = round(summary.bytes / 1e6, 2)
    return figures


if __name__ == "__main__":
    for key, value in run(quick="--quick" in sys.argv).items():
        print(f"{key:<24} {value}")
