"""Markdown: the grid as a table plus the statement list, for a CMS or a chat.

Text is escaped so nothing a statement says becomes markup: ``<script>`` stays words,
``|`` cannot break the table, ``*`` and ``_`` cannot turn on emphasis.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.core.words import counted
from app.io.exporters._common import SUGGESTED_LEGEND, Cancelled, Progress, check_cancel, party_label
from app.io.exporters._output import atomic_output

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")


def md(text) -> str:
    """Escape text for inline Markdown (one line: newlines become spaces)."""
    text = " ".join(("" if text is None else str(text)).split())
    return _SPECIAL.sub(r"\\\1", text)


def _entry(entry) -> str:
    """One statement in a grid cell: a suggestion in italics and labelled."""
    if entry.status == "suggested":
        return f"_{md(entry.text)}_<br>*{md(entry.citation.short())}* (suggested)"
    return f"{md(entry.text)}<br>*{md(entry.citation.short())}*"


def render(data, cancelled: Cancelled | None = None) -> str:
    grid = data.grid()
    out = [f"# {md(data.project_name)} — comparison sheet", ""]
    out.append(
        f"Exported {data.exported_at[:16].replace('T', ' ')} · {counted(len(data.statements), 'statement')}, "
        f"{counted(len(grid.columns), 'party')}, {counted(len(grid.rows), 'topic')}"
    )
    out += ["", "## Comparison", ""]
    if grid.rows and grid.columns:
        out += [f"*{md(SUGGESTED_LEGEND)}*", ""]
        out.append("| Topic | " + " | ".join(md(c.name) for c in grid.columns) + " |")
        out.append("|---" * (len(grid.columns) + 1) + "|")
        for r, row in enumerate(grid.rows):
            cells = []
            for entries in grid.row_cells(r):
                if not entries:
                    cells.append("—")
                    continue
                cells.append("<br><br>".join(_entry(e) for e in entries))
            out.append(f"| **{md(row.name)}** | " + " | ".join(cells) + " |")
    else:
        out.append("No topics or parties to compare yet.")
    out += ["", "## Statements", ""]
    by_article: dict[int, list[dict]] = {}
    for s in data.statements:
        by_article.setdefault(s["article_id"], []).append(s)
    for article in data.articles:
        rows = by_article.get(article["id"])
        if not rows:
            continue
        check_cancel(cancelled)
        title = article.get("title") or f"Article {article['id']}"
        bits = [b for b in (article.get("outlet"), (article.get("published") or "")[:10]) if b]
        out.append(f"### {md(title)}" + (f" ({md(', '.join(bits))})" if bits else ""))
        out.append("")
        for s in rows:
            who = s.get("party") or ("narration" if s.get("status") else "untagged")
            details = [f"¶{s['paragraph']}"]
            if s.get("topics"):
                details.append("topics: " + ", ".join(s["topics"]))
            if s.get("status"):
                details.append(s["status"])
            out.append(f"- **{md(who)}** — {md(s['text'])} *({md('; '.join(details))})*")
        out.append("")
    if data.links:
        out += ["## Counterclaims", ""]
        for link in data.links:
            a = data.statements_by_id[link["source_id"]]
            b = data.statements_by_id[link["target_id"]]
            note = f" — {md(link['note'])}" if link.get("note") else ""
            out.append(
                f"- **{md(party_label(a))}**: {md(a['text'])} "
                f"*{md(link['relation'])}* **{md(party_label(b))}**: {md(b['text'])}{note}"
            )
        out.append("")
    return "\n".join(out)


def write(data, path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    text = render(data, cancelled)
    with atomic_output(path) as out:
        out.write(text.encode("utf-8"))
    if progress is not None:
        progress(1, 1, "Markdown")
