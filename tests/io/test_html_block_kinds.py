"""Every kind of block between an article's paragraphs keeps its words when it carries the
article's prose: list items, definition lists, table rows, block quotes, figure captions.

trafilatura dropped a list of claims between two paragraphs without a trace (both claims
gone, "2 statements"), a single list item too, and figure captions; it wrote table rows as
``| cell |``. The pages here are written like real news pages (masthead, navigation, share
bar, related links, footer): the article's words come through once each, in order, with no
markup, and the furniture still stays out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.io.importers import read_document

OPENING = "The health ministry said 40 people died in the strike on the central market on Tuesday morning."
CLOSING = "The United Nations called for an independent inquiry into the strike on Wednesday."
FILLER = [
    "Rescue workers were still searching the rubble late into the night, local officials said.",
    "The market had reopened only a week earlier after months of closure, traders told reporters.",
    "Hospitals in the city said they were running short of blood and of fuel for generators.",
]
CLAIM_A = "The army said it hit only a weapons depot near the market."
CLAIM_B = "Witnesses said the market was full of shoppers at noon."

BLOCKS = {
    "a list": f"<ul><li>{CLAIM_A}</li><li>{CLAIM_B}</li></ul>",
    "a single list item": f"<ul><li>{CLAIM_A}</li></ul>",
    "a numbered list": f"<ol><li><p>{CLAIM_A}</p></li><li><p>{CLAIM_B}</p></li></ol>",
    "a definition list": f"<dl><dt>The army</dt><dd>{CLAIM_A}</dd><dt>Witnesses</dt><dd>{CLAIM_B}</dd></dl>",
    "table rows": f"<table><tr><td>{CLAIM_A}</td></tr><tr><td>{CLAIM_B}</td></tr></table>",
    "a table with a header": (
        f"<table><thead><tr><th>Who said it</th></tr></thead><tbody><tr><td>{CLAIM_A}</td></tr>"
        f"<tr><td>{CLAIM_B}</td></tr></tbody></table>"
    ),
    "a block quote": f"<blockquote><p>{CLAIM_A}</p><p>{CLAIM_B}</p></blockquote>",
    "a figure caption": f'<figure><img src="market.jpg" alt=""><figcaption>{CLAIM_A} {CLAIM_B}</figcaption></figure>',
    "a list in a div": f'<div class="story-list"><ul><li>{CLAIM_A}</li><li>{CLAIM_B}</li></ul></div>',
}
FURNITURE = ["World news home", "Sign in to your account", "Most read this week", "All rights reserved by the publisher"]


def _page(block: str, paragraphs_before: int, paragraphs_after: int) -> str:
    before = "".join(f"<p>{p}</p>" for p in FILLER[:paragraphs_before])
    after = "".join(f"<p>{p}</p>" for p in FILLER[len(FILLER) - paragraphs_after :])
    return f"""<!DOCTYPE html><html lang="en"><head><title>Strike on market | Daily Post</title>
<meta property="og:site_name" content="Daily Post"></head><body>
<header class="site-header"><a href="/">Daily Post</a><nav><ul><li><a href="/world">{FURNITURE[0]}</a></li>
<li><a href="/login">{FURNITURE[1]}</a></li></ul></nav></header>
<main><article><h1>Dozens killed in strike on market</h1>
<p class="byline">By Jane Reporter</p>
<p>{OPENING}</p>{before}{block}{after}<p>{CLOSING}</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>
<aside class="related"><h2>{FURNITURE[2]}</h2><ul><li><a href="/a">Army denies targeting civilians in overnight raid</a></li>
<li><a href="/b">Ceasefire talks stall as both sides trade accusations</a></li></ul></aside></main>
<footer><p>{FURNITURE[3]}.</p></footer></body></html>"""


@pytest.mark.parametrize("around", [(0, 0), (1, 1), (3, 3), (0, 3)], ids=["short", "one each side", "long", "lopsided"])
@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_prose_in_a_block_between_paragraphs_is_kept_once_in_order(tmp_path: Path, kind: str, around) -> None:
    path = tmp_path / "market.html"
    path.write_text(_page(BLOCKS[kind], *around), encoding="utf-8")
    text = read_document(path).text
    wanted = [OPENING, CLAIM_A] + ([] if kind == "a single list item" else [CLAIM_B]) + [CLOSING]
    for sentence in wanted:
        assert text.count(sentence) == 1, (sentence, text)
    positions = [text.index(s) for s in wanted]
    assert positions == sorted(positions), text
    assert "|" not in text and "---" not in text, text
    for furniture in FURNITURE:
        assert furniture not in text, text
    assert "Army denies targeting civilians" not in text, text


def test_table_cells_come_through_as_words_not_markdown(tmp_path: Path) -> None:
    path = tmp_path / "table.html"
    path.write_text(
        "<html><body><table><tr><td>The ministry said 40 people died in the strike on the market.</td></tr>"
        "<tr><td>The army said it hit only a weapons depot | near the market.</td><td>Gaza</td></tr></table></body></html>",
        encoding="utf-8",
    )
    text = read_document(path).text
    assert text.split("\n") == [
        "The ministry said 40 people died in the strike on the market.",
        "The army said it hit only a weapons depot | near the market.",
        "Gaza",
    ], text
