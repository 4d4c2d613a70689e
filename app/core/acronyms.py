"""Acronyms an article defines: "… the Balochistan Liberation Army (BLA)" -> BLA (app.core.parties)."""

from __future__ import annotations

import re

_DET = re.compile(r"^(?:the|a|an|both)\s+", re.I)


def acronyms_in(text: str) -> dict[str, str]:
    """Acronyms the article defines: "… the Balochistan Liberation Army (BLA)" -> BLA."""
    out: dict[str, str] = {}
    for m in _PAREN_ACRONYM.finditer(text):  # a literal "(" first: cheap on long text
        acr = m.group(1)
        if acr in out:
            continue
        before = text[max(0, m.start() - 120) : m.start()]
        name_match = _NAME_BEFORE.search(before)
        if not name_match:
            continue
        words = _DET.sub("", name_match.group(1).strip()).split()
        # keep only as many words as the acronym needs ("…the Balochistan Liberation Army")
        initials = [w for w in words if w[:1].isupper()]
        if len(initials) > len(acr) + 1 and len(words) > len(acr):
            words = words[-(len(acr) + 1) :]
        name = _DET.sub("", " ".join(words))
        if name:
            out[acr] = name
    return out


_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z\-]{1,9})\)")
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|for|the|and|al|el|de|e)\s+|[a-z]+-[a-z]+\s+)*){0,8}[A-Z][\w’'\-]*)\s*$"
)


def acronym_for(name: str, acronyms: dict[str, str]) -> str | None:
    for acr, full in acronyms.items():
        if full == name:
            return acr
    return None
