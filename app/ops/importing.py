"""Import: files or pasted text in, articles with suggested statements out.

Each article is its own transaction, so a refused or cancelled file never leaves
anything half-written, and the files before it stay imported.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core import attribution
from app.core.errors import CounterclaimError
from app.core.models import ParsedDocument, ProposedParty
from app.core.segment import segment
from app.core.text import fingerprint
from app.io import importers
from app.store import articles, parties, statements
from app.store.database import Project


@dataclass
class FileOutcome:
    """What happened to one file (or one paste)."""

    source: str
    article_id: int | None = None
    statements: int = 0
    duplicate_of: int | None = None
    error: str | None = None

    @property
    def imported(self) -> bool:
        return self.article_id is not None and self.duplicate_of is None


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    new_parties: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def imported(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.imported]

    @property
    def duplicates(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.duplicate_of is not None]

    @property
    def refused(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.error is not None]


Progress = Callable[[int, int, str], None]
BATCH_SECONDS = 0.5


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, and the importable files inside any folder (sorted, recursive)."""
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            result.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in importers.SUPPORTED_SUFFIXES
                )
            )
        else:
            result.append(path)
    return result


def import_files(
    project: Project,
    paths: Sequence[str | os.PathLike],
    outlet: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    committed: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import files (and the importable files inside folders).

    Articles are written in batches of about half a second, one transaction each, with
    a savepoint per article: a crash loses at most the batch in flight, never part of
    an article, and a file that fails is undone alone. ``progress(done, total, name)``
    is called before each file; ``committed(count)`` after each batch is safely on disk.
    """
    report = ImportReport()
    files = expand_paths(paths)
    index = 0
    while index < len(files) and not report.cancelled:
        batch: list[FileOutcome] = []
        started = time.monotonic()
        try:
            with project.transaction():
                context = _PartyContext(project)
                while index < len(files) and time.monotonic() - started < BATCH_SECONDS:
                    if cancelled is not None and cancelled():
                        report.cancelled = True
                        break
                    path = files[index]
                    if progress is not None:
                        progress(index, len(files), path.name)
                    batch.append(_import_one(project, path, outlet, context, report))
                    index += 1
        except CounterclaimError as error:  # the batch could not be saved (disk full, locked…)
            for outcome in batch:
                outcome.article_id, outcome.statements, outcome.error = None, 0, str(error)
            report.outcomes.extend(batch)
            break
        report.outcomes.extend(batch)
        if committed is not None:
            committed(len(report.outcomes))
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _import_one(project: Project, path: Path, outlet, context: "_PartyContext", report) -> FileOutcome:
    try:
        doc = importers.read_document(path)
        outcome = store_document(project, doc, outlet, report, context)
    except CounterclaimError as error:
        context.reload(project)  # its savepoint was undone, parties it proposed with it
        outcome = FileOutcome(source=str(path), error=str(error))
    outcome.source = str(path)
    return outcome


def import_text(project: Project, text: str, title: str | None = None, outlet: str | None = None) -> ImportReport:
    """Import text pasted from a browser or an e-mail."""
    report = ImportReport()
    try:
        doc = importers.parse_pasted(text, title=title)
        outcome = store_document(project, doc, outlet, report)
    except CounterclaimError as error:
        outcome = FileOutcome(source="pasted text", error=str(error))
    report.outcomes.append(outcome)
    return report


class _PartyContext:
    """The parties known while a transaction is open, so each article need not re-read them."""

    def __init__(self, project: Project):
        self.reload(project)

    def reload(self, project: Project) -> None:
        found = parties.all_parties(project)
        self.known = [ProposedParty(p.name, p.aliases) for p in found]
        self.ids = {p.name: p.id for p in found}

    def add(self, project: Project, party: ProposedParty) -> None:
        self.ids[party.name] = parties.add(project, party.name, party.aliases)
        self.known.append(party)


def store_document(
    project: Project,
    doc: ParsedDocument,
    outlet: str | None,
    report: ImportReport,
    context: _PartyContext | None = None,
) -> FileOutcome:
    """Segment, attribute and store one parsed article, all of it or nothing."""
    source = doc.source_path or "pasted text"
    sha = fingerprint(doc.text)
    existing = articles.find_by_fingerprint(project, sha)
    if existing is not None:
        return FileOutcome(source=source, article_id=existing, duplicate_of=existing)
    spans = segment(doc.text)
    if not spans:
        raise CounterclaimError(f"“{Path(source).name}” has no sentences to import.")
    with project.transaction():
        context = context or _PartyContext(project)
        proposed, attributions = attribution.suggest(doc.text, spans, context.known)
        for party in proposed:
            context.add(project, party)
            report.new_parties.append(party.name)
        article_id = articles.insert(project, doc, sha, outlet)
        ids = statements.insert_many(project, article_id, doc.text, spans, attributions, context.ids)
    return FileOutcome(source=source, article_id=article_id, statements=len(ids))
