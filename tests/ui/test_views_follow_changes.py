"""Every view connects itself to the open project's ``changed`` signal (no window tells it),
hears only the project it was given, and a view failing to refresh does not stop the others."""

from __future__ import annotations

from app.core.errors import CounterclaimError
from app.ops import parties_ops
from app.ops.changes import Changes
from app.ui.context import ProjectContext
from app.ui.party_panel import PartyPanel
from app.ui.topic_panel import TopicPanel


def test_a_panel_hears_its_project_and_stops_when_given_none(qtbot, seed_project, shown):
    project, _ = seed_project
    context = ProjectContext(project)
    panel = PartyPanel()
    qtbot.addWidget(panel)
    panel.set_context(context)
    change = parties_ops.add(project, "Ruritania")  # as the command line would, then announced
    context.announce(change)
    assert "Ruritania" in [p.name for p in panel.model.parties]
    panel.set_context(None)
    context.announce(Changes.of("project"))  # no longer its project: nothing to hear
    assert panel.model.parties == []
    context.close()


def test_one_view_failing_leaves_the_others_refreshed(qtbot, seed_project, shown, monkeypatch):
    project, _ = seed_project
    context = ProjectContext(project)
    parties, topics = PartyPanel(), TopicPanel()
    for panel in (parties, topics):
        qtbot.addWidget(panel)
    parties.set_context(context)
    topics.set_context(context)
    def fail():
        raise CounterclaimError("The parties could not be read.")

    monkeypatch.setattr(parties.model, "reload", fail)
    reloaded = []
    monkeypatch.setattr(topics.model, "reload", lambda: reloaded.append(True))
    context.announce(Changes.of("project"))
    assert reloaded == [True]
    assert shown == [("error", "The parties could not be read.")]
    context.close()
