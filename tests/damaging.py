"""Damage a project the way a disk fault does: overwrite part of one of a table's pages."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def damage_table(path: Path, table: str = "statements") -> int:
    """Overwrite the cell area of the last b-tree page of `table`; returns the page number."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]
    page = pages[-1]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size + 8)
        handle.write(b"\xde\xad\xbe\xef" * 128)
    return page


def seed_statements(project, count: int = 400) -> None:
    """Enough statements for the table to span many pages."""
    from app.ops.importing import import_files

    folder = project.path.parent / "articles"
    folder.mkdir(exist_ok=True)
    for index in range(count // 40):
        text = "\n\n".join(
            f"Officials said bridge {index}-{n} reopened on time. Residents disputed it, saying otherwise."
            for n in range(40)
        )
        (folder / f"a{index}.txt").write_text(text, encoding="utf-8")
    import_files(project, sorted(folder.iterdir()), outlet="World News")
