"""Where each alias of a party came from: suggested by Counterclaim, learned from a statement
the journalist confirmed, added by hand, brought by the newsroom gazetteer, or kept by a merge.

One row per (party, alias); a later origin for the same alias replaces the earlier one. Rows
outlive the alias (undo may bring it back) and are only shown for aliases the party has.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.store.database import Project

ORIGINS = ("suggested", "learned", "hand", "newsroom", "merge")
FIELDS = ("party_id", "alias", "origin", "statement_id")


@dataclass(frozen=True)
class Origin:
    alias: str
    origin: str
    statement_id: int | None = None


def record(
    project: Project, party_id: int, aliases: Iterable[str], origin: str, statement_id: int | None = None
) -> None:
    """Say where these aliases of a party came from (replacing what was said before)."""
    if origin not in ORIGINS:
        raise ValueError(f"unknown alias origin {origin!r}")
    rows = [(party_id, a.strip(), origin, statement_id) for a in aliases if a and a.strip()]
    project.conn.executemany(
        "INSERT INTO alias_origins (party_id, alias, origin, statement_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (party_id, alias) DO UPDATE SET origin = excluded.origin, statement_id = excluded.statement_id",
        rows,
    )


def forget_party(project: Project, party_id: int) -> None:
    """A new party under an id a deleted one had starts with no story."""
    project.execute("DELETE FROM alias_origins WHERE party_id = ?", (party_id,))


def of_party(project: Project, party_id: int) -> dict[str, Origin]:
    """Folded alias -> its origin, for every alias this party ever had an origin for."""
    return {
        alias.casefold(): Origin(alias, origin, statement_id)
        for alias, origin, statement_id in project.execute(
            "SELECT alias, origin, statement_id FROM alias_origins WHERE party_id = ?", (party_id,)
        )
    }


def copy(project: Project, source_id: int, target_id: int, aliases: Sequence[str]) -> None:
    """Give ``target_id`` the origins ``source_id`` had for these aliases (a merge)."""
    known = of_party(project, source_id)
    for alias in aliases:
        found = known.get(alias.casefold())
        if found is not None:
            record(project, target_id, [alias], found.origin, found.statement_id)


def rows(project: Project, party_ids: Sequence[int] | None = None) -> list[dict]:
    """Every row (of these parties), for an export."""
    cursor = project.execute("SELECT party_id, alias, origin, statement_id FROM alias_origins ORDER BY party_id, alias")
    wanted = None if party_ids is None else set(party_ids)
    return [dict(zip(FIELDS, r)) for r in cursor if wanted is None or r[0] in wanted]


def restore(project: Project, items: Sequence[dict]) -> None:
    project.conn.executemany(
        "INSERT OR REPLACE INTO alias_origins (party_id, alias, origin, statement_id) VALUES (?, ?, ?, ?)",
        [(r["party_id"], r["alias"], r["origin"], r.get("statement_id")) for r in items],
    )
