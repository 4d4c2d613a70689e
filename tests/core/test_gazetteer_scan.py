"""The gazetteer's scan reads only where a form may start; its answer is a word-by-word scan's."""

from hypothesis import given, settings, strategies as st

from app.core import gazetteer as gz

G = gz.load()
_FORMS = sorted({f for c in G.countries.values() for f in c.aliases()} | {" ".join(k) for k in G._index})


def _word_by_word(s: str) -> list[gz.Mention]:
    """The reference: every word normalised, the longest form first at each word."""
    words = [(m.start(), m.end(), gz._norm(m.group())) for m in gz._WORD.finditer(s)]
    found, i = [], 0
    while i < len(words):
        for n in range(min(5, len(words) - i), 0, -1):
            hit = G._index.get(tuple(w[2] for w in words[i : i + n]))
            if hit is not None:
                start, end = words[i][0], words[i + n - 1][1]
                if hit[1]:
                    raw = s[start:end]
                    found.append(gz.Mention(start, end, raw, hit[0], hit[1], bool(gz._POSSESSIVE.search(raw))))
                i += n
                break
        else:
            i += 1
    return found


_piece = st.one_of(
    st.sampled_from(_FORMS),
    st.text(alphabet="aZ3_.-'’ʻ ,(\n²Éés", max_size=4),
)
_glue = st.sampled_from(["", " ", "-", "'", "’s ", ".", "3", "a", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_glue, _piece), min_size=1, max_size=6))
def test_scan_is_the_word_by_word_answer(parts):
    s = "".join(g + p for g, p in parts)
    assert list(G.scan(s)) == _word_by_word(s)
    assert G.find(s) == tuple(_word_by_word(s))


def test_forms_glued_to_letters_or_after_digits_and_apostrophes():
    for s in ("3-China said", "a-China said", "'China's rise'", "the U.S.-led force", "N’Djamena and Sana’a",
              "SoUS", "Guinea-Bissau's army", "Côte d'Ivoire", "The Hague and the Gambia"):
        assert list(G.scan(s)) == _word_by_word(s), s


def test_a_whole_article_is_never_kept():
    text = "Kenya and Uganda. " * 40
    G.find(text)
    assert text not in G._found
