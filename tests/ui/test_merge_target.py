"""Merging parties (and topics): the dialog preselects the party on the same side, or none
at all, with OK disabled until one is chosen (issue 12, #32). Never an arbitrary first entry
that Enter would merge into."""

import pytest

from app.ops import parties_ops
from app.ui import ask
from app.ops.changes import Changes


@pytest.fixture
def dialogs(monkeypatch, qtbot):
    """ask.choose builds the real dialog (never exec'd); ``pick`` says what the user does."""
    seen = []
    pick = {}

    def choose(parent, title, label, options, preselect=0):
        dialog = ask.ChoiceDialog(parent, title, label, options, preselect)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        if "name" in pick:
            dialog.combo.setCurrentIndex(options.index(pick["name"]))
        return dialog.value() if dialog.ok_button.isEnabled() else None

    monkeypatch.setattr(ask, "choose", choose)
    return seen, pick


def _add(window, name, aliases=()):
    party_id = parties_ops.add(window.context.project, name, list(aliases)).party_ids[0]
    window.context.announce(Changes.of("parties"))  # as another window's edit would arrive
    return party_id


def _party_of(db, path, name):
    return db(path, "SELECT id FROM parties WHERE name = ?", (name,))


def test_a_party_of_the_same_country_is_preselected(window, seeded_path, db, dialogs, shown):
    seen, _ = dialogs
    source = _add(window, "Pakistani military", ["army spokesman"])
    window.party_panel.select(source)
    window.party_panel.merge()
    dialog = seen[-1]
    assert dialog.combo.currentText() == "Pakistan" and dialog.ok_button.isEnabled()
    assert _party_of(db, seeded_path, "Pakistani military") == []
    aliases = db(seeded_path, "SELECT aliases FROM parties WHERE name = 'Pakistan'")[0][0]
    assert "Pakistani military" in aliases


def test_a_shared_distinctive_word_is_enough(window, seeded_path, db, dialogs, shown):
    seen, _ = dialogs
    source = _add(window, "Baloch fighters")
    window.party_panel.select(source)
    window.party_panel.merge()
    assert seen[-1].combo.currentText() == "Baloch separatist groups"


def test_with_no_likely_side_nothing_is_preselected_and_ok_waits(window, seeded_path, db, dialogs, shown):
    seen, pick = dialogs
    source = _add(window, "Jaish al-Adl")
    before = db(seeded_path, "SELECT id, name, aliases FROM parties ORDER BY id")
    window.party_panel.select(source)
    window.party_panel.merge()
    dialog = seen[-1]
    assert dialog.combo.currentIndex() == -1 and dialog.value() is None
    assert not dialog.ok_button.isEnabled()
    assert db(seeded_path, "SELECT id, name, aliases FROM parties ORDER BY id") == before  # nothing merged
    # choosing one enables OK, and the merge goes where the user said
    pick["name"] = "Iran"
    window.party_panel.select(source)
    window.party_panel.merge()
    assert seen[-1].ok_button.isEnabled()
    assert _party_of(db, seeded_path, "Jaish al-Adl") == []
    assert "Jaish al-Adl" in db(seeded_path, "SELECT aliases FROM parties WHERE name = 'Iran'")[0][0]


def test_merging_topics_preselects_none(window, seeded_path, db, dialogs, shown):
    from app.ops import topics_ops

    seen, _ = dialogs
    project = window.context.project
    for name in ("Casualties", "Sovereignty"):
        topics_ops.create(project, name)
    window.context.announce(Changes.of("topics"))
    panel = window.narratives.topics
    panel.select(panel.model.topics[0].id)
    panel.merge()
    assert seen[-1].combo.currentIndex() == -1 and not seen[-1].ok_button.isEnabled()
    assert db(seeded_path, "SELECT count(*) FROM topics") == [(2,)]
