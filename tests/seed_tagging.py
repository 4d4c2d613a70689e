"""Build the seed article tagged as the reference annotation says, straight through the store.

Independent of the segmenter and the attribution suggester: each reference statement runs
from the words it starts with to the start of the next one (or the end of its paragraph).
Parties, topics and links follow ``seed-article.gold.json``; ``EXTRA_TOPICS`` adds the
cells of the narratives issue's table that the gold counterclaims do not name, so the
grid is the one that issue draws.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from app.core.models import ParsedDocument, Span
from app.store import articles, links, parties, statements, topics
from app.store.database import Project

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TITLE = "Pakistan launches air strikes on Baloch militants in Iran"
OUTLET = "World News"
PUBLISHED = "2024-01-18"
TOPIC_ORDER = (
    "What was hit",
    "Who was killed",
    "Sovereignty and legality",
    "Role of the Baloch militants",
    "What happens next",
)
PARTY_ORDER = ("Pakistan", "Iran", "Baloch separatists")
# (statement starts with, topic): the rest of the narratives issue's table.
EXTRA_TOPICS = (
    ("The Baloch separatist groups, namely", "What was hit"),
    ("The Baloch separatist groups, namely", "What happens next"),
    ("It said that Iran had the right", "Sovereignty and legality"),
)


def load_gold(corpus: Path = CORPUS) -> tuple[str, dict]:
    raw = (corpus / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((corpus / "seed-article.gold.json").read_text(encoding="utf-8"))
    return raw, gold


def article_text(raw: str) -> tuple[str, str]:
    """(byline, text): the first line "By …" is metadata, the rest is the article."""
    first, _, rest = raw.partition("\n")
    byline = first[3:].strip() if first.startswith("By ") else ""
    return byline, (rest if byline else raw).strip("\n")


def spans_for(text: str, gold: dict) -> list[Span]:
    paragraphs = []
    offset = 0
    for line in text.split("\n"):
        paragraphs.append((offset, offset + len(line)))
        offset += len(line) + 1
    starts = []
    for item in gold["statements"]:
        start = text.find(item["starts_with"])
        assert start >= 0, item["starts_with"]
        starts.append((start, item["paragraph"]))
    spans = []
    for i, (start, paragraph) in enumerate(starts):
        p_start, p_end = paragraphs[paragraph - 1]
        assert p_start <= start < p_end
        end = p_end
        if i + 1 < len(starts) and starts[i + 1][1] == paragraph:
            end = starts[i + 1][0]
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append(Span(start, end, paragraph))
    return spans


def build_seed(
    project: Project, corpus: Path = CORPUS, extra_topics: bool = True, topics_and_links: bool = True
) -> dict[str, int]:
    """Tag the seed article into ``project``; returns {starts_with: statement id}.

    With ``topics_and_links=False`` only the parties are tagged (the command-line tests add
    topics and links through `counterclaim topic` and `counterclaim link`)."""
    raw, gold = load_gold(corpus)
    byline, text = article_text(raw)
    spans = spans_for(text, gold)
    doc = ParsedDocument(
        text=text, format="txt", source_path=str(corpus / "seed-article.txt"), title=TITLE,
        byline=byline, outlet=OUTLET, published=PUBLISHED, language="en",
    )
    with project.transaction():
        article_id = articles.insert(project, doc, hashlib.sha256(text.encode("utf-8")).hexdigest())
        ids = statements.insert_many(project, article_id, text, spans)
        party_ids = {name: parties.add(project, name, gold["parties"][name]["cues"]) for name in PARTY_ORDER}
        by_start = {item["starts_with"]: sid for item, sid in zip(gold["statements"], ids)}
        statements.set_tags(
            project,
            [
                statements.TagState(sid, party_ids[item["party"]] if item["party"] else None, "confirmed")
                for item, sid in zip(gold["statements"], ids)
            ],
        )
        if not topics_and_links:
            return by_start
        topic_ids = {name: topics.ensure(project, name) for name in TOPIC_ORDER}
        for claim in gold["counterclaims"]:
            topics.assign(project, topic_ids[claim["topic"]], [by_start[claim["a"]], by_start[claim["b"]]])
        if extra_topics:
            for starts_with, topic in EXTRA_TOPICS:
                topics.assign(project, topic_ids[topic], [by_start[starts_with]])
        for claim in gold["counterclaims"]:
            links.add(project, by_start[claim["a"]], by_start[claim["b"]], claim["relation"])
    return by_start


# What the narratives issue's table says, by statement start: {topic: {party: [starts]}}.
EXPECTED_GRID = {
    "What was hit": {
        "Pakistan": ["According to Pakistan’s foreign ministry"],
        "Iran": ["Iran claimed that the Pakistani air strikes"],
        "Baloch separatists": ["The Baloch separatist groups, namely"],
    },
    "Who was killed": {
        "Pakistan": ["The statement added that"],
        "Iran": ["Iran claimed that the Pakistani air strikes"],
        "Baloch separatists": [],
    },
    "Sovereignty and legality": {
        "Pakistan": ["The foreign ministry also said"],
        "Iran": ["Iran, however, condemned", "It said that Iran had the right"],
        "Baloch separatists": [],
    },
    "Role of the Baloch militants": {
        "Pakistan": ["The statement added that"],
        "Iran": ["It also denied any involvement"],
        "Baloch separatists": ["They said that they had no links"],
    },
    "What happens next": {
        "Pakistan": ["It urged Iran to refrain"],
        "Iran": ["It also warned Pakistan"],
        "Baloch separatists": ["The Baloch separatist groups, namely"],
    },
}
