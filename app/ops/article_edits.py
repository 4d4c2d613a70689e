"""What the journalist corrects about an article: its language (detected on import).

Each function is one transaction and returns ``Changes`` with the value before and after, so
``apply(project, changes, undo)`` puts it back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from app.core.errors import CounterclaimError
from app.ops.changes import Changes
from app.store import articles
from app.store.database import Project

# BCP 47 as articles carry it: a language ("fa"), optionally a script, region or variant ("fa-AF")
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}")


def set_language(project: Project, article_ids: Sequence[int], language: str | None) -> Changes:
    """Say which language these articles are in ("" or None: not known)."""
    tag = (language or "").strip().replace("_", "-") or None
    if tag is not None and not _TAG.fullmatch(tag):
        raise CounterclaimError(
            f"“{tag[:20]}” is not a language tag: use its code, such as ar, fa, ur, fr, ru or en (fa-AF for Dari)."
        )
    if tag is not None:  # the usual case: "fa", "fa-AF", "sr-Latn"
        first, *rest = tag.split("-")
        tag = "-".join([first.lower(), *(p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest)])
    ids = list(dict.fromkeys(article_ids))
    with project.transaction():
        before = articles.languages(project, ids)
        missing = [i for i in ids if i not in before]
        if missing:
            raise CounterclaimError(f"There is no article {missing[0]} in this project.")
        after = dict.fromkeys(ids, tag)
        articles.set_languages(project, after)
    return Changes.of("articles", article_ids=ids, before=before, after=after)


def apply(project: Project, changes: Changes, undo: bool) -> Changes:
    with project.transaction():
        articles.set_languages(project, changes.before if undo else changes.after)
    return replace(changes, undo=undo)
