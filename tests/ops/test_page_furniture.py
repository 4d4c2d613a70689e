"""Page furniture in a project: kept in the article's text with exact offsets, no one's
statement, out of listings, tags and exports, carried whole by the JSON exchange file."""

from __future__ import annotations

import json

import pytest

from app.core.errors import CounterclaimError
from app.ops import suggesting, tagging
from app.ops.exchange import import_json
from app.ops.exporting import export
from app.ops.importing import import_text
from app.store import statements
from app.store.database import Project

ARTICLE = (
    "Harbour officials in Ostrava Bay closed the northern pier on Friday.\n"
    "Subscribe to the Bay Ledger's evening briefing.\n"
    "“The pier is unsafe,” harbourmaster Elin Varga said.\n"
    "Photo: Jonas Brill / Ledger Agency\n"
    "Repairs are expected to take a month.\n"
    "Have a tip? Email the newsroom at tips@example.org.\n"
    "Copyright 2025 Bay Ledger. All rights reserved."
)
FURNITURE = [
    "Subscribe to the Bay Ledger's evening briefing.",
    "Photo: Jonas Brill / Ledger Agency",
    "Have a tip?",
    "Email the newsroom at tips@example.org.",
    "Copyright 2025 Bay Ledger.",
    "All rights reserved.",
]


@pytest.fixture()
def project(tmp_path):
    with Project(tmp_path / "bay.counterclaim", create=True) as project:
        import_text(project, ARTICLE, title="Pier closed")
        yield project


def _file_rows(project):
    return project.execute(
        'SELECT id, start, "end", text, furniture, party_id, status, kind, speaker FROM statements ORDER BY start'
    ).fetchall()


def test_furniture_is_stored_with_exact_offsets_and_no_tag(project):
    (text,) = project.execute("SELECT text FROM articles").fetchone()
    rows = _file_rows(project)
    assert [r[3] for r in rows if r[4]] == FURNITURE
    for _id, start, end, words, furniture, party, status, kind, speaker in rows:
        assert text[start:end] == words
        if furniture:
            assert (party, status, kind, speaker) == (None, None, "narration", None)
    harbour = [r for r in rows if "unsafe" in r[3]][0]
    assert harbour[4] is None and harbour[8]  # the article's quote keeps its speaker
    names = [r[0] for r in project.execute("SELECT name FROM parties")]
    assert not any("Ledger" in n or "Brill" in n for n in names)


def test_furniture_is_out_of_listings_counts_and_tags(project):
    listed = [r["text"] for r in statements.listing(project)]
    assert not set(listed) & set(FURNITURE)
    assert statements.tag_counts(project)["statements"] == len(listed) == 3
    from app.store import articles

    assert articles.summaries(project)[0]["statements"] == articles.listing(project)[0]["statements"] == 3
    everything = statements.listing(project, statements.StatementFilter(furniture=True))
    assert len(everything) == 9
    furniture_id = next(r[0] for r in _file_rows(project) if r[4])
    with pytest.raises(CounterclaimError, match="not anyone's statement"):
        tagging.confirm(project, [furniture_id])


def test_search_finds_the_article_not_the_page_around_it(project):
    from app.store import search

    assert search.statements(project, "Ledger") == []
    assert len(search.statements(project, "pier")) == 2  # the article's own statements are found
    assert search.listing(project, "subscribe") == []


def test_resuggesting_keeps_furniture_no_ones(project):
    suggesting.suggest(project)
    assert [r[3] for r in _file_rows(project) if r[4]] == FURNITURE
    assert all(r[5] is None and r[6] is None for r in _file_rows(project) if r[4])


def test_exports_leave_furniture_out_and_json_carries_it_back(project, tmp_path):
    export(project, "md", tmp_path / "out.md")
    written = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "Subscribe to the Bay Ledger" not in written and "Repairs are expected" in written
    export(project, "json", tmp_path / "out.json")
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [s["text"] for s in document["statements"] if s["furniture"]] == FURNITURE
    with Project(tmp_path / "back.counterclaim", create=True) as back:
        import_json(back, tmp_path / "out.json")
        assert _file_rows(back) == _file_rows(project)
