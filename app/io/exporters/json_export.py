"""JSON: everything, with a format version, re-importable with ``counterclaim import``.

The structure is described (and checked on the way back in) by ``app.io.project_json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.io.exporters._common import Cancelled, Progress, check_cancel
from app.io.exporters._output import atomic_text
from app.io.project_json import to_document


def write(data, path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    document = to_document(data)
    check_cancel(cancelled)
    with atomic_text(path) as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    if progress is not None:
        progress(1, 1, "JSON")
