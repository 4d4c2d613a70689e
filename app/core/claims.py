"""The same claim across outlets: statements of one party that say the same thing in
different articles (wire copy carried by five papers, a ministry's line quoted by each).

    group_claims(items) -> [Claim]       each with two or more articles, in reading order

Two statements are one claim when the same party says them, in different articles, and the
words they are about (``app.core.topics.features.content``: the speaker and the cue left out,
so "Kigali said" and "Rwanda's government said" do not count; function words and reporting
verbs dropped) are mostly the same: a Jaccard
overlap of at least ``SAME`` and ``AT_LEAST`` shared words. Candidates come from an inverted
index of each statement's rarest words, so a project of 100,000 statements is grouped in
one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import re

from app.core.matching.cues import STOP_WORDS
from app.core.topics.features import TopicItem, content

SAME = 0.6
AT_LEAST = 3
RAREST = 3  # words of each statement looked up in the index
COMMON = 200  # a word in more statements than this finds no candidates


@dataclass(frozen=True)
class Claim:
    party: str
    statement_ids: tuple[int, ...]  # in reading order; the first is the claim's text
    article_ids: tuple[int, ...]


def group_claims(items: Sequence[TopicItem]) -> list[Claim]:
    """``items`` in reading order; only statements with a party take part."""
    words = [_words(content(it)) if it.party else frozenset() for it in items]
    df: dict[str, int] = {}
    for w in words:
        for key in w:
            df[key] = df.get(key, 0) + 1
    postings: dict[str, list[int]] = {}
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, mine in enumerate(words):
        if len(mine) < AT_LEAST:
            continue
        rare = sorted(mine, key=lambda k: (df[k], k))[:RAREST]
        seen: set[int] = set()
        for key in rare:
            if df[key] > COMMON:
                continue
            for j in postings.get(key, ()):
                if j in seen:
                    continue
                seen.add(j)
                if _same(items[i], items[j], mine, words[j]):
                    parent[root(i)] = root(j)
            postings.setdefault(key, []).append(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        if words[i]:
            groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        articles = tuple(dict.fromkeys(items[i].article_id for i in members))
        if len(articles) >= 2:
            out.append(Claim(items[members[0]].party, tuple(items[i].id for i in members), articles))
    out.sort(key=lambda c: c.statement_ids[0])
    return out


_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)*")


def _words(text: str) -> frozenset[str]:
    """The words a claim is made of: lower case, without function words (a plain match, not
    ``matching.analysis``: the narrative view finds claims each time it loads)."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOP_WORDS)


def _same(a: TopicItem, b: TopicItem, wa: frozenset[str], wb: frozenset[str]) -> bool:
    if a.party != b.party or a.article_id == b.article_id:
        return False
    shared = len(wa & wb)
    return shared >= AT_LEAST and shared / len(wa | wb) >= SAME
