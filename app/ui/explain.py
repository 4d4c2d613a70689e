"""Words for a statement's tag: what the table shows and what tooltips explain."""

from __future__ import annotations

from html import escape

from app.ops.queries import Party


def tag_label(row: dict, party: Party | None) -> str:
    if row["status"] is None:
        return ""
    if row["party_id"] is None:
        return "Narration"
    return party.name if party else "?"


def status_label(status: str | None) -> str:
    return {"confirmed": "Confirmed", "suggested": "Suggested"}.get(status or "", "Untagged")


def tooltip(row: dict, party: Party | None) -> str:
    """Why the statement carries its tag, in a journalist's words (rich text)."""
    status = row["status"]
    if status == "confirmed":
        head = f"<b>{escape(tag_label(row, party))}</b> — confirmed by you"
    elif status == "suggested":
        who = escape(tag_label(row, party))
        confidence = row.get("confidence")
        sure = f" ({round(confidence * 100)}% sure)" if confidence is not None else ""
        head = f"<b>Suggested: {who}</b>{sure}<br><i>Press Enter to confirm, 1–9 or 0 to change.</i>"
    else:
        head = "<b>Untagged</b> — press 1–9 for a party, 0 for narration"
    lines = [head]
    if row.get("id") is not None:  # the one number the CLI, exports and reasons use
        lines.append(f"Statement {row['id']}")
    if row.get("speaker"):
        lines.append(f"Speaker: “{escape(row['speaker'])}”")
    if row.get("cue"):
        lines.append(f"Cue: “{escape(row['cue'])}”")
    if row.get("reason"):
        lines.append(f"Why: {escape(row['reason'])}")
    if row.get("carried_from"):
        lines.append(f"Speaker carried over from statement {row['carried_from']}")
    if row.get("topics"):
        lines.append(f"Topics: {escape(row['topics'])}")
    return "<qt>" + "<br>".join(lines) + "</qt>"
