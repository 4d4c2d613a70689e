"""Parties: the sides of the story, with the names that mean each side."""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.core import palette
from app.core.errors import CounterclaimError
from app.store import alias_origins
from app.store.database import Project
from app.store.records import PARTY_COLUMNS, Party



def all_parties(project: Project) -> list[Party]:
    return [
        Party(*row)
        for row in project.execute(f"SELECT {PARTY_COLUMNS} FROM parties ORDER BY position, id")
    ]


def get(project: Project, party_id: int) -> Party | None:
    row = project.execute(f"SELECT {PARTY_COLUMNS} FROM parties WHERE id = ?", (party_id,)).fetchone()
    return Party(*row) if row else None


def by_name(project: Project, name: str) -> Party | None:
    """Find a party by its name or one of its aliases, ignoring case."""
    wanted = name.strip().casefold()
    for party in all_parties(project):
        if party.name.casefold() == wanted or wanted in (a.casefold() for a in party.aliases):
            return party
    return None


def require(project: Project, name: str) -> Party:
    party = by_name(project, name)
    if party is None:
        known = ", ".join(p.name for p in all_parties(project)) or "none yet"
        raise CounterclaimError(f"There is no party called “{name}” in this project (parties: {known}).")
    return party


def _free_shortcut(project: Project) -> int | None:
    used = {row[0] for row in project.execute("SELECT shortcut FROM parties WHERE shortcut IS NOT NULL")}
    return next((n for n in range(1, 10) if n not in used), None)


def _next_color(project: Project) -> str:
    """A colour no party of the project has (app/core/palette.py), while there is one."""
    return palette.next_colour(row[0] for row in project.execute("SELECT color FROM parties"))


def add(
    project: Project,
    name: str,
    aliases: Sequence[str] = (),
    color: str | None = None,
    shortcut: int | None = None,
    origin: str | None = None,
) -> int:
    """Create a party; colour, keyboard slot and position are chosen if not given.

    ``origin`` (app/store/alias_origins.py) says where the aliases came from, if known."""
    name = name.strip()
    if not name:
        raise CounterclaimError("A party needs a name.")
    if by_name(project, name) is not None:
        raise CounterclaimError(f"There is already a party called “{name}”.")
    position = project.execute("SELECT coalesce(max(position) + 1, 0) FROM parties").fetchone()[0]
    table = project.db["parties"]
    table.insert(
        {
            "name": name,
            "color": color or _next_color(project),
            "aliases": json.dumps(_clean_aliases(name, aliases), ensure_ascii=False),
            "shortcut": shortcut if shortcut is not None else _free_shortcut(project),
            "position": position,
        }
    )
    party_id = table.last_pk
    alias_origins.forget_party(project, party_id)
    if origin is not None:
        alias_origins.record(project, party_id, _clean_aliases(name, aliases), origin)
    return party_id


def _clean_aliases(name: str, aliases: Sequence[str]) -> list[str]:
    seen, result = {name.casefold()}, []
    for alias in aliases:
        alias = alias.strip()
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            result.append(alias)
    return result


def update(project: Project, party_id: int, **fields) -> None:
    """Change name, color, aliases, shortcut or position of a party."""
    if "aliases" in fields:
        party = get(project, party_id)
        fields["aliases"] = json.dumps(
            _clean_aliases(fields.get("name", party.name), fields["aliases"]), ensure_ascii=False
        )
    if "name" in fields:
        fields["name"] = fields["name"].strip()
        clash = by_name(project, fields["name"])
        if not fields["name"]:
            raise CounterclaimError("A party needs a name.")
        if clash is not None and clash.id != party_id:
            raise CounterclaimError(f"There is already a party called “{fields['name']}”.")
    if fields.get("shortcut") is not None:
        project.execute(
            "UPDATE parties SET shortcut = NULL WHERE shortcut = ? AND id <> ?", (fields["shortcut"], party_id)
        )
    project.db["parties"].update(party_id, fields)


def raw_rows(project: Project) -> list[dict]:
    cursor = project.execute("SELECT * FROM parties ORDER BY position, id")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def delete(project: Project, party_id: int) -> None:
    """Remove a party; its statements become untagged (ON DELETE SET NULL)."""
    project.execute("UPDATE statements SET status = NULL WHERE party_id = ?", (party_id,))
    project.execute("DELETE FROM parties WHERE id = ?", (party_id,))


def counts(project: Project) -> dict[int | None, int]:
    return {
        row[0]: row[1]
        for row in project.execute("SELECT party_id, count(*) FROM statements GROUP BY party_id")
    }


def rows_by_id(project: Project, ids: Sequence[int]) -> dict[int, dict | None]:
    """Raw rows of these parties (None for an id that does not exist): an undo snapshot."""
    found = {row["id"]: row for row in raw_rows(project)}
    return {i: found.get(i) for i in ids}


def put_rows(project: Project, rows: dict[int, dict | None]) -> None:
    """Make these parties exactly as given (None deletes); caller holds the transaction.

    Keyboard slots are cleared first so that two parties can swap slots without
    tripping the unique constraint half-way.
    """
    gone = [i for i, row in rows.items() if row is None]
    for party_id in gone:
        project.execute("DELETE FROM parties WHERE id = ?", (party_id,))
    present = [row for row in rows.values() if row is not None]
    project.conn.executemany("UPDATE parties SET shortcut = NULL WHERE id = ?", [(r["id"],) for r in present])
    for row in present:
        if row.get("shortcut") is not None:
            project.execute(
                "UPDATE parties SET shortcut = NULL WHERE shortcut = ? AND id <> ?", (row["shortcut"], row["id"])
            )
        project.db["parties"].upsert(row, pk="id")


def set_order(project: Project, ordered_ids: Sequence[int] | None = None) -> None:
    """Put parties in this order (others keep theirs, after them); keys 1–9 follow the order."""
    known = [p.id for p in all_parties(project)]
    wanted = [i for i in (ordered_ids or []) if i in known]
    order = wanted + [i for i in known if i not in wanted]
    project.execute("UPDATE parties SET shortcut = NULL")
    project.conn.executemany(
        "UPDATE parties SET position = ?, shortcut = ? WHERE id = ?",
        [(index, index + 1 if index < 9 else None, pid) for index, pid in enumerate(order)],
    )


def learn_aliases(project: Project, party_id: int, aliases: Sequence[str]) -> bool:
    """Add the aliases a suggestion found to a party (inside the caller's transaction).
    Nothing is merged: a name that is also another party stays that party's, and
    ``parties_ops.proposed_merges`` then proposes the merge for the journalist to confirm. True when an
    alias was added."""
    party = get(project, party_id)
    if party is None:
        return False
    have = {a.casefold() for a in (party.name, *party.aliases)}
    new = [a for a in aliases if a.strip() and a.casefold() not in have]
    if new:
        update(project, party_id, aliases=[*party.aliases, *new])
        kept = set(get(project, party_id).aliases)  # the store may tidy some away
        alias_origins.record(project, party_id, [a for a in new if a in kept], "suggested")
    return bool(new)
