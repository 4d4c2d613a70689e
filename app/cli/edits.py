"""The commands that change what statements say: tag, suggest, join, topic, link."""

from __future__ import annotations

import argparse

from app.cli.common import command, open_project, say
from app.core.errors import CounterclaimError
from app.core.words import counted


@command("tag")
def _cmd_tag(args: argparse.Namespace) -> int:
    from app.ops import tagging

    with open_project(args.project, writes=True) as project:
        if args.clear:
            tagging.clear(project, args.statement_ids)
            say(f"Cleared {counted(len(args.statement_ids), 'statement')}.")
        elif args.narration:
            tagging.tag(project, args.statement_ids, None)
            say(f"Marked {counted(len(args.statement_ids), 'statement')} as narration.")
        elif args.party:
            tagging.tag_by_name(project, args.statement_ids, args.party)
            say(f"Tagged {counted(len(args.statement_ids), 'statement')} as {args.party}.")
        else:
            raise CounterclaimError("Say which party (a name), or --narration, or --clear.")
    return 0


@command("suggest")
def _cmd_suggest(args: argparse.Namespace) -> int:
    from app.ops.suggesting import suggest

    with open_project(args.project, writes=True) as project:
        report = suggest(project, args.article)
    say(f"Refreshed suggestions for {counted(report.statements, 'statement')} in {counted(report.articles, 'article')}.")
    if report.new_parties:
        say("Proposed parties: " + ", ".join(report.new_parties))
    return 0


@command("join")
def _cmd_join(args: argparse.Namespace) -> int:
    from app.ops import statements_ops

    with open_project(args.project, writes=True) as project:
        change = statements_ops.join(project, args.statement_ids)
    joined = ", ".join(str(i) for i in change.before.ids)
    say(f"Joined statements {joined} into statement {change.focus_ids[0]}.")
    return 0


@command("topic")
def _cmd_topic(args: argparse.Namespace) -> int:
    from app.ops import topics_ops

    with open_project(args.project, writes=True) as project:
        added = topics_ops.assign_by_name(project, args.statement_ids, args.name).topics_added
    say(f"Put {counted(len(added), 'statement')} under “{args.name.strip()}” "
        f"({len(args.statement_ids) - len(added)} already there).")
    return 0


@command("link")
def _cmd_link(args: argparse.Namespace) -> int:
    from app.ops import links_ops

    with open_project(args.project, writes=True) as project:
        (link_id,) = links_ops.create(project, args.from_id, args.to_id, args.relation, args.note).link_ids
    say(f"Link {link_id}: statement {args.from_id} {args.relation} statement {args.to_id}.")
    return 0
