"""Who says what: attribution per statement, proposed parties, and the party of each statement.

    analyse(text, spans) -> list[Attribution]
        who speaks in each statement, and whom it continues (``app.core.continuation``).
    propose_parties(text, attributions, existing=()) -> list[ProposedParty]
        the sides the speakers speak for (``app.core.proposing``): countries with capital,
        demonym, bodies, office holders and places inside them; organisations with acronyms;
        groups named with their members; people tied to no side. An entry named like an
        existing party carries aliases for it to learn.
    assign_parties(text, attributions, parties) -> list[Attribution]
        copies with party and confidence filled, and the reason extended.
    suggest(text, spans, existing=()) -> (new parties, attributions)
        all three.

Narration stays narration: "Pakistan on Thursday launched air strikes…" names a country as
the subject of an action, not a speaker; only reporting cues make speech. When unsure the
answer is no party, at low confidence, never a guess dressed up as certainty.

Statement numbers in reasons are 1-based (as the desk shows them); ``carried_from`` is a
0-based index into the same list.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.continuation import StatementAttribution, analyse
from app.core.models import Attribution, ProposedParty, Span
from app.core.proposing import assign_parties, folded, party_key, propose_parties

__all__ = [
    "StatementAttribution",
    "analyse",
    "assign_parties",
    "folded",
    "party_key",
    "propose_parties",
    "suggest",
]


def suggest(
    text: str, spans: Sequence[Span], existing: Sequence[ProposedParty] = (), propose: bool = True
) -> tuple[list[ProposedParty], list[Attribution]]:
    """``propose=False``: only the ``existing`` parties are given (re-suggesting what the
    journalist taught, with no new party)."""
    attributions = analyse(text, spans)
    new = propose_parties(text, attributions, existing) if propose else []
    return new, assign_parties(text, attributions, [*existing, *new])
