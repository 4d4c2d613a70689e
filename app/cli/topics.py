"""The commands about topics and what answers what: topics, counterclaims, claims."""

from __future__ import annotations

import argparse

from app.cli.common import command, open_project, print_json, say, short
from app.core.errors import CounterclaimError
from app.core.words import counted


@command("topics")
def _cmd_topics(args: argparse.Namespace) -> int:
    from app.ops import queries, topic_suggesting, topics_ops

    with open_project(args.project, writes=bool(args.suggest or args.accept or args.reject)) as project:
        if args.suggest:
            topic_suggesting.suggest(project, args.count)
        for name in args.accept or ():
            topics_ops.accept(project, _topic_id(project, name))
        for name in args.reject or ():
            topics_ops.reject(project, _topic_id(project, name))
        rows = queries.topic_listing(project)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say("No topics yet: `counterclaim topics PROJECT --suggest` proposes some.", err=True)
    for row in rows:
        mark = " (suggested)" if row["status"] == "suggested" else ""
        offered = row.get("suggested_ids") or []
        extra = f", {len(offered)} suggested" if offered else ""
        why = f" — {row['shares']}" if row.get("shares") else ""
        say(f"{row['id']:>5}  {short(row['name'], 50)}{mark}: {counted(len(row['statement_ids']), 'statement')}{extra}{why}")
    return 0


def _topic_id(project, name: str) -> int:
    from app.ops import queries

    for t in queries.topics(project):
        if t.name.casefold() == name.strip().casefold() or name.strip() == str(t.id):
            return t.id
    known = ", ".join(t.name for t in queries.topics(project)) or "none yet"
    raise CounterclaimError(f"There is no topic called “{name.strip()}” in this project (topics: {known}).")


@command("counterclaims")
def _cmd_counterclaims(args: argparse.Namespace) -> int:
    from app.ops import matching_ops, queries

    with open_project(args.project) as project:
        rows = matching_ops.counterclaims(project, args.statement_id, args.limit)
        texts = {r["id"]: r["text"] for r in queries.statements_by_ids(project, [r["statement_id"] for r in rows])}
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say(f"No statement of another party answers statement {args.statement_id}.", err=True)
    for row in rows:
        say(f"{row['statement_id']:>6}  {row['score']:>5.2f}  {row['relation']:<12} {short(texts.get(row['statement_id'], ''), 80)}")
        say(f"{'':>14}{'; '.join(row['reasons'])}")
    return 0


@command("claims")
def _cmd_claims(args: argparse.Namespace) -> int:
    from app.ops import claims

    with open_project(args.project) as project:
        rows = claims.claim_listing(project)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say("No claim is carried by more than one article.", err=True)
    for row in rows:
        say(f"{short(row['party'], 24):<24}  ×{counted(row['articles'], 'article')}  {short(row['text'], 80)}")
        for source in row["sources"]:
            where = source["outlet"] or source["title"] or f"article {source['article_id']}"
            say(f"{'':>26}{source['statement_id']:>6}  {short(where, 30)} · ¶{source['paragraph']}")
    return 0
