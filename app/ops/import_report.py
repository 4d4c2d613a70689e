"""What an import did: one ``FileOutcome`` per file (or paste), gathered in an ``ImportReport``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.ops.changes import Changes


@dataclass
class FileOutcome:
    """What happened to one file (or one paste)."""

    source: str
    article_id: int | None = None
    statements: int = 0
    duplicate_of: int | None = None
    error: str | None = None
    #: Why a folder's entry was left out unread (a link out of the folder, a pipe…).
    skipped: str | None = None
    #: Sentences about an imported file the user should read (a stray byte replaced…).
    warnings: list[str] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return self.article_id is not None and self.duplicate_of is None


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    new_parties: list[str] = field(default_factory=list)
    cancelled: bool = False
    files: int = 0  # the files to import, folders' contents counted

    @property
    def imported(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.imported]

    @property
    def duplicates(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.duplicate_of is not None]

    @property
    def refused(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.error is not None]

    @property
    def skipped(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.skipped is not None]

    @property
    def changes(self) -> Changes:
        """What the desk's views refresh: the new articles (and parties, if any are new)."""
        kinds = ("articles", "parties") if self.new_parties else ("articles",)
        return Changes.of(*kinds, article_ids=[o.article_id for o in self.imported])

    @property
    def warned(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.warnings]

    def last_saved(self) -> FileOutcome | None:
        """The last file whose article is in the project (for "stopped after …")."""
        return next((o for o in reversed(self.outcomes) if o.imported), None)

    def stopped_summary(self) -> str:
        """What a cancelled import leaves: "1,024 articles were saved, the last from “a.txt”;
        1,976 of 3,000 files were not imported." """
        saved = len(self.imported)
        last = self.last_saved()
        text = f"{saved:,} article{' was' if saved == 1 else 's were'} saved"
        if last is not None:
            text += f", the last from “{Path(last.source).name}”"
        left = self.files - len([o for o in self.outcomes if o.skipped is None])
        return text + f"; {left:,} of {self.files:,} file{'' if self.files == 1 else 's'} {'was' if left == 1 else 'were'} not imported."
