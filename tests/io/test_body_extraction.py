"""Body extraction on saved web pages of many CMS shapes, measured against the true body.

Each page under tests/io/data/pages/ (WordPress, a news site with JSON-LD, AMP, a live blog,
comments, cookie banners, related links, newsletter boxes, Drupal, Ghost, an embedded
Telegram post, an old table layout) has its true body beside it (NAME.txt: the article's
paragraphs and standfirst as a reader sees them — no headline, byline, captions, links or
calls to subscribe) and its headline and outlet (NAME.json). The importer keeps a headline
that opens the page's text as a statement of the outlet (as for every format); it is the
title, not body, so a first statement equal to the title is not counted. The figures are bag-of-words recall and
precision of what becomes the article's statements (page furniture set aside) against the
true body; the raw extracted text is measured too. Run with -s to see the table.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from app.core.reading import furniture_of, suggest
from app.core.segment import segment
from app.io.importers import read_document

PAGES = Path(__file__).parent / "data" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))
_WORD = re.compile(r"\w+")


def bag(text: str) -> Counter:
    return Counter(_WORD.findall(text.casefold()))


def scores(found: Counter, true: Counter) -> tuple[float, float]:
    overlap = sum((found & true).values())
    return overlap / max(1, sum(true.values())), overlap / max(1, sum(found.values()))


def measure(name: str) -> dict:
    doc = read_document(PAGES / f"{name}.html")
    spans = segment(doc.text)
    _new, attributions = suggest(doc.text, spans)
    kept = [doc.text[s.start : s.end] for s, a in zip(spans, attributions) if not furniture_of(a)]
    if kept and doc.title and kept[0] == doc.title:
        kept = kept[1:]  # the headline: kept in the text as the outlet's statement, but not body
    statements = "\n".join(kept)
    true = bag((PAGES / f"{name}.txt").read_text(encoding="utf-8"))
    expected = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    recall, precision = scores(bag(statements), true)
    raw_recall, raw_precision = scores(bag(doc.text), true)
    return {
        "name": name, "recall": recall, "precision": precision, "raw_recall": raw_recall,
        "raw_precision": raw_precision, "title": doc.title, "outlet": doc.outlet, "expected": expected,
        "found": bag(statements), "true": true,
    }


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return [measure(name) for name in NAMES]


def test_there_are_at_least_ten_page_shapes():
    assert len(NAMES) >= 10
    for name in NAMES:
        assert (PAGES / f"{name}.txt").exists() and (PAGES / f"{name}.json").exists()


def test_body_recall_and_precision_on_every_page(results):
    print(f"\n{'page':<18} {'recall':>7} {'precis.':>7}   raw text: {'recall':>7} {'precis.':>7}")
    for r in results:
        print(f"{r['name']:<18} {r['recall']:7.4f} {r['precision']:7.4f}             "
              f"{r['raw_recall']:7.4f} {r['raw_precision']:7.4f}")
    found = sum((r["found"] for r in results), Counter())
    true = sum((r["true"] for r in results), Counter())
    recall, precision = scores(found, true)
    print(f"{'all (pooled)':<18} {recall:7.4f} {precision:7.4f}")
    print(f"{'worst page':<18} {min(r['recall'] for r in results):7.4f} {min(r['precision'] for r in results):7.4f}")
    assert recall >= 0.985 and precision >= 0.985
    for r in results:
        missing = r["true"] - r["found"]
        extra = r["found"] - r["true"]
        assert r["recall"] >= 0.985, (r["name"], dict(missing))
        assert r["precision"] >= 0.985, (r["name"], dict(extra))


def test_titles_lose_their_site_suffix_and_outlets_are_proper_names(results):
    for r in results:
        assert r["title"] == r["expected"]["title"], r["name"]
        assert r["outlet"] == r["expected"]["outlet"], r["name"]
