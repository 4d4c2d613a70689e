"""Lexical topics (app.core.topics) against a static embedding model, side by side (docs/topics.md).

Not part of the product: the model is not a dependency. Run it in a virtual environment that
has ``wordllama`` (pip install wordllama==0.4.0.post1), with this checkout's own environment
after it on the path for everything else:

    python -m venv /tmp/wl && /tmp/wl/bin/pip install wordllama==0.4.0.post1
    PYTHONPATH=.:.venv/lib/python3.11/site-packages /tmp/wl/bin/python docs/topics_compare.py

The model loads from inside its wheel (``cache_dir`` the package, ``disable_download=True``)
and every socket is refused while this runs, so nothing can be fetched. For each labelled
conflict (tests/core/eval/*/*/topics.gold.json) the same statements are grouped three ways
with the same average linkage, nearness and placement: words alone (the product), the model's
sentence vectors alone, and the mean of the two similarities. Then the time to embed 20,000
statements and the model's memory.
"""

from __future__ import annotations

import json
import resource
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _no_network(*_args, **_kwargs):
    raise RuntimeError("no network here")


socket.socket.connect = _no_network  # type: ignore[method-assign]


def load_conflict(folder: Path):
    from app.core.topics import TopicItem
    from app.ops.importing import import_files
    from app.store import parties, topic_suggestions
    from app.store import statements as store_statements
    from app.store.database import Project
    from tests.core.eval import harness

    conflict = harness.load_conflict(folder)
    gold = json.loads((folder / "topics.gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Project(Path(tmp) / "c.counterclaim", create=True) as project:
        ids, starts = {}, {}
        for article in conflict.articles:
            outcome = import_files(project, [article.path]).outcomes[0]
            for k, s in enumerate(store_statements.for_article(project, outcome.article_id), 1):
                ids[f"{article.name}#{k}"], starts[s.id] = s.id, s.start
        items = [TopicItem(*row) for row in topic_suggestions.statements_to_group(project)]
        forms = frozenset(f.casefold() for p in parties.all_parties(project) for f in (p.name, *p.aliases))
    return conflict.name, gold, ids, starts, items, forms


def group(items, forms, dense=None, mix=0.5):
    """Topic per statement id, as app.core.topics.suggest groups them, with the pairwise
    likeness taken from words (dense None), the model (mix 1.0) or both (mix 0.5)."""
    import app.core.topics as topics
    from app.core.topics import clustering, features

    if dense is None:
        found = topics.suggest(items, None, None, forms)
        return {s: n for n, t in enumerate(found) for s in t.statement_ids}
    lexical = features.read(items, forms).vectors
    members = [i for i in range(len(items)) if lexical[i] or mix == 1.0]
    sims = {i: {} for i in members}
    for i in members:
        for j in members:
            if i < j:
                s = mix * float(dense[i] @ dense[j]) + (1 - mix) * features.cosine(lexical[i], lexical[j])
                if s > 0:
                    sims[i][j] = sims[j][i] = s
    topics._add_nearness(items, members, sims)
    speaks = [it.party is not None for it in items]
    limit = topics._topics_for(sum(speaks[i] for i in members))
    groups = clustering.average_linkage(members, sims, 1.01, topics.FLOOR, topics=limit)
    chosen = [g for g in groups if len(g) >= 2 and any(speaks[i] for i in g)][:limit]
    return {items[i].id: n for n, g in enumerate(chosen) for i in g}


def score(conflict, topic_of) -> Counter:
    from app.core.matching import CounterclaimIndex, MatchableStatement

    _name, gold, ids, starts, items, _forms = conflict
    gold_topic = {ids[s]: n for n, t in enumerate(gold["topics"]) for s in t["statements"]}
    out = Counter(gold=len(gold_topic), placed=sum(1 for s in gold_topic if s in topic_of))
    for t in set(topic_of.values()):
        golds = [gold_topic[s] for s, k in topic_of.items() if k == t and s in gold_topic]
        if golds:
            out["precise"] += Counter(golds).most_common(1)[0][1]
            out["in_topics"] += len(golds)
    index = CounterclaimIndex(
        MatchableStatement(it.id, it.text, it.party, frozenset([f"t{topic_of[it.id]}"]) if it.id in topic_of else frozenset(),
                           it.article_id, starts[it.id]) for it in items)
    for pair in gold["counterclaims"]:
        a, b = ids[pair["claim"]], ids[pair["counter"]]
        out["pairs"] += 1
        out["co"] += topic_of.get(a) is not None and topic_of.get(a) == topic_of.get(b)
        out["top3"] += a in index and b in [c.statement_id for c in index.suggest(a, 3)]
    out["topics"] += len(set(topic_of.values()))
    return out


def line(name: str, t: Counter, conflicts: int) -> str:
    return (f"{name:<22} placed {t['placed'] / t['gold']:.0%}  precision {t['precise'] / t['in_topics']:.0%}  "
            f"co-placed {t['co'] / t['pairs']:.0%}  top 3 {t['top3'] / t['pairs']:.0%}  "
            f"topics/conflict {t['topics'] / conflicts:.1f}")


def main() -> int:
    import numpy as np
    import wordllama
    from wordllama import WordLlama

    from app.core.topics import features

    started = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256)
    load_s = time.perf_counter() - started
    model_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    for sets in (("fresh", "fresh2"), ("dev", "heldout")):
        conflicts = [load_conflict(f) for s in sets for f in sorted((REPO / "tests/core/eval" / s).iterdir())
                     if (f / "topics.gold.json").exists()]
        print(f"\n{' + '.join(sets)} ({len(conflicts)} conflicts)")
        for name, mix in (("words (the product)", None), ("model alone", 1.0), ("words + model", 0.5)):
            total = Counter()
            for c in conflicts:
                items = c[4]
                dense = None
                if mix is not None:
                    vectors = model.embed([features.content(it) for it in items], norm=True)
                    dense = _smoothed(vectors, items, np)
                total += score(c, group(items, c[5], dense, mix or 0.5))
            print(line(name, total, len(conflicts)))
    from benchmarks.matching_bench import make_statements

    texts = [s.text for s in make_statements(20_000)]
    t0 = time.perf_counter()
    model.embed(texts, norm=True)
    embed_s = time.perf_counter() - t0
    print(f"\nmodel: load {load_s:.2f} s, {model_mb:.0f} MB more memory, embeds 20,000 statements in {embed_s:.2f} s")
    return 0


def _smoothed(vectors, items, np):
    """The same neighbour shares the words get (app.core.topics.features)."""
    from app.core.topics import features

    out = vectors.copy()
    for i, item in enumerate(items):
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(items) and features._same_paragraph(item, items[j]) and items[j].party == item.party:
                out[i] += features.NEIGHBOUR_SHARE * vectors[j]
    return out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-9)


if __name__ == "__main__":
    raise SystemExit(main())
