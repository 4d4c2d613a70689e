"""Shots of the narrative view and the comparison sheet on the tagged seed article.

The sample project holds the seed article with its suggestions; ``tag_as_reference`` files it
the way the reference annotation (shared/corpus/seed-article.gold.json) and the narratives
issue's table do — through the same ops the desk uses — before the shot is taken.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

PARTIES = ("Pakistan", "Iran", "Baloch separatists")
# (topic, statement starts) as the narratives issue's table lays them out.
TOPICS = {
    "What was hit": ("According to Pakistan’s foreign ministry", "Iran claimed that the Pakistani air strikes",
                     "The Baloch separatist groups, namely"),
    "Who was killed": ("The statement added that", "Iran claimed that the Pakistani air strikes"),
    "Sovereignty and legality": ("The foreign ministry also said", "Iran, however, condemned",
                                 "It said that Iran had the right"),
    "Role of the Baloch militants": ("The statement added that", "It also denied any involvement",
                                     "They said that they had no links"),
    "What happens next": ("It urged Iran to refrain", "It also warned Pakistan", "The Baloch separatist groups, namely"),
}
LINKS = (  # the six reference counterclaims
    ("According to Pakistan’s foreign ministry", "Iran claimed that the Pakistani air strikes", "contradicts"),
    ("The statement added that", "Iran claimed that the Pakistani air strikes", "contradicts"),
    ("The foreign ministry also said", "Iran, however, condemned", "contradicts"),
    ("The statement added that", "It also denied any involvement", "contradicts"),
    ("The statement added that", "They said that they had no links", "contradicts"),
    ("It urged Iran to refrain", "It also warned Pakistan", "responds-to"),
)
PARTY_OF = {
    "Pakistan": ("According to", "The statement added", "The foreign ministry also", "It urged Iran"),
    "Iran": ("Iran, however", "Iran’s foreign ministry summoned", "It also warned", "Iran claimed",
             "It also denied", "It said that Iran"),
    "Baloch separatists": ("The Baloch separatist groups", "They said that they had no links"),
}


def tag_as_reference(window) -> dict[str, int]:
    from app.ops import links_ops, parties_ops, tagging, topics_ops
    from app.store import parties, statements

    project = window.context.project
    if project.execute("SELECT count(*) FROM topics").fetchone()[0]:
        return {}
    rows = statements.detailed(project)

    def sid(start: str) -> int:
        return next(r["id"] for r in rows if r["text"].startswith(start))

    for name in PARTIES:
        if parties.by_name(project, name) is None:
            guess = next(p for p in parties.all_parties(project) if p.name.startswith(name.split()[0]))
            parties_ops.update(project, guess.id, name=name)
    parties_ops.reorder(project, [parties.by_name(project, n).id for n in PARTIES])
    for name, starts in PARTY_OF.items():
        tagging.tag(project, [sid(s) for s in starts], parties.by_name(project, name).id)
    for topic, starts in TOPICS.items():
        topics_ops.assign_by_name(project, [sid(s) for s in starts], topic)
    for a, b, relation in LINKS:
        links_ops.create(project, sid(a), sid(b), relation)
    from app.ui.context import Change

    window.context.announce(Change.of("project"))  # every view reloads, as after an import
    return {s: sid(s) for s in ("The statement added that",)}


def _focus(window, widget) -> None:
    window.save_layout = lambda: None  # docks hidden for this shot only, not for the next window
    for dock in window.docks:
        dock.hide()
    window.views.setCurrentWidget(widget)


def shot_narrative(window):
    """Three narratives side by side, one topic per row, the counterclaims joined."""
    ids = tag_as_reference(window)
    view = window.narratives.view
    _focus(window, view)
    view.relayout()
    if ids:
        view.select([ids["The statement added that"]])
    return window


def shot_comparison(window):
    """The topic × party sheet with citations, as the exports write it."""
    tag_as_reference(window)
    _focus(window, window.narratives.sheet)
    window.narratives.sheet.reload()
    window.narratives.sheet.view.setFocus(Qt.OtherFocusReason)
    return window
