"""A small project for export tests: confirmed and suggested tags, topics, a link, awkward titles."""

from __future__ import annotations

from safety_article import add_article

from app.store import links, parties, statements

CONFIRMED = "Iran said the strike hit a militant camp."
SUGGESTED = "Pakistan said the strike hit a village."
TITLE_WITH_SLASH = 'Strikes 1/2: who\\what? <"live"> | *update*'


def build(project) -> dict[str, int]:
    """Two articles: one confirmed (Iran), one whose tag is only suggested (Pakistan); a link between."""
    (confirmed,) = add_article(project, [CONFIRMED], title=TITLE_WITH_SLASH, party="Iran")
    (suggested,) = add_article(project, [SUGGESTED], title=TITLE_WITH_SLASH, outlet="Other Outlet",
                               published="2024-02-02", party="Pakistan")
    with project.transaction():
        pakistan = parties.by_name(project, "Pakistan").id
        statements.set_tags(project, [statements.TagState(suggested, pakistan, "suggested")])
        links.add(project, confirmed, suggested, "contradicts", None)
    return {"confirmed": confirmed, "suggested": suggested}
