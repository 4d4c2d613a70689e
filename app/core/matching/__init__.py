"""Counterclaim suggestions: for one statement, the statements of other parties that answer it.

    index = CounterclaimIndex(statements)          # MatchableStatement(id, text, party, topics, article_id)
    index.suggest(42, limit=10) -> [Candidate(statement_id, score, reasons), ...]   best first
    index.update(statement); index.remove(statement_id)                           cheap, incremental
    relation_hint(a_text, b_text) -> "contradicts" | "supports" | "responds-to"

How a statement is read (:mod:`.analysis`): content words lower-cased and lightly stemmed,
stop words and reporting verbs dropped; names (capitalised runs, acronyms), places, numbers;
and a few concepts from a small newsroom vocabulary (:mod:`.cues`) — stance axes such as
"combatants ↔ civilians", "claims ↔ denies", "justified ↔ unjustified" (self-defence ↔
aggression), "ties ↔ no ties", "urges ↔ warns", and synonym groups such as casualties.

How candidates are found: an inverted index from each feature (and each topic) to the
statements of a party that have it. A query walks the posting lists of its own features,
rarest first, within a fixed budget of postings, so its cost does not grow with the index;
common features still count when the best few hundred candidates are scored in full.

How a candidate is scored (all terms add up; every term is explained in ``reasons``):

==========================  =====================================================================
same topic                  3.0 for the first shared topic, 0.5 for each further one
shared words and names      up to 4.0: BM25-style — each shared feature weighs its rarity (idf)
                            times its kind (names and places 1.5, numbers 1.2, words 1.0,
                            concepts 0.7), the candidate's length is normalised, and the sum is
                            divided by the query's own total, so 4.0 means "says all of it"
opposite stance             1.0 per stance axis where the two sit at different poles (at most 2)
one answers the other       1.0 when one urges or calls on and the other warns or vows
                            (both stance terms count in full when the two share a topic or
                            at least 0.2 of the word overlap; less overlap, proportionally
                            less: a contradiction needs a common subject)
amounts of people           0.5 when both count people ("two people" / "number of terrorists")
same article                0.3
close by in it              up to 1.5 more, less the further apart (within 900 characters):
                            news gives the answer right after the claim ("Kigali denied it.")
==========================  =====================================================================

Only statements with a party other than the query's are suggested; narration (party None)
is indexed for word statistics but never suggested. Ranking is deterministic: ties go to the
lower statement id. Methods may be called from several threads (one lock guards the index).
"""

from __future__ import annotations

import heapq
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core.matching.analysis import POLE_OF, Analysis, analyse, stance_pairs

__all__ = ["Candidate", "MatchableStatement", "CounterclaimIndex", "relation_hint"]

TOPIC_WEIGHT = 3.0
EXTRA_TOPIC_WEIGHT = 0.5
LEXICAL_WEIGHT = 4.0
STANCE_WEIGHT = 1.0
MAX_STANCE_AXES = 2
STANCE_NEEDS_OVERLAP = 0.2  # without a shared topic, stance counts in full from this much overlap
RESPONSE_WEIGHT = 1.0
QUANTITY_WEIGHT = 0.5
ARTICLE_WEIGHT = 0.3
NEAR_WEIGHT = 1.5
NEAR_CHARS = 900

KIND_WEIGHT = {"e": 1.5, "p": 1.5, "#": 1.2, "c": 0.7}
BM25_K1 = 1.2
BM25_B = 0.75

# Retrieval: postings read per query at most, and candidates scored in full.
POSTING_BUDGET = 40_000
RESCORE = 300
_ROUGH_TOPIC = 100.0  # in the first pass a shared topic outranks any overlap of words


@dataclass(frozen=True)
class MatchableStatement:
    """A statement as matching sees it. ``topics`` are topic names (matched ignoring case)."""

    id: int
    text: str
    party: str | None
    topics: frozenset[str] = frozenset()
    article_id: int | None = None
    start: int | None = None  # where it starts in its article: statements close by answer each other


@dataclass(frozen=True)
class Candidate:
    """One suggestion: a statement that may answer the query, and why, in plain words."""

    statement_id: int
    score: float
    reasons: tuple[str, ...] = field(default=())


def _topic_key(name: str) -> str:
    return "t:" + " ".join(name.casefold().split())


def _kind_weight(key: str) -> float:
    if key[:1] == "#":
        return KIND_WEIGHT["#"]
    if key[1:2] == ":":
        return KIND_WEIGHT.get(key[0], 1.0)
    return 1.0


class _Doc:
    """What the index keeps per statement: the statement and its feature keys."""

    __slots__ = ("statement", "terms", "topics", "poles", "quantity")

    def __init__(self, statement: MatchableStatement, analysis: Analysis):
        self.statement = statement
        self.terms: tuple[str, ...] = tuple(analysis.terms)
        self.topics: tuple[str, ...] = tuple(sorted({_topic_key(t) for t in statement.topics if t.strip()}))
        self.poles: tuple[str, ...] = tuple(analysis.poles)
        self.quantity = analysis.quantity is not None


class CounterclaimIndex:
    """An inverted index over statements that suggests counterclaims (module docstring)."""

    def __init__(self, statements: Iterable[MatchableStatement] = ()):
        self._docs: dict[int, _Doc] = {}
        self._df: dict[str, int] = {}  # feature -> statements having it (all statements)
        self._postings: dict[str, list[int]] = {}  # feature or topic -> ids (party statements)
        self._articles: dict[int, dict[int, int]] = {}  # article id -> {party statement id: start}
        self._total_terms = 0
        self._lock = threading.RLock()
        for statement in statements:
            if statement.id in self._docs:
                self._remove(statement.id)
            self._add(statement)

    # -- size and membership --------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, statement_id: object) -> bool:
        return statement_id in self._docs

    # -- incremental updates --------------------------------------------------------------

    def update(self, statement: MatchableStatement) -> None:
        """Add a statement, or replace the one with the same id (new text, party or topics)."""
        with self._lock:
            if statement.id in self._docs:
                self._remove(statement.id)
            self._add(statement)

    def remove(self, statement_id: int) -> None:
        """Forget a statement; an id the index does not hold is ignored."""
        with self._lock:
            if statement_id in self._docs:
                self._remove(statement_id)

    def _add(self, statement: MatchableStatement) -> None:
        doc = _Doc(statement, analyse(statement.text))
        sid = statement.id
        self._docs[sid] = doc
        self._total_terms += len(doc.terms)
        df = self._df
        for key in doc.terms:
            df[key] = df.get(key, 0) + 1
        if statement.party is not None:
            postings = self._postings
            for key in doc.terms:
                bucket = postings.get(key)
                if bucket is None:
                    postings[key] = [sid]
                else:
                    bucket.append(sid)
            for key in doc.topics:
                postings.setdefault(key, []).append(sid)
            if statement.article_id is not None and statement.start is not None:
                self._articles.setdefault(statement.article_id, {})[sid] = statement.start

    def _remove(self, sid: int) -> None:
        doc = self._docs.pop(sid)
        self._total_terms -= len(doc.terms)
        df = self._df
        for key in doc.terms:
            left = df[key] - 1
            if left:
                df[key] = left
            else:
                del df[key]
        if doc.statement.party is not None:
            self._articles.get(doc.statement.article_id, {}).pop(sid, None)
            for key in (*doc.terms, *doc.topics):
                bucket = self._postings[key]
                bucket.remove(sid)
                if not bucket:
                    del self._postings[key]

    # -- suggestions ----------------------------------------------------------------------

    def suggest(self, statement_id: int, limit: int = 10) -> list[Candidate]:
        """Up to ``limit`` statements of other parties that most likely answer this one, best
        first. Raises ``KeyError`` if the index does not hold ``statement_id``."""
        with self._lock:
            try:
                doc = self._docs[statement_id]
            except KeyError:
                raise KeyError(f"statement {statement_id} is not in the counterclaim index") from None
            if limit <= 0:
                return []
            return self._suggest(doc, limit)

    def _idf(self, key: str) -> float:
        n = len(self._docs)
        df = self._df.get(key, 0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def _suggest(self, doc: _Doc, limit: int) -> list[Candidate]:
        query = analyse(doc.statement.text)
        weights = {key: self._idf(key) * _kind_weight(key) for key in query.terms}
        best = self._shortlist(self._rough(doc, weights), doc.statement)
        scored = self._scored(doc, query, weights, best)
        scored.sort()
        docs = self._docs
        return [
            Candidate(sid, -negative_score, self._reasons(doc, query, weights, docs[sid]))
            for negative_score, sid in scored[:limit]
        ]

    def _rough(self, doc: _Doc, weights: dict[str, float]) -> dict[int, float]:
        """1. candidates through the posting lists, rarest feature first, within a budget:
        statement id -> the sum of the weights of the query's features it has."""
        postings = self._postings
        features = [(len(postings[k]), k, w) for k, w in weights.items() if k in postings]
        features += [(len(postings[k]), k, _ROUGH_TOPIC) for k in doc.topics if k in postings]
        features.sort(key=lambda f: (f[0], f[1]))
        rough: dict[int, float] = dict.fromkeys(self._near(doc.statement), 0.0)
        spent = 0
        for size, key, weight in features:
            bucket = postings[key]
            if spent + size > POSTING_BUDGET:
                if rough:
                    break
                bucket = bucket[:POSTING_BUDGET]
            spent += len(bucket)
            get = rough.get
            for sid in bucket:
                rough[sid] = get(sid, 0.0) + weight
        return rough

    def _near(self, source: MatchableStatement) -> list[int]:
        """The party statements of the same article within ``NEAR_CHARS`` of ``source``."""
        if source.start is None or source.article_id not in self._articles:
            return []
        return [sid for sid, start in self._articles[source.article_id].items()
                if abs(start - source.start) < NEAR_CHARS and sid != source.id]

    def _shortlist(self, rough: dict[int, float], source: MatchableStatement) -> list[tuple[int, float]]:
        """The best by first-pass score, from other parties, ties to the lower id. A
        statement's first-pass sum is added up in the fixed order of the query's features,
        so neither it nor the cut depends on the order of the posting lists."""
        docs = self._docs
        party = source.party
        rough.pop(source.id, None)
        best = _best(rough, 2 * RESCORE)
        if party is not None:
            best = [item for item in best if docs[item[0]].statement.party != party]
            if len(best) < RESCORE and len(rough) > 2 * RESCORE:
                best = _best({sid: v for sid, v in rough.items() if docs[sid].statement.party != party}, RESCORE)
        return best[:RESCORE]

    def _scored(
        self, doc: _Doc, query: Analysis, weights: dict[str, float], best: list[tuple[int, float]]
    ) -> list[tuple[float, int]]:
        """2. the full score of the best few hundred, as (-score, id), unsorted."""
        docs = self._docs
        source = doc.statement
        query_total = sum(weights.values()) or 1.0
        average = self._total_terms / max(len(docs), 1)
        query_topics = set(doc.topics)
        query_poles = query.poles
        query_axes = _axes_of(query_poles)
        scored = []
        for sid, _ in best:
            cand = docs[sid]
            lexical = 0.0
            for key in cand.terms:
                w = weights.get(key)
                if w is not None:
                    lexical += w
            if lexical:
                norm = (BM25_K1 + 1.0) / (1.0 + BM25_K1 * (1.0 - BM25_B + BM25_B * len(cand.terms) / average))
                lexical = min(lexical * norm / query_total, 1.0)
            shared_topics = len(query_topics.intersection(cand.topics))
            score = LEXICAL_WEIGHT * lexical
            if shared_topics:
                score += TOPIC_WEIGHT + EXTRA_TOPIC_WEIGHT * (shared_topics - 1)
            if query_poles and cand.poles:
                related = 1.0 if shared_topics or not STANCE_NEEDS_OVERLAP else min(1.0, lexical / STANCE_NEEDS_OVERLAP)
                score += related * _stance_score(query_poles, query_axes, cand.poles)
            if query.quantity is not None and cand.quantity:
                score += QUANTITY_WEIGHT
            if source.article_id is not None and source.article_id == cand.statement.article_id:
                score += ARTICLE_WEIGHT + NEAR_WEIGHT * _nearness(source, cand.statement)
            if score > 0.0 and math.isfinite(score):
                scored.append((-round(score, 6), sid))
        return scored

    def _reasons(self, doc: _Doc, query: Analysis, weights: dict[str, float], cand: _Doc) -> tuple[str, ...]:
        """Why ``cand`` was suggested, in the words of both statements."""
        other = analyse(cand.statement.text)
        reasons = _topic_reasons(doc, cand)
        pairs = stance_pairs(query.poles, other.poles)
        reasons += _stance_reasons(pairs)
        shared = sorted(
            ((weights[k], k) for k in cand.terms if k in weights), key=lambda item: (-item[0], item[1])
        )
        reasons += _word_reasons(query, other, shared)
        reasons += _related_reasons(query, other, shared, {axis for axis, *_ in pairs})
        if doc.statement.article_id is not None and doc.statement.article_id == cand.statement.article_id:
            reasons.append("close by in the same article" if _nearness(doc.statement, cand.statement) else "same article")
        return tuple(reasons)


def _nearness(a: MatchableStatement, b: MatchableStatement) -> float:
    """1 for statements side by side, falling to 0 at ``NEAR_CHARS`` apart (same article)."""
    if a.start is None or b.start is None:
        return 0.0
    return max(0.0, 1.0 - abs(a.start - b.start) / NEAR_CHARS)


def _topic_reasons(doc: _Doc, cand: _Doc) -> list[str]:
    """["same topic: …"] naming the topics both have (as the query names them), or []."""
    shared_topics = set(doc.topics).intersection(cand.topics)
    if not shared_topics:
        return []
    names = sorted({t for t in doc.statement.topics if _topic_key(t) in shared_topics}, key=str.casefold)
    return ["same topic: " + ", ".join(names)]


def _stance_reasons(pairs: list[tuple[str, str, str, str]]) -> list[str]:
    """The opposite stances first, then the answers (urge ↔ warn), in the words of each."""
    reasons = [f"opposite stance: {mine} ↔ {theirs}" for _, kind, mine, theirs in pairs if kind == "contrast"]
    reasons += [f"answers: {mine} ↔ {theirs}" for _, kind, mine, theirs in pairs if kind == "response"]
    return reasons


def _word_reasons(query: Analysis, other: Analysis, shared: list[tuple[float, str]]) -> list[str]:
    """The shared words and names, places and numbers, heaviest first (``shared`` is
    (weight, key) of every feature both have, sorted so)."""
    terms = query.terms
    words = _unique(terms[k] for _, k in shared if k[1:2] != ":" and k[:1] != "#")
    names = _unique(terms[k] for _, k in shared if k[:2] == "e:")
    places = _unique(terms[k] for _, k in shared if k[:2] == "p:")
    numbers = _unique(terms[k] for _, k in shared if k[:1] == "#")
    reasons = []
    if names or words:
        reasons.append("shares: " + ", ".join(_unique([*names, *words])[:5]))
    if places:
        reasons.append("places: " + ", ".join(places[:3]))
    if query.quantity is not None and other.quantity is not None:
        reasons.append(f"numbers: {query.quantity} / ‘{other.quantity}’")
    elif numbers:
        reasons.append("numbers: " + ", ".join(numbers[:3]))
    return reasons


def _related_reasons(
    query: Analysis, other: Analysis, shared: list[tuple[float, str]], stance_axes: set[str]
) -> list[str]:
    """["related words: a ~ b, …"]: shared concepts (not a stance axis already told, not an
    amount of people) that the two put in different words; or []."""
    related = [
        f"{query.terms[k]} ~ {other.terms[k]}"
        for _, k in shared
        if k[:2] == "c:" and k[2:] not in stance_axes and k != "c:count"
        and query.terms[k].casefold() != other.terms[k].casefold()
    ]
    return ["related words: " + ", ".join(related[:3])] if related else []


def _best(scores: dict[int, float], n: int) -> list[tuple[int, float]]:
    """The ``n`` highest (id, score) pairs, highest first, ties to the lower id — and every
    pair tied with the last one, so the cut never depends on the order of ``scores``."""
    if len(scores) > n:
        cut = heapq.nlargest(n, scores.values())[-1]
        items = [(sid, v) for sid, v in scores.items() if v >= cut]
    else:
        items = list(scores.items())
    items.sort(key=_rank)
    return items


def _rank(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])


def _stance_score(query_poles: dict[str, str], query_axes: set[str], cand_poles: tuple[str, ...]) -> float:
    """The stance part of the score: differing poles of contrast axes, and urge ↔ warn."""
    if not any(POLE_OF[k][0] in query_axes for k in cand_poles):
        return 0.0
    pairs = stance_pairs(query_poles, dict.fromkeys(cand_poles, ""))
    contrasts = sum(1 for _, kind, _, _ in pairs if kind == "contrast")
    responses = any(kind == "response" for _, kind, _, _ in pairs)
    return STANCE_WEIGHT * min(contrasts, MAX_STANCE_AXES) + (RESPONSE_WEIGHT if responses else 0.0)


def _axes_of(poles: dict[str, str]) -> set[str]:
    return {POLE_OF[k][0] for k in poles}


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for item in items:
        folded = item.casefold()
        if folded not in seen:
            seen.add(folded)
            result.append(item)
    return result


def relation_hint(a_text: str, b_text: str) -> str:
    """A suggested link relation between two statements, for the journalist to confirm.

    "contradicts" when they sit at opposite poles of a stance axis ("terrorists" ↔
    "civilians", "denied" ↔ "claimed", "aggression" ↔ "self-defence", "no links" ↔
    "sheltering"); "responds-to" when one urges, calls on or warns and the other warns or
    urges; "supports" when they share a stance; otherwise "responds-to", the mildest claim.
    """
    a, b = analyse(a_text).poles, analyse(b_text).poles
    pairs = stance_pairs(a, b)
    if any(kind == "contrast" for _, kind, _, _ in pairs):
        return "contradicts"
    axes_a, axes_b = _axes_of(a), _axes_of(b)
    if "next" in axes_a and "next" in axes_b:
        return "responds-to"
    if a.keys() & b.keys():
        return "supports"
    return "responds-to"

