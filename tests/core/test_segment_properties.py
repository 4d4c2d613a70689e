"""Properties of segment() that must hold on any str, news copy or noise.

Oracles come from the standard library, not from the segmenter: lines are what
``str.splitlines`` says, whitespace is what ``str.isspace`` says.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.segment import segment

STOPS = ".!?…۔؟‼⁇⁈⁉"
CLOSERS = "\"'”’»›)]}\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# What may be left out of every span: a list marker at the start of a line.
MARKER = re.compile(r"[•◦▪▫‣●○■□►▸▶∙·*–-]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)|\([a-z]\)")

FRAGMENTS = [
    "The", "the", "Iran", "said", "he said.", "Mr.", "Mrs.", "Dr.", "Gen.", "Lt.-Gen.", "St.",
    "U.S.", "U.N.", "e.g.", "i.e.", "etc.", "vs.", "No.", "No. 5", "Jan.", "Sept. 11", "a.m.",
    "p.m.", "5 p.m. The", "J.", "W.", "3.5", "$1.2bn.", "2.5%.", "“We will win.”", "“Stop!”",
    '"Stop!" she shouted.', '"We will fight," he said.', "“hideouts”.", "law.”", "...", "…",
    ". . .", "[…]", "?!", "!", "?", ".", ",", ":", "(", ")", "(BLF).", "»", "«", "'", '"',
    "پاکستان نے کہا۔", "ایران؟", "إيران.", "\u200f", "\u202b", "\u202c", "😀", "🇵🇰", "👍🏽",
    "𝐲𝐞𝐬", "•", "-", "*", "1.", "2)", "(a)", "A.", "iPhone", "eBay", "Ahmed shouted.", "\x00",
]
SEPARATORS = [" ", " ", " ", "  ", "", "\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "\x0c",
              "\u00a0", " \n ", "\x85", "\u3000"]

news_like = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda parts: "".join(f + s for f, s in parts))
any_text = st.one_of(st.text(), news_like, st.text(alphabet=st.sampled_from(STOPS + CLOSERS + " \nAa1.")))


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, as str.splitlines cuts them (breaks excluded)."""
    result, offset = [], 0
    for line in text.splitlines(keepends=True):
        content = line.splitlines()[0] if line.splitlines() else ""
        result.append((offset, offset + len(content)))
        offset += len(line)
    return result


def check(text: str) -> None:
    spans = segment(text)
    previous_end = -1
    for span in spans:
        piece = text[span.start : span.end]
        assert 0 <= span.start < span.end <= len(text)
        assert span.start > previous_end  # ordered, never overlapping, never touching
        assert piece == piece.strip()  # stripped, and not empty
        assert piece.splitlines() == [piece]  # within one line
        previous_end = span.end

    # Paragraphs are the non-blank lines, numbered from 1; each has at least one span,
    # and every span lies in the line its number names.
    paragraphs = [(a, b) for a, b in lines_of(text) if text[a:b].strip()]
    assert sorted({s.paragraph for s in spans}) == list(range(1, len(paragraphs) + 1))
    for span in spans:
        a, b = paragraphs[span.paragraph - 1]
        assert a <= span.start and span.end <= b

    # Coverage: every non-whitespace character is in some span, except a list marker
    # before a line's first span. Between two spans of a line there is only whitespace,
    # and a line is only cut after a stop (and its closing quotes or brackets).
    for number, (a, b) in enumerate(paragraphs, 1):
        mine = [s for s in spans if s.paragraph == number]
        head = text[a : mine[0].start].strip()
        assert not head or (MARKER.fullmatch(head) and text[mine[0].start - 1].isspace()), head
        assert not text[mine[-1].end : b].strip()
        for left, right in zip(mine, mine[1:]):
            assert text[left.end : right.start].isspace()
            assert text[left.end - 1] in STOPS + CLOSERS
            assert any(c in STOPS for c in text[left.start : left.end])


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_spans_are_valid_and_cover_the_text(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(news_like, max_size=6))
def test_paragraphs_are_independent(paragraphs):
    """A paragraph splits the same way wherever it stands in the article."""
    text = "\n".join(paragraphs)
    whole = [s.of(text) for s in segment(text)]
    alone = [s.of(p) for p in paragraphs for s in segment(p)]
    assert whole == alone


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["The ministry said so.", "“We will win,” he said.",
                                 "Mr. Khan met Gen. Munir in the U.S. on Jan. 5.",
                                 "Prices rose 2.5% to $1.2bn!", "Why now?",
                                 "ایران نے انکار کیا۔", "He said: “We will not stop.",
                                 "We will win.”"]), min_size=1, max_size=8))
def test_well_formed_sentences_come_back_whole(sentences):
    """Sentences joined by a space are found again, each exactly."""
    text = " ".join(sentences)
    assert [s.of(text) for s in segment(text)] == sentences
