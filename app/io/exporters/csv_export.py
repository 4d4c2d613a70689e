"""CSV: the Statements table, for any spreadsheet or script.

UTF-8 with a byte-order mark (so Excel picks the right encoding), CRLF line ends and
RFC 4180 quoting from the csv module, and the OWASP formula rule on every text cell.
"""

from __future__ import annotations

import csv
from pathlib import Path

from app.io.exporters._common import (
    STATEMENT_HEADERS,
    Cancelled,
    Progress,
    check_cancel,
    neutralise,
    statement_rows,
)
from app.io.exporters._output import atomic_text


def _cell(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return neutralise(value)


def write(data, path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    total = len(data.statements)
    with atomic_text(path, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, dialect="excel", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(STATEMENT_HEADERS)
        for i, row in enumerate(statement_rows(data), start=1):
            writer.writerow([_cell(v) for v in row])
            if i % 2000 == 0:
                if progress is not None:
                    progress(i, total, "Statements")
                check_cancel(cancelled)
        check_cancel(cancelled)
        if progress is not None:
            progress(total, total, "Statements")
