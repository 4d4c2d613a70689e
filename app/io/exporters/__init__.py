"""Exporters: one module per format, each with ``write(data, path, progress, cancelled)``.

The registry names modules rather than importing them, so asking for a CSV never loads
Qt (only the PDF writer needs QtGui) and the command line stays quick to start.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from app.core.errors import CounterclaimError


@dataclass(frozen=True)
class Format:
    key: str
    module: str
    suffix: str
    label: str
    binary: bool = False  # a zip or a PDF: garbage on a terminal


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("xlsx", "xlsx", ".xlsx", "Excel workbook (comparison, statements, links, sources)", binary=True),
        Format("csv", "csv_export", ".csv", "CSV table of statements"),
        Format("html", "html", ".html", "Web page (one self-contained file)"),
        Format("pdf", "pdf", ".pdf", "PDF comparison sheet", binary=True),
        Format("md", "markdown", ".md", "Markdown (grid and statement list)"),
        Format("json", "json_export", ".json", "JSON (everything; re-importable)"),
        Format("qdpx", "qdpx", ".qdpx", "REFI-QDA project (QualCoder, MAXQDA, ATLAS.ti, NVivo)", binary=True),
    )
}
ALIASES = {"markdown": "md", "excel": "xlsx", "refi": "qdpx", "refi-qda": "qdpx", "htm": "html"}


def resolve(name: str) -> Format:
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in FORMATS:
        raise CounterclaimError(f"“{name}” is not an export format; use one of: {', '.join(FORMATS)}.")
    return FORMATS[key]


def load(name: str) -> ModuleType:
    """The exporter module for a format name (imported on first use)."""
    return importlib.import_module(f"{__name__}.{resolve(name).module}")
