"""Structural edits of statements: split a sentence so a quote inside it stands alone.

Each edit is one transaction and returns exact snapshots before and after (same ids
every time), so the desk can undo and redo it without anything drifting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.core.errors import CounterclaimError
from app.store import statements
from app.store.database import Project
from app.store.statements import Snapshot


@dataclass(frozen=True)
class StatementsChange:
    before: Snapshot
    after: Snapshot
    article_id: int
    focus_id: int  # the statement the journalist selected (the new middle piece)

    @property
    def statement_ids(self) -> list[int]:
        return self.before.ids + self.after.ids


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def plan_split(statement_text: str, offset: int, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Pieces (start, end, is_selection) covering a statement when ``start:end`` is cut out.

    Offsets are article offsets; ``offset`` is where the statement starts. A leftover piece
    with no letters or digits (a closing quote and a full stop) joins the selection.
    """
    end_of = offset + len(statement_text)
    start, end = max(start, offset), min(end, end_of)
    local = statement_text
    s, e = _trim(local, start - offset, end - offset)
    if s >= e:
        raise CounterclaimError("Select some words of the statement first.")
    head = _trim(local, 0, s)
    tail = _trim(local, e, len(local))
    pieces: list[tuple[int, int, bool]] = []
    if head[1] > head[0] and not _has_words(local[head[0] : head[1]]):
        s = head[0]
        head = (0, 0)
    if tail[1] > tail[0] and not _has_words(local[tail[0] : tail[1]]):
        e = tail[1]
        tail = (0, 0)
    if head[1] > head[0]:
        pieces.append((offset + head[0], offset + head[1], False))
    pieces.append((offset + s, offset + e, True))
    if tail[1] > tail[0]:
        pieces.append((offset + tail[0], offset + tail[1], False))
    return pieces


def split(
    project: Project,
    statement_id: int,
    start: int,
    end: int,
    party_id: int | None = None,
    status: str | None = "keep",
) -> StatementsChange:
    """Make ``start:end`` (article offsets, inside one statement) a statement of its own.

    The parts before and after keep the original's tag, topics and attribution; links to
    the original move to the new statement. ``status`` "keep" leaves the tag as it was;
    otherwise the new statement gets ``party_id`` with that status (tag while splitting).
    """
    with project.transaction():
        before = statements.snapshot(project, [statement_id])
        if not before.rows:
            raise CounterclaimError(f"There is no statement {statement_id} in this project.")
        old = before.rows[0]
        pieces = plan_split(old["text"], old["start"], start, end)
        if len(pieces) == 1:
            raise CounterclaimError("The selection is the whole statement already; tag it as it is.")
        next_id = statements.next_id(project)
        quotes = json.loads(old["quotes"] or "[]")
        rows, focus = [], None
        for index, (p_start, p_end, selected) in enumerate(pieces):
            row = dict(old)
            row.update(
                id=next_id + index,
                start=p_start,
                end=p_end,
                text=old["text"][p_start - old["start"] : p_end - old["start"]],
                quotes=json.dumps(_clipped(quotes, p_start, p_end)),
            )
            if selected:
                focus = row["id"]
                if status != "keep":
                    row.update(party_id=party_id, status=status)
            rows.append(row)
        topics = tuple((r["id"], topic) for r in rows for _, topic in before.topics)
        links = tuple(
            {
                **link,
                "source_id": focus if link["source_id"] == statement_id else link["source_id"],
                "target_id": focus if link["target_id"] == statement_id else link["target_id"],
            }
            for link in before.links
        )
        carried = tuple((sid, focus) for sid, _ in before.carried)
        after = Snapshot(tuple(rows), topics, links, carried)
        statements.swap(project, before, after)
    return StatementsChange(before, after, old["article_id"], focus)


def apply(project: Project, change: StatementsChange, undo: bool) -> None:
    """Undo (or redo) a structural change exactly, in one transaction."""
    with project.transaction():
        if undo:
            statements.swap(project, change.after, change.before)
        else:
            statements.swap(project, change.before, change.after)


def _clipped(quotes: list, start: int, end: int) -> list[list[int]]:
    """Quote spans cut to one piece of a split: a quote running over the cut keeps its part."""
    return [[max(q[0], start), min(q[1], end)] for q in quotes if q[0] < end and q[1] > start]
