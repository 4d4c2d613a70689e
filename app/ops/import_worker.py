"""The part of an import that runs in worker processes: read, fingerprint, segment, and what the
text says before any party (``app.core.reading.read``): the parties are applied in the main
process, as they stand when each file's turn comes.

Kept apart from ``app.ops.importing`` so a worker loads only what it needs (the core, the
text readers, the pure row builder), not the project database layer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core import reading
from app.core.attribution import party_key
from app.core.errors import CounterclaimError
from app.core.models import ParsedDocument, ProposedParty, Span
from app.core.segment import segment
from app.core.text import fingerprint
from app.io import importers
from app.store.rows import rows_for


@dataclass
class Prepared:
    """What a worker worked out for one file, the same as the steps of ``store_document`` would,
    parties aside; or the refusal sentence. The main process fills in ``proposed`` and ``rows``
    with the parties of the moment (``suggested_for`` is their key)."""

    doc: ParsedDocument | None = None
    sha: str = ""
    spans: list[Span] = field(default_factory=list)
    suggested_for: tuple | None = None  # the key of the parties attribution was given
    reading: reading.Reading | None = None  # what the text says before parties (app.core.reading.read)
    proposed: list[ProposedParty] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # statements.rows_for the spans and attributions
    count: int = 0  # statements

    def span_list(self) -> list[Span]:
        """The spans, rebuilt from the rows when the worker sent only those."""
        return self.spans or [Span(r[0], r[1], r[3]) for r in self.rows]
    error: str | None = None


def prepare_chunk(paths: list[str], known: list[tuple[str, list[str]]]) -> list[Prepared | None]:
    """In a worker: ``prepare_one`` for each file, with the parties the main process knew."""
    parties = [ProposedParty(name, list(aliases)) for name, aliases in known]
    return [prepare_one(path, parties) for path in paths]


def prepare_one(path: str, parties: Sequence[ProposedParty] | None = None) -> Prepared | None:
    """Read, fingerprint and segment one file, read who speaks in it, and (given ``parties``)
    attribute it with them: the main process keeps that when nothing it learned since is in
    this article, and otherwise applies its parties to the reading kept here.

    A refusal comes back as its sentence. Anything else that goes wrong (a bug) comes back
    as None, and the file is done again the plain way, so the error surfaces exactly where
    and as it would have.
    """
    try:
        doc = importers.read_document(path)
    except CounterclaimError as error:
        return Prepared(error=str(error))
    except Exception:  # noqa: BLE001 - done again the plain way, which reports it
        return None
    try:
        prepared = Prepared(doc=doc, sha=fingerprint(doc.text), spans=segment(doc.text))
    except Exception:  # noqa: BLE001
        return None
    prepared.count = len(prepared.spans)
    if prepared.spans:
        # What the text says, parties aside: the parties are the main process's to apply, as
        # they stand when this file's turn comes (they change with nearly every article).
        with contextlib.suppress(Exception):  # read again when stored, where it is reported
            prepared.reading = reading.read(doc.text, prepared.spans)
            if parties is not None:
                prepared.proposed, attributions = reading.suggest(doc.text, prepared.spans, parties,
                                                                  reading=prepared.reading)
                prepared.rows = rows_for(doc.text, prepared.spans, attributions)
                prepared.suggested_for = party_key(parties)
    return prepared


def worker_started() -> None:
    """In a new worker: leave with the main process, and yield the processor to it.

    A worker whose main process is killed would otherwise wait for work forever; Ctrl-C is
    the main process's to handle. The main process writes, and that is the bottleneck
    (SQLite and its full-text index take one process), so the workers run at a lower
    priority; the desk stays responsive too.
    """
    import multiprocessing
    import signal
    import threading

    # Ctrl-C in a terminal reaches the whole process group: the main process decides what
    # it means (stop after the batch in hand), a worker does not die half-way through a chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    if hasattr(os, "nice") and WORKER_NICENESS:
        with contextlib.suppress(OSError):  # pragma: no cover - not allowed here: same priority, still correct
            os.nice(WORKER_NICENESS)


def _exit_with(parent) -> None:
    parent.join()  # returns when the main process is gone, however it ended
    os._exit(0)


WORKER_NICENESS = 10


def warm_up() -> bool:
    """Load what reading an English article needs (the gazetteer, the places, the cue
    pattern: about half a second the first time in a process, nothing after), so the first
    file neither keeps a new worker's chunk waiting nor holds the project's write lock while
    it loads. Other languages' profiles load when the first such article comes."""
    from app.core import cues, gazetteer, places

    gazetteer.load()
    places.is_place("Kyiv")
    cues.cue_matches("The ministry said so.")
    return True
