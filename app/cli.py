"""The command line: the same verbs as the desk, for newsroom scripts.

Refusals are one sentence on stderr and a non-zero exit; a traceback only ever
appears with COUNTERCLAIM_DEBUG=1. Every line goes out through :func:`_say`, which shows the
control characters in names and paths as escapes (``\\x1b``, ``\\n``), so user data can
neither act on the terminal nor split a line; ``--json`` escapes them as JSON does. A reader
that goes away (``| head -1``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import errno
import functools
import json
import os
import sys
from collections.abc import Callable

from app import __version__
from app.core.errors import CounterclaimError, DamagedProject
from app.core.terminal import json_shown, shown
from app.core.words import counted
from app.store.database import Project

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func

    return register


def _open(path: str, create: bool = False, writes: bool = False) -> Project:
    from app.store import backups

    project = backups.open_checked(path, create=create)
    if writes and project.read_only:  # one sentence up front, not one per file or id
        project.close()
        raise project.read_only_refusal()
    note = backups.interrupted_restore(project.path)
    if note:
        _say(f"counterclaim: {note}", err=True)
    return project


def _damage_sentence(error: BaseException, args: argparse.Namespace) -> str | None:
    """A damaged project, whatever read found it: say so and name the newest good backup."""
    from app.store import backups, damage

    path = getattr(args, "project", None)
    if path is None or not (isinstance(error, DamagedProject) or damage.is_damage(error)):
        return None
    if getattr(error, "names_backup", False):
        sentence = str(error)
    elif isinstance(error, DamagedProject):  # found on opening: its own sentence says what is wrong
        sentence = f"{error} {backups.backup_hint(path)}"
    else:
        sentence = str(backups.damaged_project(path))
    if backups.newest_usable(path) is not None:
        sentence += " Open the project in the Counterclaim desk to restore it (the damaged file is kept)."
    return sentence


def _say(line: str, err: bool = False) -> None:
    """Print one line to stdout (or stderr), every control character in it shown escaped."""
    print(shown(line), file=sys.stderr if err else sys.stdout)


def _print_json(data) -> None:
    sys.stdout.write(json_shown(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def _short(text: str, width: int = 100) -> str:
    text = shown(" ".join(text.split()))
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
                _say(f"{path}: {counted(done.articles, 'article')}, {counted(done.statements, 'statement')}, "
                     f"{counted(done.links, 'link')}")
            except CounterclaimError as error:
                _say(f"{path}: {error}", err=True)
                failed = True
        others = [f for f in args.files if f not in exports]
        with _CtrlCStopsTheImport() as stop:
            report = import_files(project, others, outlet=args.outlet, cancelled=stop) if others else None
    if report is None:
        return 1 if failed else 0
    for outcome in report.outcomes:
        name = outcome.source
        if outcome.skipped:
            _say(f"{name}: {outcome.skipped}", err=True)
        elif outcome.error:
            _say(f"{name}: {outcome.error}", err=True)
        elif outcome.duplicate_of is not None:
            _say(f"{name}: already in the project as article {outcome.duplicate_of}; skipped")
        else:
            _say(f"{name}: article {outcome.article_id}, {counted(outcome.statements, 'statement')}")
        for warning in outcome.warnings:
            _say(f"Note: {warning}", err=True)
    if report.new_parties:
        _say("Proposed parties: " + ", ".join(report.new_parties))
    if report.cancelled:
        _say(
            f"counterclaim: stopped. {report.stopped_summary()} Run the same import again to bring in "
            "the rest (the saved ones are skipped as already in the project).",
            err=True,
        )
        return 130
    return 1 if report.refused or failed else 0


class _CtrlCStopsTheImport:
    """Ctrl-C during an import stops it between files, after saving the batch in hand (the
    import's own ``cancelled`` check), so the summary can say what was saved. A second
    Ctrl-C stops at once, as ever (each batch is one transaction: nothing half-written)."""

    def __enter__(self):
        import signal
        import threading

        self.pressed = False
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._pressed)
        return lambda: self.pressed

    def _pressed(self, signum, frame) -> None:
        import signal

        if self.pressed:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        self.pressed = True

    def __exit__(self, *exc) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


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
        who = shown(row["party"] or ("narration" if row["status"] else "—"))
        mark = "" if row["status"] == "confirmed" else "?" if row["status"] else ""
        _say(f"{row['id']:>6}  {who + mark:<24.24}  {_short(row['text'])}")
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
        _say(f"{row['id']:>6}  {_short(where, 24):<24}  {_short(row['highlighted'])}")
    if not rows:
        _say("No statement matches.", err=True)
    return 0


@command("parties")
def _cmd_parties(args: argparse.Namespace) -> int:
    from app.store import alias_origins, parties

    if args.merges:
        return _proposed_merges(args)
    with _open(args.project) as project:
        counts = parties.counts(project)
        rows = []
        for p in parties.all_parties(project):
            origins = alias_origins.of_party(project, p.id)
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
        _print_json(rows)
        return 0
    for row in rows:
        key = row["shortcut"] or " "
        aliases = ", ".join(row["aliases"])
        _say(f"[{key}] {row['name']} ({counted(row['statements'], 'statement')}){'  — ' + aliases if aliases else ''}")
    return 0


def _proposed_merges(args: argparse.Namespace) -> int:
    """``parties --merges``: the merges the suggestions propose (none is done until confirmed)."""
    from app.ops import parties_ops

    with _open(args.project) as project:
        merges = parties_ops.proposed_merges(project)
    if args.json:
        _print_json([{"source_id": m.source_id, "source": m.source, "target_id": m.target_id,
                      "target": m.target, "because": m.because} for m in merges])
        return 0
    for m in merges:
        _say(f"merge {m.source} into {m.target}?  ({m.because})")
    if not merges:
        _say("No merge proposed.")
    return 0


@command("newsroom")
def _cmd_newsroom(args: argparse.Namespace) -> int:
    """The newsroom gazetteer: names taught in any project, given to every project's suggestions."""
    from app.ops import newsroom

    if args.newsroom:
        newsroom.use(args.newsroom)
        os.environ.pop(newsroom.ENV, None)  # the file named here wins for this command
    where = newsroom.required_location()
    action = args.newsroom_action
    if action == "list":
        entries = newsroom.load().entries
        if args.json:
            _print_json([{"name": e.name, "aliases": e.aliases} for e in entries])
        elif not entries:
            _say(f"The newsroom ({where}) knows no parties yet.", err=True)
        for e in [] if args.json else entries:
            _say(f"{e.name}{'  — ' + ', '.join(e.aliases) if e.aliases else ''}")
    elif action == "export":
        count = newsroom.export_to(args.file)
        _say(f"Wrote {count} part{'y' if count == 1 else 'ies'} of the newsroom to {args.file}.")
    elif action == "import":
        parties, aliases = newsroom.import_from(args.file)
        _say(f"The newsroom learned {parties} new part{'y' if parties == 1 else 'ies'} and {aliases} alias"
             f"{'' if aliases == 1 else 'es'} from {args.file}.")
    elif action == "add":
        def add(n):
            if n.find(args.party) is None:
                n.add_party(args.party)
            for alias in args.aliases:
                n.add_alias(args.party, alias)
        newsroom.edit(add)
        _say(f"The newsroom knows {args.party}{' as ' + ', '.join(args.aliases) if args.aliases else ''}.")
    elif action == "remove":
        newsroom.edit(lambda n: n.remove(args.party, args.alias))
        _say(f"Removed {'“' + args.alias + '” from ' if args.alias else ''}{args.party} in the newsroom.")
    elif action == "rename":
        newsroom.edit(lambda n: n.rename(args.party, args.new_name))
        _say(f"{args.party} is now {args.new_name} in the newsroom (the old name stays an alias).")
    return 0


@command("tag")
def _cmd_tag(args: argparse.Namespace) -> int:
    from app.ops import tagging

    with _open(args.project, writes=True) as project:
        if args.clear:
            tagging.clear(project, args.statement_ids)
            _say(f"Cleared {counted(len(args.statement_ids), 'statement')}.")
        elif args.narration:
            tagging.tag(project, args.statement_ids, None)
            _say(f"Marked {counted(len(args.statement_ids), 'statement')} as narration.")
        elif args.party:
            tagging.tag_by_name(project, args.statement_ids, args.party)
            _say(f"Tagged {counted(len(args.statement_ids), 'statement')} as {args.party}.")
        else:
            raise CounterclaimError("Say which party (a name), or --narration, or --clear.")
    return 0


@command("suggest")
def _cmd_suggest(args: argparse.Namespace) -> int:
    from app.ops.suggesting import suggest

    with _open(args.project, writes=True) as project:
        report = suggest(project, args.article)
    _say(f"Refreshed suggestions for {counted(report.statements, 'statement')} in {counted(report.articles, 'article')}.")
    if report.new_parties:
        _say("Proposed parties: " + ", ".join(report.new_parties))
    return 0


@command("join")
def _cmd_join(args: argparse.Namespace) -> int:
    from app.ops import statements_ops

    with _open(args.project, writes=True) as project:
        change = statements_ops.join(project, args.statement_ids)
    joined = ", ".join(str(i) for i in change.before.ids)
    _say(f"Joined statements {joined} into statement {change.focus_id}.")
    return 0


@command("topic")
def _cmd_topic(args: argparse.Namespace) -> int:
    from app.ops import topics_ops

    with _open(args.project, writes=True) as project:
        added = topics_ops.assign_by_name(project, args.statement_ids, args.name).added
    _say(f"Put {counted(len(added), 'statement')} under “{args.name.strip()}” "
         f"({len(args.statement_ids) - len(added)} already there).")
    return 0


@command("link")
def _cmd_link(args: argparse.Namespace) -> int:
    from app.ops import links_ops

    with _open(args.project, writes=True) as project:
        (link_id,) = links_ops.create(project, args.from_id, args.to_id, args.relation, args.note).link_ids
    _say(f"Link {link_id}: statement {args.from_id} {args.relation} statement {args.to_id}.")
    return 0


STDOUT_NAMES = ("-", "/dev/stdout")


@command("export")
def _cmd_export(args: argparse.Namespace) -> int:
    from app.io.exporters import resolve
    from app.ops.exporting import ExportFilters, export

    spec = resolve(args.format)
    target = args.output
    to_stdout = args.output in STDOUT_NAMES
    if to_stdout:
        if spec.binary and sys.stdout.isatty():
            raise CounterclaimError(
                f"A {spec.key.upper()} file is not text and would garble the terminal: "
                f"send it to a file (-o sheet{spec.suffix}) or a pipe (… -o - > sheet{spec.suffix})."
            )
        target = sys.stdout.buffer
    filters = ExportFilters(
        article_ids=tuple(args.article or ()),
        party_names=tuple(args.party or ()),
        topic_names=tuple(args.topic or ()),
        confirmed_only=args.confirmed_only,
    )
    options = {"page_size": args.page_size} if args.page_size else {}
    if args.include_suggested:
        if spec.key != "qdpx":
            raise CounterclaimError(
                "--include-suggested is for QDPX; the other formats always show suggestions, marked as "
                "suggested (leave them out with --confirmed-only)."
            )
        options["include_suggested"] = True
    with _open(args.project) as project:
        summary = export(project, args.format, target, filters, **options)
    _say(summary.sentence(), err=to_stdout)
    for warning in summary.warnings:
        _say(f"Note: {warning}", err=True)
    return 0


# -- parsing ------------------------------------------------------------------------------

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


def _export_format(text: str) -> str:
    """An argparse type: a format's key (aliases allowed), else its sentence with the list (exit 2)."""
    from app.io.exporters import resolve

    try:
        return resolve(text).key
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


def _normalise_tag_args(args: list[str]) -> list[str]:
    """Accept `tag PROJECT ID... PARTY` as the issue writes it: a trailing non-number is the party."""
    if len(args) >= 4 and args[0] == "tag" and not args[-1].startswith("-"):
        tail = args[-1]
        if not tail.lstrip("-").isdigit() and "--party" not in args and "-p" not in args:
            return [*args[:-1], "--party", tail]
    return args


def _quiet_on_closed_pipe(main_func: Callable[..., int]) -> Callable[..., int]:
    """A reader that goes away (``counterclaim statements P | head -1``) ends the command
    quietly, as it ends ``cat``: no message, exit 141 (128 + SIGPIPE). An output whose disk
    is full (``> /dev/full``) is one sentence saying so, exit 1."""

    @functools.wraps(main_func)
    def run(argv: list[str] | None = None) -> int:
        try:
            try:
                return main_func(argv)
            finally:
                sys.stdout.flush()  # a closed pipe shows here, not in Python's own last flush
        except BrokenPipeError:
            _drop_pending_output()
            return 141
        except OSError as error:
            if error.errno not in _NO_ROOM:
                raise
            _drop_pending_output()
            _say(f"counterclaim: {_NO_ROOM_SENTENCE}", err=True)
            return 1

    return run


# The output's disk is full (``counterclaim statements P > /dev/full``, a full quota).
_NO_ROOM = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_ROOM_SENTENCE = (
    "the disk is full, so the output could not be written (or not all of it). "
    "Make room on the disk and run the command again; the project is unchanged."
)


def _drop_pending_output() -> None:
    """What is still buffered for stdout goes to /dev/null, so Python's exit says nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is no file (a test's capture)
        pass


@_quiet_on_closed_pipe
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
        _say(f"counterclaim: {_damage_sentence(error, args) or error}", err=True)
        return 1
    except KeyboardInterrupt:
        _say("counterclaim: stopped.", err=True)
        return 130
    except BrokenPipeError:
        raise
    except OSError as error:
        if error.errno in _NO_ROOM:
            raise  # the output's disk is full: said by _quiet_on_closed_pipe, after its last flush
        return _bug(error, args)
    except Exception as error:  # a bug: say so plainly, keep the traceback for debugging
        return _bug(error, args)


def _bug(error: Exception, args: argparse.Namespace) -> int:
    damaged = _damage_sentence(error, args)
    if damaged:
        _say(f"counterclaim: {damaged}", err=True)
        return 1
    if os.environ.get("COUNTERCLAIM_DEBUG"):
        raise error
    _say(
        f"counterclaim: something went wrong inside Counterclaim ({type(error).__name__}: {error}). "
        "Nothing half-done was saved. Set COUNTERCLAIM_DEBUG=1 to see details for a bug report.",
        err=True,
    )
    return 3


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

