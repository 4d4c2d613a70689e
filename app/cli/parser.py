"""The command line's grammar: every command's arguments, and the argument types whose
refusals are sentences (argparse prefixes them with the argument's name, exit 2)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app import __version__
from app.core.errors import CounterclaimError
from app.core.terminal import shown

_LARGEST = 2**63 - 1  # the largest integer SQLite stores: every id and count fits below it


def _whole_number(what: str) -> Callable[[str], int]:
    """An argparse type: a whole number from 1 to 2**63 - 1, else a sentence argparse prefixes
    with the argument's name (exit 2), instead of an OverflowError from SQLite later."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:  # not a number, or thousands of digits
            value = 0
        if not 1 <= value <= _LARGEST:
            quoted = shown(text if len(text) <= 30 else text[:29] + "…")
            raise argparse.ArgumentTypeError(f"{what} is a whole number from 1 to {_LARGEST}, not “{quoted}”")
        return value

    return parse


_ID = _whole_number("an id")
_count = _whole_number("a count")


def _export_format(text: str) -> str:
    """An argparse type: a format's key (aliases allowed), else its sentence with the list (exit 2)."""
    from app.ops.exporting import export_format

    try:
        return export_format(text).key
    except CounterclaimError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class _Parser(argparse.ArgumentParser):
    """argparse, with what its refusals quote from the command line shown escaped."""

    def error(self, message: str):
        super().error(shown(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    p.add_argument("--article", type=_ID, help="only this article id")
    p.add_argument("--party", help="only this party (name or alias)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", help="full-text search over statements (FTS5 syntax)")
    p.add_argument("project")
    p.add_argument("query")
    p.add_argument("--limit", type=_whole_number("the number of results"), default=500)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("parties", help="list parties")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.add_argument("--merges", action="store_true", help="list the merges the suggestions propose")

    p = sub.add_parser("tag", help="confirm which party a statement speaks for")
    p.add_argument("project")
    p.add_argument("statement_ids", type=_ID, nargs="+", metavar="STATEMENT_ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--party", "-p", help="the party (name or alias)")
    group.add_argument("--narration", action="store_true", help="the outlet's own voice")
    group.add_argument("--clear", action="store_true", help="remove the tag")

    p = sub.add_parser("suggest", help="re-run attribution suggestions (confirmed tags are kept)")
    p.add_argument("project")
    p.add_argument("--article", type=_ID)

    p = sub.add_parser("newsroom", help="the newsroom gazetteer: names learned across projects (list, export, import…)")
    p.add_argument("--newsroom", metavar="FILE", help="the newsroom file (default: $COUNTERCLAIM_NEWSROOM)")
    actions = p.add_subparsers(dest="newsroom_action", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="the parties and aliases it knows")
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("export", help="write it to one JSON file a colleague can import")
    q.add_argument("file")
    q = actions.add_parser("import", help="add a colleague's newsroom file (a bad file changes nothing)")
    q.add_argument("file")
    q = actions.add_parser("add", help="a party, and aliases of it")
    q.add_argument("party")
    q.add_argument("aliases", nargs="*")
    q = actions.add_parser("remove", help="a party, or one alias of it")
    q.add_argument("party")
    q.add_argument("alias", nargs="?")
    q = actions.add_parser("rename", help="rename a party (the old name stays an alias)")
    q.add_argument("party")
    q.add_argument("new_name")

    p = sub.add_parser("join", help="join adjacent statements of one paragraph into one statement")
    p.add_argument("project")
    p.add_argument("statement_ids", type=_ID, nargs="+", metavar="STATEMENT_ID")

    p = sub.add_parser("topic", help="put statements under a topic (created if new)")
    p.add_argument("project")
    p.add_argument("name", help="the topic's name")
    p.add_argument("statement_ids", type=_ID, nargs="+", metavar="STATEMENT_ID")

    p = sub.add_parser("topics", help="list topics; suggest them (--suggest), accept or reject suggestions")
    p.add_argument("project")
    p.add_argument("--suggest", action="store_true", help="suggest topics (replaces earlier suggestions, never yours)")
    p.add_argument("--count", type=_count, metavar="N", help="with --suggest: about this many new topics")
    p.add_argument("--accept", action="append", metavar="NAME", help="make a suggested topic yours (repeatable)")
    p.add_argument("--reject", action="append", metavar="NAME", help="turn a suggested topic down (repeatable)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("counterclaims", help="the statements of other parties that most likely answer one statement")
    p.add_argument("project")
    p.add_argument("statement_id", type=_ID, metavar="STATEMENT_ID")
    p.add_argument("--limit", type=_count, default=10, metavar="N")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("claims", help="the same claim carried by several articles, with each source")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("link", help="link two statements: one contradicts, supports or responds to the other")
    p.add_argument("project")
    p.add_argument("from_id", type=_ID, metavar="FROM_ID")
    p.add_argument("to_id", type=_ID, metavar="TO_ID")
    p.add_argument("--relation", "-r", default="contradicts", choices=("contradicts", "supports", "responds-to"))
    p.add_argument("--note", "-n", help="why they are linked")

    p = sub.add_parser("export", help="write the comparison sheet: xlsx csv html pdf md json qdpx")
    p.add_argument("project")
    p.add_argument("--format", "-f", required=True, metavar="FORMAT", type=_export_format,
                   help="xlsx, csv, html, pdf, md, json or qdpx")
    p.add_argument("--output", "-o", required=True, metavar="OUT",
                   help="the file to write (- or /dev/stdout: standard output)")
    p.add_argument("--article", type=_ID, action="append", metavar="ID", help="only this article (repeatable)")
    p.add_argument("--party", action="append", metavar="NAME", help="only this party, in this column order (repeatable)")
    p.add_argument("--topic", action="append", metavar="NAME", help="only this topic, in this row order (repeatable)")
    p.add_argument("--confirmed-only", action="store_true", help="leave out suggested (unconfirmed) tags")
    p.add_argument("--page-size", choices=("A4", "Letter"), help="PDF page size (default A4)")
    p.add_argument("--include-suggested", action="store_true",
                   help="QDPX: export suggested (unconfirmed) party tags as codings too")
    return parser


def normalise_tag_args(args: list[str]) -> list[str]:
    """Accept `tag PROJECT ID... PARTY` as the issue writes it: a trailing non-number is the party."""
    if len(args) >= 4 and args[0] == "tag" and not args[-1].startswith("-"):
        tail = args[-1]
        if not tail.lstrip("-").isdigit() and "--party" not in args and "-p" not in args:
            return [*args[:-1], "--party", tail]
    return args
