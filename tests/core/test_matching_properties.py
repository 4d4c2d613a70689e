"""Properties of counterclaim suggestions on arbitrary statements: never raises, and every
answer is a ranked list of finite scores over statements of other parties."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.matching import CounterclaimIndex, MatchableStatement, relation_hint
from app.core.matching.analysis import analyse

WORDS = [
    "Pakistan", "Pakistani", "Iran", "Iranian", "denied", "claimed", "terrorists", "civilians",
    "aggression", "self-defence", "no links", "links", "urged", "warned", "two", "1,200", "3.5",
    "people", "killed", "in", "Kunar", "province", "the", "The", "BLA", "(BLF)", "al-Adl", "’s",
    "“", "”", ",", ".", "-", "İstanbul", "ﬁ", "ß", "ایران", "پاکستان", "😀", "🇵🇰", "\u200f",
    "٣", "²", "Ⅻ", "\x00", "\n", "", "-", "'", "’",
]
text = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=30).map("".join),
)
party = st.sampled_from([None, "A", "B", "C", ""])
topics = st.frozensets(st.sampled_from(["T1", "t1", "T2", " ", "", "Ünï"]), max_size=3)
statements = st.lists(
    st.builds(MatchableStatement, id=st.integers(-5, 40), text=text, party=party, topics=topics,
              article_id=st.sampled_from([None, 1, 2])),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(statements, st.integers(0, 12))
def test_suggest_never_raises_and_ranks_finite_scores(items, limit):
    index = CounterclaimIndex(items)
    latest = {s.id: s for s in items}  # a repeated id keeps the last statement
    assert len(index) == len(latest)
    for sid, source in latest.items():
        found = index.suggest(sid, limit=limit)
        assert len(found) <= limit
        scores = [c.score for c in found]
        assert all(math.isfinite(s) and s > 0 for s in scores)
        assert scores == sorted(scores, reverse=True)
        assert len({c.statement_id for c in found}) == len(found)
        for candidate in found:
            other = latest[candidate.statement_id]
            assert other.party is not None and other.id != sid
            assert source.party is None or other.party != source.party
            assert all(isinstance(r, str) for r in candidate.reasons)


@settings(max_examples=60, deadline=None)
@given(statements, st.data())
def test_updates_and_removals_match_a_fresh_index(items, data):
    index = CounterclaimIndex(items)
    latest = {s.id: s for s in items}
    for _ in range(data.draw(st.integers(0, 6))):
        if latest and data.draw(st.booleans()):
            sid = data.draw(st.sampled_from(sorted(latest)))
            index.remove(sid)
            del latest[sid]
        else:
            new = data.draw(st.builds(MatchableStatement, id=st.integers(-5, 40), text=text,
                                      party=party, topics=topics))
            index.update(new)
            latest[new.id] = new
    fresh = CounterclaimIndex(latest.values())
    for sid in latest:
        assert [c.statement_id for c in index.suggest(sid)] == [c.statement_id for c in fresh.suggest(sid)]
        assert [c.score for c in index.suggest(sid)] == [c.score for c in fresh.suggest(sid)]


@settings(max_examples=200, deadline=None)
@given(text, text)
def test_analysis_and_relation_hint_never_raise(a, b):
    analysis = analyse(a)
    assert all(isinstance(k, str) and k for k in analysis.terms)
    assert relation_hint(a, b) in {"contradicts", "supports", "responds-to"}
