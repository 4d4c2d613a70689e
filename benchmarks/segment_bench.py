"""Sentence segmentation: accuracy and speed of ``app.core.segment`` against pysbd.

    python -m benchmarks.segment_bench [--quick]

Accuracy is the F1 score of exact sentence spans (start and end both right, whitespace
stripped) on the hand-made gold set ``benchmarks/data/segmentation_gold.txt`` plus the seed
article's 18 reference statements (when ../shared/corpus is there). Speed is megabytes
(10**6 bytes of UTF-8) per second on text from ``benchmarks.corpus.generate_text``.

Both segmenters get the same text. pysbd does not treat a line break as a paragraph end,
so it is given one paragraph (line) at a time, in accuracy and in speed alike: that is the
fairest use of it and the one Counterclaim would make.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from app.core.segment import segment
from benchmarks.corpus import generate_text

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "segmentation_gold.txt"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

Spans = set[tuple[int, int, int]]  # (document, start, end)


def load_gold() -> list[tuple[str, list[tuple[int, int]]]]:
    """[(text, [(start, end), ...]), ...]: the gold file's paragraphs, then the seed article."""
    docs = []
    for block in GOLD.read_text(encoding="utf-8").split("\n\n"):
        sentences = [s.strip() for s in block.splitlines() if s.strip() and not s.startswith("#")]
        if not sentences:
            continue
        text, spans = "", []
        for sentence in sentences:
            text += " " if text else ""
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence
        docs.append((text, spans))
    if (SEED / "seed-article.txt").exists():
        docs.append(seed_gold())
    return docs


def seed_gold() -> tuple[str, list[tuple[int, int]]]:
    """The seed article's body (byline line removed) and its reference statements.

    The reference names each statement by its first words; a statement runs to the next
    statement's start in the same paragraph, or to the paragraph's end.
    """
    body = (SEED / "seed-article.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    gold = json.loads((SEED / "seed-article.gold.json").read_text(encoding="utf-8"))
    starts = []
    for statement in gold["statements"]:
        starts.append(body.index(statement["starts_with"], starts[-1] if starts else 0))
    spans = []
    for i, start in enumerate(starts):
        line_end = body.find("\n", start)
        line_end = len(body) if line_end < 0 else line_end
        end = min(starts[i + 1], line_end) if i + 1 < len(starts) else line_end
        spans.append((start, start + len(body[start:end].rstrip())))
    return body, spans


def pysbd_segment(text: str) -> list[tuple[int, int]]:
    """pysbd's sentence spans, stripped, one line at a time (see the module docstring)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for s in _pysbd().segment(line):
                piece = line[s.start : s.end]
                start = offset + s.start + len(piece) - len(piece.lstrip())
                if piece.strip():
                    spans.append((start, start + len(piece.strip())))
        offset += len(line) + 1
    return spans


_SEGMENTER = None


def _pysbd():
    global _SEGMENTER
    if _SEGMENTER is None:
        import pysbd  # a test extra: only the benchmark needs it

        _SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return _SEGMENTER


def f1(found: Spans, gold: Spans) -> float:
    right = len(found & gold)
    if not right:
        return 0.0
    precision, recall = right / len(found), right / len(gold)
    return 2 * precision * recall / (precision + recall)


def accuracy(split, docs) -> tuple[float, list[tuple[str, list[str], list[str]]]]:
    """F1 of ``split`` on ``docs``, and the paragraphs it got wrong (text, found, wanted)."""
    found: Spans = set()
    gold: Spans = set()
    misses = []
    for i, (text, spans) in enumerate(docs):
        mine = {(a, b) for a, b in split(text)}
        found |= {(i, a, b) for a, b in mine}
        gold |= {(i, a, b) for a, b in spans}
        if mine != set(spans):
            misses.append((text, [text[a:b] for a, b in sorted(mine)], [text[a:b] for a, b in spans]))
    return f1(found, gold), misses


def speed(split, text: str, min_seconds: float) -> float:
    """MB/s of ``split`` on ``text``: best of repeated runs lasting ``min_seconds`` in all."""
    mb = len(text.encode("utf-8")) / 1_000_000
    best = float("inf")
    spent = 0.0
    while spent < min_seconds or best == float("inf"):
        t0 = time.perf_counter()
        split(text)
        took = time.perf_counter() - t0
        best, spent = min(best, took), spent + took
    return mb / best


def ours(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in segment(text)]


def run(quick: bool = False) -> dict:
    """Accuracy and speed of both segmenters, measured now on the same text."""
    docs = load_gold()
    seg_acc, _ = accuracy(ours, docs)
    sbd_acc, _ = accuracy(pysbd_segment, docs)
    text = generate_text(0.05 if quick else 0.5)
    seg_speed = speed(ours, text, 0.3 if quick else 2.0)
    sbd_speed = speed(pysbd_segment, text, 0.0)  # one run: pysbd is slow
    return {
        "segment_mb_s": round(seg_speed, 3),
        "pysbd_mb_s": round(sbd_speed, 3),
        "segment_accuracy": round(seg_acc, 4),
        "pysbd_accuracy": round(sbd_acc, 4),
        "segment_speedup": round(seg_speed / sbd_speed, 1),
        "segment_gold_sentences": sum(len(spans) for _, spans in docs),
        "segment_text_mb": round(len(text.encode("utf-8")) / 1_000_000, 3),
    }


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    result = run(quick)
    print(f"{'':10} {'MB/s':>9} {'F1':>7}")
    print(f"{'segment':10} {result['segment_mb_s']:9.3f} {result['segment_accuracy']:7.4f}")
    print(f"{'pysbd':10} {result['pysbd_mb_s']:9.3f} {result['pysbd_accuracy']:7.4f}")
    print(f"speed-up {result['segment_speedup']}x on {result['segment_text_mb']} MB; "
          f"{result['segment_gold_sentences']} gold sentences")
    if "--misses" in argv:
        for name, split in (("segment", ours), ("pysbd", pysbd_segment)):
            for text, found, wanted in accuracy(split, load_gold())[1]:
                print(f"\n[{name}] {text[:100]}\n  found:  {found}\n  wanted: {wanted}")


if __name__ == "__main__":
    main(sys.argv[1:])
