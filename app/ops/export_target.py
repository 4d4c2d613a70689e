"""Where an export may go: never onto the project, its journal, lock or backups.

The check itself lives in ``app.store.targets``, shared with every other write the
journalist aims at a path (Save a Copy As), so there is one list of the project's files.
Standard output is checked the same way: ``>> project.counterclaim`` is refused too.
"""

from __future__ import annotations

import os

from app.store import targets

own_files = targets.own_files


def check_target(project_path: str | os.PathLike, target) -> None:
    """Refuse, with a sentence, an export target that is one of the project's own files
    (or no file name at all). ``target`` is a path or a stream with a descriptor."""
    targets.check_target(project_path, target, "export to")
