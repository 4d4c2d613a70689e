"""The command line: the same verbs as the desk, for newsroom scripts.

Refusals are one sentence on stderr and a non-zero exit; a traceback only ever
appears with COUNTERCLAIM_DEBUG=1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable

from app import __version__
from app.core.errors import CounterclaimError
from app.store.database import Project

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func

    return register


def _open(path: str, create: bool = False, writes: bool = False) -> Project:
    project = Project(path, create=create)
    if writes and project.read_only:  # one sentence up front, not one per file or id
        project.close()
        raise project.read_only_refusal()
    return project


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- commands -----------------------------------------------------------------------------


@command("import")
def _cmd_import(args: argparse.Namespace) -> int:
    from app.ops.exchange import import_json, is_export_file
    from app.ops.importing import import_files

    exports = [f for f in args.files if is_export_file(f)]  # a JSON export: the whole project back
    failed = False
    with _open(args.project, create=True, writes=True) as project:
        for path in exports:
            try:
                done = import_json(project, path)
                print(f"{path}: {done.articles} article(s), {done.statements} statements, {done.links} links")
            except CounterclaimError as error:
                print(f"{path}: {error}", file=sys.stderr)
                failed = True
        others = [f for f in args.files if f not in exports]
        report = import_files(project, others, outlet=args.outlet) if others else None
    if report is None:
        return 1 if failed else 0
    for outcome in report.outcomes:
        name = outcome.source
        if outcome.error:
            print(f"{name}: {outcome.error}", file=sys.stderr)
        elif outcome.duplicate_of is not None:
            print(f"{name}: already in the project as article {outcome.duplicate_of}; skipped")
        else:
            print(f"{name}: article {outcome.article_id}, {outcome.statements} statements")
    if report.new_parties:
        print("Proposed parties: " + ", ".join(report.new_parties))
    return 1 if report.refused or failed else 0


@command("statements")
def _cmd_statements(args: argparse.Namespace) -> int:
    from app.store import parties, statements

    with _open(args.project) as project:
        party_id = parties.require(project, args.party).id if args.party else None
        rows = statements.detailed(project, article_id=args.article, party_id=party_id)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        who = row["party"] or ("narration" if row["status"] else "—")
        mark = "" if row["status"] == "confirmed" else "?" if row["status"] else ""
        print(f"{row['id']:>6}  {who + mark:<24.24}  {_short(row['text'])}")
    return 0


@command("search")
def _cmd_search(args: argparse.Namespace) -> int:
    from app.store import search

    with _open(args.project) as project:
        rows = search.statements(project, args.query, limit=args.limit)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        where = row["outlet"] or row["title"] or f"article {row['article_id']}"
        print(f"{row['id']:>6}  {_short(where, 24):<24}  {_short(row['highlighted'])}")
    if not rows:
        print("No statement matches.", file=sys.stderr)
    return 0


@command("parties")
def _cmd_parties(args: argparse.Namespace) -> int:
    from app.store import parties

    with _open(args.project) as project:
        counts = parties.counts(project)
        rows = [
            {
                "id": p.id,
                "name": p.name,
                "color": p.color,
                "aliases": p.aliases,
                "shortcut": p.shortcut,
                "statements": counts.get(p.id, 0),
            }
            for p in parties.all_parties(project)
        ]
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        key = row["shortcut"] or " "
        aliases = ", ".join(row["aliases"])
        print(f"[{key}] {row['name']} ({row['statements']} statements){'  — ' + aliases if aliases else ''}")
    return 0


@command("tag")
def _cmd_tag(args: argparse.Namespace) -> int:
    from app.ops import tagging

    with _open(args.project, writes=True) as project:
        if args.clear:
            tagging.clear(project, args.statement_ids)
            print(f"Cleared {len(args.statement_ids)} statement(s).")
        elif args.narration:
            tagging.tag(project, args.statement_ids, None)
            print(f"Marked {len(args.statement_ids)} statement(s) as narration.")
        elif args.party:
            tagging.tag_by_name(project, args.statement_ids, args.party)
            print(f"Tagged {len(args.statement_ids)} statement(s) as {args.party}.")
        else:
            raise CounterclaimError("Say which party (a name), or --narration, or --clear.")
    return 0


@command("suggest")
def _cmd_suggest(args: argparse.Namespace) -> int:
    from app.ops.suggesting import suggest

    with _open(args.project, writes=True) as project:
        report = suggest(project, args.article)
    print(f"Refreshed suggestions for {report.statements} statements in {report.articles} article(s).")
    if report.new_parties:
        print("Proposed parties: " + ", ".join(report.new_parties))
    return 0


@command("topic")
def _cmd_topic(args: argparse.Namespace) -> int:
    from app.ops import topics_ops

    with _open(args.project, writes=True) as project:
        added = topics_ops.assign_by_name(project, args.statement_ids, args.name).added
    print(f"Put {len(added)} statement(s) under “{args.name.strip()}” ({len(args.statement_ids) - len(added)} already there).")
    return 0


@command("link")
def _cmd_link(args: argparse.Namespace) -> int:
    from app.ops import links_ops

    with _open(args.project, writes=True) as project:
        (link_id,) = links_ops.create(project, args.from_id, args.to_id, args.relation, args.note).link_ids
    print(f"Link {link_id}: statement {args.from_id} {args.relation} statement {args.to_id}.")
    return 0


@command("export")
def _cmd_export(args: argparse.Namespace) -> int:
    from app.ops.exporting import ExportFilters, export

    filters = ExportFilters(
        article_ids=tuple(args.article or ()),
        party_names=tuple(args.party or ()),
        topic_names=tuple(args.topic or ()),
        confirmed_only=args.confirmed_only,
    )
    options = {"page_size": args.page_size} if args.page_size else {}
    with _open(args.project) as project:
        summary = export(project, args.format, args.output, filters, **options)
    print(summary.sentence())
    for warning in summary.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    return 0


# -- parsing ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Compare the competing narratives inside news coverage. "
        "With no command, opens the desk.",
    )
    parser.add_argument("--version", "-V", action="version", version=f"Counterclaim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import articles (txt md html docx odt pdf json) into a project")
    p.add_argument("project", help="the .counterclaim file (created if missing)")
    p.add_argument("files", nargs="+", help="files or folders to import")
    p.add_argument("--outlet", help="the outlet that published these articles")

    p = sub.add_parser("statements", help="list statements")
    p.add_argument("project")
    p.add_argument("--article", type=int, help="only this article id")
    p.add_argument("--party", help="only this party (name or alias)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", help="full-text search over statements (FTS5 syntax)")
    p.add_argument("project")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("parties", help="list parties")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("tag", help="confirm which party a statement speaks for")
    p.add_argument("project")
    p.add_argument("statement_ids", type=int, nargs="+", metavar="STATEMENT_ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--party", "-p", help="the party (name or alias)")
    group.add_argument("--narration", action="store_true", help="the outlet's own voice")
    group.add_argument("--clear", action="store_true", help="remove the tag")

    p = sub.add_parser("suggest", help="re-run attribution suggestions (confirmed tags are kept)")
    p.add_argument("project")
    p.add_argument("--article", type=int)

    p = sub.add_parser("topic", help="put statements under a topic (created if new)")
    p.add_argument("project")
    p.add_argument("name", help="the topic's name")
    p.add_argument("statement_ids", type=int, nargs="+", metavar="STATEMENT_ID")

    p = sub.add_parser("link", help="link two statements: one contradicts, supports or responds to the other")
    p.add_argument("project")
    p.add_argument("from_id", type=int, metavar="FROM_ID")
    p.add_argument("to_id", type=int, metavar="TO_ID")
    p.add_argument("--relation", "-r", default="contradicts", choices=("contradicts", "supports", "responds-to"))
    p.add_argument("--note", "-n", help="why they are linked")

    p = sub.add_parser("export", help="write the comparison sheet: xlsx csv html pdf md json qdpx")
    p.add_argument("project")
    p.add_argument("--format", "-f", required=True, metavar="FORMAT",
                   help="xlsx, csv, html, pdf, md, json or qdpx")
    p.add_argument("--output", "-o", required=True, metavar="OUT", help="the file to write")
    p.add_argument("--article", type=int, action="append", metavar="ID", help="only this article (repeatable)")
    p.add_argument("--party", action="append", metavar="NAME", help="only this party, in this column order (repeatable)")
    p.add_argument("--topic", action="append", metavar="NAME", help="only this topic, in this row order (repeatable)")
    p.add_argument("--confirmed-only", action="store_true", help="leave out suggested (unconfirmed) tags")
    p.add_argument("--page-size", choices=("A4", "Letter"), help="PDF page size (default A4)")
    return parser


def _normalise_tag_args(args: list[str]) -> list[str]:
    """Accept `tag PROJECT ID... PARTY` as the issue writes it: a trailing non-number is the party."""
    if len(args) >= 4 and args[0] == "tag" and not args[-1].startswith("-"):
        tail = args[-1]
        if not tail.lstrip("-").isdigit() and "--party" not in args and "-p" not in args:
            return [*args[:-1], "--party", tail]
    return args


def main(argv: list[str] | None = None) -> int:
    args_list = _normalise_tag_args(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command](args)
    except CounterclaimError as error:
        print(f"counterclaim: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("counterclaim: stopped.", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so plainly, keep the traceback for debugging
        if os.environ.get("COUNTERCLAIM_DEBUG"):
            raise
        print(
            f"counterclaim: something went wrong inside Counterclaim ({type(error).__name__}: {error}). "
            "Nothing half-done was saved. Set COUNTERCLAIM_DEBUG=1 to see details for a bug report.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

