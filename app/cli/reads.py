"""The commands that only read: statements, search, parties."""

from __future__ import annotations

import argparse

from app.cli.common import command, open_project, print_json, say, short
from app.core.terminal import shown
from app.core.words import counted


@command("statements")
def _cmd_statements(args: argparse.Namespace) -> int:
    from app.ops import queries

    with open_project(args.project) as project:
        party_id = queries.party_named(project, args.party).id if args.party else None
        rows = queries.statement_details(project, article_id=args.article, party_id=party_id)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        who = shown(row["party"] or ("narration" if row["status"] else "—"))
        mark = "" if row["status"] == "confirmed" else "?" if row["status"] else ""
        say(f"{row['id']:>6}  {who + mark:<24.24}  {short(row['text'])}")
    return 0


@command("search")
def _cmd_search(args: argparse.Namespace) -> int:
    from app.ops import queries

    with open_project(args.project) as project:
        rows = queries.search(project, args.query, limit=args.limit)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        where = row["outlet"] or row["title"] or f"article {row['article_id']}"
        say(f"{row['id']:>6}  {short(where, 24):<24}  {short(row['highlighted'])}")
    if not rows:
        say("No statement matches.", err=True)
    return 0


@command("parties")
def _cmd_parties(args: argparse.Namespace) -> int:
    from app.ops import queries

    if args.merges:
        return _proposed_merges(args)
    with open_project(args.project) as project:
        counts = queries.party_counts(project)
        rows = []
        for p in queries.parties(project):
            origins = queries.alias_origins(project, p.id)
            rows.append({
                "id": p.id,
                "name": p.name,
                "color": p.color,
                "aliases": p.aliases,
                "shortcut": p.shortcut,
                "statements": counts.get(p.id, 0),
                # where each alias came from: suggested, learned (from statement_id), hand, newsroom, merge
                "alias_origins": {
                    a: ({"origin": o.origin, "statement_id": o.statement_id} if o else None)
                    for a in p.aliases for o in [origins.get(a.casefold())]
                },
            })
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        key = row["shortcut"] or " "
        aliases = ", ".join(row["aliases"])
        say(f"[{key}] {row['name']} ({counted(row['statements'], 'statement')}){'  — ' + aliases if aliases else ''}")
    return 0


def _proposed_merges(args: argparse.Namespace) -> int:
    """``parties --merges``: the merges the suggestions propose (none is done until confirmed)."""
    from app.ops import parties_ops

    with open_project(args.project) as project:
        merges = parties_ops.proposed_merges(project)
    if args.json:
        print_json([{"source_id": m.source_id, "source": m.source, "target_id": m.target_id,
                     "target": m.target, "because": m.because} for m in merges])
        return 0
    for m in merges:
        say(f"merge {m.source} into {m.target}?  ({m.because})")
    if not merges:
        say("No merge proposed.")
    return 0
