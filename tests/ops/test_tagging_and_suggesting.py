"""Tagging is the journalist's word; suggestions never overrule it."""

from __future__ import annotations

import pytest

from app.core.errors import CounterclaimError
from app.ops import tagging
from app.ops.importing import import_files, import_text
from app.ops.suggesting import suggest
from app.store import parties, statements


@pytest.fixture
def seeded(project, seed_path):
    report = import_files(project, [seed_path])
    assert not report.refused
    return project


def _row(project, sid):
    (row,) = statements.detailed(project, ids=[sid])
    return row


def test_tag_then_restore_is_an_exact_undo(seeded):
    ids = [s["id"] for s in statements.detailed(seeded)][:3]
    before = [(r["party"], r["status"]) for r in statements.detailed(seeded, ids=ids)]
    iran = parties.by_name(seeded, "Iran")
    change = tagging.tag(seeded, ids, iran.id)
    assert [(r["party"], r["status"]) for r in statements.detailed(seeded, ids=ids)] == [(iran.name, "confirmed")] * 3
    tagging.restore(seeded, change.tags_before)
    assert [(r["party"], r["status"]) for r in statements.detailed(seeded, ids=ids)] == before
    tagging.restore(seeded, change.tags_after)
    assert {r["status"] for r in statements.detailed(seeded, ids=ids)} == {"confirmed"}


def test_narration_is_a_confirmed_tag_without_party(seeded):
    sid = statements.detailed(seeded)[0]["id"]
    tagging.tag(seeded, [sid], None)
    assert (_row(seeded, sid)["party"], _row(seeded, sid)["status"]) == (None, "confirmed")


def test_confirm_keeps_the_suggested_party(seeded):
    row = next(r for r in statements.detailed(seeded) if r["party"])
    tagging.confirm(seeded, [row["id"]])
    assert (_row(seeded, row["id"])["party"], _row(seeded, row["id"])["status"]) == (row["party"], "confirmed")


def test_resuggesting_never_touches_confirmed_tags(seeded):
    rows = statements.detailed(seeded)
    first, second = rows[0]["id"], rows[2]["id"]
    baloch = next(p for p in parties.all_parties(seeded) if "Baloch" in p.name)
    tagging.tag(seeded, [first, second], baloch.id)
    tagging.clear(seeded, [rows[3]["id"]])
    report = suggest(seeded)
    assert report.statements == 18
    assert _row(seeded, first)["party"] == baloch.name and _row(seeded, first)["status"] == "confirmed"
    assert _row(seeded, second)["party"] == baloch.name
    assert _row(seeded, rows[3]["id"])["status"] == "suggested"


def test_tagging_nothing_or_unknown_ids_is_refused(seeded):
    with pytest.raises(CounterclaimError, match="Select"):
        tagging.tag(seeded, [], None)
    with pytest.raises(CounterclaimError, match="no statement 424242"):
        tagging.tag(seeded, [424242], None)


def test_pasted_text_becomes_an_article(project):
    report = import_text(project, "Officials said the bridge reopened. Traffic resumed on Monday.", title="Bridge")
    (outcome,) = report.outcomes
    assert outcome.imported and outcome.statements == 2
    again = import_text(project, "Officials said the bridge reopened.  Traffic resumed on Monday.")
    assert again.outcomes[0].duplicate_of == outcome.article_id


def test_a_split_keeps_the_part_of_a_quote_on_each_side(project):
    from app.ops import statements_ops

    import_text(project, "“We will not stop, we will win,” the minister said on Monday.")
    (row,) = statements.detailed(project)
    (quote,) = row["quotes"]
    cut = quote[0] + 10  # select a span that ends inside the quote
    statements_ops.split(project, row["id"], row["start"], cut)
    pieces = statements.detailed(project)
    spans = [q for p in pieces for q in p["quotes"]]
    assert len(pieces) >= 2
    assert [quote[0], cut] in spans and [cut, quote[1]] in spans
