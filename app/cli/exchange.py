"""The commands that move work in and out of a project: import, export, and the newsroom
gazetteer shared between projects."""

from __future__ import annotations

import argparse
import os
import sys

from app.cli.common import command, open_project, print_json, say
from app.core.errors import CounterclaimError
from app.core.words import counted

STDOUT_NAMES = ("-", "/dev/stdout")


@command("import")
def _cmd_import(args: argparse.Namespace) -> int:
    from app.ops.exchange import import_json, is_export_file
    from app.ops.importing import import_files

    exports = [f for f in args.files if is_export_file(f)]  # a JSON export: the whole project back
    failed = False
    with open_project(args.project, create=True, writes=True) as project:
        for path in exports:
            try:
                done = import_json(project, path)
                say(f"{path}: {counted(done.articles, 'article')}, {counted(done.statements, 'statement')}, "
                    f"{counted(done.links, 'link')}")
            except CounterclaimError as error:
                say(f"{path}: {error}", err=True)
                failed = True
        others = [f for f in args.files if f not in exports]
        with _CtrlCStopsTheImport() as stop:
            report = import_files(project, others, outlet=args.outlet, cancelled=stop) if others else None
    if report is None:
        return 1 if failed else 0
    for outcome in report.outcomes:
        name = outcome.source
        if outcome.skipped:
            say(f"{name}: {outcome.skipped}", err=True)
        elif outcome.error:
            say(f"{name}: {outcome.error}", err=True)
        elif outcome.duplicate_of is not None:
            say(f"{name}: already in the project as article {outcome.duplicate_of}; skipped")
        else:
            say(f"{name}: article {outcome.article_id}, {counted(outcome.statements, 'statement')}")
        for warning in outcome.warnings:
            say(f"Note: {warning}", err=True)
    if report.new_parties:
        say("Proposed parties: " + ", ".join(report.new_parties))
    if report.cancelled:
        say(
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


@command("export")
def _cmd_export(args: argparse.Namespace) -> int:
    from app.ops.exporting import ExportFilters, export, export_format

    spec = export_format(args.format)
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
    with open_project(args.project) as project:
        summary = export(project, args.format, target, filters, **options)
    say(summary.sentence(), err=to_stdout)
    for warning in summary.warnings:
        say(f"Note: {warning}", err=True)
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
            print_json([{"name": e.name, "aliases": e.aliases} for e in entries])
        elif not entries:
            say(f"The newsroom ({where}) knows no parties yet.", err=True)
        for e in [] if args.json else entries:
            say(f"{e.name}{'  — ' + ', '.join(e.aliases) if e.aliases else ''}")
    elif action == "export":
        count = newsroom.export_to(args.file)
        say(f"Wrote {count} part{'y' if count == 1 else 'ies'} of the newsroom to {args.file}.")
    elif action == "import":
        parties, aliases = newsroom.import_from(args.file)
        say(f"The newsroom learned {parties} new part{'y' if parties == 1 else 'ies'} and {aliases} alias"
            f"{'' if aliases == 1 else 'es'} from {args.file}.")
    elif action == "add":
        def add(n):
            if n.find(args.party) is None:
                n.add_party(args.party)
            for alias in args.aliases:
                n.add_alias(args.party, alias)
        newsroom.edit(add)
        say(f"The newsroom knows {args.party}{' as ' + ', '.join(args.aliases) if args.aliases else ''}.")
    elif action == "remove":
        newsroom.edit(lambda n: n.remove(args.party, args.alias))
        say(f"Removed {'“' + args.alias + '” from ' if args.alias else ''}{args.party} in the newsroom.")
    elif action == "rename":
        newsroom.edit(lambda n: n.rename(args.party, args.new_name))
        say(f"{args.party} is now {args.new_name} in the newsroom (the old name stays an alias).")
    return 0
