"""Import: files or pasted text in, articles with suggested statements out.

Each article is its own transaction, so a refused or cancelled file never leaves
anything half-written, and the files before it stay imported.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import app
from app.core import attribution, gazetteer, reading
from app.core.attribution import party_key
from app.core.errors import CounterclaimError
from app.core.models import ParsedDocument, ProposedParty
from app.core.segment import segment
from app.core.text import fingerprint
from app.io import importers
from app.io.importers import folders
from app.io.importers.text import one_line
from app.ops.import_report import FileOutcome, ImportReport
from app.ops.import_worker import Prepared, prepare_chunk, prepare_one, warm_up, worker_started
from app.ops import newsroom
from app.store import articles, parties, statements
from app.store.database import Project


Progress = Callable[[int, int, str], None]
BATCH_SECONDS = 0.5


def _expand(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileOutcome]]:
    """Files as given and the importable files inside any folder (sorted, recursive), and
    what was left out of the folders, unread, with the reason."""
    result: list[Path] = []
    skipped: list[FileOutcome] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, left_out = folders.walk(path, importers.SUPPORTED_SUFFIXES)
            result.extend(found)
            skipped.extend(FileOutcome(source=str(p), skipped=why) for p, why in left_out)
        else:
            result.append(path)
    return result, skipped


def import_files(
    project: Project,
    paths: Sequence[str | os.PathLike],
    outlet: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    committed: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import files (and the importable files inside folders).

    Articles are written in batches of about half a second, one transaction each; within
    it, up to ``GROUP_FILES`` articles are written together in a savepoint, after every
    check that can refuse one of them (see ``_store_group``): a crash loses at most the
    batch in flight, never part of an article, and a file that fails is undone alone.
    ``progress(done, total, name)`` is called before each file; ``committed(count)`` after
    each batch is safely on disk.

    With many files (``POOL_MIN_FILES``) worker processes read, segment and attribute the
    files ahead while this process stores them, in order: the project comes out the same
    as with one process, only sooner (see ``_Pipeline``).
    """
    report = ImportReport()
    files, skipped = _expand(paths)
    report.outcomes.extend(skipped)
    report.files = len(files)
    outlet = one_line(outlet) if isinstance(outlet, str) else outlet
    index = 0
    if files:
        warm_up()  # before the write lock: eight imports at once wait for each other's loading otherwise
    with _Pipeline.start(files) as pipeline:
        while index < len(files) and not report.cancelled:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            pipeline.wait(index)  # never wait for the workers while holding the write lock
            batch: list[FileOutcome] = []
            batch_start, started = index, time.monotonic()
            try:
                with project.transaction():
                    context = _PartyContext(project)
                    group: list[tuple[Path, Prepared | None]] = []
                    while index < len(files) and time.monotonic() - started < BATCH_SECONDS:
                        if cancelled is not None and cancelled():
                            report.cancelled = True
                            break
                        if (batch or group) and not pipeline.ready(index):
                            break  # commit what is done rather than wait inside the transaction
                        path = files[index]
                        if progress is not None:
                            progress(index, len(files), path.name)
                        group.append((path, pipeline.take(index, context.known)))
                        index += 1
                        if len(group) == GROUP_FILES:
                            batch += _store_group(project, group, outlet, context, report)
                            group = []
                    batch += _store_group(project, group, outlet, context, report)
            except CounterclaimError as error:  # the batch could not be saved (disk full, locked…)
                # Nothing of this batch was saved, and nothing after it is tried: every one of
                # those files is reported refused, with the reason.
                report.outcomes.extend(FileOutcome(source=str(p), error=str(error)) for p in files[batch_start:])
                break
            report.outcomes.extend(batch)
            if committed is not None:
                committed(len(report.outcomes))
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _import_one(
    project: Project, path: Path, outlet, context: _PartyContext, report, prepared: Prepared | None = None
) -> FileOutcome:
    try:
        if prepared is None:
            doc = importers.read_document(path)
            outcome = store_document(project, doc, outlet, report, context)
        elif prepared.error is not None:
            raise CounterclaimError(prepared.error)
        else:
            outcome = _store(project, prepared.doc, outlet, report, context, prepared)
    except CounterclaimError as error:
        context.reload(project)  # its savepoint was undone, parties it proposed with it
        outcome = FileOutcome(source=str(path), error=str(error))
    outcome.source = str(path)
    return outcome


#: Articles written together (one INSERT of articles, few of statements): every INSERT
#: costs a full-text index segment, and savepoints per article would cost one each too.
GROUP_FILES = 32


def _store_group(
    project: Project, group: list[tuple[Path, Prepared | None]], outlet, context: _PartyContext, report
) -> list[FileOutcome]:
    """Store a few files as ``_import_one`` would one by one, with fewer, bigger INSERTs.

    Everything that can refuse a file (reading, no sentences, a duplicate, its parties) is
    settled first, file by file and in order, exactly as the one-by-one path does; then the
    articles and their statements go in together. Should that write fail, the group is
    undone and done again one file at a time, each in its own savepoint.
    """
    if not group:
        return []
    outcomes: list[FileOutcome] = []
    mark = len(report.new_parties)
    try:
        with project.transaction():  # a savepoint: the whole group, or none of it
            planned: list[tuple[FileOutcome, ParsedDocument, str, list[tuple]]] = []
            shas: dict[str, int] = {}
            next_id = articles.next_id(project)
            # the stored articles with the group's fingerprints, in one query instead of one each
            stored = articles.ids_by_fingerprint(project, [p.sha for _, p in group if p is not None and p.sha])
            for path, prepared in group:
                if prepared is None:  # not prepared by a worker: prepare it here, now
                    prepared = prepare_one(str(path))
                if prepared is None:  # something unexpected: the plain path shows it as it is
                    _write_planned(project, planned, outlet, context)
                    planned = []
                    outcomes.append(_import_one(project, path, outlet, context, report))
                    next_id = articles.next_id(project)
                    stored = {}  # it may have stored one of them: ask the project from here on
                    continue
                outcome = _plan_one(project, path, prepared, context, report, shas, next_id, stored)
                outcomes.append(outcome)
                if outcome.imported:
                    shas[prepared.sha] = next_id
                    planned.append((outcome, prepared.doc, prepared.sha, prepared.rows))
                    next_id += 1
            _write_planned(project, planned, outlet, context)
    except (CounterclaimError, sqlite3.Error):
        # the group's savepoint is undone (parties included): one file at a time, as ever
        del report.new_parties[mark:]
        context.reload(project)
        return [_import_one(project, path, outlet, context, report, prepared) for path, prepared in group]
    return outcomes


def _plan_one(project, path: Path, prepared: Prepared, context, report, shas, next_id, stored=None) -> FileOutcome:
    """The checks and party additions of ``_store`` for one file of a group, nothing written yet
    but its parties; ``prepared.rows`` are made right for the parties known now."""
    source = str(path)
    if prepared.error is not None:
        return FileOutcome(source=source, error=prepared.error)
    doc = prepared.doc
    if stored and prepared.sha in stored:
        existing = stored[prepared.sha] or shas.get(prepared.sha)
    else:
        existing = articles.find_by_fingerprint(project, prepared.sha) or shas.get(prepared.sha)
    if existing is not None:
        return FileOutcome(source=source, article_id=existing, duplicate_of=existing)
    if not prepared.count:
        name = Path(doc.source_path or "pasted text").name
        return FileOutcome(source=source, error=f"“{name}” has no sentences to import.")
    if prepared.suggested_for != context.key and context.same_for(prepared.suggested_for, doc.text):
        prepared.suggested_for = context.key  # nothing learned since is in this article: the same answer
    if prepared.suggested_for != context.key:  # parties changed since: attribute again
        spans = prepared.span_list()
        prepared.proposed, attributions = reading.suggest(doc.text, spans, context.known, reading=prepared.reading)
        prepared.rows = statements.rows_for(doc.text, spans, attributions)
        prepared.suggested_for = context.key
    if prepared.proposed:
        try:
            with project.transaction():  # this file's parties, or none of them
                created = [p.name for p in prepared.proposed if context.add(project, p)]
        except CounterclaimError as error:
            context.reload(project)
            return FileOutcome(source=source, error=str(error))
        report.new_parties.extend(created)
    if context.extra:
        context.adopt(project, prepared.rows, report)
    return FileOutcome(source=source, article_id=next_id, statements=prepared.count, warnings=list(doc.warnings))


def _write_planned(project: Project, planned, outlet, context: _PartyContext) -> None:
    if not planned:
        return
    ids = articles.insert_several(project, [(doc, sha, outlet) for _, doc, sha, _ in planned])
    for article_id, (outcome, *_rest) in zip(ids, planned):
        if article_id != outcome.article_id:  # cannot happen under the write lock; never store it wrong
            raise CounterclaimError("The project changed while articles were being imported; import them again.")
    statements.insert_rows(project, [(article_id, rows) for article_id, (*_, rows) in zip(ids, planned)], context.ids)


def import_text(
    project: Project,
    text: str,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> ImportReport:
    """Import text pasted from a browser or an e-mail; what the user typed about it
    (``title``, ``outlet``, ``published`` as YYYY-MM-DD, ``language``) wins over what the
    text itself suggests."""
    report = ImportReport()
    try:
        doc = importers.parse_pasted(text, title=title)
        given = {"published": published, "language": language}
        doc = replace(doc, **{k: one_line(v) for k, v in given.items() if isinstance(v, str) and v.strip()})
        outcome = store_document(project, doc, one_line(outlet) if isinstance(outlet, str) else outlet, report)
    except CounterclaimError as error:
        outcome = FileOutcome(source="pasted text", error=str(error))
    report.outcomes.append(outcome)
    return report


def read_document(path: str | os.PathLike) -> ParsedDocument:
    """A file read and parsed, not yet stored (the desk's sample article is one)."""
    return importers.read_document(path)


def import_document(project: Project, doc: ParsedDocument, outlet: str | None = None) -> ImportReport:
    """Store one document already read (and described) by the caller, as one import."""
    report = ImportReport()
    try:
        outcome = store_document(project, doc, outlet, report)
    except CounterclaimError as error:
        outcome = FileOutcome(source=doc.source_path or "the article", error=str(error))
    report.outcomes.append(outcome)
    return report


class _PartyContext:
    """The parties known while a transaction is open, so each article need not re-read them."""

    def __init__(self, project: Project):
        self.reload(project)

    def reload(self, project: Project) -> None:
        found = parties.all_parties(project)
        # the project's parties, with what the newsroom gazetteer knows (app/ops/newsroom.py)
        self.known, self.extra = newsroom.known_for(project)
        self.ids = {p.name: p.id for p in found}
        self._key = None

    def adopt(self, project: Project, rows, report: ImportReport) -> None:
        """Create the newsroom's parties these rows were suggested for (row[7]: party name)."""
        for name in dict.fromkeys(r[7] for r in rows if r[7] and r[7] not in self.ids and r[7] in self.extra):
            party = self.extra.pop(name)
            self.ids[name] = parties.add(project, party.name, party.aliases, origin="newsroom")
            report.new_parties.append(name)

    def add(self, project: Project, party: ProposedParty) -> bool:
        """Store a proposed party; a proposal under an existing party's name adds its aliases
        to that party instead (see ``proposing.propose_parties``). True when a party is new."""
        if party.name in self.ids:
            if parties.learn_aliases(project, self.ids[party.name], party.aliases):
                stored = parties.get(project, self.ids[party.name])
                if stored is not None:  # in place: the order of parties is part of the key
                    self.known = [ProposedParty(p.name, stored.aliases) if p.name == party.name else p
                                  for p in self.known]
                    self._key = None
            return False
        party_id = parties.add(project, party.name, party.aliases, origin="suggested")
        self.ids[party.name] = party_id
        # Known as stored (the store tidies aliases), as the next batch will reload it: the
        # same answers either way (aliases are compared folded), but the same key, so what
        # workers attributed with these parties still counts after the reload.
        stored = parties.get(project, party_id)
        self.known.append(ProposedParty(party.name, stored.aliases if stored is not None else list(party.aliases)))
        self._key = None
        return True

    @property
    def key(self) -> tuple:
        """``party_key(self.known)``, kept until the parties change."""
        if self._key is None:
            self._key = party_key(self.known)
        return self._key

    def same_for(self, key: tuple | None, text: str) -> bool:
        """Would the parties now give ``text`` the answer the parties of ``key`` gave? Yes when
        no name or alias that differs between them (nor its last word, a surname the project
        then knows) occurs in the text or is a country's name in the gazetteer: attribution
        looks parties up by the article's words and by the gazetteer's names of the countries
        they name ("Pakistani army" for a speaker the article ties to Pakistan), so another
        alias cannot change its answer."""
        if key is None:
            return False
        if key == self.key:
            return True
        changed = {form for form, _party in _forms(key) ^ _forms(self.key)}
        low = text.replace("’", "'").casefold()
        return not any(form in low or _gazetteer_form(form) for form in changed)


@functools.lru_cache(maxsize=4096)
def _gazetteer_form(form: str) -> bool:
    return gazetteer.load().is_form(form)


@functools.lru_cache(maxsize=16)
def _forms(key: tuple) -> frozenset[str]:
    """(form, party) for every name and alias of a party key, folded as attribution compares
    them, and for the last word of each (the surname it learns from a full name): a form that
    moves from one party to another differs too."""
    out = set()
    for name, aliases in key:
        for form in (name, *aliases):
            folded = attribution.folded(form)
            if folded:
                out.add((folded, name))
                if " " in folded:
                    out.add((folded.rsplit(" ", 1)[1], name))
    return frozenset(out)


def store_document(
    project: Project,
    doc: ParsedDocument,
    outlet: str | None,
    report: ImportReport,
    context: _PartyContext | None = None,
) -> FileOutcome:
    """Segment, attribute and store one parsed article, all of it or nothing."""
    return _store(project, doc, outlet, report, context)


def _store(
    project: Project,
    doc: ParsedDocument,
    outlet: str | None,
    report: ImportReport,
    context: _PartyContext | None,
    prepared: Prepared | None = None,
) -> FileOutcome:
    """``store_document``, with what a worker already worked out when there is ``prepared``."""
    source = doc.source_path or "pasted text"
    sha = prepared.sha if prepared is not None else fingerprint(doc.text)
    existing = articles.find_by_fingerprint(project, sha)
    if existing is not None:
        return FileOutcome(source=source, article_id=existing, duplicate_of=existing)
    spans = prepared.span_list() if prepared is not None else segment(doc.text)
    if not spans:
        raise CounterclaimError(f"“{Path(source).name}” has no sentences to import.")
    with project.transaction():
        context = context or _PartyContext(project)
        if prepared is not None and (prepared.suggested_for == context.key
                                     or context.same_for(prepared.suggested_for, doc.text)):
            proposed, rows = prepared.proposed, prepared.rows
        else:  # the parties as they stand now, on what the worker read (if it did)
            proposed, attributions = reading.suggest(doc.text, spans, context.known,
                                                     reading=prepared.reading if prepared else None)
            rows = statements.rows_for(doc.text, spans, attributions)
        for party in proposed:
            if context.add(project, party):
                report.new_parties.append(party.name)
        if context.extra:
            context.adopt(project, rows, report)
        article_id = articles.insert(project, doc, sha, outlet)
        ids = statements.insert_rows(project, [(article_id, rows)], context.ids)[0]
    return FileOutcome(source=source, article_id=article_id, statements=len(ids), warnings=list(doc.warnings))


# --- the pipeline: workers prepare, this process stores ---------------------------------------

#: Fewer files than this are imported in this process alone: starting workers costs about
#: as much as preparing this many files.
POOL_MIN_FILES = 300
POOL_WORKERS = 2
#: Files per task sent to a worker: enough to make the round trip cheap, few enough that the
#: first results come back soon.
POOL_CHUNK = 32


@contextmanager
def _children_ignore_ctrl_c():
    """Processes started inside ignore Ctrl-C from their first instruction (an ignored signal
    stays ignored across exec): a Ctrl-C reaching the whole process group is the main
    process's to handle — stop after the batch in hand — not a worker's traceback."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (the desk's imports run in a thread)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Pipeline:
    """Files prepared ahead by worker processes, taken in order by the main process.

    File order, duplicate checks, parties and every write stay in the main process, so a
    pooled import stores exactly what a sequential one does. The main process prepares files
    itself while the workers start, then hands chunks of files ahead of it to the workers with
    the parties known at that moment; a chunk no worker has begun when it is needed is done
    here too, and so is everything if the workers cannot start or break.
    """

    def __init__(self, files: Sequence[Path], executor=None):
        self.files = files
        self.executor = executor
        self.warming: list = []  # one warm-up per worker; chunks go out once they are done
        self.futures: dict[int, object] = {}  # chunk number -> Future
        self.results: dict[int, list | None] = {}
        self.next_chunk = 0
        self.chunks = (len(files) + POOL_CHUNK - 1) // POOL_CHUNK
        self.from_workers = 0  # files a worker prepared (for tests and the benchmark)
        self.known: list[tuple[str, list[str]]] = []  # the parties the next chunks are given
        self.sent: dict[int, list] = {}  # chunk number -> the parties it was given
        self.stolen: dict[int, list] = {}  # chunks the main process prepared while it waited

    @classmethod
    def start(cls, files: Sequence[Path]) -> _Pipeline:
        if len(files) < POOL_MIN_FILES or POOL_WORKERS < 1:
            return cls(files)
        if getattr(sys, "frozen", False) and not app.MULTIPROCESSING_READY:
            return cls(files)
        pipeline = cls(files)
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            with _children_ignore_ctrl_c():
                pipeline.executor = ProcessPoolExecutor(
                    POOL_WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=worker_started
                )
                pipeline.warming = [pipeline.executor.submit(warm_up) for _ in range(POOL_WORKERS)]
        except Exception:  # noqa: BLE001 - no processes here (a sandbox, no semaphores): one process
            pipeline._give_up()
        return pipeline

    def __enter__(self) -> _Pipeline:
        return self

    def __exit__(self, *exc) -> None:
        self._give_up()

    def _give_up(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
        self.futures.clear()
        self.warming = []

    def _submit(self, current: int) -> None:
        """Keep a few chunks per worker in flight ahead of ``current``."""
        if self.executor is None or not all(f.done() for f in self.warming):
            return
        self.next_chunk = max(self.next_chunk, current + 1)
        in_flight = sum(1 for f in self.futures.values() if not f.done())
        while self.next_chunk < self.chunks and in_flight < 3 * POOL_WORKERS:
            c = self.next_chunk
            paths = [str(p) for p in self.files[c * POOL_CHUNK : (c + 1) * POOL_CHUNK]]
            try:
                self.futures[c] = self.executor.submit(prepare_chunk, paths, self.known)
                self.sent[c] = self.known
            except Exception:  # noqa: BLE001 - broken or shut down: the rest is done here
                self._give_up()
                return
            self.next_chunk += 1
            in_flight += 1

    def ready(self, index: int) -> bool:
        """Can ``take(index)`` answer without waiting for a worker?"""
        future = self.futures.get(index // POOL_CHUNK)
        return future is None or future.done() or future.cancel()  # cancelled: done here

    def wait(self, index: int) -> None:
        """Wait for the worker preparing file ``index``, unless it has not begun (then it is
        ours). While it works, prepare a later chunk no worker has begun: the main process
        would otherwise sit idle."""
        c = index // POOL_CHUNK
        future = self.futures.get(c)
        if future is None or future.cancel():
            return
        while not future.done() and self._steal(c):
            pass
        with contextlib.suppress(BaseException):  # cancelled or broken: take() does it here
            future.exception()  # waits; take() collects the result

    def _steal(self, current: int) -> bool:
        """Prepare here the furthest chunk after ``current`` that no worker has begun."""
        for c in sorted(self.futures, reverse=True):
            if c > current and c in self.sent and self.futures[c].cancel():
                del self.futures[c]
                paths = [str(p) for p in self.files[c * POOL_CHUNK : (c + 1) * POOL_CHUNK]]
                self.stolen[c] = prepare_chunk(paths, self.sent.pop(c))
                return True
        return False

    def take(self, index: int, known: Sequence[ProposedParty]) -> Prepared | None:
        """The worker's preparation of file ``index``, or None: prepare it here."""
        c = index // POOL_CHUNK
        if c not in self.results:
            self.known = [(p.name, list(p.aliases)) for p in known]
            future = self.futures.pop(c, None)
            self.sent.pop(c, None)
            chunk = self.stolen.pop(c, None)
            if chunk is not None:
                future = None
            if future is not None and not future.cancelled():
                try:
                    chunk = future.result()
                except Exception:  # noqa: BLE001 - the pool broke (a worker died): go on alone
                    self._give_up()
            self.results = {c: chunk}  # earlier chunks are done with
            self.from_workers += len(chunk or ())
            self._submit(c)
        chunk = self.results[c]
        return None if chunk is None else chunk[index - c * POOL_CHUNK]
