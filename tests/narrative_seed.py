"""The seed article tagged as the gold file says, the way a journalist would: through the ops.

Imported with ``import_files`` (its own segmentation), parties confirmed by the gold file,
the gold topics created and assigned (plus the rest of the narratives issue's table), and
the six gold counterclaim links made — every step an op, every step one transaction.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.ops import links_ops, parties_ops, tagging, topics_ops
from app.ops.importing import import_files
from app.store import parties, statements
from app.store.database import Project
from seed_tagging import EXTRA_TOPICS, PARTY_ORDER, TOPIC_ORDER

BALOCH = "Baloch separatists"


def tag_seed(project: Project, seed_path: Path, topics_and_links: bool = True) -> dict[str, int]:
    """Returns {starts_with: statement id}."""
    gold = json.loads(seed_path.with_name("seed-article.gold.json").read_text(encoding="utf-8"))
    report = import_files(project, [seed_path], outlet="World News")
    assert report.imported, report
    rows = statements.detailed(project)
    by_start = {}
    for item in gold["statements"]:
        found = [r["id"] for r in rows if r["text"].startswith(item["starts_with"])]
        assert len(found) == 1, item["starts_with"]
        by_start[item["starts_with"]] = found[0]
    for name in PARTY_ORDER:
        if parties.by_name(project, name) is None:
            guess = next(p for p in parties.all_parties(project) if p.name.startswith(name.split()[0]))
            parties_ops.update(project, guess.id, name=name)
    parties_ops.reorder(project, [parties.by_name(project, n).id for n in PARTY_ORDER])
    for name in (*PARTY_ORDER, None):
        ids = [by_start[i["starts_with"]] for i in gold["statements"] if i["party"] == name]
        tagging.tag(project, ids, parties.by_name(project, name).id if name else None)
    if not topics_and_links:
        return by_start
    topic_ids = {name: topics_ops.create(project, name).topic_ids[0] for name in TOPIC_ORDER}
    for claim in gold["counterclaims"]:
        topics_ops.assign(project, [by_start[claim["a"]], by_start[claim["b"]]], topic_ids[claim["topic"]])
    for starts_with, topic in EXTRA_TOPICS:
        topics_ops.assign(project, [by_start[starts_with]], topic_ids[topic])
    for claim in gold["counterclaims"]:
        links_ops.create(project, by_start[claim["a"]], by_start[claim["b"]], claim["relation"])
    return by_start


def gold_links(seed_path: Path) -> list[dict]:
    gold = json.loads(seed_path.with_name("seed-article.gold.json").read_text(encoding="utf-8"))
    return gold["counterclaims"]
