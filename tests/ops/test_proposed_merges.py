"""Proposed merges and learned aliases, on the project file (issue 14, item 1)."""

from __future__ import annotations

from app.ops import importing, parties_ops
from app.store import parties


def test_a_later_article_teaches_the_country_the_office_holder_and_proposes_the_merge(project):
    importing.import_text(project, "Deputy Minister Oskar Brandt said the plan was sound. "
                                   "Brandt said work would start in May.", title="one")
    assert parties.by_name(project, "Oskar Brandt") is not None
    importing.import_text(project, "Norway's deputy minister Oskar Brandt said the licences were lawful.",
                          title="two")
    norway = parties.by_name(project, "Norway")
    assert norway is not None and "Oskar Brandt" in norway.aliases
    assert parties.by_name(project, "Oskar Brandt") is not None  # never merged silently
    merges = parties_ops.proposed_merges(project)
    assert [(m.source, m.target) for m in merges] == [("Oskar Brandt", "Norway")]
    parties_ops.merge(project, merges[0].source_id, merges[0].target_id)
    assert parties_ops.proposed_merges(project) == []


def test_an_existing_party_learns_aliases_without_a_new_party(project):
    importing.import_text(project, "Chile said the border was closed. Peru said it would reopen.", title="one")
    before = {p.name for p in parties.all_parties(project)}
    report = importing.import_text(project, "Chile's foreign minister, Marta Quiroga, said talks were over. "
                                            "Quiroga said Peru had walked away.", title="two")
    assert {p.name for p in parties.all_parties(project)} == before
    assert "Chile" not in report.new_parties
    assert "Marta Quiroga" in parties.by_name(project, "Chile").aliases


def test_a_later_article_naming_the_person_by_surname_alone_finds_their_side(project):
    importing.import_text(project, "Norway's fisheries minister Halvard Eik said the quota was fair.", title="one")
    norway = parties.by_name(project, "Norway")
    assert "Halvard Eik" in norway.aliases and "Eik" not in norway.aliases  # not used alone there
    before = {p.name for p in parties.all_parties(project)}
    importing.import_text(project, "Eik said on Tuesday that talks with Iceland would resume.", title="two")
    assert {p.name for p in parties.all_parties(project)} == before  # no party "Eik"
    from app.store import statements
    rows = statements.for_article(project, 2)
    assert parties.get(project, rows[0].party_id).name == "Norway"
