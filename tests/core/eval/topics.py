"""Suggested topics and counterclaims on real-style reporting, measured end to end (issue 15).

Each conflict folder that has a ``topics.gold.json`` (written by an editor who saw only the
statements, never the code) names its points in dispute and its counterclaim pairs:

    topics         [{"name", "statements": ["01-wire-x#3", …]}]   each statement in one topic at most
    counterclaims  [{"claim": id, "counter": id, "relation"}]

A statement id is the article's file stem and the statement's number in it (1-based, in the
order the segmenter makes them, as in the ``.gold.json`` beside each article). The conflict's
articles are imported into a fresh project; topics are suggested through the same op the desk
and ``counterclaim topics --suggest`` use, with no topic made by hand; the project is then read:

    topics      suggested topics (the aim is 2–12 per conflict)
    placed      gold-placed statements that are in a suggested topic
    precision   per suggested topic, the share of its gold-placed statements that are in its
                most common gold topic (weighted by those statements)
    co-placed   counterclaim pairs whose two statements share a suggested topic
    top 3       counterclaim pairs whose counter is among the claim's first three candidates
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.core.eval import harness


@dataclass
class TopicScore:
    conflict: str
    topics: int
    gold_placed: int
    placed: int
    precise: int  # gold-placed statements in their suggested topic's majority gold topic
    in_topics: int  # gold-placed statements in some suggested topic (precision's denominator)
    pairs: int
    co_placed: int
    top3: int
    names: list[str]
    missed_pairs: list[str]

    def ratio(self, a: int, b: int) -> float:
        return a / b if b else 1.0


def gold_folders(set_name: str) -> list[Path]:
    folder = harness.EVAL / set_name
    return [d for d in sorted(folder.iterdir()) if (d / "topics.gold.json").exists()]


def score_conflict(folder: Path) -> TopicScore:
    from app.ops import matching_ops, topic_suggesting
    from app.ops.importing import import_files
    from app.store import statements as store_statements
    from app.store import topic_suggestions, topics
    from app.store.database import Project

    conflict = harness.load_conflict(folder)
    gold = json.loads((folder / "topics.gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="cc-topics-") as tmp, \
            Project(Path(tmp) / "t.counterclaim", create=True) as project:
        ids: dict[str, int] = {}
        for article in conflict.articles:
            outcome = import_files(project, [article.path]).outcomes[0]
            for k, s in enumerate(store_statements.for_article(project, outcome.article_id), 1):
                ids[f"{article.name}#{k}"] = s.id
        topic_suggesting.suggest(project)
        suggested = {t.id: t.name for t in topics.all_topics(project) if t.suggested}
        topic_of: dict[int, int] = {}
        for statement_id, topic_id, _score in topic_suggestions.all_suggestions(project):
            if topic_id in suggested:
                topic_of.setdefault(statement_id, topic_id)
        gold_topic = {ids[s]: n for n, t in enumerate(gold["topics"]) for s in t["statements"]}
        precise = in_topics = 0
        for topic_id in suggested:
            golds = [gold_topic[s] for s, t in topic_of.items() if t == topic_id and s in gold_topic]
            if golds:
                precise += Counter(golds).most_common(1)[0][1]
                in_topics += len(golds)
        co_placed = top3 = 0
        missed: list[str] = []
        for pair in gold["counterclaims"]:
            a, b = ids[pair["claim"]], ids[pair["counter"]]
            shared = topic_of.get(a) is not None and topic_of.get(a) == topic_of.get(b)
            co_placed += shared
            found = [c["statement_id"] for c in matching_ops.counterclaims(project, a, 3)]
            top3 += b in found
            if not shared or b not in found:
                missed.append(f"{pair['claim']} ↔ {pair['counter']}"
                              f"{'' if shared else ' (apart)'}{'' if b in found else ' (not top 3)'}")
    return TopicScore(
        conflict.name, len(suggested), len(gold_topic), sum(1 for s in gold_topic if s in topic_of),
        precise, in_topics, len(gold["counterclaims"]), co_placed, top3, sorted(suggested.values()), missed,
    )


def table(name: str, scores: list[TopicScore]) -> str:
    lines = [f"{name}: suggested topics and counterclaims",
             f"{'conflict':<36} {'topics':>6} {'placed':>7} {'precision':>9} {'co-placed':>9} {'top 3':>6}"]
    for s in scores:
        lines.append(f"{s.conflict[:36]:<36} {s.topics:>6} {s.ratio(s.placed, s.gold_placed):>7.0%} "
                     f"{s.ratio(s.precise, s.in_topics):>9.0%} {s.ratio(s.co_placed, s.pairs):>9.0%} "
                     f"{s.ratio(s.top3, s.pairs):>6.0%}")
    total = totals(scores)
    lines.append(f"{'all':<36} {total['topics']:>6} {total['placed']:>7.0%} {total['precision']:>9.0%} "
                 f"{total['co_placed']:>9.0%} {total['top3']:>6.0%}")
    return "\n".join(lines)


def totals(scores: list[TopicScore]) -> dict:
    def share(a: str, b: str) -> float:
        den = sum(getattr(s, b) for s in scores)
        return sum(getattr(s, a) for s in scores) / den if den else 1.0

    return {
        "topics": f"{min((s.topics for s in scores), default=0)}–{max((s.topics for s in scores), default=0)}",
        "min_topics": min((s.topics for s in scores), default=0),
        "max_topics": max((s.topics for s in scores), default=0),
        "placed": share("placed", "gold_placed"),
        "precision": share("precise", "in_topics"),
        "co_placed": share("co_placed", "pairs"),
        "top3": share("top3", "pairs"),
    }
