"""Export: a filtered view of the project written out in one of the exchange formats.

Reading happens in one read transaction-free pass over the store (exports never write to
the project); writing goes to a temporary file beside the target and is renamed into
place, so a failure or a cancel never leaves half a file under the final name.
"""

from __future__ import annotations

import inspect
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import CounterclaimError
from app.core.words import counted
from app.io import exporters
from app.io.exporters._common import ExportCancelled
from app.ops.export_target import check_target
from app.store import exchange
from app.store.database import Project

Progress = Callable[[int, int, str], None]
STDOUT = "-"  # ExportSummary.path when the export went to standard output


@dataclass(frozen=True)
class ExportFilters:
    """The choices of the export dialog and of `counterclaim export`."""

    article_ids: tuple[int, ...] = ()
    party_names: tuple[str, ...] = ()
    topic_names: tuple[str, ...] = ()
    confirmed_only: bool = False

    def selection(self) -> exchange.Selection:
        return exchange.Selection(
            article_ids=tuple(self.article_ids),
            party_names=tuple(self.party_names),
            topic_names=tuple(self.topic_names),
            confirmed_only=self.confirmed_only,
        )


@dataclass
class ExportSummary:
    format: str
    path: Path
    articles: int = 0
    statements: int = 0
    parties: int = 0
    topics: int = 0
    links: int = 0
    grid_statements: int = 0
    empty_cells: int = 0
    bytes: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def sentence(self) -> str:
        where = "standard output" if str(self.path) == STDOUT else self.path.name
        return (
            f"Wrote {where}: {counted(self.statements, 'statement')} from {counted(self.articles, 'article')}, "
            f"{counted(self.parties, 'party')} × {counted(self.topics, 'topic')} "
            f"({counted(self.empty_cells, 'empty cell')}), {counted(self.links, 'link')}."
        )


def _size(path) -> int:
    """Bytes written to a regular file (a stream or a device has no size to report)."""
    try:
        return path.stat().st_size if isinstance(path, Path) and path.is_file() else 0
    except OSError:
        return 0


def formats() -> dict[str, exporters.Format]:
    return dict(exporters.FORMATS)


def export_format(name: str) -> exporters.Format:
    """The format a key or alias names (``xlsx``, ``excel``), else a sentence listing them."""
    return exporters.resolve(name)


def preview_html(grid) -> str:
    """The comparison grid as the HTML export draws it, without anchors: the dialog's preview."""
    from app.io.exporters.html import grid_html

    return grid_html(grid, anchors=False)


def default_path(project: Project, fmt: str, folder: str | os.PathLike | None = None) -> Path:
    spec = exporters.resolve(fmt)
    folder = Path(folder) if folder else project.path.parent
    return folder / f"{project.name}-comparison{spec.suffix}"


def gather(project: Project, filters: ExportFilters | None = None) -> exchange.ExportData:
    """What an export holds (also what the desk's preview shows)."""
    return exchange.select(project, (filters or ExportFilters()).selection())


def export(
    project: Project,
    fmt: str,
    out_path,
    filters: ExportFilters | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    **options,
) -> ExportSummary:
    """Write the project (or the filtered part of it) to ``out_path`` in format ``fmt``.

    ``progress(done, total, stage)`` is called as the work goes; ``cancelled()`` returning
    True stops it with ``ExportCancelled`` and no file. ``options`` go to the exporter
    (``page_size="Letter"`` for PDF). ``out_path`` may also be a binary stream with a
    descriptor (standard output). The project's own files are refused as targets.
    """
    started = time.perf_counter()
    spec = exporters.resolve(fmt)
    module = exporters.load(spec.key)
    if hasattr(out_path, "write"):
        path = out_path
    else:
        if not os.fspath(out_path).strip():  # Path("") would be the current folder
            raise CounterclaimError("Could not export: no file name was given. Name the file to write.")
        path = Path(out_path).expanduser()
        # The format's suffix is added only to a new name: a file that exists, a device
        # (/dev/null) or a pipe is written as the user named it.
        if path.suffix == "" and not os.path.lexists(path):
            path = path.with_suffix(spec.suffix)
    check_target(project.path, path)
    accepted = inspect.signature(module.write).parameters
    unknown = [name for name in options if name not in accepted]
    if unknown:
        raise CounterclaimError(f"The {spec.key} export has no option “{unknown[0]}”.")
    if progress is not None:
        progress(0, 1, "Reading the project")
    data = gather(project, filters)
    if cancelled is not None and cancelled():
        raise ExportCancelled("The export was cancelled; no file was written.")
    grid = data.grid()
    module.write(data, path, progress=progress, cancelled=cancelled, **options)
    summary = ExportSummary(
        format=spec.key,
        path=Path(STDOUT) if hasattr(path, "write") else path,
        articles=len(data.articles),
        statements=len(data.statements),
        parties=len(grid.columns),
        topics=len(grid.rows),
        links=len(data.links),
        grid_statements=grid.statement_count,
        empty_cells=sum(1 for r in range(len(grid.rows)) for c in range(len(grid.columns)) if grid.is_empty(r, c)),
        bytes=_size(path),
        seconds=time.perf_counter() - started,
    )
    if not grid.rows and spec.key not in ("json", "qdpx", "csv"):
        summary.warnings.append("No statement has a topic yet, so the comparison grid is empty.")
    return summary
