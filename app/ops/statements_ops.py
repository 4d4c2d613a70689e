"""Structural edits of statements: split a sentence so a quote inside it stands alone, or
join adjacent statements the segmenter cut apart.

Each edit is one transaction and returns ``Changes`` holding exact snapshots before and after
(same ids every time), so the desk can undo and redo it without anything drifting.
"""

from __future__ import annotations

import json
from dataclasses import replace

from app.core.errors import CounterclaimError
from app.ops.changes import Changes
from app.store import statements
from app.store.database import Project
from app.store.statements import Snapshot


def _changes(before: Snapshot, after: Snapshot, article_id: int, focus_id: int) -> Changes:
    """``focus_id``: the statement the journalist selected (the new middle piece)."""
    return Changes.of(
        "structure",
        "tags",
        statement_ids=before.ids + after.ids,
        article_ids=[article_id],
        focus_ids=[focus_id],
        before=before,
        after=after,
    )


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
) -> Changes:
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
    return _changes(before, after, old["article_id"], focus)


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    """Undo (or redo) a structural change exactly, in one transaction; an undo selects the
    statements as they were again."""
    with project.transaction():
        if undo:
            statements.swap(project, changes.after, changes.before)
        else:
            statements.swap(project, changes.before, changes.after)
    return replace(changes, undo=undo, focus_ids=tuple(changes.before.ids) if undo else changes.focus_ids)


def _clipped(quotes: list, start: int, end: int) -> list[list[int]]:
    """Quote spans cut to one piece of a split: a quote running over the cut keeps its part."""
    return [[max(q[0], start), min(q[1], end)] for q in quotes if q[0] < end and q[1] > start]


def join(project: Project, ids: list[int]) -> Changes:
    """Make adjacent statements of one paragraph one statement, in one transaction.

    The joined statement spans from the first one's start to the last one's end (the words
    between them are the article's own), gets a new id, and carries every topic of its parts,
    their links (one to another is dropped) and whatever continued from them. Its tag: the
    first confirmed one in reading order, else the first suggestion with a party, else the
    first statement's; parts confirmed for different parties are refused — the journalist
    decides. Kind, speaker, cue and reason come with the tag; notes are kept, one per line.
    It is page furniture only if every part was.
    """
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if len(wanted) < 2:
        raise CounterclaimError("Choose at least two adjacent statements to join.")
    with project.transaction():
        before = statements.snapshot(project, wanted)
        found = {r["id"] for r in before.rows}
        rows = _joinable(project, wanted, before.rows, found)
        joined = _joined_row(project, rows, found)
        new = joined["id"]
        topics = tuple(sorted({(new, topic) for _, topic in before.topics}))
        links = _links_moved_to(new, before.links, found)
        carried = tuple((sid, new) for sid, _ in before.carried if sid not in found)
        after = Snapshot((joined,), topics, links, carried)
        statements.swap(project, before, after)
    return _changes(before, after, rows[0]["article_id"], new)


def _joinable(project: Project, wanted: list[int], found_rows, found: set[int]) -> list[dict]:
    """The statements to join in reading order, or a sentence saying why they cannot be."""
    missing = [i for i in wanted if i not in found]
    if missing:
        raise CounterclaimError(f"There is no statement {missing[0]} in this project.")
    rows = sorted(found_rows, key=lambda r: r["start"])
    first, last = rows[0], rows[-1]
    if len({r["article_id"] for r in rows}) > 1:
        raise CounterclaimError("Only statements of one article can be joined.")
    if len({r["paragraph"] for r in rows}) > 1:
        raise CounterclaimError(
            f"Statements {first['id']} and {last['id']} are in different paragraphs; only statements "
            "of one paragraph can be joined."
        )
    between = statements.ids_between(project, first["article_id"], first["start"], last["end"])
    stray = [i for i in between if i not in found]
    if stray:
        raise CounterclaimError(
            f"Statement {stray[0]} stands between them; join adjacent statements only (include it too)."
        )
    if len({r["party_id"] for r in rows if r["status"] == "confirmed"}) > 1:
        raise CounterclaimError(
            "These statements are confirmed for different sides; tag them alike first, then join them."
        )
    return rows


def _joined_row(project: Project, rows: list[dict], found: set[int]) -> dict:
    """The one statement the parts become: the lead's tag, the whole span, every note and quote."""
    first, last = rows[0], rows[-1]
    lead = next(
        (r for r in rows if r["status"] == "confirmed"),
        next((r for r in rows if r["party_id"] is not None), first),
    )
    text = statements.article_text(project, first["article_id"])
    joined = dict(lead)
    notes = [r["note"] for r in rows if r["note"]]
    quotes = sorted({tuple(q) for r in rows for q in json.loads(r["quotes"] or "[]")})
    joined.update(
        id=statements.next_id(project),
        start=first["start"],
        end=last["end"],
        text=text[first["start"] : last["end"]],
        paragraph=first["paragraph"],
        note="\n".join(notes) if notes else None,
        quotes=json.dumps([list(q) for q in quotes]),
        carried_from=None if lead["carried_from"] in found else lead["carried_from"],
    )
    if "furniture" in joined:
        joined["furniture"] = first["furniture"] if all(r.get("furniture") for r in rows) else None
    return joined


def _links_moved_to(new: int, links, found: set[int]) -> tuple[dict, ...]:
    """The parts' links, now of the joined statement; one between two parts is dropped."""
    moved = []
    for link in links:
        source = new if link["source_id"] in found else link["source_id"]
        target = new if link["target_id"] in found else link["target_id"]
        if source != target:
            moved.append({**link, "source_id": source, "target_id": target})
    return tuple(moved)
